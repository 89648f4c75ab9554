import { boolean, number, object, oneOf, optional, string } from '@cloud/core/service';
import { boolHeader, header, intHeader, type ResponseHeaders } from '../internal/headers.js';

/**
 * A container's settings on the Rackspace Cloud Files CDN.
 * @example const { uri, sslUri, ttl } = await getContainerCdn(swift, 'site');
 */
export interface CdnContainer {
  name: string;
  enabled: boolean;
  /** Seconds edge servers cache objects. */
  ttl?: number | undefined;
  /** Whether CDN access logs are kept in `.CDN_ACCESS_LOGS`. */
  logRetention?: boolean | undefined;
  /** `http://…rackcdn.com` base URL; objects are at `<uri>/<name>`. */
  uri?: string | undefined;
  sslUri?: string | undefined;
  streamingUri?: string | undefined;
  iosUri?: string | undefined;
}

/** @internal wire shape of a CDN listing row */
export interface CdnContainerWire {
  name: string;
  cdn_enabled?: boolean | string;
  ttl?: number;
  log_retention?: boolean | string;
  cdn_uri?: string;
  cdn_ssl_uri?: string;
  cdn_streaming_uri?: string;
  cdn_ios_uri?: string;
}

const bool = (v: boolean | string | undefined): boolean | undefined =>
  v === undefined ? undefined : typeof v === 'boolean' ? v : /^true$/i.test(v);

/** @internal Shape of a row of the CDN container listing. */
export const CDN_ROW = object<CdnContainerWire>({
  name: string,
  cdn_enabled: optional(oneOf(boolean, string)),
  ttl: optional(number),
  log_retention: optional(oneOf(boolean, string)),
  cdn_uri: optional(string),
  cdn_ssl_uri: optional(string),
  cdn_streaming_uri: optional(string),
  cdn_ios_uri: optional(string),
});

/** @internal */
export const parseCdnContainer = (w: CdnContainerWire): CdnContainer => ({
  name: w.name,
  enabled: bool(w.cdn_enabled) ?? false,
  ttl: w.ttl,
  logRetention: bool(w.log_retention),
  uri: w.cdn_uri,
  sslUri: w.cdn_ssl_uri,
  streamingUri: w.cdn_streaming_uri,
  iosUri: w.cdn_ios_uri,
});

/** @internal From the headers of a CDN HEAD/PUT. */
export const parseCdnHeaders = (name: string, h: ResponseHeaders): CdnContainer => ({
  name,
  enabled: boolHeader(h, 'x-cdn-enabled') ?? false,
  ttl: intHeader(h, 'x-ttl'),
  logRetention: boolHeader(h, 'x-log-retention'),
  uri: header(h, 'x-cdn-uri'),
  sslUri: header(h, 'x-cdn-ssl-uri'),
  streamingUri: header(h, 'x-cdn-streaming-uri'),
  iosUri: header(h, 'x-cdn-ios-uri'),
});

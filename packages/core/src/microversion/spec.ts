import type { RequestOptions } from '../http/transport.js';

/**
 * How one service speaks microversions. Service packages declare one constant of it.
 * @example
 * ```ts
 * const VOLUME: MicroversionSpec = { service: 'volume', base: '3.0' };
 * const COMPUTE: MicroversionSpec = { service: 'compute', base: '2.1', legacyHeader: 'x-openstack-nova-api-version' };
 * ```
 */
export interface MicroversionSpec {
  /** The service name in `OpenStack-API-Version: <service> <version>` (`volume`, `compute`). */
  readonly service: string;
  /** The version the server assumes when no header is sent (`3.0` for Cinder, `2.1` for Nova). */
  readonly base: string;
  /** A header that also carries the bare version, for older servers (Nova: `x-openstack-nova-api-version`). */
  readonly legacyHeader?: string | undefined;
}

/**
 * `RequestOptions` of an operation of a service with microversions: `microversion` overrides the
 * client's version for this one call (gates are checked against it, and it is sent as the header).
 * @example
 * ```ts
 * await listVolumes(volumes, { withCount: true }, { microversion: '3.45' });
 * ```
 */
export interface MicroversionRequestOptions extends RequestOptions {
  /** `"3.59"` or `"latest"`: the microversion of this call, instead of the client's. */
  microversion?: string | undefined;
}

/**
 * The headers that ask for `version`: `OpenStack-API-Version: <service> <version>`, plus the
 * service's legacy header if it has one. No version, no headers (the server's base version).
 * Names are lower case, like every header the SDK sends.
 * @example
 * ```ts
 * microversionHeaders({ service: 'volume', base: '3.0' }, '3.59'); // { 'openstack-api-version': 'volume 3.59' }
 * await client.request('GET', 'volumes/summary', { headers: microversionHeaders(VOLUME, '3.12') });
 * ```
 */
export function microversionHeaders(
  spec: MicroversionSpec,
  version: string | undefined,
): Record<string, string> {
  if (version === undefined) return {};
  return {
    ...(spec.legacyHeader ? { [spec.legacyHeader.toLowerCase()]: version } : {}),
    'openstack-api-version': `${spec.service} ${version}`,
  };
}

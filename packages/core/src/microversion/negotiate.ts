import { CloudError } from '../errors/errors.js';
import type { RequestOptions } from '../http/transport.js';
import { arrayOf, invalidResponse, object, optional, string } from '../response/shape.js';
import type { ServiceClient } from '../service-client.js';
import { parseTimestamp } from '../wire.js';
import { MicroversionNotSupportedError } from './errors.js';
import type { MicroversionSpec } from './spec.js';
import { compareMicroversions, LATEST_MICROVERSION, parseMicroversion } from './version.js';

/**
 * One major API version from a service's version document, with its microversion range.
 * @example
 * ```ts
 * const v = await getApiVersion(client); // { id: 'v3.0', status: 'CURRENT', minVersion: '3.0', maxVersion: '3.70', … }
 * ```
 */
export interface ServiceApiVersion {
  /** `v3.0`, `v2.1`, … */
  id: string;
  /** `CURRENT`, `SUPPORTED`, `DEPRECATED`. */
  status: string;
  /** Lowest microversion; undefined when this version has none (Nova v2.0, Rackspace). */
  minVersion?: string | undefined;
  /** Highest microversion; undefined when this version has none. */
  maxVersion?: string | undefined;
  updated?: Date | undefined;
  /** `{ href, rel }` links of the version (its own URL, documentation). */
  links: { href: string; rel?: string | undefined; type?: string | undefined }[];
  /** The wire object, unknown fields included (`media-types`, …). */
  raw: Record<string, unknown>;
}

/** @internal wire shape of one entry of `versions[]` */
interface ApiVersionWire {
  id: string;
  status: string;
  version?: string | null;
  min_version?: string | null;
  updated?: string | null;
  links?: { href: string; rel?: string; type?: string }[] | null;
}

const VERSION = object<ApiVersionWire>({
  id: string,
  status: string,
  version: optional(string),
  min_version: optional(string),
  updated: optional(string),
  links: optional(arrayOf(object<{ href: string }>({ href: string }))),
});
const DOCUMENT = object<{ versions?: ApiVersionWire[]; version?: ApiVersionWire }>({
  versions: optional(arrayOf(VERSION)),
  version: optional(VERSION),
});

const SEGMENT = /\/(v\d+(?:\.\d+)?)(?=\/|$)/;

/**
 * The unversioned root of an endpoint, where the version document is served:
 * `https://cinder:8776/v3/abc` → `https://cinder:8776/`, `https://h/volume/v3/abc` → `https://h/volume/`.
 * @example versionRootUrl('https://nova.example.com/v2.1/abc'); // 'https://nova.example.com/'
 */
export function versionRootUrl(endpoint: string): string {
  const url = new URL(endpoint);
  const m = SEGMENT.exec(url.pathname);
  url.pathname = m ? url.pathname.slice(0, m.index + 1) : url.pathname.replace(/\/?$/, '/');
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** `/v3/…` → `v3`, `/v2.1` → `v2.1`; undefined without a version segment. @internal */
const endpointVersionId = (endpoint: string): string | undefined =>
  SEGMENT.exec(new URL(endpoint).pathname)?.[1];

const emptyToUndefined = (v: string | null | undefined): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : v;

const parseVersion = (w: ApiVersionWire): ServiceApiVersion => ({
  id: w.id,
  status: w.status,
  minVersion: emptyToUndefined(w.min_version),
  maxVersion: emptyToUndefined(w.version),
  ...(w.updated ? { updated: parseTimestamp(w.updated) } : {}),
  links: (w.links ?? []).map((l) => ({ href: l.href, rel: l.rel, type: l.type })),
  raw: w as unknown as Record<string, unknown>,
});

/**
 * Reads the version document of the client's service (`GET` on the endpoint's unversioned root,
 * which answers 300 Multiple Choices or 200). The body is shape-checked.
 * @throws InvalidResponseError when the body is not a version document.
 * @example
 * ```ts
 * for (const v of await listApiVersions(client)) console.log(v.id, v.minVersion, v.maxVersion);
 * ```
 */
export async function listApiVersions(
  client: ServiceClient,
  options: RequestOptions = {},
): Promise<ServiceApiVersion[]> {
  const root = versionRootUrl(await client.endpoint(options.signal));
  const res = await client.request('GET', root, {
    ...options,
    okStatuses: [300],
    resource: `${client.type} API versions`,
  });
  const p = DOCUMENT.problem(res.body, 'body');
  if (p) throw invalidResponse(res, p);
  const body = res.body as { versions?: ApiVersionWire[]; version?: ApiVersionWire };
  const list = body.versions ?? (body.version ? [body.version] : undefined);
  if (!list) throw invalidResponse(res, 'the body has no "versions"');
  return list.map(parseVersion);
}

/**
 * The entry of `versions` that the endpoint talks to: the one named by its path (`/v3/` matches
 * `v3.0`, `/v2.1/` matches `v2.1`), else the `CURRENT` one, else the first.
 * @example pickApiVersion(await listApiVersions(client), await client.endpoint());
 */
export function pickApiVersion(
  versions: readonly ServiceApiVersion[],
  endpoint: string,
): ServiceApiVersion | undefined {
  const id = endpointVersionId(endpoint);
  const full = id && !id.includes('.') ? `${id}.0` : id;
  return (
    versions.find((v) => v.id === full || v.id === id) ??
    (id ? versions.find((v) => v.id.split('.')[0] === id.split('.')[0] && v.maxVersion) : undefined) ??
    versions.find((v) => v.status === 'CURRENT') ??
    versions[0]
  );
}

/**
 * Gets the API version the client's endpoint talks to, with the range of microversions it takes.
 * @throws CloudError (`UNEXPECTED_RESPONSE`) when the document lists no version.
 * @example
 * ```ts
 * const { minVersion, maxVersion } = await getApiVersion(client);
 * ```
 */
export async function getApiVersion(
  client: ServiceClient,
  options: RequestOptions = {},
): Promise<ServiceApiVersion> {
  const versions = await listApiVersions(client, options);
  const found = pickApiVersion(versions, await client.endpoint(options.signal));
  if (!found)
    throw new CloudError(`the ${client.type} endpoint listed no API versions`, 'UNEXPECTED_RESPONSE');
  return found;
}

/**
 * The microversion to use given what the caller wants and what the server supports: the highest
 * common version at or below `wanted` (`latest` → the server's maximum; above the maximum → the
 * maximum). Pure: no request.
 * @throws MicroversionNotSupportedError when `wanted` is below the server's minimum, or the server
 *   has no microversions; the message names the supported range.
 * @example
 * ```ts
 * selectMicroversion(VOLUME, { minVersion: '3.0', maxVersion: '3.70' }, '3.80', url); // '3.70'
 * ```
 */
export function selectMicroversion(
  spec: MicroversionSpec,
  range: Pick<ServiceApiVersion, 'minVersion' | 'maxVersion'>,
  wanted: string,
  url: string,
): string {
  parseMicroversion(wanted, 'microversion');
  const { minVersion, maxVersion } = range;
  const fail = (why: string) =>
    new MicroversionNotSupportedError(
      `${spec.service} microversion ${wanted} cannot be used with ${url}: ${why}`,
      { service: spec.service, wanted, minVersion, maxVersion, url },
    );
  if (maxVersion === undefined) throw fail('the server supports no microversions');
  const min = minVersion ?? spec.base;
  if (wanted === LATEST_MICROVERSION || compareMicroversions(wanted, maxVersion) > 0) return maxVersion;
  if (compareMicroversions(wanted, min) < 0) {
    throw fail(`the server supports ${min} to ${maxVersion}`);
  }
  return wanted;
}

/**
 * Negotiates a microversion: reads the version document and returns {@link selectMicroversion}'s
 * answer for `wanted`.
 * @example
 * ```ts
 * const version = await negotiateMicroversion(client, { service: 'volume', base: '3.0' }, '3.64');
 * ```
 */
export async function negotiateMicroversion(
  client: ServiceClient,
  spec: MicroversionSpec,
  wanted: string,
  options: RequestOptions = {},
): Promise<string> {
  parseMicroversion(wanted, 'microversion');
  const version = await getApiVersion(client, options);
  const url = versionRootUrl(await client.endpoint(options.signal));
  return selectMicroversion(spec, version, wanted, url);
}

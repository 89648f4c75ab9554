import { CloudError, type MicroversionRequestOptions, type PagedIterable } from '@cloud/core';
import { arrayOf, invalidResponse, object, optional, parseResponse, singlePage } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import {
  COMPUTE_API_VERSION,
  type ComputeApiVersion,
  type ComputeApiVersionWire,
  parseComputeApiVersion,
} from './types.js';

/** The root document lists `versions`; a versioned endpoint answers with one `version`. */
const VERSIONS = object<{ versions?: ComputeApiVersionWire[]; version?: ComputeApiVersionWire }>({
  versions: optional(arrayOf(COMPUTE_API_VERSION)),
  version: optional(COMPUTE_API_VERSION),
});

const VERSION_SEGMENT = /\/(v\d+(?:\.\d+)?)(?=\/|$)/;

/** The unversioned root of a compute endpoint: `https://nova/v2.1/abc` -> `https://nova/`. @internal */
export function computeRootUrl(endpoint: string): string {
  const url = new URL(endpoint);
  const m = VERSION_SEGMENT.exec(url.pathname);
  url.pathname = m ? url.pathname.slice(0, m.index + 1) : url.pathname.replace(/\/?$/, '/');
  url.search = '';
  return url.toString();
}

/** `v2` -> `v2.0`; `v2.1` stays. @internal */
const versionIdOf = (endpoint: string): string | undefined => {
  const m = VERSION_SEGMENT.exec(new URL(endpoint).pathname)?.[1];
  return m && !m.includes('.') ? `${m}.0` : m;
};

async function fetchVersions(
  client: ComputeClient,
  options?: MicroversionRequestOptions,
): Promise<ComputeApiVersion[]> {
  const root = computeRootUrl(await client.endpoint(options?.signal));
  const res = await client.request('GET', root, {
    ...options,
    okStatuses: [300],
    resource: 'compute API versions',
  });
  const body = parseResponse(res, VERSIONS);
  const list = body.versions ?? (body.version ? [body.version] : undefined);
  if (!list) throw invalidResponse(res, 'the body has neither "versions" nor "version"');
  return list.map(parseComputeApiVersion);
}

/**
 * Lists the major versions of the compute API with their microversion ranges (`GET` on the
 * endpoint's root).
 * @example
 * ```ts
 * for await (const v of listComputeApiVersions(compute)) console.log(v.id, v.status, v.minVersion, v.maxVersion);
 * ```
 */
export function listComputeApiVersions(
  client: ComputeClient,
  options?: MicroversionRequestOptions,
): PagedIterable<ComputeApiVersion> {
  return singlePage(() => fetchVersions(client, options));
}

/**
 * Gets the version of the compute API the client talks to (matched on the endpoint's `/v2.1`
 * segment, else the `CURRENT` one), with the lowest and highest microversion the server accepts.
 * @example
 * ```ts
 * const { minVersion, maxVersion } = await getComputeApiVersion(compute);
 * console.log(`microversions ${minVersion ?? 'none'} to ${maxVersion ?? 'none'}`);
 * ```
 */
export async function getComputeApiVersion(
  client: ComputeClient,
  options?: MicroversionRequestOptions,
): Promise<ComputeApiVersion> {
  const versions = await fetchVersions(client, options);
  const id = versionIdOf(await client.endpoint(options?.signal));
  const found =
    versions.find((v) => v.id === id) ?? versions.find((v) => v.status === 'CURRENT') ?? versions[0];
  if (!found) {
    throw new CloudError('the compute endpoint listed no API versions', 'UNEXPECTED_RESPONSE');
  }
  return found;
}

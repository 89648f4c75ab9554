import type { MicroversionRequestOptions, PagedIterable, RequestOptions } from '@cloud/core';
import { getApiVersion, listApiVersions, type ServiceApiVersion, singlePage } from '@cloud/core/service';
import { type ComputeClient, unversionedClient } from '../client.js';
import type { ComputeApiVersion } from './types.js';

/** Core's version entry in compute's shape (no `raw`; links with a `rel`). @internal */
const toComputeApiVersion = (v: ServiceApiVersion): ComputeApiVersion => ({
  id: v.id,
  status: v.status,
  ...(v.minVersion ? { minVersion: v.minVersion } : {}),
  ...(v.maxVersion ? { maxVersion: v.maxVersion } : {}),
  ...(v.updated ? { updated: v.updated } : {}),
  links: v.links.map((l) => ({ href: l.href, rel: l.rel ?? '', ...(l.type ? { type: l.type } : {}) })),
});

/** The version document is read without a microversion, so it never waits for a negotiation. */
const documentOptions = (options: MicroversionRequestOptions | undefined): RequestOptions => {
  const { microversion: _ignored, ...rest } = options ?? {};
  return rest;
};

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
  return singlePage(async () =>
    (await listApiVersions(unversionedClient(client), documentOptions(options))).map(toComputeApiVersion),
  );
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
  return toComputeApiVersion(await getApiVersion(unversionedClient(client), documentOptions(options)));
}

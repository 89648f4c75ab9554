import type { RequestOptions, ServiceApiVersion } from '@cloud/core';
import { getApiVersion, listApiVersions } from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';

/**
 * Lists the major versions of the block storage API with their microversion ranges (`GET` on the
 * endpoint's unversioned root).
 * @example
 * ```ts
 * for (const v of await listBlockStorageApiVersions(volumes)) console.log(v.id, v.minVersion, v.maxVersion);
 * ```
 */
export function listBlockStorageApiVersions(
  client: BlockStorageClient,
  options?: RequestOptions,
): Promise<ServiceApiVersion[]> {
  return listApiVersions(client, options);
}

/**
 * Gets the API version the client's endpoint talks to (`v3.0` for `/v3/`), with the lowest and
 * highest microversion the server accepts (none on Rackspace's v1).
 * @example
 * ```ts
 * const { minVersion, maxVersion } = await getBlockStorageApiVersion(volumes);
 * ```
 */
export function getBlockStorageApiVersion(
  client: BlockStorageClient,
  options?: RequestOptions,
): Promise<ServiceApiVersion> {
  return getApiVersion(client, options);
}

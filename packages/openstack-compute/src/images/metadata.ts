import type { MicroversionRequestOptions } from '@cloud/core';
import { requireUuid } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import {
  type MetadataTarget,
  readMetadata,
  readMetadataItem,
  removeMetadataItem,
  removeMetadataKeys,
  writeMetadata,
  writeMetadataItem,
} from '../internal/metadata.js';
import type { ComputeMetadata } from '../types.js';
import { requireImageProxy } from './images.js';
import { imagePath } from './urls.js';

const target = (
  client: ComputeClient,
  id: string,
  options: MicroversionRequestOptions | undefined,
): MetadataTarget => {
  requireImageProxy(client, options);
  requireUuid(id, 'imageId');
  return { path: imagePath(id), resource: `image "${id}"` };
};

/**
 * Gets all metadata of an image.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`getGlanceImage` / `getImageProperties`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * const meta = await getImageMetadata(compute, imageId);
 * ```
 */
export async function getImageMetadata(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  return readMetadata(client, target(client, id, options), options);
}

/**
 * Sets the given metadata keys of an image (`POST`): the keys given are added or
 * overwritten, every other key is kept. Returns the whole metadata after the change. Use
 * {@link replaceImageMetadata} to replace the whole set.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`updateGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * await setImageMetadata(compute, imageId, { os_distro: 'ubuntu' }); // other keys stay
 * ```
 */
export async function setImageMetadata(
  client: ComputeClient,
  id: string,
  metadata: ComputeMetadata,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  return writeMetadata(client, target(client, id, options), { metadata, method: 'POST' }, options);
}

/**
 * Replaces the whole metadata of an image (`PUT`): keys not given are removed.
 * Returns the new metadata.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`updateGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * await replaceImageMetadata(compute, imageId, { os_distro: 'ubuntu' }); // every other key is gone
 * ```
 */
export async function replaceImageMetadata(
  client: ComputeClient,
  id: string,
  metadata: ComputeMetadata,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  return writeMetadata(client, target(client, id, options), { metadata, method: 'PUT' }, options);
}

/**
 * Removes the named metadata keys of an image; other keys are kept and keys that are
 * not set are ignored. Nova removes one key per request, so this reads the metadata first and
 * sends one `DELETE` per key that is set.
 * @remarks Removed at compute microversion 2.36.
 * @throws NotFoundError naming the image when it does not exist.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`updateGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * await deleteImageMetadata(compute, imageId, ['owner', 'tier']);
 * ```
 */
export async function deleteImageMetadata(
  client: ComputeClient,
  id: string,
  keys: readonly string[],
  options?: MicroversionRequestOptions,
): Promise<void> {
  return removeMetadataKeys(client, target(client, id, options), keys, options);
}

/**
 * Gets one metadata value of an image.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`getImageProperties`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * const distro = await getImageMetadataItem(compute, imageId, 'os_distro');
 * ```
 */
export async function getImageMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  options?: MicroversionRequestOptions,
): Promise<string> {
  return readMetadataItem(client, target(client, id, options), key, options);
}

/**
 * Sets one metadata value of an image; other keys are kept.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`updateGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * await setImageMetadataItem(compute, imageId, 'os_distro', 'debian');
 * ```
 */
export async function setImageMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  value: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  return writeMetadataItem(client, target(client, id, options), { key, value }, options);
}

/**
 * Deletes one metadata key of an image.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`updateGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * await deleteImageMetadataItem(compute, imageId, 'owner');
 * ```
 */
export async function deleteImageMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  return removeMetadataItem(client, target(client, id, options), key, options);
}

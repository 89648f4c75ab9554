import { type RequestOptions, requireUuid } from '@cloud/core';
import type { ComputeClient } from '../client.js';
import {
  type ComputeMetadata,
  type MetadataTarget,
  readMetadata,
  readMetadataItem,
  removeMetadataItem,
  writeMetadata,
  writeMetadataItem,
} from '../metadata.js';
import { requireImageProxy } from './images.js';
import { imagePath } from './urls.js';

const target = (client: ComputeClient, id: string): MetadataTarget => {
  requireImageProxy(client);
  requireUuid(id, 'imageId');
  return { path: imagePath(id), resource: `image "${id}"` };
};

/**
 * Gets all metadata of an image.
 * @remarks Removed at compute microversion 2.36.
 * @example
 * ```ts
 * const meta = await getImageMetadata(compute, imageId);
 * ```
 */
export async function getImageMetadata(
  client: ComputeClient,
  id: string,
  options?: RequestOptions,
): Promise<ComputeMetadata> {
  return readMetadata(client, target(client, id), options);
}

/**
 * Replaces all metadata of an image (`PUT`).
 * @remarks Removed at compute microversion 2.36.
 * @example
 * ```ts
 * await setImageMetadata(compute, imageId, { os_distro: 'ubuntu' });
 * ```
 */
export async function setImageMetadata(
  client: ComputeClient,
  id: string,
  metadata: ComputeMetadata,
  options?: RequestOptions,
): Promise<ComputeMetadata> {
  return writeMetadata(client, target(client, id), metadata, 'PUT', options);
}

/**
 * Merges keys into an image's metadata (`POST`).
 * @remarks Removed at compute microversion 2.36.
 * @example
 * ```ts
 * await updateImageMetadata(compute, imageId, { owner: 'ops' });
 * ```
 */
export async function updateImageMetadata(
  client: ComputeClient,
  id: string,
  metadata: ComputeMetadata,
  options?: RequestOptions,
): Promise<ComputeMetadata> {
  return writeMetadata(client, target(client, id), metadata, 'POST', options);
}

/**
 * Gets one metadata value of an image.
 * @remarks Removed at compute microversion 2.36.
 * @example
 * ```ts
 * const distro = await getImageMetadataItem(compute, imageId, 'os_distro');
 * ```
 */
export async function getImageMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  options?: RequestOptions,
): Promise<string> {
  return readMetadataItem(client, target(client, id), key, options);
}

/**
 * Sets one metadata value of an image.
 * @remarks Removed at compute microversion 2.36.
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
  options?: RequestOptions,
): Promise<void> {
  return writeMetadataItem(client, target(client, id), key, value, options);
}

/**
 * Deletes one metadata key of an image.
 * @remarks Removed at compute microversion 2.36.
 * @example
 * ```ts
 * await deleteImageMetadataItem(compute, imageId, 'owner');
 * ```
 */
export async function deleteImageMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  options?: RequestOptions,
): Promise<void> {
  return removeMetadataItem(client, target(client, id), key, options);
}

import type { MicroversionRequestOptions } from '@cloud/core';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
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
import { serverPath } from './urls.js';

const target = (id: string): MetadataTarget => {
  requireServerId(id);
  return { path: serverPath(id), resource: `server "${id}"` };
};

/**
 * Gets all metadata of a server.
 * @example
 * ```ts
 * const meta = await getServerMetadata(compute, id); // { role: 'web' }
 * ```
 */
export async function getServerMetadata(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  return readMetadata(client, target(id), options);
}

/**
 * Sets the given metadata keys of a server (`POST`): the keys given are added or
 * overwritten, every other key is kept. Returns the whole metadata after the change. Use
 * {@link replaceServerMetadata} to replace the whole set.
 * @example
 * ```ts
 * await setServerMetadata(compute, id, { role: 'web', tier: 'front' }); // other keys stay
 * ```
 */
export async function setServerMetadata(
  client: ComputeClient,
  id: string,
  metadata: ComputeMetadata,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  return writeMetadata(client, target(id), { metadata, method: 'POST' }, options);
}

/**
 * Replaces the whole metadata of a server (`PUT`): keys not given are removed.
 * Returns the new metadata.
 * @example
 * ```ts
 * await replaceServerMetadata(compute, id, { role: 'web', tier: 'front' }); // every other key is gone
 * ```
 */
export async function replaceServerMetadata(
  client: ComputeClient,
  id: string,
  metadata: ComputeMetadata,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  return writeMetadata(client, target(id), { metadata, method: 'PUT' }, options);
}

/**
 * Removes the named metadata keys of a server; other keys are kept and keys that are
 * not set are ignored. Nova removes one key per request, so this reads the metadata first and
 * sends one `DELETE` per key that is set.
 * @throws NotFoundError naming the server when it does not exist.
 * @example
 * ```ts
 * await deleteServerMetadata(compute, id, ['owner', 'tier']);
 * ```
 */
export async function deleteServerMetadata(
  client: ComputeClient,
  id: string,
  keys: readonly string[],
  options?: MicroversionRequestOptions,
): Promise<void> {
  return removeMetadataKeys(client, target(id), keys, options);
}

/**
 * Gets one metadata value of a server.
 * @throws NotFoundError naming the key when it is not set.
 * @example
 * ```ts
 * const role = await getServerMetadataItem(compute, id, 'role');
 * ```
 */
export async function getServerMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  options?: MicroversionRequestOptions,
): Promise<string> {
  return readMetadataItem(client, target(id), key, options);
}

/**
 * Sets one metadata value of a server; other keys are kept.
 * @example
 * ```ts
 * await setServerMetadataItem(compute, id, 'role', 'db');
 * ```
 */
export async function setServerMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  value: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  return writeMetadataItem(client, target(id), { key, value }, options);
}

/**
 * Deletes one metadata key of a server.
 * @example
 * ```ts
 * await deleteServerMetadataItem(compute, id, 'role');
 * ```
 */
export async function deleteServerMetadataItem(
  client: ComputeClient,
  id: string,
  key: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  return removeMetadataItem(client, target(id), key, options);
}

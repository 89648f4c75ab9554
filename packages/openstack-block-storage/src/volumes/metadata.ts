import type { MicroversionRequestOptions } from '@cloud/core';
import type { BlockStorageClient } from '../client.js';
import { metadataOps } from '../internal/metadata.js';

const ops = metadataOps('volumes', 'volume');

/**
 * Reads a volume's metadata.
 * @example const { app } = await getVolumeMetadata(volumes, id);
 */
export function getVolumeMetadata(
  client: BlockStorageClient,
  volumeId: string,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  return ops.get(client, volumeId, options);
}

/**
 * Merges the given keys into a volume's metadata (other keys stay); returns the whole set.
 * @example await setVolumeMetadata(volumes, id, { app: 'db' });
 */
export function setVolumeMetadata(
  client: BlockStorageClient,
  volumeId: string,
  metadata: Record<string, string>,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  return ops.set(client, volumeId, metadata, options);
}

/**
 * Replaces a volume's whole metadata set with `metadata` (keys not given are removed).
 * @example await replaceVolumeMetadata(volumes, id, { app: 'db' });
 */
export function replaceVolumeMetadata(
  client: BlockStorageClient,
  volumeId: string,
  metadata: Record<string, string>,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  return ops.replace(client, volumeId, metadata, options);
}

/**
 * Removes the named keys from a volume's metadata (one request per key).
 * @example await deleteVolumeMetadata(volumes, id, ['app']);
 */
export function deleteVolumeMetadata(
  client: BlockStorageClient,
  volumeId: string,
  keys: readonly string[],
  options?: MicroversionRequestOptions,
): Promise<void> {
  return ops.delete(client, volumeId, keys, options);
}

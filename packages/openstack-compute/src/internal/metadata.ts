import { type MicroversionRequestOptions, ValidationError } from '@cloud/core';
import { encodeSegment, object, recordOf, requireString, string, unwrap } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import type { ComputeMetadata } from '../types.js';

/** Shape of a `metadata` map (Nova's values are strings). @internal */
export const METADATA = recordOf(string);

/** Checks a metadata map: string keys of 1-255 characters and string values. @internal */
export function validateMetadata(metadata: unknown, field = 'metadata'): ComputeMetadata {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new ValidationError(`${field} must be an object of string values`, field);
  }
  for (const [k, v] of Object.entries(metadata)) {
    if (k.length === 0 || k.length > 255) {
      throw new ValidationError(`${field} keys must be 1 to 255 characters, got "${k}"`, field);
    }
    if (typeof v !== 'string') {
      throw new ValidationError(`${field}["${k}"] must be a string, got ${typeof v}`, `${field}.${k}`);
    }
  }
  return metadata as ComputeMetadata;
}

/** The metadata endpoints shared by servers and images. @internal */
export interface MetadataTarget {
  /** Encoded path of the resource, e.g. `servers/<id>`. */
  path: string;
  /** Names the resource in errors, e.g. `server "<id>"`. */
  resource: string;
}

/** @internal */
export async function readMetadata(
  client: ComputeClient,
  t: MetadataTarget,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  const res = await client.request('GET', `${t.path}/metadata`, { ...options, resource: t.resource });
  return unwrap(res, 'metadata', METADATA);
}

/** What {@link writeMetadata} writes. @internal */
export interface MetadataWrite {
  metadata: ComputeMetadata;
  /** `POST` merges the given keys (`set…Metadata`), `PUT` replaces the whole set (`replace…Metadata`). */
  method: 'PUT' | 'POST';
}

/** @internal */
export async function writeMetadata(
  client: ComputeClient,
  t: MetadataTarget,
  { metadata, method }: MetadataWrite,
  options?: MicroversionRequestOptions,
): Promise<ComputeMetadata> {
  validateMetadata(metadata);
  const res = await client.request(method, `${t.path}/metadata`, {
    ...options,
    json: { metadata },
    resource: t.resource,
  });
  return unwrap(res, 'metadata', METADATA);
}

/**
 * Removes the named keys: reads the metadata (a missing resource is a 404 naming it), then deletes
 * each key that is set, one request per key (Nova has no bulk removal). Keys not set are ignored,
 * as is a key another client removed meanwhile.
 * @internal
 */
export async function removeMetadataKeys(
  client: ComputeClient,
  t: MetadataTarget,
  keys: readonly string[],
  options?: MicroversionRequestOptions,
): Promise<void> {
  if (!Array.isArray(keys)) throw new ValidationError('keys must be an array of strings', 'keys');
  for (const [i, k] of keys.entries()) requireString(k, `keys[${i}]`);
  if (keys.length === 0) return;
  const current = await readMetadata(client, t, options);
  for (const key of new Set(keys)) {
    if (!Object.hasOwn(current, key)) continue;
    await client.request('DELETE', `${t.path}/metadata/${encodeSegment(key)}`, {
      ...options,
      okStatuses: [404],
      resource: `metadata key "${key}" of ${t.resource}`,
    });
  }
}

/** @internal */
export async function readMetadataItem(
  client: ComputeClient,
  t: MetadataTarget,
  key: string,
  options?: MicroversionRequestOptions,
): Promise<string> {
  requireString(key, 'key');
  const res = await client.request('GET', `${t.path}/metadata/${encodeSegment(key)}`, {
    ...options,
    resource: `metadata key "${key}" of ${t.resource}`,
  });
  const meta = unwrap(res, 'meta', object<Record<string, string>>({ [key]: string }));
  return meta[key] as string;
}

/** @internal Sets one key: `{ key, value }`. */
export async function writeMetadataItem(
  client: ComputeClient,
  t: MetadataTarget,
  { key, value }: { key: string; value: string },
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(key, 'key');
  if (typeof value !== 'string') throw new ValidationError('value must be a string', 'value');
  validateMetadata({ [key]: value });
  await client.request('PUT', `${t.path}/metadata/${encodeSegment(key)}`, {
    ...options,
    json: { meta: { [key]: value } },
    resource: t.resource,
  });
}

/** @internal */
export async function removeMetadataItem(
  client: ComputeClient,
  t: MetadataTarget,
  key: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(key, 'key');
  await client.request('DELETE', `${t.path}/metadata/${encodeSegment(key)}`, {
    ...options,
    resource: `metadata key "${key}" of ${t.resource}`,
  });
}

import { encodeSegment, type RequestOptions, requireString, ValidationError } from '@cloud/core';
import type { ComputeClient } from './client.js';

/**
 * Key/value metadata of a server or image. Values are strings.
 * @example await setServerMetadata(compute, id, { role: 'web', owner: 'ops' });
 */
export type ComputeMetadata = Record<string, string>;

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
  options?: RequestOptions,
): Promise<ComputeMetadata> {
  const res = await client.request<{ metadata: ComputeMetadata }>('GET', `${t.path}/metadata`, {
    ...options,
    resource: t.resource,
  });
  return res.body?.metadata ?? {};
}

/** @internal PUT replaces, POST merges. */
export async function writeMetadata(
  client: ComputeClient,
  t: MetadataTarget,
  metadata: ComputeMetadata,
  method: 'PUT' | 'POST',
  options?: RequestOptions,
): Promise<ComputeMetadata> {
  validateMetadata(metadata);
  const res = await client.request<{ metadata: ComputeMetadata }>(method, `${t.path}/metadata`, {
    ...options,
    json: { metadata },
    resource: t.resource,
  });
  return res.body?.metadata ?? {};
}

/** @internal */
export async function readMetadataItem(
  client: ComputeClient,
  t: MetadataTarget,
  key: string,
  options?: RequestOptions,
): Promise<string> {
  requireString(key, 'key');
  const res = await client.request<{ meta: ComputeMetadata }>(
    'GET',
    `${t.path}/metadata/${encodeSegment(key)}`,
    { ...options, resource: `metadata key "${key}" of ${t.resource}` },
  );
  return res.body?.meta?.[key] ?? '';
}

/** @internal */
export async function writeMetadataItem(
  client: ComputeClient,
  t: MetadataTarget,
  key: string,
  value: string,
  options?: RequestOptions,
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
  options?: RequestOptions,
): Promise<void> {
  requireString(key, 'key');
  await client.request('DELETE', `${t.path}/metadata/${encodeSegment(key)}`, {
    ...options,
    resource: `metadata key "${key}" of ${t.resource}`,
  });
}

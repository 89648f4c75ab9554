import { type MicroversionRequestOptions, ValidationError } from '@cloud/core';
import { recordOf, string, unwrap } from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { seg, send } from './common.js';

const METADATA = recordOf(string);

function checkMetadata(metadata: unknown, field = 'metadata'): Record<string, string> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new ValidationError(`${field} must be an object of strings`, field);
  }
  for (const [k, v] of Object.entries(metadata)) {
    if (k === '') throw new ValidationError(`${field} keys must not be empty`, field);
    if (typeof v !== 'string') throw new ValidationError(`${field}.${k} must be a string`, `${field}.${k}`);
  }
  return metadata as Record<string, string>;
}

/** Metadata operations shared by volumes and snapshots (`volumes/{id}/metadata`). @internal */
export const metadataOps = (collection: 'volumes' | 'snapshots', noun: string) => {
  const base = (id: string) => `${collection}/${seg(id)}/metadata`;
  const resource = (id: string) => `${noun} "${id}"`;
  const checkId = (id: unknown, field: string) => {
    if (typeof id !== 'string' || id === '')
      throw new ValidationError(`${field} must be a non-empty string`, field);
  };
  async function write(
    method: 'POST' | 'PUT',
    client: BlockStorageClient,
    id: string,
    metadata: Record<string, string>,
    options?: MicroversionRequestOptions,
  ): Promise<Record<string, string>> {
    checkId(id, `${noun}Id`);
    checkMetadata(metadata);
    const res = await send(client, method, base(id), { options, json: { metadata }, resource: resource(id) });
    return { ...unwrap(res, 'metadata', METADATA) };
  }
  return {
    async get(client: BlockStorageClient, id: string, options?: MicroversionRequestOptions) {
      checkId(id, `${noun}Id`);
      const res = await send(client, 'GET', base(id), { options, resource: resource(id) });
      return { ...unwrap(res, 'metadata', METADATA) };
    },
    /** POST merges the given keys (`set`); PUT replaces the whole set (`replace`). */
    set: (
      client: BlockStorageClient,
      id: string,
      metadata: Record<string, string>,
      options?: MicroversionRequestOptions,
    ) => write('POST', client, id, metadata, options),
    replace: (
      client: BlockStorageClient,
      id: string,
      metadata: Record<string, string>,
      options?: MicroversionRequestOptions,
    ) => write('PUT', client, id, metadata, options),
    async delete(
      client: BlockStorageClient,
      id: string,
      keys: readonly string[],
      options?: MicroversionRequestOptions,
    ) {
      checkId(id, `${noun}Id`);
      if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string' || k === '')) {
        throw new ValidationError('keys must be an array of non-empty strings', 'keys');
      }
      for (const key of keys) {
        await send(client, 'DELETE', `${base(id)}/${seg(key)}`, {
          options,
          resource: `${resource(id)} metadata "${key}"`,
        });
      }
    },
  };
};

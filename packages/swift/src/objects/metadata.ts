import type { RequestOptions } from '@cloud/core';
import type { SwiftClient } from '../client.js';
import { header, metadataToHeaders, type ResponseHeaders } from '../internal/headers.js';
import {
  checkContainerName,
  checkMetadata,
  checkMetadataKeys,
  checkObjectName,
} from '../internal/validate.js';
import { objectWriteHeaders } from './headers.js';
import { parseObjectInfo } from './types.js';
import { objectPath } from './urls.js';

/**
 * Headers an object POST replaces along with the user metadata. They are read first and sent
 * again, so a metadata update never drops an expiry, a download name or a DLO manifest.
 */
const KEPT_ON_POST = [
  'content-disposition',
  'content-encoding',
  'content-language',
  'cache-control',
  'expires',
  'x-delete-at',
  'x-object-manifest',
  'x-robots-tag',
];

/**
 * Changes to object properties that can go with a metadata update.
 * @example await setObjectMetadata(swift, 'c', 'o', { reviewed: 'yes' }, { deleteAt: null, contentType: 'text/csv' });
 */
export interface ObjectPropertiesParams {
  contentType?: string | undefined;
  contentDisposition?: string | undefined;
  contentEncoding?: string | undefined;
  cacheControl?: string | undefined;
  /** New expiry; `null` removes the current one. */
  deleteAt?: Date | number | null | undefined;
  deleteAfter?: number | undefined;
}

async function postObject(
  client: SwiftClient,
  container: string,
  name: string,
  build: (current: Record<string, string>) => Record<string, string>,
  params: ObjectPropertiesParams,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  checkObjectName(name);
  const { deleteAt, ...rest } = params;
  const changes = objectWriteHeaders({ ...rest, deleteAt: deleteAt ?? undefined });
  const resource = `object "${container}/${name}"`;
  const path = objectPath(container, name);
  const head = await client.request('HEAD', path, { ...options, resource });
  const current = parseObjectInfo(container, name, head.headers).metadata;
  const kept = keptHeaders(head.headers);
  if (deleteAt === null || params.deleteAfter !== undefined) delete kept['x-delete-at'];
  await client.request('POST', path, {
    ...options,
    headers: {
      ...options?.headers,
      ...kept,
      ...metadataToHeaders('x-object-meta-', build(current)),
      ...changes,
    },
    resource,
  });
}

function keptHeaders(h: ResponseHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_ON_POST) {
    const v = header(h, name);
    // Values were read as Latin-1; they go back byte for byte.
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/**
 * Adds or updates object metadata keys and keeps the others. Swift's object POST replaces all
 * metadata, so this reads the current metadata first (HEAD), merges, and writes it back; expiry,
 * content disposition/encoding and DLO manifests are carried over.
 * @example
 * ```ts
 * await setObjectMetadata(swift, 'photos', 'cat.jpg', { reviewed: 'yes' });
 * ```
 */
export async function setObjectMetadata(
  client: SwiftClient,
  container: string,
  name: string,
  metadata: Record<string, string>,
  params: ObjectPropertiesParams = {},
  options?: RequestOptions,
): Promise<void> {
  checkMetadata(metadata);
  const lower = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), v]));
  await postObject(client, container, name, (current) => ({ ...current, ...lower }), params, options);
}

/**
 * Replaces all object metadata with `metadata` (keys not given are removed), as Swift's POST does.
 * Expiry, content disposition/encoding and DLO manifests are carried over.
 * @example
 * ```ts
 * await replaceObjectMetadata(swift, 'photos', 'cat.jpg', { owner: 'ana' });  // only "owner" remains
 * ```
 */
export async function replaceObjectMetadata(
  client: SwiftClient,
  container: string,
  name: string,
  metadata: Record<string, string>,
  params: ObjectPropertiesParams = {},
  options?: RequestOptions,
): Promise<void> {
  checkMetadata(metadata);
  await postObject(client, container, name, () => metadata, params, options);
}

/**
 * Removes object metadata keys and keeps the others (read, filter, write back).
 * @example
 * ```ts
 * await removeObjectMetadata(swift, 'photos', 'cat.jpg', ['reviewed']);
 * ```
 */
export async function removeObjectMetadata(
  client: SwiftClient,
  container: string,
  name: string,
  keys: readonly string[],
  options?: RequestOptions,
): Promise<void> {
  checkMetadataKeys(keys);
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  await postObject(
    client,
    container,
    name,
    (current) => Object.fromEntries(Object.entries(current).filter(([k]) => !drop.has(k))),
    {},
    options,
  );
}

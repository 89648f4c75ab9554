import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { paginate } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { containerPath } from '../containers/urls.js';
import { dateHeader, header, unquote } from '../internal/headers.js';
import { listingRows } from '../internal/listing.js';
import { checkContainerName, checkObjectName } from '../internal/validate.js';
import { type ObjectWriteParams, objectWriteHeaders } from './headers.js';
import {
  OBJECT_ROW,
  parseListEntry,
  parseObjectInfo,
  type SwiftListEntry,
  type SwiftObjectInfo,
} from './types.js';
import { objectPath, objectRef } from './urls.js';

/**
 * Parameters of {@link listObjects}.
 * @example listObjects(swift, 'photos', { prefix: '2024/', delimiter: '/', limit: 1000 });
 */
export interface ListObjectsParams {
  /** Only objects whose names start with this. */
  prefix?: string | undefined;
  /**
   * Group names by this character (usually `/`): names with it past the prefix are folded into
   * pseudo-folders (`kind: 'subdir'`).
   */
  delimiter?: string | undefined;
  /** Start after this name. */
  marker?: string | undefined;
  /** Stop before this name. */
  endMarker?: string | undefined;
  /** Page size. */
  limit?: number | undefined;
  reverse?: boolean | undefined;
}

/**
 * Lists a container's objects, lazily, page by page. With `delimiter`, pseudo-folders come back
 * as `{ kind: 'subdir', name }` entries.
 * @example
 * ```ts
 * for await (const e of listObjects(swift, 'photos', { prefix: '2024/', delimiter: '/' })) {
 *   console.log(e.kind === 'subdir' ? `${e.name} (folder)` : `${e.name} ${e.bytes}`);
 * }
 * ```
 */
export function listObjects(
  client: SwiftClient,
  container: string,
  params: ListObjectsParams = {},
  options?: RequestOptions,
): PagedIterable<SwiftListEntry> {
  checkContainerName(container);
  if (params.delimiter !== undefined && params.delimiter.length !== 1) {
    throw new ValidationError('delimiter must be a single character', 'delimiter');
  }
  return paginate({
    pageSize: params.limit,
    marker: params.marker,
    fetchPage: async ({ marker, limit }) => {
      const res = await client.request('GET', containerPath(container), {
        ...options,
        searchParams: {
          format: 'json',
          prefix: params.prefix,
          delimiter: params.delimiter,
          marker,
          end_marker: params.endMarker,
          limit,
          reverse: params.reverse ? 'true' : undefined,
        },
        resource: `container "${container}"`,
      });
      const items = listingRows(res, OBJECT_ROW).map(parseListEntry);
      return { items, nextMarker: items.at(-1)?.name };
    },
  });
}

/**
 * Reads an object's size, ETag, content type, expiry and metadata (HEAD).
 * @example
 * ```ts
 * const info = await getObjectMetadata(swift, 'photos', 'cat.jpg');
 * console.log(info.bytes, info.etag, info.metadata);
 * ```
 */
export async function getObjectMetadata(
  client: SwiftClient,
  container: string,
  name: string,
  options?: RequestOptions,
): Promise<SwiftObjectInfo> {
  checkContainerName(container);
  checkObjectName(name);
  const res = await client.request('HEAD', objectPath(container, name), {
    ...options,
    resource: `object "${container}/${name}"`,
  });
  return parseObjectInfo(container, name, res.headers);
}

/**
 * Deletes an object. For a large object this deletes only the manifest; use `deleteLargeObject`
 * to delete its segments too.
 * @example
 * ```ts
 * await deleteObject(swift, 'photos', 'cat.jpg');
 * ```
 */
export async function deleteObject(
  client: SwiftClient,
  container: string,
  name: string,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  checkObjectName(name);
  await client.request('DELETE', objectPath(container, name), {
    ...options,
    resource: `object "${container}/${name}"`,
  });
}

/**
 * Parameters of {@link copyObject}.
 * @example await copyObject(swift, 'a', 'x', 'b', 'x', { method: 'COPY', freshMetadata: true });
 */
export interface CopyObjectParams extends ObjectWriteParams {
  /**
   * `PUT` (default) sends `PUT <destination>` with `X-Copy-From`; `COPY` sends `COPY <source>` with
   * `Destination`. Both copy on the server without moving bytes through the client.
   */
  method?: 'PUT' | 'COPY' | undefined;
  /** Drop the source's metadata instead of merging `metadata` into it. */
  freshMetadata?: boolean | undefined;
  /** Copy a large object's manifest itself rather than its concatenated content. */
  manifestOnly?: boolean | undefined;
}

/**
 * What a server-side copy returns.
 * @example const { etag } = await copyObject(swift, 'a', 'x', 'b', 'y');
 */
export interface CopyObjectResult {
  etag?: string | undefined;
  lastModified?: Date | undefined;
  /** `X-Copied-From-Last-Modified`. */
  sourceLastModified?: Date | undefined;
}

/**
 * Copies an object on the server. Metadata of the source is kept and `metadata` merged into it
 * (unless `freshMetadata`); the content type is kept unless given.
 * @example
 * ```ts
 * await copyObject(swift, 'photos', 'cat.jpg', 'backup', '2024/cat.jpg', { metadata: { copied: 'yes' } });
 * ```
 */
export async function copyObject(
  client: SwiftClient,
  fromContainer: string,
  fromName: string,
  toContainer: string,
  toName: string,
  params: CopyObjectParams = {},
  options?: RequestOptions,
): Promise<CopyObjectResult> {
  checkContainerName(fromContainer, 'fromContainer');
  checkObjectName(fromName, 'fromName');
  checkContainerName(toContainer, 'toContainer');
  checkObjectName(toName, 'toName');
  const method = params.method ?? 'PUT';
  if (method !== 'PUT' && method !== 'COPY') {
    throw new ValidationError(`method must be PUT or COPY, got ${String(method)}`, 'method');
  }
  const headers: Record<string, string> = { ...options?.headers, ...objectWriteHeaders(params) };
  if (params.freshMetadata) headers['x-fresh-metadata'] = 'true';
  const searchParams = params.manifestOnly ? { 'multipart-manifest': 'get' } : undefined;
  const resource = `object "${fromContainer}/${fromName}"`;
  const res =
    method === 'PUT'
      ? await client.request('PUT', objectPath(toContainer, toName), {
          ...options,
          headers: { ...headers, 'x-copy-from': objectRef(fromContainer, fromName) },
          body: '',
          searchParams,
          resource,
        })
      : await client.request('COPY', objectPath(fromContainer, fromName), {
          ...options,
          headers: { ...headers, destination: objectRef(toContainer, toName) },
          searchParams,
          resource,
        });
  return {
    etag: unquote(header(res.headers, 'etag')),
    lastModified: dateHeader(res.headers, 'last-modified'),
    sourceLastModified: dateHeader(res.headers, 'x-copied-from-last-modified'),
  };
}

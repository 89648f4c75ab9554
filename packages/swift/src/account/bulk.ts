import { type RequestOptions, type TransferProgress, ValidationError } from '@cloud/core';
import type { SwiftClient } from '../client.js';
import { containerPath } from '../containers/urls.js';
import { type BulkFailure, SwiftBulkOperationError } from '../errors.js';
import { splitBody, type UploadBody } from '../internal/body.js';
import { checkContainerName, checkObjectName, checkOptionalInt } from '../internal/validate.js';
import { objectPath, objectRef } from '../objects/urls.js';
import { parseBulkResponse } from './bulk-response.js';
import { cachedSwiftInfo } from './info.js';

/**
 * What bulk delete removes: an object (`container` + `name`) or an empty container (`container`).
 * @example await bulkDelete(swift, [{ container: 'tmp', name: 'a.txt' }, { container: 'tmp' }]);
 */
export interface BulkDeleteItem {
  container: string;
  name?: string | undefined;
}

/**
 * Parameters of {@link bulkDelete}.
 * @example await bulkDelete(swift, items, { chunkSize: 1000 });
 */
export interface BulkDeleteParams {
  /**
   * Paths per request. Default: the cluster's `bulk_delete.max_deletes_per_request` from `/info`,
   * or 10 000 when `/info` does not say.
   */
  chunkSize?: number | undefined;
}

/**
 * The outcome of a bulk delete, over all its requests.
 * @example const { deleted, notFound, failures } = await bulkDelete(swift, items);
 */
export interface BulkDeleteResult {
  deleted: number;
  notFound: number;
  /** Items Swift could not delete (for example a container that is not empty: `409 Conflict`). */
  failures: BulkFailure[];
}

const DEFAULT_BULK_CHUNK = 10_000;

/**
 * Deletes many objects and containers with few requests (POST `?bulk-delete`), in chunks of the
 * cluster's per-request maximum. Per-item failures are returned in `failures`; a request Swift
 * refuses as a whole throws `SwiftBulkOperationError`. Objects go before their containers.
 * @example
 * ```ts
 * const r = await bulkDelete(swift, [
 *   { container: 'tmp', name: 'a.txt' }, { container: 'tmp', name: 'b.txt' }, { container: 'tmp' },
 * ]);
 * console.log(r.deleted, r.notFound, r.failures);
 * ```
 */
export async function bulkDelete(
  client: SwiftClient,
  items: readonly BulkDeleteItem[],
  params: BulkDeleteParams = {},
  options?: RequestOptions,
): Promise<BulkDeleteResult> {
  if (!Array.isArray(items)) throw new ValidationError('items must be an array', 'items');
  const lines = items.map((item, i) => {
    checkContainerName(item?.container, `items[${i}].container`);
    if (item.name === undefined) return `/${containerPath(item.container)}`;
    checkObjectName(item.name, `items[${i}].name`);
    return objectRef(item.container, item.name);
  });
  let chunkSize = checkOptionalInt(params.chunkSize, 'chunkSize', 1, 1_000_000);
  const result: BulkDeleteResult = { deleted: 0, notFound: 0, failures: [] };
  if (lines.length === 0) return result;
  chunkSize ??=
    (await cachedSwiftInfo(client, options?.signal))?.bulkDelete?.maxDeletesPerRequest ?? DEFAULT_BULK_CHUNK;
  for (let start = 0; start < lines.length; start += chunkSize) {
    const res = await client.request('POST', '', {
      ...options,
      headers: { ...options?.headers, 'content-type': 'text/plain', accept: 'application/json' },
      searchParams: { 'bulk-delete': 'true' },
      body: lines.slice(start, start + chunkSize).join('\n'),
      resource: 'account',
    });
    const summary = parseBulkResponse(res);
    if (!summary) {
      throw new SwiftBulkOperationError(
        'bulk delete is not enabled on this cluster (no bulk summary in the answer)',
        {
          responseStatus: String(res.status),
          failures: [],
        },
      );
    }
    result.deleted += summary.deleted;
    result.notFound += summary.notFound;
    result.failures.push(...summary.failures);
    if (!summary.ok && summary.failures.length === 0) {
      throw new SwiftBulkOperationError(
        `bulk delete failed: ${summary.responseStatus}${summary.responseBody ? ` (${summary.responseBody})` : ''}`,
        { responseStatus: summary.responseStatus, failures: [] },
      );
    }
  }
  return result;
}

/**
 * Archive formats Swift can extract.
 * @example const format: ArchiveFormat = 'tar.gz';
 */
export type ArchiveFormat = 'tar' | 'tar.gz' | 'tar.bz2';

/**
 * Parameters of {@link extractArchive}.
 * @example await extractArchive(swift, createReadStream('site.tar'), { format: 'tar', container: 'www', prefix: 'v2/' });
 */
export interface ExtractArchiveParams {
  format: ArchiveFormat;
  /**
   * Where files land: a container (files keep their archive paths inside it), or `undefined` to
   * create one container per top-level folder of the archive.
   */
  container?: string | undefined;
  /** A pseudo-folder inside `container` to put the files under. */
  prefix?: string | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * The outcome of {@link extractArchive}.
 * @example const { created, failures } = await extractArchive(swift, body, { format: 'tar.gz', container: 'www' });
 */
export interface ExtractArchiveResult {
  created: number;
  failures: BulkFailure[];
}

/**
 * Uploads a tar archive (optionally gzip or bzip2 compressed) that Swift unpacks into objects
 * (PUT `?extract-archive=`). The archive is streamed, never held in memory. Per-file failures are
 * returned; an archive Swift cannot read throws `SwiftBulkOperationError`.
 * @example
 * ```ts
 * const r = await extractArchive(swift, createReadStream('site.tar.gz'), { format: 'tar.gz', container: 'www' });
 * console.log(r.created);
 * ```
 */
export async function extractArchive(
  client: SwiftClient,
  body: UploadBody,
  params: ExtractArchiveParams,
  options?: RequestOptions,
): Promise<ExtractArchiveResult> {
  if (!['tar', 'tar.gz', 'tar.bz2'].includes(params?.format)) {
    throw new ValidationError(
      `format must be one of tar, tar.gz, tar.bz2, got ${String(params?.format)}`,
      'format',
    );
  }
  let path = '';
  if (params.container !== undefined) {
    checkContainerName(params.container);
    path = params.prefix
      ? objectPath(params.container, checkObjectName(params.prefix, 'prefix'))
      : containerPath(params.container);
  } else if (params.prefix !== undefined) {
    throw new ValidationError('prefix needs a container', 'prefix');
  }
  const split = splitBody(body);
  const onProgress = params.onProgress;
  const res = await client.request('PUT', path, {
    ...options,
    headers: { ...options?.headers, accept: 'application/json' },
    searchParams: { 'extract-archive': params.format },
    body: split.kind === 'bytes' ? split.data : split.source,
    resource: params.container ? `container "${params.container}"` : 'account',
    onUploadProgress: onProgress
      ? (p) => onProgress({ transferred: p.transferred, total: p.total })
      : undefined,
  });
  const summary = parseBulkResponse(res);
  if (!summary) {
    throw new SwiftBulkOperationError('archive extraction is not enabled on this cluster', {
      responseStatus: String(res.status),
      failures: [],
    });
  }
  if (!summary.ok && summary.failures.length === 0) {
    throw new SwiftBulkOperationError(
      `archive extraction failed: ${summary.responseStatus}${summary.responseBody ? ` (${summary.responseBody})` : ''}`,
      { responseStatus: summary.responseStatus, failures: [] },
    );
  }
  return { created: summary.created, failures: summary.failures };
}

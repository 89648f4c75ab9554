import { NotFoundError, type RequestOptions, ValidationError } from '@cloud/core';
import { encodePath, encodeSegment, object, paginate, parseResponse, string } from '@cloud/core/service';
import { parseBulkResponse } from '../account/bulk-response.js';
import type { SwiftClient } from '../client.js';
import { containerPath } from '../containers/urls.js';
import { SwiftBulkOperationError } from '../errors.js';
import { throwIfAborted } from '../internal/abort.js';
import { splitBody, type UploadBody } from '../internal/body.js';
import { boolHeader } from '../internal/headers.js';
import { listingRows } from '../internal/listing.js';
import { bufferSegments, viewSegments } from '../internal/segmenter.js';
import { checkContainerName, checkObjectName, checkOptionalSize } from '../internal/validate.js';
import { guessContentType } from './content-type.js';
import { type ObjectWriteParams, objectWriteHeaders } from './headers.js';
import { MANIFEST_ROWS } from './manifest-check.js';
import { deleteSegmentObjects, planSegments, uploadSegments } from './segments.js';
import { parseObjectInfo } from './types.js';
import type { UploadObjectParams, UploadObjectResult } from './upload.js';
import { objectPath } from './urls.js';

/**
 * Parameters of {@link uploadLargeObject}.
 * @example await uploadLargeObject(swift, 'c', 'o', stream, { kind: 'dynamic', segmentSize: 64 * 1024 ** 2 });
 */
export interface UploadLargeObjectParams
  extends Omit<UploadObjectParams, 'largeObject' | 'largeObjectThreshold' | 'etag' | 'ifNoneMatch'> {
  /** `static` (SLO, default) or `dynamic` (DLO: an `X-Object-Manifest` over a segment prefix). */
  kind?: 'static' | 'dynamic' | undefined;
}

/**
 * Uploads any input (bytes, a file stream, a stream of unknown length) as a large object: it is cut
 * into segments of `segmentSize`, uploaded `concurrency` at a time with per-segment retries, then
 * a manifest is written (`?multipart-manifest=put` for SLOs). On failure, uploaded segments are
 * deleted unless `keepSegmentsOnError`. A stream is read into `concurrency + 1` reused buffers
 * (the next segment fills while the others upload), so memory stays near
 * `segmentSize x (concurrency + 1)`; for a file, {@link uploadObjectFromFile} streams each segment
 * from its byte range instead and needs no segment buffers.
 * @example
 * ```ts
 * const res = await uploadLargeObject(swift, 'videos', 'talk.mp4', process.stdin, {
 *   segmentSize: 64 * 1024 ** 2, concurrency: 4,
 * });
 * console.log(res.largeObject?.segmentCount);
 * ```
 */
export async function uploadLargeObject(
  client: SwiftClient,
  container: string,
  name: string,
  body: UploadBody,
  params: UploadLargeObjectParams = {},
  options?: RequestOptions,
): Promise<UploadObjectResult> {
  checkContainerName(container);
  checkObjectName(name);
  const size = checkOptionalSize(params.size, 'size');
  const split = splitBody(body);
  objectWriteHeaders(params);
  const known = split.kind === 'bytes' ? split.data.length : size;
  if (split.kind === 'bytes' && size !== undefined && size !== split.data.length) {
    throw new ValidationError(`size is ${size} but the body has ${split.data.length} bytes`, 'size');
  }
  const plan = planSegments(client, container, name, params, known);
  throwIfAborted(options?.signal);
  const verify = params.verify !== false;
  const segments =
    split.kind === 'bytes'
      ? viewSegments(split.data, plan.segmentSize, verify)
      : bufferSegments(split.source, plan.segmentSize, plan.concurrency + 1, verify);
  return uploadSegments({
    client,
    container,
    name,
    segments,
    plan,
    params: { ...params, size: known },
    options,
    source: split.kind === 'stream' ? split.source : undefined,
  });
}

/**
 * Writes a Dynamic Large Object manifest: a zero-byte object whose content is the concatenation
 * of every object in `segmentContainer` whose name starts with `segmentPrefix`, in name order.
 * @example
 * ```ts
 * await createDynamicLargeObject(swift, 'logs', 'all.log', 'logs_segments', 'all.log/');
 * ```
 */
export async function createDynamicLargeObject(
  client: SwiftClient,
  container: string,
  name: string,
  segmentContainer: string,
  segmentPrefix: string,
  params: ObjectWriteParams = {},
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  checkObjectName(name);
  checkContainerName(segmentContainer, 'segmentContainer');
  if (typeof segmentPrefix !== 'string')
    throw new ValidationError('segmentPrefix must be a string', 'segmentPrefix');
  await client.request('PUT', objectPath(container, name), {
    ...options,
    headers: {
      ...options?.headers,
      ...objectWriteHeaders({ ...params, contentType: params.contentType ?? guessContentType(name) }),
      'x-object-manifest': `${encodeSegment(segmentContainer)}/${encodePath(segmentPrefix)}`,
    },
    body: '',
    resource: `container "${container}"`,
  });
}

/**
 * One segment of a Static Large Object manifest.
 * @example for (const s of await getStaticLargeObjectManifest(swift, 'c', 'o')) console.log(s.container, s.name, s.bytes);
 */
export interface LargeObjectSegment {
  container: string;
  name: string;
  bytes: number;
  etag: string;
  /** Byte range of the segment used, when the manifest names one. */
  range?: string | undefined;
}

/**
 * Reads the segment list of a Static Large Object (`?multipart-manifest=get`).
 * @example
 * ```ts
 * const segments = await getStaticLargeObjectManifest(swift, 'videos', 'talk.mp4');
 * console.log(segments.length, segments[0]?.container);
 * ```
 */
export async function getStaticLargeObjectManifest(
  client: SwiftClient,
  container: string,
  name: string,
  options?: RequestOptions,
): Promise<LargeObjectSegment[]> {
  checkContainerName(container);
  checkObjectName(name);
  const res = await client.request('GET', objectPath(container, name), {
    ...options,
    searchParams: { 'multipart-manifest': 'get' },
    resource: `object "${container}/${name}"`,
  });
  // Swift answers a plain object's content here; only an SLO's answer is marked as a manifest.
  if (!boolHeader(res.headers, 'x-static-large-object') && !Array.isArray(res.body)) {
    throw new ValidationError(`"${container}/${name}" is not a Static Large Object`, 'name');
  }
  return parseResponse(res, MANIFEST_ROWS).map((row) => {
    const path = row.name.replace(/^\//, '');
    const slash = path.indexOf('/');
    return {
      container: path.slice(0, slash),
      name: path.slice(slash + 1),
      bytes: row.bytes,
      etag: row.hash,
      ...(row.range ? { range: row.range } : {}),
    };
  });
}

const SEGMENT_ROW = object<{ name: string }>({ name: string });

/**
 * Parameters of {@link deleteLargeObject}.
 * @example await deleteLargeObject(swift, 'c', 'o', { keepSegments: true });
 */
export interface DeleteLargeObjectParams {
  /** Delete only the manifest and keep the segments. Default false. */
  keepSegments?: boolean | undefined;
  /** DLO segments deleted at once. Default 8. */
  concurrency?: number | undefined;
}

/**
 * Deletes a large object with its segments: an SLO through `?multipart-manifest=delete`, a DLO by
 * deleting the manifest and then every object under its segment prefix. A plain object is simply
 * deleted.
 * @example
 * ```ts
 * await deleteLargeObject(swift, 'videos', 'talk.mp4');
 * ```
 */
export async function deleteLargeObject(
  client: SwiftClient,
  container: string,
  name: string,
  params: DeleteLargeObjectParams = {},
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  checkObjectName(name);
  const resource = `object "${container}/${name}"`;
  const path = objectPath(container, name);
  const head = await client.request('HEAD', path, { ...options, resource });
  const info = parseObjectInfo(container, name, head.headers);
  if (info.largeObject === 'static' && !params.keepSegments) {
    const res = await client.request('DELETE', path, {
      ...options,
      searchParams: { 'multipart-manifest': 'delete' },
      resource,
    });
    const result = parseBulkResponse(res);
    if (result && (result.failures.length > 0 || !result.ok)) {
      throw new SwiftBulkOperationError(
        `deleting large object "${container}/${name}" failed for ${result.failures.length} item(s): ${result.responseStatus}`,
        { responseStatus: result.responseStatus, failures: result.failures },
      );
    }
    return;
  }
  await client.request('DELETE', path, { ...options, resource });
  if (info.largeObject !== 'dynamic' || params.keepSegments || !info.manifest) return;
  const slash = info.manifest.indexOf('/');
  const segmentContainer = slash < 0 ? info.manifest : info.manifest.slice(0, slash);
  const prefix = slash < 0 ? '' : info.manifest.slice(slash + 1);
  const names: string[] = [];
  try {
    const pages = paginate({
      fetchPage: async ({ marker }) => {
        const r = await client.request('GET', containerPath(segmentContainer), {
          ...options,
          searchParams: { format: 'json', prefix, marker },
          resource: `segment container "${segmentContainer}"`,
        });
        const rows = listingRows(r, SEGMENT_ROW).map((x) => x.name);
        return { items: rows, nextMarker: rows.at(-1) };
      },
    });
    for await (const n of pages) names.push(n);
  } catch (error) {
    if (error instanceof NotFoundError) return;
    throw error;
  }
  const failed = await deleteSegmentObjects(
    client,
    segmentContainer,
    names,
    params.concurrency ?? 8,
    options?.headers,
  );
  if (failed > 0) {
    throw new SwiftBulkOperationError(`${failed} segment(s) of "${container}/${name}" could not be deleted`, {
      responseStatus: 'partial',
      failures: [],
    });
  }
}

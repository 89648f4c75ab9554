import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  IntegrityError,
  type RequestOptions,
  type TransferProgress,
  UnprocessableEntityError,
  ValidationError,
} from '@cloud/core';
import { meterUpload } from '@cloud/core/service';
import { checkConcurrency, checkSegmentSize, type SwiftClient } from '../client.js';
import { throwIfAborted } from '../internal/abort.js';
import { destroySource, prepend, splitBody, type UploadBody } from '../internal/body.js';
import { isMd5Etag, md5Hex, tryMd5 } from '../internal/hash.js';
import { dateHeader, header, unquote } from '../internal/headers.js';
import { bufferSegments, fileSegments, viewSegments } from '../internal/segmenter.js';
import { checkContainerName, checkObjectName, checkOptionalSize } from '../internal/validate.js';
import { guessContentType } from './content-type.js';
import { type ObjectWriteParams, objectWriteHeaders } from './headers.js';
import { type LargeObjectParams, planSegments, uploadSegments } from './segments.js';
import { objectPath } from './urls.js';

/**
 * Parameters of {@link uploadObject}.
 * @example await uploadObject(swift, 'c', 'o.bin', stream, { size, metadata: { by: 'me' }, onProgress: console.log });
 */
export interface UploadObjectParams extends ObjectWriteParams, LargeObjectParams {
  /** Length of a stream body, when known: sent as Content-Length and checked. */
  size?: number | undefined;
  /** The content's hex MD5, when known: sent as `ETag` so Swift refuses corrupted uploads. */
  etag?: string | undefined;
  /**
   * Check the content's MD5 against the ETag Swift computed (default true). Bytes in memory are
   * hashed up front and sent as `ETag`; streams are hashed as they are sent.
   */
  verify?: boolean | undefined;
  /** Fail with 412 (`PreconditionFailedError`) if the object already exists. */
  ifNoneMatch?: '*' | undefined;
  /** Upload progress; `total` is known for bytes in memory, files and streams given a `size`. */
  onProgress?: ((progress: TransferProgress) => void) | undefined;
  /**
   * `'auto'` (default): a Static Large Object when the size is over the threshold, or, for a
   * stream of unknown length, once more than one segment arrives. `true` always segments, `false`
   * never does (one PUT, streamed as it comes).
   */
  largeObject?: boolean | 'auto' | undefined;
  /** Known sizes above this upload as a Static Large Object. Default: the client's (1 GiB). */
  largeObjectThreshold?: number | undefined;
}

/**
 * What an upload returns.
 * @example const { etag, bytes, largeObject } = await uploadObject(swift, 'c', 'o', data);
 */
export interface UploadObjectResult {
  /** The ETag Swift stored: the MD5 of the content, or for large objects the manifest's ETag. */
  etag?: string | undefined;
  /** Bytes uploaded. */
  bytes: number;
  lastModified?: Date | undefined;
  /** Set when the upload was split into segments. */
  largeObject?:
    | { kind: 'static' | 'dynamic'; segmentContainer: string; segmentPrefix: string; segmentCount: number }
    | undefined;
}

/**
 * Uploads an object from a string, bytes, a Node Readable or any async iterable of bytes. Streams
 * are sent as they are read (never buffered whole), so memory stays flat for any size; large
 * inputs become Static Large Objects automatically (see `largeObject`). The content type is
 * guessed from the name when not given. Streams are not retried (they cannot be replayed).
 * @example
 * ```ts
 * await uploadObject(swift, 'backups', 'db.tar.gz', createReadStream('db.tar.gz'), {
 *   metadata: { source: 'nightly' },
 *   onProgress: (p) => console.log(p.transferred, p.total),
 * });
 * ```
 */
export async function uploadObject(
  client: SwiftClient,
  container: string,
  name: string,
  body: UploadBody,
  params: UploadObjectParams = {},
  options?: RequestOptions,
): Promise<UploadObjectResult> {
  const target: UploadTarget = { client, container, name, params, options };
  const { split, route } = checkUpload(target, body);
  return split.kind === 'bytes'
    ? uploadBytes(target, split.data, route)
    : uploadStream(target, split.source, route);
}

/** @internal Where an upload goes and how: what the steps of {@link uploadObject} share. */
interface UploadTarget {
  client: SwiftClient;
  container: string;
  name: string;
  params: UploadObjectParams;
  options?: RequestOptions | undefined;
}

/** How {@link uploadObject} chooses between one PUT and a segmented upload. */
interface UploadRoute {
  size: number | undefined;
  threshold: number;
  mode: boolean | 'auto';
}

/** Validates every input before any request. */
function checkUpload(target: UploadTarget, body: UploadBody) {
  const { client, container, name, params, options } = target;
  checkContainerName(container);
  checkObjectName(name);
  const size = checkOptionalSize(params.size, 'size');
  const threshold =
    checkOptionalSize(params.largeObjectThreshold, 'largeObjectThreshold') ?? client.largeObjects.threshold;
  if (params.etag !== undefined && !isMd5Etag(params.etag)) {
    throw new ValidationError('etag must be a 32-digit hex MD5', 'etag');
  }
  const mode = params.largeObject ?? 'auto';
  const split = splitBody(body);
  objectWriteHeaders(params); // validates before any request
  if (params.segmentSize !== undefined) checkSegmentSize(params.segmentSize);
  if (params.concurrency !== undefined) checkConcurrency(params.concurrency);
  throwIfAborted(options?.signal);
  const route: UploadRoute = { size, threshold, mode };
  return { split, route };
}

/** Uploads bytes in memory: one PUT, or segments above the threshold. */
async function uploadBytes(
  target: UploadTarget,
  data: Buffer,
  route: UploadRoute,
): Promise<UploadObjectResult> {
  const { client, container, name, params } = target;
  const { size, threshold, mode } = route;
  if (size !== undefined && size !== data.length) {
    throw new ValidationError(`size is ${size} but the body has ${data.length} bytes`, 'size');
  }
  if (mode === true || (mode === 'auto' && data.length > threshold)) {
    const plan = planSegments(client, container, name, params, data.length);
    const segments = viewSegments(data, plan.segmentSize, params.verify !== false);
    return uploadSegments({ ...target, segments, plan });
  }
  return putObject(target, data, undefined);
}

/** Uploads a stream: one PUT when it is known to be small enough, else segments. */
async function uploadStream(
  target: UploadTarget,
  source: AsyncIterable<Uint8Array>,
  route: UploadRoute,
): Promise<UploadObjectResult> {
  const { client, container, name, params } = target;
  const { size, threshold, mode } = route;
  if (mode === false || (mode === 'auto' && size !== undefined && size <= threshold)) {
    return putObject(target, source, size);
  }
  const plan = planSegments(client, container, name, params, size);
  const segments = bufferSegments(source, plan.segmentSize, plan.concurrency + 1, params.verify !== false);
  if (mode === true || size !== undefined) {
    return uploadSegments({ ...target, segments, plan, source });
  }
  // Unknown length: read up to two segments to learn whether one PUT is enough.
  const first = await segments.next();
  if (first.done) return putObject(target, Buffer.alloc(0), undefined);
  const second = first.value.size < plan.segmentSize ? undefined : await segments.next();
  if (!second || second.done) return putObject(target, first.value.body as Buffer, undefined);
  return uploadSegments({
    ...target,
    segments: prepend([first.value, second.value], segments),
    plan,
    source,
  });
}

/**
 * Uploads a file. Its size is known up front, so progress has a total and files over the
 * large-object threshold are segmented: each segment is streamed from its byte range of the file
 * (re-read if its PUT is retried) and hashed on the way, so memory stays a few MiB per segment in
 * flight whatever the segment size.
 * @example
 * ```ts
 * await uploadObjectFromFile(swift, 'isos', 'debian.iso', '/tmp/debian.iso', { segmentSize: 256 * 1024 ** 2 });
 * ```
 */
export async function uploadObjectFromFile(
  client: SwiftClient,
  container: string,
  name: string,
  filePath: string,
  params: Omit<UploadObjectParams, 'size'> = {},
  options?: RequestOptions,
): Promise<UploadObjectResult> {
  checkContainerName(container);
  checkObjectName(name);
  if (typeof filePath !== 'string' || filePath === '') {
    throw new ValidationError('filePath must be a non-empty string', 'filePath');
  }
  const unreadable = (error: NodeJS.ErrnoException) => {
    throw new ValidationError(
      `filePath "${filePath}" cannot be read (${error.code ?? error.message})`,
      'filePath',
    );
  };
  const handle = await open(filePath, 'r').catch(unreadable);
  let started = 0;
  try {
    const info = await handle.stat().catch(unreadable);
    started = info.size;
    if (!info.isFile()) throw new ValidationError(`filePath "${filePath}" is not a regular file`, 'filePath');
    return await uploadFile(
      { client, container, name, params: { ...params, size: info.size }, options },
      {
        handle,
        path: filePath,
        size: info.size,
      },
    );
  } catch (error) {
    if (error instanceof ValidationError && error.field === 'size') {
      throw new ValidationError(
        `filePath "${filePath}" changed during the upload: it had ${started} bytes when it started (${error.message}); the upload was not completed`,
        'filePath',
      );
    }
    if (isFsError(error)) {
      throw new ValidationError(`filePath "${filePath}" could not be read (${error.code})`, 'filePath');
    }
    throw error;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Uploads an open file: one streamed PUT, or segments streamed from their byte ranges. */
async function uploadFile(
  target: UploadTarget,
  file: { handle: FileHandle; path: string; size: number },
): Promise<UploadObjectResult> {
  const { client, container, name, params } = target;
  const stream = createReadStream('', { fd: file.handle, autoClose: false, highWaterMark: 1024 * 1024 });
  try {
    const { route } = checkUpload(target, stream);
    if (route.mode === false || (route.mode === 'auto' && file.size <= route.threshold)) {
      return await putObject(target, stream, file.size);
    }
    const plan = planSegments(client, container, name, params, file.size);
    const segments = fileSegments(file, plan.segmentSize, params.verify !== false);
    return await uploadSegments({ ...target, segments, plan, file });
  } finally {
    stream.destroy();
  }
}

const isFsError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string' && !('status' in e);

/** @internal One PUT of bytes in memory or of a stream, with MD5 checks and progress. */
export async function putObject(
  target: UploadTarget,
  body: Buffer | AsyncIterable<Uint8Array>,
  size: number | undefined,
): Promise<UploadObjectResult> {
  const { name, params, options } = target;
  const headers: Record<string, string> = {
    ...options?.headers,
    ...objectWriteHeaders({ ...params, contentType: params.contentType ?? guessContentType(name) }),
  };
  if (params.ifNoneMatch) headers['if-none-match'] = '*';
  const verify = params.verify !== false;
  if (!Buffer.isBuffer(body) && size !== undefined) headers['content-length'] = String(size);
  const metered = meterBody(body, size, params.etag?.toLowerCase(), verify);
  if (metered.expected) headers.etag = metered.expected;
  const total = Buffer.isBuffer(body) ? body.length : size;
  const res = await sendObject(target, body, metered, headers, total);
  const etag = unquote(header(res.headers, 'etag'));
  checkStoredEtag(target, metered, etag, verify);
  params.onProgress?.({ transferred: metered.counted, total: metered.counted });
  return { etag, bytes: metered.counted, lastModified: dateHeader(res.headers, 'last-modified') };
}

/** A PUT body and what is learned while it is sent. */
interface MeteredBody {
  payload: Buffer | Readable;
  /** The MD5 sent as `ETag`, when known before sending. */
  expected: string | undefined;
  /** The MD5 of a stream, computed as it is read (when no ETag was known). */
  hash: Hash | undefined;
  /** Bytes read so far. */
  readonly counted: number;
  /** Why reading the stream failed, if it did. */
  readonly bodyError: unknown;
}

/**
 * Wraps the body for sending: bytes get their MD5 up front; a stream is counted (and hashed) as
 * it is read, and fails as soon as it outgrows `size` or at its end when it falls short.
 */
function meterBody(
  body: Buffer | AsyncIterable<Uint8Array>,
  size: number | undefined,
  expected: string | undefined,
  verify: boolean,
): MeteredBody {
  if (Buffer.isBuffer(body)) {
    return {
      payload: body,
      expected: !expected && verify ? md5Hex(body) : expected,
      hash: undefined,
      counted: body.length,
      bodyError: undefined,
    };
  }
  const hash = !expected && verify ? tryMd5() : undefined;
  const metered = meterUpload(body, size, hash);
  return {
    payload: metered.payload,
    expected,
    hash,
    get counted() {
      return metered.counted;
    },
    get bodyError() {
      return metered.error;
    },
  };
}

/**
 * Sends the PUT. On failure releases a stream body and reports why reading it failed, or a 422
 * (Swift's answer to an ETag mismatch) as an `IntegrityError`.
 */
async function sendObject(
  target: UploadTarget,
  body: Buffer | AsyncIterable<Uint8Array>,
  metered: MeteredBody,
  headers: Record<string, string>,
  total: number | undefined,
): Promise<Awaited<ReturnType<SwiftClient['request']>>> {
  const { client, container, name, params, options } = target;
  const onProgress = params.onProgress;
  try {
    return await client.request('PUT', objectPath(container, name), {
      ...options,
      headers,
      body: metered.payload,
      resource: `container "${container}"`,
      onUploadProgress: onProgress ? (p) => onProgress({ transferred: p.transferred, total }) : undefined,
    });
  } catch (error) {
    if (!Buffer.isBuffer(body)) destroySource(body);
    if (metered.bodyError) throw metered.bodyError;
    if (error instanceof UnprocessableEntityError) {
      throw new IntegrityError(
        `Swift refused "${container}/${name}": the content does not match its MD5 ETag`,
        {
          expected: metered.expected ?? '',
          actual: 'different content received by the server',
        },
      );
    }
    throw error;
  }
}

/** Compares the ETag Swift stored with the MD5 of what was sent. */
function checkStoredEtag(
  target: UploadTarget,
  metered: MeteredBody,
  etag: string | undefined,
  verify: boolean,
): void {
  const local = metered.hash ? metered.hash.digest('hex') : metered.expected;
  if (verify && local && etag && etag.toLowerCase() !== local) {
    throw new IntegrityError(
      `Upload of "${target.container}/${target.name}" is corrupt: Swift stored MD5 ${etag}, the data sent has MD5 ${local}`,
      { expected: local, actual: etag },
    );
  }
}

import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  IntegrityError,
  type RequestOptions,
  type TransferProgress,
  UnprocessableEntityError,
  ValidationError,
} from '@cloud/core';
import { checkConcurrency, checkSegmentSize, type SwiftClient } from '../client.js';
import { throwIfAborted } from '../internal/abort.js';
import {
  destroySource,
  prepend,
  segmentBuffer,
  segmentStream,
  splitBody,
  toBuffer,
  type UploadBody,
} from '../internal/body.js';
import { isMd5Etag, md5Hex, tryMd5 } from '../internal/hash.js';
import { dateHeader, header, unquote } from '../internal/headers.js';
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

  if (split.kind === 'bytes') {
    if (size !== undefined && size !== split.data.length) {
      throw new ValidationError(`size is ${size} but the body has ${split.data.length} bytes`, 'size');
    }
    if (mode === true || (mode === 'auto' && split.data.length > threshold)) {
      const plan = planSegments(client, container, name, params, split.data.length);
      const segments = segmentBuffer(split.data, plan.segmentSize);
      return uploadSegments({ client, container, name, segments, plan, params, options });
    }
    return putObject(client, container, name, split.data, undefined, params, options);
  }

  const source = split.source;
  if (mode === false || (mode === 'auto' && size !== undefined && size <= threshold)) {
    return putObject(client, container, name, source, size, params, options);
  }
  const plan = planSegments(client, container, name, params, size);
  if (mode === true || size !== undefined) {
    const segments = segmentStream(source, plan.segmentSize);
    return uploadSegments({ client, container, name, segments, plan, params, options, source });
  }
  // Unknown length: read up to two segments to learn whether one PUT is enough.
  const segments = segmentStream(source, plan.segmentSize);
  const first = await segments.next();
  if (first.done) return putObject(client, container, name, Buffer.alloc(0), undefined, params, options);
  const second = first.value.length < plan.segmentSize ? undefined : await segments.next();
  if (!second || second.done) {
    return putObject(client, container, name, first.value, undefined, params, options);
  }
  return uploadSegments({
    client,
    container,
    name,
    segments: prepend([first.value, second.value], segments),
    plan,
    params,
    options,
    source,
  });
}

/**
 * Uploads a file. Its size is known up front, so progress has a total and files over the
 * large-object threshold are segmented.
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
  const info = await stat(filePath).catch((error: NodeJS.ErrnoException) => {
    throw new ValidationError(
      `filePath "${filePath}" cannot be read (${error.code ?? error.message})`,
      'filePath',
    );
  });
  if (!info.isFile()) throw new ValidationError(`filePath "${filePath}" is not a regular file`, 'filePath');
  const stream = createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  try {
    return await uploadObject(client, container, name, stream, { ...params, size: info.size }, options);
  } catch (error) {
    if (error instanceof ValidationError && error.field === 'size') {
      throw new ValidationError(
        `filePath "${filePath}" changed during the upload: it had ${info.size} bytes when it started (${error.message}); the upload was not completed`,
        'filePath',
      );
    }
    if (isFsError(error)) {
      throw new ValidationError(`filePath "${filePath}" could not be read (${error.code})`, 'filePath');
    }
    throw error;
  } finally {
    stream.destroy();
  }
}

const isFsError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).syscall === 'string' && !('status' in e);

/** @internal One PUT of bytes in memory or of a stream, with MD5 checks and progress. */
export async function putObject(
  client: SwiftClient,
  container: string,
  name: string,
  body: Buffer | AsyncIterable<Uint8Array>,
  size: number | undefined,
  params: UploadObjectParams,
  options?: RequestOptions,
): Promise<UploadObjectResult> {
  const headers: Record<string, string> = {
    ...options?.headers,
    ...objectWriteHeaders({ ...params, contentType: params.contentType ?? guessContentType(name) }),
  };
  if (params.ifNoneMatch) headers['if-none-match'] = '*';
  const verify = params.verify !== false;
  let expected = params.etag?.toLowerCase();
  let hash: Hash | undefined;
  let counted = 0;
  let bodyError: unknown;
  let payload: Buffer | Readable;
  if (Buffer.isBuffer(body)) {
    if (!expected && verify) expected = md5Hex(body);
    payload = body;
    counted = body.length;
  } else {
    if (size !== undefined) headers['content-length'] = String(size);
    if (!expected && verify) hash = tryMd5();
    payload = Readable.from(
      (async function* meter() {
        try {
          for await (const raw of body) {
            const chunk = toBuffer(raw);
            counted += chunk.length;
            if (size !== undefined && counted > size) {
              throw new ValidationError(`size is ${size} but the body is longer`, 'size');
            }
            hash?.update(chunk);
            yield chunk;
          }
          if (size !== undefined && counted !== size) {
            throw new ValidationError(`size is ${size} but the body had ${counted} bytes`, 'size');
          }
        } catch (error) {
          bodyError = error;
          throw error;
        }
      })(),
      { objectMode: false },
    );
  }
  if (expected) headers.etag = expected;
  const total = Buffer.isBuffer(body) ? body.length : size;
  const onProgress = params.onProgress;
  let res: Awaited<ReturnType<SwiftClient['request']>>;
  try {
    res = await client.request('PUT', objectPath(container, name), {
      ...options,
      headers,
      body: payload,
      resource: `container "${container}"`,
      onUploadProgress: onProgress ? (p) => onProgress({ transferred: p.transferred, total }) : undefined,
    });
  } catch (error) {
    if (!Buffer.isBuffer(body)) destroySource(body);
    if (bodyError) throw bodyError;
    if (error instanceof UnprocessableEntityError) {
      throw new IntegrityError(
        `Swift refused "${container}/${name}": the content does not match its MD5 ETag`,
        {
          expected: expected ?? '',
          actual: 'different content received by the server',
        },
      );
    }
    throw error;
  }
  const etag = unquote(header(res.headers, 'etag'));
  const local = hash ? hash.digest('hex') : expected;
  if (verify && local && etag && etag.toLowerCase() !== local) {
    throw new IntegrityError(
      `Upload of "${container}/${name}" is corrupt: Swift stored MD5 ${etag}, the data sent has MD5 ${local}`,
      { expected: local, actual: etag },
    );
  }
  onProgress?.({ transferred: counted, total: counted });
  return { etag, bytes: counted, lastModified: dateHeader(res.headers, 'last-modified') };
}

import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  HttpError,
  type HttpStreamResponse,
  IntegrityError,
  PreconditionFailedError,
  type RequestOptions,
  type TransferProgress,
  ValidationError,
} from '@cloud/core';
import { checkedStream, streamError } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { isMd5Etag, tryMd5 } from '../internal/hash.js';
import { header, intHeader, unquote } from '../internal/headers.js';
import { checkContainerName, checkObjectName, checkOptionalSize } from '../internal/validate.js';
import { parseObjectInfo, type SwiftObjectInfo } from './types.js';
import { objectPath } from './urls.js';

/**
 * A byte range: `start` to `end` inclusive, or the last `suffix` bytes.
 * @example await downloadObject(swift, 'c', 'log.txt', { range: { suffix: 4096 } });
 */
export type ByteRange = { start: number; end?: number | undefined } | { suffix: number };

/**
 * Parameters of {@link downloadObject}.
 * @example await downloadObject(swift, 'c', 'o', { range: { start: 0, end: 1023 }, onProgress: console.log });
 */
export interface DownloadObjectParams {
  /** Only these bytes (HTTP `Range`). */
  range?: ByteRange | undefined;
  /** Only if the ETag matches (else 412, `PreconditionFailedError`). */
  ifMatch?: string | undefined;
  /** Only if the ETag differs (a match yields status 304 and an empty body). */
  ifNoneMatch?: string | undefined;
  /**
   * Check the bytes against the MD5 ETag at the end of the stream (default true). Skipped for
   * ranges and large objects, whose ETag is not the content's MD5. The body then errors with
   * `IntegrityError` instead of ending.
   */
  verify?: boolean | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * What {@link downloadObject} resolves with.
 * @example const { body, metadata, status } = await downloadObject(swift, 'c', 'o');
 */
export interface DownloadObjectResult {
  /** The content. Consume it or call `destroy()`, or the connection is not released. */
  body: Readable;
  metadata: SwiftObjectInfo;
  /** 200, 206 for a range, 304 for an `ifNoneMatch` hit. */
  status: number;
  /** Bytes in `body`. */
  contentLength?: number | undefined;
}

/** @internal `Range` header value. */
export function rangeHeader(range: ByteRange): string {
  if ('suffix' in range) {
    checkOptionalSize(range.suffix, 'range.suffix');
    if (range.suffix < 1) throw new ValidationError('range.suffix must be at least 1', 'range.suffix');
    return `bytes=-${range.suffix}`;
  }
  checkOptionalSize(range.start, 'range.start');
  checkOptionalSize(range.end, 'range.end');
  if (range.end !== undefined && range.end < range.start) {
    throw new ValidationError('range.end must not be before range.start', 'range.end');
  }
  return `bytes=${range.start}-${range.end ?? ''}`;
}

/**
 * Downloads an object as a Node Readable. It resolves once the response headers are in, so a
 * missing object rejects with `NotFoundError` rather than erroring the stream. The body is checked
 * against the MD5 ETag as it ends. **Consume the body or call `body.destroy()`**, or the
 * connection stays open.
 * @example
 * ```ts
 * const { body, metadata } = await downloadObject(swift, 'backups', 'db.tar.gz');
 * await pipeline(body, createWriteStream('/tmp/db.tar.gz'));
 * ```
 */
export async function downloadObject(
  client: SwiftClient,
  container: string,
  name: string,
  params: DownloadObjectParams = {},
  options?: RequestOptions,
): Promise<DownloadObjectResult> {
  checkContainerName(container);
  checkObjectName(name);
  const headers: Record<string, string> = { ...options?.headers };
  if (params.range) headers.range = rangeHeader(params.range);
  if (params.ifMatch) headers['if-match'] = params.ifMatch;
  if (params.ifNoneMatch) headers['if-none-match'] = params.ifNoneMatch;
  const res = await client.stream('GET', objectPath(container, name), {
    ...options,
    headers,
    okStatuses: params.ifNoneMatch ? [304] : undefined,
    decompress: false,
    resource: `object "${container}/${name}"`,
  });
  const metadata = parseObjectInfo(container, name, res.headers);
  const contentLength = intHeader(res.headers, 'content-length');
  const verify =
    params.verify !== false && res.status === 200 && !metadata.largeObject && isMd5Etag(metadata.etag);
  const body = checkedStream(res.body, {
    what: `"${container}/${name}"`,
    hash: verify ? tryMd5() : undefined,
    algorithm: 'MD5',
    expectedDigest: verify ? metadata.etag : undefined,
    expectedLength: res.status === 304 ? undefined : contentLength,
    total: contentLength,
    onProgress: params.onProgress,
    signal: options?.signal,
  });
  return { body, metadata, status: res.status, contentLength };
}

/**
 * Parameters of {@link downloadObjectToFile}.
 * @example await downloadObjectToFile(swift, 'c', 'big.iso', '/tmp/big.iso', { resume: true, onProgress: console.log });
 */
export interface DownloadObjectToFileParams {
  /**
   * Continue an interrupted download. Data goes to `<path>.part` (and its ETag to
   * `<path>.part.etag`); both are kept on failure, and the next call with `resume` asks only for
   * the missing bytes (`Range`, with `If-Match` on the ETag seen first). Default false: data
   * goes to a temporary file that is removed on failure.
   */
  resume?: boolean | undefined;
  /** Check the whole file's MD5 against the ETag (default true; not possible for large objects). */
  verify?: boolean | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * What {@link downloadObjectToFile} resolves with.
 * @example const { bytes, resumedFrom } = await downloadObjectToFile(swift, 'c', 'o', '/tmp/o', { resume: true });
 */
export interface DownloadObjectToFileResult {
  path: string;
  bytes: number;
  metadata: SwiftObjectInfo;
  /** Bytes that were already on disk from an earlier attempt. */
  resumedFrom: number;
}

/**
 * Downloads an object to a file: it is written to a temporary file next to `filePath` and renamed
 * into place once complete and verified, so a failure never leaves a half-written `filePath`.
 * With `resume`, an interrupted download continues where it stopped.
 * @example
 * ```ts
 * await downloadObjectToFile(swift, 'isos', 'debian.iso', '/tmp/debian.iso', { resume: true });
 * ```
 */
export async function downloadObjectToFile(
  client: SwiftClient,
  container: string,
  name: string,
  filePath: string,
  params: DownloadObjectToFileParams = {},
  options?: RequestOptions,
): Promise<DownloadObjectToFileResult> {
  const d = await startFileDownload({ client, container, name, filePath, params, options });
  let res = await openObject(d);
  if (res === 'complete') {
    const done = await finishFromPart(d);
    if (done) return done;
    d.offset = await restart(d);
    res = (await openObject(d)) as HttpStreamResponse;
  }
  if (d.offset > 0 && res.status === 200) {
    // The server ignored the range and sent everything.
    d.offset = 0;
  }
  const metadata = parseObjectInfo(container, name, res.headers);
  const resumedFrom = d.offset;
  const md5 = await writePart(d, res, metadata);
  await finish(d, metadata, md5);
  const bytes = await sizeOf(filePath);
  return { path: filePath, bytes, metadata, resumedFrom };
}

/** What the steps of {@link downloadObjectToFile} share. */
interface FileDownload {
  client: SwiftClient;
  container: string;
  name: string;
  filePath: string;
  params: DownloadObjectToFileParams;
  options?: RequestOptions | undefined;
  /** `"container/name"`, for messages. */
  what: string;
  /** Where the data is written until it is complete and verified. */
  part: string;
  /** Where the ETag of a resumable download is kept. */
  etagFile: string;
  /** Bytes already in `part`. */
  offset: number;
  /** The ETag the bytes in `part` came from. */
  knownEtag: string | undefined;
}

/**
 * Validates the inputs (before any request) and picks the part file; with `resume`, finds out
 * how much of an earlier attempt can be kept.
 */
async function startFileDownload(
  target: Omit<FileDownload, 'what' | 'part' | 'etagFile' | 'offset' | 'knownEtag'>,
): Promise<FileDownload> {
  const { container, name, filePath, params } = target;
  checkContainerName(container);
  checkObjectName(name);
  if (typeof filePath !== 'string' || filePath === '') {
    throw new ValidationError('filePath must be a non-empty string', 'filePath');
  }
  await checkTargetDirectory(filePath);
  const part = params.resume ? `${filePath}.part` : `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  const d: FileDownload = {
    ...target,
    what: `"${container}/${name}"`,
    part,
    etagFile: `${part}.etag`,
    offset: 0,
    knownEtag: undefined,
  };
  d.offset = params.resume ? await sizeOf(part) : 0;
  d.knownEtag = d.offset > 0 ? await readFile(d.etagFile, 'utf8').catch(() => undefined) : undefined;
  if (d.offset > 0 && !d.knownEtag) d.offset = await restart(d);
  return d;
}

/** Forgets an earlier attempt: removes the part file and its ETag. Returns the new offset, 0. */
async function restart(d: FileDownload): Promise<number> {
  await rm(d.part, { force: true });
  await rm(d.etagFile, { force: true });
  d.knownEtag = undefined;
  return 0;
}

/**
 * Sends the GET, from `offset` when resuming (with `If-Match` on the ETag seen first). Starts
 * over when the object changed; `'complete'` when the part file already holds everything.
 */
async function openObject(d: FileDownload): Promise<HttpStreamResponse | 'complete'> {
  const headers: Record<string, string> = { ...d.options?.headers };
  if (d.offset > 0) {
    headers.range = `bytes=${d.offset}-`;
    headers['if-match'] = d.knownEtag!;
  }
  try {
    return await d.client.stream('GET', objectPath(d.container, d.name), {
      ...d.options,
      headers,
      decompress: false,
      resource: `object ${d.what}`,
    });
  } catch (error) {
    if (d.offset > 0 && error instanceof PreconditionFailedError) {
      // The object changed since the partial download: start over.
      d.offset = await restart(d);
      return openObject(d);
    }
    if (d.offset > 0 && error instanceof HttpError && error.status === 416) return 'complete';
    throw error;
  }
}

/**
 * The part file already holds everything: checks it like a fresh download and moves it into
 * place. `undefined` when it does not match the object (the caller starts over).
 */
async function finishFromPart(d: FileDownload): Promise<DownloadObjectToFileResult | undefined> {
  const head = await d.client.request('HEAD', objectPath(d.container, d.name), {
    ...d.options,
    resource: `object ${d.what}`,
  });
  const metadata = parseObjectInfo(d.container, d.name, head.headers);
  if (metadata.bytes !== d.offset || metadata.etag !== unquote(d.knownEtag)) return undefined;
  await finish(d, metadata, d.params.verify !== false ? await md5OfFile(d.part) : undefined);
  return { path: d.filePath, bytes: d.offset, metadata, resumedFrom: d.offset };
}

/** Bytes gathered in memory per file write of a download. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

/**
 * Streams the response into the part file after `offset`, checking its length and hashing it
 * (the bytes already on disk included). Returns the MD5 when it could be computed.
 */
async function writePart(
  d: FileDownload,
  res: HttpStreamResponse,
  metadata: SwiftObjectInfo,
): Promise<string | undefined> {
  const { params, options, part, offset, what } = d;
  const contentLength = intHeader(res.headers, 'content-length');
  const etag = metadata.etag;
  const hash = params.verify !== false && !metadata.largeObject && isMd5Etag(etag) ? tryMd5() : undefined;
  try {
    if (params.resume && etag) await writeFile(d.etagFile, header(res.headers, 'etag') ?? etag);
    if (hash && offset > 0)
      for await (const chunk of createReadStream(part, { end: offset - 1 })) hash.update(chunk);
    const checked = checkedStream(res.body, {
      what,
      hash,
      expectedLength: contentLength,
      offset,
      total: contentLength === undefined ? undefined : offset + contentLength,
      onProgress: params.onProgress,
      signal: options?.signal,
    });
    // While one write is under way the next MiB gathers, then goes out in one writev: a quarter
    // of the write calls (and thread-pool round trips) of the default 16 KiB buffer.
    const file = createWriteStream(part, {
      flags: offset > 0 ? 'r+' : 'w',
      start: offset,
      highWaterMark: WRITE_BUFFER_BYTES,
    });
    await pipeline(checked, file);
  } catch (error) {
    res.body.destroy();
    if (!params.resume || error instanceof IntegrityError) await restart(d);
    throw streamError(error, what, options?.signal, 'download');
  }
  return hash?.digest('hex');
}

/** Checks the MD5 against the ETag, then renames the part file into place. */
async function finish(d: FileDownload, metadata: SwiftObjectInfo, md5: string | undefined): Promise<void> {
  if (md5 && isMd5Etag(metadata.etag) && !metadata.largeObject && md5 !== metadata.etag.toLowerCase()) {
    await restart(d);
    throw new IntegrityError(`download of ${d.what} is corrupt: MD5 ${md5}, ETag ${metadata.etag}`, {
      expected: metadata.etag,
      actual: md5,
    });
  }
  await rename(d.part, d.filePath);
  await rm(d.etagFile, { force: true });
}

/** Fails before any request when the file could not be written where it is asked for. */
async function checkTargetDirectory(filePath: string): Promise<void> {
  const dir = dirname(resolve(filePath));
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    throw new ValidationError(
      `filePath "${filePath}": its directory "${dir}" cannot be used (${error.code ?? error.message})`,
      'filePath',
    );
  });
  if (!info.isDirectory()) {
    throw new ValidationError(`filePath "${filePath}": "${dir}" is not a directory`, 'filePath');
  }
  const target = await stat(filePath).catch(() => undefined);
  if (target?.isDirectory()) {
    throw new ValidationError(`filePath "${filePath}" is a directory`, 'filePath');
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function md5OfFile(path: string): Promise<string | undefined> {
  const hash = tryMd5();
  if (!hash) return undefined;
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Downloads a small object into memory, checked against its MD5 ETag. Refuses objects over
 * `maxBytes` (default 64 MiB) before reading them; stream larger ones with {@link downloadObject}.
 * @example
 * ```ts
 * const config = JSON.parse((await downloadObjectToBuffer(swift, 'conf', 'app.json')).toString('utf8'));
 * ```
 */
export async function downloadObjectToBuffer(
  client: SwiftClient,
  container: string,
  name: string,
  params: Omit<DownloadObjectParams, 'onProgress'> & { maxBytes?: number | undefined } = {},
  options?: RequestOptions,
): Promise<Buffer> {
  const maxBytes = checkOptionalSize(params.maxBytes, 'maxBytes') ?? 64 * 1024 * 1024;
  const { body, contentLength } = await downloadObject(client, container, name, params, options);
  if (contentLength !== undefined && contentLength > maxBytes) {
    body.destroy();
    throw new ValidationError(
      `"${container}/${name}" has ${contentLength} bytes, over maxBytes ${maxBytes}`,
      'maxBytes',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new ValidationError(`"${container}/${name}" is over maxBytes ${maxBytes}`, 'maxBytes');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobServiceClient, BlockBlobClient } from '@azure/storage-blob';
import {
  IntegrityError,
  InvalidResponseError,
  type RequestOptions,
  type TransferProgress,
  ValidationError,
} from '@cloud/core';
import type {
  ProviderDownload,
  ProviderDownloadParams,
  ProviderFile,
  ProviderUploadParams,
} from '@cloud/providers';
import { azure } from '../errors.js';
import { publicUrl } from '../options.js';
import { blobOf, callSignal, containerOf, md5Hex, metadataOf } from './names.js';

/** What uploads and downloads need from the client they belong to. @internal */
export interface TransferContext {
  service: BlobServiceClient;
  /** Size of each staged block of a block blob. */
  blockSize: number;
  /** Blocks staged at once. */
  concurrency: number;
  /** Buffers up to this size are sent in one Put Blob; larger ones as staged blocks. */
  singleShotSize: number;
}

type OnProgress = ((progress: TransferProgress) => void) | undefined;

/** Progress that never goes backwards, whoever reports it. */
function reporter(onProgress: OnProgress, total: number | undefined) {
  let last = -1;
  return (transferred: number) => {
    if (transferred <= last) return;
    last = transferred;
    onProgress?.({ transferred, total });
  };
}

/**
 * Counts and hashes the bytes going through; fails the stream (so nothing is committed or
 * reported complete) when their number differs from `expected`.
 */
function meter(expected: number | undefined, what: string, onBytes?: (n: number) => void, md5?: string) {
  const hash: Hash = createHash('md5');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      hash.update(chunk);
      onBytes?.(bytes);
      done(null, chunk);
    },
    flush(done) {
      if (expected !== undefined && bytes !== expected) {
        done(
          new IntegrityError(`${what}: ${bytes} bytes moved, ${expected} expected`, {
            expected: String(expected),
            actual: String(bytes),
          }),
        );
        return;
      }
      const actual = hash.digest('hex');
      result.md5 = actual;
      if (md5 !== undefined && actual !== md5) {
        done(
          new IntegrityError(`${what}: content MD5 is ${actual}, the blob says ${md5}`, {
            expected: md5,
            actual,
          }),
        );
        return;
      }
      done();
    },
  });
  const result = { stream, bytes: () => bytes, md5: undefined as string | undefined };
  return result;
}

function checkUpload(params: ProviderUploadParams) {
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  const container = containerOf(params.container);
  const blob = blobOf(params.remote);
  const sources = (['stream', 'buffer', 'file'] as const).filter((k) => params[k] !== undefined);
  if (sources.length !== 1) throw new ValidationError('give exactly one of stream, buffer or file', 'stream');
  if (params.size !== undefined && !(Number.isSafeInteger(params.size) && params.size >= 0)) {
    throw new ValidationError('size must be a whole number of bytes', 'size');
  }
  if (params.contentType !== undefined && typeof params.contentType !== 'string') {
    throw new ValidationError('contentType must be a string', 'contentType');
  }
  if (params.file !== undefined && (typeof params.file !== 'string' || params.file === '')) {
    throw new ValidationError('file must be a path', 'file');
  }
  if (
    params.buffer !== undefined &&
    typeof params.buffer !== 'string' &&
    !(params.buffer instanceof Uint8Array)
  ) {
    throw new ValidationError('buffer must be a Uint8Array or a string', 'buffer');
  }
  return { container, blob, metadata: metadataOf(params.metadata) };
}

/**
 * Uploads into a block blob: buffers up to `singleShotSize` in one request, everything else as
 * staged blocks committed with one block list (the SDK's `uploadData`/`uploadStream`). The bytes
 * are counted and hashed on the way; the stored blob is then checked against them, and given the
 * MD5 as its `Content-MD5` when the service did not compute one (staged blocks), so `etag` is the
 * content's MD5 however the blob was written. @internal
 */
export async function uploadBlob(
  ctx: TransferContext,
  params: ProviderUploadParams,
  options?: RequestOptions,
): Promise<ProviderFile> {
  const { container, blob, metadata } = checkUpload(params);
  const { abortSignal, timedOut } = callSignal(options);
  const client = ctx.service.getContainerClient(container).getBlockBlobClient(blob);
  const call = { method: 'PUT', url: publicUrl(client.url) };
  const headers = { blobContentType: params.contentType };
  const common = { blobHTTPHeaders: headers, metadata, abortSignal };

  let size = params.size;
  let md5: string;
  if (params.buffer !== undefined) {
    const data = typeof params.buffer === 'string' ? Buffer.from(params.buffer) : params.buffer;
    size = data.length;
    md5 = createHash('md5').update(data).digest('hex');
    const report = reporter(params.onProgress, size);
    await azure(
      call,
      () =>
        client.uploadData(data, {
          ...common,
          blockSize: ctx.blockSize,
          concurrency: ctx.concurrency,
          maxSingleShotSize: ctx.singleShotSize,
          onProgress: (p) => report(p.loadedBytes),
        }),
      timedOut,
    );
    report(size);
  } else {
    let source: Readable;
    if (params.file !== undefined) {
      const info = await stat(params.file).catch(() => {
        throw new ValidationError(`file ${params.file} cannot be read`, 'file');
      });
      if (!info.isFile()) throw new ValidationError(`file ${params.file} is not a file`, 'file');
      size = info.size;
      source = createReadStream(params.file);
    } else {
      const stream = params.stream!;
      source = stream instanceof Readable ? stream : Readable.from(stream);
    }
    const report = reporter(params.onProgress, size);
    const counted = meter(size, `PUT ${call.url}`);
    // Read errors of the source, and a length that differs from `size`, fail the upload before
    // the block list is committed.
    const piped = source.pipe(counted.stream);
    source.on('error', (e) => piped.destroy(e));
    await azure(
      call,
      () =>
        client.uploadStream(piped, ctx.blockSize, ctx.concurrency, {
          ...common,
          onProgress: (p) => report(p.loadedBytes),
        }),
      timedOut,
    );
    size = counted.bytes();
    md5 = counted.md5 ?? createHash('md5').digest('hex');
    report(size);
  }
  return settle(client, { container, blob, size, md5, abortSignal, timedOut });
}

/** Checks the stored blob against what was sent, and records the content's MD5 on it. */
async function settle(
  client: BlockBlobClient,
  sent: {
    container: string;
    blob: string;
    size: number;
    md5: string;
    abortSignal: AbortSignal | undefined;
    timedOut: () => boolean;
  },
): Promise<ProviderFile> {
  const url = publicUrl(client.url);
  const props = await azure(
    { method: 'HEAD', url },
    () => client.getProperties({ abortSignal: sent.abortSignal }),
    sent.timedOut,
  );
  if (props.contentLength !== sent.size) {
    throw new IntegrityError(`PUT ${url}: ${sent.size} bytes sent, the blob holds ${props.contentLength}`, {
      expected: String(sent.size),
      actual: String(props.contentLength),
    });
  }
  const stored = md5Hex(props.contentMD5);
  if (stored !== undefined && stored !== sent.md5) {
    throw new IntegrityError(`PUT ${url}: the blob's MD5 is ${stored}, ${sent.md5} was sent`, {
      expected: sent.md5,
      actual: stored,
    });
  }
  let lastModified = props.lastModified;
  if (stored === undefined) {
    // Staged blocks leave Content-MD5 empty. Setting the HTTP headers replaces all of them, so the
    // others are sent back as they are; If-Match makes sure it is still the blob just written.
    const set = await azure(
      { method: 'PUT', url: `${url}?comp=properties` },
      () =>
        client.setHTTPHeaders(
          {
            blobContentType: props.contentType,
            blobContentEncoding: props.contentEncoding,
            blobContentLanguage: props.contentLanguage,
            blobContentDisposition: props.contentDisposition,
            blobCacheControl: props.cacheControl,
            blobContentMD5: Buffer.from(sent.md5, 'hex'),
          },
          { conditions: { ifMatch: props.etag }, abortSignal: sent.abortSignal },
        ),
      sent.timedOut,
    );
    lastModified = set.lastModified ?? lastModified;
  }
  return {
    provider: 'azure',
    container: sent.container,
    name: sent.blob,
    size: sent.size,
    contentType: props.contentType,
    etag: sent.md5,
    lastModified,
    metadata: { ...props.metadata },
  };
}

/**
 * Downloads a blob: resolves once the headers are in (so a missing blob rejects), then streams the
 * body, checking its length and, when the blob has one, its MD5. @internal
 */
export async function downloadBlob(
  ctx: TransferContext,
  params: ProviderDownloadParams,
  options?: RequestOptions,
): Promise<ProviderFile | ProviderDownload> {
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  if (params.stream !== undefined && params.file !== undefined) {
    throw new ValidationError('give stream or file, not both', 'stream');
  }
  if (params.file !== undefined && (typeof params.file !== 'string' || params.file === '')) {
    throw new ValidationError('file must be a path', 'file');
  }
  const container = containerOf(params.container);
  const blob = blobOf(params.remote);
  const { abortSignal, timedOut } = callSignal(options);
  const client = ctx.service.getContainerClient(container).getBlobClient(blob);
  const call = { method: 'GET', url: publicUrl(client.url) };
  const res = await azure(
    call,
    () => client.download(0, undefined, { abortSignal, maxRetryRequests: 3 }),
    timedOut,
  );
  const size = res.contentLength ?? 0;
  const md5 = md5Hex(res.blobContentMD5 ?? res.contentMD5);
  const file: ProviderFile = {
    provider: 'azure',
    container,
    name: blob,
    size,
    contentType: res.contentType,
    etag: md5,
    lastModified: res.lastModified,
    metadata: { ...res.metadata },
  };
  const raw = res.readableStreamBody;
  if (!raw) {
    throw new InvalidResponseError(`GET ${call.url}: the answer has no body to read`, {
      ...call,
      status: res._response.status,
      requestId: res.requestId,
    });
  }
  const report = reporter(params.onProgress, size);
  const counted = meter(res.contentLength, `GET ${call.url}`, report, md5);
  const source = raw as Readable;
  const body = source.pipe(counted.stream);
  source.on('error', (e) => body.destroy(e));
  if (params.file !== undefined) {
    const part = `${params.file}.${process.pid}.${Date.now()}.part`;
    try {
      await azure(call, () => pipeline(body, createWriteStream(part)), timedOut);
      await rename(part, params.file);
    } catch (e) {
      await rm(part, { force: true });
      throw e;
    }
    return file;
  }
  if (params.stream !== undefined) {
    await azure(call, () => pipeline(body, params.stream as Writable), timedOut);
    return file;
  }
  return { ...file, body };
}

import type { Hash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  HttpError,
  type HttpStreamResponse,
  IntegrityError,
  type RequestOptions,
  type TransferProgress,
  ValidationError,
} from '@cloud/core';
import { checkedStream, headerValue, requireNonBlank, streamError } from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { ImageDataUnavailableError } from '../errors.js';
import { getGlanceImage } from '../images/images.js';
import type { GlanceImage } from '../images/types.js';
import { tryHash } from '../internal/hash.js';
import { checkFilePath, checkImageId, checkOptionalSize } from '../internal/validate.js';
import { imageFilePath } from './urls.js';

/**
 * Parameters of {@link downloadImageData}.
 * @example await downloadImageData(glance, id, { onProgress: (p) => console.log(p.transferred, p.total) });
 */
export interface DownloadImageDataParams {
  /**
   * Check the bytes as they arrive against the image's `os_hash_value` (when Node knows its
   * `os_hash_algo`), else its MD5 `checksum` (or the `Content-MD5` header), and the length.
   * Costs one GET of the image record first. The body then errors with `IntegrityError` instead
   * of ending. Default true; not done for ranges.
   */
  verify?: boolean | undefined;
  /** Only bytes `start` to `end` (inclusive), or from `start` to the end. */
  range?: { start: number; end?: number | undefined } | undefined;
  /** Comma-separated preferred stores (`prefer`, Glance 2026.1+). */
  preferStores?: readonly string[] | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * What {@link downloadImageData} resolves with.
 * @example const { body, contentLength } = await downloadImageData(glance, id);
 */
export interface DownloadImageDataResult {
  /** The data. Consume it or call `destroy()`, or the connection is not released. */
  body: Readable;
  /** 200, 206 for a range, 204 when the image has no data (the body is then empty). */
  status: number;
  /** Bytes in `body`, when the server said. */
  contentLength?: number | undefined;
  /** The image record, when `verify` fetched it. */
  image?: GlanceImage | undefined;
}

/** @internal What a download is checked against. */
interface Expected {
  algorithm: string;
  digest: string;
  hash: Hash;
}

/** @internal The strongest check the image record (or the Content-MD5 header) allows. */
function expectedDigest(
  image: GlanceImage | undefined,
  contentMd5: string | undefined,
): Expected | undefined {
  if (image?.hashAlgorithm && image.hashValue) {
    const hash = tryHash(image.hashAlgorithm);
    if (hash) return { algorithm: image.hashAlgorithm, digest: image.hashValue, hash };
  }
  const md5 = image?.checksum ?? contentMd5;
  if (md5 && /^[0-9a-f]{32}$/i.test(md5)) {
    const hash = tryHash('md5');
    if (hash) return { algorithm: 'md5', digest: md5, hash };
  }
  return undefined;
}

function preferQuery(stores: readonly string[] | undefined) {
  if (stores === undefined) return undefined;
  if (!Array.isArray(stores) || stores.length === 0) {
    throw new ValidationError('preferStores must be a non-empty list of store ids', 'preferStores');
  }
  return { prefer: stores.map((s, i) => requireNonBlank(s, `preferStores[${i}]`)).join(',') };
}

const intHeader = (res: HttpStreamResponse, name: string): number | undefined => {
  const v = headerValue(res.headers, name);
  const n = v === undefined ? Number.NaN : Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

/**
 * Downloads an image's data as a Node Readable (`GET /v2/images/{id}/file`). It resolves once the
 * response headers are in, so a missing image rejects with `NotFoundError` (a deactivated one with
 * `ForbiddenError`) rather than erroring the stream. The bytes are hashed as they flow and checked
 * at the end (see `verify`); memory stays flat. **Consume the body or call `body.destroy()`.**
 * @example
 * ```ts
 * const { body } = await downloadImageData(glance, id);
 * await pipeline(body, createWriteStream('/tmp/disk.qcow2'));
 * ```
 */
export async function downloadImageData(
  client: ImageClient,
  imageId: string,
  params: DownloadImageDataParams = {},
  options?: RequestOptions,
): Promise<DownloadImageDataResult> {
  checkImageId(imageId);
  const headers: Record<string, string> = { ...options?.headers, accept: 'application/octet-stream' };
  if (params.range !== undefined) {
    const start = checkOptionalSize(params.range?.start, 'range.start') ?? 0;
    const end = checkOptionalSize(params.range.end, 'range.end');
    if (end !== undefined && end < start) {
      throw new ValidationError('range.end must not be before range.start', 'range.end');
    }
    headers.range = `bytes=${start}-${end ?? ''}`;
  }
  const searchParams = preferQuery(params.preferStores);
  const verify = params.verify !== false && params.range === undefined;
  const image = verify ? await getGlanceImage(client, imageId, options) : undefined;
  const res = await client.stream('GET', imageFilePath(imageId), {
    ...options,
    headers,
    searchParams,
    decompress: false,
    resource: `image "${imageId}"`,
  });
  const contentLength = intHeader(res, 'content-length');
  if (res.status === 204) {
    res.body.destroy();
    return { body: Readable.from([]), status: 204, contentLength: 0, image };
  }
  const expected = verify ? expectedDigest(image, headerValue(res.headers, 'content-md5')) : undefined;
  const body = checkedStream(res.body, {
    what: `image "${imageId}"`,
    hash: expected?.hash,
    algorithm: expected?.algorithm,
    expectedDigest: expected?.digest,
    expectedLength: contentLength ?? (verify && image?.size != null ? image.size : undefined),
    total: contentLength,
    onProgress: params.onProgress,
    signal: options?.signal,
  });
  return { body, status: res.status, contentLength, image };
}

/**
 * Parameters of {@link downloadImageToFile}.
 * @example await downloadImageToFile(glance, id, '/var/tmp/disk.img', { resume: true, onProgress: console.log });
 */
export interface DownloadImageToFileParams {
  /**
   * Continue an interrupted download: data goes to `<path>.part` (the image's hash beside it in
   * `<path>.part.json`), both kept on failure; the next call with `resume` asks only for the
   * missing bytes (`Range`). Default false: a temporary file, removed on failure.
   */
  resume?: boolean | undefined;
  /** Check the whole file against `os_hash_value` (or `checksum`) and size. Default true. */
  verify?: boolean | undefined;
  preferStores?: readonly string[] | undefined;
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * What {@link downloadImageToFile} resolves with.
 * @example const { bytes, resumedFrom } = await downloadImageToFile(glance, id, '/tmp/disk.img', { resume: true });
 */
export interface DownloadImageToFileResult {
  path: string;
  bytes: number;
  image: GlanceImage;
  /** Bytes that were already on disk from an earlier attempt. */
  resumedFrom: number;
}

/** @internal What a `.part` file belongs to, so a resume never mixes two images' bytes. */
const partIdentity = (image: GlanceImage): string =>
  JSON.stringify({
    id: image.id,
    size: image.size,
    checksum: image.checksum,
    algo: image.hashAlgorithm,
    hash: image.hashValue,
  });

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * Downloads an image's data to a file: written to a temporary file beside `filePath` and renamed
 * into place only once complete and verified, so a failure never leaves a half-written
 * `filePath`. With `resume`, an interrupted download continues where it stopped (Glance image
 * data never changes once active; the `.part` file is still tied to the image's hash). Memory
 * stays flat in the image size. An image without data is `ImageDataUnavailableError`.
 * @example
 * ```ts
 * await downloadImageToFile(glance, id, '/var/tmp/debian.qcow2', { resume: true });
 * ```
 */
export async function downloadImageToFile(
  client: ImageClient,
  imageId: string,
  filePath: string,
  params: DownloadImageToFileParams = {},
  options?: RequestOptions,
): Promise<DownloadImageToFileResult> {
  checkImageId(imageId);
  checkFilePath(filePath);
  const searchParams = preferQuery(params.preferStores);
  const verify = params.verify !== false;
  const what = `image "${imageId}"`;
  const image = await getGlanceImage(client, imageId, options);
  const part = params.resume ? `${filePath}.part` : `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  const identityFile = `${part}.json`;
  const identity = partIdentity(image);
  const restart = async (): Promise<number> => {
    await rm(part, { force: true });
    await rm(identityFile, { force: true });
    return 0;
  };
  let offset = params.resume ? await sizeOf(part) : 0;
  if (offset > 0) {
    const saved = await readFile(identityFile, 'utf8').catch(() => undefined);
    if (saved !== identity || (image.size !== null && offset > image.size)) offset = await restart();
  }
  const expected = verify ? expectedDigest(image, undefined) : undefined;
  let resumedFrom = 0;
  try {
    if (params.resume) await writeFile(identityFile, identity);
    if (image.size !== null && offset > 0 && offset === image.size) {
      resumedFrom = offset; // complete already: only the check is left
      await hashPrefix(offset);
    } else {
      resumedFrom = await fetchInto(offset);
    }
  } catch (error) {
    if (!params.resume || error instanceof IntegrityError) await restart();
    throw streamError(error, what, options?.signal);
  }
  const bytes = await sizeOf(part);
  const digest = expected?.hash.digest('hex');
  const sizeWrong = verify && image.size !== null && bytes !== image.size;
  if (sizeWrong || (expected && digest !== expected.digest.toLowerCase())) {
    await restart();
    throw new IntegrityError(
      sizeWrong
        ? `download of ${what} is corrupt: ${bytes} bytes, the image has ${image.size}`
        : `download of ${what} is corrupt: ${expected?.algorithm} ${digest}, expected ${expected?.digest}`,
      sizeWrong
        ? { expected: String(image.size), actual: String(bytes) }
        : { expected: expected?.digest ?? '', actual: digest ?? '' },
    );
  }
  await rename(part, filePath);
  await rm(identityFile, { force: true });
  return { path: filePath, bytes, image, resumedFrom };

  // A resumed file's first bytes came from an earlier process: hash them before the rest.
  async function hashPrefix(length: number): Promise<void> {
    if (!expected || length === 0) return;
    for await (const chunk of createReadStream(part, { end: length - 1 }))
      expected.hash.update(chunk as Buffer);
  }

  // Streams the missing bytes into the part file; returns the offset the transfer started at.
  async function fetchInto(from: number): Promise<number> {
    let start = from;
    let res: HttpStreamResponse;
    try {
      res = await client.stream('GET', imageFilePath(imageId), {
        ...options,
        headers: {
          ...options?.headers,
          accept: 'application/octet-stream',
          ...(start > 0 ? { range: `bytes=${start}-` } : {}),
        },
        searchParams,
        decompress: false,
        resource: what,
      });
    } catch (error) {
      if (start > 0 && error instanceof HttpError && error.status === 416) {
        return fetchInto(await restart());
      }
      throw error;
    }
    if (res.status === 204) {
      res.body.destroy();
      throw new ImageDataUnavailableError(imageId, image.status);
    }
    // The server ignored the range and sent everything.
    if (start > 0 && res.status === 200) start = 0;
    await hashPrefix(start);
    const contentLength = intHeader(res, 'content-length');
    const checked = checkedStream(res.body, {
      what,
      hash: expected?.hash,
      expectedLength: contentLength,
      offset: start,
      total: contentLength === undefined ? (image.size ?? undefined) : start + contentLength,
      onProgress: params.onProgress,
      signal: options?.signal,
    });
    await pipeline(checked, createWriteStream(part, { flags: start > 0 ? 'r+' : 'w', start }));
    return start;
  }
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { IntegrityError, type RequestOptions, type TransferProgress, ValidationError } from '@cloud/core';
import { meterUpload, requireNonBlank } from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { getGlanceImage } from '../images/images.js';
import type { GlanceImage } from '../images/types.js';
import { destroySource, type ImageUploadBody, splitBody } from '../internal/body.js';
import { TransferHashes } from '../internal/hash.js';
import { throwIfAborted } from '../internal/stream.js';
import { checkFilePath, checkImageId, checkOptionalSize } from '../internal/validate.js';
import { imageFilePath, imageStagePath } from './urls.js';

/**
 * Parameters of {@link uploadImageData} and {@link stageImageData}.
 * @example await uploadImageData(glance, id, stream, { size, onProgress: (p) => console.log(p.transferred, p.total) });
 */
export interface UploadImageDataParams {
  /**
   * Length of a stream body, when known: sent as `x-openstack-image-size` (Glance refuses a
   * different length) and checked as the bytes go out. Bytes in memory carry their own length.
   */
  size?: number | undefined;
  /** Upload progress; `total` is known for bytes in memory, files, and streams given a `size`. */
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/**
 * Parameters of {@link uploadImageData}.
 * @example await uploadImageData(glance, id, buffer, { store: 'fast', verify: true });
 */
export interface UploadImageDataToStoreParams extends UploadImageDataParams {
  /** Store id to put the data in (`X-Image-Meta-Store`, multi-store clouds; see `listImageStores`). */
  store?: string | undefined;
  /**
   * Hash the data as it is sent and, once Glance has it, compare with the image's
   * `os_hash_value` (when Glance reports an algorithm Node knows) or its MD5 `checksum`, and the
   * size. Default true. A mismatch is `IntegrityError`; the image is left for you to inspect or
   * delete.
   */
  verify?: boolean | undefined;
  /**
   * Algorithm the cloud hashes with (`os_hash_algo`), computed beside MD5 while uploading.
   * Default `sha512`, Glance's default.
   */
  hashAlgorithm?: string | undefined;
}

/**
 * What an upload returns.
 * @example const { bytes, image } = await uploadImageData(glance, id, data);
 */
export interface UploadImageDataResult {
  /** Bytes sent. */
  bytes: number;
  /** The image after the upload, when `verify` fetched it (default). */
  image?: GlanceImage | undefined;
  /** Hex digests of the bytes sent, by algorithm (`md5`, `sha512`), when `verify` is on. */
  digests: Record<string, string>;
}

/** @internal Which call is sending: the final data or the staging area. */
interface PutTarget {
  path: string;
  what: string;
  store?: string | undefined;
  hashes?: TransferHashes | undefined;
}

/** @internal One streamed PUT of image data with size checks and progress. */
async function putImageData(
  client: ImageClient,
  target: PutTarget,
  body: ImageUploadBody,
  params: UploadImageDataParams,
  options: RequestOptions | undefined,
): Promise<number> {
  const size = checkOptionalSize(params.size, 'size');
  const split = splitBody(body);
  if (split.kind === 'bytes' && size !== undefined && size !== split.data.length) {
    throw new ValidationError(`size is ${size} but the body has ${split.data.length} bytes`, 'size');
  }
  throwIfAborted(options?.signal);
  // Bytes in memory are hashed up front and sent as they are (replayable, so retried);
  // streams are counted and hashed as they go out.
  if (split.kind === 'bytes') target.hashes?.update(split.data);
  const total = split.kind === 'bytes' ? split.data.length : size;
  const metered = split.kind === 'stream' ? meterUpload(split.source, total, target.hashes) : undefined;
  const headers: Record<string, string> = {
    ...options?.headers,
    'content-type': 'application/octet-stream',
  };
  if (total !== undefined) {
    headers['content-length'] = String(total);
    headers['x-openstack-image-size'] = String(total);
  }
  if (target.store !== undefined) headers['x-image-meta-store'] = target.store;
  const onProgress = params.onProgress;
  try {
    await client.request('PUT', target.path, {
      ...options,
      headers,
      body: split.kind === 'bytes' ? split.data : metered?.payload,
      resource: target.what,
      onUploadProgress: onProgress ? (p) => onProgress({ transferred: p.transferred, total }) : undefined,
    });
  } catch (error) {
    if (split.kind === 'stream') destroySource(split.source);
    throw metered?.error ?? error;
  }
  // A server may answer before reading the whole body; the source's own failure still counts.
  if (metered?.error) throw metered.error;
  const bytes = split.kind === 'bytes' ? split.data.length : (metered?.counted ?? 0);
  onProgress?.({ transferred: bytes, total: bytes });
  return bytes;
}

/** @internal Compares what was sent with what Glance recorded. */
function verifyUpload(image: GlanceImage, bytes: number, digests: Map<string, string>): void {
  const what = `upload of image "${image.id}"`;
  if (image.size !== null && image.size !== bytes) {
    throw new IntegrityError(`${what} is corrupt: ${bytes} bytes sent, Glance stored ${image.size}`, {
      expected: String(bytes),
      actual: String(image.size),
    });
  }
  const algo = image.hashAlgorithm?.toLowerCase();
  const local = algo ? digests.get(algo) : undefined;
  if (local && image.hashValue) {
    if (image.hashValue.toLowerCase() !== local) {
      throw new IntegrityError(
        `${what} is corrupt: Glance stored ${algo} ${image.hashValue}, the data sent has ${local}`,
        { expected: local, actual: image.hashValue },
      );
    }
    return;
  }
  const md5 = digests.get('md5');
  if (md5 && image.checksum && image.checksum.toLowerCase() !== md5) {
    throw new IntegrityError(
      `${what} is corrupt: Glance stored MD5 ${image.checksum}, the data sent has ${md5}`,
      {
        expected: md5,
        actual: image.checksum,
      },
    );
  }
}

/**
 * Uploads an image's data (`PUT /v2/images/{id}/file`) from bytes in memory or a stream (a Node
 * Readable or any async iterable). Streams are sent as they are read, never buffered, so memory
 * stays flat for any image size. The bytes are counted against `size` and hashed on the way; once
 * Glance has them, the image's `os_hash_value` (or `checksum`) and size are compared
 * (`verify`, default true). Streams are not retried (they cannot be replayed). The image must be
 * `queued` and have its disk and container formats set.
 * @example
 * ```ts
 * const image = await createGlanceImage(glance, { name: 'debian', diskFormat: 'qcow2', containerFormat: 'bare' });
 * const { size } = await stat('debian.qcow2');
 * await uploadImageData(glance, image.id, createReadStream('debian.qcow2'), { size, onProgress: console.log });
 * ```
 */
export async function uploadImageData(
  client: ImageClient,
  imageId: string,
  body: ImageUploadBody,
  params: UploadImageDataToStoreParams = {},
  options?: RequestOptions,
): Promise<UploadImageDataResult> {
  checkImageId(imageId);
  const store = params.store === undefined ? undefined : requireNonBlank(params.store, 'store');
  const algorithm =
    params.hashAlgorithm === undefined ? 'sha512' : requireNonBlank(params.hashAlgorithm, 'hashAlgorithm');
  const verify = params.verify !== false;
  const hashes = verify ? new TransferHashes(['md5', algorithm]) : undefined;
  const bytes = await putImageData(
    client,
    { path: imageFilePath(imageId), what: `image "${imageId}"`, store, hashes },
    body,
    params,
    options,
  );
  if (!hashes) return { bytes, digests: {} };
  const digests = hashes.digest();
  const image = await getGlanceImage(client, imageId, options);
  verifyUpload(image, bytes, digests);
  return { bytes, image, digests: Object.fromEntries(digests) };
}

/**
 * Uploads an image's data from a file. Its size is known up front, so progress has a total and
 * Glance checks the length too.
 * @example await uploadImageDataFromFile(glance, id, '/var/tmp/debian.qcow2');
 */
export async function uploadImageDataFromFile(
  client: ImageClient,
  imageId: string,
  filePath: string,
  params: Omit<UploadImageDataToStoreParams, 'size'> = {},
  options?: RequestOptions,
): Promise<UploadImageDataResult> {
  checkImageId(imageId);
  checkFilePath(filePath);
  const info = await stat(filePath);
  if (!info.isFile()) throw new ValidationError(`filePath "${filePath}" is not a regular file`, 'filePath');
  const stream = createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  try {
    return await uploadImageData(client, imageId, stream, { ...params, size: info.size }, options);
  } finally {
    stream.destroy();
  }
}

/**
 * Stages an image's data for a `glance-direct` import (`PUT /v2/images/{id}/stage`): streamed
 * like {@link uploadImageData}, with the same size checks; the image becomes `uploading`. Then
 * call `importImage(glance, id, { method: 'glance-direct' })` and `waitForImageImport`.
 * @example
 * ```ts
 * await stageImageData(glance, id, createReadStream('disk.raw'), { size });
 * await importImage(glance, id, { method: 'glance-direct' });
 * await waitForImageImport(glance, id);
 * ```
 */
export async function stageImageData(
  client: ImageClient,
  imageId: string,
  body: ImageUploadBody,
  params: UploadImageDataParams = {},
  options?: RequestOptions,
): Promise<{ bytes: number }> {
  checkImageId(imageId);
  const bytes = await putImageData(
    client,
    { path: imageStagePath(imageId), what: `image "${imageId}"` },
    body,
    params,
    options,
  );
  return { bytes };
}

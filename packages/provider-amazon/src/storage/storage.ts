import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  BadRequestError,
  InvalidResponseError,
  NotFoundError,
  type RequestOptions,
  ValidationError,
} from '@cloud/core';
import {
  type ProviderContainer,
  type ProviderContainerRef,
  type ProviderDownloadParams,
  type ProviderFile,
  type ProviderStorageCapabilities,
  type ProviderStorageClient,
  type ProviderTemporaryUrlParams,
  UnsupportedOperationError,
} from '@cloud/providers';
import { aws } from '../errors.js';
import { type AmazonProviderOptions, clientConfig } from '../options.js';

/** Options of {@link amazonStorage}. */
export interface AmazonStorageOptions extends AmazonProviderOptions {
  /** An existing S3 client to use instead of building one from the options above. */
  client?: S3Client | undefined;
  /** Part size of multipart uploads in bytes (default and minimum 5 MiB). */
  partSize?: number | undefined;
  /** Parts uploaded at once (default 4). */
  queueSize?: number | undefined;
  /**
   * Whether the endpoint keeps bucket tags, where container metadata lives (default `true`, as on
   * Amazon S3). Set `false` for S3-compatible stores without bucket tagging (Swift's `s3api`
   * answers 501): `capabilities.containerMetadata` says so, and container metadata calls reject
   * with `UnsupportedOperationError` before any request.
   */
  containerMetadata?: boolean | undefined;
}

/** Parameters of `temporaryUrl` (the neutral {@link ProviderTemporaryUrlParams}). */
export type TemporaryUrlParams = ProviderTemporaryUrlParams;

/**
 * The neutral storage client on S3; `temporaryUrl` gives presigned URLs, signed locally (no
 * request is sent).
 * @example
 * ```ts
 * const url = await storage.temporaryUrl('my-bucket', 'report.pdf', { expiresIn: 600 });
 * ```
 */
export interface AmazonStorageClient extends ProviderStorageClient<S3Client> {}

const MIN_PART = 5 * 1024 * 1024;
/** S3's bucket naming rules (the common subset: no dots, which break virtual-host TLS). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const bucketOf = (ref: ProviderContainerRef | undefined): string => {
  const name = typeof ref === 'string' ? ref : ref?.name;
  if (typeof name !== 'string' || name === '') {
    throw new ValidationError('container must be a name or an object with a name', 'container');
  }
  if (!BUCKET.test(name)) {
    throw new ValidationError(
      `container "${name}" is not a valid S3 bucket name (3-63 lowercase letters, digits, "-" or ".")`,
      'container',
    );
  }
  return name;
};

const keyOf = (remote: unknown, field = 'remote'): string => {
  if (typeof remote !== 'string' || remote === '')
    throw new ValidationError(`${field} must be a name`, field);
  return remote;
};

const unquote = (etag: string | undefined) => etag?.replace(/^"|"$/g, '');
const send = (options?: RequestOptions) => (options?.signal ? { abortSignal: options.signal } : undefined);

/** Counts bytes flowing through and reports them. */
const progressCounter = (size: number | undefined, onProgress: ProviderDownloadParams['onProgress']) => {
  let transferred = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      transferred += chunk.length;
      onProgress?.({ transferred, total: size });
      done(null, chunk);
    },
  });
};

/**
 * A provider-neutral storage client for Amazon S3 (or an S3-compatible endpoint).
 * Uploads over 5 MiB, and streams of unknown length, go through multipart uploads.
 * @example
 * ```ts
 * const storage = amazonStorage({ region: 'us-east-1' });
 * await storage.createContainer('my-backups-2026');
 * await storage.upload({ container: 'my-backups-2026', remote: 'db.tar.gz', file: './db.tar.gz',
 *   onProgress: (p) => console.log(p.transferred, p.total) });
 * console.log(await storage.temporaryUrl('my-backups-2026', 'db.tar.gz', { expiresIn: 600 }));
 * ```
 */
export function amazonStorage(options: AmazonStorageOptions = {}): AmazonStorageClient {
  const o = options ?? {};
  if (o.partSize !== undefined && !(Number.isInteger(o.partSize) && o.partSize >= MIN_PART)) {
    throw new ValidationError(`partSize must be an integer of at least ${MIN_PART}`, 'partSize');
  }
  const s3 = o.client ?? new S3Client({ ...clientConfig(o), forcePathStyle: o.forcePathStyle });
  const provider = 'amazon' as const;
  const capabilities: ProviderStorageCapabilities = {
    containerTotals: 'counted',
    consistentListings: true,
    largeUploads: 'multipart',
    containerMetadata: o.containerMetadata !== false,
    temporaryUrlPutHeaders: {},
  };
  const requireTags = (operation: string) => {
    if (!capabilities.containerMetadata) {
      throw new UnsupportedOperationError(
        provider,
        operation,
        'container metadata is kept as bucket tags, and this endpoint was declared without them (containerMetadata: false)',
      );
    }
  };

  async function getTags(Bucket: string, options?: RequestOptions): Promise<Record<string, string>> {
    try {
      const out = await aws({ method: 'GET', url: `s3://${Bucket}?tagging` }, () =>
        s3.send(new GetBucketTaggingCommand({ Bucket }), send(options)),
      );
      return Object.fromEntries((out.TagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
    } catch (e) {
      // A bucket without tags answers NoSuchTagSet (404): no metadata, not a missing bucket.
      if (e instanceof NotFoundError && (e.cause as { name?: string } | undefined)?.name === 'NoSuchTagSet') {
        return {};
      }
      throw e;
    }
  }

  const putTags = (Bucket: string, metadata: Record<string, string>, options?: RequestOptions) =>
    aws({ method: 'PUT', url: `s3://${Bucket}?tagging` }, () =>
      s3.send(
        new PutBucketTaggingCommand({
          Bucket,
          Tagging: { TagSet: Object.entries(metadata).map(([Key, Value]) => ({ Key, Value })) },
        }),
        send(options),
      ),
    );

  const checkMetadata = (metadata: unknown): Record<string, string> => {
    if (
      !metadata ||
      typeof metadata !== 'object' ||
      Object.values(metadata).some((v) => typeof v !== 'string')
    ) {
      throw new ValidationError('metadata must be an object of strings', 'metadata');
    }
    return metadata as Record<string, string>;
  };

  async function* pages(
    Bucket: string,
    Prefix: string | undefined,
    limit: number | undefined,
    options?: RequestOptions,
  ) {
    let ContinuationToken: string | undefined;
    let left = limit ?? Number.POSITIVE_INFINITY;
    do {
      const page: ListObjectsV2CommandOutput = await aws({ method: 'GET', url: `s3://${Bucket}/` }, () =>
        s3.send(
          new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken, MaxKeys: Math.min(1000, left) }),
          send(options),
        ),
      );
      // Every ListObjectsV2 answer names its bucket; an HTML page (a proxy, a captive portal) parses
      // as an empty listing otherwise.
      if (page.Name === undefined) {
        throw new InvalidResponseError(`GET s3://${Bucket}/: the listing is not a ListBucketResult`, {
          method: 'GET',
          url: `s3://${Bucket}/`,
          status: page.$metadata.httpStatusCode,
          requestId: page.$metadata.requestId,
        });
      }
      const items = page.Contents ?? [];
      left -= items.length;
      yield items;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken && left > 0);
  }

  async function totals(name: string, options?: RequestOptions): Promise<ProviderContainer> {
    let count = 0;
    let bytes = 0;
    for await (const items of pages(name, undefined, undefined, options)) {
      count += items.length;
      for (const item of items) bytes += item.Size ?? 0;
    }
    return { provider, name, count, bytes };
  }

  async function head(Bucket: string, Key: string, options?: RequestOptions): Promise<ProviderFile> {
    const h = await aws({ method: 'HEAD', url: `s3://${Bucket}/${Key}` }, () =>
      s3.send(new HeadObjectCommand({ Bucket, Key }), send(options)),
    );
    return {
      provider,
      container: Bucket,
      name: Key,
      size: h.ContentLength ?? 0,
      contentType: h.ContentType,
      etag: unquote(h.ETag),
      lastModified: h.LastModified,
      metadata: { ...h.Metadata },
    };
  }

  async function download(params: ProviderDownloadParams, options?: RequestOptions) {
    if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
    if (params.stream && params.file) throw new ValidationError('give stream or file, not both', 'stream');
    const Bucket = bucketOf(params.container);
    const Key = keyOf(params.remote);
    const got = await aws({ method: 'GET', url: `s3://${Bucket}/${Key}` }, () =>
      s3.send(new GetObjectCommand({ Bucket, Key }), send(options)),
    );
    const file: ProviderFile = {
      provider,
      container: Bucket,
      name: Key,
      size: got.ContentLength ?? 0,
      contentType: got.ContentType,
      etag: unquote(got.ETag),
      lastModified: got.LastModified,
      metadata: { ...got.Metadata },
    };
    if (!(got.Body instanceof Readable)) {
      throw new ValidationError('GetObject returned no readable body (not running on Node.js?)', 'remote');
    }
    const body = got.Body.pipe(progressCounter(got.ContentLength, params.onProgress));
    got.Body.on('error', (e) => body.destroy(e));
    const url = `s3://${Bucket}/${Key}`;
    if (params.file !== undefined) {
      const part = `${params.file}.${process.pid}.${Date.now()}.part`;
      try {
        await aws({ method: 'GET', url }, () => pipeline(body, createWriteStream(part)));
        await rename(part, params.file);
      } catch (e) {
        await rm(part, { force: true });
        throw e;
      }
      return file;
    }
    if (params.stream) {
      await aws({ method: 'GET', url }, () => pipeline(body, params.stream as Writable));
      return file;
    }
    return { ...file, body };
  }

  return {
    provider,
    client: s3,
    capabilities,
    async getContainers(options) {
      const out = await aws({ method: 'GET', url: 's3://' }, () =>
        s3.send(new ListBucketsCommand({}), send(options)),
      );
      const result: ProviderContainer[] = [];
      for (const b of out.Buckets ?? []) if (b.Name) result.push(await totals(b.Name, options));
      return result;
    },
    async getContainer(container, options) {
      const Bucket = bucketOf(container);
      await aws({ method: 'HEAD', url: `s3://${Bucket}` }, () =>
        s3.send(new HeadBucketCommand({ Bucket }), send(options)),
      );
      return totals(Bucket, options);
    },
    async createContainer(container, options) {
      const Bucket = bucketOf(container);
      const metadata =
        typeof container === 'object' && 'metadata' in container ? container.metadata : undefined;
      if (metadata && Object.keys(metadata).length > 0) requireTags('createContainer');
      const region = await s3.config.region();
      try {
        await aws({ method: 'PUT', url: `s3://${Bucket}` }, () =>
          s3.send(
            new CreateBucketCommand({
              Bucket,
              CreateBucketConfiguration:
                region && region !== 'us-east-1' ? { LocationConstraint: region as never } : undefined,
            }),
            send(options),
          ),
        );
      } catch (e) {
        // The neutral call succeeds when the container exists already (and is ours).
        if ((e as { cause?: { name?: string } }).cause?.name !== 'BucketAlreadyOwnedByYou') throw e;
      }
      if (metadata && Object.keys(metadata).length > 0) {
        await putTags(Bucket, { ...(await getTags(Bucket, options)), ...metadata }, options);
      }
      return { provider, name: Bucket, count: 0, bytes: 0 };
    },
    async destroyContainer(container, options) {
      const Bucket = bucketOf(container);
      for await (const items of pages(Bucket, undefined, undefined, options)) {
        if (items.length === 0) continue;
        try {
          await aws({ method: 'POST', url: `s3://${Bucket}?delete` }, () =>
            s3.send(
              new DeleteObjectsCommand({
                Bucket,
                Delete: { Objects: items.map((i) => ({ Key: i.Key })), Quiet: true },
              }),
              send(options),
            ),
          );
        } catch (e) {
          // S3-compatible stores that want Content-MD5 on a batch delete (Swift's s3api) refuse the
          // CRC checksum the AWS SDK sends: delete those keys one by one instead.
          if (!(e instanceof BadRequestError)) throw e;
          for (const { Key } of items) {
            await aws({ method: 'DELETE', url: `s3://${Bucket}/${Key}` }, () =>
              s3.send(new DeleteObjectCommand({ Bucket, Key }), send(options)),
            );
          }
        }
      }
      await aws({ method: 'DELETE', url: `s3://${Bucket}` }, () =>
        s3.send(new DeleteBucketCommand({ Bucket }), send(options)),
      );
    },
    async upload(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      const Bucket = bucketOf(params.container);
      const Key = keyOf(params.remote);
      const sources = [params.stream, params.buffer, params.file].filter((s) => s !== undefined);
      if (sources.length !== 1)
        throw new ValidationError('give exactly one of stream, buffer or file', 'stream');
      let size = params.size;
      let Body: Readable | Uint8Array;
      if (params.file !== undefined) {
        size = (await stat(params.file)).size;
        Body = createReadStream(params.file);
      } else if (params.buffer !== undefined) {
        Body = typeof params.buffer === 'string' ? Buffer.from(params.buffer) : params.buffer;
        size = Body.length;
      } else {
        const stream = params.stream!;
        Body = stream instanceof Readable ? stream : Readable.from(stream);
      }
      const url = `s3://${Bucket}/${Key}`;
      let last = 0;
      const report = (transferred: number) => {
        if (transferred <= last) return;
        last = transferred;
        params.onProgress?.({ transferred, total: size });
      };
      const request = {
        Bucket,
        Key,
        Body,
        ContentType: params.contentType,
        Metadata: params.metadata,
      };
      if (Body instanceof Uint8Array && Body.length < MIN_PART) {
        await aws({ method: 'PUT', url }, () => s3.send(new PutObjectCommand(request), send(options)));
      } else {
        const upload = new Upload({
          client: s3,
          params: request,
          partSize: o.partSize ?? MIN_PART,
          queueSize: o.queueSize ?? 4,
          leavePartsOnError: false,
        });
        upload.on('httpUploadProgress', (p) => report(p.loaded ?? 0));
        const abort = () => void upload.abort();
        options?.signal?.addEventListener('abort', abort, { once: true });
        try {
          await aws({ method: 'PUT', url }, () => upload.done());
        } finally {
          options?.signal?.removeEventListener('abort', abort);
        }
      }
      const stored = await head(Bucket, Key, options);
      report(stored.size);
      return stored;
    },
    download: download as AmazonStorageClient['download'],
    async getFiles(container, params = {}, options) {
      const Bucket = bucketOf(container);
      const limit = params?.limit;
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
        throw new ValidationError('limit must be a positive integer', 'limit');
      }
      const files: ProviderFile[] = [];
      for await (const items of pages(Bucket, params?.prefix, limit, options)) {
        for (const i of items) {
          files.push({
            provider,
            container: Bucket,
            name: i.Key ?? '',
            size: i.Size ?? 0,
            etag: unquote(i.ETag),
            lastModified: i.LastModified,
          });
        }
      }
      return limit === undefined ? files : files.slice(0, limit);
    },
    async getFile(container, remote, options) {
      return head(bucketOf(container), keyOf(remote), options);
    },
    async removeFile(container, remote, options) {
      const Bucket = bucketOf(container);
      const Key = keyOf(remote);
      // S3 deletes missing keys silently; the neutral call reports them, as Swift does.
      await head(Bucket, Key, options);
      await aws({ method: 'DELETE', url: `s3://${Bucket}/${Key}` }, () =>
        s3.send(new DeleteObjectCommand({ Bucket, Key }), send(options)),
      );
    },
    async copy(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      const from = bucketOf(params.from?.container);
      const fromKey = keyOf(params.from?.remote, 'from.remote');
      const Bucket = bucketOf(params.to?.container);
      const Key = keyOf(params.to?.remote, 'to.remote');
      // CopySource is "bucket/key", URL-encoded except for the slashes of the key.
      const CopySource = `${from}/${fromKey.split('/').map(encodeURIComponent).join('/')}`;
      await aws({ method: 'PUT', url: `s3://${Bucket}/${Key}` }, () =>
        s3.send(new CopyObjectCommand({ Bucket, Key, CopySource, MetadataDirective: 'COPY' }), send(options)),
      );
      return head(Bucket, Key, options);
    },
    async getContainerMetadata(container, options) {
      const Bucket = bucketOf(container);
      requireTags('getContainerMetadata');
      await aws({ method: 'HEAD', url: `s3://${Bucket}` }, () =>
        s3.send(new HeadBucketCommand({ Bucket }), send(options)),
      );
      return getTags(Bucket, options);
    },
    async setContainerMetadata(container, metadata, options) {
      const Bucket = bucketOf(container);
      const add = checkMetadata(metadata);
      requireTags('setContainerMetadata');
      // Bucket tagging replaces the whole set: merge, as the neutral call keeps other keys.
      await putTags(Bucket, { ...(await getTags(Bucket, options)), ...add }, options);
    },
    async temporaryUrl(container, remote, params = {}) {
      const Bucket = bucketOf(container);
      const Key = keyOf(remote);
      const method = params?.method ?? 'GET';
      if (method !== 'GET' && method !== 'PUT')
        throw new ValidationError('method must be GET or PUT', 'method');
      const expiresIn = params?.expiresIn ?? 3600;
      if (!(Number.isInteger(expiresIn) && expiresIn > 0 && expiresIn <= 604_800)) {
        throw new ValidationError('expiresIn must be whole seconds between 1 and 604800', 'expiresIn');
      }
      const command =
        method === 'PUT' ? new PutObjectCommand({ Bucket, Key }) : new GetObjectCommand({ Bucket, Key });
      return aws({ method, url: `s3://${Bucket}/${Key}` }, () => getSignedUrl(s3, command, { expiresIn }));
    },
  };
}

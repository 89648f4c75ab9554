import {
  BlobSASPermissions,
  type BlobServiceClient,
  type ContainerClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { type RequestOptions, ValidationError } from '@cloud/core';
import type {
  ProviderContainer,
  ProviderContainerRef,
  ProviderFile,
  ProviderStorageCapabilities,
  ProviderStorageClient,
} from '@cloud/providers';
import { azure } from '../errors.js';
import { type AzureProviderOptions, inspectable, publicUrl, serviceClient } from '../options.js';
import { blobOf, callSignal, containerOf, md5Hex, metadataOf } from './names.js';
import { downloadBlob, type TransferContext, uploadBlob } from './transfer.js';

/** Options of {@link azureStorage}. */
export interface AzureStorageOptions extends AzureProviderOptions {
  /** Size of each staged block of a large upload in bytes (default 4 MiB, at most 4000 MiB). */
  blockSize?: number | undefined;
  /** Blocks uploaded at once (default 4). Memory used by a stream upload is about `blockSize × (concurrency + 1)`. */
  concurrency?: number | undefined;
  /** Buffers up to this size go in one request, larger ones as staged blocks (default 8 MiB, at most 5000 MiB). */
  singleShotSize?: number | undefined;
}

/** Parameters of {@link AzureStorageClient.temporaryUrl}. */
export interface TemporaryUrlParams {
  /**
   * `GET` (default) to download, `PUT` to upload. A `PUT` to a SAS URL must carry the header
   * `x-ms-blob-type: BlockBlob` (Azure's rule; S3 and Swift need no such header).
   */
  method?: 'GET' | 'PUT' | undefined;
  /** Lifetime of the URL in seconds (default 3600, at most 7 days). */
  expiresIn?: number | undefined;
}

/** The neutral storage client on Azure Blob Storage, plus metadata, copies and SAS URLs. */
export interface AzureStorageClient extends ProviderStorageClient<BlobServiceClient> {
  /**
   * A SAS URL to read (or write) one blob without credentials, e.g. with plain `curl`. Signed
   * locally by the Azure SDK with the account key, or with a user delegation key (one request)
   * when the client signs in with a token credential.
   * @throws ValidationError (`credential`) when the client was given a SAS token: it cannot sign others.
   * @example
   * ```ts
   * const url = await storage.temporaryUrl('backups', 'db.tar.gz', { expiresIn: 600 });
   * ```
   */
  temporaryUrl(
    container: ProviderContainerRef,
    remote: string,
    params?: TemporaryUrlParams,
    options?: RequestOptions,
  ): Promise<string>;
  /**
   * Reads a container's metadata. Azure returns metadata names in lowercase.
   * @example
   * ```ts
   * const { owner } = await storage.getContainerMetadata('backups');
   * ```
   */
  getContainerMetadata(
    container: ProviderContainerRef,
    options?: RequestOptions,
  ): Promise<Record<string, string>>;
  /**
   * Replaces a container's whole metadata with `metadata` (`{}` removes it all).
   * @example
   * ```ts
   * await storage.replaceContainerMetadata('backups', {});
   * ```
   */
  replaceContainerMetadata(
    container: ProviderContainerRef,
    metadata: Record<string, string>,
    options?: RequestOptions,
  ): Promise<Record<string, string>>;
  /**
   * Merges `metadata` into a file's metadata (read, merge, write under the read's ETag).
   * @example
   * ```ts
   * await storage.setFileMetadata('backups', 'db.tar.gz', { checked: 'yes' });
   * ```
   */
  setFileMetadata(
    container: ProviderContainerRef,
    remote: string,
    metadata: Record<string, string>,
    options?: RequestOptions,
  ): Promise<Record<string, string>>;
  /**
   * Replaces a file's whole metadata with `metadata`.
   * @example
   * ```ts
   * await storage.replaceFileMetadata('backups', 'db.tar.gz', { origin: 'nightly' });
   * ```
   */
  replaceFileMetadata(
    container: ProviderContainerRef,
    remote: string,
    metadata: Record<string, string>,
    options?: RequestOptions,
  ): Promise<Record<string, string>>;
}

const CAPABILITIES: ProviderStorageCapabilities = {
  // Azure keeps no per-container totals: they are added up from a listing.
  containerTotals: 'counted',
  // Blob Storage is strongly consistent: a listing shows a write once the write returns.
  consistentListings: true,
  largeUploads: 'block-blob',
  // Containers carry user metadata (names come back lower-cased).
  containerMetadata: true,
  // Azure refuses a PUT of a blob without its type.
  temporaryUrlPutHeaders: { 'x-ms-blob-type': 'BlockBlob' },
};

const MiB = 1024 * 1024;
const MAX_PAGE = 5000;

function positiveInt(value: number | undefined, field: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isSafeInteger(value) && value > 0 && value <= max)) {
    throw new ValidationError(`${field} must be a whole number from 1 to ${max}`, field);
  }
  return value;
}

const provider = 'azure' as const;

/**
 * A provider-neutral storage client for Azure Blob Storage (or Azurite). Large uploads and
 * streams are stored as block blobs of staged blocks; `temporaryUrl` makes SAS URLs.
 * @example
 * ```ts
 * const storage = azureStorage({ accountName: 'mystore', accountKey: process.env.AZURE_STORAGE_KEY });
 * await storage.createContainer('backups');
 * await storage.upload({ container: 'backups', remote: 'db.tar.gz', file: './db.tar.gz',
 *   onProgress: (p) => console.log(p.transferred, p.total) });
 * console.log(await storage.temporaryUrl('backups', 'db.tar.gz', { expiresIn: 600 }));
 * ```
 */
export function azureStorage(options: AzureStorageOptions): AzureStorageClient {
  if (!options || typeof options !== 'object') throw new ValidationError('options are required', 'options');
  const ctx: TransferContext = {
    service: serviceClient(options),
    blockSize: positiveInt(options.blockSize, 'blockSize', 4 * MiB, 4000 * MiB),
    concurrency: positiveInt(options.concurrency, 'concurrency', 4, 64),
    singleShotSize: positiveInt(options.singleShotSize, 'singleShotSize', 8 * MiB, 5000 * MiB),
  };
  const service = ctx.service;
  const containerClient = (ref: ProviderContainerRef | undefined): ContainerClient =>
    service.getContainerClient(containerOf(ref));

  async function* pages(
    c: ContainerClient,
    prefix: string | undefined,
    limit: number,
    options?: RequestOptions,
  ) {
    const { abortSignal, timedOut } = callSignal(options);
    const call = { method: 'GET', url: `${publicUrl(c.url)}?comp=list` };
    let continuationToken: string | undefined;
    let left = limit;
    do {
      const iterator = c
        .listBlobsFlat({ prefix, abortSignal })
        .byPage({ continuationToken, maxPageSize: Math.min(MAX_PAGE, left) });
      const page = await azure(call, () => iterator.next(), timedOut);
      if (page.done) return;
      const items = page.value.segment.blobItems;
      left -= items.length;
      yield items;
      continuationToken = page.value.continuationToken || undefined;
    } while (continuationToken && left > 0);
  }

  async function totals(name: string, options?: RequestOptions): Promise<ProviderContainer> {
    let count = 0;
    let bytes = 0;
    for await (const items of pages(
      service.getContainerClient(name),
      undefined,
      Number.POSITIVE_INFINITY,
      options,
    )) {
      count += items.length;
      for (const item of items) bytes += item.properties.contentLength ?? 0;
    }
    return { provider, name, count, bytes };
  }

  async function getProperties(c: ContainerClient, options?: RequestOptions) {
    const { abortSignal, timedOut } = callSignal(options);
    return azure({ method: 'HEAD', url: publicUrl(c.url) }, () => c.getProperties({ abortSignal }), timedOut);
  }

  async function writeContainerMetadata(
    c: ContainerClient,
    metadata: Record<string, string>,
    merge: boolean,
    options?: RequestOptions,
  ) {
    let next = metadata;
    if (merge) next = { ...(await getProperties(c, options)).metadata, ...metadata };
    const { abortSignal, timedOut } = callSignal(options);
    // Containers take no If-Match on metadata: a concurrent writer between read and write wins last.
    await azure(
      { method: 'PUT', url: `${publicUrl(c.url)}?comp=metadata` },
      () => c.setMetadata(next, { abortSignal }),
      timedOut,
    );
    return { ...next };
  }

  async function writeFileMetadata(
    containerRef: ProviderContainerRef,
    remote: string,
    metadata: Record<string, string>,
    merge: boolean,
    options?: RequestOptions,
  ) {
    const checked = metadataOf(metadata) ?? {};
    const blob = containerClient(containerRef).getBlobClient(blobOf(remote));
    const url = publicUrl(blob.url);
    const { abortSignal, timedOut } = callSignal(options);
    let next = checked;
    let ifMatch: string | undefined;
    if (merge) {
      const props = await azure({ method: 'HEAD', url }, () => blob.getProperties({ abortSignal }), timedOut);
      next = { ...props.metadata, ...checked };
      ifMatch = props.etag;
    }
    await azure(
      { method: 'PUT', url: `${url}?comp=metadata` },
      () => blob.setMetadata(next, { abortSignal, conditions: ifMatch ? { ifMatch } : undefined }),
      timedOut,
    );
    return { ...next };
  }

  async function getFile(containerRef: ProviderContainerRef, remote: string, options?: RequestOptions) {
    const container = containerOf(containerRef);
    const name = blobOf(remote);
    const blob = service.getContainerClient(container).getBlobClient(name);
    const { abortSignal, timedOut } = callSignal(options);
    const props = await azure(
      { method: 'HEAD', url: publicUrl(blob.url) },
      () => blob.getProperties({ abortSignal }),
      timedOut,
    );
    return {
      provider,
      container,
      name,
      size: props.contentLength ?? 0,
      contentType: props.contentType,
      etag: md5Hex(props.contentMD5),
      lastModified: props.lastModified,
      metadata: { ...props.metadata },
    } satisfies ProviderFile;
  }

  const storage: AzureStorageClient = {
    provider,
    client: service,
    capabilities: CAPABILITIES,
    async getContainers(options) {
      const { abortSignal, timedOut } = callSignal(options);
      const names: string[] = [];
      const call = { method: 'GET', url: `${publicUrl(service.url)}?comp=list` };
      const iterator = service.listContainers({ abortSignal }).byPage({ maxPageSize: MAX_PAGE });
      for (;;) {
        const page = await azure(call, () => iterator.next(), timedOut);
        if (page.done) break;
        for (const c of page.value.containerItems ?? []) names.push(c.name);
      }
      const result: ProviderContainer[] = [];
      for (const name of names) result.push(await totals(name, options));
      return result;
    },
    async getContainer(container, options) {
      const c = containerClient(container);
      await getProperties(c, options);
      return totals(c.containerName, options);
    },
    async createContainer(container, options) {
      const c = containerClient(container);
      const metadata = metadataOf(
        typeof container === 'object' && container !== null && 'metadata' in container
          ? container.metadata
          : undefined,
      );
      const { abortSignal, timedOut } = callSignal(options);
      const created = await azure(
        { method: 'PUT', url: `${publicUrl(c.url)}?restype=container` },
        () => c.createIfNotExists({ metadata, abortSignal }),
        timedOut,
      );
      // It existed already: the neutral call succeeds, and the metadata asked for is merged in.
      if (!created.succeeded && metadata && Object.keys(metadata).length > 0) {
        await writeContainerMetadata(c, metadata, true, options);
      }
      return { provider, name: c.containerName, count: 0, bytes: 0 };
    },
    async destroyContainer(container, options) {
      // Azure deletes the blobs with the container. The name stays taken while the service
      // removes them (ContainerBeingDeleted → ConflictError on a create in the meantime).
      const c = containerClient(container);
      const { abortSignal, timedOut } = callSignal(options);
      await azure(
        { method: 'DELETE', url: `${publicUrl(c.url)}?restype=container` },
        () => c.delete({ abortSignal }),
        timedOut,
      );
    },
    upload: (params, options) => uploadBlob(ctx, params, options),
    download: ((params, options) => downloadBlob(ctx, params, options)) as AzureStorageClient['download'],
    async getFiles(container, params = {}, options) {
      const c = containerClient(container);
      const limit = params?.limit;
      if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
        throw new ValidationError('limit must be a positive integer', 'limit');
      }
      const prefix = params?.prefix;
      if (prefix !== undefined && typeof prefix !== 'string')
        throw new ValidationError('prefix must be a string', 'prefix');
      const files: ProviderFile[] = [];
      for await (const items of pages(c, prefix || undefined, limit ?? Number.POSITIVE_INFINITY, options)) {
        for (const i of items) {
          files.push({
            provider,
            container: c.containerName,
            name: i.name,
            size: i.properties.contentLength ?? 0,
            contentType: i.properties.contentType,
            etag: md5Hex(i.properties.contentMD5),
            lastModified: i.properties.lastModified,
          });
        }
      }
      return limit === undefined ? files : files.slice(0, limit);
    },
    getFile,
    async removeFile(container, remote, options) {
      const blob = containerClient(container).getBlobClient(blobOf(remote));
      const { abortSignal, timedOut } = callSignal(options);
      // Azure reports a missing blob (BlobNotFound → NotFoundError), as the neutral call should.
      await azure(
        { method: 'DELETE', url: publicUrl(blob.url) },
        () => blob.delete({ deleteSnapshots: 'include', abortSignal }),
        timedOut,
      );
    },
    async getContainerMetadata(container, options) {
      return { ...(await getProperties(containerClient(container), options)).metadata };
    },
    async setContainerMetadata(container, metadata, options) {
      await writeContainerMetadata(containerClient(container), metadataOf(metadata) ?? {}, true, options);
    },
    replaceContainerMetadata: (container, metadata, options) =>
      writeContainerMetadata(containerClient(container), metadataOf(metadata) ?? {}, false, options),
    setFileMetadata: (container, remote, metadata, options) =>
      writeFileMetadata(container, remote, metadata, true, options),
    replaceFileMetadata: (container, remote, metadata, options) =>
      writeFileMetadata(container, remote, metadata, false, options),
    async copy(params, options) {
      const source = params?.from;
      const target = params?.to;
      if (!source || typeof source !== 'object') throw new ValidationError('from is required', 'from');
      if (!target || typeof target !== 'object') throw new ValidationError('to is required', 'to');
      const from = service.getContainerClient(containerOf(source.container, 'from.container'));
      const fromBlob = from.getBlobClient(blobOf(source.remote, 'from.remote'));
      const to = service.getContainerClient(containerOf(target.container, 'to.container'));
      const toBlob = to.getBlobClient(blobOf(target.remote, 'to.remote'));
      const { abortSignal, timedOut } = callSignal(options);
      const call = { method: 'PUT', url: publicUrl(toBlob.url) };
      // Same account: the service authorizes the source with the destination's credentials.
      await azure(
        call,
        async () => {
          const poller = await toBlob.beginCopyFromURL(fromBlob.url, { abortSignal, intervalInMs: 500 });
          return poller.pollUntilDone();
        },
        timedOut,
      );
      return getFile(to.containerName, toBlob.name, options);
    },
    async temporaryUrl(container, remote, params = {}, options) {
      const c = containerClient(container);
      const blob = c.getBlobClient(blobOf(remote));
      const expiresIn = params?.expiresIn ?? 3600;
      if (!(Number.isSafeInteger(expiresIn) && expiresIn > 0 && expiresIn <= 604_800)) {
        throw new ValidationError('expiresIn must be whole seconds between 1 and 604800', 'expiresIn');
      }
      const method = params?.method ?? 'GET';
      if (method !== 'GET' && method !== 'PUT')
        throw new ValidationError('method must be GET or PUT', 'method');
      const permissions = BlobSASPermissions.parse(method === 'PUT' ? 'cw' : 'r');
      const expiresOn = new Date(Date.now() + expiresIn * 1000);
      const call = { method, url: publicUrl(blob.url) };
      const credential = service.credential;
      if (credential instanceof StorageSharedKeyCredential) {
        return azure(call, () => blob.generateSasUrl({ permissions, expiresOn }));
      }
      if (!/^https?:\/\/[^?]+$/.test(service.url) && !('getToken' in credential)) {
        throw new ValidationError(
          'this client signs in with a SAS token, which cannot sign new URLs: use an account key or a token credential',
          'credential',
        );
      }
      if (!('getToken' in credential)) {
        throw new ValidationError(
          'an anonymous client cannot sign URLs: use an account key or a token credential',
          'credential',
        );
      }
      // A token credential signs with a user delegation key (valid as long as the URL).
      const { abortSignal, timedOut } = callSignal(options);
      const startsOn = new Date(Date.now() - 5 * 60_000);
      const key = await azure(
        { method: 'POST', url: `${publicUrl(service.url)}?restype=service&comp=userdelegationkey` },
        () => service.getUserDelegationKey(startsOn, expiresOn, { abortSignal }),
        timedOut,
      );
      const sas = generateBlobSASQueryParameters(
        { containerName: c.containerName, blobName: blob.name, permissions, startsOn, expiresOn },
        key,
        service.accountName,
      );
      return `${blob.url}?${sas.toString()}`;
    },
  };
  return inspectable(storage, 'AzureStorageClient', () => ({
    provider,
    url: publicUrl(service.url),
    accountName: service.accountName,
    capabilities: CAPABILITIES,
  }));
}

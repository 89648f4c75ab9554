import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type RequestOptions, type TransferProgress, toArray, ValidationError } from '@cloud/core';
import {
  createContainer,
  createSwiftClient,
  deleteContainer,
  deleteObject,
  downloadObject,
  downloadObjectToFile,
  getContainerMetadata,
  getObjectMetadata,
  listContainers,
  listObjects,
  type SwiftClient,
  type SwiftObjectInfo,
  uploadObject,
  uploadObjectFromFile,
} from '@cloud/swift';
import type { ProviderContainer, ProviderFile } from './models.js';
import type { ProviderName } from './options.js';
import type { ProviderContext } from './session.js';

/** A container given by name or as an object with a `name` (e.g. from `getContainers`). */
export type ProviderContainerRef =
  | string
  | {
      /** The container name. */
      name: string;
    };

/** Parameters of {@link ProviderStorageClient.upload}: where to, and exactly one source. */
export interface ProviderUploadParams {
  /** The container to upload into. */
  container: ProviderContainerRef;
  /** Name of the object, `/` allowed. */
  remote: string;
  /** Upload from a stream. Give `size` too when known, so progress has a total. */
  stream?: Readable | AsyncIterable<Uint8Array> | undefined;
  /** Upload bytes or text held in memory. */
  buffer?: Uint8Array | string | undefined;
  /** Upload a local file. */
  file?: string | undefined;
  /** Length of `stream` in bytes, when known. */
  size?: number | undefined;
  /** Guessed from the name when omitted. */
  contentType?: string | undefined;
  /** User metadata to store with the file. */
  metadata?: Record<string, string> | undefined;
  /** Called as bytes are sent; `total` is known for buffers, files, and streams given a `size`. */
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/** Parameters of {@link ProviderStorageClient.download}. */
export interface ProviderDownloadParams {
  /** The container holding the file. */
  container: ProviderContainerRef;
  /** Name of the file in the container. */
  remote: string;
  /** Write the content into this stream (it is ended when the download ends). */
  stream?: Writable | undefined;
  /** Write the content into this local file (through a temporary file, renamed once complete). */
  file?: string | undefined;
  /** Called as bytes arrive, with the size as `total`. */
  onProgress?: ((progress: TransferProgress) => void) | undefined;
}

/** What a download without `stream` or `file` returns: the file and its content, to consume. */
export interface ProviderDownload extends ProviderFile {
  /** The content. Read it to the end or `destroy()` it, or the connection is not released. */
  body: Readable;
}

/**
 * Containers and files, the same on every provider (Swift, Rackspace Cloud Files).
 * @example
 * ```ts
 * const storage = providers.openstack.storage({ authUrl, username, password, projectName: 'demo' });
 * await storage.createContainer('backups');
 * await storage.upload({ container: 'backups', remote: 'db.tar.gz', file: './db.tar.gz' });
 * await storage.download({ container: 'backups', remote: 'db.tar.gz', file: '/tmp/db.tar.gz' });
 * ```
 */
export interface ProviderStorageClient {
  /** Which cloud this client talks to. */
  readonly provider: ProviderName;
  /** The underlying Swift client, for everything else `@cloud/swift` offers. */
  readonly client: SwiftClient;
  /** Lists every container of the account with its file count and size. */
  getContainers(options?: RequestOptions): Promise<ProviderContainer[]>;
  /** @throws NotFoundError when there is no such container. */
  getContainer(container: ProviderContainerRef, options?: RequestOptions): Promise<ProviderContainer>;
  /** Creates a container; succeeds when it exists already. */
  createContainer(
    container: ProviderContainerRef | { name: string; metadata?: Record<string, string> },
    options?: RequestOptions,
  ): Promise<ProviderContainer>;
  /** Deletes a container and every file in it. */
  destroyContainer(container: ProviderContainerRef, options?: RequestOptions): Promise<void>;
  /** Uploads a file from a stream, a buffer or a local file; large files are segmented for you. */
  upload(params: ProviderUploadParams, options?: RequestOptions): Promise<ProviderFile>;
  /** Downloads into `stream` or `file`, resolving once all bytes are written. */
  download(
    params: ProviderDownloadParams & ({ stream: Writable } | { file: string }),
    options?: RequestOptions,
  ): Promise<ProviderFile>;
  /** Without `stream` or `file`: resolves once the headers arrive, with the content as `body`. */
  download(params: ProviderDownloadParams, options?: RequestOptions): Promise<ProviderDownload>;
  /** Lists the files of a container, optionally only those under `prefix`, at most `limit`. */
  getFiles(
    container: ProviderContainerRef,
    params?: { prefix?: string | undefined; limit?: number | undefined },
    options?: RequestOptions,
  ): Promise<ProviderFile[]>;
  /** @throws NotFoundError when there is no such file. */
  getFile(container: ProviderContainerRef, remote: string, options?: RequestOptions): Promise<ProviderFile>;
  /** Deletes a file. */
  removeFile(container: ProviderContainerRef, remote: string, options?: RequestOptions): Promise<void>;
}

const containerName = (ref: ProviderContainerRef | undefined): string => {
  const name = typeof ref === 'string' ? ref : ref?.name;
  if (typeof name !== 'string' || name === '') {
    throw new ValidationError('container must be a name or an object with a name', 'container');
  }
  return name;
};

const fromInfo = (provider: ProviderName, info: SwiftObjectInfo): ProviderFile => ({
  provider,
  container: info.container,
  name: info.name,
  size: info.bytes,
  contentType: info.contentType,
  etag: info.etag,
  lastModified: info.lastModified,
  metadata: info.metadata,
});

/** Builds the provider-neutral storage client over `@cloud/swift`. @internal */
export function createProviderStorage(ctx: ProviderContext): ProviderStorageClient {
  const { provider } = ctx;
  const client = createSwiftClient(ctx.session, { region: ctx.region, interface: ctx.interface });

  async function download(params: ProviderDownloadParams, options?: RequestOptions) {
    if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
    if (params.stream && params.file) throw new ValidationError('give stream or file, not both', 'stream');
    const container = containerName(params.container);
    const progress = { onProgress: params.onProgress };
    if (params.file !== undefined) {
      const saved = await downloadObjectToFile(
        client,
        container,
        params.remote,
        params.file,
        progress,
        options,
      );
      return fromInfo(provider, saved.metadata);
    }
    const { body, metadata } = await downloadObject(client, container, params.remote, progress, options);
    if (params.stream) {
      await pipeline(body, params.stream);
      return fromInfo(provider, metadata);
    }
    return { ...fromInfo(provider, metadata), body };
  }

  return {
    provider,
    client,
    async getContainers(options) {
      const all = await toArray(listContainers(client, {}, options));
      return all.map((c) => ({ provider, name: c.name, count: c.objectCount, bytes: c.bytes }));
    },
    async getContainer(container, options) {
      const info = await getContainerMetadata(client, containerName(container), options);
      return { provider, name: info.name, count: info.objectCount, bytes: info.bytesUsed };
    },
    async createContainer(container, options) {
      const name = containerName(container);
      const metadata =
        typeof container === 'object' && 'metadata' in container ? container.metadata : undefined;
      await createContainer(client, name, { metadata }, options);
      return { provider, name, count: 0, bytes: 0 };
    },
    destroyContainer: (container, options) =>
      deleteContainer(client, containerName(container), { force: true }, options),
    async upload(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      const container = containerName(params.container);
      const sources = [params.stream, params.buffer, params.file].filter((s) => s !== undefined);
      if (sources.length !== 1) {
        throw new ValidationError('give exactly one of stream, buffer or file', 'stream');
      }
      const write = {
        contentType: params.contentType,
        metadata: params.metadata,
        onProgress: params.onProgress,
      };
      const result =
        params.file !== undefined
          ? await uploadObjectFromFile(client, container, params.remote, params.file, write, options)
          : await uploadObject(
              client,
              container,
              params.remote,
              (params.stream ?? params.buffer)!,
              { ...write, size: params.size },
              options,
            );
      return {
        provider,
        container,
        name: params.remote,
        size: result.bytes,
        contentType: params.contentType,
        etag: result.etag,
        lastModified: result.lastModified,
        metadata: params.metadata,
      };
    },
    download: download as ProviderStorageClient['download'],
    async getFiles(container, params = {}, options) {
      const name = containerName(container);
      const listing = listObjects(client, name, { prefix: params.prefix, limit: params.limit }, options);
      const all = await toArray(listing, { max: params.limit });
      return all.flatMap((o) =>
        o.kind === 'object'
          ? [
              {
                provider,
                container: name,
                name: o.name,
                size: o.bytes,
                contentType: o.contentType,
                etag: o.etag,
                lastModified: o.lastModified,
              },
            ]
          : [],
      );
    },
    async getFile(container, remote, options) {
      return fromInfo(provider, await getObjectMetadata(client, containerName(container), remote, options));
    },
    removeFile: (container, remote, options) =>
      deleteObject(client, containerName(container), remote, options),
  };
}

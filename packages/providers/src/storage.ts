import type { Readable, Writable } from 'node:stream';
import type { RequestOptions, TransferProgress } from '@cloud/core';
import type { UnsupportedOperationError } from './errors.js';
import type { ProviderContainer, ProviderFile } from './models.js';
import type { ProviderName } from './names.js';

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
 * What differs between the clouds behind {@link ProviderStorageClient}, as typed flags, so code
 * can decide before a call rather than find out at run time.
 */
export interface ProviderStorageCapabilities {
  /**
   * How `count` and `bytes` of a container are known. `stored`: the cloud keeps the totals
   * (Swift, Cloud Files; one request). `counted`: the adapter lists every object to add them up
   * (Amazon S3 has no totals; one request per 1,000 objects of each container).
   */
  readonly containerTotals: 'stored' | 'counted';
  /**
   * Whether a listing (`getContainers`, `getFiles`, the totals) shows a write as soon as the write
   * returns. Swift updates its listings asynchronously, so they can lag a moment behind; S3's are
   * read-after-write consistent.
   */
  readonly consistentListings: boolean;
  /**
   * How `upload` stores large files: Swift static large objects, S3 multipart uploads, or Azure
   * block blobs (blocks staged, then committed as one block list).
   */
  readonly largeUploads: 'static-large-object' | 'multipart' | 'block-blob';
  /**
   * Whether containers carry user metadata (`createContainer({ metadata })`,
   * `getContainerMetadata`, `setContainerMetadata`). Swift, Cloud Files and Amazon S3 (as bucket
   * tags): `true`. S3-compatible stores without bucket tagging (Swift's `s3api` middleware answers
   * 501): `false`, and those calls reject with {@link UnsupportedOperationError} before any request.
   */
  readonly containerMetadata: boolean;
  /**
   * Headers a `PUT` to a {@link ProviderStorageClient.temporaryUrl} must carry, besides the body:
   * none on Swift, Cloud Files and S3; `x-ms-blob-type: BlockBlob` on Azure, whose service
   * refuses the upload without it.
   * @example
   * ```ts
   * await fetch(url, { method: 'PUT', body, headers: storage.capabilities.temporaryUrlPutHeaders });
   * ```
   */
  readonly temporaryUrlPutHeaders: Readonly<Record<string, string>>;
}

/** Parameters of {@link ProviderStorageClient.temporaryUrl}. */
export interface ProviderTemporaryUrlParams {
  /** `GET` (default) to download the file, `PUT` to upload it, without credentials. */
  method?: 'GET' | 'PUT' | undefined;
  /** Lifetime of the URL in whole seconds, 1 to 604800 (7 days); default 3600. */
  expiresIn?: number | undefined;
}

/** A file given by container and name, for {@link ProviderStorageClient.copy}. */
export interface ProviderFileRef {
  /** The container holding the file. */
  container: ProviderContainerRef;
  /** Name of the file in the container. */
  remote: string;
}

/** Parameters of {@link ProviderStorageClient.copy}. */
export interface ProviderCopyParams {
  /** The file to copy. */
  from: ProviderFileRef;
  /** Where to copy it (the container must exist; an existing file there is replaced). */
  to: ProviderFileRef;
}

/**
 * Containers and files, the same on every provider (Swift, Rackspace Cloud Files, Amazon S3, Azure Blob Storage).
 * `Client` is the type of the cloud's own client, exposed as `client`.
 * @example
 * ```ts
 * const storage = providers.openstack.storage({ authUrl, username, password, projectName: 'demo' });
 * await storage.createContainer('backups');
 * await storage.upload({ container: 'backups', remote: 'db.tar.gz', file: './db.tar.gz' });
 * await storage.download({ container: 'backups', remote: 'db.tar.gz', file: '/tmp/db.tar.gz' });
 * ```
 */
export interface ProviderStorageClient<Client = unknown> {
  /** Which cloud this client talks to. */
  readonly provider: ProviderName;
  /** The cloud's own client (a `SwiftClient`, an `S3Client`...), for everything else it offers. */
  readonly client: Client;
  /** What differs on this cloud (see {@link ProviderStorageCapabilities}). */
  readonly capabilities: ProviderStorageCapabilities;
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
  /**
   * Uploads a file from a stream, a buffer or a local file; large files are segmented for you
   * (Swift static large objects, S3 multipart uploads).
   */
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
  /**
   * Copies a file on the server (no bytes pass through the client), within a container or to
   * another one, keeping its content, content type and metadata. Resolves with the new file.
   * Files over 5 GiB cannot be copied in one call on Swift or S3.
   * @throws NotFoundError when the source file or either container does not exist.
   * @example
   * ```ts
   * const copy = await storage.copy({
   *   from: { container: 'photos', remote: 'cat.jpg' },
   *   to: { container: 'backups', remote: '2026/cat.jpg' },
   * });
   * ```
   */
  copy(params: ProviderCopyParams, options?: RequestOptions): Promise<ProviderFile>;
  /**
   * A signed URL that reads (`GET`) or writes (`PUT`) one file without credentials until it
   * expires, e.g. with plain `curl`: a Swift temp URL or an S3 presigned URL. The file need not
   * exist for `PUT`. On Swift and Cloud Files it is signed with the container's or account's
   * temp URL key (`TempUrlKeyMissingError` from `@cloud/swift`, naming the container, when
   * neither has one: set it once with `setAccountTempUrlKey(storage.client, key)`); on S3 it is
   * signed locally with the client's credentials (a URL signed with temporary credentials stops
   * working when they expire).
   * @throws ValidationError when `expiresIn` is not whole seconds between 1 and 604800.
   * @example
   * ```ts
   * const url = await storage.temporaryUrl('reports', 'q3.pdf', { expiresIn: 600 });
   * const res = await fetch(url); // no credentials needed
   * ```
   */
  temporaryUrl(
    container: ProviderContainerRef,
    remote: string,
    params?: ProviderTemporaryUrlParams,
    options?: RequestOptions,
  ): Promise<string>;
  /**
   * The user metadata of a container (keys lower-cased).
   * @throws UnsupportedOperationError when `capabilities.containerMetadata` is false.
   * @throws NotFoundError when there is no such container.
   * @example
   * ```ts
   * if (storage.capabilities.containerMetadata) console.log(await storage.getContainerMetadata('backups'));
   * ```
   */
  getContainerMetadata(
    container: ProviderContainerRef,
    options?: RequestOptions,
  ): Promise<Record<string, string>>;
  /**
   * Adds or updates user metadata keys of a container; other keys are kept.
   * @throws UnsupportedOperationError when `capabilities.containerMetadata` is false.
   * @throws NotFoundError when there is no such container.
   * @example
   * ```ts
   * await storage.setContainerMetadata('backups', { owner: 'ops', retention: '30d' });
   * ```
   */
  setContainerMetadata(
    container: ProviderContainerRef,
    metadata: Record<string, string>,
    options?: RequestOptions,
  ): Promise<void>;
}

import { pipeline } from 'node:stream/promises';
import { type RequestOptions, toArray, ValidationError } from '@cloud/core';
import type {
  ProviderStorageClient as NeutralStorageClient,
  ProviderContainerRef,
  ProviderDownloadParams,
  ProviderFile,
  ProviderStorageCapabilities,
} from '@cloud/providers';
import {
  copyObject,
  createContainer,
  createSwiftClient,
  createTempUrl,
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
  setContainerMetadata,
  TempUrlKeyMissingError,
  uploadObject,
  uploadObjectFromFile,
} from '@cloud/swift';
import type { ProviderName } from './options.js';
import type { ProviderContext } from './session.js';

export type {
  ProviderContainerRef,
  ProviderCopyParams,
  ProviderDownload,
  ProviderDownloadParams,
  ProviderFileRef,
  ProviderStorageCapabilities,
  ProviderTemporaryUrlParams,
  ProviderUploadParams,
} from '@cloud/providers';

/**
 * Containers and files, the same on every provider (Swift, Rackspace Cloud Files); `client` is the
 * underlying Swift client, for everything else `@cloud/swift` offers.
 * @example
 * ```ts
 * const storage = providers.openstack.storage({ authUrl, username, password, projectName: 'demo' });
 * await storage.createContainer('backups');
 * await storage.upload({ container: 'backups', remote: 'db.tar.gz', file: './db.tar.gz' });
 * await storage.download({ container: 'backups', remote: 'db.tar.gz', file: '/tmp/db.tar.gz' });
 * ```
 */
export interface ProviderStorageClient extends NeutralStorageClient<SwiftClient> {}

/** What Swift and Cloud Files do where the clouds differ. */
const SWIFT_CAPABILITIES: ProviderStorageCapabilities = {
  containerTotals: 'stored',
  consistentListings: false,
  largeUploads: 'static-large-object',
  containerMetadata: true,
  temporaryUrlPutHeaders: {},
};

/** The longest lifetime of a temporary URL, the same on every provider (S3's limit). */
const MAX_EXPIRES_IN = 604_800;

const expiresInOf = (value: unknown): number => {
  const expiresIn = value ?? 3600;
  if (
    !(Number.isInteger(expiresIn) && (expiresIn as number) > 0 && (expiresIn as number) <= MAX_EXPIRES_IN)
  ) {
    throw new ValidationError(`expiresIn must be whole seconds between 1 and ${MAX_EXPIRES_IN}`, 'expiresIn');
  }
  return expiresIn as number;
};

const remoteOf = (remote: unknown, field = 'remote'): string => {
  if (typeof remote !== 'string' || remote === '')
    throw new ValidationError(`${field} must be a name`, field);
  return remote;
};

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
    capabilities: SWIFT_CAPABILITIES,
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
    async copy(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      const from = containerName(params.from?.container);
      const fromName = remoteOf(params.from?.remote, 'from.remote');
      const to = containerName(params.to?.container);
      const toName = remoteOf(params.to?.remote, 'to.remote');
      await copyObject(client, from, fromName, to, toName, {}, options);
      return fromInfo(provider, await getObjectMetadata(client, to, toName, options));
    },
    async temporaryUrl(container, remote, params = {}, options) {
      const name = containerName(container);
      const object = remoteOf(remote);
      const expiresIn = expiresInOf(params?.expiresIn);
      const method = params?.method ?? 'GET';
      if (method !== 'GET' && method !== 'PUT')
        throw new ValidationError('method must be GET or PUT', 'method');
      try {
        return await createTempUrl(client, name, object, { method, expiresIn }, options);
      } catch (e) {
        if (!(e instanceof TempUrlKeyMissingError)) throw e;
        throw new TempUrlKeyMissingError(
          `${provider}: no temp URL key is set on container "${name}" or on the account; set one once ` +
            'with setAccountTempUrlKey(storage.client, key) (or setContainerTempUrlKey) from @cloud/swift',
        );
      }
    },
    async getContainerMetadata(container, options) {
      return (await getContainerMetadata(client, containerName(container), options)).metadata;
    },
    setContainerMetadata: (container, metadata, options) =>
      setContainerMetadata(client, containerName(container), metadata, options),
  };
}

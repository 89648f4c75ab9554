import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError, ValidationError } from '@cloud/core';
import {
  type ProviderContainerRef,
  type ProviderFile,
  type ProviderStorageClient,
  UnsupportedOperationError,
} from '../src/index.js';

export interface Bucket extends Map<string, Stored> {
  metadata?: Record<string, string>;
}

export interface Stored {
  data: Buffer;
  contentType: string | undefined;
  metadata: Record<string, string>;
  lastModified: Date;
}

/** A small in-memory adapter that follows the neutral interface, for testing the checks. */
export function memoryStorage(
  containers = new Map<string, Bucket>(),
  { containerMetadata = true, urlBase }: { containerMetadata?: boolean; urlBase?: string } = {},
): ProviderStorageClient<Map<string, Bucket>> {
  const nameOf = (ref: ProviderContainerRef | undefined) => {
    const name = typeof ref === 'string' ? ref : ref?.name;
    if (!name) throw new ValidationError('container is required', 'container');
    return name;
  };
  const bucket = (ref: ProviderContainerRef) => {
    const found = containers.get(nameOf(ref));
    if (!found)
      throw new NotFoundError(`no container ${nameOf(ref)}`, { status: 404, method: 'GET', url: 'memory:' });
    return found;
  };
  const object = (ref: ProviderContainerRef, remote: string) => {
    const found = bucket(ref).get(remote);
    if (!found) throw new NotFoundError(`no file ${remote}`, { status: 404, method: 'GET', url: 'memory:' });
    return found;
  };
  const file = (container: string, name: string, o: Stored): ProviderFile => ({
    provider: 'openstack',
    container,
    name,
    size: o.data.length,
    contentType: o.contentType,
    etag: createHash('md5').update(o.data).digest('hex'),
    lastModified: o.lastModified,
    metadata: o.metadata,
  });
  const totals = (name: string) => {
    const objects = [...bucket(name).values()];
    return {
      provider: 'openstack' as const,
      name,
      count: objects.length,
      bytes: objects.reduce((n, o) => n + o.data.length, 0),
    };
  };
  const unsupported = (operation: string) => {
    if (!containerMetadata)
      throw new UnsupportedOperationError('openstack', operation, 'no container metadata');
  };
  const client: ProviderStorageClient<Map<string, Bucket>> = {
    provider: 'openstack',
    client: containers,
    capabilities: {
      containerTotals: 'counted',
      consistentListings: true,
      largeUploads: 'multipart',
      containerMetadata,
      temporaryUrlPutHeaders: {},
    },
    getContainers: async () => [...containers.keys()].sort().map(totals),
    getContainer: async (ref) => totals(nameOf(ref)),
    async createContainer(ref) {
      const name = nameOf(ref);
      const metadata = typeof ref === 'object' && 'metadata' in ref ? ref.metadata : undefined;
      if (metadata) unsupported('createContainer');
      if (!containers.has(name)) containers.set(name, new Map());
      if (metadata) {
        const b = containers.get(name)!;
        b.metadata = { ...b.metadata, ...metadata };
      }
      return totals(name);
    },
    async destroyContainer(ref) {
      bucket(ref);
      containers.delete(nameOf(ref));
    },
    async upload(params) {
      const sources = [params.stream, params.buffer, params.file].filter((s) => s !== undefined);
      if (sources.length !== 1) throw new ValidationError('give exactly one source', 'stream');
      const target = bucket(params.container);
      let data: Buffer;
      if (params.file !== undefined) data = await readFile(params.file);
      else if (params.buffer !== undefined) data = Buffer.from(params.buffer);
      else {
        const chunks: Buffer[] = [];
        for await (const c of params.stream!) chunks.push(Buffer.from(c as Uint8Array));
        data = Buffer.concat(chunks);
      }
      params.onProgress?.({ transferred: data.length, total: data.length, percent: 100 } as never);
      const stored = {
        data,
        contentType: params.contentType,
        metadata: { ...params.metadata },
        lastModified: new Date(),
      };
      target.set(params.remote, stored);
      return file(nameOf(params.container), params.remote, stored);
    },
    download: (async (params: Parameters<ProviderStorageClient['download']>[0]) => {
      const o = object(params.container, params.remote);
      const info = file(nameOf(params.container), params.remote, o);
      params.onProgress?.({ transferred: o.data.length, total: o.data.length, percent: 100 } as never);
      if (params.file) {
        await writeFile(`${params.file}.part`, o.data);
        await rename(`${params.file}.part`, params.file);
        return info;
      }
      if (params.stream) {
        await pipeline(Readable.from([o.data]), params.stream);
        return info;
      }
      return { ...info, body: Readable.from([o.data]) };
    }) as ProviderStorageClient['download'],
    async getFiles(ref, params = {}) {
      const name = nameOf(ref);
      return [...bucket(ref).entries()]
        .filter(([k]) => k.startsWith(params.prefix ?? ''))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, params.limit)
        .map(([k, o]) => file(name, k, o));
    },
    getFile: async (ref, remote) => file(nameOf(ref), remote, object(ref, remote)),
    async removeFile(ref, remote) {
      object(ref, remote);
      bucket(ref).delete(remote);
    },
    async copy({ from, to }) {
      if (!from?.remote || !to?.remote) throw new ValidationError('remote is required', 'remote');
      const source = object(from.container, from.remote);
      const stored = { ...source, metadata: { ...source.metadata }, lastModified: new Date() };
      bucket(to.container).set(to.remote, stored);
      return file(nameOf(to.container), to.remote, stored);
    },
    async temporaryUrl(ref, remote, params = {}) {
      const expiresIn = params.expiresIn ?? 3600;
      if (!(Number.isInteger(expiresIn) && expiresIn > 0 && expiresIn <= 604_800)) {
        throw new ValidationError('expiresIn must be whole seconds between 1 and 604800', 'expiresIn');
      }
      if (!urlBase) throw new Error('memoryStorage: no urlBase to sign temporary URLs for');
      const path = `${encodeURIComponent(nameOf(ref))}/${encodeURIComponent(remote)}`;
      return `${urlBase}/${path}?method=${params.method ?? 'GET'}`;
    },
    async getContainerMetadata(ref) {
      unsupported('getContainerMetadata');
      return { ...bucket(ref).metadata };
    },
    async setContainerMetadata(ref, metadata) {
      unsupported('setContainerMetadata');
      const b = bucket(ref);
      b.metadata = { ...b.metadata, ...metadata };
    },
  };
  return client;
}

/**
 * Serves the temporary URLs of {@link memoryStorage} over HTTP on 127.0.0.1, so that the checks
 * read them with plain `fetch`.
 */
export async function serveTemporaryUrls(
  containers: Map<string, Bucket>,
): Promise<{ urlBase: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [c, o] = url.pathname.slice(1).split('/').map(decodeURIComponent);
    const bucket = containers.get(c ?? '');
    if (!bucket || !o || url.searchParams.get('method') !== req.method) {
      res.writeHead(401).end();
      return;
    }
    if (req.method === 'PUT') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      bucket.set(o, {
        data: Buffer.concat(chunks),
        contentType: undefined,
        metadata: {},
        lastModified: new Date(),
      });
      res.writeHead(201).end();
      return;
    }
    const found = bucket.get(o);
    if (!found) res.writeHead(404).end();
    else res.writeHead(200).end(found.data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlBase: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

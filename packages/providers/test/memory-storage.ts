import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError, ValidationError } from '@cloud/core';
import type { ProviderContainerRef, ProviderFile, ProviderStorageClient } from '../src/index.js';

interface Stored {
  data: Buffer;
  contentType: string | undefined;
  metadata: Record<string, string>;
  lastModified: Date;
}

/** A small in-memory adapter that follows the neutral interface, for testing the checks. */
export function memoryStorage(
  containers = new Map<string, Map<string, Stored>>(),
): ProviderStorageClient<Map<string, Map<string, Stored>>> {
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
  const client: ProviderStorageClient<Map<string, Map<string, Stored>>> = {
    provider: 'openstack',
    client: containers,
    capabilities: { containerTotals: 'counted', consistentListings: true, largeUploads: 'multipart' },
    getContainers: async () => [...containers.keys()].sort().map(totals),
    getContainer: async (ref) => totals(nameOf(ref)),
    async createContainer(ref) {
      const name = nameOf(ref);
      if (!containers.has(name)) containers.set(name, new Map());
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
  };
  return client;
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { describeCheck, storageChecks } from '../src/conformance/index.js';
import type { ProviderStorageClient } from '../src/index.js';
import { type Bucket, memoryStorage, serveTemporaryUrls } from './memory-storage.js';

const shared = new Map<string, Bucket>();
let server: Awaited<ReturnType<typeof serveTemporaryUrls>>;
beforeAll(async () => {
  server = await serveTemporaryUrls(shared);
});
afterAll(() => server.close());

let serial = 0;
const containerName = () => `container-${++serial}`;
const check = (name: string) => storageChecks.find((c) => c.name.startsWith(name))!;

describe('storageChecks', () => {
  it('have distinct names', () => {
    expect(new Set(storageChecks.map((c) => c.name)).size).toBe(storageChecks.length);
  });

  describe.each([true, false])('on an adapter that follows the interface (containerMetadata: %s)', (cm) => {
    const target = {
      storage: () => memoryStorage(shared, { containerMetadata: cm, urlBase: server?.urlBase }),
      containerName,
      largeUploadBytes: 1024 * 1024,
    };
    for (const c of storageChecks) {
      const { name, skip } = describeCheck(c, target);
      (skip ? it.skip : it)(name, () => c.run(target));
    }
  });

  it('skip exactly one container metadata check, naming the capability', () => {
    for (const containerMetadata of [true, false]) {
      const target = { storage: () => memoryStorage(new Map(), { containerMetadata }), containerName };
      const skipped = storageChecks.map((c) => describeCheck(c, target)).filter((d) => d.skip);
      expect(skipped.map((d) => d.skip)).toEqual([`capabilities.containerMetadata is ${containerMetadata}`]);
    }
  });

  it('fail when a temporary URL does not serve the bytes', async () => {
    const broken = (): ProviderStorageClient => {
      const s = memoryStorage(shared, { urlBase: server?.urlBase });
      return { ...s, temporaryUrl: async (c, r, p) => (await s.temporaryUrl(c, r, p)).replace('GET', 'PUT') };
    };
    await expect(check('signs temporary URLs').run({ storage: broken, containerName })).rejects.toThrow(
      /without credentials/,
    );
  });

  it('fail when a copy loses the metadata', async () => {
    const broken = (): ProviderStorageClient => {
      const s = memoryStorage(shared, { urlBase: server?.urlBase });
      return {
        ...s,
        copy: async (p) => {
          const f = await s.copy(p);
          const to = typeof p.to.container === 'string' ? p.to.container : p.to.container.name;
          shared.get(to)!.get(p.to.remote)!.metadata = {};
          return f;
        },
      };
    };
    await expect(check('copies a file').run({ storage: broken, containerName })).rejects.toThrow(
      /keeps content type/,
    );
  });

  it('fail when a missing container is reported as empty instead of NotFoundError', async () => {
    const broken = (): ProviderStorageClient => {
      const s = memoryStorage();
      return {
        ...s,
        getContainer: async (ref) =>
          s.getContainer(ref).catch(() => ({ provider: 'openstack', name: 'x', count: 0, bytes: 0 })),
      };
    };
    await expect(
      check('reports a missing container').run({ storage: broken, containerName }),
    ).rejects.toThrow();
  });

  it('fail when a file comes back without its metadata', async () => {
    const state = new Map();
    const broken = (): ProviderStorageClient => {
      const s = memoryStorage(state);
      return { ...s, getFile: async (c, r) => ({ ...(await s.getFile(c, r)), metadata: {} }) };
    };
    await expect(check('uploads a buffer').run({ storage: broken, containerName })).rejects.toThrow(
      /deepStrictEqual|Expected values to be strictly deep-equal/,
    );
  });

  it('fail when prefix is ignored, and clean up the container anyway', async () => {
    const state = new Map();
    const broken = (): ProviderStorageClient => {
      const s = memoryStorage(state);
      return { ...s, getFiles: (c, p) => s.getFiles(c, { limit: p?.limit }) };
    };
    await expect(check('lists files').run({ storage: broken, containerName })).rejects.toThrow();
    expect([...state.keys()]).toEqual([]);
  });
});

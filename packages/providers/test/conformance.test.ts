import { describe, expect, it } from '@jest/globals';
import { storageChecks } from '../src/conformance/index.js';
import type { ProviderStorageClient } from '../src/index.js';
import { memoryStorage } from './memory-storage.js';

let serial = 0;
const containerName = () => `container-${++serial}`;
const check = (name: string) => storageChecks.find((c) => c.name.startsWith(name))!;

describe('storageChecks', () => {
  it('have distinct names', () => {
    expect(new Set(storageChecks.map((c) => c.name)).size).toBe(storageChecks.length);
  });

  describe('on an adapter that follows the interface', () => {
    const target = { storage: () => memoryStorage(), containerName, largeUploadBytes: 1024 * 1024 };
    for (const c of storageChecks) it(c.name, () => c.run(target));
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

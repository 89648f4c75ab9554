/**
 * The provider-neutral block storage client against a real Cinder: volume types, a volume
 * created, awaited, renamed, snapshotted, cloned from the snapshot, and everything deleted.
 * Run: `source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/sdk test:integration`.
 */
import { NotFoundError, ValidationError } from '@cloud/core';
import { afterAll, expect, it } from '@jest/globals';
import { providers } from '../../src/providers/index.js';
import { Cleanup, describeLive, live, openstackOptions, RUN } from './live.js';

const cleanup = new Cleanup();
const wait = { minDelayMs: 500, maxDelayMs: 2000, timeoutMs: 180_000 };

describeLive('providers.openstack.blockStorage against a real Cinder', () => {
  const storage = live ? providers.openstack.blockStorage(openstackOptions()) : (undefined as never);

  afterAll(async () => {
    expect(await cleanup.runAll()).toEqual([]);
    expect((await storage.getVolumes()).filter((v) => v.name?.startsWith(RUN))).toEqual([]);
  }, 300_000);

  it('creates a volume, snapshots it, clones the snapshot and deletes everything', async () => {
    const types = await storage.getVolumeTypes();
    expect(types.length).toBeGreaterThan(0);
    expect(await storage.getVolumeType(types[0]!.id)).toEqual(types[0]);

    const volume = await storage.createVolume({
      size: 1,
      name: `${RUN}-vol`,
      volumeType: types[0]!.name,
      metadata: { run: RUN },
    });
    cleanup.add('volume', async () => {
      await storage.destroyVolume(volume);
      await storage.waitForVolumeDeleted(volume, wait);
    });
    expect(volume).toMatchObject({
      provider: 'openstack',
      size: 1,
      name: `${RUN}-vol`,
      metadata: { run: RUN },
    });
    const ready = await storage.waitForVolume(volume.id, wait);
    expect([ready.status, ready.providerStatus]).toEqual(['AVAILABLE', 'available']);
    expect((await storage.getVolumes()).map((v) => v.id)).toContain(volume.id);
    expect((await storage.updateVolume(volume, { description: 'neutral' })).description).toBe('neutral');

    const snapshot = await storage.createSnapshot({ volume, name: `${RUN}-snap` });
    cleanup.add('snapshot', async () => {
      await storage.destroySnapshot(snapshot);
      await storage.waitForSnapshotDeleted(snapshot, wait);
    });
    expect((await storage.waitForSnapshot(snapshot, wait)).status).toBe('AVAILABLE');
    expect((await storage.getSnapshots({ volume })).map((s) => s.id)).toEqual([snapshot.id]);

    const clone = await storage.createVolume({ size: 1, name: `${RUN}-clone`, snapshot });
    cleanup.add('clone', async () => {
      await storage.destroyVolume(clone);
      await storage.waitForVolumeDeleted(clone, wait);
    });
    expect((await storage.waitForVolume(clone, wait)).snapshotId).toBe(snapshot.id);

    await expect(storage.createVolume({ size: 1, volumeType: `${RUN}-no-such-type` })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await storage.destroyVolume(clone);
    await storage.waitForVolumeDeleted(clone, wait);
    await expect(storage.getVolume(clone)).rejects.toBeInstanceOf(NotFoundError);
  }, 300_000);
});

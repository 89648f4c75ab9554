import { NotFoundError, ValidationError, WaiterFailureError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { normalizeVolumeStatus } from '../src/providers/block-storage-models.js';
import type { ProviderBlockStorageClient } from '../src/providers/index.js';
import { createFakeCinder, type FakeCinder } from './fakes/cinder.js';
import { SERVICE_CLOUDS } from './service-clouds.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };

describe.each(SERVICE_CLOUDS)('$name block storage', (c) => {
  const v1 = c.name === 'rackspace';
  let cinder: FakeCinder;
  let storage: ProviderBlockStorageClient;
  beforeEach(() => {
    cinder = createFakeCinder({ baseUrl: c.endpoints().blockStorage, v1 });
    cloud.use(...c.identity, ...cinder.handlers);
    storage = c.blockStorage();
  });

  it('lists volume types and creates a volume of one, named as the API version wants', async () => {
    const types = await storage.getVolumeTypes();
    expect(types.length).toBe(2);
    expect(types[0]).toEqual({ provider: c.name, id: expect.any(String), name: v1 ? 'SATA' : '__DEFAULT__' });
    expect(await storage.getVolumeType(types[1]!.id)).toEqual(types[1]);
    const volume = await storage.createVolume({
      size: 100,
      name: 'data',
      description: 'app data',
      volumeType: types[1]!.name,
      metadata: { team: 'db' },
    });
    const post = cloud.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/volumes'))!;
    expect(post.url.href).toBe(`${cinder.baseUrl}/volumes`);
    const sent = (await jsonBody(post)).volume;
    expect(sent).toMatchObject({ size: 100, volume_type: types[1]!.name, metadata: { team: 'db' } });
    expect(sent).toMatchObject(
      v1 ? { display_name: 'data', display_description: 'app data' } : { name: 'data' },
    );
    expect(volume).toMatchObject({
      provider: c.name,
      name: 'data',
      description: 'app data',
      status: 'CREATING',
      providerStatus: 'creating',
      size: 100,
      volumeType: types[1]!.name,
      bootable: false,
      attachments: [],
      metadata: { team: 'db' },
    });
  });

  it('waits for a volume to be AVAILABLE, lists, renames and destroys it', async () => {
    const { id } = await storage.createVolume({ size: 100, name: 'scratch' });
    const ready = await storage.waitForVolume(id, fast);
    expect([ready.status, ready.providerStatus]).toEqual(['AVAILABLE', 'available']);
    expect((await storage.getVolumes()).map((v) => [v.id, v.name, v.status])).toEqual([
      [id, 'scratch', 'AVAILABLE'],
    ]);
    expect((await storage.updateVolume({ id }, { name: 'renamed' })).name).toBe('renamed');
    expect((await storage.getVolume(id)).name).toBe('renamed');
    await storage.destroyVolume(id);
    await storage.waitForVolumeDeleted(id, fast);
    await expect(storage.getVolume(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('snapshots a volume, waits for the snapshot, lists it per volume and destroys it', async () => {
    const volume = await storage.createVolume({ size: 100, name: 'src' });
    await storage.waitForVolume(volume, fast);
    const snapshot = await storage.createSnapshot({ volume, name: 'nightly', force: true });
    expect(snapshot).toMatchObject({
      provider: c.name,
      name: 'nightly',
      status: 'CREATING',
      volumeId: volume.id,
      size: 100,
    });
    const post = cloud.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/snapshots'))!;
    expect((await jsonBody(post)).snapshot).toMatchObject({
      volume_id: volume.id,
      force: true,
      ...(v1 ? { display_name: 'nightly' } : { name: 'nightly' }),
    });
    expect((await storage.waitForSnapshot(snapshot.id, fast)).status).toBe('AVAILABLE');
    expect((await storage.getSnapshots({ volume })).map((s) => s.id)).toEqual([snapshot.id]);
    expect(cinder.calls).toContain(`GET /snapshots/detail?volume_id=${volume.id}`);
    const copy = await storage.createVolume({ size: 100, snapshot });
    expect(copy.snapshotId).toBe(snapshot.id);
    await storage.destroySnapshot(snapshot);
    await storage.waitForSnapshotDeleted(snapshot, fast);
    await expect(storage.getSnapshot(snapshot.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('fails the wait at once when the volume goes to error', async () => {
    const { id } = await storage.createVolume({ size: 100 });
    cinder.volumes.get(id)!.status = 'error';
    const failure = await storage.waitForVolume(id, fast).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WaiterFailureError);
  });

  it('rejects bad input before sending anything', async () => {
    await expect(storage.createVolume({ size: 0 })).rejects.toMatchObject({ field: 'size' });
    await expect(storage.createVolume({ size: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(storage.createSnapshot({ volume: '' })).rejects.toMatchObject({ field: 'volume' });
    await expect(storage.waitForVolume('v', { status: 'DELETING' as 'AVAILABLE' })).rejects.toMatchObject({
      field: 'status',
    });
    expect(cloud.requests).toEqual([]);
  });

  it('rejects a volume type name the cloud does not have, before creating anything', async () => {
    await expect(storage.createVolume({ size: 100, volumeType: 'gold' })).rejects.toMatchObject({
      field: 'volumeType',
    });
    expect(cinder.calls).toEqual(['GET /types']);
  });
});

describe('volume statuses', () => {
  it('map to the neutral words', () => {
    expect(
      ['available', 'in-use', 'creating', 'attaching', 'deleting', 'error_extending', 'strange'].map(
        normalizeVolumeStatus,
      ),
    ).toEqual(['AVAILABLE', 'IN_USE', 'CREATING', 'BUSY', 'DELETING', 'ERROR', 'UNKNOWN']);
  });
});

import { inspect } from 'node:util';
import {
  createSession,
  EndpointNotFoundError,
  fromPassword,
  MicroversionNotSupportedError,
  ValidationError,
  WaiterFailureError,
} from '@cloud/core';
import { MOCK_PASSWORD_AUTH, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createBackup,
  createBlockStorageClient,
  createVolume,
  getBackup,
  getBlockStorageApiVersion,
  getSnapshot,
  getVolume,
  updateVolume,
  waitForBackupStatus,
  waitForSnapshotStatus,
  waitForVolumeDeleted,
  waitForVolumeStatus,
} from '../src/index.js';
import {
  BACKUP_ID,
  BASE,
  backupFixture,
  cinderOf,
  cinderRequests,
  handleVersions,
  handleVolumeStatuses,
  ROOT,
  SNAPSHOT_ID,
  sent,
  sentAll,
  snapshotFixture,
  VOLUME_ID,
  volumeFixture,
} from './fixtures/cinder.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };

describe('createBlockStorageClient', () => {
  it('finds the endpoint under volumev3 when the catalog has no block-storage entry', async () => {
    cloud.use(handleVolumeStatuses(['available']));
    await getVolume(cinderOf(cloud), VOLUME_ID);
    expect(cinderRequests(cloud)[0]?.url.href).toBe(`${BASE}/volumes/${VOLUME_ID}`);
  });

  it('names every type it tried when none is in the catalog', async () => {
    const c = createBlockStorageClient(cloud.session(), { serviceName: 'nope' });
    const err = await getVolume(c, VOLUME_ID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointNotFoundError);
    expect((err as Error).message).toContain('block-storage, volumev3, volume');
  });

  it('uses a fixed endpoint, and a session endpoint override by type', async () => {
    cloud.use(
      http.get('https://cinder.example.test/v3/p/volumes/:id', () =>
        HttpResponse.json({ volume: volumeFixture() }),
      ),
    );
    await getVolume(
      createBlockStorageClient(cloud.session(), { endpoint: 'https://cinder.example.test/v3/p' }),
      VOLUME_ID,
    );
    const session = createSession({
      credentials: fromPassword(MOCK_PASSWORD_AUTH),
      region: 'RegionOne',
      retry: { limit: 0 },
      endpointOverrides: { 'block-storage': 'https://cinder.example.test/v3/p' },
    });
    await getVolume(createBlockStorageClient(session), VOLUME_ID);
    expect(cinderRequests(cloud).map((r) => r.url.host)).toEqual([
      'cinder.example.test',
      'cinder.example.test',
    ]);
  });

  it('sends the client microversion on every request, and a per-call override instead', async () => {
    cloud.use(handleVolumeStatuses(['available']));
    const c = cinderOf(cloud, { microversion: '3.59' });
    await getVolume(c, VOLUME_ID);
    await getVolume(c, VOLUME_ID, { microversion: '3.10' });
    expect((await sentAll(cloud)).map((r) => r.version)).toEqual(['volume 3.59', 'volume 3.10']);
    expect(inspect(c)).toBe('BlockStorageClient { microversion: 3.59 }');
  });

  it('sends no header without a microversion', async () => {
    cloud.use(handleVolumeStatuses(['available']));
    await getVolume(cinderOf(cloud), VOLUME_ID);
    expect((await sent(cloud)).version).toBeUndefined();
  });

  it('rejects a malformed microversion when created, and per call', async () => {
    expect(() => cinderOf(cloud, { microversion: '3' })).toThrow(ValidationError);
    await expect(getVolume(cinderOf(cloud), VOLUME_ID, { microversion: 'v3.1' })).rejects.toMatchObject({
      field: 'options.microversion',
    });
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('negotiates once against the version document: the highest common version at or below the wanted one', async () => {
    cloud.use(handleVersions('3.64'), handleVolumeStatuses(['available']));
    const c = cinderOf(cloud, { microversion: '3.70', negotiate: true });
    await getVolume(c, VOLUME_ID);
    await getVolume(c, VOLUME_ID);
    const all = cinderRequests(cloud);
    expect(all.map((r) => r.url.href)).toEqual([
      ROOT,
      `${BASE}/volumes/${VOLUME_ID}`,
      `${BASE}/volumes/${VOLUME_ID}`,
    ]);
    expect(all[1]?.headers.get('openstack-api-version')).toBe('volume 3.64');
    expect(c.microversions.current).toBe('3.64');
  });

  it('fails negotiation with the supported range when the wanted version is too old', async () => {
    cloud.use(handleVersions('3.70', '3.27'));
    const err = await getVolume(cinderOf(cloud, { microversion: '3.10', negotiate: true }), VOLUME_ID).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MicroversionNotSupportedError);
    expect((err as Error).message).toContain('the server supports 3.27 to 3.70');
  });

  it('reads the API version of the endpoint', async () => {
    cloud.use(handleVersions('3.70'));
    expect(await getBlockStorageApiVersion(cinderOf(cloud))).toMatchObject({
      id: 'v3.0',
      minVersion: '3.0',
      maxVersion: '3.70',
    });
  });
});

describe('Rackspace Cloud Block Storage (v1 endpoint)', () => {
  const RAX = 'https://dfw.blockstorage.api.rackspacecloud.test/v1/123456';
  it('sends display_name / display_description and reads them back', async () => {
    cloud.use(
      http.post(`${RAX}/volumes`, async ({ request }) => {
        const { volume } = (await request.json()) as { volume: Record<string, unknown> };
        return HttpResponse.json({
          volume: {
            id: VOLUME_ID,
            display_name: volume.display_name,
            display_description: volume.display_description,
            status: 'creating',
            size: 75,
            volume_type: 'SATA',
            attachments: [],
            metadata: {},
            bootable: 'false',
          },
        });
      }),
      http.put(`${RAX}/volumes/${VOLUME_ID}`, () =>
        HttpResponse.json({ volume: { id: VOLUME_ID, display_name: 'b', status: 'available', size: 75 } }),
      ),
      http.get(`${RAX}/types`, () =>
        HttpResponse.json({ volume_types: [{ id: 1, name: 'SATA', extra_specs: {} }] }),
      ),
    );
    const c = createBlockStorageClient(cloud.session(), { endpoint: RAX });
    const v = await createVolume(c, { size: 75, name: 'a', description: 'd', volumeType: 'SATA' });
    expect(v).toMatchObject({ name: 'a', description: 'd', volumeType: 'SATA', size: 75 });
    await updateVolume(c, VOLUME_ID, { name: 'b' });
    const all = await sentAll(cloud);
    expect(all.map((r) => r.method)).toEqual(['GET', 'POST', 'PUT']);
    expect(all[1]?.body).toEqual({
      volume: { size: 75, display_name: 'a', display_description: 'd', volume_type: 'SATA' },
    });
    expect(all[2]?.body).toEqual({ volume: { display_name: 'b' } });
  });
});

describe('waiters', () => {
  it('waits for available through creating', async () => {
    cloud.use(handleVolumeStatuses(['creating', 'creating', 'available']));
    const seen: string[] = [];
    const v = await waitForVolumeStatus(cinderOf(cloud), VOLUME_ID, 'available', {
      ...fast,
      onPoll: (x) => seen.push(x.status),
    });
    expect(v.status).toBe('available');
    expect(seen).toEqual(['creating', 'creating', 'available']);
  });

  it('waits for in-use', async () => {
    cloud.use(handleVolumeStatuses(['attaching', 'in-use']));
    expect((await waitForVolumeStatus(cinderOf(cloud), VOLUME_ID, ['in-use'], fast)).status).toBe('in-use');
  });

  it.each([['error'], ['error_extending'], ['error_restoring']])(
    'fails at once on %s with the volume as lastValue',
    async (bad) => {
      cloud.use(handleVolumeStatuses(['extending', bad]));
      const err = await waitForVolumeStatus(cinderOf(cloud), VOLUME_ID, 'available', fast).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WaiterFailureError);
      expect((err as WaiterFailureError).message).toContain(`volume "${VOLUME_ID}" is ${bad}`);
      expect((err as WaiterFailureError<{ size: number }>).lastValue?.size).toBe(10);
    },
  );

  it('rejects a missing status before any request', async () => {
    await expect(waitForVolumeStatus(cinderOf(cloud), VOLUME_ID, [] as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('waits for deletion: 404 is success', async () => {
    cloud.use(handleVolumeStatuses(['deleting', 404]));
    await expect(waitForVolumeDeleted(cinderOf(cloud), VOLUME_ID, fast)).resolves.toBeUndefined();
  });

  it('waits for a snapshot and fails on its error state', async () => {
    let n = 0;
    cloud.use(
      http.get(`${BASE}/snapshots/${SNAPSHOT_ID}`, () =>
        HttpResponse.json({
          snapshot: snapshotFixture({ status: ['creating', 'available'][Math.min(n++, 1)] }),
        }),
      ),
    );
    expect((await waitForSnapshotStatus(cinderOf(cloud), SNAPSHOT_ID, 'available', fast)).status).toBe(
      'available',
    );
    cloud.use(
      http.get(`${BASE}/snapshots/${SNAPSHOT_ID}`, () =>
        HttpResponse.json({ snapshot: snapshotFixture({ status: 'error' }) }),
      ),
    );
    await expect(
      waitForSnapshotStatus(cinderOf(cloud), SNAPSHOT_ID, 'available', fast),
    ).rejects.toBeInstanceOf(WaiterFailureError);
    void getSnapshot;
  });

  it('waits for a backup and reports fail_reason on error', async () => {
    cloud.use(
      http.get(`${BASE}/backups/${BACKUP_ID}`, () =>
        HttpResponse.json({ backup: backupFixture({ status: 'error', fail_reason: 'no backup driver' }) }),
      ),
    );
    await expect(waitForBackupStatus(cinderOf(cloud), BACKUP_ID, 'available', fast)).rejects.toThrow(
      `backup "${BACKUP_ID}" is error: no backup driver`,
    );
    void getBackup;
    void createBackup;
  });
});

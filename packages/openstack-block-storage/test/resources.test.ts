import { inspect } from 'node:util';
import { toArray } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  acceptVolumeTransfer,
  addVolumeTypeAccess,
  completeAttachment,
  createAttachment,
  createBackup,
  createSnapshot,
  createVolumeTransfer,
  createVolumeType,
  deleteAttachment,
  deleteBackup,
  deleteSnapshot,
  deleteSnapshotMetadata,
  deleteVolumeTransfer,
  deleteVolumeTypeExtraSpecs,
  exportBackupRecord,
  getBackup,
  getBlockStorageLimits,
  getBlockStorageQuotas,
  getDefaultBlockStorageQuotas,
  getDefaultVolumeType,
  getSnapshot,
  getSnapshotMetadata,
  getVolumeTypeExtraSpecs,
  importBackupRecord,
  listAttachments,
  listBackups,
  listBlockStorageAvailabilityZones,
  listSnapshots,
  listVolumeTransfers,
  listVolumeTypeAccess,
  listVolumeTypes,
  removeVolumeTypeAccess,
  replaceSnapshotMetadata,
  restoreBackup,
  setSnapshotMetadata,
  setVolumeTypeExtraSpecs,
  updateSnapshot,
} from '../src/index.js';
import {
  BACKUP_ID,
  BASE,
  backupFixture,
  cinderOf,
  cinderRequests,
  handleTypes,
  SERVER_ID,
  SNAPSHOT_ID,
  sent,
  sentAll,
  snapshotFixture,
  TYPE_ID,
  VOLUME_ID,
} from './fixtures/cinder.js';

const cloud = setupMockCloud();

describe('snapshots', () => {
  it('creates with force and metadata, gets, renames, lists with filters and deletes', async () => {
    cloud.use(
      http.post(`${BASE}/snapshots`, () =>
        HttpResponse.json({ snapshot: snapshotFixture({ status: 'creating' }) }, { status: 202 }),
      ),
      http.get(`${BASE}/snapshots/${SNAPSHOT_ID}`, () => HttpResponse.json({ snapshot: snapshotFixture() })),
      http.put(`${BASE}/snapshots/${SNAPSHOT_ID}`, () =>
        HttpResponse.json({ snapshot: snapshotFixture({ name: 'kept' }) }),
      ),
      http.get(`${BASE}/snapshots/detail`, () => HttpResponse.json({ snapshots: [snapshotFixture()] })),
      http.delete(`${BASE}/snapshots/${SNAPSHOT_ID}`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = cinderOf(cloud);
    const s = await createSnapshot(c, {
      volumeId: VOLUME_ID,
      name: 'snap',
      force: true,
      metadata: { k: 'v' },
    });
    expect(s).toMatchObject({ id: SNAPSHOT_ID, status: 'creating', volumeId: VOLUME_ID, size: 10 });
    expect((await getSnapshot(c, SNAPSHOT_ID)).progress).toBe('100%');
    expect((await updateSnapshot(c, SNAPSHOT_ID, { name: 'kept' })).name).toBe('kept');
    expect(await toArray(listSnapshots(c, { volumeId: VOLUME_ID, status: 'available' }))).toHaveLength(1);
    await deleteSnapshot(c, SNAPSHOT_ID);
    const all = await sentAll(cloud);
    expect(all[0]?.body).toEqual({
      snapshot: { volume_id: VOLUME_ID, force: true, name: 'snap', metadata: { k: 'v' } },
    });
    expect(all[2]?.body).toEqual({ snapshot: { name: 'kept' } });
    expect(all[3]?.query).toEqual({ volume_id: VOLUME_ID, status: 'available' });
    expect(all.map((r) => r.method)).toEqual(['POST', 'GET', 'PUT', 'GET', 'DELETE']);
  });

  it('rejects a snapshot without volumeId before any request', async () => {
    await expect(createSnapshot(cinderOf(cloud), {} as never)).rejects.toMatchObject({ field: 'volumeId' });
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('has the metadata verbs', async () => {
    const url = `${BASE}/snapshots/${SNAPSHOT_ID}/metadata`;
    cloud.use(
      http.get(url, () => HttpResponse.json({ metadata: { a: '1' } })),
      http.post(url, () => HttpResponse.json({ metadata: { a: '1', b: '2' } })),
      http.put(url, () => HttpResponse.json({ metadata: {} })),
      http.delete(`${url}/a`, () => new HttpResponse(null)),
    );
    const c = cinderOf(cloud);
    expect(await getSnapshotMetadata(c, SNAPSHOT_ID)).toEqual({ a: '1' });
    expect(await setSnapshotMetadata(c, SNAPSHOT_ID, { b: '2' })).toEqual({ a: '1', b: '2' });
    expect(await replaceSnapshotMetadata(c, SNAPSHOT_ID, {})).toEqual({});
    await deleteSnapshotMetadata(c, SNAPSHOT_ID, ['a']);
    expect((await sentAll(cloud)).map((r) => r.method)).toEqual(['GET', 'POST', 'PUT', 'DELETE']);
  });
});

describe('volume types', () => {
  it('lists, gets the default, reads and writes extra specs', async () => {
    cloud.use(
      handleTypes(),
      http.get(`${BASE}/types/default`, () =>
        HttpResponse.json({ volume_type: { id: TYPE_ID, name: 'lvmdriver-1', extra_specs: {} } }),
      ),
      http.get(`${BASE}/types/${TYPE_ID}/extra_specs`, () =>
        HttpResponse.json({ extra_specs: { volume_backend_name: 'lvm' } }),
      ),
      http.post(`${BASE}/types/${TYPE_ID}/extra_specs`, () =>
        HttpResponse.json({ extra_specs: { multiattach: '<is> True' } }),
      ),
      http.delete(
        `${BASE}/types/${TYPE_ID}/extra_specs/multiattach`,
        () => new HttpResponse(null, { status: 202 }),
      ),
    );
    const c = cinderOf(cloud);
    expect((await toArray(listVolumeTypes(c))).map((t) => t.name)).toEqual(['lvmdriver-1', 'fast']);
    expect((await getDefaultVolumeType(c)).name).toBe('lvmdriver-1');
    expect(await getVolumeTypeExtraSpecs(c, TYPE_ID)).toEqual({ volume_backend_name: 'lvm' });
    expect(await setVolumeTypeExtraSpecs(c, TYPE_ID, { multiattach: '<is> True' })).toEqual({
      multiattach: '<is> True',
    });
    await deleteVolumeTypeExtraSpecs(c, TYPE_ID, ['multiattach']);
    expect((await sentAll(cloud))[3]?.body).toEqual({ extra_specs: { multiattach: '<is> True' } });
  });

  it('reads Rackspace types with numeric ids as strings', async () => {
    cloud.use(
      http.get(`${BASE}/types`, () =>
        HttpResponse.json({
          volume_types: [
            { id: 1, name: 'SATA', extra_specs: {} },
            { id: 2, name: 'SSD', extra_specs: {} },
          ],
        }),
      ),
    );
    expect((await toArray(listVolumeTypes(cinderOf(cloud)))).map((t) => t.id)).toEqual(['1', '2']);
  });

  it('creates a private type and manages its access (admin calls); a 403 stays a ForbiddenError', async () => {
    cloud.use(
      http.post(`${BASE}/types`, () =>
        HttpResponse.json({
          volume_type: { id: TYPE_ID, name: 'private', is_public: false, extra_specs: {} },
        }),
      ),
      http.get(`${BASE}/types/${TYPE_ID}/os-volume-type-access`, () =>
        HttpResponse.json({ volume_type_access: [{ project_id: 'p-2', volume_type_id: TYPE_ID }] }),
      ),
      http.post(`${BASE}/types/${TYPE_ID}/action`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = cinderOf(cloud);
    const t = await createVolumeType(c, { name: 'private', isPublic: false });
    expect(t.isPublic).toBe(false);
    expect(await toArray(listVolumeTypeAccess(c, TYPE_ID))).toEqual([
      { projectId: 'p-2', volumeTypeId: TYPE_ID },
    ]);
    await addVolumeTypeAccess(c, TYPE_ID, 'p-3');
    await removeVolumeTypeAccess(c, TYPE_ID, 'p-3');
    const all = await sentAll(cloud);
    expect(all[0]?.body).toEqual({
      volume_type: { name: 'private', 'os-volume-type-access:is_public': false },
    });
    expect(all.slice(2).map((r) => r.body)).toEqual([
      { addProjectAccess: { project: 'p-3' } },
      { removeProjectAccess: { project: 'p-3' } },
    ]);
    cloud.use(
      http.post(`${BASE}/types`, () =>
        HttpResponse.json({ forbidden: { code: 403, message: 'Policy does not allow' } }, { status: 403 }),
      ),
    );
    await expect(createVolumeType(c, { name: 'x' })).rejects.toMatchObject({ name: 'ForbiddenError' });
  });
});

describe('backups', () => {
  it('creates an incremental backup of a snapshot; metadata needs 3.43', async () => {
    cloud.use(
      http.post(`${BASE}/backups`, () =>
        HttpResponse.json({ backup: { id: BACKUP_ID, name: 'nightly', links: [] } }, { status: 202 }),
      ),
    );
    await expect(
      createBackup(cinderOf(cloud), { volumeId: VOLUME_ID, metadata: { a: 'b' } }),
    ).rejects.toMatchObject({ field: 'metadata' });
    const ref = await createBackup(cinderOf(cloud), {
      volumeId: VOLUME_ID,
      name: 'nightly',
      incremental: true,
      force: true,
      snapshotId: SNAPSHOT_ID,
      container: 'c',
    });
    expect(ref).toEqual({ id: BACKUP_ID, name: 'nightly', links: [] });
    expect((await sent(cloud)).body).toEqual({
      backup: {
        volume_id: VOLUME_ID,
        name: 'nightly',
        container: 'c',
        incremental: true,
        force: true,
        snapshot_id: SNAPSHOT_ID,
      },
    });
  });

  it('lists, gets, restores to a new or an existing volume, exports and imports records, deletes', async () => {
    cloud.use(
      http.get(`${BASE}/backups/detail`, () => HttpResponse.json({ backups: [backupFixture()] })),
      http.get(`${BASE}/backups/${BACKUP_ID}`, () =>
        HttpResponse.json({ backup: backupFixture({ is_incremental: true }) }),
      ),
      http.post(`${BASE}/backups/${BACKUP_ID}/restore`, async ({ request }) => {
        const body = (await request.json()) as { restore: { volume_id?: string } };
        return HttpResponse.json(
          {
            restore: {
              backup_id: BACKUP_ID,
              volume_id: body.restore.volume_id ?? 'new-vol',
              volume_name: 'restored',
            },
          },
          { status: 202 },
        );
      }),
      http.get(`${BASE}/backups/${BACKUP_ID}/export_record`, () =>
        HttpResponse.json({
          'backup-record': {
            backup_service: 'cinder.backup.drivers.swift.SwiftBackupDriver',
            backup_url: 'eyJ9',
          },
        }),
      ),
      http.post(`${BASE}/backups/import_record`, () =>
        HttpResponse.json({ backup: { id: 'imported', links: [] } }, { status: 201 }),
      ),
      http.delete(`${BASE}/backups/${BACKUP_ID}`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = cinderOf(cloud);
    expect((await toArray(listBackups(c, { volumeId: VOLUME_ID })))[0]).toMatchObject({
      id: BACKUP_ID,
      objectCount: 3,
      container: 'volumebackups',
    });
    expect((await getBackup(c, BACKUP_ID)).isIncremental).toBe(true);
    expect(await restoreBackup(c, BACKUP_ID, { name: 'restored' })).toEqual({
      backupId: BACKUP_ID,
      volumeId: 'new-vol',
      volumeName: 'restored',
    });
    expect((await restoreBackup(c, BACKUP_ID, { volumeId: VOLUME_ID })).volumeId).toBe(VOLUME_ID);
    const record = await exportBackupRecord(c, BACKUP_ID);
    expect((await importBackupRecord(c, record)).id).toBe('imported');
    await deleteBackup(c, BACKUP_ID);
    const all = await sentAll(cloud);
    expect(all[2]?.body).toEqual({ restore: { name: 'restored' } });
    expect(all[3]?.body).toEqual({ restore: { volume_id: VOLUME_ID } });
    expect(all[5]?.body).toEqual({
      'backup-record': {
        backup_service: 'cinder.backup.drivers.swift.SwiftBackupDriver',
        backup_url: 'eyJ9',
      },
    });
  });

  it('refuses a restore naming both a volume and a new name', async () => {
    await expect(
      restoreBackup(cinderOf(cloud), BACKUP_ID, { volumeId: VOLUME_ID, name: 'x' }),
    ).rejects.toMatchObject({ field: 'name' });
  });
});

describe('attachments (3.27+)', () => {
  const attachment = {
    id: 'att-1',
    status: 'reserved',
    volume_id: VOLUME_ID,
    instance: SERVER_ID,
    attach_mode: 'rw',
    attached_at: null,
    detached_at: null,
  };

  it('refuses every call below 3.27 before any request', async () => {
    const c = cinderOf(cloud);
    await expect(createAttachment(c, { volumeId: VOLUME_ID })).rejects.toMatchObject({
      field: 'createAttachment',
    });
    await expect(toArray(listAttachments(c))).rejects.toMatchObject({ field: 'listAttachments' });
    await expect(deleteAttachment(c, 'att-1')).rejects.toMatchObject({ field: 'deleteAttachment' });
    expect(cinderRequests(cloud)).toHaveLength(0);
  });

  it('creates (mode from 3.54), lists, completes (3.44) and deletes', async () => {
    cloud.use(
      http.post(`${BASE}/attachments`, () => HttpResponse.json({ attachment })),
      http.get(`${BASE}/attachments/detail`, () => HttpResponse.json({ attachments: [attachment] })),
      http.post(`${BASE}/attachments/att-1/action`, () => new HttpResponse(null, { status: 204 })),
      http.delete(`${BASE}/attachments/att-1`, () => HttpResponse.json({})),
    );
    const c = cinderOf(cloud, { microversion: '3.27' });
    await expect(createAttachment(c, { volumeId: VOLUME_ID, mode: 'ro' })).rejects.toMatchObject({
      field: 'mode',
    });
    const a = await createAttachment(c, { volumeId: VOLUME_ID, instanceId: SERVER_ID });
    expect(a).toMatchObject({ id: 'att-1', instanceId: SERVER_ID, attachMode: 'rw' });
    expect((await toArray(listAttachments(c, { volumeId: VOLUME_ID })))[0]?.id).toBe('att-1');
    await expect(completeAttachment(c, 'att-1')).rejects.toMatchObject({ field: 'completeAttachment' });
    await completeAttachment(c, 'att-1', { microversion: '3.44' });
    await deleteAttachment(c, 'att-1');
    const all = await sentAll(cloud);
    expect(all[0]).toMatchObject({
      body: { attachment: { volume_uuid: VOLUME_ID, instance_uuid: SERVER_ID } },
      version: 'volume 3.27',
    });
    expect(all[2]).toMatchObject({ body: { 'os-complete': null }, version: 'volume 3.44' });
  });
});

describe('quotas, limits, availability zones', () => {
  it('reads quotas with usage for the session project', async () => {
    cloud.use(
      http.get(`${BASE}/os-quota-sets/p-0123456789`, () =>
        HttpResponse.json({
          quota_set: {
            id: 'p-0123456789',
            volumes: { limit: 10, in_use: 2, reserved: 0, allocated: 0 },
            gigabytes: { limit: 1000, in_use: 20, reserved: 0 },
            gigabytes_SATA: { limit: 10240, in_use: 100, reserved: 0 },
            per_volume_gigabytes: { limit: -1, in_use: 0, reserved: 0 },
          },
        }),
      ),
      http.get(`${BASE}/os-quota-sets/p-0123456789/defaults`, () =>
        HttpResponse.json({ quota_set: { id: 'p-0123456789', volumes: 10, gigabytes: 1000 } }),
      ),
    );
    const q = await getBlockStorageQuotas(cinderOf(cloud));
    expect(q.volumes).toEqual({ limit: 10, inUse: 2, reserved: 0, allocated: 0 });
    expect(q.all.gigabytes_SATA?.inUse).toBe(100);
    expect(q.perVolumeGigabytes?.limit).toBe(-1);
    expect((await sentAll(cloud))[0]?.query).toEqual({ usage: 'true' });
    expect(await getDefaultBlockStorageQuotas(cinderOf(cloud))).toEqual({ volumes: 10, gigabytes: 1000 });
  });

  it('reads absolute limits', async () => {
    cloud.use(
      http.get(`${BASE}/limits`, () =>
        HttpResponse.json({
          limits: {
            rate: [],
            absolute: {
              maxTotalVolumes: 10,
              totalVolumesUsed: 2,
              maxTotalVolumeGigabytes: 1000,
              totalGigabytesUsed: 20,
              maxTotalBackups: 10,
            },
          },
        }),
      ),
    );
    const l = await getBlockStorageLimits(cinderOf(cloud));
    expect(l).toMatchObject({ maxTotalVolumes: 10, totalVolumesUsed: 2, totalGigabytesUsed: 20, rate: [] });
    expect(l.absolute.maxTotalBackups).toBe(10);
  });

  it('lists availability zones', async () => {
    cloud.use(
      http.get(`${BASE}/os-availability-zone`, () =>
        HttpResponse.json({ availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] }),
      ),
    );
    expect(await toArray(listBlockStorageAvailabilityZones(cinderOf(cloud)))).toEqual([
      { name: 'nova', available: true },
    ]);
  });
});

describe('volume transfers', () => {
  const transfer = {
    id: 'tr-1',
    name: 'to-b',
    volume_id: VOLUME_ID,
    auth_key: 'f8a0e1c1d2b3a4f5',
    created_at: '2024-05-01T12:00:00.000000',
    links: [],
  };

  it('uses /os-volume-transfer below 3.55 and keeps the auth key out of logs', async () => {
    cloud.use(
      http.post(`${BASE}/os-volume-transfer`, () => HttpResponse.json({ transfer }, { status: 202 })),
      http.post(`${BASE}/os-volume-transfer/tr-1/accept`, () =>
        HttpResponse.json({ transfer: { ...transfer, auth_key: undefined } }, { status: 202 }),
      ),
      http.get(`${BASE}/os-volume-transfer/detail`, () =>
        HttpResponse.json({ transfers: [{ ...transfer, auth_key: undefined }] }),
      ),
      http.delete(`${BASE}/os-volume-transfer/tr-1`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = cinderOf(cloud);
    const t = await createVolumeTransfer(c, { volumeId: VOLUME_ID, name: 'to-b' });
    expect(t.authKey).toBe('f8a0e1c1d2b3a4f5');
    expect(inspect(t, { depth: 5 })).not.toContain('f8a0e1c1d2b3a4f5');
    expect(JSON.stringify(t)).not.toContain('f8a0e1c1d2b3a4f5');
    await acceptVolumeTransfer(c, 'tr-1', t.authKey!);
    expect((await toArray(listVolumeTransfers(c))).map((x) => x.id)).toEqual(['tr-1']);
    await deleteVolumeTransfer(c, 'tr-1');
    const all = await sentAll(cloud);
    expect(all[1]?.body).toEqual({ accept: { auth_key: 'f8a0e1c1d2b3a4f5' } });
    await expect(createVolumeTransfer(c, { volumeId: VOLUME_ID, noSnapshots: true })).rejects.toMatchObject({
      field: 'noSnapshots',
    });
  });

  it('uses /volume-transfers from 3.55, with no_snapshots', async () => {
    cloud.use(http.post(`${BASE}/volume-transfers`, () => HttpResponse.json({ transfer }, { status: 202 })));
    await createVolumeTransfer(cinderOf(cloud, { microversion: '3.55' }), {
      volumeId: VOLUME_ID,
      noSnapshots: true,
    });
    expect(await sent(cloud)).toMatchObject({
      path: '/volume-transfers',
      body: { transfer: { volume_id: VOLUME_ID, no_snapshots: true } },
    });
  });
});

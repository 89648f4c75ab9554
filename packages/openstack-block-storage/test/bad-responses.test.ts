import { InvalidResponseError, toArray } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  type BlockStorageClient,
  createBackup,
  createSnapshot,
  createVolume,
  getBackup,
  getBlockStorageLimits,
  getBlockStorageQuotas,
  getSnapshot,
  getVolume,
  getVolumeMetadata,
  getVolumeType,
  listBackups,
  listBlockStorageAvailabilityZones,
  listSnapshots,
  listVolumes,
  listVolumesDetail,
  listVolumeTypes,
  restoreBackup,
  updateVolume,
} from '../src/index.js';
import { BACKUP_ID, BASE, cinderOf, SNAPSHOT_ID, TYPE_ID, VOLUME_ID } from './fixtures/cinder.js';

const cloud = setupMockCloud();

type Op = [string, string, string, (c: BlockStorageClient) => Promise<unknown>];
const OPS: Op[] = [
  ['listVolumes', 'get', 'volumes', (c) => toArray(listVolumes(c))],
  ['listVolumesDetail', 'get', 'volumes/detail', (c) => toArray(listVolumesDetail(c))],
  ['getVolume', 'get', `volumes/${VOLUME_ID}`, (c) => getVolume(c, VOLUME_ID)],
  ['createVolume', 'post', 'volumes', (c) => createVolume(c, { size: 1 })],
  ['updateVolume', 'put', `volumes/${VOLUME_ID}`, (c) => updateVolume(c, VOLUME_ID, { name: 'x' })],
  ['getVolumeMetadata', 'get', `volumes/${VOLUME_ID}/metadata`, (c) => getVolumeMetadata(c, VOLUME_ID)],
  ['listSnapshots', 'get', 'snapshots/detail', (c) => toArray(listSnapshots(c))],
  ['getSnapshot', 'get', `snapshots/${SNAPSHOT_ID}`, (c) => getSnapshot(c, SNAPSHOT_ID)],
  ['createSnapshot', 'post', 'snapshots', (c) => createSnapshot(c, { volumeId: VOLUME_ID })],
  ['listVolumeTypes', 'get', 'types', (c) => toArray(listVolumeTypes(c))],
  ['getVolumeType', 'get', `types/${TYPE_ID}`, (c) => getVolumeType(c, TYPE_ID)],
  ['listBackups', 'get', 'backups/detail', (c) => toArray(listBackups(c))],
  ['getBackup', 'get', `backups/${BACKUP_ID}`, (c) => getBackup(c, BACKUP_ID)],
  ['createBackup', 'post', 'backups', (c) => createBackup(c, { volumeId: VOLUME_ID })],
  ['restoreBackup', 'post', `backups/${BACKUP_ID}/restore`, (c) => restoreBackup(c, BACKUP_ID)],
  ['getBlockStorageLimits', 'get', 'limits', (c) => getBlockStorageLimits(c)],
  ['getBlockStorageQuotas', 'get', 'os-quota-sets/p-0123456789', (c) => getBlockStorageQuotas(c)],
  [
    'listBlockStorageAvailabilityZones',
    'get',
    'os-availability-zone',
    (c) => toArray(listBlockStorageAvailabilityZones(c)),
  ],
];

const BODIES: [string, () => Response][] = [
  [
    'HTML',
    () =>
      new HttpResponse('<html><body>502 proxy</body></html>', { headers: { 'content-type': 'text/html' } }),
  ],
  [
    'truncated JSON',
    () => new HttpResponse('{"volume": {"id": "x", ', { headers: { 'content-type': 'application/json' } }),
  ],
  ['null', () => HttpResponse.json(null)],
  ['{}', () => HttpResponse.json({})],
  [
    'wrong types',
    () =>
      HttpResponse.json({
        volume: 1,
        volumes: [{ id: 7 }],
        snapshot: [],
        snapshots: 'x',
        volume_types: [{ id: true }],
        volume_type: 'x',
        backups: [{}],
        backup: 'x',
        restore: {},
        limits: { absolute: 'x' },
        quota_set: 3,
        metadata: { a: 1 },
        availabilityZoneInfo: [{ zoneName: 1 }],
      }),
  ],
];

describe.each(OPS)('%s', (_name, method, path, run) => {
  it.each(BODIES)('turns %s into InvalidResponseError', async (_kind, reply) => {
    cloud.use((http as unknown as Record<string, typeof http.get>)[method]!(`${BASE}/${path}`, reply));
    const err = await run(cinderOf(cloud)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
  });
});

import { toArray } from '@cloud/core';
import { badResponseBodies, describeBadResponses, setupMockCloud } from '@cloud/testing';
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

/** A body whose every wrapper key a parser may look for holds a value of the wrong type. */
const WRONG = {
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
};

describeBadResponses('block storage operations reject bodies Cinder does not send', {
  cloud,
  client: () => cinderOf(cloud),
  operations: OPS.map(([name, method, path, call]) => ({
    name,
    method: method as 'get' | 'post' | 'put',
    url: `${BASE}/${path}`,
    call,
  })),
  bodies: badResponseBodies({ wrong: () => WRONG }),
});

import type { ProviderName } from './options.js';

/**
 * Status of a volume, the same on every provider. `providerStatus` keeps the cloud's own word.
 * - `AVAILABLE`: `available` (ready to attach)
 * - `IN_USE`: `in-use` (attached to a server)
 * - `CREATING`: `creating`, `downloading` (from an image)
 * - `BUSY`: an operation is running (`attaching`, `detaching`, `extending`, `retyping`,
 *   `backing-up`, `restoring-backup`, `uploading`, `reserved`, `maintenance`, `awaiting-transfer`)
 * - `DELETING`: `deleting`
 * - `ERROR`: `error` and every `error_*`
 * - `UNKNOWN`: anything else
 * @example if (volume.status === 'AVAILABLE') await compute.client ... // attach it
 */
export type ProviderVolumeStatus =
  | 'AVAILABLE'
  | 'IN_USE'
  | 'CREATING'
  | 'BUSY'
  | 'DELETING'
  | 'ERROR'
  | 'UNKNOWN';

/**
 * Status of a snapshot, the same on every provider.
 * - `AVAILABLE`: `available`
 * - `CREATING`: `creating`
 * - `BUSY`: `backing-up`, `restoring`, `unmanaging`
 * - `DELETING`: `deleting`
 * - `ERROR`: `error`, `error_deleting`
 * - `UNKNOWN`: anything else
 * @example await blockStorage.waitForSnapshot(snapshot.id); // AVAILABLE
 */
export type ProviderSnapshotStatus = 'AVAILABLE' | 'CREATING' | 'BUSY' | 'DELETING' | 'ERROR' | 'UNKNOWN';

const VOLUME_STATUS: Record<string, ProviderVolumeStatus> = {
  available: 'AVAILABLE',
  'in-use': 'IN_USE',
  creating: 'CREATING',
  downloading: 'CREATING',
  attaching: 'BUSY',
  detaching: 'BUSY',
  extending: 'BUSY',
  retyping: 'BUSY',
  'backing-up': 'BUSY',
  'restoring-backup': 'BUSY',
  uploading: 'BUSY',
  reserved: 'BUSY',
  maintenance: 'BUSY',
  'awaiting-transfer': 'BUSY',
  deleting: 'DELETING',
};

const SNAPSHOT_STATUS: Record<string, ProviderSnapshotStatus> = {
  available: 'AVAILABLE',
  creating: 'CREATING',
  'backing-up': 'BUSY',
  restoring: 'BUSY',
  unmanaging: 'BUSY',
  deleting: 'DELETING',
};

const isError = (s: string) => s === 'error' || s.startsWith('error_');

/** Maps a cloud's volume status to {@link ProviderVolumeStatus}. @internal */
export const normalizeVolumeStatus = (status: string): ProviderVolumeStatus => {
  const s = status.toLowerCase();
  return isError(s) ? 'ERROR' : (VOLUME_STATUS[s] ?? 'UNKNOWN');
};

/** Maps a cloud's snapshot status to {@link ProviderSnapshotStatus}. @internal */
export const normalizeSnapshotStatus = (status: string): ProviderSnapshotStatus => {
  const s = status.toLowerCase();
  return isError(s) ? 'ERROR' : (SNAPSHOT_STATUS[s] ?? 'UNKNOWN');
};

/** The cloud's volume statuses that mean `status`, from the one mapping above. @internal */
export const volumeStatusesOf = (status: ProviderVolumeStatus): string[] =>
  Object.keys(VOLUME_STATUS).filter((s) => VOLUME_STATUS[s] === status);

/** A block storage volume (OpenStack Cinder, Rackspace Cloud Block Storage). */
export interface ProviderVolume {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  /** Volume name (`display_name` on Rackspace's v1 API). */
  name: string | undefined;
  description: string | undefined;
  /** The status, the same words on every provider. */
  status: ProviderVolumeStatus;
  /** The status as the cloud reported it, e.g. `in-use`. */
  providerStatus: string;
  /** Size in GiB (Rackspace: GB). */
  size: number;
  /** Volume type name (Rackspace: `SATA` or `SSD`). */
  volumeType: string | undefined;
  bootable: boolean;
  /** The snapshot it was created from. */
  snapshotId: string | undefined;
  /** Servers it is attached to, and as which device. */
  attachments: { serverId: string | undefined; device: string | undefined }[];
  metadata: Record<string, string>;
  created: Date | undefined;
}

/** A snapshot of a volume. */
export interface ProviderSnapshot {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  name: string | undefined;
  description: string | undefined;
  status: ProviderSnapshotStatus;
  /** The status as the cloud reported it. */
  providerStatus: string;
  /** Size in GiB. */
  size: number;
  /** The volume it is a snapshot of. */
  volumeId: string;
  created: Date | undefined;
}

/** A volume type: the backend and options a volume is created with. */
export interface ProviderVolumeType {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** A UUID on Cinder; Rackspace's types have numeric ids, given as strings. */
  id: string;
  /** E.g. `__DEFAULT__`, `lvmdriver-1`; Rackspace `SATA`, `SSD`. */
  name: string;
}

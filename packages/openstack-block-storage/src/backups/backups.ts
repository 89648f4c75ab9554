import {
  type MicroversionRequestOptions,
  type PagedIterable,
  type StatusWaiterOptions,
  ValidationError,
  type WaiterOptions,
} from '@cloud/core';
import {
  boolean,
  type MicroversionGate,
  number,
  object,
  omitUndefined,
  optional,
  pollForStatus,
  pollUntilGone,
  recordOf,
  requireString,
  string,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import {
  type BlockStorageLink,
  dateOf,
  LINKS,
  type LinkWire,
  parseLinks,
  seg,
  send,
} from '../internal/common.js';
import { listResource } from '../internal/list.js';

/** Backup statuses Cinder documents. */
export type BackupStatus =
  | 'creating'
  | 'available'
  | 'deleting'
  | 'error'
  | 'restoring'
  | 'error_restoring'
  | 'error_deleting';

/**
 * A backup of a volume (in the backup store: Swift, Ceph, NFS…).
 * @example const b = await getBackup(volumes, id); console.log(b.status, b.isIncremental);
 */
export interface Backup {
  id: string;
  name?: string | undefined;
  description?: string | undefined;
  status: BackupStatus | (string & {});
  /** Size in GiB of the volume backed up. */
  size?: number | undefined;
  volumeId?: string | undefined;
  snapshotId?: string | undefined;
  container?: string | undefined;
  availabilityZone?: string | undefined;
  isIncremental?: boolean | undefined;
  hasDependentBackups?: boolean | undefined;
  objectCount?: number | undefined;
  /** Why the backup failed, when it did. */
  failReason?: string | undefined;
  /** When the data was taken (the snapshot's time for a backup of a snapshot). */
  dataTimestamp?: Date | undefined;
  metadata: Record<string, string>;
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  links: BlockStorageLink[];
  raw: Record<string, unknown>;
}

interface BackupWire {
  id: string;
  name?: string | null;
  description?: string | null;
  status?: string;
  size?: number | null;
  volume_id?: string | null;
  snapshot_id?: string | null;
  container?: string | null;
  availability_zone?: string | null;
  is_incremental?: boolean;
  has_dependent_backups?: boolean;
  object_count?: number | null;
  fail_reason?: string | null;
  data_timestamp?: string | null;
  metadata?: Record<string, string> | null;
  created_at?: string | null;
  updated_at?: string | null;
  links?: LinkWire[];
}

const BACKUP = object<BackupWire>({
  id: string,
  name: optional(string),
  status: string,
  size: optional(number),
  volume_id: optional(string),
  is_incremental: optional(boolean),
  metadata: optional(recordOf(string)),
  links: LINKS,
});
/** `POST /backups` and import answer only id, name and links. */
const BACKUP_REF = object<BackupWire>({ id: string, name: optional(string), links: LINKS });

const parseBackup = (w: BackupWire): Backup => ({
  id: w.id,
  name: w.name ?? undefined,
  description: w.description ?? undefined,
  status: w.status ?? 'creating',
  size: w.size ?? undefined,
  volumeId: w.volume_id ?? undefined,
  snapshotId: w.snapshot_id ?? undefined,
  container: w.container ?? undefined,
  availabilityZone: w.availability_zone ?? undefined,
  isIncremental: w.is_incremental,
  hasDependentBackups: w.has_dependent_backups,
  objectCount: w.object_count ?? undefined,
  failReason: w.fail_reason ?? undefined,
  dataTimestamp: dateOf(w.data_timestamp),
  metadata: { ...(w.metadata ?? {}) },
  createdAt: dateOf(w.created_at),
  updatedAt: dateOf(w.updated_at),
  links: parseLinks(w.links),
  raw: w as unknown as Record<string, unknown>,
});

/**
 * The id, name and links the service answers when a backup is created or imported.
 * @example const { id } = await createBackup(volumes, { volumeId });
 */
export interface BackupRef {
  id: string;
  name?: string | undefined;
  links: BlockStorageLink[];
}

const parseRef = (w: BackupWire): BackupRef => ({
  id: w.id,
  name: w.name ?? undefined,
  links: parseLinks(w.links),
});

/**
 * What {@link createBackup} backs up.
 * @example createBackup(volumes, { volumeId, incremental: true, force: true });
 */
export interface CreateBackupParams {
  volumeId: string;
  name?: string | undefined;
  description?: string | undefined;
  /** Store in this container of the backup store. */
  container?: string | undefined;
  /** Only the changes since the last full backup. */
  incremental?: boolean | undefined;
  /** Back up an attached volume too. */
  force?: boolean | undefined;
  /** Back up this snapshot of the volume rather than the volume. */
  snapshotId?: string | undefined;
  /** 3.43+. */
  metadata?: Record<string, string> | undefined;
  /** 3.51+. */
  availabilityZone?: string | undefined;
}

const CREATE_GATES: MicroversionGate[] = [
  { field: 'metadata', since: '3.43' },
  { field: 'availabilityZone', since: '3.51' },
];

/**
 * Starts a backup of a volume (or of one of its snapshots). Answers with the id only; wait with
 * {@link waitForBackupStatus}.
 * @example
 * ```ts
 * const { id } = await createBackup(volumes, { volumeId, name: 'nightly' });
 * await waitForBackupStatus(volumes, id, 'available');
 * ```
 */
export async function createBackup(
  client: BlockStorageClient,
  params: CreateBackupParams,
  options?: MicroversionRequestOptions,
): Promise<BackupRef> {
  requireString(params?.volumeId, 'volumeId');
  if (params.snapshotId !== undefined) requireString(params.snapshotId, 'snapshotId');
  const res = await send(client, 'POST', 'backups', {
    gates: CREATE_GATES,
    params,
    options,
    json: {
      backup: omitUndefined({
        volume_id: params.volumeId,
        name: params.name,
        description: params.description,
        container: params.container,
        incremental: params.incremental,
        force: params.force,
        snapshot_id: params.snapshotId,
        metadata: params.metadata,
        availability_zone: params.availabilityZone,
      }),
    },
  });
  return parseRef(unwrap(res, 'backup', BACKUP_REF));
}

/**
 * Filters of {@link listBackups}.
 * @example listBackups(volumes, { volumeId });
 */
export interface ListBackupsParams {
  name?: string | undefined;
  status?: BackupStatus | (string & {}) | undefined;
  volumeId?: string | undefined;
  allProjects?: boolean | undefined;
  sort?: string | undefined;
  limit?: number | undefined;
  marker?: string | undefined;
}

/**
 * Lists backups with their details (`/backups/detail`), page by page.
 * @example for await (const b of listBackups(volumes)) console.log(b.id, b.status);
 */
export function listBackups(
  client: BlockStorageClient,
  params: ListBackupsParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Backup> {
  return listResource(client, {
    path: 'backups/detail',
    key: 'backups',
    shape: BACKUP,
    map: parseBackup,
    query: {
      name: params.name,
      status: params.status,
      volume_id: params.volumeId,
      all_tenants: params.allProjects ? '1' : undefined,
      sort: params.sort,
    },
    limit: params.limit,
    marker: params.marker,
    options,
  });
}

/**
 * Gets a backup.
 * @example const b = await getBackup(volumes, id);
 */
export async function getBackup(
  client: BlockStorageClient,
  backupId: string,
  options?: MicroversionRequestOptions,
): Promise<Backup> {
  requireString(backupId, 'backupId');
  const res = await send(client, 'GET', `backups/${seg(backupId)}`, {
    options,
    resource: `backup "${backupId}"`,
  });
  return parseBackup(unwrap(res, 'backup', BACKUP));
}

/**
 * Deletes a backup (incremental backups that depend on it must go first).
 * @example await deleteBackup(volumes, id);
 */
export async function deleteBackup(
  client: BlockStorageClient,
  backupId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(backupId, 'backupId');
  await send(client, 'DELETE', `backups/${seg(backupId)}`, { options, resource: `backup "${backupId}"` });
}

/**
 * Where {@link restoreBackup} restores to: an existing volume (`volumeId`, which must be
 * `available` and at least as large), or a new volume (optionally `name`d).
 * @example restoreBackup(volumes, backupId, { name: 'restored' });
 */
export interface RestoreBackupParams {
  volumeId?: string | undefined;
  /** Name of the new volume (not with `volumeId`). */
  name?: string | undefined;
}

/** Where a restore goes. */
export interface BackupRestore {
  backupId: string;
  volumeId: string;
  volumeName?: string | undefined;
}

/**
 * Restores a backup into a new or an existing volume; the volume is `restoring-backup` until done.
 * @example
 * ```ts
 * const { volumeId } = await restoreBackup(volumes, backupId, { name: 'restored' });
 * await waitForVolumeStatus(volumes, volumeId, 'available');
 * ```
 */
export async function restoreBackup(
  client: BlockStorageClient,
  backupId: string,
  params: RestoreBackupParams = {},
  options?: MicroversionRequestOptions,
): Promise<BackupRestore> {
  requireString(backupId, 'backupId');
  if (params.volumeId !== undefined) requireString(params.volumeId, 'volumeId');
  if (params.volumeId !== undefined && params.name !== undefined) {
    throw new ValidationError('name names a new volume: give volumeId or name, not both', 'name');
  }
  const res = await send(client, 'POST', `backups/${seg(backupId)}/restore`, {
    options,
    json: { restore: omitUndefined({ volume_id: params.volumeId, name: params.name }) },
    resource: `backup "${backupId}"`,
  });
  const w = unwrap(
    res,
    'restore',
    object<{ backup_id: string; volume_id: string; volume_name?: string }>({
      backup_id: string,
      volume_id: string,
      volume_name: optional(string),
    }),
  );
  return { backupId: w.backup_id, volumeId: w.volume_id, volumeName: w.volume_name };
}

/**
 * A backup's record, which lets another cloud with the same backup store import it.
 * @example const record = await exportBackupRecord(volumes, id);
 */
export interface BackupRecord {
  backupService: string;
  backupUrl: string;
}

const RECORD = object<{ backup_service: string; backup_url: string }>({
  backup_service: string,
  backup_url: string,
});

/**
 * Exports a backup's record (admin by default policy).
 * @example const record = await exportBackupRecord(volumes, id);
 */
export async function exportBackupRecord(
  client: BlockStorageClient,
  backupId: string,
  options?: MicroversionRequestOptions,
): Promise<BackupRecord> {
  requireString(backupId, 'backupId');
  const res = await send(client, 'GET', `backups/${seg(backupId)}/export_record`, {
    options,
    resource: `backup "${backupId}"`,
  });
  const w = unwrap(res, 'backup-record', RECORD);
  return { backupService: w.backup_service, backupUrl: w.backup_url };
}

/**
 * Imports a backup record exported elsewhere (admin by default policy).
 * @example const { id } = await importBackupRecord(volumes, record);
 */
export async function importBackupRecord(
  client: BlockStorageClient,
  record: BackupRecord,
  options?: MicroversionRequestOptions,
): Promise<BackupRef> {
  requireString(record?.backupService, 'backupService');
  requireString(record.backupUrl, 'backupUrl');
  const res = await send(client, 'POST', 'backups/import_record', {
    options,
    json: { 'backup-record': { backup_service: record.backupService, backup_url: record.backupUrl } },
  });
  return parseRef(unwrap(res, 'backup', BACKUP_REF));
}

/** Statuses that fail {@link waitForBackupStatus} unless `failOn` says otherwise. */
export const BACKUP_FAILURE_STATUSES: readonly BackupStatus[] = [
  'error',
  'error_restoring',
  'error_deleting',
];

/**
 * Waits until a backup reaches one of `status`; fails at once on `error`, `error_restoring` and
 * `error_deleting`, with the backup's `failReason` in the message.
 * @example await waitForBackupStatus(volumes, id, 'available', { timeoutMs: 900_000 });
 */
export function waitForBackupStatus(
  client: BlockStorageClient,
  backupId: string,
  status: BackupStatus | (string & {}) | readonly (BackupStatus | (string & {}))[],
  options: StatusWaiterOptions<BackupStatus | (string & {}), Backup> = {},
): Promise<Backup> {
  requireString(backupId, 'backupId');
  return pollForStatus<Backup, string>({
    ...options,
    status,
    defaultFailOn: BACKUP_FAILURE_STATUSES,
    resource: `backup "${backupId}"`,
    fetch: (signal) => getBackup(client, backupId, { ...options.request, signal }),
    statusOf: (b) => b.status,
    failureDetail: (b) => b.failReason,
  });
}

/**
 * Waits until a deleted backup is gone (404).
 * @example await waitForBackupDeleted(volumes, id);
 */
export function waitForBackupDeleted(
  client: BlockStorageClient,
  backupId: string,
  options: WaiterOptions<Backup> = {},
): Promise<void> {
  requireString(backupId, 'backupId');
  return pollUntilGone<Backup>({
    ...options,
    description: `backup "${backupId}" to be deleted`,
    fetch: (signal) => getBackup(client, backupId, { signal }),
    failure: (b) => (b.status === 'error_deleting' ? `backup "${backupId}" is error_deleting` : undefined),
  });
}

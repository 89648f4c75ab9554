import { number, object, optional, string } from '@cloud/core/service';
import { parseTroveDate } from '../internal/common.js';

/**
 * Backup statuses named by the documentation; `COMPLETED` is the usable one.
 * @example if ((await getDatabaseBackup(db, id)).status === 'COMPLETED') console.log('ready to restore');
 */
export type DatabaseBackupStatus = (typeof DATABASE_BACKUP_STATUSES)[number] | (string & {});

/**
 * Backup statuses named by the documentation, the one list {@link DatabaseBackupStatus} derives from.
 * @example const done = DATABASE_BACKUP_STATUSES.filter((s) => s === 'COMPLETED' || s === 'FAILED');
 */
export const DATABASE_BACKUP_STATUSES = [
  'NEW',
  'BUILDING',
  'SAVING',
  'COMPLETED',
  'FAILED',
  'DELETE_FAILED',
] as const;

/**
 * A backup of a database instance, stored by the service (Cloud Files/Swift on Rackspace).
 * @example const { status, size } = await getDatabaseBackup(db, backupId);
 */
export interface DatabaseBackup {
  id: string;
  name: string;
  description?: string | undefined;
  /** The instance it was taken from (which may be gone since). */
  instanceId?: string | undefined;
  status: DatabaseBackupStatus;
  /** Size in GB, once known. */
  size?: number | undefined;
  /** Where the service stored it. */
  locationRef?: string | undefined;
  /** The full backup an incremental backup builds on. */
  parentId?: string | undefined;
  datastore?: { type: string; version: string; versionId?: string | undefined } | undefined;
  /** How it was taken (Rackspace), e.g. `InnoBackupEx`. */
  type?: string | undefined;
  /** What it was taken from (Rackspace): an instance, or an HA group (`type: 'ha'`). */
  source?: { id: string; type: string } | undefined;
  /** Where Trove keeps it: `swift` or `cinder`. */
  storageDriver?: string | undefined;
  created?: Date | undefined;
  updated?: Date | undefined;
  /** Fields this SDK does not know yet, as the service sent them. */
  extra?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Parameters of `createDatabaseBackup`.
 * @example await createDatabaseBackup(db, { instanceId, name: 'nightly', description: 'before the upgrade' });
 */
export interface CreateDatabaseBackupParams {
  /** The instance to back up. */
  instanceId: string;
  name: string;
  description?: string | undefined;
  /** Incremental backup on top of the instance's latest backup (Trove). */
  incremental?: boolean | undefined;
  /** Incremental backup on top of this backup. */
  parentId?: string | undefined;
}

/**
 * Parameters of `listDatabaseBackups`.
 * @example for await (const b of listDatabaseBackups(db, { datastore: 'mysql', limit: 50 })) console.log(b.name);
 */
export interface ListDatabaseBackupsParams {
  limit?: number | undefined;
  marker?: string | undefined;
  /** Only backups of this datastore type (e.g. `mysql`). */
  datastore?: string | undefined;
}

/** @internal wire shape */
export interface DatabaseBackupWire {
  id: string;
  name: string;
  description?: string | null;
  instance_id?: string | null;
  status: string;
  size?: number | null;
  locationRef?: string | null;
  parent_id?: string | null;
  datastore?: { type: string; version: string; version_id?: string };
  type?: string | null;
  source?: { id: string; type: string } | null;
  storage_driver?: string | null;
  created?: string;
  updated?: string;
}

const KNOWN_FIELDS = new Set([
  'id',
  'name',
  'description',
  'instance_id',
  'status',
  'size',
  'locationRef',
  'parent_id',
  'datastore',
  'type',
  'source',
  'storage_driver',
  'created',
  'updated',
]);

/** @internal */
export const parseDatabaseBackup = (w: DatabaseBackupWire): DatabaseBackup => {
  const extra = Object.fromEntries(Object.entries(w).filter(([k]) => !KNOWN_FIELDS.has(k)));
  return {
    id: w.id,
    name: w.name,
    ...(w.description ? { description: w.description } : {}),
    ...(w.instance_id ? { instanceId: w.instance_id } : {}),
    status: w.status,
    ...(typeof w.size === 'number' ? { size: w.size } : {}),
    ...(w.locationRef ? { locationRef: w.locationRef } : {}),
    ...(w.parent_id ? { parentId: w.parent_id } : {}),
    ...(w.datastore
      ? {
          datastore: {
            type: w.datastore.type,
            version: w.datastore.version,
            ...(w.datastore.version_id ? { versionId: w.datastore.version_id } : {}),
          },
        }
      : {}),
    ...(w.type ? { type: w.type } : {}),
    ...(w.source ? { source: { id: w.source.id, type: w.source.type } } : {}),
    ...(w.storage_driver ? { storageDriver: w.storage_driver } : {}),
    ...(w.created ? { created: parseTroveDate(w.created) } : {}),
    ...(w.updated ? { updated: parseTroveDate(w.updated) } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
};

/** @internal */
export const DATABASE_BACKUP = object<DatabaseBackupWire>({
  id: string,
  name: string,
  description: optional(string),
  instance_id: optional(string),
  status: string,
  size: optional(number),
  locationRef: optional(string),
  parent_id: optional(string),
  datastore: optional(
    object<NonNullable<DatabaseBackupWire['datastore']>>({
      type: string,
      version: string,
      version_id: optional(string),
    }),
  ),
  type: optional(string),
  source: optional(object<{ id: string; type: string }>({ id: string, type: string })),
  storage_driver: optional(string),
  created: optional(string),
  updated: optional(string),
});

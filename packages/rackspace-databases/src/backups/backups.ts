import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, paginateByLinks, requireNonBlank, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { optionalString, requireId } from '../internal/common.js';
import type { DatabaseListParams } from '../types.js';
import {
  type CreateDatabaseBackupParams,
  DATABASE_BACKUP,
  type DatabaseBackup,
  type DatabaseBackupWire,
  type ListDatabaseBackupsParams,
  parseDatabaseBackup,
} from './types.js';
import { backupPath, backupsPath, instanceBackupsPath } from './urls.js';

/**
 * Starts a backup of an instance. It returns at once with the backup in `NEW`; the instance shows
 * `BACKUP` meanwhile, and the backup reaches `COMPLETED` (or `FAILED`).
 * @example
 * ```ts
 * const backup = await createDatabaseBackup(db, { instanceId, name: 'nightly', description: 'before upgrade' });
 * ```
 */
export async function createDatabaseBackup(
  client: DatabaseClient,
  params: CreateDatabaseBackupParams,
  options?: RequestOptions,
): Promise<DatabaseBackup> {
  if (!params || typeof params !== 'object') throw new ValidationError('params must be an object', 'params');
  const instance = requireId(params.instanceId, 'instanceId');
  const name = requireNonBlank(params.name, 'name');
  const backup = omitUndefined({
    name,
    instance,
    description: optionalString(params.description, 'description'),
    parent_id: params.parentId === undefined ? undefined : requireId(params.parentId, 'parentId'),
    incremental: params.incremental ? 1 : undefined,
  });
  const res = await client.request('POST', backupsPath(), {
    ...options,
    json: { backup },
  });
  return parseDatabaseBackup(unwrap(res, 'backup', DATABASE_BACKUP));
}

/**
 * Lists the backups of the account, lazily, following the service's `next` links.
 * @example
 * ```ts
 * for await (const b of listDatabaseBackups(db)) console.log(b.name, b.status, b.created);
 * ```
 */
export function listDatabaseBackups(
  client: DatabaseClient,
  params: ListDatabaseBackupsParams = {},
  options?: RequestOptions,
): PagedIterable<DatabaseBackup> {
  return paginateByLinks<DatabaseBackupWire, DatabaseBackup>({
    client,
    path: backupsPath(),
    key: 'backups',
    limit: params.limit,
    marker: params.marker,
    query: { datastore: params.datastore },
    map: parseDatabaseBackup,
    shape: DATABASE_BACKUP,
    options,
  });
}

/**
 * Lists the backups of one instance, lazily.
 * @example
 * ```ts
 * for await (const b of listDatabaseInstanceBackups(db, instanceId)) console.log(b.id, b.status);
 * ```
 */
export function listDatabaseInstanceBackups(
  client: DatabaseClient,
  instanceId: string,
  params: DatabaseListParams = {},
  options?: RequestOptions,
): PagedIterable<DatabaseBackup> {
  requireId(instanceId, 'instanceId');
  return paginateByLinks<DatabaseBackupWire, DatabaseBackup>({
    client,
    path: instanceBackupsPath(instanceId),
    key: 'backups',
    limit: params.limit,
    marker: params.marker,
    map: parseDatabaseBackup,
    shape: DATABASE_BACKUP,
    resource: `database instance "${instanceId}"`,
    options,
  });
}

/**
 * Gets one backup.
 * @throws NotFoundError naming the backup.
 * @example
 * ```ts
 * const { status } = await getDatabaseBackup(db, backupId);
 * ```
 */
export async function getDatabaseBackup(
  client: DatabaseClient,
  backupId: string,
  options?: RequestOptions,
): Promise<DatabaseBackup> {
  requireId(backupId, 'backupId');
  const res = await client.request('GET', backupPath(backupId), {
    ...options,
    resource: `database backup "${backupId}"`,
  });
  return parseDatabaseBackup(unwrap(res, 'backup', DATABASE_BACKUP));
}

/**
 * Deletes a backup.
 * @example
 * ```ts
 * await deleteDatabaseBackup(db, backupId);
 * ```
 */
export async function deleteDatabaseBackup(
  client: DatabaseClient,
  backupId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(backupId, 'backupId');
  await client.request('DELETE', backupPath(backupId), {
    ...options,
    resource: `database backup "${backupId}"`,
  });
}

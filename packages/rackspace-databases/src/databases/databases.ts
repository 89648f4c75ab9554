import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { paginateByLinks } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { requireDatabaseName } from '../internal/validation.js';
import type { DatabaseListParams } from '../types.js';
import {
  type CreateDatabaseParams,
  DATABASE,
  type Database,
  type DatabaseWire,
  parseDatabase,
  toDatabaseWires,
} from './types.js';
import { databasePath, databasesPath } from './urls.js';

/**
 * Creates one or more databases on an instance in one request. The service answers 202 and creates
 * them right away (no waiting is needed). Names are checked before anything is sent.
 * @throws ValidationError for a bad, reserved or repeated name, or an empty list.
 * @example
 * ```ts
 * await createDatabases(db, instanceId, [{ name: 'orders', characterSet: 'utf8mb4', collate: 'utf8mb4_general_ci' }, { name: 'audit' }]);
 * ```
 */
export async function createDatabases(
  client: DatabaseClient,
  instanceId: string,
  databases: readonly CreateDatabaseParams[],
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  if (!Array.isArray(databases) || databases.length === 0) {
    throw new ValidationError('databases must be a non-empty array', 'databases');
  }
  const wires = toDatabaseWires(databases, 'databases');
  await client.request('POST', databasesPath(instanceId), {
    ...options,
    json: { databases: wires },
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Creates one database on an instance.
 * @throws ValidationError for a bad or reserved name.
 * @example
 * ```ts
 * await createDatabase(db, instanceId, { name: 'orders', characterSet: 'utf8mb4' });
 * ```
 */
export function createDatabase(
  client: DatabaseClient,
  instanceId: string,
  params: CreateDatabaseParams,
  options?: RequestOptions,
): Promise<void> {
  return createDatabases(client, instanceId, [params], options);
}

/**
 * Lists the databases of an instance, lazily, following the service's `next` links. System
 * databases are not listed.
 * @example
 * ```ts
 * for await (const d of listDatabases(db, instanceId)) console.log(d.name);
 * ```
 */
export function listDatabases(
  client: DatabaseClient,
  instanceId: string,
  params: DatabaseListParams = {},
  options?: RequestOptions,
): PagedIterable<Database> {
  requireId(instanceId, 'instanceId');
  return paginateByLinks<DatabaseWire, Database>({
    client,
    path: databasesPath(instanceId),
    key: 'databases',
    limit: params.limit,
    marker: params.marker,
    map: parseDatabase,
    shape: DATABASE,
    resource: `database instance "${instanceId}"`,
    options,
  });
}

/**
 * Deletes a database and all its data.
 * @throws ValidationError for an invalid or reserved name; NotFoundError when the instance or the
 *   database does not exist.
 * @example
 * ```ts
 * await deleteDatabase(db, instanceId, 'audit');
 * ```
 */
export async function deleteDatabase(
  client: DatabaseClient,
  instanceId: string,
  name: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  requireDatabaseName(name, 'name');
  await client.request('DELETE', databasePath(instanceId, name), {
    ...options,
    resource: `database "${name}" on instance "${instanceId}"`,
  });
}

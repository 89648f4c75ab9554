import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, object, singlePage, string, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { requireDatabaseName } from '../internal/validation.js';
import { type DatabaseUserRef, resolveUserRef, userLabel } from './types.js';
import { userDatabasePath, userDatabasesPath } from './urls.js';

/**
 * Grants a user access (all privileges) to one or more databases of the instance.
 * @throws ValidationError for an empty list or a bad database name; NotFoundError naming the user.
 * @example
 * ```ts
 * await grantDatabaseAccess(db, instanceId, 'app', ['orders', 'audit']);
 * ```
 */
export async function grantDatabaseAccess(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  databases: readonly string[],
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const u = resolveUserRef(user, client.maxUserNameLength);
  if (!Array.isArray(databases) || databases.length === 0) {
    throw new ValidationError('databases must be a non-empty array of database names', 'databases');
  }
  const names = databases.map((d, i) => ({ name: requireDatabaseName(d, `databases[${i}]`) }));
  await client.request('PUT', userDatabasesPath(instanceId, u.name, u.host), {
    ...options,
    json: { databases: names },
    resource: `database user "${userLabel(u)}" on instance "${instanceId}"`,
  });
}

/**
 * Revokes a user's access to one database.
 * @example
 * ```ts
 * await revokeDatabaseAccess(db, instanceId, 'app', 'audit');
 * ```
 */
export async function revokeDatabaseAccess(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  database: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const u = resolveUserRef(user, client.maxUserNameLength);
  requireDatabaseName(database, 'database');
  await client.request('DELETE', userDatabasePath(instanceId, u.name, u.host, database), {
    ...options,
    resource: `access of database user "${userLabel(u)}" to "${database}" on instance "${instanceId}"`,
  });
}

/**
 * Lists the names of the databases a user can access (one request; the service does not page it).
 * @example
 * ```ts
 * const names = await toArray(listDatabaseAccess(db, instanceId, 'app'));
 * ```
 */
export function listDatabaseAccess(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  options?: RequestOptions,
): PagedIterable<string> {
  requireId(instanceId, 'instanceId');
  const u = resolveUserRef(user, client.maxUserNameLength);
  return singlePage(async () => {
    const res = await client.request('GET', userDatabasesPath(instanceId, u.name, u.host), {
      ...options,
      resource: `database user "${userLabel(u)}" on instance "${instanceId}"`,
    });
    return unwrap(res, 'databases', arrayOf(object<{ name: string }>({ name: string }))).map((d) => d.name);
  });
}

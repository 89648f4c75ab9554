import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, paginateByLinks, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { requireHost, requirePassword, requireUserName } from '../internal/validation.js';
import type { DatabaseListParams } from '../types.js';
import {
  type CreateDatabaseUserParams,
  DATABASE_USER,
  type DatabaseUser,
  type DatabaseUserPasswordChange,
  type DatabaseUserRef,
  type DatabaseUserWire,
  parseDatabaseUser,
  rejectReservedUser,
  resolveUserRef,
  toCreateUserWires,
  userLabel,
} from './types.js';
import { userPath, usersPath } from './urls.js';

/**
 * Creates one or more users on an instance in one request, each with access to the databases
 * listed. Passwords are sent in the body only and never appear in errors or logs.
 * @throws ValidationError for a bad name, password or host, a reserved name, or an empty list.
 * @example
 * ```ts
 * await createDatabaseUsers(db, instanceId, [{ name: 'app', password, databases: ['orders'] }]);
 * ```
 */
export async function createDatabaseUsers(
  client: DatabaseClient,
  instanceId: string,
  users: readonly CreateDatabaseUserParams[],
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  if (!Array.isArray(users) || users.length === 0) {
    throw new ValidationError('users must be a non-empty array', 'users');
  }
  const wires = toCreateUserWires(users, client.maxUserNameLength, 'users');
  await client.request('POST', usersPath(instanceId), {
    ...options,
    json: { users: wires },
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Creates one user on an instance.
 * @example
 * ```ts
 * await createDatabaseUser(db, instanceId, { name: 'app', password, host: '10.0.0.%', databases: ['orders'] });
 * ```
 */
export function createDatabaseUser(
  client: DatabaseClient,
  instanceId: string,
  user: CreateDatabaseUserParams,
  options?: RequestOptions,
): Promise<void> {
  return createDatabaseUsers(client, instanceId, [user], options);
}

/**
 * Lists the users of an instance with the databases each can access, lazily, following the
 * service's `next` links. System users are not listed; `root` is, once enabled.
 * @example
 * ```ts
 * for await (const u of listDatabaseUsers(db, instanceId)) console.log(`${u.name}@${u.host}`, u.databases);
 * ```
 */
export function listDatabaseUsers(
  client: DatabaseClient,
  instanceId: string,
  params: DatabaseListParams = {},
  options?: RequestOptions,
): PagedIterable<DatabaseUser> {
  requireId(instanceId, 'instanceId');
  return paginateByLinks<DatabaseUserWire, DatabaseUser>({
    client,
    path: usersPath(instanceId),
    key: 'users',
    limit: params.limit,
    marker: params.marker,
    map: parseDatabaseUser,
    shape: DATABASE_USER,
    resource: `database instance "${instanceId}"`,
    options,
  });
}

/**
 * Gets one user and the databases it can access.
 * @throws NotFoundError naming the user when it does not exist.
 * @example
 * ```ts
 * const user = await getDatabaseUser(db, instanceId, { name: 'app', host: '10.0.0.%' });
 * ```
 */
export async function getDatabaseUser(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  options?: RequestOptions,
): Promise<DatabaseUser> {
  requireId(instanceId, 'instanceId');
  const u = resolveUserRef(user, client.maxUserNameLength);
  const res = await client.request('GET', userPath(instanceId, u.name, u.host), {
    ...options,
    resource: `database user "${userLabel(u)}" on instance "${instanceId}"`,
  });
  return parseDatabaseUser(unwrap(res, 'user', DATABASE_USER));
}

/**
 * Deletes a user.
 * @throws NotFoundError naming the user when it does not exist.
 * @example
 * ```ts
 * await deleteDatabaseUser(db, instanceId, 'app');
 * ```
 */
export async function deleteDatabaseUser(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const u = resolveUserRef(user, client.maxUserNameLength);
  rejectReservedUser(u.name, 'user');
  await client.request('DELETE', userPath(instanceId, u.name, u.host), {
    ...options,
    resource: `database user "${userLabel(u)}" on instance "${instanceId}"`,
  });
}

/**
 * Changes the passwords of several users in one request (`PUT .../users`).
 * @example
 * ```ts
 * await changeDatabaseUserPasswords(db, instanceId, [{ name: 'app', password: next }]);
 * ```
 */
export async function changeDatabaseUserPasswords(
  client: DatabaseClient,
  instanceId: string,
  changes: readonly DatabaseUserPasswordChange[],
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  if (!Array.isArray(changes) || changes.length === 0) {
    throw new ValidationError('changes must be a non-empty array', 'changes');
  }
  const users = changes.map((c, i) =>
    omitUndefined({
      name: requireUserName(c?.name, `changes[${i}].name`, client.maxUserNameLength),
      password: requirePassword(c.password, `changes[${i}].password`),
      host: c.host === undefined ? undefined : requireHost(c.host, `changes[${i}].host`),
    }),
  );
  await client.request('PUT', usersPath(instanceId), {
    ...options,
    json: { users },
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Changes one user's password.
 * @example
 * ```ts
 * await changeDatabaseUserPassword(db, instanceId, 'app', next);
 * ```
 */
export function changeDatabaseUserPassword(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  password: string,
  options?: RequestOptions,
): Promise<void> {
  const u = resolveUserRef(user, client.maxUserNameLength);
  return changeDatabaseUserPasswords(client, instanceId, [{ ...u, password }], options);
}

/**
 * New attributes of a user for {@link updateDatabaseUser}: any of name, password and host.
 * @example await updateDatabaseUser(db, instanceId, 'app', { host: '10.0.0.%' });
 */
export interface UpdateDatabaseUserParams {
  /** New user name. */
  name?: string | undefined;
  /** New password; sent in the body only, never in errors or logs. */
  password?: string | undefined;
  /** New host pattern (`%` for anywhere). */
  host?: string | undefined;
}

/**
 * Changes a user's name, password or host (`PUT .../users/{name@host}`).
 * @throws ValidationError before any request for an empty change, a reserved or bad name, a bad
 *   password or host; NotFoundError naming the user.
 * @example
 * ```ts
 * await updateDatabaseUser(db, instanceId, { name: 'app', host: '%' }, { name: 'app_rw', host: '10.0.0.%' });
 * ```
 */
export async function updateDatabaseUser(
  client: DatabaseClient,
  instanceId: string,
  user: DatabaseUserRef,
  changes: UpdateDatabaseUserParams,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const u = resolveUserRef(user, client.maxUserNameLength);
  rejectReservedUser(u.name, 'user');
  if (!changes || typeof changes !== 'object')
    throw new ValidationError('changes must be an object', 'changes');
  const wire = omitUndefined({
    name:
      changes.name === undefined
        ? undefined
        : requireUserName(changes.name, 'changes.name', client.maxUserNameLength),
    password:
      changes.password === undefined ? undefined : requirePassword(changes.password, 'changes.password'),
    host: changes.host === undefined ? undefined : requireHost(changes.host, 'changes.host'),
  });
  if (Object.keys(wire).length === 0) {
    throw new ValidationError('changes must set name, password or host', 'changes');
  }
  if (wire.name !== undefined) rejectReservedUser(wire.name, 'changes.name');
  await client.request('PUT', userPath(instanceId, u.name, u.host), {
    ...options,
    json: { user: wire },
    resource: `database user "${userLabel(u)}" on instance "${instanceId}"`,
  });
}

import { ValidationError } from '@cloud/core';
import { arrayOf, object, omitUndefined, optional, string } from '@cloud/core/service';
import {
  requireDatabaseName,
  requireHost,
  requirePassword,
  requireUserName,
} from '../internal/validation.js';
import { RESERVED_DATABASE_USER_NAMES } from '../validation.js';

/**
 * A database user of an instance (a MySQL account `name@host`).
 * @example for await (const u of listDatabaseUsers(db, instanceId)) console.log(`${u.name}@${u.host}`, u.databases);
 */
export interface DatabaseUser {
  name: string;
  /** The host pattern the user may connect from; `%` means anywhere. */
  host: string;
  /** Names of the databases the user has access to. */
  databases: string[];
}

/**
 * Names a user in operations: a plain name (`'app'`), Trove's `'name@host'` form (split at the
 * last `@`), or an object, which also fits names that contain `@`. Without a host the service
 * uses `%`.
 * @example await getDatabaseUser(db, instanceId, { name: 'app', host: '10.0.0.%' }); // or 'app@10.0.0.%'
 */
export type DatabaseUserRef = string | { name: string; host?: string | undefined };

/**
 * One user to create, on an existing instance or together with a new one.
 * @example await createDatabaseUser(db, instanceId, { name: 'app', password, host: '10.0.0.%', databases: ['orders'] });
 */
export interface CreateDatabaseUserParams {
  /** 1 to 16 characters on MySQL 5.x (see `maxUserNameLength`); `root` is reserved. */
  name: string;
  /** Not empty; no whitespace at either end, no quotes, backquotes, `;`, `,`, `/` or `\`. */
  password: string;
  /** Host pattern the user may connect from. Default `%` (anywhere). */
  host?: string | undefined;
  /** Databases to grant the user access to. */
  databases?: readonly string[] | undefined;
}

/**
 * A new password for one user, for `changeDatabaseUserPasswords`.
 * @example await changeDatabaseUserPasswords(db, instanceId, [{ name: 'app', password: next }]);
 */
export interface DatabaseUserPasswordChange {
  name: string;
  host?: string | undefined;
  password: string;
}

/** @internal wire shape */
export interface DatabaseUserWire {
  name: string;
  host?: string;
  databases?: { name: string }[];
}

/** @internal wire shape of a user to create; holds a password */
export interface CreateDatabaseUserWire {
  name: string;
  password: string;
  host?: string;
  databases?: { name: string }[];
}

/** @internal */
export const parseDatabaseUser = (w: DatabaseUserWire): DatabaseUser => ({
  name: w.name,
  host: w.host ?? '%',
  databases: (w.databases ?? []).map((d) => d.name),
});

/**
 * Resolves a {@link DatabaseUserRef} into a validated name and optional host. @internal
 */
export function resolveUserRef(
  ref: DatabaseUserRef,
  maxLength: number,
  field = 'user',
): { name: string; host?: string } {
  if (typeof ref === 'string') {
    const at = ref.lastIndexOf('@');
    if (at > 0 && at < ref.length - 1) {
      return {
        name: requireUserName(ref.slice(0, at), field, maxLength),
        host: requireHost(ref.slice(at + 1), `${field} host`),
      };
    }
    return { name: requireUserName(ref, field, maxLength) };
  }
  if (!ref || typeof ref !== 'object') {
    throw new ValidationError(`${field} must be a user name or { name, host }`, field);
  }
  const name = requireUserName(ref.name, `${field}.name`, maxLength);
  return ref.host === undefined ? { name } : { name, host: requireHost(ref.host, `${field}.host`) };
}

/** Refuses the user names Trove keeps for itself. @internal */
export function rejectReservedUser(name: string, field: string): void {
  if (RESERVED_DATABASE_USER_NAMES.includes(name)) {
    throw new ValidationError(
      `${field} "${name}" is reserved${name === 'root' ? '; use enableRootUser for the root account' : ''}`,
      field,
    );
  }
}

/**
 * Validates users to create and builds their wire shape. With `knownDatabases`, every database a
 * user is granted must be among them (Trove's rule when users come with a new instance). @internal
 */
export function toCreateUserWires(
  users: readonly CreateDatabaseUserParams[],
  maxLength: number,
  field: string,
  knownDatabases?: ReadonlySet<string>,
): CreateDatabaseUserWire[] {
  const seen = new Set<string>();
  return users.map((u, i) => {
    const where = `${field}[${i}]`;
    if (!u || typeof u !== 'object') throw new ValidationError(`${where} must be an object`, where);
    const name = requireUserName(u.name, `${where}.name`, maxLength);
    rejectReservedUser(name, `${where}.name`);
    const password = requirePassword(u.password, `${where}.password`);
    const host = u.host === undefined ? undefined : requireHost(u.host, `${where}.host`);
    const identity = `${name}@${host ?? '%'}`;
    if (seen.has(identity)) throw new ValidationError(`${where} repeats user "${identity}"`, where);
    seen.add(identity);
    const databases = (u.databases ?? []).map((d, j) => {
      const dbName = requireDatabaseName(d, `${where}.databases[${j}]`);
      if (knownDatabases && !knownDatabases.has(dbName)) {
        throw new ValidationError(
          `${where}.databases[${j}] "${dbName}" is not among the databases created with the instance`,
          `${where}.databases[${j}]`,
        );
      }
      return { name: dbName };
    });
    return omitUndefined({ name, password, host, databases: databases.length ? databases : undefined });
  });
}

/** `name@host`, or the name alone, for messages. @internal */
export const userLabel = (u: { name: string; host?: string | undefined }): string =>
  u.host ? `${u.name}@${u.host}` : u.name;

/** @internal */
export const DATABASE_USER = object<DatabaseUserWire>({
  name: string,
  host: optional(string),
  databases: optional(arrayOf(object<{ name: string }>({ name: string }))),
});

import { ValidationError } from '@cloud/core';
import { object, omitUndefined, optional, string } from '@cloud/core/service';
import { optionalString } from '../internal/common.js';
import { requireDatabaseName } from '../internal/validation.js';

/**
 * A database (MySQL schema) on a database instance.
 * @example for await (const d of listDatabases(db, instanceId)) console.log(d.name);
 */
export interface Database {
  name: string;
  /** Character set, when the service reports it. */
  characterSet?: string | undefined;
  /** Collation, when the service reports it. */
  collate?: string | undefined;
}

/**
 * One database to create, on an existing instance or together with a new one.
 * @example await createDatabase(db, instanceId, { name: 'orders', characterSet: 'utf8mb4', collate: 'utf8mb4_general_ci' });
 */
export interface CreateDatabaseParams {
  /**
   * 2 to 64 characters: letters, digits, `_` and `-`, with spaces, `?`, `#` or `@` allowed inside.
   * `mysql`, `information_schema`, `performance_schema`, `sys` and `lost+found` are reserved.
   */
  name: string;
  /** Character set, e.g. `utf8mb4`. The service's default is `utf8`. */
  characterSet?: string | undefined;
  /** Collation, e.g. `utf8mb4_general_ci`. The service's default is `utf8_general_ci`. */
  collate?: string | undefined;
}

/** @internal wire shape */
export interface DatabaseWire {
  name: string;
  character_set?: string;
  collate?: string;
}

/** @internal */
export const parseDatabase = (w: DatabaseWire): Database => ({
  name: w.name,
  ...(w.character_set ? { characterSet: w.character_set } : {}),
  ...(w.collate ? { collate: w.collate } : {}),
});

/**
 * Validates a list of databases to create (names, duplicates) and builds their wire shape.
 * @internal
 */
export function toDatabaseWires(databases: readonly CreateDatabaseParams[], field: string): DatabaseWire[] {
  const seen = new Set<string>();
  return databases.map((d, i) => {
    const where = `${field}[${i}]`;
    const name = requireDatabaseName(d?.name, `${where}.name`);
    if (seen.has(name)) {
      throw new ValidationError(`${where}.name "${name}" is listed twice`, `${where}.name`);
    }
    seen.add(name);
    return omitUndefined({
      name,
      character_set: optionalString(d.characterSet, `${where}.characterSet`),
      collate: optionalString(d.collate, `${where}.collate`),
    });
  });
}

/** @internal */
export const DATABASE = object<DatabaseWire>({
  name: string,
  character_set: optional(string),
  collate: optional(string),
});

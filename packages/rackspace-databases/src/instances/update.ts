import { type RequestOptions, ValidationError } from '@cloud/core';
import {
  boolean,
  number,
  object,
  oneOf,
  recordOf,
  requireNonBlank,
  requireString,
  string,
  unwrap,
} from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { instancePath } from './urls.js';

/**
 * Network access of an instance, as set by {@link updateDatabaseInstanceAccess} or at creation.
 * @example await updateDatabaseInstanceAccess(db, id, { isPublic: true, allowedCidrs: ['203.0.113.0/24'] });
 */
export interface DatabaseInstanceAccessParams {
  /** Exposes the database on a public address. Left out means private. */
  isPublic?: boolean | undefined;
  /** IPv4 CIDRs allowed to connect. Left out means anyone who can reach the address. */
  allowedCidrs?: readonly string[] | undefined;
}

/**
 * Parameters of {@link updateDatabaseInstance}. Trove changes `name` together with at most one of
 * the others per request.
 * @example await updateDatabaseInstance(db, id, { name: 'orders-eu', configuration: groupId });
 */
export interface UpdateDatabaseInstanceParams {
  /** New name. */
  name?: string | undefined;
  /** Attaches this configuration group; `null` detaches the current one. */
  configuration?: string | null | undefined;
  /** `true` detaches a replica from its source, making it a standalone instance. */
  detachReplica?: true | undefined;
  /** Upgrades the datastore to this version (name or id); the instance passes through `UPGRADE`. */
  datastoreVersion?: string | undefined;
  /** New network access (newer Trove only). */
  access?: DatabaseInstanceAccessParams | undefined;
}

const CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/([0-9]|[1-2][0-9]|3[0-2]))?$/;

/** Validates access settings and builds their wire shape. @internal */
export function toAccessWire(access: unknown, field: string): Record<string, unknown> {
  if (!access || typeof access !== 'object' || Array.isArray(access)) {
    throw new ValidationError(`${field} must be an object`, field);
  }
  const a = access as DatabaseInstanceAccessParams;
  const wire: Record<string, unknown> = {};
  if (a.isPublic !== undefined) {
    if (typeof a.isPublic !== 'boolean')
      throw new ValidationError(`${field}.isPublic must be a boolean`, `${field}.isPublic`);
    wire.is_public = a.isPublic;
  }
  if (a.allowedCidrs !== undefined) {
    if (!Array.isArray(a.allowedCidrs)) {
      throw new ValidationError(`${field}.allowedCidrs must be an array`, `${field}.allowedCidrs`);
    }
    wire.allowed_cidrs = a.allowedCidrs.map((c, i) => {
      const name = `${field}.allowedCidrs[${i}]`;
      if (typeof c !== 'string' || !CIDR.test(c))
        throw new ValidationError(`${name} must be an IPv4 CIDR`, name);
      return c;
    });
    if (new Set(wire.allowed_cidrs as string[]).size !== a.allowedCidrs.length) {
      throw new ValidationError(`${field}.allowedCidrs must not repeat a CIDR`, `${field}.allowedCidrs`);
    }
  }
  return wire;
}

const CHANGES = ['configuration', 'detachReplica', 'datastoreVersion', 'access'] as const;

/** Checks an update and builds the `instance` body; `access` needs `PUT`, the rest go as `PATCH`. */
function toUpdateWire(p: UpdateDatabaseInstanceParams): {
  method: 'PUT' | 'PATCH';
  body: Record<string, unknown>;
} {
  if (!p || typeof p !== 'object') throw new ValidationError('params must be an object', 'params');
  const changes = CHANGES.filter((k) => p[k] !== undefined);
  if (changes.length > 1) {
    throw new ValidationError(
      `only one of ${changes.join(', ')} can change per request (besides name)`,
      changes[1]!,
    );
  }
  if (changes.length === 0 && p.name === undefined) {
    throw new ValidationError(
      'params must change name, configuration, detachReplica, datastoreVersion or access',
      'params',
    );
  }
  const body: Record<string, unknown> = {};
  if (p.name !== undefined) body.name = requireNonBlank(p.name, 'name');
  if (p.configuration !== undefined) {
    body.configuration = p.configuration === null ? null : requireId(p.configuration, 'configuration');
  }
  if (p.detachReplica !== undefined) {
    if (p.detachReplica !== true) throw new ValidationError('detachReplica must be true', 'detachReplica');
    body.replica_of = null;
  }
  if (p.datastoreVersion !== undefined)
    body.datastore_version = requireNonBlank(p.datastoreVersion, 'datastoreVersion');
  if (p.access !== undefined) body.access = toAccessWire(p.access, 'access');
  // PATCH is what every Trove release (and Rackspace) accepts for these; access came with PUT only.
  return { method: p.access === undefined ? 'PATCH' : 'PUT', body };
}

/**
 * Changes an instance: its name, and at most one of configuration group, replica detachment,
 * datastore version or access. Sent as `PATCH` (or `PUT` for access); the service answers 202
 * and applies the change in the background: wait with `waitForDatabaseInstanceStatus`.
 * @throws ValidationError before any request for an empty update, two changes at once, or a bad
 *   value; NotFoundError naming the instance.
 * @example
 * ```ts
 * await updateDatabaseInstance(db, id, { datastoreVersion: '5.7.29' });
 * await waitForDatabaseInstanceStatus(db, id, ['ACTIVE', 'HEALTHY'], { failOn: ['ERROR'] });
 * ```
 */
export async function updateDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  params: UpdateDatabaseInstanceParams,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const { method, body } = toUpdateWire(params);
  await client.request(method, instancePath(instanceId), {
    ...options,
    json: { instance: body },
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Renames an instance.
 * @example await renameDatabaseInstance(db, id, 'orders-eu');
 */
export function renameDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  name: string,
  options?: RequestOptions,
): Promise<void> {
  return updateDatabaseInstance(client, instanceId, { name: requireString(name, 'name') }, options);
}

/**
 * Detaches a replica from its replication source: it becomes a standalone instance.
 * @example await detachDatabaseReplica(db, replicaId);
 */
export function detachDatabaseReplica(
  client: DatabaseClient,
  replicaId: string,
  options?: RequestOptions,
): Promise<void> {
  return updateDatabaseInstance(client, replicaId, { detachReplica: true }, options);
}

/**
 * Upgrades an instance's datastore to another version of the same datastore. The instance goes
 * to `UPGRADE`, then back to `ACTIVE`/`HEALTHY`, or `ERROR` when the upgrade fails.
 * @example
 * ```ts
 * await upgradeDatabaseInstance(db, id, '5.7.29');
 * await waitForDatabaseInstanceStatus(db, id, ['ACTIVE', 'HEALTHY']);
 * ```
 */
export function upgradeDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  datastoreVersion: string,
  options?: RequestOptions,
): Promise<void> {
  return updateDatabaseInstance(client, instanceId, { datastoreVersion }, options);
}

/**
 * Changes who can reach an instance (OpenStack Trove with public access support).
 * @example await updateDatabaseInstanceAccess(db, id, { isPublic: true, allowedCidrs: ['203.0.113.0/24'] });
 */
export function updateDatabaseInstanceAccess(
  client: DatabaseClient,
  instanceId: string,
  access: DatabaseInstanceAccessParams,
  options?: RequestOptions,
): Promise<void> {
  return updateDatabaseInstance(client, instanceId, { access }, options);
}

/** A datastore setting value: Trove reports numbers, strings and sometimes booleans. */
export type DatabaseConfigurationSetting = string | number | boolean;

const DEFAULT_CONFIGURATION = object<{ configuration: Record<string, DatabaseConfigurationSetting> }>({
  configuration: recordOf(oneOf(string, oneOf(number, boolean))),
});

/**
 * Reads the datastore settings an instance runs with by default (its configuration template),
 * e.g. `max_connections`.
 * @example
 * ```ts
 * const defaults = await getDatabaseInstanceDefaultConfiguration(db, id);
 * console.log(defaults.max_connections);
 * ```
 */
export async function getDatabaseInstanceDefaultConfiguration(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<Record<string, DatabaseConfigurationSetting>> {
  requireId(instanceId, 'instanceId');
  const res = await client.request('GET', `${instancePath(instanceId)}/configuration`, {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
  return unwrap(res, 'instance', DEFAULT_CONFIGURATION).configuration;
}

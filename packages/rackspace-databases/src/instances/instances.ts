import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  omitUndefined,
  paginateByLinks,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  unwrap,
} from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { toDatabaseWires } from '../databases/types.js';
import { optionalString, requireId, toDatastoreWire } from '../internal/common.js';
import { toCreateUserWires } from '../users/types.js';
import {
  type CreateDatabaseInstanceParams,
  DATABASE_INSTANCE,
  type DatabaseInstance,
  type DatabaseInstanceWire,
  type ListDatabaseInstancesParams,
  parseDatabaseInstance,
} from './types.js';
import { toAccessWire } from './update.js';
import { instancePath, instancesPath } from './urls.js';

/** A flavor id (positive integer or string) or href. @internal */
export function requireFlavorRef(value: unknown, field = 'flavorRef'): string | number {
  if (typeof value === 'number') return requireInteger(value, field, 1);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(
      `${field} must be a flavor id or href (see listDatabaseFlavors), got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      field,
    );
  }
  return value.trim();
}

/** A volume size in GB within 1..client.maxVolumeSizeGb. @internal */
export const requireVolumeSize = (client: DatabaseClient, value: unknown, field: string): number =>
  requireInteger(value, field, 1, client.maxVolumeSizeGb);

/** @internal */
/** The replication fields of a create request; a replica takes no databases or users. */
function replicationWire(p: CreateDatabaseInstanceParams) {
  if (p.replicaOf === undefined) {
    if (p.replicaCount !== undefined)
      throw new ValidationError('replicaCount needs replicaOf', 'replicaCount');
    return {};
  }
  const replicaOf = requireId(p.replicaOf, 'replicaOf');
  if (p.databases?.length || p.users?.length) {
    throw new ValidationError(
      'a replica takes its databases and users from its source',
      p.databases?.length ? 'databases' : 'users',
    );
  }
  return {
    replica_of: replicaOf,
    replica_count:
      p.replicaCount === undefined ? undefined : requireInteger(p.replicaCount, 'replicaCount', 1),
  };
}

function nicsWire(nics: CreateDatabaseInstanceParams['nics']) {
  return nics?.map((n, i) => {
    const nic = omitUndefined({ 'net-id': n?.netId, 'port-id': n?.portId, 'v4-fixed-ip': n?.fixedIp });
    if (!nic['net-id'] && !nic['port-id']) {
      throw new ValidationError(`nics[${i}] needs a netId or a portId`, `nics[${i}]`);
    }
    return nic;
  });
}

function volumeWire(client: DatabaseClient, p: CreateDatabaseInstanceParams) {
  if (p.volumeType !== undefined && p.volumeSize === undefined) {
    throw new ValidationError('volumeType needs volumeSize', 'volumeSize');
  }
  return p.volumeSize === undefined
    ? undefined
    : omitUndefined({
        size: requireVolumeSize(client, p.volumeSize, 'volumeSize'),
        type: optionalString(p.volumeType, 'volumeType'),
      });
}

function toCreateInstanceWire(client: DatabaseClient, p: CreateDatabaseInstanceParams) {
  if (!p || typeof p !== 'object') throw new ValidationError('params must be an object', 'params');
  const name = requireNonBlank(p.name, 'name');
  const replication = replicationWire(p);
  const flavorRef =
    p.flavorRef === undefined && p.replicaOf !== undefined ? undefined : requireFlavorRef(p.flavorRef);
  const databases = p.databases === undefined ? undefined : toDatabaseWires(p.databases, 'databases');
  const known = new Set((databases ?? []).map((d) => d.name));
  const users =
    p.users === undefined ? undefined : toCreateUserWires(p.users, client.maxUserNameLength, 'users', known);
  if (p.locality !== undefined) requireOneOf(p.locality, ['affinity', 'anti-affinity'] as const, 'locality');
  return omitUndefined({
    name,
    flavorRef,
    volume: volumeWire(client, p),
    datastore: toDatastoreWire(p.datastore),
    databases: databases?.length ? databases : undefined,
    users: users?.length ? users : undefined,
    restorePoint: p.backupRef === undefined ? undefined : { backupRef: requireId(p.backupRef, 'backupRef') },
    configuration: p.configuration === undefined ? undefined : requireId(p.configuration, 'configuration'),
    availability_zone: optionalString(p.availabilityZone, 'availabilityZone'),
    nics: nicsWire(p.nics),
    ...omitUndefined(replication),
    locality: p.locality,
    access: p.access === undefined ? undefined : toAccessWire(p.access, 'access'),
  });
}

/**
 * Creates a database instance, optionally with databases and users, or restored from a backup.
 * It returns at once with the instance in `BUILD`; wait for it with `waitForDatabaseInstanceStatus`.
 * Everything is validated before the request: name, flavor, volume size (1 to the client's
 * `maxVolumeSizeGb`), database names, user names, passwords and hosts.
 * @example
 * ```ts
 * const instance = await createDatabaseInstance(db, {
 *   name: 'orders', flavorRef: '1', volumeSize: 5, datastore: { type: 'mysql', version: '5.7' },
 *   databases: [{ name: 'orders' }], users: [{ name: 'app', password, databases: ['orders'] }],
 * });
 * await waitForDatabaseInstanceStatus(db, instance.id, 'ACTIVE');
 * ```
 */
export async function createDatabaseInstance(
  client: DatabaseClient,
  params: CreateDatabaseInstanceParams,
  options?: RequestOptions,
): Promise<DatabaseInstance> {
  const instance = toCreateInstanceWire(client, params);
  const res = await client.request('POST', instancesPath(), {
    ...options,
    json: { instance },
  });
  return parseDatabaseInstance(unwrap(res, 'instance', DATABASE_INSTANCE));
}

/**
 * Gets an instance with its status, volume usage and addresses.
 * @throws NotFoundError naming the instance when it does not exist (or no longer does).
 * @example
 * ```ts
 * const { status, volume } = await getDatabaseInstance(db, instanceId);
 * ```
 */
export async function getDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<DatabaseInstance> {
  requireId(instanceId, 'instanceId');
  const res = await client.request('GET', instancePath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
  return parseDatabaseInstance(unwrap(res, 'instance', DATABASE_INSTANCE));
}

/**
 * Lists instances, lazily, following the service's `next` links (`limit`/`marker` paging).
 * @example
 * ```ts
 * for await (const i of listDatabaseInstances(db, { limit: 20 })) console.log(i.name, i.status);
 * ```
 */
export function listDatabaseInstances(
  client: DatabaseClient,
  params: ListDatabaseInstancesParams = {},
  options?: RequestOptions,
): PagedIterable<DatabaseInstance> {
  return paginateByLinks<DatabaseInstanceWire, DatabaseInstance>({
    client,
    path: instancesPath(),
    key: 'instances',
    limit: params.limit,
    marker: params.marker,
    query: { include_clustered: params.includeClustered },
    map: parseDatabaseInstance,
    shape: DATABASE_INSTANCE,
    options,
  });
}

/**
 * Deletes an instance with its databases and users (backups are kept). The service answers
 * at once; use `waitForDatabaseInstanceDeleted` to wait until it is gone.
 * @example
 * ```ts
 * await deleteDatabaseInstance(db, instanceId);
 * await waitForDatabaseInstanceDeleted(db, instanceId);
 * ```
 */
export async function deleteDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  await client.request('DELETE', instancePath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Lists instances with their full details (`GET /instances/detail`, newer Trove): creation and
 * update times, service status time and the fault of a failed instance, which the plain list may
 * leave out.
 * @example
 * ```ts
 * for await (const i of listDatabaseInstancesDetail(db)) if (i.fault) console.warn(i.name, i.fault.message);
 * ```
 */
export function listDatabaseInstancesDetail(
  client: DatabaseClient,
  params: ListDatabaseInstancesParams = {},
  options?: RequestOptions,
): PagedIterable<DatabaseInstance> {
  return paginateByLinks<DatabaseInstanceWire, DatabaseInstance>({
    client,
    path: `${instancesPath()}/detail`,
    key: 'instances',
    limit: params.limit,
    marker: params.marker,
    query: { include_clustered: params.includeClustered },
    map: parseDatabaseInstance,
    shape: DATABASE_INSTANCE,
    options,
  });
}

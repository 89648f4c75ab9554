import { type RequestOptions, toArray, ValidationError, type WaiterOptions } from '@cloud/core';
import {
  createDatabase,
  createDatabaseClient,
  createDatabaseInstance,
  createDatabaseUser,
  type DatabaseClient,
  type DatabaseInstance,
  deleteDatabase,
  deleteDatabaseInstance,
  deleteDatabaseUser,
  getDatabaseInstance,
  listDatabaseFlavors,
  listDatabaseInstances,
  listDatabases,
  listDatabaseUsers,
  waitForDatabaseInstanceStatus,
} from '@cloud/rackspace-databases';
import type { ProviderRef } from './compute.js';
import type {
  ProviderDatabase,
  ProviderDatabaseFlavor,
  ProviderDatabaseInstance,
  ProviderDatabaseUser,
} from './models.js';
import type { ProviderName } from './options.js';
import type { ProviderContext } from './session.js';

/** An instance given by id or as an object with an `id` (e.g. from `getInstances`). */
export type ProviderInstanceRef =
  | string
  | {
      /** The instance id. */
      id: string;
    };

/** Parameters of {@link ProviderDatabasesClient.createInstance}. */
export interface ProviderCreateInstanceParams {
  /** Instance name. */
  name: string;
  /** Flavor id, or a flavor from `getFlavors()`. */
  flavor: ProviderRef;
  /** Volume size in GB. Default 1. */
  size?: number | undefined;
  /** Datastore, e.g. `{ type: 'mysql', version: '5.7' }`; the service's default when omitted. */
  datastore?: ProviderDatastore | undefined;
  /** Databases to create with the instance. */
  databases?: string[] | undefined;
  /** Users to create with the instance; they may only be given databases listed in `databases`. */
  users?: Omit<ProviderCreateUserParams, 'host'>[] | undefined;
}

/** A database engine and, optionally, its version. */
export interface ProviderDatastore {
  /** Engine, e.g. `mysql`, `mariadb`, `percona`. */
  type: string;
  /** Version, e.g. `5.7`; the service's default version when omitted. */
  version?: string | undefined;
}

/** Parameters of {@link ProviderDatabasesClient.createUser}. */
export interface ProviderCreateUserParams {
  /** User name (16 characters at most on MySQL 5.x; `root` is reserved). */
  username: string;
  /** The user's password. Sent in the request body only, never logged. */
  password: string;
  /** Host the user may connect from. Default `%` (anywhere). */
  host?: string | undefined;
  /** Databases the user may use. */
  databases?: string[] | undefined;
}

/**
 * Database instances, databases and users, the same on Rackspace Cloud Databases and OpenStack
 * Trove. Lists are collected into arrays.
 * @example
 * ```ts
 * const db = providers.openstack.databases({ authUrl, username, password, projectName: 'demo' });
 * const instance = await db.createInstance({ name: 'orders', flavor: '1', size: 5 });
 * await db.waitForInstance(instance);
 * await db.createDatabase(instance, 'orders');
 * ```
 */
export interface ProviderDatabasesClient {
  /** Which cloud this client talks to. */
  readonly provider: ProviderName;
  /** The underlying databases client, for everything else `@cloud/rackspace-databases` offers. */
  readonly client: DatabaseClient;
  /** Creates an instance. It starts in `BUILD`; see {@link ProviderDatabasesClient.waitForInstance}. */
  createInstance(
    params: ProviderCreateInstanceParams,
    options?: RequestOptions,
  ): Promise<ProviderDatabaseInstance>;
  /** Lists every instance of the project. */
  getInstances(options?: RequestOptions): Promise<ProviderDatabaseInstance[]>;
  /** @throws NotFoundError when there is no such instance. */
  getInstance(instance: ProviderInstanceRef, options?: RequestOptions): Promise<ProviderDatabaseInstance>;
  /** Deletes an instance with its databases and users. */
  destroyInstance(instance: ProviderInstanceRef, options?: RequestOptions): Promise<void>;
  /** Polls until the instance is `ACTIVE`; fails fast on `ERROR` or `FAILED`. */
  waitForInstance(instance: ProviderInstanceRef, options?: WaiterOptions): Promise<ProviderDatabaseInstance>;
  /** Lists the instance flavors (memory and CPU). */
  getFlavors(options?: RequestOptions): Promise<ProviderDatabaseFlavor[]>;
  /** Creates a database on an instance. */
  createDatabase(
    instance: ProviderInstanceRef,
    database: string | { name: string; characterSet?: string; collate?: string },
    options?: RequestOptions,
  ): Promise<ProviderDatabase>;
  /** Lists the databases of an instance. */
  getDatabases(instance: ProviderInstanceRef, options?: RequestOptions): Promise<ProviderDatabase[]>;
  /** Deletes a database and its data. */
  destroyDatabase(instance: ProviderInstanceRef, name: string, options?: RequestOptions): Promise<void>;
  /** Creates a user with access to the databases listed. */
  createUser(
    instance: ProviderInstanceRef,
    params: ProviderCreateUserParams,
    options?: RequestOptions,
  ): Promise<ProviderDatabaseUser>;
  /** Lists the users of an instance with the databases each may use. */
  getUsers(instance: ProviderInstanceRef, options?: RequestOptions): Promise<ProviderDatabaseUser[]>;
  /** Deletes a user. */
  destroyUser(instance: ProviderInstanceRef, username: string, options?: RequestOptions): Promise<void>;
}

const instanceId = (ref: ProviderInstanceRef | undefined): string => {
  const id = typeof ref === 'string' ? ref : ref?.id;
  if (typeof id !== 'string' || id === '') {
    throw new ValidationError('instance must be an id or an object with an id', 'instance');
  }
  return id;
};

/** @internal */
export const toProviderInstance = (
  provider: ProviderName,
  i: DatabaseInstance,
): ProviderDatabaseInstance => ({
  provider,
  id: i.id,
  name: i.name,
  status: i.status,
  flavorId: i.flavorId,
  size: i.volume?.size,
  hostname: i.hostname ?? i.ipAddresses[0],
  datastore: i.datastore && { type: i.datastore.type, version: i.datastore.version },
  addresses: i.addresses.map((a) => (a.type ? { address: a.address, type: a.type } : { address: a.address })),
  replication: {
    ...(i.replicaOf ? { replicaOf: i.replicaOf.id } : {}),
    replicas: (i.replicas ?? []).map((r) => r.id),
  },
  created: i.created,
});

/** Builds the provider-neutral databases client over `@cloud/rackspace-databases`. @internal */
export function createProviderDatabases(ctx: ProviderContext): ProviderDatabasesClient {
  const { provider } = ctx;
  const client = createDatabaseClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  return {
    provider,
    client,
    async createInstance(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      const flavor = typeof params.flavor === 'string' ? params.flavor : params.flavor?.id;
      if (typeof flavor !== 'string' || flavor === '') {
        throw new ValidationError('flavor must be an id or an object with an id', 'flavor');
      }
      const created = await createDatabaseInstance(
        client,
        {
          name: params.name,
          flavorRef: flavor,
          volumeSize: params.size ?? 1,
          datastore: params.datastore,
          databases: params.databases?.map((name) => ({ name })),
          users: params.users?.map((u) => ({
            name: u.username,
            password: u.password,
            databases: u.databases,
          })),
        },
        options,
      );
      return toProviderInstance(provider, created);
    },
    async getInstances(options) {
      const all = await toArray(listDatabaseInstances(client, {}, options));
      return all.map((i) => toProviderInstance(provider, i));
    },
    async getInstance(instance, options) {
      return toProviderInstance(provider, await getDatabaseInstance(client, instanceId(instance), options));
    },
    destroyInstance: (instance, options) => deleteDatabaseInstance(client, instanceId(instance), options),
    async waitForInstance(instance, options) {
      const ready = await waitForDatabaseInstanceStatus(client, instanceId(instance), 'ACTIVE', options);
      return toProviderInstance(provider, ready);
    },
    async getFlavors(options) {
      const all = await toArray(listDatabaseFlavors(client, options));
      return all.map((f) => ({ provider, id: f.id, name: f.name, ram: f.ram }));
    },
    async createDatabase(instance, database, options) {
      const id = instanceId(instance);
      const params = typeof database === 'string' ? { name: database } : database;
      await createDatabase(client, id, params, options);
      return { provider, instanceId: id, name: params?.name };
    },
    async getDatabases(instance, options) {
      const id = instanceId(instance);
      const all = await toArray(listDatabases(client, id, {}, options));
      return all.map((d) => ({ provider, instanceId: id, name: d.name }));
    },
    destroyDatabase: (instance, name, options) => deleteDatabase(client, instanceId(instance), name, options),
    async createUser(instance, params, options) {
      const id = instanceId(instance);
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      await createDatabaseUser(
        client,
        id,
        { name: params.username, password: params.password, host: params.host, databases: params.databases },
        options,
      );
      return {
        provider,
        instanceId: id,
        name: params.username,
        host: params.host ?? '%',
        databases: [...(params.databases ?? [])],
      };
    },
    async getUsers(instance, options) {
      const id = instanceId(instance);
      const all = await toArray(listDatabaseUsers(client, id, {}, options));
      return all.map((u) => ({
        provider,
        instanceId: id,
        name: u.name,
        host: u.host,
        databases: u.databases,
      }));
    },
    destroyUser: (instance, username, options) =>
      deleteDatabaseUser(client, instanceId(instance), username, options),
  };
}

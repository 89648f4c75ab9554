import { toArray, ValidationError } from '@cloud/core';
import type {
  ProviderDatabasesClient as NeutralDatabasesClient,
  ProviderDatabaseInstance,
  ProviderInstanceRef,
} from '@cloud/providers';
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
import type { ProviderName } from './options.js';
import type { ProviderContext } from './session.js';

export type {
  ProviderCreateInstanceParams,
  ProviderCreateUserParams,
  ProviderDatastore,
  ProviderInstanceRef,
} from '@cloud/providers';

/**
 * Database instances, databases and users, the same on Rackspace Cloud Databases and OpenStack
 * Trove; `client` is the underlying client, for everything else `@cloud/rackspace-databases`
 * offers. Lists are collected into arrays.
 * @example
 * ```ts
 * const db = providers.openstack.databases({ authUrl, username, password, projectName: 'demo' });
 * const instance = await db.createInstance({ name: 'orders', flavor: '1', size: 5 });
 * await db.waitForInstance(instance);
 * await db.createDatabase(instance, 'orders');
 * ```
 */
export interface ProviderDatabasesClient extends NeutralDatabasesClient<DatabaseClient> {}

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

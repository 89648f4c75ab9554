import type { RequestOptions, WaiterOptions } from '@cloud/core';
import type { ProviderRef } from './compute.js';
import type {
  ProviderDatabase,
  ProviderDatabaseFlavor,
  ProviderDatabaseInstance,
  ProviderDatabaseUser,
} from './models.js';
import type { ProviderName } from './names.js';

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
export interface ProviderDatabasesClient<Client = unknown> {
  /** Which cloud this client talks to. */
  readonly provider: ProviderName;
  /** The cloud's own client (a Trove/Cloud Databases `DatabaseClient`...), for everything else it offers. */
  readonly client: Client;
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

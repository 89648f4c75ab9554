import { inspect } from 'node:util';
import type { EndpointInterface, Session } from '@cloud/core';
import { createServiceClient, requireInteger, type ServiceClient } from '@cloud/core/service';

/**
 * Largest volume Rackspace Cloud Databases accepts, in GB; the default of `maxVolumeSizeGb`.
 * @example const db = createDatabaseClient(session); // accepts volumes up to DEFAULT_MAX_VOLUME_SIZE_GB
 */
export const DEFAULT_MAX_VOLUME_SIZE_GB = 150;

/**
 * Longest user name MySQL 5.x (and so Rackspace and Trove's MySQL datastore) accepts.
 * @example createDatabaseClient(session, { maxUserNameLength: DEFAULT_MAX_DATABASE_USER_NAME_LENGTH * 2 });
 */
export const DEFAULT_MAX_DATABASE_USER_NAME_LENGTH = 16;

/**
 * Options of {@link createDatabaseClient}.
 * @example createDatabaseClient(session, { region: 'RegionOne', interface: 'internal', maxVolumeSizeGb: 500 });
 */
export interface DatabaseClientOptions {
  /** Region of the database endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` (Rackspace ServiceNet) or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /** A fixed base URL such as `https://trove.example.com/v1.0/<project>`, skipping the catalog. */
  endpoint?: string | undefined;
  /**
   * Catalog service type. Default `database`; Rackspace's `rax:database` is found as well, since
   * the two are aliases of each other.
   */
  serviceType?: string | undefined;
  /** Catalog service name, when a catalog lists several database services (`cloudDatabases`). */
  serviceName?: string | undefined;
  /**
   * Largest volume size accepted by `createDatabaseInstance` and `resizeDatabaseInstanceVolume`,
   * in GB. Default {@link DEFAULT_MAX_VOLUME_SIZE_GB} (Rackspace's limit); an OpenStack Trove
   * deployment sets its own with `max_accepted_volume_size`.
   */
  maxVolumeSizeGb?: number | undefined;
  /**
   * Longest user name accepted, default {@link DEFAULT_MAX_DATABASE_USER_NAME_LENGTH} (MySQL 5.x).
   * Raise it to 32 for MySQL 5.7+ datastores on deployments that allow it.
   */
  maxUserNameLength?: number | undefined;
}

/**
 * A client of Rackspace Cloud Databases or OpenStack Trove (API v1.0) bound to a session.
 * Operations are free functions taking it as their first argument.
 * @example const db: DatabaseClient = createDatabaseClient(session, { region: 'IAD' });
 */
export interface DatabaseClient extends ServiceClient {
  /** Largest accepted volume size in GB. */
  readonly maxVolumeSizeGb: number;
  /** Longest accepted user name. */
  readonly maxUserNameLength: number;
}

/**
 * Creates a database client. Nothing is sent until the first operation; the endpoint is resolved
 * from the session's catalog then (type `database` or Rackspace's `rax:database`) and memoized.
 * @example
 * ```ts
 * const db = createDatabaseClient(session, { region: 'DFW' });
 * for await (const i of listDatabaseInstances(db)) console.log(i.id, i.name, i.status);
 * ```
 */
export function createDatabaseClient(session: Session, options: DatabaseClientOptions = {}): DatabaseClient {
  const maxVolumeSizeGb =
    options.maxVolumeSizeGb === undefined
      ? DEFAULT_MAX_VOLUME_SIZE_GB
      : requireInteger(options.maxVolumeSizeGb, 'maxVolumeSizeGb', 1);
  const maxUserNameLength =
    options.maxUserNameLength === undefined
      ? DEFAULT_MAX_DATABASE_USER_NAME_LENGTH
      : requireInteger(options.maxUserNameLength, 'maxUserNameLength', 1);
  const base = createServiceClient(session, {
    type: options.serviceType ?? 'database',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const client: DatabaseClient = {
    session: base.session,
    type: base.type,
    maxVolumeSizeGb,
    maxUserNameLength,
    endpoint: base.endpoint,
    request: base.request,
    stream: base.stream,
  };
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `DatabaseClient { type: ${base.type}${options.region ? `, region: ${options.region}` : ''} }`,
    enumerable: false,
  });
  return client;
}

import { type PagedIterable, type RequestOptions, singlePage } from '@cloud/core';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../common.js';
import {
  type Datastore,
  type DatastoreVersion,
  type DatastoreVersionWire,
  type DatastoreWire,
  parseDatastore,
  parseDatastoreVersion,
} from './types.js';
import { datastorePath, datastoresPath, datastoreVersionPath, datastoreVersionsPath } from './urls.js';

/**
 * Lists the datastores (database engines) with their versions (one request).
 * @example
 * ```ts
 * for await (const d of listDatastores(db)) console.log(d.name, d.versions.map((v) => v.name));
 * ```
 */
export function listDatastores(client: DatabaseClient, options?: RequestOptions): PagedIterable<Datastore> {
  return singlePage(async () => {
    const res = await client.request<{ datastores?: DatastoreWire[] }>('GET', datastoresPath(), options);
    return (res.body?.datastores ?? []).map(parseDatastore);
  });
}

/**
 * Gets one datastore by id or name.
 * @throws NotFoundError naming the datastore.
 * @example
 * ```ts
 * const mysql = await getDatastore(db, 'mysql');
 * ```
 */
export async function getDatastore(
  client: DatabaseClient,
  datastore: string,
  options?: RequestOptions,
): Promise<Datastore> {
  requireId(datastore, 'datastore');
  const res = await client.request<{ datastore: DatastoreWire }>('GET', datastorePath(datastore), {
    ...options,
    resource: `datastore "${datastore}"`,
  });
  return parseDatastore(res.body.datastore);
}

/**
 * Lists the versions of a datastore (id or name), in one request.
 * @example
 * ```ts
 * for await (const v of listDatastoreVersions(db, 'mysql')) console.log(v.id, v.name);
 * ```
 */
export function listDatastoreVersions(
  client: DatabaseClient,
  datastore: string,
  options?: RequestOptions,
): PagedIterable<DatastoreVersion> {
  requireId(datastore, 'datastore');
  return singlePage(async () => {
    const res = await client.request<{ versions?: DatastoreVersionWire[] }>(
      'GET',
      datastoreVersionsPath(datastore),
      { ...options, resource: `datastore "${datastore}"` },
    );
    return (res.body?.versions ?? []).map(parseDatastoreVersion);
  });
}

/**
 * Gets one version (id or name) of a datastore (id or name).
 * @throws NotFoundError naming the version.
 * @example
 * ```ts
 * const v = await getDatastoreVersion(db, 'mysql', '5.7');
 * ```
 */
export async function getDatastoreVersion(
  client: DatabaseClient,
  datastore: string,
  version: string,
  options?: RequestOptions,
): Promise<DatastoreVersion> {
  requireId(datastore, 'datastore');
  requireId(version, 'version');
  const res = await client.request<{ version: DatastoreVersionWire }>(
    'GET',
    datastoreVersionPath(datastore, version),
    { ...options, resource: `version "${version}" of datastore "${datastore}"` },
  );
  return parseDatastoreVersion(res.body.version);
}

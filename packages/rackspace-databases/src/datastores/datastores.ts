import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, singlePage, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { DATABASE_FLAVOR, type DatabaseFlavor, parseDatabaseFlavor } from '../flavors/types.js';
import { requireId } from '../internal/common.js';
import {
  DATASTORE,
  DATASTORE_VERSION,
  type Datastore,
  type DatastoreVersion,
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
    const res = await client.request('GET', datastoresPath(), options);
    return unwrap(res, 'datastores', arrayOf(DATASTORE)).map(parseDatastore);
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
  const res = await client.request('GET', datastorePath(datastore), {
    ...options,
    resource: `datastore "${datastore}"`,
  });
  return parseDatastore(unwrap(res, 'datastore', DATASTORE));
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
    const res = await client.request('GET', datastoreVersionsPath(datastore), {
      ...options,
      resource: `datastore "${datastore}"`,
    });
    return unwrap(res, 'versions', arrayOf(DATASTORE_VERSION)).map(parseDatastoreVersion);
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
  const res = await client.request('GET', datastoreVersionPath(datastore, version), {
    ...options,
    resource: `version "${version}" of datastore "${datastore}"`,
  });
  return parseDatastoreVersion(unwrap(res, 'version', DATASTORE_VERSION));
}

/**
 * Lists the flavors an instance of one datastore version can use (one request; Rackspace and
 * Trove releases that offer `.../versions/{version}/flavors`).
 * @throws NotFoundError naming the datastore version.
 * @example
 * ```ts
 * for await (const f of listDatastoreVersionFlavors(db, 'mysql', '5.7')) console.log(f.id, f.ram);
 * ```
 */
export function listDatastoreVersionFlavors(
  client: DatabaseClient,
  datastore: string,
  version: string,
  options?: RequestOptions,
): PagedIterable<DatabaseFlavor> {
  requireId(datastore, 'datastore');
  requireId(version, 'version');
  return singlePage(async () => {
    const res = await client.request('GET', `${datastoreVersionPath(datastore, version)}/flavors`, {
      ...options,
      resource: `version "${version}" of datastore "${datastore}"`,
    });
    return unwrap(res, 'flavors', arrayOf(DATABASE_FLAVOR)).map(parseDatabaseFlavor);
  });
}

import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, singlePage, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { DATABASE_FLAVOR, type DatabaseFlavor, parseDatabaseFlavor } from './types.js';
import { flavorPath, flavorsPath } from './urls.js';

/**
 * Lists the flavors instances can be created with (one request).
 * @example
 * ```ts
 * for await (const f of listDatabaseFlavors(db)) console.log(f.id, f.name, `${f.ram} MB`);
 * ```
 */
export function listDatabaseFlavors(
  client: DatabaseClient,
  options?: RequestOptions,
): PagedIterable<DatabaseFlavor> {
  return singlePage(async () => {
    const res = await client.request('GET', flavorsPath(), options);
    return unwrap(res, 'flavors', arrayOf(DATABASE_FLAVOR)).map(parseDatabaseFlavor);
  });
}

/**
 * Gets one flavor.
 * @throws NotFoundError naming the flavor.
 * @example
 * ```ts
 * const flavor = await getDatabaseFlavor(db, '1');
 * ```
 */
export async function getDatabaseFlavor(
  client: DatabaseClient,
  flavorId: string | number,
  options?: RequestOptions,
): Promise<DatabaseFlavor> {
  const id = requireId(typeof flavorId === 'number' ? String(flavorId) : flavorId, 'flavorId');
  const res = await client.request('GET', flavorPath(id), {
    ...options,
    resource: `database flavor "${id}"`,
  });
  return parseDatabaseFlavor(unwrap(res, 'flavor', DATABASE_FLAVOR));
}

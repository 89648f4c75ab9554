import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  paginateByLinks,
  recordOf,
  requireInteger,
  requireString,
  string,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import {
  FLAVOR,
  FLAVOR_SUMMARY,
  type Flavor,
  type FlavorSummary,
  type FlavorSummaryWire,
  type FlavorWire,
  parseFlavor,
  parseFlavorSummary,
} from './types.js';
import { flavorExtraSpecsPath, flavorPath, flavorsDetailPath, flavorsPath } from './urls.js';

/**
 * Filters and paging of {@link listFlavors} and {@link listFlavorsDetail}.
 * @example listFlavorsDetail(compute, { minRam: 2048, sortKey: 'ram', sortDir: 'asc' });
 */
export interface ListFlavorsParams {
  /** Only flavors with at least this root disk (GiB). */
  minDisk?: number | undefined;
  /** Only flavors with at least this RAM (MiB). */
  minRam?: number | undefined;
  /** `true` public only (default for users), `false` private only, `'all'` both (administrators). */
  isPublic?: boolean | 'all' | undefined;
  sortKey?: string | undefined;
  sortDir?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  /** Start after this flavor id. */
  marker?: string | undefined;
}

function flavorQuery(p: ListFlavorsParams) {
  for (const f of ['minDisk', 'minRam'] as const) {
    if (p[f] !== undefined) requireInteger(p[f], f, 0);
  }
  return {
    minDisk: p.minDisk,
    minRam: p.minRam,
    is_public: p.isPublic === 'all' ? 'None' : p.isPublic,
    sort_key: p.sortKey,
    sort_dir: p.sortDir,
  };
}

/**
 * Lists flavors (id, name, links), lazily, following `flavors_links`.
 * @example
 * ```ts
 * for await (const f of listFlavors(compute)) console.log(f.id, f.name);
 * ```
 */
export function listFlavors(
  client: ComputeClient,
  params: ListFlavorsParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<FlavorSummary> {
  return paginateByLinks<FlavorSummaryWire, FlavorSummary>({
    client,
    path: flavorsPath(),
    key: 'flavors',
    linksKey: 'flavors_links',
    query: flavorQuery(params),
    limit: params.limit,
    marker: params.marker,
    map: parseFlavorSummary,
    shape: FLAVOR_SUMMARY,
    options,
  });
}

/**
 * Lists flavors with their sizes (`GET /flavors/detail`), lazily.
 * @example
 * ```ts
 * const small = (await toArray(listFlavorsDetail(compute, { minRam: 2048 }))).sort((a, b) => a.ram - b.ram)[0];
 * ```
 */
export function listFlavorsDetail(
  client: ComputeClient,
  params: ListFlavorsParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Flavor> {
  return paginateByLinks<FlavorWire, Flavor>({
    client,
    path: flavorsDetailPath(),
    key: 'flavors',
    linksKey: 'flavors_links',
    query: flavorQuery(params),
    limit: params.limit,
    marker: params.marker,
    map: parseFlavor,
    shape: FLAVOR,
    options,
  });
}

/**
 * Gets one flavor.
 * @throws NotFoundError naming the flavor.
 * @example
 * ```ts
 * const f = await getFlavor(compute, '2');
 * console.log(f.vcpus, f.ram, f.disk);
 * ```
 */
export async function getFlavor(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<Flavor> {
  requireString(id, 'flavorId');
  const res = await client.request('GET', flavorPath(id), {
    ...options,
    resource: `flavor "${id}"`,
  });
  return parseFlavor(unwrap(res, 'flavor', FLAVOR));
}

/**
 * Gets the extra specs of a flavor (hardware properties such as `hw:cpu_policy`).
 * @example
 * ```ts
 * const specs = await getFlavorExtraSpecs(compute, '2');
 * ```
 */
export async function getFlavorExtraSpecs(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  requireString(id, 'flavorId');
  const res = await client.request('GET', flavorExtraSpecsPath(id), {
    ...options,
    resource: `flavor "${id}"`,
  });
  return unwrap(res, 'extra_specs', recordOf(string));
}

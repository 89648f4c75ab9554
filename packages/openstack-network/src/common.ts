import type { RequestOptions, WaiterOptions } from '@cloud/core';
import type { SearchParamValue } from '@cloud/core/service';
import { arrayOf, number, optional, parseTimestamp, type ShapeFields, string } from '@cloud/core/service';

/**
 * One value, or several meaning "any of" (Neutron repeats the query parameter).
 * @example const filter: OneOrMany<string> = ['ACTIVE', 'DOWN'];
 */
export type OneOrMany<T> = T | readonly T[];

/**
 * One sort criterion of a Neutron list.
 * @example listNetworks(network, { sort: [{ key: 'name' }, { key: 'id', dir: 'desc' }] });
 */
export interface NetworkSort {
  /** The attribute to sort by, in its wire name (`name`, `created_at`). */
  key: string;
  /** `asc` (default) or `desc`. */
  dir?: 'asc' | 'desc' | undefined;
}

/**
 * What every Neutron list accepts besides its typed filters.
 * @example listPorts(network, { limit: 100, fields: ['id', 'status'], tagsAny: ['blue', 'red'] });
 */
export interface NetworkListParams {
  /** Page size asked of Neutron (it may cap it); iteration follows `*_links` to the end anyway. */
  limit?: number | undefined;
  /** Start after the resource with this id. */
  marker?: string | undefined;
  /**
   * Any other attribute filter, in wire names (`{ 'provider:network_type': 'vxlan' }`); an array
   * means "any of". Neutron filters on every top-level attribute.
   */
  filters?: Record<string, SearchParamValue> | undefined;
  /**
   * Only these attributes (wire names) are returned. The other fields of the results are then
   * `undefined`, whatever their type says; `raw` holds exactly what came.
   */
  fields?: readonly string[] | undefined;
  /** Sort order; several keys sort by the first, then the next. */
  sort?: readonly NetworkSort[] | undefined;
  /** Only resources with all of these tags. */
  tags?: readonly string[] | undefined;
  /** Only resources with at least one of these tags. */
  tagsAny?: readonly string[] | undefined;
  /** Leave out resources with all of these tags. */
  notTags?: readonly string[] | undefined;
  /** Leave out resources with any of these tags. */
  notTagsAny?: readonly string[] | undefined;
}

/**
 * Fields Neutron's "standard attributes" give most resources: project, description, tags,
 * timestamps and the revision number used for compare-and-swap updates.
 * @example if (net.tags.includes('prod')) console.log(net.revisionNumber, net.updatedAt);
 */
export interface NetworkStandardAttributes {
  /** The resource's id (a UUID). */
  id: string;
  /** Owning project. */
  projectId: string | undefined;
  description: string | undefined;
  /** Tags (empty when none, or when the `standard-attr-tag` extension is off). */
  tags: string[];
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  /** Increases with every change; pass it as `ifRevision` to update only if nothing changed since. */
  revisionNumber: number | undefined;
  /** The resource as Neutron sent it, unknown fields included. */
  raw: Readonly<Record<string, unknown>>;
}

/** @internal */
export interface StandardWire {
  id: string;
  project_id?: string;
  tenant_id?: string;
  description?: string;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
  revision_number?: number;
}

/** @internal checked fields of the standard attributes */
export const STANDARD_FIELDS: ShapeFields<StandardWire> = {
  id: string,
  project_id: optional(string),
  tenant_id: optional(string),
  description: optional(string),
  tags: optional(arrayOf(string)),
  created_at: optional(string),
  updated_at: optional(string),
  revision_number: optional(number),
};

const time = (v: string | undefined): Date | undefined => (v ? parseTimestamp(v) : undefined);

/** @internal */
export function parseStandard(w: StandardWire): NetworkStandardAttributes {
  return {
    id: w.id,
    projectId: w.project_id ?? w.tenant_id ?? undefined,
    description: w.description ?? undefined,
    tags: w.tags ?? [],
    createdAt: time(w.created_at),
    updatedAt: time(w.updated_at),
    revisionNumber: w.revision_number ?? undefined,
    raw: w as unknown as Record<string, unknown>,
  };
}

/**
 * Parameters every update accepts: the compare-and-swap guard.
 * @example await updatePort(network, id, { name: 'db', ifRevision: port.revisionNumber });
 */
export interface NetworkRevisionGuard {
  /**
   * Update only if the resource's `revision_number` is still this (sent as
   * `If-Match: revision_number=N`); otherwise `NetworkRevisionConflictError` is thrown.
   */
  ifRevision?: number | undefined;
}

/**
 * Options of the deletion waiters of this package (timing, signal, progress, per-poll options).
 * @example await waitForPortDeleted(network, id, { timeoutMs: 60_000 });
 */
export interface NetworkDeletionWaiterOptions<T> extends WaiterOptions<T> {
  /** Headers and per-request timeout of each poll. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

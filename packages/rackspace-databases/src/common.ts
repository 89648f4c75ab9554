import {
  nextLinkOf,
  type PagedIterable,
  paginate,
  type RequestOptions,
  requireString,
  type SearchParamValue,
  ValidationError,
} from '@cloud/core';
import type { DatabaseClient } from './client.js';

/** @internal wire shape of a link */
export interface LinkWire {
  href: string;
  rel: string;
}

/**
 * Paging parameters of every list operation.
 * @example for await (const page of listDatabases(db, instanceId, { limit: 20 }).byPage()) console.log(page.length);
 */
export interface DatabaseListParams {
  /** Page size requested from the service (Trove caps it, often at 20). */
  limit?: number | undefined;
  /** Start after this item (an id, or a name for databases and users). */
  marker?: string | undefined;
}

/**
 * The query of a `rel=next` link, so the next page is requested from the client's own endpoint
 * with the marker the service chose (it may be encoded twice, as Trove does for user names).
 * @internal
 */
export function nextPageQuery(href: string): Record<string, SearchParamValue> {
  const url = new URL(href, 'http://next.invalid/');
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/** Options of {@link pageByLinks}. @internal */
export interface LinkPagerOptions<W, T> {
  client: DatabaseClient;
  path: string;
  /** Key of the array in the body, e.g. `instances`. */
  key: string;
  params: DatabaseListParams;
  query?: Record<string, SearchParamValue> | undefined;
  map(wire: W): T;
  /** Names the parent resource in 404 messages. */
  resource?: string | undefined;
  options?: RequestOptions | undefined;
}

/**
 * Trove's paging: `limit`/`marker` in the query, the next page announced by a `rel=next` link in
 * the body's `links`. Pages may be shorter than `limit` (the service caps it), so only a missing
 * link ends the listing. @internal
 */
export function pageByLinks<W, T>(o: LinkPagerOptions<W, T>): PagedIterable<T> {
  return paginate<T>({
    pageSize: o.params.limit,
    marker: o.params.marker,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit, next }) => {
      const searchParams = next ? nextPageQuery(next) : { ...o.query, limit, marker };
      const res = await o.client.request<Record<string, unknown> | undefined>('GET', o.path, {
        ...o.options,
        searchParams,
        resource: o.resource,
      });
      const body = res.body ?? {};
      const rows = (body[o.key] as W[] | undefined) ?? [];
      const link = nextLinkOf(body.links as LinkWire[] | undefined);
      // A link without a marker, or with the marker just used, would fetch the same page forever.
      const nextMarker = link === undefined ? undefined : nextPageQuery(link).marker;
      const stuck = nextMarker === undefined || nextMarker === searchParams.marker;
      return { items: rows.map(o.map), nextLink: stuck ? undefined : link };
    },
  });
}

/** A list that fits in one response. @internal */
export function singlePage<T>(fetch: () => Promise<T[]>): PagedIterable<T> {
  return paginate<T>({ fetchPage: async () => ({ items: await fetch() }) });
}

/**
 * Trove writes times as `2014-10-30T12:30:00`, in UTC but without a zone; JavaScript would read
 * that as local time. @internal
 */
export function parseTroveDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const zoned = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Drops `undefined` entries so JSON bodies stay minimal. @internal */
export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A non-blank id such as an instance, backup or configuration id. @internal */
export function requireId(value: unknown, field: string): string {
  const s = requireString(value, field);
  if (s.trim() !== s || s.trim() === '') {
    throw new ValidationError(`${field} must not be blank or padded with spaces`, field);
  }
  return s;
}

/** A non-blank name (of an instance, backup or configuration group). @internal */
export function requireName(value: unknown, field: string): string {
  const s = requireString(value, field);
  if (s.trim() === '') throw new ValidationError(`${field} must not be blank`, field);
  return s;
}

/** Maps a `{ id, links }` reference to its id, keeping integer ids as strings. @internal */
export const idOf = (ref: { id?: string | number | null } | undefined): string | undefined =>
  ref?.id === undefined || ref.id === null ? undefined : String(ref.id);

/** An optional string field: `undefined` stays so, anything else must be a non-empty string. @internal */
export const optionalString = (value: unknown, field: string): string | undefined =>
  value === undefined ? undefined : requireString(value, field);

/** Validates a `{ type, version? }` datastore choice and builds its wire shape. @internal */
export function toDatastoreWire(
  datastore: { type: string; version?: string | undefined } | undefined,
): { type: string; version?: string } | undefined {
  if (datastore === undefined) return undefined;
  return compact({
    type: requireString(datastore?.type, 'datastore.type'),
    version: optionalString(datastore.version, 'datastore.version'),
  });
}

import {
  nextLinkOf,
  type PagedIterable,
  paginate,
  type RequestOptions,
  requireString,
  requireUuid,
  type SearchParamValue,
  ValidationError,
} from '@cloud/core';
import type { ComputeClient } from './client.js';

/**
 * A link of a compute resource (`self`, `bookmark`, `next`, `alternate`).
 * @example const self = server.links.find((l) => l.rel === 'self')?.href;
 */
export interface ComputeLink {
  href: string;
  rel: string;
  type?: string | undefined;
}

/** @internal wire shape of a link */
export interface LinkWire {
  href: string;
  rel: string;
  type?: string;
}

/** @internal */
export const parseLinks = (links: LinkWire[] | undefined): ComputeLink[] =>
  (links ?? []).map((l) => ({ href: l.href, rel: l.rel, ...(l.type ? { type: l.type } : {}) }));

/**
 * The query of a `rel=next` link, so the next page is requested from the client's own endpoint
 * (some deployments advertise `http://` links behind a TLS proxy). @internal
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
  client: ComputeClient;
  path: string;
  /** Key of the array in the body, e.g. `servers`. */
  key: string;
  /** Key of the links array, e.g. `servers_links`. */
  linksKey: string;
  query: Record<string, SearchParamValue>;
  limit?: number | undefined;
  marker?: string | undefined;
  map(wire: W): T;
  options?: RequestOptions | undefined;
}

/**
 * Nova's paging: `limit`/`marker` in the query, the next page announced by a `rel=next` link in
 * `<key>_links`. Follows links until a page has none. @internal
 */
export function pageByLinks<W, T>(o: LinkPagerOptions<W, T>): PagedIterable<T> {
  return paginate<T>({
    pageSize: o.limit,
    marker: o.marker,
    fetchPage: async ({ marker, limit, next }) => {
      const searchParams = next ? nextPageQuery(next) : { ...o.query, limit, marker };
      const res = await o.client.request<Record<string, unknown>>('GET', o.path, {
        ...o.options,
        searchParams,
      });
      const body = res.body ?? {};
      const rows = (body[o.key] as W[] | undefined) ?? [];
      return {
        items: rows.map(o.map),
        nextLink: nextLinkOf(body[o.linksKey] as LinkWire[] | undefined),
      };
    },
  });
}

/** A list that fits in one response. @internal */
export function singlePage<T>(fetch: () => Promise<T[]>): PagedIterable<T> {
  return paginate<T>({ fetchPage: async () => ({ items: await fetch() }) });
}

/** Server ids are UUIDs on OpenStack and on Rackspace Next Generation Cloud Servers. @internal */
export const requireServerId = (id: unknown): string => requireUuid(id, 'serverId');

/** @internal */
export const requireName = (value: unknown, field: string): string => {
  const s = requireString(value, field);
  if (s.trim() === '') throw new ValidationError(`${field} must not be blank`, field);
  return s;
};

/** Base64 of a string (UTF-8) or bytes. @internal */
export const toBase64 = (data: string | Uint8Array): string =>
  (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

/** Drops `undefined` entries so JSON bodies stay minimal. @internal */
export function compact<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Reads one response header. @internal */
export const headerOf = (
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

import type { RequestOptions } from '../http/transport.js';
import type { SearchParamValue } from '../http/url.js';
import {
  arrayOf,
  invalidResponse,
  object,
  optional,
  type ResponseLike,
  type Shape,
  string,
  unwrap,
} from '../response/shape.js';
import type { ServiceClient } from '../service-client.js';
import { nextLinkOf, type PagedIterable, paginate } from './paginate.js';

/** Options of {@link paginateByLinks}. */
export interface PaginateByLinksOptions<W, T> {
  /** The service client the pages are requested from. */
  client: ServiceClient;
  /** Path of the listing, relative to the client's endpoint and already encoded. */
  path: string;
  /** Key of the array of rows in the body, e.g. `servers` or `instances`. */
  key: string;
  /**
   * Key of the links array that may hold the `rel=next` link: `links` (default, Trove) or
   * `<key>_links` (Nova, e.g. `servers_links`).
   */
  linksKey?: string | undefined;
  /** Filters of the first request; `undefined` entries are left out. */
  query?: Record<string, SearchParamValue> | undefined;
  /** Page size requested from the service. */
  limit?: number | undefined;
  /** Start after this item (an id or a name, as the service expects). */
  marker?: string | undefined;
  /** Maps one wire row to the public type. */
  map(wire: W): T;
  /**
   * Shape of one wire row. When given, every page body is checked: an object whose `key` is an
   * array of such rows and whose links, if any, are an array of links; anything else (HTML,
   * `null`, a missing wrapper, a wrong type) throws `InvalidResponseError` before `map` runs.
   */
  shape?: Shape<W> | undefined;
  /** Names the resource in error messages, e.g. `database instance "abc"` for a 404. */
  resource?: string | undefined;
  /** Signal, timeout and headers of every page request. */
  options?: RequestOptions | undefined;
}

/**
 * The query of a `rel=next` link as search parameters. Repeated keys become arrays; values are
 * decoded once, so they are sent back exactly as the service wrote them.
 */
function linkQuery(href: string): Record<string, SearchParamValue> {
  const url = new URL(href, 'http://next.invalid/');
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/**
 * Lists a resource that pages with `limit`/`marker` and announces the next page with a `rel=next`
 * link in the body (Nova's `<key>_links`, Trove's `links`). Lazy, like {@link paginate}: nothing is
 * sent until iteration starts.
 *
 * - The first request sends `query` plus `limit` and `marker`. Every later request sends only the
 *   query of the next link (the service's own `limit`, `marker` and filters), to the client's own
 *   endpoint and `path`. The link's scheme and host are ignored on purpose: behind a TLS proxy or
 *   a load balancer, services often advertise an internal host name or `http://` in their links,
 *   while the endpoint the client resolved from the catalog is the one that is reachable.
 * - Pages may be shorter than `limit` (services cap it), so only a missing link ends the listing,
 *   besides an empty page.
 * - A next link without a `marker`, or with the marker of the request just sent, would fetch the
 *   same page forever: such a link ends the listing too.
 * @example
 * ```ts
 * const servers = paginateByLinks({
 *   client: compute, path: 'servers', key: 'servers', linksKey: 'servers_links',
 *   query: { status: 'ACTIVE' }, limit: 100, map: (w: { id: string; name: string }) => w,
 * });
 * for await (const s of servers) console.log(s.id, s.name);
 * ```
 */
export function paginateByLinks<W, T>(o: PaginateByLinksOptions<W, T>): PagedIterable<T> {
  const linksKey = o.linksKey ?? 'links';
  return paginate<T>({
    pageSize: o.limit,
    marker: o.marker,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit, next }) => {
      const searchParams = next ? linkQuery(next) : { ...o.query, limit, marker };
      const res = await o.client.request<Record<string, unknown> | undefined>('GET', o.path, {
        ...o.options,
        searchParams,
        resource: o.resource,
      });
      if (o.shape) checkPage(res, o.key, linksKey, o.shape);
      const body = res.body ?? {};
      const rows = (body[o.key] as W[] | undefined) ?? [];
      const link = nextLinkOf(body[linksKey] as { rel?: string; href?: string }[] | undefined);
      const nextMarker = link === undefined ? undefined : linkQuery(link).marker;
      const stuck = nextMarker === undefined || nextMarker === searchParams.marker;
      return { items: rows.map(o.map), nextLink: stuck ? undefined : link };
    },
  });
}

const PAGE_LINKS = optional(
  arrayOf(object<{ href?: string; rel?: string }>({ href: optional(string), rel: optional(string) })),
);

function checkPage<W>(res: ResponseLike, key: string, linksKey: string, row: Shape<W>): void {
  unwrap(res, key, arrayOf(row));
  const p = PAGE_LINKS.problem((res.body as Record<string, unknown>)[linksKey], linksKey);
  if (p) throw invalidResponse(res, p);
}

import type { PagedIterable, RequestOptions } from '@cloud/core';
import { paginate, parseResponse, type SearchParamValue, type Shape } from '@cloud/core/service';
import type { ImageClient } from '../client.js';

/** @internal Options of {@link paginateByNext}. */
export interface NextPagingOptions<B, W, T> {
  client: ImageClient;
  /** Path relative to the v2 root, e.g. `images`. */
  path: string;
  /** Shape of the whole list body. */
  shape: Shape<B>;
  rows(body: B): W[];
  next(body: B): string | undefined;
  map(wire: W): T;
  query: Record<string, SearchParamValue>;
  limit?: number | undefined;
  marker?: string | undefined;
  options?: RequestOptions | undefined;
}

/** @internal The `marker` of a Glance `next` link (`/v2/images?limit=2&marker=…`). */
export function markerOfNext(next: string): string | undefined {
  return new URL(next, 'http://next.invalid/').searchParams.get('marker') ?? undefined;
}

/**
 * @internal Glance paging: a body's `next` (a relative URL with the query) says another page
 * exists, and its `marker` is where it starts. Later pages send this listing's own filters with
 * that marker rather than the link's query: Glance writes the link from a dict of the request's
 * parameters, so a repeated `tag` or `sort_key` keeps only its last value there, and following it
 * verbatim would silently widen the listing. A `next` without a marker, or with the marker just
 * sent, ends the listing (no endless loop).
 */
export function paginateByNext<B, W, T>(o: NextPagingOptions<B, W, T>): PagedIterable<T> {
  return paginate<T>({
    pageSize: o.limit,
    marker: o.marker,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit, next }) => {
      const from = next !== undefined ? markerOfNext(next) : marker;
      const searchParams = { ...o.query, limit, marker: from };
      const res = await o.client.request('GET', o.path, { ...o.options, searchParams });
      const body = parseResponse(res, o.shape);
      const link = o.next(body);
      const nextMarker = link === undefined ? undefined : markerOfNext(link);
      const stuck = nextMarker === undefined || nextMarker === from;
      return { items: o.rows(body).map(o.map), nextLink: stuck ? undefined : link };
    },
  });
}

import { ValidationError } from '../errors/errors.js';

/** Where the next page starts: a marker (Swift, Nova `marker=`) and/or a full next link. */
export interface PageCursor {
  marker?: string | undefined;
  /**
   * A `rel=next` link from `*_links`, present after a page that returned `nextLink`; `fetchPage`
   * decides how to follow it (`paginateByLinks` sends its query to the client's endpoint).
   */
  next?: string | undefined;
  limit?: number | undefined;
}

/** One fetched page. Return neither `nextMarker` nor `nextLink` to stop. */
export interface Page<T> {
  items: T[];
  nextMarker?: string | undefined;
  nextLink?: string | undefined;
}

/** A lazy list: iterate items with `for await`, or whole pages with `byPage()`. */
export interface PagedIterable<T> extends AsyncIterable<T> {
  /** Iterates pages, optionally starting at `marker` with pages of `limit`. */
  byPage(options?: { marker?: string; limit?: number }): AsyncIterable<T[]>;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<T> {
  fetchPage(cursor: PageCursor): Promise<Page<T>>;
  /** Page size requested from the server (`limit`). */
  pageSize?: number | undefined;
  /** First marker. */
  marker?: string | undefined;
  /** Loop guard. Default 10 000. */
  maxPages?: number | undefined;
  /**
   * Stop when a page is shorter than `pageSize` even if it named a next marker (Swift's listings
   * end when a page is short). Default true.
   */
  stopOnShortPage?: boolean | undefined;
}

/**
 * Builds a lazy {@link PagedIterable} over marker/limit or `*_links` pagination. No request is sent
 * until iteration starts; it stops at an empty page, a page without a next marker or link, or
 * `maxPages`.
 * @example
 * ```ts
 * const it = paginate({ pageSize: 100, fetchPage: async ({ marker, limit }) => {
 *   const rows = await fetchRows(marker, limit);
 *   return { items: rows, nextMarker: rows.at(-1)?.name };
 * } });
 * for await (const row of it) console.log(row);
 * ```
 */
export function paginate<T>(options: PaginateOptions<T>): PagedIterable<T> {
  const maxPages = options.maxPages ?? 10_000;
  if (options.pageSize !== undefined && (!Number.isInteger(options.pageSize) || options.pageSize < 1)) {
    throw new ValidationError(`limit must be a positive integer, got ${options.pageSize}`, 'limit');
  }
  async function* pages(start?: { marker?: string; limit?: number }): AsyncGenerator<T[]> {
    const limit = start?.limit ?? options.pageSize;
    let cursor: PageCursor = { marker: start?.marker ?? options.marker, limit };
    for (let n = 0; n < maxPages; n++) {
      const page = await options.fetchPage(cursor);
      if (page.items.length === 0) return;
      yield page.items;
      const short = limit !== undefined && page.items.length < limit && (options.stopOnShortPage ?? true);
      if (page.nextLink) cursor = { next: page.nextLink, limit };
      else if (page.nextMarker !== undefined && !short) cursor = { marker: page.nextMarker, limit };
      else return;
    }
  }
  return {
    byPage: (o) => pages(o),
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
  };
}

/**
 * A list that the service returns whole, in one response, as a {@link PagedIterable} like the
 * paged lists. `fetch` runs once per iteration, when the iteration starts.
 * @example
 * ```ts
 * const zones = singlePage(async () => (await compute.request<{ zones: Zone[] }>('GET', 'zones')).body.zones);
 * for await (const z of zones) console.log(z.name);
 * ```
 */
export function singlePage<T>(fetch: () => Promise<T[]>): PagedIterable<T> {
  return paginate<T>({ fetchPage: async () => ({ items: await fetch() }) });
}

/**
 * Collects an async iterable into an array, stopping after `max` items (a guard that
 * `Array.fromAsync` lacks).
 * @example
 * ```ts
 * const first50 = await toArray(listContainers(swift), { max: 50 });
 * ```
 */
export async function toArray<T>(iterable: AsyncIterable<T>, options: { max?: number } = {}): Promise<T[]> {
  const out: T[] = [];
  if (options.max === 0) return out;
  for await (const item of iterable) {
    out.push(item);
    if (options.max !== undefined && out.length >= options.max) break;
  }
  return out;
}

/**
 * Finds the `rel="next"` href in an OpenStack `*_links` array.
 * @example
 * ```ts
 * nextLinkOf(body.servers_links); // 'https://nova.example.com/v2.1/servers?marker=…' or undefined
 * ```
 */
export function nextLinkOf(links: { rel?: string; href?: string }[] | undefined): string | undefined {
  return links?.find((l) => l.rel === 'next')?.href;
}

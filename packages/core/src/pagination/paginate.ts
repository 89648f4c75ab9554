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

/**
 * Where `byPage()` starts and how large its pages are.
 * @example
 * ```ts
 * for await (const page of listContainers(swift).byPage({ limit: 100, continuationToken: saved })) …
 * ```
 */
export interface PageSettings {
  /** Resume after the page that carried this token (see {@link ItemPage.continuationToken}). */
  continuationToken?: string | undefined;
  /** Start after this item (an id or a name, as the service expects). Ignored with a token. */
  marker?: string | undefined;
  /** Items per page requested from the service: a positive integer. */
  limit?: number | undefined;
}

/**
 * One page of a list: the items, plus a token that resumes the listing after this page (in this
 * process or another one), absent on the last page.
 * @example
 * ```ts
 * const first = await listServers(compute).byPage({ limit: 50 })[Symbol.asyncIterator]().next();
 * const token = first.value?.continuationToken; // store it, resume later with byPage({ continuationToken: token })
 * ```
 */
export type ItemPage<T> = T[] & {
  /** Opaque; pass to `byPage({ continuationToken })` to continue after this page. */
  readonly continuationToken?: string | undefined;
};

/** A lazy list: iterate items with `for await`, or whole pages with `byPage()`. */
export interface PagedIterable<T> extends AsyncIterable<T> {
  /**
   * Iterates pages, from the start, after `marker`, or after the page whose `continuationToken`
   * is given. Bad settings (a `limit` that is not a positive integer, a token this list did not
   * issue) throw {@link ValidationError} before any request.
   */
  byPage(settings?: PageSettings): AsyncIterable<ItemPage<T>>;
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
  if (options.pageSize !== undefined) checkLimit(options.pageSize);
  async function* pages(first: PageCursor): AsyncGenerator<ItemPage<T>> {
    const limit = first.limit;
    let cursor = first;
    for (let n = 0; n < maxPages; n++) {
      const page = await options.fetchPage(cursor);
      if (page.items.length === 0) return;
      const short = limit !== undefined && page.items.length < limit && (options.stopOnShortPage ?? true);
      const next: PageCursor | undefined = page.nextLink
        ? { next: page.nextLink, limit }
        : page.nextMarker !== undefined && !short
          ? { marker: page.nextMarker, limit }
          : undefined;
      yield withToken(page.items, next);
      if (!next) return;
      cursor = next;
    }
  }
  return {
    byPage(settings = {}) {
      const limit = settings.limit ?? options.pageSize;
      if (limit !== undefined) checkLimit(limit);
      const start = settings.continuationToken
        ? decodeToken(settings.continuationToken)
        : { marker: settings.marker ?? options.marker };
      return pages({ ...start, limit });
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of pages({ marker: options.marker, limit: options.pageSize })) yield* page;
    },
  };
}

function checkLimit(limit: unknown): void {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new ValidationError(`limit must be a positive integer, got ${String(limit)}`, 'limit');
  }
}

const TOKEN_PREFIX = 'c1.';

/** The token that resumes at `next`: versioned, base64url JSON of the marker or next link. */
function encodeToken(next: PageCursor): string {
  const data = next.next !== undefined ? { n: next.next } : { m: next.marker };
  return TOKEN_PREFIX + Buffer.from(JSON.stringify(data)).toString('base64url');
}

function decodeToken(token: string): PageCursor {
  const bad = () =>
    new ValidationError(
      'continuationToken is not a token issued by byPage() of this SDK',
      'continuationToken',
    );
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) throw bad();
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const d = data as { n?: unknown; m?: unknown } | null;
  if (d && typeof d.n === 'string') return { next: d.n };
  if (d && typeof d.m === 'string') return { marker: d.m };
  throw bad();
}

function withToken<T>(items: T[], next: PageCursor | undefined): ItemPage<T> {
  if (next)
    Object.defineProperty(items, 'continuationToken', { value: encodeToken(next), enumerable: false });
  return items;
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

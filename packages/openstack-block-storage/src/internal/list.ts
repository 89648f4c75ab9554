import type { MicroversionRequestOptions, PagedIterable, PageSettings } from '@cloud/core';
import {
  arrayOf,
  invalidResponse,
  type MicroversionGate,
  nextLinkOf,
  object,
  paginate,
  type SearchParamValue,
  type Shape,
  singlePage,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { LINKS, type LinkWire, prepare } from './common.js';

/** What {@link listResource} needs. @internal */
export interface ListOptions<W, T> {
  path: string;
  /** Key of the rows, e.g. `volumes`; the next link is read from `<key>_links`. */
  key: string;
  shape: Shape<W>;
  map(w: W): T;
  query?: Record<string, SearchParamValue> | undefined;
  limit?: number | undefined;
  marker?: string | undefined;
  gates?: readonly MicroversionGate[] | undefined;
  params?: object | undefined;
  options?: MicroversionRequestOptions | undefined;
  resource?: string | undefined;
}

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
 * A marker/limit listing that announces its next page in `<key>_links` (Cinder), with every page
 * shape-checked (HTML, `null`, `{}`, wrong types → InvalidResponseError) and the microversion
 * gates checked before the first request. Next links are followed on the client's own endpoint.
 * @internal
 */
export function listResource<W, T>(client: BlockStorageClient, o: ListOptions<W, T>): PagedIterable<T> {
  const page = object<Record<string, unknown>>({ [o.key]: arrayOf(o.shape), [`${o.key}_links`]: LINKS });
  let req: Promise<Awaited<ReturnType<typeof prepare>>> | undefined;
  const inner = paginate<T>({
    pageSize: o.limit,
    marker: o.marker,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit, next }) => {
      req ??= prepare(client, o.gates ?? [], o.params, o.options);
      const searchParams = next ? linkQuery(next) : { ...o.query, limit, marker };
      const res = await client.request('GET', o.path, { ...(await req), searchParams, resource: o.resource });
      const p = page.problem(res.body, 'body');
      if (p) throw invalidResponse(res, p);
      if (!(o.key in (res.body as object))) throw invalidResponse(res, `the body has no "${o.key}"`);
      const body = res.body as Record<string, unknown>;
      const link = nextLinkOf(body[`${o.key}_links`] as LinkWire[] | undefined);
      const nextMarker = link === undefined ? undefined : linkQuery(link).marker;
      const stuck = nextMarker === undefined || nextMarker === searchParams.marker;
      return { items: (body[o.key] as W[]).map(o.map), nextLink: stuck ? undefined : link };
    },
  });
  return {
    byPage: (settings?: PageSettings) => inner.byPage(settings),
    [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
  };
}

/** A list answered whole in one response under `key`, shape-checked. @internal */
export function listWhole<W, T>(
  client: BlockStorageClient,
  o: Omit<ListOptions<W, T>, 'limit' | 'marker'>,
): PagedIterable<T> {
  return singlePage(async () => {
    const req = await prepare(client, o.gates ?? [], o.params, o.options);
    const res = await client.request('GET', o.path, { ...req, searchParams: o.query, resource: o.resource });
    return unwrap(res, o.key, arrayOf(o.shape)).map(o.map);
  });
}

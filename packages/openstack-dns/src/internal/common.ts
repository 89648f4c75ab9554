import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  invalidResponse,
  object,
  optional,
  paginate,
  parseTimestamp,
  type ResponseLike,
  type SearchParamValue,
  type Shape,
  string,
  unwrap,
} from '@cloud/core/service';
import { adminHeaders, type DnsClient } from '../client.js';

/**
 * Per-call options of every Designate operation: signal, timeout, headers, and the two
 * administrator headers.
 * @example await listZones(dns, {}, { allProjects: true, timeoutMs: 10_000 });
 */
export interface DnsRequestOptions extends RequestOptions {
  /** Administrators: see every project's resources (`X-Auth-All-Projects: true`). */
  allProjects?: boolean | undefined;
  /** Administrators: act as this project (`X-Auth-Sudo-Project-ID`). */
  sudoProjectId?: string | undefined;
}

/** @internal the service request options of one call */
export function callOptions(options: DnsRequestOptions | undefined): RequestOptions {
  if (!options) return {};
  const { allProjects, sudoProjectId, headers, ...rest } = options;
  return { ...rest, headers: { ...adminHeaders({ allProjects, sudoProjectId }), ...headers } };
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** @internal Designate ids are UUIDs. */
export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new ValidationError(
      `${field} must be a UUID, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

const LABEL = /^(?:\*|[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)$/;

/**
 * @internal A fully qualified DNS name with its trailing dot (`www.example.com.`), at most 255
 * characters, labels of 1 to 63 characters.
 */
export function requireFqdn(value: unknown, field: string, { wildcard = false } = {}): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new ValidationError(`${field} must be a DNS name such as "example.com."`, field);
  if (!value.endsWith('.'))
    throw new ValidationError(`${field} must be fully qualified and end with a dot, e.g. "${value}."`, field);
  if (value.length > 255) throw new ValidationError(`${field} must be at most 255 characters`, field);
  const labels = value.slice(0, -1).split('.');
  labels.forEach((label, i) => {
    const ok = LABEL.test(label) && (label !== '*' || (wildcard && i === 0));
    if (!ok) throw new ValidationError(`${field} has an invalid label ${JSON.stringify(label)}`, field);
  });
  return value;
}

/** Largest TTL Designate accepts (a signed 32-bit integer). */
export const MAX_TTL = 2_147_483_647;

/** @internal */
export function requireTtl(value: unknown, field = 'ttl'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TTL)
    throw new ValidationError(
      `${field} must be an integer between 1 and ${MAX_TTL}, got ${String(value)}`,
      field,
    );
  return value;
}

/** @internal a contact address such as `hostmaster@example.com` */
export function requireEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) || value.length > 255)
    throw new ValidationError(`${field} must be an e-mail address, got ${JSON.stringify(value)}`, field);
  return value;
}

/** @internal an optional description of at most 160 characters */
export function optionalDescription(value: unknown, field = 'description'): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' || value.length > 160)
    throw new ValidationError(`${field} must be a string of at most 160 characters`, field);
  return value;
}

/** Sort parameters every Designate listing accepts. */
export interface DnsSortParams {
  /** Field to sort by, e.g. `name`, `created_at`. */
  sortKey?: string | undefined;
  /** `asc` or `desc`. */
  sortDir?: 'asc' | 'desc' | undefined;
  /** Page size requested from the server (Designate caps it at `max_page_limit`). */
  limit?: number | undefined;
  /** Start after this id. */
  marker?: string | undefined;
}

/** @internal the query of a link, decoded once; repeated keys become arrays */
export function linkQuery(href: string): Record<string, SearchParamValue> {
  const url = new URL(href, 'http://next.invalid/');
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/** Designate's `links` object: `self` and, when there are more rows, `next`, both full URLs. */
export interface DnsLinks {
  self?: string | undefined;
  next?: string | undefined;
  [rel: string]: string | undefined;
}

/** @internal */
export const LINKS = object<DnsLinks>({ self: optional(string), next: optional(string) });

/** @internal options of {@link listDesignate} */
interface ListOptions<W, T> {
  client: DnsClient;
  path: string;
  key: string;
  shape: Shape<W>;
  map(w: W): T;
  query?: Record<string, SearchParamValue> | undefined;
  page?: DnsSortParams | undefined;
  options?: DnsRequestOptions | undefined;
  resource?: string | undefined;
}

/**
 * @internal A Designate listing: `limit`/`marker` on the first request, then the query of
 * `links.next` (a full URL) sent to the client's own endpoint, until a page has no next link.
 */
export function listDesignate<W, T>(o: ListOptions<W, T>): PagedIterable<T> {
  const page = o.page ?? {};
  if (page.marker !== undefined) requireId(page.marker, 'marker');
  if (page.sortDir !== undefined && page.sortDir !== 'asc' && page.sortDir !== 'desc')
    throw new ValidationError('sortDir must be asc or desc', 'sortDir');
  const request = callOptions(o.options);
  return paginate<T>({
    pageSize: page.limit,
    marker: page.marker,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit, next }) => {
      const searchParams = next
        ? linkQuery(next)
        : { ...o.query, sort_key: page.sortKey, sort_dir: page.sortDir, limit, marker };
      const res = await o.client.request<Record<string, unknown>>('GET', o.path, {
        ...request,
        searchParams,
        resource: o.resource,
      });
      const rows = unwrap(res, o.key, arrayOf(o.shape));
      const links = linksOf(res);
      const nextMarker = links?.next === undefined ? undefined : linkQuery(links.next).marker;
      const stuck = nextMarker === undefined || nextMarker === searchParams.marker;
      return { items: rows.map(o.map), nextLink: stuck ? undefined : links?.next };
    },
  });
}

function linksOf(res: ResponseLike): DnsLinks | undefined {
  const links = (res.body as Record<string, unknown>).links;
  const p = optional(LINKS).problem(links, 'links');
  if (p) throw invalidResponse(res, p);
  return links as DnsLinks | undefined;
}

/** @internal a timestamp field that Designate writes as `null` until set */
export const optionalDate = (value: string | null | undefined): Date | undefined =>
  value ? parseTimestamp(value) : undefined;

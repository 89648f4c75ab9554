import { isIPv4, isIPv6 } from 'node:net';
import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  invalidResponse,
  number,
  object,
  optional,
  paginate,
  type SearchParamValue,
  type Shape,
  string,
  unwrap,
} from '@cloud/core/service';
import type { RackspaceDnsClient } from '../client.js';

const LABEL = /^(?:\*|[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)$/;

/**
 * @internal Cloud DNS writes names without the trailing dot (`www.example.com`); one with a dot is
 * refused here rather than by the service.
 */
export function requireDnsName(value: unknown, field: string, { wildcard = false } = {}): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new ValidationError(`${field} must be a DNS name such as "example.com"`, field);
  if (value.endsWith('.'))
    throw new ValidationError(
      `${field} must be written without a trailing dot in Rackspace Cloud DNS, e.g. "${value.slice(0, -1)}"`,
      field,
    );
  if (value.length > 253) throw new ValidationError(`${field} must be at most 253 characters`, field);
  const labels = value.split('.');
  if (labels.length < 2) throw new ValidationError(`${field} must have at least two labels`, field);
  labels.forEach((label, i) => {
    if (!LABEL.test(label) || (label === '*' && !(wildcard && i === 0)))
      throw new ValidationError(`${field} has an invalid label ${JSON.stringify(label)}`, field);
  });
  return value;
}

/** Smallest TTL Cloud DNS accepts, in seconds. */
export const RACKSPACE_DNS_MIN_TTL = 300;

/** @internal */
export function requireRackspaceTtl(value: unknown, field = 'ttl'): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < RACKSPACE_DNS_MIN_TTL ||
    value > 2_147_483_647
  )
    throw new ValidationError(
      `${field} must be an integer of at least ${RACKSPACE_DNS_MIN_TTL} seconds, got ${String(value)}`,
      field,
    );
  return value;
}

/** @internal */
export function requireEmailAddress(value: unknown, field = 'emailAddress'): string {
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    throw new ValidationError(`${field} must be an e-mail address, got ${JSON.stringify(value)}`, field);
  return value;
}

/** @internal comments are at most 160 characters */
export function optionalComment(value: unknown, field = 'comment'): void {
  if (value !== undefined && (typeof value !== 'string' || value.length > 160))
    throw new ValidationError(`${field} must be a string of at most 160 characters`, field);
}

/** @internal Cloud DNS domain ids are numbers, sent in paths as digits. */
export function requireDomainId(value: unknown, field = 'domainId'): string {
  const s = typeof value === 'number' ? String(value) : value;
  if (typeof s !== 'string' || !/^\d{1,20}$/.test(s))
    throw new ValidationError(`${field} must be a numeric domain id, got ${JSON.stringify(value)}`, field);
  return s;
}

/** @internal record ids look like `A-6822994` or `PTR-563452`. */
export function requireRecordId(value: unknown, field = 'recordId'): string {
  if (typeof value !== 'string' || !/^[A-Za-z]{1,10}-\d{1,20}$/.test(value))
    throw new ValidationError(
      `${field} must be a record id such as "A-6822994", got ${JSON.stringify(value)}`,
      field,
    );
  return value;
}

/** @internal checks a record's data and priority against its type */
export function checkRecordData(
  r: { type: unknown; data: unknown; priority?: unknown; name?: unknown },
  at: string,
): void {
  const type = r.type;
  if (typeof type !== 'string' || !/^[A-Z]{1,10}$/.test(type))
    throw new ValidationError(`${at}.type must be a record type such as A or MX`, `${at}.type`);
  const field = `${at}.data`;
  if (typeof r.data !== 'string' || r.data === '')
    throw new ValidationError(`${field} must be a non-empty string`, field);
  const needsPriority = type === 'MX' || type === 'SRV';
  if (needsPriority) {
    const p = r.priority;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 65_535)
      throw new ValidationError(
        `${at}.priority is required for ${type} records: an integer 0 to 65535`,
        `${at}.priority`,
      );
  } else if (r.priority !== undefined) {
    throw new ValidationError(`${at}.priority is only for MX and SRV records`, `${at}.priority`);
  }
  switch (type) {
    case 'A':
      if (!isIPv4(r.data))
        throw new ValidationError(`${field} must be an IPv4 address for an A record`, field);
      break;
    case 'AAAA':
      if (!isIPv6(r.data))
        throw new ValidationError(`${field} must be an IPv6 address for an AAAA record`, field);
      break;
    case 'PTR':
      if (!isIPv4(r.data) && !isIPv6(r.data))
        throw new ValidationError(`${field} must be the IP address of a PTR record`, field);
      break;
    case 'CNAME':
    case 'NS':
    case 'MX':
      requireDnsName(r.data, field);
      break;
    case 'TXT':
      if (r.data.length > 65_535) throw new ValidationError(`${field} is too long`, field);
      break;
  }
}

/** A `rel=next` link of a Cloud DNS listing. */
const LINK = object<{ href?: string; rel?: string }>({ href: optional(string), rel: optional(string) });

/** @internal options of {@link listByOffset} */
interface OffsetList<W, T> {
  client: RackspaceDnsClient;
  path: string;
  key: string;
  shape: Shape<W>;
  map(w: W): T;
  query?: Record<string, SearchParamValue> | undefined;
  limit?: number | undefined;
  options?: RequestOptions | undefined;
  resource?: string | undefined;
}

/**
 * @internal A Cloud DNS listing: `limit`/`offset` pages, `totalEntries` and a `rel=next` link.
 * The offset is the paging cursor, so `continuationToken` resumes at the next offset.
 */
export function listByOffset<W, T>(o: OffsetList<W, T>): PagedIterable<T> {
  return paginate<T>({
    pageSize: o.limit,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit }) => {
      const offset = marker === undefined ? 0 : Number(marker);
      const res = await o.client.request('GET', o.path, {
        ...o.options,
        searchParams: { ...o.query, limit, offset: offset || undefined },
        resource: o.resource,
      });
      const rows = unwrap(res, o.key, arrayOf(o.shape));
      const body = res.body as { totalEntries?: unknown; links?: unknown };
      const problem =
        optional(number).problem(body.totalEntries, 'totalEntries') ??
        optional(arrayOf(LINK)).problem(body.links, 'links');
      if (problem) throw invalidResponse(res, problem);
      const total = body.totalEntries as number | undefined;
      const links = body.links as { rel?: string }[] | undefined;
      const end = offset + rows.length;
      const more = links?.some((l) => l.rel === 'next') || (total !== undefined && end < total);
      return { items: rows.map(o.map), nextMarker: more && rows.length > 0 ? String(end) : undefined };
    },
  });
}

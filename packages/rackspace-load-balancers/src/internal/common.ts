import { isIP } from 'node:net';
import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  boolean,
  object,
  oneOf,
  optional,
  paginate,
  type SearchParamValue,
  type Shape,
  string,
  stringOrNumber,
  unwrap,
} from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';

/** Protocols Cloud Load Balancers documents (`GET loadbalancers/protocols` lists the live set). */
export const CLB_PROTOCOLS = [
  'DNS_TCP',
  'DNS_UDP',
  'FTP',
  'HTTP',
  'HTTPS',
  'IMAPS',
  'IMAPv2',
  'IMAPv3',
  'IMAPv4',
  'LDAP',
  'LDAPS',
  'MYSQL',
  'POP3',
  'POP3S',
  'SFTP',
  'SMTP',
  'TCP',
  'TCP_CLIENT_FIRST',
  'TCP_STREAM',
  'UDP',
  'UDP_STREAM',
] as const;
/** A Cloud Load Balancers protocol. */
export type ClbProtocol = (typeof CLB_PROTOCOLS)[number];

/** Load-balancing algorithms Cloud Load Balancers documents. */
export const CLB_ALGORITHMS = [
  'LEAST_CONNECTIONS',
  'RANDOM',
  'ROUND_ROBIN',
  'WEIGHTED_LEAST_CONNECTIONS',
  'WEIGHTED_ROUND_ROBIN',
] as const;
/** A Cloud Load Balancers algorithm. */
export type ClbAlgorithm = (typeof CLB_ALGORITHMS)[number];

/**
 * The account limits the service applies by default (`getClbAbsoluteLimits` reads an account's
 * own): checked before a request, so a list that can never be accepted is refused at once.
 */
export const CLB_DEFAULT_LIMITS = {
  /** Nodes per load balancer. */
  nodes: 25,
  /** Network items per access list. */
  accessListItems: 100,
  /** Ids per bulk delete request. */
  batchDelete: 10,
  /** Metadata items per load balancer or node. */
  metadataItems: 25,
  /** Largest node weight. */
  nodeWeight: 100,
} as const;

/** @internal Cloud Load Balancers ids are integers, sent in paths as digits. */
export function requireClbId(value: unknown, field: string): string {
  const s = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof s !== 'string' || !/^\d{1,19}$/.test(s))
    throw new ValidationError(`${field} must be a numeric id, got ${JSON.stringify(value)}`, field);
  return s;
}

/** @internal a TCP/UDP port */
export function requirePort(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65_535)
    throw new ValidationError(`${field} must be a port from 1 to 65535, got ${String(value)}`, field);
  return value;
}

/** @internal an integer within [min, max] */
export function requireRange(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ValidationError(
      `${field} must be an integer from ${min} to ${max}, got ${String(value)}`,
      field,
    );
  return value;
}

/** @internal one of a documented set of names */
export function requireEnum<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new ValidationError(
      `${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
      field,
    );
  return value as T;
}

/** @internal a boolean */
export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean')
    throw new ValidationError(`${field} must be true or false, got ${JSON.stringify(value)}`, field);
  return value;
}

/** @internal a string of 1 to `max` characters */
export function requireText(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw new ValidationError(`${field} must be a string of 1 to ${max} characters`, field);
  return value;
}

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * @internal A node address: an IPv4 or IPv6 address, or a fully qualified domain name (the
 * service accepts names under its allowed domains, see `listClbAllowedDomains`). Anything else
 * (`10.0.0.300`, `web-1`, a URL) is refused.
 */
export function requireNodeAddress(value: unknown, field: string): string {
  if (typeof value === 'string' && isIP(value) !== 0) return value;
  const bad = () =>
    new ValidationError(
      `${field} must be an IP address (or a fully qualified domain name of an allowed domain), got ${JSON.stringify(value)}`,
      field,
    );
  if (typeof value !== 'string' || value.length > 253) throw bad();
  const labels = value.split('.');
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!))
    throw bad();
  return value;
}

/** @internal an access-list address: an IP address or a CIDR network such as `192.0.2.0/24` */
export function requireNetworkAddress(value: unknown, field: string): string {
  const bad = () =>
    new ValidationError(
      `${field} must be an IP address or a CIDR network such as "192.0.2.0/24", got ${JSON.stringify(value)}`,
      field,
    );
  if (typeof value !== 'string') throw bad();
  const [ip, prefix, extra] = value.split('/');
  const version = isIP(ip ?? '');
  if (version === 0 || extra !== undefined) throw bad();
  if (prefix !== undefined) {
    const max = version === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) throw bad();
  }
  return value;
}

/** @internal a non-empty list of at most `max` ids, for the `?id=…&id=…` bulk deletes */
export function requireIdList(value: unknown, field: string, max = CLB_DEFAULT_LIMITS.batchDelete): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max)
    throw new ValidationError(`${field} must be a list of 1 to ${max} ids`, field);
  return value.map((v, i) => requireClbId(v, `${field}[${i}]`));
}

/** @internal a non-empty list of at most `max` items */
export function requireList<T>(value: unknown, field: string, max: number): T[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max)
    throw new ValidationError(`${field} must be a list of 1 to ${max} items`, field);
  return value as T[];
}

/** @internal a params object (or nothing, when `optional`) */
export function requireParams(value: unknown, field = 'params'): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ValidationError(`${field} must be an object`, field);
}

/**
 * @internal Booleans the service writes as JSON booleans or, in places, as the strings `"true"`
 * and `"false"` (`halfClosed` in the create response).
 */
export const FLAG: Shape<boolean | string> = oneOf(boolean, string);

/** @internal */
export const toFlag = (v: boolean | string | undefined): boolean | undefined =>
  v === undefined ? undefined : typeof v === 'boolean' ? v : v.toLowerCase() === 'true';

/** @internal `{"time": "2011-04-13T14:18:07Z"}` */
export interface TimeWire {
  time?: string;
}
/** @internal */
export const TIME = object<TimeWire>({ time: optional(string) });

/** @internal */
export const toDate = (t: TimeWire | string | undefined): Date | undefined => {
  const s = typeof t === 'string' ? t : t?.time;
  return s ? new Date(s) : undefined;
};

/** @internal */
export const idOf = (v: string | number): string => String(v);

/** @internal a row with an id, for marker paging */
export const ID_ROW = object<{ id: string | number }>({ id: stringOrNumber });

/** @internal options of {@link listByMarker} */
interface MarkerList<W extends { id: string | number }, T> {
  client: RackspaceLoadBalancersClient;
  path: string;
  key: string;
  shape: Shape<W>;
  map(w: W): T;
  query?: Record<string, SearchParamValue> | undefined;
  limit?: number | undefined;
  options?: RequestOptions | undefined;
  resource?: string | undefined;
}

/** Largest page the service returns. */
const MAX_PAGE = 100;

/**
 * @internal A Cloud Load Balancers listing: `limit` and `marker`, where (as the developer guide
 * describes) the page *begins with* the item whose id is the marker. The next page is asked from
 * the last id seen and a first row repeating it is dropped, so the listing is right whether the
 * marker is inclusive, as documented, or exclusive. A page shorter than asked is the last.
 */
export function listByMarker<W extends { id: string | number }, T>(o: MarkerList<W, T>): PagedIterable<T> {
  if (o.limit !== undefined) requireRange(o.limit, 'limit', 2, MAX_PAGE);
  const limit = o.limit ?? MAX_PAGE;
  return paginate<T>({
    pageSize: limit,
    stopOnShortPage: false,
    fetchPage: async ({ marker, limit: asked }) => {
      const size = asked ?? limit;
      const res = await o.client.request('GET', o.path, {
        ...o.options,
        searchParams: { ...o.query, limit: size, marker },
        resource: o.resource,
      });
      const rows = unwrap(res, o.key, arrayOf(o.shape));
      const fresh = marker !== undefined && rows[0] && String(rows[0].id) === marker ? rows.slice(1) : rows;
      const last = rows.at(-1);
      return {
        items: fresh.map(o.map),
        nextMarker: rows.length >= size && last && fresh.length > 0 ? String(last.id) : undefined,
      };
    },
  });
}

/** @internal a `{"name": …}` row of the algorithm, protocol and cipher lists */
export const NAME_ROW = object<{ name: string }>({ name: string });

/** @internal the resource name of a load balancer, for errors */
export const lbResource = (id: string): string => `load balancer "${id}"`;

import { number, object, optional, string, stringOrNumber } from '@cloud/core/service';

/**
 * A record of a Cloud DNS domain (or a PTR record of a device).
 * @example const r = await getDomainRecord(dns, domainId, 'A-6822994'); console.log(r.name, r.data);
 */
export interface DnsDomainRecord {
  /** `A-6822994`, `MX-3151218`… */
  id: string;
  /** Without a trailing dot. */
  name: string;
  type: string;
  data: string;
  ttl: number | undefined;
  /** MX and SRV records only. */
  priority: number | undefined;
  comment: string | undefined;
  created: Date | undefined;
  updated: Date | undefined;
  raw: DnsDomainRecordWire;
}

/** @internal wire shape */
export interface DnsDomainRecordWire {
  id: string;
  name: string;
  type: string;
  data: string;
  ttl?: number;
  priority?: number;
  comment?: string;
  created?: string;
  updated?: string;
  [field: string]: unknown;
}

/** @internal */
export const DOMAIN_RECORD = object<DnsDomainRecordWire>({
  id: string,
  name: string,
  type: string,
  data: string,
  ttl: optional(number),
  priority: optional(number),
  comment: optional(string),
  created: optional(string),
  updated: optional(string),
});

/** @internal */
export const parseDomainRecord = (w: DnsDomainRecordWire): DnsDomainRecord => ({
  id: w.id,
  name: w.name,
  type: w.type,
  data: w.data,
  ttl: w.ttl,
  priority: w.priority,
  comment: w.comment,
  created: w.created ? new Date(w.created) : undefined,
  updated: w.updated ? new Date(w.updated) : undefined,
  raw: w,
});

/**
 * A record to create: `priority` is required for MX and SRV, forbidden otherwise; names have no
 * trailing dot; the TTL is at least 300 seconds.
 * @example { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 10, ttl: 3600 }
 */
export interface DnsRecordInput {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'SRV' | 'TXT' | 'PTR' | (string & {});
  data: string;
  ttl?: number | undefined;
  priority?: number | undefined;
  comment?: string | undefined;
}

/** @internal keeps ids readable whether the service writes numbers or strings */
export const ID = stringOrNumber;

import { arrayOf, number, object, optional, string } from '@cloud/core/service';
import { type DnsLinks, LINKS, optionalDate } from '../internal/common.js';
import type { DnsAction, DnsStatus } from '../zones/types.js';

/** Record types Designate serves. */
export const DNS_RECORD_TYPES = [
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'SRV',
  'NS',
  'PTR',
  'CAA',
  'SPF',
  'SSHFP',
  'NAPTR',
  'CERT',
  'SOA',
] as const;
/** A record type, known or not. */
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number] | (string & {});

/**
 * A recordset: every record of one name and type in a zone.
 * @example const rs = await getRecordset(dns, zoneId, id); console.log(rs.name, rs.type, rs.records);
 */
export interface Recordset {
  id: string;
  zoneId: string;
  zoneName: string | undefined;
  projectId: string | undefined;
  /** Fully qualified, with the trailing dot. */
  name: string;
  type: DnsRecordType;
  /** The records' data in zone-file form: `192.0.2.1`, `10 mail.example.com.`, `"v=spf1 -all"`. */
  records: string[];
  /** `undefined` means the zone's default TTL. */
  ttl: number | undefined;
  description: string | undefined;
  status: DnsStatus;
  action: DnsAction;
  version: number | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  /** The recordset as Designate sent it, unknown fields included. */
  raw: RecordsetWire;
}

/** @internal wire shape */
export interface RecordsetWire {
  id: string;
  zone_id: string;
  zone_name?: string | null;
  project_id?: string | null;
  name: string;
  type: string;
  records: string[];
  ttl?: number | null;
  description?: string | null;
  status: string;
  action: string;
  version?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const RECORDSET = object<RecordsetWire>({
  id: string,
  zone_id: string,
  zone_name: optional(string),
  project_id: optional(string),
  name: string,
  type: string,
  records: arrayOf(string),
  ttl: optional(number),
  description: optional(string),
  status: string,
  action: string,
  version: optional(number),
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

/** @internal */
export const parseRecordset = (w: RecordsetWire): Recordset => ({
  id: w.id,
  zoneId: w.zone_id,
  zoneName: w.zone_name ?? undefined,
  projectId: w.project_id ?? undefined,
  name: w.name,
  type: w.type,
  records: w.records,
  ttl: w.ttl ?? undefined,
  description: w.description ?? undefined,
  status: w.status,
  action: w.action,
  version: w.version ?? undefined,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

import { arrayOf, number, object, optional, string, stringOrNumber } from '@cloud/core/service';
import {
  type DnsDomainRecord,
  type DnsDomainRecordWire,
  DOMAIN_RECORD,
  parseDomainRecord,
} from '../records/types.js';

/**
 * A Cloud DNS domain. `records`, `subdomains` and `nameservers` are present when asked for
 * ({@link getDomain} with `showRecords`/`showSubdomains`).
 * @example const d = await getDomain(dns, domainId, { showRecords: true }); console.log(d.records?.length);
 */
export interface DnsDomain {
  id: string;
  /** Without a trailing dot. */
  name: string;
  accountId: string | undefined;
  emailAddress: string | undefined;
  ttl: number | undefined;
  comment: string | undefined;
  created: Date | undefined;
  updated: Date | undefined;
  nameservers: string[] | undefined;
  records: DnsDomainRecord[] | undefined;
  /** Records beyond those returned inline. */
  totalRecords: number | undefined;
  subdomains: DnsDomain[] | undefined;
  raw: DnsDomainWire;
}

/** @internal wire shape */
export interface DnsDomainWire {
  id: string | number;
  name: string;
  accountId?: string | number;
  emailAddress?: string;
  ttl?: number;
  comment?: string;
  created?: string;
  updated?: string;
  nameservers?: { name: string }[];
  recordsList?: { records?: DnsDomainRecordWire[]; totalEntries?: number };
  subdomains?: { domains?: DnsDomainWire[]; totalEntries?: number };
  [field: string]: unknown;
}

const BASE = {
  id: stringOrNumber,
  name: string,
  accountId: optional(stringOrNumber),
  emailAddress: optional(string),
  ttl: optional(number),
  comment: optional(string),
  created: optional(string),
  updated: optional(string),
};

/** @internal */
export const SUBDOMAIN = object<DnsDomainWire>(BASE);

/** @internal */
export const DOMAIN = object<DnsDomainWire>({
  ...BASE,
  nameservers: optional(arrayOf(object<{ name: string }>({ name: string }))),
  recordsList: optional(
    object<{ records?: DnsDomainRecordWire[]; totalEntries?: number }>({
      records: optional(arrayOf(DOMAIN_RECORD)),
      totalEntries: optional(number),
    }),
  ),
  subdomains: optional(
    object<{ domains?: DnsDomainWire[]; totalEntries?: number }>({
      domains: optional(arrayOf(SUBDOMAIN)),
      totalEntries: optional(number),
    }),
  ),
});

/** @internal */
export const parseDomain = (w: DnsDomainWire): DnsDomain => ({
  id: String(w.id),
  name: w.name,
  accountId: w.accountId === undefined ? undefined : String(w.accountId),
  emailAddress: w.emailAddress,
  ttl: w.ttl,
  comment: w.comment,
  created: w.created ? new Date(w.created) : undefined,
  updated: w.updated ? new Date(w.updated) : undefined,
  nameservers: w.nameservers?.map((n) => n.name),
  records: w.recordsList?.records?.map(parseDomainRecord),
  totalRecords: w.recordsList?.totalEntries,
  subdomains: w.subdomains?.domains?.map(parseDomain),
  raw: w,
});

/**
 * The BIND 9 export of a domain, the `response` of an {@link exportDomain} job.
 * @example const { response } = await waitForDnsJob(dns, await exportDomain(dns, domainId)); console.log(response?.contents);
 */
export interface DnsDomainExport {
  id: string;
  accountId: string | undefined;
  contentType: string;
  /** The zone text. */
  contents: string;
}

/** @internal */
export const DOMAIN_EXPORT = object<{
  id: string | number;
  accountId?: string | number;
  contentType: string;
  contents: string;
}>({
  id: stringOrNumber,
  accountId: optional(stringOrNumber),
  contentType: string,
  contents: string,
});

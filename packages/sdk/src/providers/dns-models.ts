import type { ProviderName } from './options.js';

/**
 * Status of a zone or record, the same on every provider. `providerStatus` keeps the cloud's own
 * word.
 * - `ACTIVE`: served by the name servers (Designate `ACTIVE` with action `NONE`; every Rackspace
 *   zone and record, since Cloud DNS reports no status once its job is done)
 * - `PENDING`: a change is being applied (Designate `PENDING`, or `ACTIVE` with an action left)
 * - `ERROR`: the last change failed
 * - `UNKNOWN`: anything else
 * @example if (zone.status === 'ACTIVE') console.log('served');
 */
export type ProviderDnsStatus = 'ACTIVE' | 'PENDING' | 'ERROR' | 'UNKNOWN';

/** Maps a Designate status and action to {@link ProviderDnsStatus}. @internal */
export const normalizeDnsStatus = (status: string | undefined, action?: string): ProviderDnsStatus => {
  const upper = (status ?? '').toUpperCase();
  if (upper === 'ACTIVE') return action && action !== 'NONE' ? 'PENDING' : 'ACTIVE';
  if (upper === 'PENDING' || upper === 'ERROR') return upper;
  return 'UNKNOWN';
};

/**
 * Record types the neutral client writes. Which of them a provider takes is in
 * `capabilities.recordTypes`.
 * @example const type: ProviderDnsRecordType = 'MX';
 */
export type ProviderDnsRecordType =
  | 'A'
  | 'AAAA'
  | 'CNAME'
  | 'MX'
  | 'TXT'
  | 'SRV'
  | 'NS'
  | 'PTR'
  | 'CAA'
  | 'SPF'
  | 'SSHFP';

/** Types whose records carry a `priority` (required when writing them). @internal */
export const PRIORITY_TYPES: readonly string[] = ['MX', 'SRV'];

/**
 * What a provider's DNS service does differently, as types: code written for any provider
 * checks the flag and the compiler knows the literal value for a known provider.
 *
 * | capability | OpenStack (Designate) | Rackspace Cloud DNS |
 * |---|---|---|
 * | `recordTypes` | A AAAA CNAME MX TXT SRV NS PTR CAA SPF SSHFP | A AAAA CNAME MX TXT SRV NS PTR |
 * | `minTtl` / `maxTtl` | 1 / 2147483647 | 300 / 2147483647 |
 * | `soaInRecords` | yes: `getRecords` lists the zone's SOA (read-only, kept by Designate) | no: the SOA is hidden |
 * | `multiValueRecords` | yes: a record is a recordset and `values` may hold several data | no: one datum per record |
 * | `renameRecords` | no: a recordset keeps its name | yes: `updateRecord` takes `name` |
 * | `recordStatus` | yes: records report `PENDING`/`ACTIVE`/`ERROR` | no: always `ACTIVE` |
 *
 * Both need an `email` for a zone (Designate puts it in the SOA; Cloud DNS calls it
 * `emailAddress`), so `createZone` requires it everywhere.
 * @example
 * ```ts
 * const ttl = Math.max(60, dns.capabilities.minTtl);
 * if (dns.capabilities.recordTypes.includes('CAA')) await dns.createRecord(zone, { type: 'CAA', ... });
 * ```
 */
export interface ProviderDnsCapabilities {
  /** Record types `createRecord` accepts. */
  readonly recordTypes: readonly ProviderDnsRecordType[];
  /** Smallest TTL in seconds. */
  readonly minTtl: number;
  /** Largest TTL in seconds. */
  readonly maxTtl: number;
  /** `getRecords` includes the zone's SOA record (which no client may create, change or delete). */
  readonly soaInRecords: boolean;
  /** A record may hold several data of one name and type (`values`). */
  readonly multiValueRecords: boolean;
  /** `updateRecord` may change a record's `name`. */
  readonly renameRecords: boolean;
  /** Records report their own status. */
  readonly recordStatus: boolean;
}

const OPENSTACK_TYPES = [
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
] as const;
const RACKSPACE_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'PTR'] as const;

/** OpenStack Designate. */
export interface OpenStackDnsCapabilities extends ProviderDnsCapabilities {
  readonly recordTypes: typeof OPENSTACK_TYPES;
  readonly minTtl: 1;
  readonly maxTtl: 2147483647;
  readonly soaInRecords: true;
  readonly multiValueRecords: true;
  readonly renameRecords: false;
  readonly recordStatus: true;
}

/** Rackspace Cloud DNS. */
export interface RackspaceDnsCapabilities extends ProviderDnsCapabilities {
  readonly recordTypes: typeof RACKSPACE_TYPES;
  readonly minTtl: 300;
  readonly maxTtl: 2147483647;
  readonly soaInRecords: false;
  readonly multiValueRecords: false;
  readonly renameRecords: true;
  readonly recordStatus: false;
}

/**
 * The DNS capabilities of provider `P`: literal values for one provider, wide types when the
 * provider is not known at compile time.
 * @example const caps: DnsCapabilitiesOf<'rackspace'> = dns.capabilities;
 */
export type DnsCapabilitiesOf<P extends ProviderName> = P extends 'rackspace'
  ? RackspaceDnsCapabilities
  : P extends 'openstack'
    ? OpenStackDnsCapabilities
    : ProviderDnsCapabilities;

/** @internal */
export const DNS_CAPABILITIES: { openstack: OpenStackDnsCapabilities; rackspace: RackspaceDnsCapabilities } =
  {
    openstack: {
      recordTypes: OPENSTACK_TYPES,
      minTtl: 1,
      maxTtl: 2147483647,
      soaInRecords: true,
      multiValueRecords: true,
      renameRecords: false,
      recordStatus: true,
    },
    rackspace: {
      recordTypes: RACKSPACE_TYPES,
      minTtl: 300,
      maxTtl: 2147483647,
      soaInRecords: false,
      multiValueRecords: false,
      renameRecords: true,
      recordStatus: false,
    },
  };

/**
 * A DNS zone (a Designate zone, a Cloud DNS domain). Names are written without the trailing dot
 * (`example.com`) on every provider.
 */
export interface ProviderDnsZone {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Zone id (a UUID on Designate, a number as a string on Rackspace). */
  id: string;
  /** `example.com`: no trailing dot. */
  name: string;
  /** The zone owner's contact address (SOA). */
  email: string | undefined;
  /** Default TTL of its records, in seconds. */
  ttl: number | undefined;
  /** Designate's description, Cloud DNS's comment. */
  description: string | undefined;
  /** The status, the same words on every provider. */
  status: ProviderDnsStatus;
  /** The status as the cloud reported it (`undefined` on Rackspace). */
  providerStatus: string | undefined;
  /** SOA serial, when the cloud reports it (Designate). */
  serial: number | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
}

/**
 * A DNS record. Names and host names in `data` (CNAME, NS, PTR, MX and SRV targets) are written
 * without the trailing dot; MX and SRV keep their priority apart in `priority` (SRV `data` is
 * `weight port target`); TXT data is the text itself, unquoted.
 */
export interface ProviderDnsRecord {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Record id (a Designate recordset id; `A-6822994` on Rackspace). */
  id: string;
  /** The zone it belongs to. */
  zoneId: string;
  /** Fully qualified, without the trailing dot: `www.example.com`. */
  name: string;
  /** `A`, `MX`…; any type the cloud reports (`SOA` too on Designate). */
  type: ProviderDnsRecordType | (string & {});
  /** The (first) datum: `192.0.2.10`, `mail.example.com`, `v=spf1 -all`. */
  data: string;
  /** Every datum of the record (one on Rackspace; a recordset may hold several on Designate). */
  values: string[];
  /** MX and SRV: the priority; `undefined` for other types. */
  priority: number | undefined;
  /** `undefined`: the zone's default TTL. */
  ttl: number | undefined;
  /** Designate's description, Cloud DNS's comment. */
  description: string | undefined;
  /** The status, the same words on every provider (`ACTIVE` on Rackspace). */
  status: ProviderDnsStatus;
  /** The status as the cloud reported it (`undefined` on Rackspace). */
  providerStatus: string | undefined;
}

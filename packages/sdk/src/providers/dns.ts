import { isIPv4, isIPv6 } from 'node:net';
import {
  InvalidResponseError,
  type RequestOptions,
  toArray,
  ValidationError,
  type WaiterOptions,
} from '@cloud/core';
import {
  createDnsClient,
  createRecordset,
  createZone,
  type DnsClient,
  deleteRecordset,
  deleteZone,
  getRecordset,
  getZone,
  listRecordsets,
  listZones,
  type Recordset,
  txtRecordData,
  updateRecordset,
  updateZone,
  waitForRecordsetDeleted,
  waitForRecordsetStatus,
  waitForZoneDeleted,
  waitForZoneStatus,
  type Zone,
} from '@cloud/openstack-dns';
import {
  createDomain,
  createDomainRecords,
  createRackspaceDnsClient,
  type DnsDomain,
  type DnsDomainRecord,
  deleteDomain,
  deleteDomainRecords,
  getDomain,
  getDomainRecord,
  listDomainRecords,
  listDomains,
  type RackspaceDnsClient,
  updateDomain,
  updateDomainRecord,
  waitForDnsJob,
} from '@cloud/rackspace-dns';
import {
  DNS_CAPABILITIES,
  type DnsCapabilitiesOf,
  normalizeDnsStatus,
  PRIORITY_TYPES,
  type ProviderDnsCapabilities,
  type ProviderDnsRecord,
  type ProviderDnsRecordType,
  type ProviderDnsZone,
} from './dns-models.js';
import type { ProviderName } from './options.js';
import { idOf, type ProviderIdRef, requireParams } from './refs.js';
import type { ProviderContext } from './session.js';

/**
 * Per-call options of the DNS client's methods: the usual request options, plus how writes wait
 * for the change to be applied (Designate: the zone or recordset `ACTIVE`, or gone; Rackspace:
 * the asynchronous job `COMPLETED`). `signal` also ends the wait.
 * @example await dns.createZone({ name: 'example.com', email: 'hostmaster@example.com' }, { wait: { timeoutMs: 60_000 } });
 */
export interface ProviderDnsRequestOptions extends RequestOptions {
  /** Timeout and poll delays of the wait that follows every write. */
  wait?: Omit<WaiterOptions, 'signal' | 'onPoll'> | undefined;
}

/** A zone given by id, or a zone a method returned (its `name` then lets record names be checked). */
export type ProviderDnsZoneRef = ProviderIdRef | ProviderDnsZone;
/** A record given by id, or a record a method returned (its `type` then lets `data` be checked before any request). */
export type ProviderDnsRecordRef = ProviderIdRef | ProviderDnsRecord;

/** Parameters of {@link ProviderDnsClient.createZone}. */
export interface ProviderCreateZoneParams {
  /** `example.com` or `example.com.`. */
  name: string;
  /** The owner's contact address (SOA); every provider requires it. */
  email: string;
  /** Default TTL of its records, within `capabilities.minTtl`–`maxTtl`. */
  ttl?: number | undefined;
  description?: string | undefined;
}

/** Parameters of {@link ProviderDnsClient.updateZone}. */
export interface ProviderUpdateZoneParams {
  email?: string | undefined;
  ttl?: number | undefined;
  description?: string | undefined;
}

/** Parameters of {@link ProviderDnsClient.createRecord}. */
export interface ProviderCreateRecordParams {
  /** Fully qualified, with or without the trailing dot: `www.example.com`; `*.example.com` for a wildcard. */
  name: string;
  /** One of `capabilities.recordTypes`. */
  type: ProviderDnsRecordType;
  /**
   * The datum: an IPv4 address (A), an IPv6 address (AAAA), a host name (CNAME, NS, PTR, MX),
   * `weight port target` (SRV), the text itself (TXT, SPF), `flags tag "value"` (CAA).
   */
  data: string;
  /** MX and SRV: required, 0–65535. Refused for other types. */
  priority?: number | undefined;
  /** Within `capabilities.minTtl`–`maxTtl`; the zone's default when omitted. */
  ttl?: number | undefined;
  description?: string | undefined;
}

/** Parameters of {@link ProviderDnsClient.updateRecord}. */
export interface ProviderUpdateRecordParams {
  /** A new name: needs `capabilities.renameRecords` (Rackspace). */
  name?: string | undefined;
  /** Replaces the record's data (every value of a Designate recordset). */
  data?: string | undefined;
  /** MX and SRV only. */
  priority?: number | undefined;
  ttl?: number | undefined;
  description?: string | undefined;
}

/** Filters of {@link ProviderDnsClient.getRecords}. */
export interface ProviderRecordFilter {
  /** Only records of this type. */
  type?: ProviderDnsRecordType | (string & {}) | undefined;
  /** Only records of this name (with or without the trailing dot). */
  name?: string | undefined;
}

/**
 * Zones and their records, the same on every provider (OpenStack Designate, Rackspace Cloud
 * DNS), in the shape of pkgcloud's `dns` service with promises. Writes return once the change is
 * applied: on Designate when the zone or recordset is `ACTIVE` (deletes: once it is gone), on
 * Rackspace when the asynchronous job is `COMPLETED` (a failed job throws `DnsJobError`).
 *
 * Names are accepted with or without the trailing dot and always returned without it
 * (`www.example.com`), host names in record data too. Bad input (an invalid name, a TTL outside
 * `capabilities.minTtl`–`maxTtl`, an MX or SRV without priority, an IPv6 address for an A record,
 * a type the provider does not serve) throws `ValidationError` before any request. Lists are
 * collected into arrays.
 * @example
 * ```ts
 * const dns = providers.rackspace.dns({ username, apiKey });
 * const zone = await dns.createZone({ name: 'example.com', email: 'hostmaster@example.com', ttl: 3600 });
 * await dns.createRecord(zone, { name: 'www.example.com', type: 'A', data: '192.0.2.10' });
 * await dns.createRecord(zone, { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 10 });
 * ```
 */
export interface ProviderDnsClient<P extends ProviderName = ProviderName> {
  /** Which cloud this client talks to. */
  readonly provider: P;
  /** The underlying client, for everything else `@cloud/openstack-dns` / `@cloud/rackspace-dns` offer. */
  readonly client: P extends 'rackspace'
    ? RackspaceDnsClient
    : P extends 'openstack'
      ? DnsClient
      : DnsClient | RackspaceDnsClient;
  /** What this provider does differently; see {@link ProviderDnsCapabilities}. */
  readonly capabilities: DnsCapabilitiesOf<P>;
  /** Lists the zones, optionally only the one of this exact name. */
  getZones(params?: { name?: string | undefined }, options?: RequestOptions): Promise<ProviderDnsZone[]>;
  /** @throws NotFoundError when there is no such zone. */
  getZone(zone: ProviderDnsZoneRef, options?: RequestOptions): Promise<ProviderDnsZone>;
  /** Creates a zone and waits until it is served. @throws ConflictError when the name is taken. */
  createZone(params: ProviderCreateZoneParams, options?: ProviderDnsRequestOptions): Promise<ProviderDnsZone>;
  /** Changes a zone's email, default TTL or description, and waits until applied. */
  updateZone(
    zone: ProviderDnsZoneRef,
    params: ProviderUpdateZoneParams,
    options?: ProviderDnsRequestOptions,
  ): Promise<ProviderDnsZone>;
  /** Deletes a zone with its records and waits until it is gone. */
  deleteZone(zone: ProviderDnsZoneRef, options?: ProviderDnsRequestOptions): Promise<void>;
  /** Lists a zone's records (its SOA too where `capabilities.soaInRecords`). */
  getRecords(
    zone: ProviderDnsZoneRef,
    params?: ProviderRecordFilter,
    options?: RequestOptions,
  ): Promise<ProviderDnsRecord[]>;
  /** @throws NotFoundError when there is no such record. */
  getRecord(
    zone: ProviderDnsZoneRef,
    record: ProviderDnsRecordRef,
    options?: RequestOptions,
  ): Promise<ProviderDnsRecord>;
  /** Adds a record and waits until it is served. */
  createRecord(
    zone: ProviderDnsZoneRef,
    params: ProviderCreateRecordParams,
    options?: ProviderDnsRequestOptions,
  ): Promise<ProviderDnsRecord>;
  /**
   * Changes a record and waits until applied. Given an id only, the record is read first to
   * check `data` against its type.
   */
  updateRecord(
    zone: ProviderDnsZoneRef,
    record: ProviderDnsRecordRef,
    params: ProviderUpdateRecordParams,
    options?: ProviderDnsRequestOptions,
  ): Promise<ProviderDnsRecord>;
  /** Deletes a record and waits until it is gone. */
  deleteRecord(
    zone: ProviderDnsZoneRef,
    record: ProviderDnsRecordRef,
    options?: ProviderDnsRequestOptions,
  ): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Input checks, shared by both providers (before any request)

const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
const HOST_TYPES = ['CNAME', 'NS', 'PTR'];

const withoutDot = (name: string): string => (name.endsWith('.') ? name.slice(0, -1) : name);

/** A DNS name, returned without its trailing dot. @internal */
export function dnsName(value: unknown, field: string, { wildcard = false, minLabels = 2 } = {}): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ValidationError(`${field} must be a DNS name such as "example.com"`, field);
  const name = withoutDot(value).toLowerCase();
  if (name.length === 0 || name.length > 253)
    throw new ValidationError(`${field} must be 1 to 253 characters, without the trailing dot`, field);
  const labels = name.split('.');
  if (labels.length < minLabels)
    throw new ValidationError(`${field} must be fully qualified, e.g. "www.example.com"`, field);
  labels.forEach((label, i) => {
    if (label === '*' && wildcard && i === 0) return;
    if (!LABEL.test(label))
      throw new ValidationError(`${field} has an invalid label ${JSON.stringify(label)}`, field);
  });
  return name;
}

function ttlOf(value: unknown, caps: ProviderDnsCapabilities, provider: ProviderName): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < caps.minTtl || value > caps.maxTtl)
    throw new ValidationError(
      `ttl must be an integer from ${caps.minTtl} to ${caps.maxTtl} seconds on ${provider}, got ${String(value)}`,
      'ttl',
    );
  return value;
}

function emailOf(value: unknown): string {
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    throw new ValidationError('email must be an address such as "hostmaster@example.com"', 'email');
  return value;
}

function priorityOf(type: string, value: unknown, required: boolean): number | undefined {
  if (!PRIORITY_TYPES.includes(type)) {
    if (value !== undefined) throw new ValidationError(`a ${type} record has no priority`, 'priority');
    return undefined;
  }
  if (value === undefined) {
    if (required) throw new ValidationError(`a ${type} record needs a priority (0-65535)`, 'priority');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535)
    throw new ValidationError(
      `priority must be an integer from 0 to 65535, got ${String(value)}`,
      'priority',
    );
  return value;
}

const u16 = (s: string | undefined): boolean => !!s && /^\d{1,5}$/.test(s) && Number(s) <= 65535;

/** Checks `data` for `type` and returns it in neutral form (host names without the dot). @internal */
export function recordData(type: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ValidationError(`data of a ${type} record is required`, 'data');
  switch (type) {
    case 'A':
      if (!isIPv4(value))
        throw new ValidationError(`an A record needs an IPv4 address, got "${value}"`, 'data');
      return value;
    case 'AAAA':
      if (!isIPv6(value))
        throw new ValidationError(`an AAAA record needs an IPv6 address, got "${value}"`, 'data');
      return value;
    case 'MX':
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return dnsName(value, 'data');
    case 'SRV': {
      const parts = value.trim().split(/\s+/);
      if (parts.length !== 3 || !u16(parts[0]) || !u16(parts[1]))
        throw new ValidationError(
          'SRV data must be "weight port target", e.g. "5 5060 sip.example.com"',
          'data',
        );
      return `${Number(parts[0])} ${Number(parts[1])} ${dnsName(parts[2], 'data')}`;
    }
    default:
      return value;
  }
}

function checkType(type: unknown, caps: ProviderDnsCapabilities, provider: ProviderName): string {
  if (typeof type !== 'string' || !(caps.recordTypes as readonly string[]).includes(type))
    throw new ValidationError(
      `type must be one of ${caps.recordTypes.join(', ')} on ${provider}, got ${JSON.stringify(type)}`,
      'type',
    );
  return type;
}

/** Rejects a record name outside the zone, when the zone's name is known. */
function checkInZone(name: string, zone: ProviderDnsZoneRef): void {
  const zoneName = typeof zone === 'object' && 'name' in zone ? zone.name : undefined;
  if (typeof zoneName !== 'string') return;
  const z = withoutDot(zoneName).toLowerCase();
  if (name !== z && !name.endsWith(`.${z}`))
    throw new ValidationError(`name "${name}" is not in zone "${z}"`, 'name');
}

const knownType = (ref: ProviderDnsRecordRef): string | undefined =>
  typeof ref === 'object' && 'type' in ref && typeof ref.type === 'string' ? ref.type : undefined;

const exactName = <T extends { name: string }>(items: T[], name: string | undefined): T[] =>
  name === undefined ? items : items.filter((i) => i.name === name);

const waitOf = (options: ProviderDnsRequestOptions | undefined) => {
  const { wait, ...request } = options ?? {};
  return { wait: { ...wait, signal: request.signal }, request };
};

// ---------------------------------------------------------------------------------------------
// OpenStack Designate

const fqdn = (name: string) => `${name}.`;

/** Neutral data of a record → Designate's zone-file form. @internal */
export function toDesignateData(type: string, data: string, priority: number | undefined): string {
  if (HOST_TYPES.includes(type)) return fqdn(data);
  if (type === 'MX') return `${priority} ${fqdn(data)}`;
  if (type === 'SRV') {
    const [weight, port, target] = data.split(' ');
    return `${priority} ${weight} ${port} ${fqdn(target!)}`;
  }
  if (type === 'TXT' || type === 'SPF') return txtRecordData(data);
  return data;
}

const unquote = (text: string): string => {
  const chunks = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  return chunks.length ? chunks.join('') : text;
};

/** Designate's zone-file form → neutral data and priority. @internal */
export function fromDesignateData(
  type: string,
  value: string,
): { data: string; priority: number | undefined } {
  if (HOST_TYPES.includes(type)) return { data: withoutDot(value), priority: undefined };
  if (type === 'MX' || type === 'SRV') {
    const [first, ...rest] = value.trim().split(/\s+/);
    const last = rest.length - 1;
    const data = rest.map((part, i) => (i === last ? withoutDot(part) : part)).join(' ');
    return { data, priority: Number(first) };
  }
  if (type === 'TXT' || type === 'SPF') return { data: unquote(value), priority: undefined };
  return { data: value, priority: undefined };
}

const fromZone = (z: Zone): ProviderDnsZone => ({
  provider: 'openstack',
  id: z.id,
  name: withoutDot(z.name),
  email: z.email,
  ttl: z.ttl,
  description: z.description,
  status: normalizeDnsStatus(z.status, z.action),
  providerStatus: z.status,
  serial: z.serial,
  createdAt: z.createdAt,
  updatedAt: z.updatedAt,
});

const fromRecordset = (r: Recordset): ProviderDnsRecord => {
  const values = r.records.map((v) => fromDesignateData(r.type, v));
  return {
    provider: 'openstack',
    id: r.id,
    zoneId: r.zoneId,
    name: withoutDot(r.name),
    type: r.type,
    data: values[0]?.data ?? '',
    values: values.map((v) => v.data),
    priority: values[0]?.priority,
    ttl: r.ttl,
    description: r.description,
    status: normalizeDnsStatus(r.status, r.action),
    providerStatus: r.status,
  };
};

function openstackDns(ctx: ProviderContext): ProviderDnsClient<'openstack'> {
  const caps = DNS_CAPABILITIES.openstack;
  const client = createDnsClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  const active = async (zoneId: string, options: ProviderDnsRequestOptions | undefined) => {
    const { wait, request } = waitOf(options);
    return fromZone(await waitForZoneStatus(client, zoneId, 'ACTIVE', { ...wait, request }));
  };
  const recordActive = async (zoneId: string, id: string, options: ProviderDnsRequestOptions | undefined) => {
    const { wait, request } = waitOf(options);
    return fromRecordset(await waitForRecordsetStatus(client, zoneId, id, 'ACTIVE', { ...wait, request }));
  };

  return {
    provider: 'openstack',
    client,
    capabilities: caps,
    async getZones(params = {}, options) {
      const name = params.name === undefined ? undefined : dnsName(params.name, 'name');
      const zones = await toArray(listZones(client, { name: name && fqdn(name) }, options));
      return exactName(zones.map(fromZone), name);
    },
    getZone: async (zone, options) => fromZone(await getZone(client, idOf(zone, 'zone'), options)),
    async createZone(params, options) {
      requireParams(params);
      const name = dnsName(params.name, 'name');
      const email = emailOf(params.email);
      const ttl = ttlOf(params.ttl, caps, 'openstack');
      const { request } = waitOf(options);
      const created = await createZone(
        client,
        { name: fqdn(name), email, ttl, description: params.description },
        request,
      );
      return active(created.id, options);
    },
    async updateZone(zone, params, options) {
      requireParams(params);
      const id = idOf(zone, 'zone');
      const email = params.email === undefined ? undefined : emailOf(params.email);
      const ttl = ttlOf(params.ttl, caps, 'openstack');
      const { request } = waitOf(options);
      await updateZone(client, id, { email, ttl, description: params.description }, request);
      return active(id, options);
    },
    async deleteZone(zone, options) {
      const id = idOf(zone, 'zone');
      const { wait, request } = waitOf(options);
      await deleteZone(client, id, request);
      await waitForZoneDeleted(client, id, { ...wait, request });
    },
    async getRecords(zone, params = {}, options) {
      const zoneId = idOf(zone, 'zone');
      const name = params.name === undefined ? undefined : dnsName(params.name, 'name', { wildcard: true });
      const sets = listRecordsets(client, zoneId, { name: name && fqdn(name), type: params.type }, options);
      const records = (await toArray(sets)).map(fromRecordset);
      return exactName(records, name).filter((r) => params.type === undefined || r.type === params.type);
    },
    getRecord: async (zone, record, options) =>
      fromRecordset(await getRecordset(client, idOf(zone, 'zone'), idOf(record, 'record'), options)),
    async createRecord(zone, params, options) {
      requireParams(params);
      const zoneId = idOf(zone, 'zone');
      const type = checkType(params.type, caps, 'openstack');
      const name = dnsName(params.name, 'name', { wildcard: true });
      checkInZone(name, zone);
      const data = recordData(type, params.data);
      const priority = priorityOf(type, params.priority, true);
      const ttl = ttlOf(params.ttl, caps, 'openstack');
      const { request } = waitOf(options);
      const created = await createRecordset(
        client,
        zoneId,
        {
          name: fqdn(name),
          type,
          records: [toDesignateData(type, data, priority)],
          ttl,
          description: params.description,
        },
        request,
      );
      return recordActive(zoneId, created.id, options);
    },
    async updateRecord(zone, record, params, options) {
      requireParams(params);
      const zoneId = idOf(zone, 'zone');
      const id = idOf(record, 'record');
      if (params.name !== undefined)
        throw new ValidationError('openstack cannot rename a record (capabilities.renameRecords)', 'name');
      const ttl = ttlOf(params.ttl, caps, 'openstack');
      const type = knownType(record);
      if (type !== undefined) {
        if (params.data !== undefined) recordData(type, params.data);
        priorityOf(type, params.priority, false);
      }
      const { request } = waitOf(options);
      let records: string[] | undefined;
      if (params.data !== undefined || params.priority !== undefined) {
        const current = fromRecordset(await getRecordset(client, zoneId, id, request));
        const data = recordData(current.type, params.data ?? current.data);
        const priority = priorityOf(current.type, params.priority ?? current.priority, true);
        records = [toDesignateData(current.type, data, priority)];
      }
      await updateRecordset(client, zoneId, id, { records, ttl, description: params.description }, request);
      return recordActive(zoneId, id, options);
    },
    async deleteRecord(zone, record, options) {
      const zoneId = idOf(zone, 'zone');
      const id = idOf(record, 'record');
      const { wait, request } = waitOf(options);
      await deleteRecordset(client, zoneId, id, request);
      await waitForRecordsetDeleted(client, zoneId, id, { ...wait, request });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rackspace Cloud DNS

const fromDomain = (d: DnsDomain): ProviderDnsZone => ({
  provider: 'rackspace',
  id: d.id,
  name: withoutDot(d.name),
  email: d.emailAddress,
  ttl: d.ttl,
  description: d.comment,
  status: 'ACTIVE',
  providerStatus: undefined,
  serial: undefined,
  createdAt: d.created,
  updatedAt: d.updated,
});

const fromDomainRecord = (zoneId: string, r: DnsDomainRecord): ProviderDnsRecord => {
  const data = HOST_TYPES.includes(r.type) || r.type === 'MX' ? withoutDot(r.data) : r.data;
  const neutral = r.type === 'SRV' ? data.replace(/(\S+)$/, (target) => withoutDot(target)) : data;
  return {
    provider: 'rackspace',
    id: r.id,
    zoneId,
    name: withoutDot(r.name),
    type: r.type,
    data: neutral,
    values: [neutral],
    priority: r.priority,
    ttl: r.ttl,
    description: r.comment,
    status: 'ACTIVE',
    providerStatus: undefined,
  };
};

function rackspaceDnsClient(ctx: ProviderContext): ProviderDnsClient<'rackspace'> {
  const caps = DNS_CAPABILITIES.rackspace;
  // Cloud DNS has one global endpoint without a region: the catalog lookup must not ask for one.
  const client = createRackspaceDnsClient(ctx.session, { interface: ctx.interface });
  const job = async <R>(
    started: Promise<Parameters<typeof waitForDnsJob<R>>[1]>,
    options: ProviderDnsRequestOptions | undefined,
  ) => {
    const { wait, request } = waitOf(options);
    const { signal: _signal, ...perPoll } = request;
    return waitForDnsJob<R>(client, await started, { ...wait, request: perPoll });
  };

  return {
    provider: 'rackspace',
    client,
    capabilities: caps,
    async getZones(params = {}, options) {
      const name = params.name === undefined ? undefined : dnsName(params.name, 'name');
      const domains = await toArray(listDomains(client, { name }, options));
      return exactName(domains.map(fromDomain), name);
    },
    getZone: async (zone, options) => fromDomain(await getDomain(client, idOf(zone, 'zone'), {}, options)),
    async createZone(params, options) {
      requireParams(params);
      const name = dnsName(params.name, 'name');
      const emailAddress = emailOf(params.email);
      const ttl = ttlOf(params.ttl, caps, 'rackspace');
      const { request } = waitOf(options);
      const done = await job(
        createDomain(client, { name, emailAddress, ttl, comment: params.description }, request),
        options,
      );
      const [domain] = done.response ?? [];
      if (!domain)
        throw new InvalidResponseError(`DNS job "${done.jobId}" completed without the created domain`);
      return fromDomain(domain);
    },
    async updateZone(zone, params, options) {
      requireParams(params);
      const id = idOf(zone, 'zone');
      const emailAddress = params.email === undefined ? undefined : emailOf(params.email);
      const ttl = ttlOf(params.ttl, caps, 'rackspace');
      const { request } = waitOf(options);
      await job(
        updateDomain(client, id, { emailAddress, ttl, comment: params.description }, request),
        options,
      );
      return fromDomain(await getDomain(client, id, {}, request));
    },
    async deleteZone(zone, options) {
      const id = idOf(zone, 'zone');
      const { request } = waitOf(options);
      await job(deleteDomain(client, id, {}, request), options);
    },
    async getRecords(zone, params = {}, options) {
      const zoneId = idOf(zone, 'zone');
      const name = params.name === undefined ? undefined : dnsName(params.name, 'name', { wildcard: true });
      const found = listDomainRecords(client, zoneId, { type: params.type, name }, options);
      const records = (await toArray(found)).map((r) => fromDomainRecord(zoneId, r));
      return exactName(records, name).filter((r) => params.type === undefined || r.type === params.type);
    },
    async getRecord(zone, record, options) {
      const zoneId = idOf(zone, 'zone');
      return fromDomainRecord(zoneId, await getDomainRecord(client, zoneId, idOf(record, 'record'), options));
    },
    async createRecord(zone, params, options) {
      requireParams(params);
      const zoneId = idOf(zone, 'zone');
      const type = checkType(params.type, caps, 'rackspace');
      const name = dnsName(params.name, 'name', { wildcard: true });
      checkInZone(name, zone);
      const data = recordData(type, params.data);
      const priority = priorityOf(type, params.priority, true);
      const ttl = ttlOf(params.ttl, caps, 'rackspace');
      const { request } = waitOf(options);
      const done = await job(
        createDomainRecords(
          client,
          zoneId,
          [{ name, type, data, priority, ttl, comment: params.description }],
          request,
        ),
        options,
      );
      const [created] = done.response ?? [];
      if (!created)
        throw new InvalidResponseError(`DNS job "${done.jobId}" completed without the created record`);
      return fromDomainRecord(zoneId, created);
    },
    async updateRecord(zone, record, params, options) {
      requireParams(params);
      const zoneId = idOf(zone, 'zone');
      const id = idOf(record, 'record');
      const name = params.name === undefined ? undefined : dnsName(params.name, 'name', { wildcard: true });
      if (name !== undefined) checkInZone(name, zone);
      const ttl = ttlOf(params.ttl, caps, 'rackspace');
      const { request } = waitOf(options);
      let type = knownType(record);
      if (type === undefined && (params.data !== undefined || params.priority !== undefined)) {
        type = (await getDomainRecord(client, zoneId, id, request)).type;
      }
      const data =
        type !== undefined && params.data !== undefined ? recordData(type, params.data) : undefined;
      const priority = type !== undefined ? priorityOf(type, params.priority, false) : undefined;
      await job(
        updateDomainRecord(
          client,
          zoneId,
          id,
          { name, data, priority, ttl, comment: params.description },
          request,
        ),
        options,
      );
      return fromDomainRecord(zoneId, await getDomainRecord(client, zoneId, id, request));
    },
    async deleteRecord(zone, record, options) {
      const zoneId = idOf(zone, 'zone');
      const { request } = waitOf(options);
      await job(deleteDomainRecords(client, zoneId, [idOf(record, 'record')], request), options);
    },
  };
}

/** Builds the provider-neutral DNS client of `ctx.provider`. @internal */
export function createProviderDns<P extends 'openstack' | 'rackspace'>(
  ctx: ProviderContext & { provider: P },
): ProviderDnsClient<P> {
  return (ctx.provider === 'rackspace' ? rackspaceDnsClient(ctx) : openstackDns(ctx)) as ProviderDnsClient<P>;
}

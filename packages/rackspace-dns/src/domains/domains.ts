import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  invalidResponse,
  object,
  omitUndefined,
  parseResponse,
  type ResponseLike,
} from '@cloud/core/service';
import type { RackspaceDnsClient } from '../client.js';
import {
  checkRecordData,
  listByOffset,
  optionalComment,
  requireDnsName,
  requireDomainId,
  requireEmailAddress,
  requireRackspaceTtl,
} from '../internal/common.js';
import { acceptedJob } from '../jobs/jobs.js';
import type { DnsJob } from '../jobs/types.js';
import type { DnsRecordInput } from '../records/types.js';
import {
  type DnsDomain,
  type DnsDomainExport,
  type DnsDomainWire,
  DOMAIN,
  DOMAIN_EXPORT,
  parseDomain,
  SUBDOMAIN,
} from './types.js';

/**
 * Filters of {@link listDomains}: `name` finds a domain and its subdomains by name.
 * @example listDomains(dns, { name: 'example.com', limit: 100 });
 */
export interface ListDomainsParams {
  name?: string | undefined;
  /** Page size (the service caps it at 100). */
  limit?: number | undefined;
}

/**
 * Lists the account's domains, lazily (`limit`/`offset` pages); with `name`, searches by name.
 * @example
 * ```ts
 * for await (const d of listDomains(dns, { name: 'example.com' })) console.log(d.id, d.name);
 * ```
 */
export function listDomains(
  client: RackspaceDnsClient,
  params: ListDomainsParams = {},
  options?: RequestOptions,
): PagedIterable<DnsDomain> {
  if (params.name !== undefined) requireDnsName(params.name, 'name');
  return listByOffset<DnsDomainWire, DnsDomain>({
    client,
    path: 'domains',
    key: 'domains',
    shape: SUBDOMAIN,
    map: parseDomain,
    query: { name: params.name },
    limit: params.limit,
    options,
  });
}

/**
 * Parameters of {@link getDomain}.
 * @example getDomain(dns, domainId, { showRecords: true, showSubdomains: true });
 */
export interface GetDomainParams {
  /** Include the domain's records (default true at the service). */
  showRecords?: boolean | undefined;
  /** Include the subdomains (default true at the service). */
  showSubdomains?: boolean | undefined;
}

/**
 * Gets a domain, with its records, subdomains and name servers.
 * @throws NotFoundError naming the domain.
 * @example
 * ```ts
 * const d = await getDomain(dns, domainId, { showRecords: true });
 * for (const r of d.records ?? []) console.log(r.type, r.name, r.data);
 * ```
 */
export async function getDomain(
  client: RackspaceDnsClient,
  domainId: string,
  params: GetDomainParams = {},
  options?: RequestOptions,
): Promise<DnsDomain> {
  const id = requireDomainId(domainId);
  const res = await client.request('GET', `domains/${id}`, {
    ...options,
    searchParams: { showRecords: params.showRecords, showSubdomains: params.showSubdomains },
    resource: `domain "${id}"`,
  });
  return parseDomain(parseResponse(res, DOMAIN));
}

/**
 * A domain to create, with records and subdomains to create along with it.
 * @example
 * ```ts
 * { name: 'example.com', emailAddress: 'hostmaster@example.com', ttl: 3600,
 *   records: [{ name: 'www.example.com', type: 'A', data: '192.0.2.10' }],
 *   subdomains: [{ name: 'dev.example.com', emailAddress: 'dev@example.com' }] }
 * ```
 */
export interface CreateDomainParams {
  /** Without a trailing dot. */
  name: string;
  emailAddress: string;
  /** At least 300 seconds. */
  ttl?: number | undefined;
  comment?: string | undefined;
  records?: DnsRecordInput[] | undefined;
  subdomains?: Omit<CreateDomainParams, 'records' | 'subdomains'>[] | undefined;
}

/** @internal a record in the wire form, checked */
export function recordBody(r: DnsRecordInput, at: string) {
  if (!r || typeof r !== 'object') throw new ValidationError(`${at} must be a record`, at);
  requireDnsName(r.name, `${at}.name`, { wildcard: true });
  checkRecordData(r, at);
  if (r.ttl !== undefined) requireRackspaceTtl(r.ttl, `${at}.ttl`);
  optionalComment(r.comment, `${at}.comment`);
  return omitUndefined({
    name: r.name,
    type: r.type,
    data: r.data,
    ttl: r.ttl,
    priority: r.priority,
    comment: r.comment,
  });
}

function domainBody(d: CreateDomainParams, at: string): Record<string, unknown> {
  if (!d || typeof d !== 'object') throw new ValidationError(`${at} must be a domain`, at);
  requireDnsName(d.name, `${at}.name`);
  requireEmailAddress(d.emailAddress, `${at}.emailAddress`);
  if (d.ttl !== undefined) requireRackspaceTtl(d.ttl, `${at}.ttl`);
  optionalComment(d.comment, `${at}.comment`);
  return omitUndefined({
    name: d.name,
    emailAddress: d.emailAddress,
    ttl: d.ttl,
    comment: d.comment,
    recordsList: d.records && { records: d.records.map((r, i) => recordBody(r, `${at}.records[${i}]`)) },
    subdomains: d.subdomains && {
      domains: d.subdomains.map((s, i) => domainBody(s, `${at}.subdomains[${i}]`)),
    },
  });
}

/** @internal parses the `{"domains": [...]}` response of a job */
export const domainsResponse = (response: unknown, res: ResponseLike): DnsDomain[] =>
  parseResponse(
    { ...res, body: response },
    object<{ domains: DnsDomainWire[] }>({ domains: arrayOf(DOMAIN) }),
  ).domains.map(parseDomain);

/**
 * Creates domains (with their records and subdomains) in one asynchronous job; the completed
 * job's `response` is the created domains.
 * @throws ValidationError before any request: a name with a trailing dot, a TTL under 300, an MX
 *   without priority, an A record with an IPv6 address…
 * @example
 * ```ts
 * const job = await createDomains(dns, [{ name: 'example.com', emailAddress: 'hostmaster@example.com' }]);
 * const [domain] = (await waitForDnsJob(dns, job)).response!;
 * ```
 */
export async function createDomains(
  client: RackspaceDnsClient,
  domains: CreateDomainParams[],
  options?: RequestOptions,
): Promise<DnsJob<DnsDomain[]>> {
  if (!Array.isArray(domains) || domains.length === 0)
    throw new ValidationError('domains must be a non-empty array', 'domains');
  const json = { domains: domains.map((d, i) => domainBody(d, `domains[${i}]`)) };
  const res = await client.request('POST', 'domains', { ...options, json });
  return acceptedJob(res, domainsResponse);
}

/**
 * Creates one domain; see {@link createDomains}.
 * @example
 * ```ts
 * const job = await createDomain(dns, { name: 'example.com', emailAddress: 'hostmaster@example.com', ttl: 3600 });
 * const [domain] = (await waitForDnsJob(dns, job)).response!;
 * ```
 */
export async function createDomain(
  client: RackspaceDnsClient,
  params: CreateDomainParams,
  options?: RequestOptions,
): Promise<DnsJob<DnsDomain[]>> {
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  return createDomains(client, [params], options);
}

/**
 * Changes of {@link updateDomain}.
 * @example await updateDomain(dns, domainId, { ttl: 600, comment: 'moved' });
 */
export interface UpdateDomainParams {
  emailAddress?: string | undefined;
  ttl?: number | undefined;
  comment?: string | undefined;
}

/**
 * Updates a domain's contact, TTL or comment (an asynchronous job).
 * @example
 * ```ts
 * await waitForDnsJob(dns, await updateDomain(dns, domainId, { ttl: 600 }));
 * ```
 */
export async function updateDomain(
  client: RackspaceDnsClient,
  domainId: string,
  params: UpdateDomainParams,
  options?: RequestOptions,
): Promise<DnsJob> {
  const id = requireDomainId(domainId);
  if (params?.emailAddress !== undefined) requireEmailAddress(params.emailAddress);
  if (params?.ttl !== undefined) requireRackspaceTtl(params.ttl);
  optionalComment(params?.comment);
  const json = omitUndefined({
    emailAddress: params?.emailAddress,
    ttl: params?.ttl,
    comment: params?.comment,
  });
  if (Object.keys(json).length === 0)
    throw new ValidationError('give at least one of emailAddress, ttl, comment', 'params');
  const res = await client.request('PUT', `domains/${id}`, { ...options, json, resource: `domain "${id}"` });
  return acceptedJob(res);
}

/**
 * Deletes a domain (an asynchronous job); with `deleteSubdomains`, its subdomains too (else they
 * become domains of their own).
 * @example
 * ```ts
 * await waitForDnsJob(dns, await deleteDomain(dns, domainId, { deleteSubdomains: true }));
 * ```
 */
export async function deleteDomain(
  client: RackspaceDnsClient,
  domainId: string,
  params: { deleteSubdomains?: boolean | undefined } = {},
  options?: RequestOptions,
): Promise<DnsJob> {
  const id = requireDomainId(domainId);
  const res = await client.request('DELETE', `domains/${id}`, {
    ...options,
    searchParams: { deleteSubdomains: params.deleteSubdomains },
    resource: `domain "${id}"`,
  });
  return acceptedJob(res);
}

/**
 * Lists the subdomains of a domain, lazily.
 * @example for await (const s of listSubdomains(dns, domainId)) console.log(s.name);
 */
export function listSubdomains(
  client: RackspaceDnsClient,
  domainId: string,
  params: { limit?: number | undefined } = {},
  options?: RequestOptions,
): PagedIterable<DnsDomain> {
  const id = requireDomainId(domainId);
  return listByOffset<DnsDomainWire, DnsDomain>({
    client,
    path: `domains/${id}/subdomains`,
    key: 'domains',
    shape: SUBDOMAIN,
    map: parseDomain,
    limit: params.limit,
    options,
    resource: `domain "${id}"`,
  });
}

/**
 * Imports a domain from BIND 9 text (an asynchronous job whose response is the new domain).
 * @example
 * ```ts
 * const job = await importDomain(dns, await readFile('example.com.zone', 'utf8'));
 * const [domain] = (await waitForDnsJob(dns, job)).response!;
 * ```
 */
export async function importDomain(
  client: RackspaceDnsClient,
  bindText: string,
  options?: RequestOptions,
): Promise<DnsJob<DnsDomain[]>> {
  if (typeof bindText !== 'string' || bindText.trim() === '')
    throw new ValidationError('bindText must be the BIND 9 text of a zone', 'bindText');
  const res = await client.request('POST', 'domains/import', {
    ...options,
    json: { domains: [{ contentType: 'BIND_9', contents: bindText }] },
  });
  return acceptedJob(res, domainsResponse);
}

/**
 * Exports a domain to BIND 9 text (an asynchronous job whose response holds `contents`).
 * @example
 * ```ts
 * const { response } = await waitForDnsJob(dns, await exportDomain(dns, domainId));
 * await writeFile('example.com.zone', response!.contents);
 * ```
 */
export async function exportDomain(
  client: RackspaceDnsClient,
  domainId: string,
  options?: RequestOptions,
): Promise<DnsJob<DnsDomainExport>> {
  const id = requireDomainId(domainId);
  const res = await client.request('GET', `domains/${id}/export`, { ...options, resource: `domain "${id}"` });
  return acceptedJob(res, (response, r) => {
    const w = parseResponse({ ...r, body: response }, DOMAIN_EXPORT);
    if (w.contentType !== 'BIND_9') throw invalidResponse(r, `unexpected export type ${w.contentType}`);
    return {
      id: String(w.id),
      accountId: w.accountId === undefined ? undefined : String(w.accountId),
      contentType: w.contentType,
      contents: w.contents,
    };
  });
}

import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, object, omitUndefined, parseResponse, type ResponseLike } from '@cloud/core/service';
import type { RackspaceDnsClient } from '../client.js';
import { recordBody } from '../domains/domains.js';
import {
  checkRecordData,
  listByOffset,
  optionalComment,
  requireDnsName,
  requireDomainId,
  requireRackspaceTtl,
  requireRecordId,
} from '../internal/common.js';
import { acceptedJob } from '../jobs/jobs.js';
import type { DnsJob } from '../jobs/types.js';
import {
  type DnsDomainRecord,
  type DnsDomainRecordWire,
  type DnsRecordInput,
  DOMAIN_RECORD,
  parseDomainRecord,
} from './types.js';

/**
 * Filters of {@link listDomainRecords}: `name` and `data` need `type`.
 * @example listDomainRecords(dns, domainId, { type: 'A', name: 'www.example.com' });
 */
export interface ListDomainRecordsParams {
  type?: string | undefined;
  name?: string | undefined;
  data?: string | undefined;
  limit?: number | undefined;
}

/**
 * Lists the records of a domain, lazily.
 * @example
 * ```ts
 * for await (const r of listDomainRecords(dns, domainId, { type: 'MX' })) console.log(r.priority, r.data);
 * ```
 */
export function listDomainRecords(
  client: RackspaceDnsClient,
  domainId: string,
  params: ListDomainRecordsParams = {},
  options?: RequestOptions,
): PagedIterable<DnsDomainRecord> {
  const id = requireDomainId(domainId);
  if ((params.name !== undefined || params.data !== undefined) && params.type === undefined)
    throw new ValidationError('filtering by name or data needs type', 'type');
  if (params.name !== undefined) requireDnsName(params.name, 'name', { wildcard: true });
  return listByOffset<DnsDomainRecordWire, DnsDomainRecord>({
    client,
    path: `domains/${id}/records`,
    key: 'records',
    shape: DOMAIN_RECORD,
    map: parseDomainRecord,
    query: { type: params.type, name: params.name, data: params.data },
    limit: params.limit,
    options,
    resource: `domain "${id}"`,
  });
}

/**
 * Gets one record of a domain.
 * @example const r = await getDomainRecord(dns, domainId, 'A-6822994');
 */
export async function getDomainRecord(
  client: RackspaceDnsClient,
  domainId: string,
  recordId: string,
  options?: RequestOptions,
): Promise<DnsDomainRecord> {
  const id = requireDomainId(domainId);
  requireRecordId(recordId);
  const res = await client.request('GET', `domains/${id}/records/${recordId}`, {
    ...options,
    resource: `record "${recordId}"`,
  });
  return parseDomainRecord(parseResponse(res, DOMAIN_RECORD));
}

/** @internal parses the `{"records": [...]}` response of a job */
export const recordsResponse = (response: unknown, res: ResponseLike): DnsDomainRecord[] =>
  parseResponse(
    { ...res, body: response },
    object<{ records: DnsDomainRecordWire[] }>({ records: arrayOf(DOMAIN_RECORD) }),
  ).records.map(parseDomainRecord);

/**
 * Adds records to a domain in one asynchronous job; the completed job's `response` is the
 * created records, with their ids.
 * @throws ValidationError before any request: a name with a trailing dot, an MX or SRV without
 *   priority, a priority on another type, a TTL under 300, an address of the wrong family.
 * @example
 * ```ts
 * const job = await createDomainRecords(dns, domainId, [
 *   { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 10 },
 *   { name: 'www.example.com', type: 'AAAA', data: '2001:db8::10', ttl: 600 },
 * ]);
 * const records = (await waitForDnsJob(dns, job)).response!;
 * ```
 */
export async function createDomainRecords(
  client: RackspaceDnsClient,
  domainId: string,
  records: DnsRecordInput[],
  options?: RequestOptions,
): Promise<DnsJob<DnsDomainRecord[]>> {
  const id = requireDomainId(domainId);
  if (!Array.isArray(records) || records.length === 0)
    throw new ValidationError('records must be a non-empty array', 'records');
  const json = { records: records.map((r, i) => recordBody(r, `records[${i}]`)) };
  const res = await client.request('POST', `domains/${id}/records`, {
    ...options,
    json,
    resource: `domain "${id}"`,
  });
  return acceptedJob(res, recordsResponse);
}

/**
 * Changes of {@link updateDomainRecord}. The type cannot change; give it to have `data` and
 * `priority` checked before sending.
 * @example await updateDomainRecord(dns, domainId, 'A-6822994', { type: 'A', data: '192.0.2.20', ttl: 600 });
 */
export interface UpdateDomainRecordParams {
  name?: string | undefined;
  data?: string | undefined;
  ttl?: number | undefined;
  priority?: number | undefined;
  comment?: string | undefined;
  /** Not sent: checks `data` and `priority` against the record's type. */
  type?: string | undefined;
}

/**
 * Updates one record (an asynchronous job).
 * @example
 * ```ts
 * await waitForDnsJob(dns, await updateDomainRecord(dns, domainId, recordId, { data: '192.0.2.20' }));
 * ```
 */
export async function updateDomainRecord(
  client: RackspaceDnsClient,
  domainId: string,
  recordId: string,
  params: UpdateDomainRecordParams,
  options?: RequestOptions,
): Promise<DnsJob> {
  const id = requireDomainId(domainId);
  requireRecordId(recordId);
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  if (params.name !== undefined) requireDnsName(params.name, 'name', { wildcard: true });
  if (params.type !== undefined && params.data !== undefined)
    checkRecordData({ type: params.type, data: params.data, priority: params.priority }, 'params');
  if (params.ttl !== undefined) requireRackspaceTtl(params.ttl);
  optionalComment(params.comment);
  const json = omitUndefined({
    name: params.name,
    data: params.data,
    ttl: params.ttl,
    priority: params.priority,
    comment: params.comment,
  });
  if (Object.keys(json).length === 0)
    throw new ValidationError('give at least one field to change', 'params');
  const res = await client.request('PUT', `domains/${id}/records/${recordId}`, {
    ...options,
    json,
    resource: `record "${recordId}"`,
  });
  return acceptedJob(res);
}

/**
 * Deletes records of a domain (one or several, in one asynchronous job).
 * @example
 * ```ts
 * await waitForDnsJob(dns, await deleteDomainRecords(dns, domainId, ['A-6822994', 'MX-3151218']));
 * ```
 */
export async function deleteDomainRecords(
  client: RackspaceDnsClient,
  domainId: string,
  recordIds: string[],
  options?: RequestOptions,
): Promise<DnsJob> {
  const id = requireDomainId(domainId);
  if (!Array.isArray(recordIds) || recordIds.length === 0)
    throw new ValidationError('recordIds must be a non-empty array', 'recordIds');
  recordIds.forEach((r, i) => {
    requireRecordId(r, `recordIds[${i}]`);
  });
  const single = recordIds.length === 1;
  const res = await client.request(
    'DELETE',
    single ? `domains/${id}/records/${recordIds[0]}` : `domains/${id}/records`,
    {
      ...options,
      searchParams: single ? undefined : { id: recordIds },
      resource: single ? `record "${recordIds[0]}"` : `domain "${id}"`,
    },
  );
  return acceptedJob(res);
}

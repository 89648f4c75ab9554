import type { StatusWaiterOptions } from '@cloud/core';
import { type PagedIterable, ValidationError } from '@cloud/core';
import { omitUndefined, parseResponse, pollForStatus, pollUntilGone } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsRequestOptions,
  type DnsSortParams,
  listDesignate,
  optionalDescription,
  requireFqdn,
  requireId,
  requireTtl,
} from '../internal/common.js';
import type { DnsStatus } from '../zones/types.js';
import { actionDetail, settledStatus } from '../zones/waiters.js';
import { checkRecords } from './data.js';
import {
  type DnsRecordType,
  parseRecordset,
  RECORDSET,
  type Recordset,
  type RecordsetWire,
} from './types.js';
import { allRecordsetsPath, zoneRecordsetPath, zoneRecordsetsPath } from './urls.js';

/**
 * Filters and paging of {@link listRecordsets} and {@link listRecordsetsAcrossZones}. Text
 * filters accept `*` as a wildcard (`name: '*.example.com.'`).
 * @example listRecordsets(dns, zoneId, { type: 'A', data: '192.0.2.*' });
 */
export interface ListRecordsetsParams extends DnsSortParams {
  name?: string | undefined;
  type?: DnsRecordType | undefined;
  /** Matches the data of any record of the set. */
  data?: string | undefined;
  ttl?: number | undefined;
  status?: DnsStatus | undefined;
  description?: string | undefined;
}

/**
 * Filters of {@link listRecordsetsAcrossZones}: those of a zone's listing, plus the zone.
 * @example listRecordsetsAcrossZones(dns, { type: 'PTR', status: 'ERROR' });
 */
export interface ListRecordsetsAcrossZonesParams extends ListRecordsetsParams {
  /** @remarks Designate Zed answers 500 to this filter; prefer {@link listRecordsets} there. */
  zoneId?: string | undefined;
}

const filters = (p: ListRecordsetsParams) => ({
  name: p.name,
  type: p.type,
  data: p.data,
  ttl: p.ttl,
  status: p.status,
  description: p.description,
});

const pageOf = (p: DnsSortParams): DnsSortParams => ({
  sortKey: p.sortKey,
  sortDir: p.sortDir,
  limit: p.limit,
  marker: p.marker,
});

/**
 * Lists the recordsets of a zone (SOA and NS included), lazily.
 * @example
 * ```ts
 * for await (const rs of listRecordsets(dns, zoneId, { type: 'A' })) console.log(rs.name, rs.records);
 * ```
 */
export function listRecordsets(
  client: DnsClient,
  zoneId: string,
  params: ListRecordsetsParams = {},
  options?: DnsRequestOptions,
): PagedIterable<Recordset> {
  requireId(zoneId, 'zoneId');
  return listDesignate<RecordsetWire, Recordset>({
    client,
    path: zoneRecordsetsPath(zoneId),
    key: 'recordsets',
    shape: RECORDSET,
    map: parseRecordset,
    query: filters(params),
    page: pageOf(params),
    options,
    resource: `zone "${zoneId}"`,
  });
}

/**
 * Lists recordsets of every zone of the project (every project with `allProjects`), lazily.
 * @example
 * ```ts
 * for await (const rs of listRecordsetsAcrossZones(dns, { data: '192.0.2.10' })) console.log(rs.zoneName, rs.name);
 * ```
 */
export function listRecordsetsAcrossZones(
  client: DnsClient,
  params: ListRecordsetsAcrossZonesParams = {},
  options?: DnsRequestOptions,
): PagedIterable<Recordset> {
  if (params.zoneId !== undefined) requireId(params.zoneId, 'zoneId');
  return listDesignate<RecordsetWire, Recordset>({
    client,
    path: allRecordsetsPath(),
    key: 'recordsets',
    shape: RECORDSET,
    map: parseRecordset,
    query: { ...filters(params), zone_id: params.zoneId },
    page: pageOf(params),
    options,
  });
}

/**
 * Gets one recordset.
 * @throws NotFoundError naming the recordset.
 * @example const rs = await getRecordset(dns, zoneId, recordsetId);
 */
export async function getRecordset(
  client: DnsClient,
  zoneId: string,
  recordsetId: string,
  options?: DnsRequestOptions,
): Promise<Recordset> {
  requireId(zoneId, 'zoneId');
  requireId(recordsetId, 'recordsetId');
  const res = await client.request('GET', zoneRecordsetPath(zoneId, recordsetId), {
    ...callOptions(options),
    resource: `recordset "${recordsetId}"`,
  });
  return parseRecordset(parseResponse(res, RECORDSET));
}

/**
 * Parameters of {@link createRecordset}. `records` is checked against `type` before sending:
 * A takes IPv4 addresses, AAAA IPv6, CNAME/NS/PTR names with their trailing dot, MX
 * `"<priority> <host>"` ({@link mxRecordData}), SRV {@link srvRecordData}, TXT quoted strings
 * ({@link txtRecordData}), CAA {@link caaRecordData}.
 * @example
 * ```ts
 * await createRecordset(dns, zoneId, { name: 'www.example.com.', type: 'A', records: ['192.0.2.10'], ttl: 300 });
 * ```
 */
export interface CreateRecordsetParams {
  /** Fully qualified with its dot, inside the zone; `*.example.com.` for a wildcard. */
  name: string;
  type: DnsRecordType;
  records: string[];
  /** Seconds; the zone's default when left out. */
  ttl?: number | undefined;
  description?: string | undefined;
}

const TYPE = /^[A-Z][A-Z0-9]{0,9}$/;

/**
 * Creates a recordset. It is `PENDING` (action `CREATE`) until Designate has applied it; wait
 * with {@link waitForRecordsetStatus}.
 * @throws ValidationError before any request for a name without its trailing dot, a TTL out of
 *   range, an MX without priority, or an address of the wrong family for A/AAAA.
 * @example
 * ```ts
 * const rs = await createRecordset(dns, zoneId, { name: 'example.com.', type: 'MX', records: [mxRecordData(10, 'mail.example.com.')] });
 * await waitForRecordsetStatus(dns, zoneId, rs.id, 'ACTIVE');
 * ```
 */
export async function createRecordset(
  client: DnsClient,
  zoneId: string,
  params: CreateRecordsetParams,
  options?: DnsRequestOptions,
): Promise<Recordset> {
  requireId(zoneId, 'zoneId');
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  requireFqdn(params.name, 'name', { wildcard: true });
  if (typeof params.type !== 'string' || !TYPE.test(params.type))
    throw new ValidationError(
      `type must be a record type such as A or MX, got ${String(params.type)}`,
      'type',
    );
  const records = checkRecords(params.type, params.records);
  if (params.ttl !== undefined) requireTtl(params.ttl);
  optionalDescription(params.description);
  const json = omitUndefined({
    name: params.name,
    type: params.type,
    records,
    ttl: params.ttl,
    description: params.description,
  });
  const res = await client.request('POST', zoneRecordsetsPath(zoneId), {
    ...callOptions(options),
    json,
    resource: `zone "${zoneId}"`,
  });
  return parseRecordset(parseResponse(res, RECORDSET));
}

/**
 * Changes of {@link updateRecordset}: fields left out are unchanged; `ttl: null` returns to the
 * zone's default, `description: null` clears it.
 * @example await updateRecordset(dns, zoneId, id, { type: 'A', records: ['192.0.2.20'] });
 */
export interface UpdateRecordsetParams {
  /** Replaces every record of the set. */
  records?: string[] | undefined;
  ttl?: number | null | undefined;
  description?: string | null | undefined;
  /**
   * The recordset's type, to check `records` against it before sending (not sent: a recordset's
   * type cannot change). Without it records are checked as plain strings only.
   */
  type?: DnsRecordType | undefined;
}

/**
 * Updates a recordset (PUT). It goes `PENDING` (action `UPDATE`) until applied.
 * @example
 * ```ts
 * const rs = await updateRecordset(dns, zoneId, id, { type: 'A', records: ['192.0.2.20'], ttl: 600 });
 * await waitForRecordsetStatus(dns, zoneId, rs.id, 'ACTIVE');
 * ```
 */
export async function updateRecordset(
  client: DnsClient,
  zoneId: string,
  recordsetId: string,
  params: UpdateRecordsetParams,
  options?: DnsRequestOptions,
): Promise<Recordset> {
  requireId(zoneId, 'zoneId');
  requireId(recordsetId, 'recordsetId');
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  const records = params.records === undefined ? undefined : checkRecords(params.type ?? '', params.records);
  if (params.ttl !== undefined && params.ttl !== null) requireTtl(params.ttl);
  optionalDescription(params.description);
  const json = omitUndefined({ records, ttl: params.ttl, description: params.description });
  if (Object.keys(json).length === 0)
    throw new ValidationError('give at least one of records, ttl, description', 'params');
  const res = await client.request('PUT', zoneRecordsetPath(zoneId, recordsetId), {
    ...callOptions(options),
    json,
    resource: `recordset "${recordsetId}"`,
  });
  return parseRecordset(parseResponse(res, RECORDSET));
}

/**
 * Deletes a recordset. It is returned `PENDING` (action `DELETE`) and disappears once applied
 * ({@link waitForRecordsetDeleted}).
 * @example
 * ```ts
 * await deleteRecordset(dns, zoneId, id);
 * await waitForRecordsetDeleted(dns, zoneId, id);
 * ```
 */
export async function deleteRecordset(
  client: DnsClient,
  zoneId: string,
  recordsetId: string,
  options?: DnsRequestOptions,
): Promise<Recordset> {
  requireId(zoneId, 'zoneId');
  requireId(recordsetId, 'recordsetId');
  const res = await client.request('DELETE', zoneRecordsetPath(zoneId, recordsetId), {
    ...callOptions(options),
    resource: `recordset "${recordsetId}"`,
  });
  return parseRecordset(parseResponse(res, RECORDSET));
}

/**
 * Options of {@link waitForRecordsetStatus} and {@link waitForRecordsetDeleted}.
 * @example await waitForRecordsetStatus(dns, zoneId, id, 'ACTIVE', { timeoutMs: 60_000 });
 */
export type WaitForRecordsetStatusOptions = StatusWaiterOptions<DnsStatus, Recordset>;

/**
 * Polls a recordset until it reaches `status`. `ACTIVE` means applied (action `NONE`).
 * @throws WaiterFailureError at once on a `failOn` status (default `['ERROR']`); its `lastValue`
 *   is the recordset. WaiterTimeoutError, AbortError, NotFoundError as other waiters.
 * @example
 * ```ts
 * const rs = await waitForRecordsetStatus(dns, zoneId, id, 'ACTIVE');
 * ```
 */
export async function waitForRecordsetStatus(
  client: DnsClient,
  zoneId: string,
  recordsetId: string,
  status: DnsStatus | readonly DnsStatus[],
  options: WaitForRecordsetStatusOptions = {},
): Promise<Recordset> {
  requireId(zoneId, 'zoneId');
  requireId(recordsetId, 'recordsetId');
  return pollForStatus<Recordset, DnsStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `recordset "${recordsetId}"`,
    fetch: (signal) => getRecordset(client, zoneId, recordsetId, { ...options.request, signal }),
    statusOf: settledStatus,
    failureDetail: actionDetail,
  });
}

/**
 * Polls a deleted recordset until Designate answers 404 (success).
 * @throws WaiterFailureError on a `failOn` status (default `['ERROR']`); WaiterTimeoutError;
 *   AbortError.
 * @example
 * ```ts
 * await deleteRecordset(dns, zoneId, id);
 * await waitForRecordsetDeleted(dns, zoneId, id);
 * ```
 */
export async function waitForRecordsetDeleted(
  client: DnsClient,
  zoneId: string,
  recordsetId: string,
  options: WaitForRecordsetStatusOptions = {},
): Promise<void> {
  requireId(zoneId, 'zoneId');
  requireId(recordsetId, 'recordsetId');
  const failOn = new Set<string>(options.failOn ?? ['ERROR']);
  await pollUntilGone<Recordset>({
    ...options,
    description: `recordset "${recordsetId}" to be deleted`,
    fetch: (signal) => getRecordset(client, zoneId, recordsetId, { ...options.request, signal }),
    gone: (r) => r.status === 'DELETED',
    failure: (r) =>
      failOn.has(r.status)
        ? `recordset "${recordsetId}" is ${r.status}: ${actionDetail(r) ?? 'deletion failed'}`
        : undefined,
  });
}

import { ValidationError } from '@cloud/core';
import { number, object, omitUndefined, parseResponse } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import { callOptions, type DnsRequestOptions } from '../internal/common.js';

/**
 * DNS quotas of a project.
 * @example const q = await getDnsQuotas(dns, projectId); console.log(q.zones);
 */
export interface DnsQuotas {
  zones: number;
  zoneRecordsets: number;
  zoneRecords: number;
  recordsetRecords: number;
  apiExportSize: number;
  raw: DnsQuotasWire;
}

/** @internal wire shape */
export interface DnsQuotasWire {
  zones: number;
  zone_recordsets: number;
  zone_records: number;
  recordset_records: number;
  api_export_size: number;
  [field: string]: unknown;
}

const QUOTAS = object<DnsQuotasWire>({
  zones: number,
  zone_recordsets: number,
  zone_records: number,
  recordset_records: number,
  api_export_size: number,
});

const parseQuotas = (w: DnsQuotasWire): DnsQuotas => ({
  zones: w.zones,
  zoneRecordsets: w.zone_recordsets,
  zoneRecords: w.zone_records,
  recordsetRecords: w.recordset_records,
  apiExportSize: w.api_export_size,
  raw: w,
});

const project = (id: unknown) => {
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id))
    throw new ValidationError('projectId must be a project id', 'projectId');
  return id;
};

/**
 * Reads the DNS quotas of a project (the caller's own, or any project for administrators).
 * @example
 * ```ts
 * const { zones, zoneRecordsets } = await getDnsQuotas(dns, projectId);
 * ```
 */
export async function getDnsQuotas(
  client: DnsClient,
  projectId: string,
  options?: DnsRequestOptions,
): Promise<DnsQuotas> {
  const res = await client.request('GET', `v2/quotas/${project(projectId)}`, callOptions(options));
  return parseQuotas(parseResponse(res, QUOTAS));
}

/**
 * Quotas to set with {@link updateDnsQuotas}; fields left out are unchanged.
 * @example await updateDnsQuotas(adminDns, projectId, { zones: 20 });
 */
export interface UpdateDnsQuotasParams {
  zones?: number | undefined;
  zoneRecordsets?: number | undefined;
  zoneRecords?: number | undefined;
  recordsetRecords?: number | undefined;
  apiExportSize?: number | undefined;
}

/**
 * Administrators: changes the DNS quotas of a project.
 * @example
 * ```ts
 * await updateDnsQuotas(adminDns, projectId, { zones: 20, zoneRecordsets: 1_000 });
 * ```
 */
export async function updateDnsQuotas(
  client: DnsClient,
  projectId: string,
  params: UpdateDnsQuotasParams,
  options?: DnsRequestOptions,
): Promise<DnsQuotas> {
  project(projectId);
  const json = omitUndefined({
    zones: params?.zones,
    zone_recordsets: params?.zoneRecordsets,
    zone_records: params?.zoneRecords,
    recordset_records: params?.recordsetRecords,
    api_export_size: params?.apiExportSize,
  });
  for (const [k, v] of Object.entries(json))
    if (typeof v !== 'number' || !Number.isInteger(v) || v < -1)
      throw new ValidationError(`${k} must be an integer >= -1 (-1 is unlimited)`, k);
  if (Object.keys(json).length === 0) throw new ValidationError('give at least one quota', 'params');
  const res = await client.request('PATCH', `v2/quotas/${projectId}`, { ...callOptions(options), json });
  return parseQuotas(parseResponse(res, QUOTAS));
}

/**
 * Administrators: resets the DNS quotas of a project to the defaults.
 * @example await resetDnsQuotas(adminDns, projectId);
 */
export async function resetDnsQuotas(
  client: DnsClient,
  projectId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  await client.request('DELETE', `v2/quotas/${project(projectId)}`, callOptions(options));
}

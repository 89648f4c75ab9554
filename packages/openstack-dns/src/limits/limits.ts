import { number, object, optional, parseResponse } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import { callOptions, type DnsRequestOptions } from '../internal/common.js';

/**
 * The limits Designate applies to the project.
 * @example const { minTtl, maxPageLimit } = await getDnsLimits(dns);
 */
export interface DnsLimits {
  maxZones: number;
  maxZoneRecordsets: number;
  maxZoneRecords: number;
  maxRecordsetRecords: number;
  maxZoneNameLength: number | undefined;
  maxRecordsetNameLength: number | undefined;
  maxPageLimit: number;
  /** Smallest TTL accepted; `undefined` when the deployment sets none. */
  minTtl: number | undefined;
  raw: DnsLimitsWire;
}

/** @internal wire shape */
export interface DnsLimitsWire {
  max_zones: number;
  max_zone_recordsets: number;
  max_zone_records: number;
  max_recordset_records: number;
  max_zone_name_length?: number | null;
  max_recordset_name_length?: number | null;
  max_page_limit: number;
  min_ttl?: number | null;
  [field: string]: unknown;
}

const LIMITS = object<DnsLimitsWire>({
  max_zones: number,
  max_zone_recordsets: number,
  max_zone_records: number,
  max_recordset_records: number,
  max_zone_name_length: optional(number),
  max_recordset_name_length: optional(number),
  max_page_limit: number,
  min_ttl: optional(number),
});

/**
 * Reads the project's DNS limits (maximum zones, records, page size, minimum TTL).
 * @example
 * ```ts
 * const limits = await getDnsLimits(dns);
 * console.log(limits.maxZones, limits.minTtl);
 * ```
 */
export async function getDnsLimits(client: DnsClient, options?: DnsRequestOptions): Promise<DnsLimits> {
  const res = await client.request('GET', 'v2/limits', callOptions(options));
  const w = parseResponse(res, LIMITS);
  return {
    maxZones: w.max_zones,
    maxZoneRecordsets: w.max_zone_recordsets,
    maxZoneRecords: w.max_zone_records,
    maxRecordsetRecords: w.max_recordset_records,
    maxZoneNameLength: w.max_zone_name_length ?? undefined,
    maxRecordsetNameLength: w.max_recordset_name_length ?? undefined,
    maxPageLimit: w.max_page_limit,
    minTtl: w.min_ttl ?? undefined,
    raw: w,
  };
}

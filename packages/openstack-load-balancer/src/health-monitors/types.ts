import { number, optional, type ShapeFields, string, stringOrNumber } from '@cloud/core/service';
import {
  BASE_FIELDS,
  type BaseWire,
  ID_REFS,
  ids,
  type LoadBalancingObject,
  parseBase,
} from '../internal/common.js';
import { resourceKind } from '../internal/rest.js';

/** Types of health monitor. */
export const HEALTH_MONITOR_TYPES = [
  'HTTP',
  'HTTPS',
  'PING',
  'TCP',
  'TLS-HELLO',
  'UDP-CONNECT',
  'SCTP',
] as const;

/**
 * How a health monitor checks members.
 * @example const type: HealthMonitorType = 'UDP-CONNECT';
 */
export type HealthMonitorType = (typeof HEALTH_MONITOR_TYPES)[number];

/** HTTP methods a health monitor may use. */
export const HEALTH_MONITOR_HTTP_METHODS = [
  'CONNECT',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
  'TRACE',
] as const;

/**
 * An Octavia health monitor (one per pool).
 * @example const hm = await getHealthMonitor(client, id); console.log(hm.type, hm.delay, hm.expectedCodes);
 */
export interface HealthMonitor extends LoadBalancingObject {
  type: HealthMonitorType | (string & {});
  /** Seconds between probes. */
  delay: number;
  /** Seconds a probe may take. */
  timeout: number;
  /** Successes before a member is ONLINE (1–10). */
  maxRetries: number;
  /** Failures before a member is ERROR (1–10). */
  maxRetriesDown: number | undefined;
  /** Ids of its pools (one). */
  pools: string[];
  httpMethod: string | undefined;
  /** HTTP version of probes, `1.0` or `1.1`. */
  httpVersion: number | undefined;
  urlPath: string | undefined;
  /** `200`, `200,202` or `200-204`. */
  expectedCodes: string | undefined;
  domainName: string | undefined;
}

/** @internal */
export interface HealthMonitorWire extends BaseWire {
  type: string;
  delay: number;
  timeout: number;
  max_retries: number;
  max_retries_down?: number;
  pools?: { id: string }[];
  http_method?: string;
  http_version?: number | string;
  url_path?: string;
  expected_codes?: string;
  domain_name?: string;
}

const FIELDS: ShapeFields<HealthMonitorWire> = {
  ...BASE_FIELDS,
  type: string,
  delay: number,
  timeout: number,
  max_retries: number,
  max_retries_down: optional(number),
  pools: ID_REFS,
  http_method: optional(string),
  http_version: optional(stringOrNumber),
  url_path: optional(string),
  expected_codes: optional(string),
  domain_name: optional(string),
};

/** @internal */
export function parseHealthMonitor(w: HealthMonitorWire): HealthMonitor {
  return {
    ...parseBase(w),
    type: w.type,
    delay: w.delay,
    timeout: w.timeout,
    maxRetries: w.max_retries,
    maxRetriesDown: w.max_retries_down ?? undefined,
    pools: ids(w.pools),
    httpMethod: w.http_method ?? undefined,
    httpVersion: w.http_version === undefined || w.http_version === null ? undefined : Number(w.http_version),
    urlPath: w.url_path ?? undefined,
    expectedCodes: w.expected_codes ?? undefined,
    domainName: w.domain_name ?? undefined,
  };
}

/** @internal */
export const HEALTH_MONITOR = resourceKind<HealthMonitorWire, HealthMonitor>({
  singular: 'healthmonitor',
  plural: 'healthmonitors',
  label: 'health monitor',
  fields: FIELDS,
  parse: parseHealthMonitor,
});

/** Collection path of health monitors. @internal */
export const HEALTH_MONITORS_PATH = 'lbaas/healthmonitors';

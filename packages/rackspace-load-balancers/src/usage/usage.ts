import { type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  invalidResponse,
  number,
  object,
  optional,
  parseResponse,
  string,
  stringOrNumber,
  unwrap,
} from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import { idOf, lbResource, requireClbId, requireParams } from '../internal/common.js';

/**
 * Traffic counters of a load balancer (cached by the service for about 5 minutes; the `…Ssl`
 * counters are for the SSL-terminated side).
 * @example const s = await getClbLoadBalancerStats(clb, lbId); console.log(s.currentConn, s.maxConn);
 */
export interface ClbLoadBalancerStats {
  connectTimeOut: number | undefined;
  connectError: number | undefined;
  connectFailure: number | undefined;
  dataTimedOut: number | undefined;
  keepAliveTimedOut: number | undefined;
  maxConn: number | undefined;
  currentConn: number | undefined;
  connectTimeOutSsl: number | undefined;
  connectErrorSsl: number | undefined;
  connectFailureSsl: number | undefined;
  dataTimedOutSsl: number | undefined;
  keepAliveTimedOutSsl: number | undefined;
  maxConnSsl: number | undefined;
  currentConnSsl: number | undefined;
  raw: Record<string, unknown>;
}

const STAT_FIELDS = [
  'connectTimeOut',
  'connectError',
  'connectFailure',
  'dataTimedOut',
  'keepAliveTimedOut',
  'maxConn',
  'currentConn',
  'connectTimeOutSsl',
  'connectErrorSsl',
  'connectFailureSsl',
  'dataTimedOutSsl',
  'keepAliveTimedOutSsl',
  'maxConnSsl',
  'currentConnSsl',
] as const;

const STATS = object<Record<string, number | undefined>>(
  Object.fromEntries(STAT_FIELDS.map((k) => [k, optional(number)])),
);

/**
 * Reads a load balancer's connection statistics.
 * @example const stats = await getClbLoadBalancerStats(clb, lbId); console.log(stats.connectError);
 */
export async function getClbLoadBalancerStats(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbLoadBalancerStats> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/stats`, {
    ...options,
    resource: lbResource(id),
  });
  const w = parseResponse(res, STATS);
  if (!STAT_FIELDS.some((k) => w[k] !== undefined))
    throw invalidResponse(res, 'the body holds no statistics');
  const out = Object.fromEntries(STAT_FIELDS.map((k) => [k, w[k]])) as Omit<ClbLoadBalancerStats, 'raw'>;
  return { ...out, raw: w };
}

/**
 * One usage record: transfer in bytes, average connections and virtual IPs over a period.
 * @example const [r] = await getClbCurrentUsage(clb, lbId); console.log(r?.incomingTransfer, r?.outgoingTransfer);
 */
export interface ClbUsageRecord {
  id: string;
  startTime: Date | undefined;
  endTime: Date | undefined;
  averageNumConnections: number | undefined;
  averageNumConnectionsSsl: number | undefined;
  incomingTransfer: number | undefined;
  outgoingTransfer: number | undefined;
  incomingTransferSsl: number | undefined;
  outgoingTransferSsl: number | undefined;
  numVips: number | undefined;
  numPolls: number | undefined;
  vipType: string | undefined;
  sslMode: string | undefined;
  eventType: string | undefined;
  raw: ClbUsageRecordWire;
}

/** @internal */
export interface ClbUsageRecordWire {
  id: string | number;
  startTime?: string;
  endTime?: string;
  averageNumConnections?: number;
  averageNumConnectionsSsl?: number;
  incomingTransfer?: number;
  outgoingTransfer?: number;
  incomingTransferSsl?: number;
  outgoingTransferSsl?: number;
  numVips?: number;
  numPolls?: number;
  vipType?: string;
  sslMode?: string;
  eventType?: string;
  [field: string]: unknown;
}

const USAGE_RECORD = object<ClbUsageRecordWire>({
  id: stringOrNumber,
  startTime: optional(string),
  endTime: optional(string),
  averageNumConnections: optional(number),
  averageNumConnectionsSsl: optional(number),
  incomingTransfer: optional(number),
  outgoingTransfer: optional(number),
  incomingTransferSsl: optional(number),
  outgoingTransferSsl: optional(number),
  numVips: optional(number),
  numPolls: optional(number),
  vipType: optional(string),
  sslMode: optional(string),
  eventType: optional(string),
});

const parseUsageRecord = (w: ClbUsageRecordWire): ClbUsageRecord => ({
  id: idOf(w.id),
  startTime: w.startTime ? new Date(w.startTime) : undefined,
  endTime: w.endTime ? new Date(w.endTime) : undefined,
  averageNumConnections: w.averageNumConnections,
  averageNumConnectionsSsl: w.averageNumConnectionsSsl,
  incomingTransfer: w.incomingTransfer,
  outgoingTransfer: w.outgoingTransfer,
  incomingTransferSsl: w.incomingTransferSsl,
  outgoingTransferSsl: w.outgoingTransferSsl,
  numVips: w.numVips,
  numPolls: w.numPolls,
  vipType: w.vipType,
  sslMode: w.sslMode,
  eventType: w.eventType,
  raw: w,
});

/**
 * A usage window (up to 90 days back). With neither bound the account report covers the last 24 hours.
 * @example { startTime: new Date(Date.now() - 86_400_000 * 7) }
 */
export interface ClbUsageWindow {
  startTime?: Date | string | undefined;
  endTime?: Date | string | undefined;
}

function checkedIso(v: Date | string | undefined, field: string): string | undefined {
  if (v === undefined) return undefined;
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new ValidationError(`${field} must be a Date or an ISO 8601 timestamp`, field);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const RECORDS = arrayOf(USAGE_RECORD);

/**
 * Reads a load balancer's usage of the last 24 hours.
 * @example for (const r of await getClbCurrentUsage(clb, lbId)) console.log(r.startTime, r.incomingTransfer);
 */
export async function getClbCurrentUsage(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbUsageRecord[]> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/usage/current`, {
    ...options,
    resource: lbResource(id),
  });
  return unwrap(res, 'loadBalancerUsageRecords', RECORDS).map(parseUsageRecord);
}

/**
 * Reads a load balancer's usage over a window (up to 90 days back).
 * @example const records = await getClbUsage(clb, lbId, { startTime: '2024-05-01T00:00:00Z' });
 */
export async function getClbUsage(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  window: ClbUsageWindow = {},
  options?: RequestOptions,
): Promise<ClbUsageRecord[]> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const searchParams = windowQuery(window);
  const res = await client.request('GET', `loadbalancers/${id}/usage`, {
    ...options,
    searchParams,
    resource: lbResource(id),
  });
  return unwrap(res, 'loadBalancerUsageRecords', RECORDS).map(parseUsageRecord);
}

/**
 * The account's usage report: per-period counts of load balancers and virtual IPs, and each load
 * balancer's usage records.
 * @example const u = await getClbAccountUsage(clb); console.log(u.loadBalancers.map((l) => l.loadBalancerName));
 */
export interface ClbAccountUsage {
  accountId: string | undefined;
  accountRecords: {
    startTime: Date | undefined;
    numLoadBalancers: number | undefined;
    numPublicVips: number | undefined;
    numServicenetVips: number | undefined;
  }[];
  loadBalancers: {
    loadBalancerId: string;
    loadBalancerName: string | undefined;
    records: ClbUsageRecord[];
  }[];
  raw: ClbAccountUsageWire;
}

/** @internal */
export interface ClbAccountUsageWire {
  accountId?: string | number;
  accountUsage?: {
    accountUsageRecords?: {
      startTime?: string;
      numLoadBalancers?: number;
      numPublicVips?: number;
      numServicenetVips?: number;
    }[];
  };
  loadBalancerUsages?: {
    loadBalancerId: string | number;
    loadBalancerName?: string;
    loadBalancerUsageRecords?: ClbUsageRecordWire[];
  }[];
  [field: string]: unknown;
}

const ACCOUNT_USAGE = object<ClbAccountUsageWire>({
  accountId: optional(stringOrNumber),
  accountUsage: optional(
    object<NonNullable<ClbAccountUsageWire['accountUsage']>>({
      accountUsageRecords: optional(
        arrayOf(
          object<{
            startTime?: string;
            numLoadBalancers?: number;
            numPublicVips?: number;
            numServicenetVips?: number;
          }>({
            startTime: optional(string),
            numLoadBalancers: optional(number),
            numPublicVips: optional(number),
            numServicenetVips: optional(number),
          }),
        ),
      ),
    }),
  ),
  loadBalancerUsages: optional(
    arrayOf(
      object<NonNullable<ClbAccountUsageWire['loadBalancerUsages']>[number]>({
        loadBalancerId: stringOrNumber,
        loadBalancerName: optional(string),
        loadBalancerUsageRecords: optional(RECORDS),
      }),
    ),
  ),
});

function windowQuery(window: ClbUsageWindow): Record<string, string | undefined> {
  requireParams(window, 'window');
  return {
    startTime: checkedIso(window.startTime, 'startTime'),
    endTime: checkedIso(window.endTime, 'endTime'),
  };
}

/**
 * Reads the account's usage over a window (the last 24 hours when no bound is given).
 * @example const usage = await getClbAccountUsage(clb, { startTime: new Date(Date.now() - 7 * 86_400_000) });
 */
export async function getClbAccountUsage(
  client: RackspaceLoadBalancersClient,
  window: ClbUsageWindow = {},
  options?: RequestOptions,
): Promise<ClbAccountUsage> {
  const searchParams = windowQuery(window);
  const res = await client.request('GET', 'loadbalancers/usage', { ...options, searchParams });
  const w = parseResponse(res, ACCOUNT_USAGE);
  if (w.accountUsage === undefined && w.loadBalancerUsages === undefined)
    parseResponse(res, object<{ accountUsage: unknown }>({ accountUsage: object({}) }));
  return {
    accountId: w.accountId === undefined ? undefined : idOf(w.accountId),
    accountRecords: (w.accountUsage?.accountUsageRecords ?? []).map((r) => ({
      startTime: r.startTime ? new Date(r.startTime) : undefined,
      numLoadBalancers: r.numLoadBalancers,
      numPublicVips: r.numPublicVips,
      numServicenetVips: r.numServicenetVips,
    })),
    loadBalancers: (w.loadBalancerUsages ?? []).map((u) => ({
      loadBalancerId: idOf(u.loadBalancerId),
      loadBalancerName: u.loadBalancerName,
      records: (u.loadBalancerUsageRecords ?? []).map(parseUsageRecord),
    })),
    raw: w,
  };
}

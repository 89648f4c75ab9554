import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import type {
  LoadBalancerDeletionWaiterOptions,
  LoadBalancerListParams,
  LoadBalancerRequestOptions,
  OperatingStatus,
  ProvisioningStatus,
  ProvisioningWaiterOptions,
} from '../internal/common.js';
import {
  deleteResource,
  getResource,
  itemPath,
  listResources,
  waitForGone,
  waitForProvisioning,
  writeResource,
} from '../internal/rest.js';
import {
  optBool,
  optEnum,
  optInt,
  optNullableString,
  optString,
  optTags,
  optUuid,
  requireChange,
  requireEnum,
  requireParams,
} from '../internal/validate.js';
import {
  HEALTH_MONITOR,
  HEALTH_MONITOR_HTTP_METHODS,
  HEALTH_MONITOR_TYPES,
  HEALTH_MONITORS_PATH,
  type HealthMonitor,
  type HealthMonitorType,
} from './types.js';

const path = (id: string) => itemPath(HEALTH_MONITORS_PATH, id);
const what = (id: string) => `health monitor "${id}"`;
/** `200`, `200,202`, `200-204` (codes 100–599). */
const EXPECTED_CODES = /^[1-5]\d\d((-[1-5]\d\d)|(,\s*[1-5]\d\d)*)$/;

/**
 * Filters of {@link listHealthMonitors}. Any other attribute goes in `filters`.
 * @example listHealthMonitors(client, { poolId: pool.id });
 */
export interface ListHealthMonitorsParams extends LoadBalancerListParams {
  name?: string | undefined;
  projectId?: string | undefined;
  poolId?: string | undefined;
  type?: HealthMonitorType | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
  operatingStatus?: OperatingStatus | undefined;
}

/**
 * Lists health monitors, lazily, following `healthmonitors_links`.
 * @example for await (const hm of listHealthMonitors(client)) console.log(hm.type, hm.pools);
 */
export function listHealthMonitors(
  client: LoadBalancerClient,
  params?: ListHealthMonitorsParams,
  options?: RequestOptions,
): PagedIterable<HealthMonitor> {
  const p = params ?? {};
  return listResources(
    client,
    HEALTH_MONITOR,
    HEALTH_MONITORS_PATH,
    params,
    {
      name: optString(p.name, 'name'),
      project_id: optString(p.projectId, 'projectId'),
      pool_id: optUuid(p.poolId, 'poolId') ?? undefined,
      type: optEnum(p.type, HEALTH_MONITOR_TYPES, 'type'),
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
      operating_status: optString(p.operatingStatus, 'operatingStatus'),
    },
    options,
  );
}

/**
 * Reads one health monitor.
 * @throws NotFoundError when there is no such health monitor.
 * @example const hm = await getHealthMonitor(client, id);
 */
export async function getHealthMonitor(
  client: LoadBalancerClient,
  healthMonitorId: string,
  options?: RequestOptions,
): Promise<HealthMonitor> {
  requireUuid(healthMonitorId, 'healthMonitorId');
  return getResource(client, HEALTH_MONITOR, path(healthMonitorId), what(healthMonitorId), options);
}

/**
 * What {@link createHealthMonitor} and {@link updateHealthMonitor} accept in common.
 * @example const p: HealthMonitorParams = { delay: 5, timeout: 3, maxRetries: 2, urlPath: '/healthz' };
 */
export interface HealthMonitorParams {
  name?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** Seconds between probes. */
  delay?: number | undefined;
  /** Seconds a probe may take; must be less than `delay`. */
  timeout?: number | undefined;
  /** Successes before ONLINE, 1–10. */
  maxRetries?: number | undefined;
  /** Failures before ERROR, 1–10. */
  maxRetriesDown?: number | undefined;
  /** HTTP(S) monitors: method of the probe (default `GET`). */
  httpMethod?: (typeof HEALTH_MONITOR_HTTP_METHODS)[number] | undefined;
  /** HTTP(S) monitors: `1.0` (default) or `1.1`. */
  httpVersion?: 1.0 | 1.1 | undefined;
  /** HTTP(S) monitors: path of the probe, starting with `/`. */
  urlPath?: string | undefined;
  /** HTTP(S) monitors: `200`, `200,202` or `200-204`. */
  expectedCodes?: string | undefined;
  /** HTTP/1.1 monitors: `Host` header of the probe; `null` removes it. */
  domainName?: string | null | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Parameters of {@link createHealthMonitor}.
 * @example await createHealthMonitor(client, { poolId, type: 'HTTP', delay: 5, timeout: 3, maxRetries: 3, urlPath: '/' });
 */
export interface CreateHealthMonitorParams extends HealthMonitorParams {
  poolId: string;
  type: HealthMonitorType;
  delay: number;
  timeout: number;
  maxRetries: number;
  /** Administrators: another project. */
  projectId?: string | undefined;
}

function monitorBody(p: HealthMonitorParams): Record<string, unknown> {
  if (p.urlPath !== undefined && (typeof p.urlPath !== 'string' || !p.urlPath.startsWith('/'))) {
    throw new ValidationError('urlPath must start with /', 'urlPath');
  }
  if (
    p.expectedCodes !== undefined &&
    (typeof p.expectedCodes !== 'string' || !EXPECTED_CODES.test(p.expectedCodes))
  ) {
    throw new ValidationError('expectedCodes must be like 200, 200,202 or 200-204', 'expectedCodes');
  }
  if (p.httpVersion !== undefined && p.httpVersion !== 1.0 && p.httpVersion !== 1.1) {
    throw new ValidationError('httpVersion must be 1.0 or 1.1', 'httpVersion');
  }
  if (typeof p.delay === 'number' && typeof p.timeout === 'number' && p.timeout > p.delay) {
    throw new ValidationError('timeout must not be greater than delay', 'timeout');
  }
  return {
    name: optString(p.name, 'name'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    delay: optInt(p.delay, 'delay', 0, 2 ** 31 - 1),
    timeout: optInt(p.timeout, 'timeout', 0, 2 ** 31 - 1),
    max_retries: optInt(p.maxRetries, 'maxRetries', 1, 10),
    max_retries_down: optInt(p.maxRetriesDown, 'maxRetriesDown', 1, 10),
    http_method: optEnum(p.httpMethod, HEALTH_MONITOR_HTTP_METHODS, 'httpMethod'),
    http_version: p.httpVersion,
    url_path: optString(p.urlPath, 'urlPath', 2048),
    expected_codes: p.expectedCodes,
    domain_name: optNullableString(p.domainName, 'domainName'),
    tags: optTags(p.tags, 'tags'),
  };
}

/**
 * Creates the health monitor of a pool.
 * @example
 * ```ts
 * await createHealthMonitor(client, {
 *   poolId: pool.id, type: 'HTTP', delay: 5, timeout: 3, maxRetries: 3, urlPath: '/healthz', expectedCodes: '200-204',
 * });
 * ```
 */
export async function createHealthMonitor(
  client: LoadBalancerClient,
  params: CreateHealthMonitorParams,
  options?: LoadBalancerRequestOptions,
): Promise<HealthMonitor> {
  const p = requireParams<CreateHealthMonitorParams>(params);
  const type = requireEnum(p.type, HEALTH_MONITOR_TYPES, 'type');
  for (const f of ['delay', 'timeout', 'maxRetries'] as const) {
    if (p[f] === undefined) throw new ValidationError(`${f} is required`, f);
  }
  const http = type === 'HTTP' || type === 'HTTPS';
  for (const f of ['httpMethod', 'urlPath', 'expectedCodes', 'httpVersion', 'domainName'] as const) {
    if (!http && p[f] !== undefined) throw new ValidationError(`${f} is for HTTP and HTTPS monitors only`, f);
  }
  const body = {
    pool_id: requireUuid(p.poolId, 'poolId'),
    type,
    project_id: optString(p.projectId, 'projectId'),
    ...monitorBody(p),
  };
  return writeResource(client, HEALTH_MONITOR, 'POST', HEALTH_MONITORS_PATH, omitUndefined(body), options);
}

/**
 * Parameters of {@link updateHealthMonitor}.
 * @example await updateHealthMonitor(client, id, { delay: 10, timeout: 5 });
 */
export interface UpdateHealthMonitorParams extends HealthMonitorParams {}

/**
 * Updates a health monitor.
 * @example await updateHealthMonitor(client, id, { maxRetriesDown: 5 });
 */
export async function updateHealthMonitor(
  client: LoadBalancerClient,
  healthMonitorId: string,
  params: UpdateHealthMonitorParams,
  options?: LoadBalancerRequestOptions,
): Promise<HealthMonitor> {
  requireUuid(healthMonitorId, 'healthMonitorId');
  const body = monitorBody(requireParams<UpdateHealthMonitorParams>(params));
  requireChange(body, 'health monitor');
  return writeResource(
    client,
    HEALTH_MONITOR,
    'PUT',
    path(healthMonitorId),
    omitUndefined(body),
    options,
    what(healthMonitorId),
  );
}

/**
 * Deletes a health monitor (asynchronous).
 * @example await deleteHealthMonitor(client, id);
 */
export async function deleteHealthMonitor(
  client: LoadBalancerClient,
  healthMonitorId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(healthMonitorId, 'healthMonitorId');
  await deleteResource(client, path(healthMonitorId), what(healthMonitorId), options);
}

/**
 * Polls a health monitor until its `provisioning_status` is one of `status`; `ERROR` fails
 * (default `failOn`).
 * @example await waitForHealthMonitorStatus(client, id, 'ACTIVE');
 */
export async function waitForHealthMonitorStatus(
  client: LoadBalancerClient,
  healthMonitorId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<HealthMonitor> = {},
): Promise<HealthMonitor> {
  requireUuid(healthMonitorId, 'healthMonitorId');
  return waitForProvisioning(
    what(healthMonitorId),
    (signal, request) => getHealthMonitor(client, healthMonitorId, { ...request, signal }),
    status,
    options,
  );
}

/**
 * Polls until a health monitor is gone (404); `ERROR` fails.
 * @example await waitForHealthMonitorDeleted(client, id);
 */
export async function waitForHealthMonitorDeleted(
  client: LoadBalancerClient,
  healthMonitorId: string,
  options: LoadBalancerDeletionWaiterOptions<HealthMonitor> = {},
): Promise<void> {
  requireUuid(healthMonitorId, 'healthMonitorId');
  await waitForGone(
    what(healthMonitorId),
    (signal, request) => getHealthMonitor(client, healthMonitorId, { ...request, signal }),
    options,
  );
}

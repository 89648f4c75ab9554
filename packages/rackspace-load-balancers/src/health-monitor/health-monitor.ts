import { type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import {
  lbResource,
  requireClbId,
  requireEnum,
  requireParams,
  requireRange,
  requireText,
} from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import {
  CLB_HEALTH_MONITOR_TYPES,
  type ClbHealthMonitor,
  type ClbHealthMonitorInput,
  HEALTH_MONITOR,
  parseHealthMonitor,
} from './types.js';

function requireRegex(value: unknown, field: string): string {
  const s = requireText(value, field, 1024);
  try {
    new RegExp(s);
  } catch {
    throw new ValidationError(`${field} must be a regular expression`, field);
  }
  return s;
}

/** @internal a health monitor, checked, in its wire form */
export function healthMonitorBody(m: ClbHealthMonitorInput, at: string): Record<string, unknown> {
  requireParams(m, at);
  const type = requireEnum(m.type, CLB_HEALTH_MONITOR_TYPES, `${at}.type`);
  requireRange(m.delay, `${at}.delay`, 1, 3600);
  requireRange(m.timeout, `${at}.timeout`, 1, 300);
  requireRange(m.attemptsBeforeDeactivation, `${at}.attemptsBeforeDeactivation`, 1, 10);
  if (type === 'CONNECT') {
    for (const k of ['path', 'statusRegex', 'bodyRegex', 'hostHeader'] as const)
      if (m[k] !== undefined)
        throw new ValidationError(`${at}.${k} is only for HTTP and HTTPS monitors`, `${at}.${k}`);
  } else {
    const path = requireText(m.path, `${at}.path`, 2048);
    if (!path.startsWith('/')) throw new ValidationError(`${at}.path must start with "/"`, `${at}.path`);
    requireRegex(m.statusRegex, `${at}.statusRegex`);
    if (m.bodyRegex !== undefined) requireRegex(m.bodyRegex, `${at}.bodyRegex`);
    if (m.hostHeader !== undefined) requireText(m.hostHeader, `${at}.hostHeader`, 256);
  }
  return omitUndefined({
    type,
    delay: m.delay,
    timeout: m.timeout,
    attemptsBeforeDeactivation: m.attemptsBeforeDeactivation,
    path: m.path,
    statusRegex: m.statusRegex,
    bodyRegex: m.bodyRegex,
    hostHeader: m.hostHeader,
  });
}

/**
 * Reads a load balancer's health monitor; `undefined` when none is set.
 * @example const monitor = await getClbHealthMonitor(clb, lbId); console.log(monitor?.type ?? 'none');
 */
export async function getClbHealthMonitor(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbHealthMonitor | undefined> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/healthmonitor`, {
    ...options,
    resource: lbResource(id),
  });
  return parseHealthMonitor(unwrap(res, 'healthMonitor', HEALTH_MONITOR));
}

/**
 * Sets (creates or replaces) a load balancer's health monitor. Not available for UDP protocols.
 * @throws ValidationError before any request: delay outside 1–3600, timeout outside 1–300,
 *   attempts outside 1–10, an HTTP monitor without `path`/`statusRegex`, a regex that does not compile.
 * @example
 * ```ts
 * await setClbHealthMonitor(clb, lbId, { type: 'HTTP', delay: 10, timeout: 5, attemptsBeforeDeactivation: 3,
 *   path: '/health', statusRegex: '^[23][0-9][0-9]$' });
 * ```
 */
export async function setClbHealthMonitor(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  monitor: ClbHealthMonitorInput,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const json = { healthMonitor: healthMonitorBody(monitor, 'monitor') };
  await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/healthmonitor`,
    { json, resource: lbResource(id) },
    options,
  );
}

/**
 * Removes a load balancer's health monitor (its nodes then count as `ONLINE`).
 * @example await deleteClbHealthMonitor(clb, lbId);
 */
export async function deleteClbHealthMonitor(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/healthmonitor`,
    { resource: lbResource(id) },
    options,
  );
}

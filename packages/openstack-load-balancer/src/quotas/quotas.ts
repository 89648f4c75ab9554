import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  encodeSegment,
  number,
  object,
  optional,
  paginateByLinks,
  parseResponse,
  type ServiceClient,
  type ShapeFields,
  string,
  unwrap,
} from '@cloud/core/service';
import type { LoadBalancerClient, LoadBalancerServiceRequest } from '../client.js';
import type { LoadBalancerRequestOptions } from '../internal/common.js';
import { optInt, requireParams, requireText } from '../internal/validate.js';

const QUOTAS_PATH = 'lbaas/quotas';

/**
 * Load-balancing quotas of a project; -1 means unlimited, `undefined` the deployment default.
 * @example const q = await getLoadBalancerQuotas(client, projectId); console.log(q.loadBalancer, q.member);
 */
export interface LoadBalancerQuotas {
  /** The project, when listed. */
  projectId: string | undefined;
  loadBalancer: number | undefined;
  listener: number | undefined;
  pool: number | undefined;
  member: number | undefined;
  healthMonitor: number | undefined;
  l7Policy: number | undefined;
  l7Rule: number | undefined;
  /** The quota as Octavia sent it. */
  raw: Readonly<Record<string, unknown>>;
}

/** @internal */
interface QuotaWire {
  project_id?: string;
  loadbalancer?: number;
  load_balancer?: number;
  listener?: number;
  pool?: number;
  member?: number;
  healthmonitor?: number;
  health_monitor?: number;
  l7policy?: number;
  l7rule?: number;
}

const FIELDS: ShapeFields<QuotaWire> = {
  project_id: optional(string),
  loadbalancer: optional(number),
  load_balancer: optional(number),
  listener: optional(number),
  pool: optional(number),
  member: optional(number),
  healthmonitor: optional(number),
  health_monitor: optional(number),
  l7policy: optional(number),
  l7rule: optional(number),
};
const QUOTA = object<QuotaWire>(FIELDS);

function parseQuota(w: QuotaWire): LoadBalancerQuotas {
  return {
    projectId: w.project_id ?? undefined,
    // older releases name two of them with an underscore
    loadBalancer: w.loadbalancer ?? w.load_balancer ?? undefined,
    listener: w.listener ?? undefined,
    pool: w.pool ?? undefined,
    member: w.member ?? undefined,
    healthMonitor: w.healthmonitor ?? w.health_monitor ?? undefined,
    l7Policy: w.l7policy ?? undefined,
    l7Rule: w.l7rule ?? undefined,
    raw: w as Record<string, unknown>,
  };
}

const checked = (client: ServiceClient): ServiceClient => ({
  ...client,
  request: async <T>(method: string, path: string, req?: Parameters<ServiceClient['request']>[2]) => {
    const res = await client.request<T>(method, path, req);
    parseResponse(res, object({ quotas: arrayOf(QUOTA) }));
    return res;
  },
});

/**
 * Lists the quotas of every project that has its own (administrators see all; others their own).
 * @example for await (const q of listLoadBalancerQuotas(client)) console.log(q.projectId, q.loadBalancer);
 */
export function listLoadBalancerQuotas(
  client: LoadBalancerClient,
  params?: { projectId?: string | undefined },
  options?: RequestOptions,
): PagedIterable<LoadBalancerQuotas> {
  const projectId = params?.projectId === undefined ? undefined : requireText(params.projectId, 'projectId');
  return paginateByLinks<QuotaWire, LoadBalancerQuotas>({
    client: checked(client),
    path: QUOTAS_PATH,
    key: 'quotas',
    linksKey: 'quotas_links',
    query: { project_id: projectId },
    map: parseQuota,
    options,
  });
}

/**
 * Reads the quotas of a project.
 * @example const q = await getLoadBalancerQuotas(client, projectId);
 */
export async function getLoadBalancerQuotas(
  client: LoadBalancerClient,
  projectId: string,
  options?: RequestOptions,
): Promise<LoadBalancerQuotas> {
  requireText(projectId, 'projectId');
  const res = await client.request('GET', `${QUOTAS_PATH}/${encodeSegment(projectId)}`, {
    ...options,
    resource: `quotas of project "${projectId}"`,
  });
  return parseQuota(unwrap(res, 'quota', QUOTA));
}

/**
 * Reads the deployment's default quotas.
 * @example const d = await getLoadBalancerDefaultQuotas(client);
 */
export async function getLoadBalancerDefaultQuotas(
  client: LoadBalancerClient,
  options?: RequestOptions,
): Promise<LoadBalancerQuotas> {
  const res = await client.request('GET', `${QUOTAS_PATH}/defaults`, options);
  return parseQuota(unwrap(res, 'quota', QUOTA));
}

/**
 * Parameters of {@link updateLoadBalancerQuotas}: -1 = unlimited, `null` = back to the default.
 * @example await updateLoadBalancerQuotas(client, projectId, { loadBalancer: 10, member: -1 });
 */
export interface UpdateLoadBalancerQuotasParams {
  loadBalancer?: number | null | undefined;
  listener?: number | null | undefined;
  pool?: number | null | undefined;
  member?: number | null | undefined;
  healthMonitor?: number | null | undefined;
  l7Policy?: number | null | undefined;
  l7Rule?: number | null | undefined;
}

/**
 * Sets quotas of a project (administrators); only the given ones change.
 * @example await updateLoadBalancerQuotas(client, projectId, { loadBalancer: 20 });
 */
export async function updateLoadBalancerQuotas(
  client: LoadBalancerClient,
  projectId: string,
  params: UpdateLoadBalancerQuotasParams,
  options?: LoadBalancerRequestOptions,
): Promise<LoadBalancerQuotas> {
  requireText(projectId, 'projectId');
  const p = requireParams<UpdateLoadBalancerQuotasParams>(params);
  const names: [keyof UpdateLoadBalancerQuotasParams, string][] = [
    ['loadBalancer', 'loadbalancer'],
    ['listener', 'listener'],
    ['pool', 'pool'],
    ['member', 'member'],
    ['healthMonitor', 'healthmonitor'],
    ['l7Policy', 'l7policy'],
    ['l7Rule', 'l7rule'],
  ];
  const quota: Record<string, number | null> = {};
  for (const [k, wire] of names) {
    const v = p[k];
    if (v === undefined) continue;
    quota[wire] = v === null ? null : optInt(v, k, -1, 2 ** 31 - 1)!;
  }
  if (Object.keys(quota).length === 0)
    throw new ValidationError('the quota update has nothing to change', 'params');
  const req: LoadBalancerServiceRequest = {
    ...options,
    json: { quota },
    resource: `quotas of project "${projectId}"`,
  };
  const res = await client.request('PUT', `${QUOTAS_PATH}/${encodeSegment(projectId)}`, req);
  return parseQuota(unwrap(res, 'quota', QUOTA));
}

/**
 * Resets the quotas of a project to the defaults (administrators).
 * @example await resetLoadBalancerQuotas(client, projectId);
 */
export async function resetLoadBalancerQuotas(
  client: LoadBalancerClient,
  projectId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireText(projectId, 'projectId');
  const req: LoadBalancerServiceRequest = { ...options, resource: `quotas of project "${projectId}"` };
  await client.request('DELETE', `${QUOTAS_PATH}/${encodeSegment(projectId)}`, req);
}

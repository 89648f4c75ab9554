import type { RequestOptions } from '@cloud/core';
import { requireNonBlank, unwrap } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import { type NetworkQuotas, type NetworkQuotaUsage, QUOTA_DETAILS, QUOTAS } from './types.js';
import { quotaDetailsPath, quotaPath } from './urls.js';

/**
 * Reads a project's network quotas (limits only). Users may read their own project's.
 * @example
 * ```ts
 * const quotas = await getNetworkQuotas(network, projectId);
 * console.log(quotas.floatingip === -1 ? 'unlimited' : quotas.floatingip);
 * ```
 */
export async function getNetworkQuotas(
  client: NetworkClient,
  projectId: string,
  options?: RequestOptions,
): Promise<NetworkQuotas> {
  requireNonBlank(projectId, 'projectId');
  const res = await client.request('GET', quotaPath(projectId), {
    ...options,
    resource: `quotas of project "${projectId}"`,
  });
  return { ...unwrap(res, 'quota', QUOTAS) };
}

/**
 * Reads a project's network quotas with usage (the `quota_details` extension).
 * @example
 * ```ts
 * const usage = await getNetworkQuotaUsage(network, projectId);
 * for (const [name, q] of Object.entries(usage)) console.log(name, `${q.used}/${q.limit}`);
 * ```
 */
export async function getNetworkQuotaUsage(
  client: NetworkClient,
  projectId: string,
  options?: RequestOptions,
): Promise<Record<string, NetworkQuotaUsage>> {
  requireNonBlank(projectId, 'projectId');
  const res = await client.request('GET', quotaDetailsPath(projectId), {
    ...options,
    resource: `quotas of project "${projectId}"`,
  });
  const out: Record<string, NetworkQuotaUsage> = {};
  for (const [name, q] of Object.entries(unwrap(res, 'quota', QUOTA_DETAILS))) {
    out[name] = { used: q.used, limit: q.limit, reserved: q.reserved ?? 0 };
  }
  return out;
}

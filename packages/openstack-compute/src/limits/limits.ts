import type { MicroversionRequestOptions } from '@cloud/core';
import { requireString, unwrap } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { COMPUTE_LIMITS, type ComputeLimits, parseComputeLimits } from './types.js';
import { limitsPath } from './urls.js';

/**
 * Gets the project's absolute limits (quotas and usage) and rate limits.
 * @example
 * ```ts
 * const { absolute } = await getComputeLimits(compute);
 * console.log(`${absolute.totalCoresUsed}/${absolute.maxTotalCores} cores`);
 * ```
 */
export async function getComputeLimits(
  client: ComputeClient,
  params: { /** Administrators: another project's limits. */ tenantId?: string | undefined } = {},
  options?: MicroversionRequestOptions,
): Promise<ComputeLimits> {
  if (params.tenantId !== undefined) requireString(params.tenantId, 'tenantId');
  const res = await client.request('GET', limitsPath(), {
    ...options,
    searchParams: { tenant_id: params.tenantId },
  });
  return parseComputeLimits(unwrap(res, 'limits', COMPUTE_LIMITS));
}

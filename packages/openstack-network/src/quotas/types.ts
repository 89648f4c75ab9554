import { number, object, optional, recordOf } from '@cloud/core/service';

/**
 * A project's network quotas: resource name to limit, `-1` meaning unlimited. Neutron's core
 * resources are typed; extensions add more keys (`rbac_policy`, `trunk`…).
 * @example const { port } = await getNetworkQuotas(network, projectId);
 */
export interface NetworkQuotas {
  network?: number | undefined;
  subnet?: number | undefined;
  subnetpool?: number | undefined;
  port?: number | undefined;
  router?: number | undefined;
  floatingip?: number | undefined;
  security_group?: number | undefined;
  security_group_rule?: number | undefined;
  [resource: string]: number | undefined;
}

/**
 * Limit and usage of one quota.
 * @example const { used, limit } = (await getNetworkQuotaUsage(network, projectId)).port!;
 */
export interface NetworkQuotaUsage {
  used: number;
  /** `-1` means unlimited. */
  limit: number;
  reserved: number;
}

/** @internal */
export const QUOTAS = recordOf(number);
/** @internal */
export const QUOTA_DETAILS = recordOf(
  object<{ used: number; limit: number; reserved?: number }>({
    used: number,
    limit: number,
    reserved: optional(number),
  }),
);

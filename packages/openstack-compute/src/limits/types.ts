import { arrayOf, number, object, optional, recordOf, string } from '@cloud/core/service';

/**
 * Absolute limits and usage of the project, as the cloud names them (`maxTotalCores`,
 * `totalCoresUsed`...). `-1` means unlimited. Clouds may add names (Rackspace adds
 * `maxTotalPrivateNetworks`).
 * @example const { maxTotalCores, totalCoresUsed } = (await getComputeLimits(compute)).absolute;
 */
export interface ComputeAbsoluteLimits {
  maxTotalCores?: number | undefined;
  maxTotalInstances?: number | undefined;
  maxTotalRAMSize?: number | undefined;
  maxServerMeta?: number | undefined;
  maxImageMeta?: number | undefined;
  maxPersonality?: number | undefined;
  maxPersonalitySize?: number | undefined;
  maxTotalKeypairs?: number | undefined;
  maxServerGroups?: number | undefined;
  maxServerGroupMembers?: number | undefined;
  maxTotalFloatingIps?: number | undefined;
  maxSecurityGroups?: number | undefined;
  maxSecurityGroupRules?: number | undefined;
  totalCoresUsed?: number | undefined;
  totalInstancesUsed?: number | undefined;
  totalRAMUsed?: number | undefined;
  totalServerGroupsUsed?: number | undefined;
  totalFloatingIpsUsed?: number | undefined;
  totalSecurityGroupsUsed?: number | undefined;
  [name: string]: number | undefined;
}

/**
 * One rate limit of one verb on one URI pattern.
 * @example const post = (await getComputeLimits(compute)).rate[0]?.limits.find((l) => l.verb === 'POST');
 */
export interface ComputeRateLimitEntry {
  verb: string;
  /** Requests allowed per `unit`. */
  value: number;
  remaining: number;
  /** `SECOND`, `MINUTE`, `HOUR` or `DAY`. */
  unit: string;
  nextAvailable?: Date | undefined;
}

/**
 * Rate limits of the requests matching a URI pattern (rarely reported by modern clouds).
 * @example for (const r of (await getComputeLimits(compute)).rate) console.log(r.uri, r.limits);
 */
export interface ComputeRateLimit {
  uri: string;
  regex: string;
  limits: ComputeRateLimitEntry[];
}

/**
 * What {@link getComputeLimits} returns.
 * @example const { absolute, rate } = await getComputeLimits(compute);
 */
export interface ComputeLimits {
  absolute: ComputeAbsoluteLimits;
  rate: ComputeRateLimit[];
}

/** @internal wire shape */
export interface ComputeLimitsWire {
  absolute?: Record<string, number>;
  rate?: {
    uri: string;
    regex: string;
    limit?: { verb: string; value: number; remaining: number; unit: string; 'next-available'?: string }[];
  }[];
}

/** @internal */
export const parseComputeLimits = (w: ComputeLimitsWire): ComputeLimits => ({
  absolute: { ...(w.absolute ?? {}) },
  rate: (w.rate ?? []).map((r) => ({
    uri: r.uri,
    regex: r.regex,
    limits: (r.limit ?? []).map((l) => ({
      verb: l.verb,
      value: l.value,
      remaining: l.remaining,
      unit: l.unit,
      ...(l['next-available'] ? { nextAvailable: new Date(l['next-available']) } : {}),
    })),
  })),
});

/** @internal */
export const COMPUTE_LIMITS = object<ComputeLimitsWire>({
  absolute: optional(recordOf(number)),
  rate: optional(
    arrayOf(
      object<NonNullable<ComputeLimitsWire['rate']>[number]>({
        uri: string,
        regex: string,
        limit: optional(
          arrayOf(
            object<NonNullable<NonNullable<ComputeLimitsWire['rate']>[number]['limit']>[number]>({
              verb: string,
              value: number,
              remaining: number,
              unit: string,
              'next-available': optional(string),
            }),
          ),
        ),
      }),
    ),
  ),
});

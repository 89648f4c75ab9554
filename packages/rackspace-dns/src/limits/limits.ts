import type { RequestOptions } from '@cloud/core';
import { arrayOf, number, object, optional, recordOf, string, unwrap } from '@cloud/core/service';
import type { RackspaceDnsClient } from '../client.js';

/**
 * The account's Cloud DNS limits: absolute (`domains`, `records per domain`) and request rates.
 * @example const { absolute } = await getRackspaceDnsLimits(dns); console.log(absolute.domains);
 */
export interface RackspaceDnsLimits {
  absolute: Record<string, number>;
  rate: { uri: string; regex: string | undefined; limits: { verb: string; value: number; unit: string }[] }[];
}

interface LimitsWire {
  absolute?: Record<string, number>;
  rate?: { uri: string; regex?: string; limit: { verb: string; value: number; unit: string }[] }[];
}

const LIMITS = object<LimitsWire>({
  absolute: optional(recordOf(number)),
  rate: optional(
    arrayOf(
      object<{ uri: string; regex?: string; limit: { verb: string; value: number; unit: string }[] }>({
        uri: string,
        regex: optional(string),
        limit: arrayOf(
          object<{ verb: string; value: number; unit: string }>({
            verb: string,
            value: number,
            unit: string,
          }),
        ),
      }),
    ),
  ),
});

/**
 * Reads the account's Cloud DNS limits.
 * @example
 * ```ts
 * const limits = await getRackspaceDnsLimits(dns);
 * console.log(limits.absolute['records per domain']);
 * ```
 */
export async function getRackspaceDnsLimits(
  client: RackspaceDnsClient,
  options?: RequestOptions,
): Promise<RackspaceDnsLimits> {
  const res = await client.request('GET', 'limits', options);
  const w = unwrap(res, 'limits', LIMITS);
  return {
    absolute: w.absolute ?? {},
    rate: (w.rate ?? []).map((r) => ({
      uri: r.uri,
      regex: r.regex,
      limits: r.limit.map((l) => ({ verb: l.verb, value: l.value, unit: l.unit })),
    })),
  };
}

import type { RequestOptions } from '@cloud/core';
import { arrayOf, number, object, optional, string, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';

/**
 * A rate limit of one HTTP verb on a URI pattern.
 * @example const posts = limits.rate.find((r) => r.verb === 'POST');
 */
export interface DatabaseRateLimit {
  verb: string;
  uri: string;
  regex: string;
  /** Requests allowed per `unit`. */
  value: number;
  remaining: number;
  /** `SECOND`, `MINUTE`, `HOUR` or `DAY`. */
  unit: string;
  nextAvailable?: Date | undefined;
}

/**
 * The project's quotas of the database service and its rate limits.
 * @example const { absolute } = await getDatabaseLimits(db); console.log(absolute.max_instances);
 */
export interface DatabaseLimits {
  /** Absolute limits by name, e.g. `max_instances`, `max_volumes`, `max_backups`. */
  absolute: Record<string, number>;
  rate: DatabaseRateLimit[];
}

interface LimitWire {
  verb: string;
  uri?: string;
  regex?: string;
  value?: number;
  remaining?: number;
  unit?: string;
  nextAvailable?: string;
  [key: string]: unknown;
}

const LIMIT = object<LimitWire>({
  verb: string,
  uri: optional(string),
  regex: optional(string),
  value: optional(number),
  remaining: optional(number),
  unit: optional(string),
  nextAvailable: optional(string),
});

function parseLimits(list: LimitWire[]): DatabaseLimits {
  const absolute: Record<string, number> = {};
  const rate: DatabaseRateLimit[] = [];
  for (const l of list) {
    if (l.verb === 'ABSOLUTE') {
      for (const [k, v] of Object.entries(l)) if (typeof v === 'number') absolute[k] = v;
      continue;
    }
    const next = l.nextAvailable ? new Date(l.nextAvailable) : undefined;
    rate.push({
      verb: l.verb,
      uri: l.uri ?? '*',
      regex: l.regex ?? '.*',
      value: l.value ?? 0,
      remaining: l.remaining ?? 0,
      unit: l.unit ?? 'MINUTE',
      ...(next && !Number.isNaN(next.getTime()) ? { nextAvailable: next } : {}),
    });
  }
  return { absolute, rate };
}

/**
 * Reads the project's limits: absolute quotas (`ABSOLUTE` entry) and per-verb rate limits.
 * @example
 * ```ts
 * const { absolute } = await getDatabaseLimits(db);
 * if (absolute.max_instances !== undefined) console.log('up to', absolute.max_instances, 'instances');
 * ```
 */
export async function getDatabaseLimits(
  client: DatabaseClient,
  options?: RequestOptions,
): Promise<DatabaseLimits> {
  const res = await client.request('GET', 'limits', options);
  return parseLimits(unwrap(res, 'limits', arrayOf(LIMIT)));
}

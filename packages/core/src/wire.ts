/**
 * Drops the entries whose value is `undefined`, so a JSON request body carries only the fields
 * that were given (`null`, `false`, `0` and `''` are kept). Returns a new object.
 * @example
 * ```ts
 * omitUndefined({ name: 'web', description: undefined, metadata: {} }); // { name: 'web', metadata: {} }
 * ```
 */
export function omitUndefined<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

const ZONED = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/**
 * Reads an ISO 8601 timestamp from a response. OpenStack services write many timestamps without a
 * zone (Nova's `launched_at`, Trove's `created`, Swift listings' `last_modified`); they are UTC,
 * while `new Date()` would read them as local time. A value that is not a timestamp gives an
 * invalid Date, as `new Date()` does.
 * @example
 * ```ts
 * parseTimestamp('2014-10-30T12:30:00').toISOString(); // '2014-10-30T12:30:00.000Z'
 * parseTimestamp('2014-10-30T12:30:00+02:00').toISOString(); // '2014-10-30T10:30:00.000Z'
 * ```
 */
export function parseTimestamp(value: string): Date {
  return new Date(ZONED.test(value) ? value : `${value}Z`);
}

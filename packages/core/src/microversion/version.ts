import { ValidationError } from '../errors/errors.js';

/** `"latest"`: the newest microversion the server supports, resolved by the server itself. */
export const LATEST_MICROVERSION = 'latest';

const PATTERN = /^(\d+)\.(\d+)$/;

/** A microversion as two comparable numbers; `latest` is above every number. */
export interface ParsedMicroversion {
  major: number;
  minor: number;
}

/**
 * True for `"3.59"`-style versions and `"latest"`.
 * @example isMicroversion('3.59'); // true — isMicroversion('3.x'); // false
 */
export function isMicroversion(value: unknown): value is string {
  return typeof value === 'string' && (value === LATEST_MICROVERSION || PATTERN.test(value));
}

/**
 * Parses `"3.59"` into `{ major: 3, minor: 59 }` (`"3.5"` is minor 5, below `"3.10"`); `"latest"` is
 * `{ major: Infinity, minor: 0 }`. Anything else throws {@link ValidationError} naming `field`.
 * @example
 * ```ts
 * parseMicroversion('3.59'); // { major: 3, minor: 59 }
 * parseMicroversion('3.x', 'options.microversion'); // ValidationError (field options.microversion)
 * ```
 */
export function parseMicroversion(value: unknown, field = 'microversion'): ParsedMicroversion {
  if (value === LATEST_MICROVERSION) return { major: Number.POSITIVE_INFINITY, minor: 0 };
  const m = typeof value === 'string' ? PATTERN.exec(value) : null;
  if (!m) {
    throw new ValidationError(
      `${field} must look like "3.59" or be "latest", got ${JSON.stringify(value) ?? String(value)}`,
      field,
    );
  }
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/**
 * Orders two microversions numerically: negative when `a` is older, 0 when equal, positive when
 * newer. `"latest"` is newer than any number.
 * @example
 * ```ts
 * compareMicroversions('3.9', '3.10'); // < 0
 * ['3.10', '3.2', 'latest'].sort(compareMicroversions); // ['3.2', '3.10', 'latest']
 * ```
 */
export function compareMicroversions(a: string, b: string): number {
  const pa = parseMicroversion(a);
  const pb = parseMicroversion(b);
  if (pa.major !== pb.major) return pa.major < pb.major ? -1 : 1;
  return pa.minor - pb.minor;
}

import { ValidationError } from '@cloud/core';
import type { ComputeClient } from '../client.js';

/** A microversion such as `2.79`. @internal */
export const MICROVERSION = /^(\d+)\.(\d+)$/;

/** Parses `"2.37"` into comparable numbers. `latest` is above everything. @internal */
function parseMicroversion(v: string): [number, number] {
  if (v === 'latest') return [Number.POSITIVE_INFINITY, 0];
  const m = MICROVERSION.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : [2, 1];
}

/**
 * True when the client's microversion is at least `version` (no microversion means 2.1).
 * @internal
 */
export function microversionAtLeast(client: ComputeClient, version: string): boolean {
  const [aMajor, aMinor] = parseMicroversion(client.microversion ?? '2.1');
  const [bMajor, bMinor] = parseMicroversion(version);
  return aMajor > bMajor || (aMajor === bMajor && aMinor >= bMinor);
}

/** Throws ValidationError when a field needs a newer microversion than the client's. @internal */
export function requireMicroversion(client: ComputeClient, version: string, field: string): void {
  if (!microversionAtLeast(client, version)) {
    throw new ValidationError(
      `${field} requires compute microversion ${version} or later; the client uses ${client.microversion ?? '2.1 (none set)'}`,
      field,
    );
  }
}

/** Throws ValidationError when an API was removed at `version` and the client is at or past it. @internal */
export function rejectFromMicroversion(
  client: ComputeClient,
  version: string,
  field: string,
  advice: string,
): void {
  if (microversionAtLeast(client, version)) {
    throw new ValidationError(
      `${field} is not available at compute microversion ${version} or later (the client uses ${client.microversion}); ${advice}`,
      field,
    );
  }
}

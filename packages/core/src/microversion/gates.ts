import { ValidationError } from '../errors/errors.js';
import type { MicroversionSpec } from './spec.js';
import { compareMicroversions } from './version.js';

/**
 * A microversion rule of one request field (or of a whole operation), declared as data next to
 * the operation and checked by {@link checkMicroversionGates} before any request.
 * @example
 * ```ts
 * const CREATE_VOLUME_GATES: MicroversionGate[] = [
 *   { field: 'backupId', since: '3.47' },
 *   { field: 'personality', until: '2.57', advice: 'pass files through userData instead' },
 *   { field: 'listAttachments', since: '3.27', operation: true },
 * ];
 * ```
 */
export interface MicroversionGate {
  /** The params field the rule is about (a camelCase name, as users write it), or the operation's name. */
  readonly field: string;
  /** The field needs this version or a later one. */
  readonly since?: string | undefined;
  /** The field was removed at this version: it is accepted only below it. */
  readonly until?: string | undefined;
  /** What to do instead, appended to the `until` message. */
  readonly advice?: string | undefined;
  /** True when the rule applies to every call, not only when `field` is set in the params. */
  readonly operation?: boolean | undefined;
}

/**
 * True when `version` (no version: the service's base version) is at least `since`. `latest` is
 * at least everything.
 * @example microversionAtLeast(VOLUME, '3.59', '3.45'); // true
 */
export function microversionAtLeast(
  spec: MicroversionSpec,
  version: string | undefined,
  since: string,
): boolean {
  return compareMicroversions(version ?? spec.base, since) >= 0;
}

/**
 * Checks the gates that apply (an `operation` gate always, a field gate when `params[field]` is
 * not `undefined`) against the version a call will use, and throws {@link ValidationError} naming
 * the field for the first one broken. `latest` passes every `since` and breaks every `until`.
 * @example
 * ```ts
 * checkMicroversionGates(VOLUME, client.microversion, [{ field: 'withCount', since: '3.45' }], params);
 * // ValidationError: withCount requires volume microversion 3.45 or later; the client uses 3.0 (none set)
 * ```
 */
export function checkMicroversionGates(
  spec: MicroversionSpec,
  version: string | undefined,
  gates: readonly MicroversionGate[],
  params: object = {},
): void {
  const values = params as Record<string, unknown>;
  for (const gate of gates) {
    if (!gate.operation && values[gate.field] === undefined) continue;
    if (gate.since !== undefined && !microversionAtLeast(spec, version, gate.since)) {
      throw new ValidationError(
        `${gate.field} requires ${spec.service} microversion ${gate.since} or later; the client uses ${version ?? `${spec.base} (none set)`}`,
        gate.field,
      );
    }
    if (gate.until !== undefined && microversionAtLeast(spec, version, gate.until)) {
      throw new ValidationError(
        `${gate.field} is not available at ${spec.service} microversion ${gate.until} or later (the client uses ${version ?? spec.base})${gate.advice ? `; ${gate.advice}` : ''}`,
        gate.field,
      );
    }
  }
}

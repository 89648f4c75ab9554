/**
 * One named behaviour check of the conformance suite. It throws (an `AssertionError` or the
 * client's error) when the adapter does not behave as the neutral interface says.
 */
export interface ConformanceCheck<Target> {
  /** What the check proves, as a sentence; usable as a test name. */
  readonly name: string;
  /** Runs the check against one adapter; cleans up what it created, pass or fail. */
  run(target: Target): Promise<void>;
  /**
   * Why the check does not apply to this target, from the capabilities its client declares (e.g.
   * container metadata on a store without it); `undefined` when it applies. Report such a check
   * as skipped with the reason, rather than leaving it out.
   */
  skipReason?(target: Target): string | undefined;
}

/**
 * The test name and whether to skip one check for one target: `skip` is the reason, when the
 * target's declared capabilities exclude the check.
 * @example
 * ```ts
 * for (const check of storageChecks) {
 *   const { name, skip } = describeCheck(check, target);
 *   (skip ? it.skip : it)(name, () => check.run(target));
 * }
 * ```
 */
export function describeCheck<Target>(
  check: ConformanceCheck<Target>,
  target: Target,
): { name: string; skip: string | undefined } {
  const skip = check.skipReason?.(target);
  return { name: skip ? `${check.name} (skipped: ${skip})` : check.name, skip };
}

/** Polls `read` until `accept` returns true, for listings that catch up asynchronously. @internal */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { tries = 1, delayMs = 250 }: { tries?: number; delayMs?: number } = {},
): Promise<T> {
  let value = await read();
  for (let i = 1; i < tries && !accept(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    value = await read();
  }
  return value;
}

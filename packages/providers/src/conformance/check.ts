/**
 * One named behaviour check of the conformance suite. It throws (an `AssertionError` or the
 * client's error) when the adapter does not behave as the neutral interface says.
 */
export interface ConformanceCheck<Target> {
  /** What the check proves, as a sentence; usable as a test name. */
  readonly name: string;
  /** Runs the check against one adapter; cleans up what it created, pass or fail. */
  run(target: Target): Promise<void>;
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

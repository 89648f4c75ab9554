/**
 * @internal Runs `worker` over `items` with at most `concurrency` calls in flight. The first failure
 * stops new work; the promise rejects with it once in-flight calls have settled. Items are pulled
 * lazily, so at most `concurrency + 1` items are held at a time.
 */
export async function runPool<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let index = 0;
  try {
    for await (const item of items as AsyncIterable<T>) {
      if (failure) break;
      const i = index++;
      const p: Promise<void> = worker(item, i).then(
        () => {
          inFlight.delete(p);
        },
        (error: unknown) => {
          inFlight.delete(p);
          failure ??= { error };
        },
      );
      inFlight.add(p);
      while (inFlight.size >= concurrency && !failure) await Promise.race(inFlight);
      if (failure) break;
    }
  } catch (error) {
    failure ??= { error };
  }
  await Promise.allSettled(inFlight);
  if (failure) throw failure.error;
}

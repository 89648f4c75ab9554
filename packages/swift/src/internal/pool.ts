/**
 * @internal Runs `worker` over `items` with at most `concurrency` calls in flight. The first failure
 * stops new work; the promise rejects with it once in-flight calls have settled. The next item is
 * pulled as soon as a call starts, so it is read while the others run; at most `concurrency + 1`
 * items are held at a time.
 */
export async function runPool<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let index = 0;
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (items as Iterable<T>)[Symbol.iterator]();
  const pull = async (): Promise<IteratorResult<T>> => iterator.next();
  let done = false;
  let next: Promise<IteratorResult<T>> | undefined;
  try {
    next = pull();
    while (!failure) {
      const r = await next;
      if (r.done) {
        done = true;
        break;
      }
      const i = index++;
      const p: Promise<void> = worker(r.value, i).then(
        () => {
          inFlight.delete(p);
        },
        (error: unknown) => {
          inFlight.delete(p);
          failure ??= { error };
        },
      );
      inFlight.add(p);
      // Read the next item while this one is sent.
      next = pull();
      next.catch(() => {});
      while (inFlight.size >= concurrency && !failure) await Promise.race(inFlight);
    }
  } catch (error) {
    failure ??= { error };
    done = true;
  }
  // Stop the input once the item being read is in (a stalled input is released by the caller's
  // abort, not waited for here).
  if (!done && next) {
    next.then(
      () => Promise.resolve(iterator.return?.()).catch(() => {}),
      () => {},
    );
  }
  await Promise.allSettled(inFlight);
  if (failure) throw failure.error;
}

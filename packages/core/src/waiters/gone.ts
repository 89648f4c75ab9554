import { NotFoundError } from '../errors/errors.js';
import { poll, type WaiterOptions } from './poll.js';

/** Options of {@link pollUntilGone}. */
export interface PollUntilGoneOptions<T> extends WaiterOptions<T> {
  /** Fetches the resource; a {@link NotFoundError} means it is gone. Other errors end the wait. */
  fetch(signal?: AbortSignal): Promise<T>;
  /** True when a resource that is still returned already counts as gone (e.g. status `DELETED`). */
  gone?(value: T): boolean;
  /** Returns a failure message when the resource reached a state it cannot be deleted from. */
  failure?(value: T): string | undefined;
  /** Describes what is awaited, for error messages, e.g. `server "42" to be deleted`. */
  description: string;
}

/**
 * Polls a resource being deleted until the service answers 404 (a {@link NotFoundError}), which is
 * success, or until `gone` says so; built on {@link poll}, with its backoff, timeout and signal.
 * @throws WaiterFailureError when `failure` returns a message; WaiterTimeoutError after `timeoutMs`
 *   (its `lastValue` is the resource as last seen); AbortError when the signal fires; any other
 *   error of `fetch`.
 * @example
 * ```ts
 * await deleteServer(compute, id);
 * await pollUntilGone({ description: `server "${id}" to be deleted`, fetch: (signal) => getServer(compute, id, { signal }),
 *   gone: (s) => s.status === 'DELETED' });
 * ```
 */
export async function pollUntilGone<T>(options: PollUntilGoneOptions<T>): Promise<void> {
  const { fetch, gone, failure, onPoll, ...rest } = options;
  await poll<T | undefined>({
    ...rest,
    // the resource as still seen; the final 404 is no state to report
    onPoll: onPoll && ((value, attempt) => value !== undefined && onPoll(value, attempt)),
    fetch: (signal) =>
      fetch(signal).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }),
    done: (value) => value === undefined || (gone?.(value) ?? false),
    failure: (value) => (value === undefined ? undefined : failure?.(value)),
  });
}

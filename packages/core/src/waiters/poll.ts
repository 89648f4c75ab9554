import { setTimeout as sleep } from 'node:timers/promises';
import { AbortError, WaiterFailureError, WaiterTimeoutError } from '../errors/errors.js';

/** Timing, cancellation and progress of a waiter. */
export interface WaiterOptions<T = unknown> {
  /** Give up after this long. Default 10 minutes. */
  timeoutMs?: number | undefined;
  /** First delay between polls. Default 2 s. */
  minDelayMs?: number | undefined;
  /** Largest delay between polls. Default 30 s. */
  maxDelayMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * Called with every state observed, before the waiter decides (progress bars, logs). `attempt`
   * counts polls from 1. An exception thrown here ends the wait with that exception.
   */
  onPoll?: ((value: T, attempt: number) => void) | undefined;
}

/** Options of {@link poll}. */
export interface PollOptions<T> extends WaiterOptions<T> {
  /** Fetches the current state. */
  fetch(signal?: AbortSignal): Promise<T>;
  /** True when the wait is over. */
  done(value: T): boolean;
  /** Returns a failure message when the state is terminal and bad (e.g. `ERROR`). */
  failure?(value: T): string | undefined;
  /** Describes what is awaited, for error messages, e.g. `server 42 to become ACTIVE`. */
  description: string;
}

/**
 * Polls until `done`, with exponential backoff and jitter between `minDelayMs` and `maxDelayMs`.
 * @throws WaiterFailureError when `failure` returns a message; WaiterTimeoutError after `timeoutMs`;
 *   AbortError when the signal fires.
 * @example
 * ```ts
 * const server = await poll({ description: 'server ACTIVE', fetch: () => getServer(compute, id),
 *   done: (s) => s.status === 'ACTIVE', failure: (s) => s.status === 'ERROR' ? s.fault?.message ?? 'ERROR' : undefined });
 * ```
 */
export async function poll<T>(options: PollOptions<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const minDelay = Math.max(0, options.minDelayMs ?? 2_000);
  const maxDelay = Math.max(minDelay, options.maxDelayMs ?? 30_000);
  const deadline = Date.now() + timeoutMs;
  const signal = options.signal;
  let last: T | undefined;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new AbortError(`Waiting for ${options.description} was aborted`);
    last = await options.fetch(signal);
    options.onPoll?.(last, attempt + 1);
    const failure = options.failure?.(last);
    if (failure !== undefined)
      throw new WaiterFailureError(`Waiting for ${options.description} failed: ${failure}`, last);
    if (options.done(last)) return last;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new WaiterTimeoutError(
        `Timed out after ${timeoutMs} ms waiting for ${options.description}`,
        last,
      );
    }
    const cap = Math.min(maxDelay, minDelay * 2 ** attempt);
    const delay = Math.min(remaining, Math.max(minDelay, Math.round(cap / 2 + (Math.random() * cap) / 2)));
    try {
      await sleep(delay, undefined, signal ? { signal } : undefined);
    } catch {
      throw new AbortError(`Waiting for ${options.description} was aborted`);
    }
  }
}

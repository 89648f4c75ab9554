import { AbortError, type CloudError, TimeoutError } from '../errors/errors.js';

/**
 * The signal of one whole call: the caller's signal and, with `timeoutMs`, a deadline. Every step
 * of the call (authentication, each attempt, the waits between retries, the body transfer) listens
 * to it, so `timeoutMs` bounds the call as a whole.
 */
export function callSignal(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): AbortSignal | undefined {
  if (!timeoutMs || timeoutMs <= 0) return signal;
  const deadline = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

/** True when the signal fired because a deadline passed rather than because the caller aborted. */
export const timedOut = (signal: AbortSignal | undefined): boolean =>
  !!signal?.aborted && nameOf(signal.reason) === 'TimeoutError';

// Not `instanceof Error`: a DOMException may come from another realm (test runners, workers).
const nameOf = (reason: unknown): unknown =>
  typeof reason === 'object' && reason !== null && 'name' in reason ? reason.name : undefined;

/** The SDK error for a fired signal: {@link TimeoutError} after a deadline, else {@link AbortError}. */
export function abortedError(signal: AbortSignal | undefined, what?: string, cause?: unknown): CloudError {
  const options = cause === undefined ? {} : { cause };
  if (timedOut(signal)) {
    return new TimeoutError(`${what ?? 'The operation'} exceeded its timeoutMs`, options);
  }
  return new AbortError(what ? `${what} was aborted` : undefined, options);
}

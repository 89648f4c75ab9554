import { ValidationError } from '../errors/errors.js';
import type { RequestOptions } from '../http/transport.js';
import { poll, type WaiterOptions } from './poll.js';

/**
 * The options every `waitFor<Resource>Status` waiter takes, in every package: timing, cancellation,
 * progress, the statuses that fail the wait, and the options of each poll request.
 * @example
 * ```ts
 * await waitForServerStatus(compute, id, 'ACTIVE', {
 *   timeoutMs: 15 * 60_000, minDelayMs: 1_000, maxDelayMs: 10_000, failOn: ['ERROR'],
 *   onPoll: (server, attempt) => console.log(attempt, server.status),
 * });
 * ```
 */
export interface StatusWaiterOptions<S extends string = string, T = unknown> extends WaiterOptions<T> {
  /**
   * Statuses that end the wait at once with `WaiterFailureError`. Each waiter documents its
   * default; a status that is also awaited counts as success.
   */
  failOn?: readonly S[] | undefined;
  /** Headers and per-request timeout of each poll. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

/** Options of {@link pollForStatus}. */
export interface PollForStatusOptions<T, S extends string> extends StatusWaiterOptions<S, T> {
  /** The awaited status or statuses. Required: a waiter always says what it waits for. */
  status: S | readonly S[];
  /** Failure statuses when `failOn` is not given. */
  defaultFailOn: readonly S[];
  /** Statuses the service documents; when given, anything else is a `ValidationError`. */
  knownStatuses?: readonly string[] | undefined;
  /** Names the resource, e.g. `server "42"`. */
  resource: string;
  fetch(signal?: AbortSignal): Promise<T>;
  statusOf(value: T): string;
  /** Extra words on why a resource failed (a fault message), added to the failure. */
  failureDetail?(value: T): string | undefined;
}

function statuses(value: unknown, field: string, known: readonly string[] | undefined): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ValidationError(`${field} must be a status or a non-empty array of statuses`, field);
  }
  return list.map((s, i) => {
    const name = Array.isArray(value) ? `${field}[${i}]` : field;
    if (typeof s !== 'string' || s === '') throw new ValidationError(`${name} must be a status`, name);
    if (known && !known.includes(s)) {
      throw new ValidationError(`${name} must be one of ${known.join(', ')}, got ${s}`, name);
    }
    return s;
  });
}

/**
 * The one waiter behind every `waitFor<Resource>Status`: polls until the resource reaches one of
 * `status`, fails at once on a `failOn` status (with the resource as `lastValue`), and checks its
 * settings before the first request.
 * @throws ValidationError for a missing, empty or unknown status (before any request);
 *   WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs`; AbortError
 *   when `signal` fires; any error of `fetch` (e.g. NotFoundError when the resource disappears).
 * @example
 * ```ts
 * return pollForStatus({ ...options, status, defaultFailOn: ['ERROR'], resource: `volume "${id}"`,
 *   fetch: (signal) => getVolume(client, id, { ...options.request, signal }), statusOf: (v) => v.status });
 * ```
 */
export async function pollForStatus<T, S extends string>(o: PollForStatusOptions<T, S>): Promise<T> {
  const wanted = new Set(statuses(o.status, 'status', o.knownStatuses));
  const failOn = new Set(
    o.failOn === undefined ? o.defaultFailOn : statuses(o.failOn, 'failOn', o.knownStatuses),
  );
  for (const s of wanted) failOn.delete(s as S);
  const { fetch, statusOf, failureDetail, resource } = o;
  return poll<T>({
    timeoutMs: o.timeoutMs,
    minDelayMs: o.minDelayMs,
    maxDelayMs: o.maxDelayMs,
    signal: o.signal,
    onPoll: o.onPoll,
    description: `${resource} to become ${[...wanted].join(' or ')}`,
    fetch,
    done: (value) => wanted.has(statusOf(value)),
    failure: (value) => {
      const s = statusOf(value);
      if (!failOn.has(s as S)) return undefined;
      const detail = failureDetail?.(value);
      return `${resource} is ${s}${detail ? `: ${detail}` : ''}`;
    },
  });
}

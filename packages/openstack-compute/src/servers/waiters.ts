import { type StatusWaiterOptions, ValidationError } from '@cloud/core';
import { pollForStatus, pollUntilGone, requireString } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
import { getServer } from './servers.js';
import type { Server, ServerStatus } from './types.js';

/** A status to wait for: Nova's own, or one a cloud adds (Nova's list is not closed on every cloud). */
type Status = ServerStatus | (string & {});

/** Nova's fault message, added to a failure. */
const faultOf = (s: Server): string | undefined => s.fault?.message || undefined;

/**
 * Options of {@link waitForServerStatus}: the shared {@link StatusWaiterOptions}; `failOn`
 * defaults to `['ERROR']` and `onPoll` sees every server as polled.
 * @example await waitForServerStatus(compute, id, 'ACTIVE', { timeoutMs: 20 * 60_000, failOn: ['ERROR', 'SHUTOFF'] });
 */
export type WaitForServerStatusOptions = StatusWaiterOptions<Status, Server>;

/**
 * Polls a server until it reaches `status` (or one of several) and returns it. Uses exponential
 * backoff with jitter between `minDelayMs` (default 2 s) and `maxDelayMs` (default 30 s); `onPoll`
 * is called with each server seen.
 * @throws ValidationError for a missing or empty status (before any request).
 * @throws WaiterFailureError at once when the server reaches a `failOn` status (default `ERROR`);
 *   its message carries the server's `fault.message` and `lastValue` is the server.
 * @throws WaiterTimeoutError after `timeoutMs` (default 10 minutes).
 * @throws AbortError when `signal` fires. NotFoundError when the server disappears.
 * @example
 * ```ts
 * const { id } = await createServer(compute, params);
 * const server = await waitForServerStatus(compute, id, 'ACTIVE', {
 *   timeoutMs: 15 * 60_000,
 *   onPoll: (s, attempt) => console.log(attempt, s.status, s.progress),
 * });
 * ```
 */
export async function waitForServerStatus(
  client: ComputeClient,
  id: string,
  status: Status | readonly Status[],
  options: WaitForServerStatusOptions = {},
): Promise<Server> {
  requireServerId(id);
  return pollForStatus<Server, Status>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `server "${id}"`,
    fetch: (signal) => getServer(client, id, { ...options.request, signal }),
    statusOf: (s) => s.status,
    failureDetail: faultOf,
  });
}

/**
 * Options of {@link waitForServerDeleted}: the shared {@link StatusWaiterOptions}. `failOn`
 * defaults to none: a server in `ERROR` can still be deleted, and keeps that status until it is
 * gone. `onPoll` sees every server still returned (not the final 404).
 * @example await waitForServerDeleted(compute, id, { timeoutMs: 5 * 60_000, onPoll: (s) => console.log(s.status) });
 */
export type WaitForServerDeletedOptions = StatusWaiterOptions<Status, Server>;

function failOnList(value: unknown): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidationError('failOn must be an array of statuses', 'failOn');
  return value.map((s, i) => requireString(s, `failOn[${i}]`));
}

/**
 * Polls until a server is gone: a 404 (or the status `DELETED`) is success.
 * @throws ValidationError for a malformed `failOn` (before any request); WaiterFailureError on a
 *   `failOn` status; WaiterTimeoutError after `timeoutMs`; AbortError when `signal` fires.
 * @example
 * ```ts
 * await deleteServer(compute, id);
 * await waitForServerDeleted(compute, id, { timeoutMs: 5 * 60_000 });
 * ```
 */
export async function waitForServerDeleted(
  client: ComputeClient,
  id: string,
  options: WaitForServerDeletedOptions = {},
): Promise<void> {
  requireServerId(id);
  const failOn = new Set(failOnList(options.failOn));
  const { failOn: _failOn, request, ...waiter } = options;
  await pollUntilGone<Server>({
    ...waiter,
    description: `server "${id}" to be deleted`,
    fetch: (signal) => getServer(client, id, { ...request, signal }),
    gone: (s) => s.status === 'DELETED',
    failure: (s) => {
      if (!failOn.has(s.status)) return undefined;
      const fault = faultOf(s);
      return `server "${id}" is ${s.status}${fault ? `: ${fault}` : ''}`;
    },
  });
}

import { poll, pollUntilGone, type RequestOptions, type WaiterOptions } from '@cloud/core';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../common.js';
import { getServer } from './servers.js';
import type { Server, ServerStatus } from './types.js';

type Status = ServerStatus | (string & {});

/** Why a wait ends on a `failOn` status: the status and Nova's fault message. */
const failureOf = (s: Server): string =>
  `the server is ${s.status}${s.fault?.message ? `: ${s.fault.message}` : ''}`;

/**
 * Options of {@link waitForServerStatus}.
 * @example await waitForServerStatus(compute, id, 'ACTIVE', { timeoutMs: 20 * 60_000, failOn: ['ERROR', 'SHUTOFF'] });
 */
export interface WaitForServerStatusOptions extends WaiterOptions {
  /**
   * Statuses that end the wait with `WaiterFailureError`. Default `['ERROR']`. A status that is
   * also awaited counts as success.
   */
  failOn?: readonly Status[] | undefined;
  /** Headers and per-request timeout of each poll. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

/**
 * Polls a server until it reaches `status` (or one of several) and returns it. Uses exponential
 * backoff with jitter between `minDelayMs` (default 2 s) and `maxDelayMs` (default 30 s).
 * @throws WaiterFailureError at once when the server reaches a `failOn` status (default `ERROR`);
 *   its message carries the server's `fault.message` and `lastValue` is the server.
 * @throws WaiterTimeoutError after `timeoutMs` (default 10 minutes).
 * @throws AbortError when `signal` fires. NotFoundError when the server disappears.
 * @example
 * ```ts
 * const { id } = await createServer(compute, params);
 * const server = await waitForServerStatus(compute, id, 'ACTIVE', { timeoutMs: 15 * 60_000 });
 * ```
 */
export async function waitForServerStatus(
  client: ComputeClient,
  id: string,
  status: Status | readonly Status[],
  options: WaitForServerStatusOptions = {},
): Promise<Server> {
  requireServerId(id);
  const wanted = new Set<string>(typeof status === 'string' ? [status] : status);
  const failOn = (options.failOn ?? ['ERROR']).filter((s) => !wanted.has(s));
  return poll<Server>({
    ...options,
    description: `server "${id}" to become ${[...wanted].join(' or ')}`,
    fetch: (signal) => getServer(client, id, { ...options.request, signal }),
    done: (s) => wanted.has(s.status),
    failure: (s) => (failOn.includes(s.status) ? failureOf(s) : undefined),
  });
}

/**
 * Options of {@link waitForServerDeleted}.
 * @example await waitForServerDeleted(compute, id, { timeoutMs: 5 * 60_000 });
 */
export interface WaitForServerDeletedOptions extends WaiterOptions {
  /**
   * Statuses that end the wait with `WaiterFailureError`. Default none: a server in `ERROR` can
   * still be deleted, and keeps that status until it is gone.
   */
  failOn?: readonly Status[] | undefined;
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

/**
 * Polls until a server is gone: a 404 (or the status `DELETED`) is success.
 * @throws WaiterTimeoutError after `timeoutMs`; AbortError when `signal` fires.
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
  const failOn = options.failOn ?? [];
  await pollUntilGone<Server>({
    ...options,
    description: `server "${id}" to be deleted`,
    fetch: (signal) => getServer(client, id, { ...options.request, signal }),
    gone: (s) => s.status === 'DELETED',
    failure: (s) => (failOn.includes(s.status) ? failureOf(s) : undefined),
  });
}

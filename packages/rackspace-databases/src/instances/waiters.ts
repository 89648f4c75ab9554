import {
  poll,
  pollUntilGone,
  type RequestOptions,
  requireOneOf,
  ValidationError,
  type WaiterOptions,
} from '@cloud/core';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../common.js';
import { getDatabaseInstance } from './instances.js';
import {
  DATABASE_INSTANCE_STATUSES,
  type DatabaseInstance,
  type KnownDatabaseInstanceStatus,
} from './types.js';

/**
 * Options of {@link waitForDatabaseInstanceStatus}.
 * @example await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', { timeoutMs: 20 * 60_000, failOn: ['ERROR', 'FAILED', 'BLOCKED'] });
 */
export interface WaitForDatabaseInstanceStatusOptions extends WaiterOptions {
  /** Statuses that end the wait with `WaiterFailureError`. Default `['ERROR', 'FAILED']`. */
  failOn?: readonly KnownDatabaseInstanceStatus[] | undefined;
  /** Headers and timeout of each poll request. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

/**
 * Options of {@link waitForDatabaseInstanceDeleted}.
 * @example await waitForDatabaseInstanceDeleted(db, id, { timeoutMs: 5 * 60_000, signal });
 */
export interface WaitForDatabaseInstanceDeletedOptions extends WaiterOptions {
  /**
   * Statuses that end the wait with `WaiterFailureError`. Default none: an instance in `ERROR` can
   * still be deleted.
   */
  failOn?: readonly KnownDatabaseInstanceStatus[] | undefined;
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

const DEFAULT_FAIL_ON: readonly KnownDatabaseInstanceStatus[] = ['ERROR', 'FAILED'];

function requireStatuses(values: readonly unknown[] | undefined, field: string): readonly string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new ValidationError(`${field} must be an array of statuses`, field);
  return values.map((v, i) => requireOneOf(v, DATABASE_INSTANCE_STATUSES, `${field}[${i}]`));
}

const failureOf = (i: DatabaseInstance) =>
  `status ${i.status}${i.fault?.message ? `: ${i.fault.message}` : ''}`;

/**
 * Polls an instance until it reaches `status` (default `ACTIVE`), with exponential backoff.
 * Transitional statuses (`BUILD`, `RESIZE`, `REBOOT`...) keep it polling; `ERROR` or `FAILED`
 * (see `failOn`) end it at once. Returns the instance as last seen.
 * @throws ValidationError for a status not in DATABASE_INSTANCE_STATUSES (before any request);
 *   WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs` (default 10
 *   minutes); AbortError when `signal` fires; NotFoundError when the instance disappears.
 * @example
 * ```ts
 * const ready = await waitForDatabaseInstanceStatus(db, instance.id, 'ACTIVE', { timeoutMs: 20 * 60_000 });
 * console.log(ready.hostname);
 * ```
 */
export async function waitForDatabaseInstanceStatus(
  client: DatabaseClient,
  instanceId: string,
  status: KnownDatabaseInstanceStatus = 'ACTIVE',
  options: WaitForDatabaseInstanceStatusOptions = {},
): Promise<DatabaseInstance> {
  requireId(instanceId, 'instanceId');
  const target = requireOneOf(status, DATABASE_INSTANCE_STATUSES, 'status');
  const failOn = new Set(
    options.failOn === undefined ? DEFAULT_FAIL_ON : requireStatuses(options.failOn, 'failOn'),
  );
  failOn.delete(target);
  return poll({
    ...options,
    description: `database instance "${instanceId}" to become ${target}`,
    fetch: (signal) => getDatabaseInstance(client, instanceId, { ...options.request, signal }),
    done: (i) => i.status === target,
    failure: (i) => (failOn.has(i.status) ? failureOf(i) : undefined),
  });
}

/**
 * Polls a deleted instance until the service answers 404 (success). Statuses seen on the way
 * (`SHUTDOWN`, ...) keep it polling.
 * @throws WaiterTimeoutError after `timeoutMs`; AbortError when `signal` fires; WaiterFailureError
 *   on a `failOn` status.
 * @example
 * ```ts
 * await deleteDatabaseInstance(db, id);
 * await waitForDatabaseInstanceDeleted(db, id, { timeoutMs: 5 * 60_000 });
 * ```
 */
export async function waitForDatabaseInstanceDeleted(
  client: DatabaseClient,
  instanceId: string,
  options: WaitForDatabaseInstanceDeletedOptions = {},
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const failOn = new Set(requireStatuses(options.failOn, 'failOn'));
  await pollUntilGone<DatabaseInstance>({
    ...options,
    description: `database instance "${instanceId}" to be deleted`,
    fetch: (signal) => getDatabaseInstance(client, instanceId, { ...options.request, signal }),
    failure: (i) => (failOn.has(i.status) ? failureOf(i) : undefined),
  });
}

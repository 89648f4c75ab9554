import { type StatusWaiterOptions, ValidationError } from '@cloud/core';
import { pollForStatus, pollUntilGone, requireOneOf } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { getDatabaseInstance } from './instances.js';
import {
  DATABASE_INSTANCE_STATUSES,
  type DatabaseInstance,
  type KnownDatabaseInstanceStatus,
} from './types.js';

/**
 * Options of {@link waitForDatabaseInstanceStatus}: the shared {@link StatusWaiterOptions};
 * `failOn` defaults to `['ERROR', 'FAILED']` and `onPoll` sees every instance as polled.
 * @example await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', { timeoutMs: 20 * 60_000, failOn: ['ERROR', 'FAILED', 'BLOCKED'] });
 */
export type WaitForDatabaseInstanceStatusOptions = StatusWaiterOptions<
  KnownDatabaseInstanceStatus,
  DatabaseInstance
>;

/**
 * Options of {@link waitForDatabaseInstanceDeleted}: the shared {@link StatusWaiterOptions}.
 * `failOn` defaults to none (an instance in `ERROR` can still be deleted); `onPoll` sees every
 * instance still returned (not the final 404).
 * @example await waitForDatabaseInstanceDeleted(db, id, { timeoutMs: 5 * 60_000, signal });
 */
export type WaitForDatabaseInstanceDeletedOptions = StatusWaiterOptions<
  KnownDatabaseInstanceStatus,
  DatabaseInstance
>;

const DEFAULT_FAIL_ON: readonly KnownDatabaseInstanceStatus[] = ['ERROR', 'FAILED'];

function requireStatuses(values: unknown, field: string): readonly string[] {
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw new ValidationError(`${field} must be an array of statuses`, field);
  return values.map((v, i) => requireOneOf(v, DATABASE_INSTANCE_STATUSES, `${field}[${i}]`));
}

/** The fault message Trove gives an instance in `ERROR`, added to a failure. */
const faultOf = (i: DatabaseInstance): string | undefined => i.fault?.message || undefined;

/**
 * Polls an instance until it reaches `status` (or one of several), with exponential backoff.
 * Transitional statuses (`BUILD`, `RESIZE`, `REBOOT`...) keep it polling; `ERROR` or `FAILED`
 * (see `failOn`) end it at once. `onPoll` is called with each instance seen. Returns the instance
 * as last seen.
 * @throws ValidationError for a missing status or one not in DATABASE_INSTANCE_STATUSES (before any
 *   request); WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs`
 *   (default 10 minutes); AbortError when `signal` fires; NotFoundError when the instance disappears.
 * @example
 * ```ts
 * const ready = await waitForDatabaseInstanceStatus(db, instance.id, 'ACTIVE', {
 *   timeoutMs: 20 * 60_000,
 *   onPoll: (i, attempt) => console.log(attempt, i.status),
 * });
 * console.log(ready.hostname);
 * ```
 */
export async function waitForDatabaseInstanceStatus(
  client: DatabaseClient,
  instanceId: string,
  status: KnownDatabaseInstanceStatus | readonly KnownDatabaseInstanceStatus[],
  options: WaitForDatabaseInstanceStatusOptions = {},
): Promise<DatabaseInstance> {
  requireId(instanceId, 'instanceId');
  return pollForStatus<DatabaseInstance, KnownDatabaseInstanceStatus>({
    ...options,
    status,
    defaultFailOn: DEFAULT_FAIL_ON,
    knownStatuses: DATABASE_INSTANCE_STATUSES,
    resource: `database instance "${instanceId}"`,
    fetch: (signal) => getDatabaseInstance(client, instanceId, { ...options.request, signal }),
    statusOf: (i) => i.status,
    failureDetail: faultOf,
  });
}

/**
 * Polls a deleted instance until the service answers 404 (success). Statuses seen on the way
 * (`SHUTDOWN`, ...) keep it polling.
 * @throws ValidationError for an unknown `failOn` status (before any request); WaiterTimeoutError
 *   after `timeoutMs`; AbortError when `signal` fires; WaiterFailureError on a `failOn` status.
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
  const { failOn: _failOn, request, ...waiter } = options;
  await pollUntilGone<DatabaseInstance>({
    ...waiter,
    description: `database instance "${instanceId}" to be deleted`,
    fetch: (signal) => getDatabaseInstance(client, instanceId, { ...request, signal }),
    failure: (i) => {
      if (!failOn.has(i.status)) return undefined;
      const fault = faultOf(i);
      return `database instance "${instanceId}" is ${i.status}${fault ? `: ${fault}` : ''}`;
    },
  });
}

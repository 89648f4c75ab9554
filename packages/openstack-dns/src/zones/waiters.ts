import type { StatusWaiterOptions } from '@cloud/core';
import { pollForStatus, pollUntilGone } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import { requireId } from '../internal/common.js';
import type { DnsAction, DnsStatus, Zone } from './types.js';
import { getZone } from './zones.js';

/**
 * The status a waiter sees: Designate can report `ACTIVE` while an action is still queued, so a
 * resource counts as `ACTIVE` only once its action is `NONE`; until then it is `PENDING`.
 * @internal
 */
export const settledStatus = (r: { status: DnsStatus; action: DnsAction }): string =>
  r.status === 'ACTIVE' && r.action !== 'NONE' ? 'PENDING' : r.status;

/** @internal what failed, for waiter messages: `ERROR` of a `CREATE` … */
export const actionDetail = (r: { action: DnsAction }): string | undefined =>
  r.action && r.action !== 'NONE' ? `the ${r.action} action failed` : undefined;

/**
 * Options of {@link waitForZoneStatus}.
 * @example await waitForZoneStatus(dns, id, 'ACTIVE', { timeoutMs: 120_000, minDelayMs: 1_000 });
 */
export type WaitForZoneStatusOptions = StatusWaiterOptions<DnsStatus, Zone>;

/**
 * Polls a zone until it reaches `status` (or one of several) and returns it. `ACTIVE` means
 * applied: status `ACTIVE` and action `NONE`.
 * @throws WaiterFailureError at once on a `failOn` status (default `['ERROR']`), naming the
 *   failed action; its `lastValue` is the zone. WaiterTimeoutError after `timeoutMs` (default 10
 *   minutes). AbortError when `signal` fires. NotFoundError when the zone disappears.
 * @example
 * ```ts
 * const zone = await createZone(dns, { name: 'example.com.', email: 'hostmaster@example.com' });
 * const ready = await waitForZoneStatus(dns, zone.id, 'ACTIVE', { timeoutMs: 120_000 });
 * ```
 */
export async function waitForZoneStatus(
  client: DnsClient,
  zoneId: string,
  status: DnsStatus | readonly DnsStatus[],
  options: WaitForZoneStatusOptions = {},
): Promise<Zone> {
  requireId(zoneId, 'zoneId');
  return pollForStatus<Zone, DnsStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `zone "${zoneId}"`,
    fetch: (signal) => getZone(client, zoneId, { ...options.request, signal }),
    statusOf: settledStatus,
    failureDetail: actionDetail,
  });
}

/**
 * Options of {@link waitForZoneDeleted}.
 * @example await waitForZoneDeleted(dns, id, { timeoutMs: 120_000 });
 */
export type WaitForZoneDeletedOptions = StatusWaiterOptions<DnsStatus, Zone>;

/**
 * Polls a deleted zone until Designate answers 404 (success). Designate keeps returning the zone
 * (`PENDING`, action `DELETE`) for a while after {@link deleteZone}.
 * @throws WaiterFailureError on a `failOn` status (default `['ERROR']`): the deletion failed.
 *   WaiterTimeoutError after `timeoutMs`; AbortError when `signal` fires.
 * @example
 * ```ts
 * await deleteZone(dns, zoneId);
 * await waitForZoneDeleted(dns, zoneId, { timeoutMs: 120_000 });
 * ```
 */
export async function waitForZoneDeleted(
  client: DnsClient,
  zoneId: string,
  options: WaitForZoneDeletedOptions = {},
): Promise<void> {
  requireId(zoneId, 'zoneId');
  const failOn = new Set<string>(options.failOn ?? ['ERROR']);
  await pollUntilGone<Zone>({
    ...options,
    description: `zone "${zoneId}" to be deleted`,
    fetch: (signal) => getZone(client, zoneId, { ...options.request, signal }),
    gone: (z) => z.status === 'DELETED',
    failure: (z) =>
      failOn.has(z.status)
        ? `zone "${zoneId}" is ${z.status}: ${actionDetail(z) ?? 'deletion failed'}`
        : undefined,
  });
}

import type { StatusWaiterOptions } from '@cloud/core';
import { type PagedIterable, ValidationError } from '@cloud/core';
import { omitUndefined, parseResponse, pollForStatus, requireNonBlank } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsRequestOptions,
  listDesignate,
  optionalDescription,
  requireFqdn,
  requireId,
  requireTtl,
} from '../internal/common.js';
import type { DnsStatus } from '../zones/types.js';
import { actionDetail, settledStatus } from '../zones/waiters.js';
import { FLOATING_IP_PTR, type FloatingIpPtr, type FloatingIpPtrWire, parseFloatingIpPtr } from './types.js';
import { floatingIpPtrPath, floatingIpPtrsPath } from './urls.js';

const ids = (region: unknown, floatingIpId: unknown) => {
  requireNonBlank(region, 'region');
  if ((region as string).includes(':')) throw new ValidationError('region must not contain ":"', 'region');
  requireId(floatingIpId, 'floatingIpId');
};

/**
 * Lists the PTR records of the project's floating IPs (every floating IP, with or without one).
 * @example
 * ```ts
 * for await (const ptr of listFloatingIpPtrs(dns)) console.log(ptr.address, ptr.ptrdname);
 * ```
 */
export function listFloatingIpPtrs(
  client: DnsClient,
  options?: DnsRequestOptions,
): PagedIterable<FloatingIpPtr> {
  return listDesignate<FloatingIpPtrWire, FloatingIpPtr>({
    client,
    path: floatingIpPtrsPath(),
    key: 'floatingips',
    shape: FLOATING_IP_PTR,
    map: parseFloatingIpPtr,
    options,
  });
}

/**
 * Gets the PTR record of one floating IP.
 * @throws NotFoundError when Neutron has no such floating IP in that region.
 * @example const ptr = await getFloatingIpPtr(dns, 'RegionOne', floatingIpId);
 */
export async function getFloatingIpPtr(
  client: DnsClient,
  region: string,
  floatingIpId: string,
  options?: DnsRequestOptions,
): Promise<FloatingIpPtr> {
  ids(region, floatingIpId);
  const res = await client.request('GET', floatingIpPtrPath(region, floatingIpId), {
    ...callOptions(options),
    resource: `floating IP "${region}:${floatingIpId}"`,
  });
  return parseFloatingIpPtr(parseResponse(res, FLOATING_IP_PTR));
}

/**
 * Parameters of {@link setFloatingIpPtr}.
 * @example await setFloatingIpPtr(dns, 'RegionOne', fipId, { ptrdname: 'www.example.com.', ttl: 600 });
 */
export interface SetFloatingIpPtrParams {
  /** The name the address resolves to, fully qualified with its dot. */
  ptrdname: string;
  ttl?: number | undefined;
  description?: string | undefined;
}

/**
 * Sets the PTR record of a floating IP. The record is `PENDING` until applied
 * ({@link waitForFloatingIpPtrStatus}).
 * @example
 * ```ts
 * await setFloatingIpPtr(dns, 'RegionOne', fipId, { ptrdname: 'www.example.com.' });
 * await waitForFloatingIpPtrStatus(dns, 'RegionOne', fipId, 'ACTIVE');
 * ```
 */
export async function setFloatingIpPtr(
  client: DnsClient,
  region: string,
  floatingIpId: string,
  params: SetFloatingIpPtrParams,
  options?: DnsRequestOptions,
): Promise<FloatingIpPtr> {
  ids(region, floatingIpId);
  requireFqdn(params?.ptrdname, 'ptrdname');
  if (params.ttl !== undefined) requireTtl(params.ttl);
  optionalDescription(params.description);
  const res = await client.request('PATCH', floatingIpPtrPath(region, floatingIpId), {
    ...callOptions(options),
    json: omitUndefined({ ptrdname: params.ptrdname, ttl: params.ttl, description: params.description }),
    resource: `floating IP "${region}:${floatingIpId}"`,
  });
  return parseFloatingIpPtr(parseResponse(res, FLOATING_IP_PTR));
}

/**
 * Removes the PTR record of a floating IP (`ptrdname: null`). Once applied, the floating IP's
 * entry reads `INACTIVE` with no `ptrdname`.
 * @example
 * ```ts
 * await unsetFloatingIpPtr(dns, 'RegionOne', fipId);
 * await waitForFloatingIpPtrStatus(dns, 'RegionOne', fipId, 'INACTIVE');
 * ```
 */
export async function unsetFloatingIpPtr(
  client: DnsClient,
  region: string,
  floatingIpId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  ids(region, floatingIpId);
  await client.request('PATCH', floatingIpPtrPath(region, floatingIpId), {
    ...callOptions(options),
    json: { ptrdname: null },
    resource: `floating IP "${region}:${floatingIpId}"`,
  });
}

/**
 * Options of {@link waitForFloatingIpPtrStatus}.
 * @example await waitForFloatingIpPtrStatus(dns, 'RegionOne', fipId, 'ACTIVE', { timeoutMs: 60_000 });
 */
export type WaitForFloatingIpPtrStatusOptions = StatusWaiterOptions<DnsStatus, FloatingIpPtr>;

/**
 * Polls the PTR record of a floating IP until it reaches `status` (`ACTIVE`: applied).
 * @throws WaiterFailureError on a `failOn` status (default `['ERROR']`).
 * @example
 * ```ts
 * const ptr = await waitForFloatingIpPtrStatus(dns, 'RegionOne', fipId, 'ACTIVE');
 * ```
 */
export async function waitForFloatingIpPtrStatus(
  client: DnsClient,
  region: string,
  floatingIpId: string,
  status: DnsStatus | readonly DnsStatus[],
  options: WaitForFloatingIpPtrStatusOptions = {},
): Promise<FloatingIpPtr> {
  ids(region, floatingIpId);
  return pollForStatus<FloatingIpPtr, DnsStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `PTR record of floating IP "${region}:${floatingIpId}"`,
    fetch: (signal) => getFloatingIpPtr(client, region, floatingIpId, { ...options.request, signal }),
    statusOf: settledStatus,
    failureDetail: actionDetail,
  });
}

import { type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import {
  CLB_DEFAULT_LIMITS,
  lbResource,
  requireClbId,
  requireEnum,
  requireIdList,
  requireList,
  requireNetworkAddress,
  requireParams,
} from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import {
  CLB_ACCESS_TYPES,
  type ClbNetworkItem,
  type ClbNetworkItemInput,
  NETWORK_ITEM,
  parseNetworkItem,
} from './types.js';

/** @internal network items, checked, in their wire form */
export function networkItemsBody(items: unknown, field: string): { address: string; type: string }[] {
  const list = requireList<ClbNetworkItemInput>(items, field, CLB_DEFAULT_LIMITS.accessListItems);
  const seen = new Set<string>();
  return list.map((item, i) => {
    const at = `${field}[${i}]`;
    requireParams(item, at);
    const address = requireNetworkAddress(item.address, `${at}.address`);
    if (seen.has(address))
      throw new ValidationError(
        `${at}.address repeats ${address}: each address may appear once`,
        `${at}.address`,
      );
    seen.add(address);
    return { address, type: requireEnum(item.type, CLB_ACCESS_TYPES, `${at}.type`) };
  });
}

/**
 * Reads a load balancer's access list (empty when none is set).
 * @example for (const item of await getClbAccessList(clb, lbId)) console.log(item.type, item.address);
 */
export async function getClbAccessList(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbNetworkItem[]> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/accesslist`, {
    ...options,
    resource: lbResource(id),
  });
  return unwrap(res, 'accessList', arrayOf(NETWORK_ITEM)).map(parseNetworkItem);
}

/**
 * Adds network items to a load balancer's access list (created on first use; at most 100 items,
 * each address once). `ALLOW` items take precedence over `DENY` items.
 * @throws ValidationError before any request: an address that is neither an IP address nor a
 *   CIDR network, a type other than ALLOW/DENY, more than 100 items, an address given twice.
 * @example
 * ```ts
 * await addClbAccessListItems(clb, lbId, [{ address: '0.0.0.0/0', type: 'DENY' }, { address: '192.0.2.0/24', type: 'ALLOW' }]);
 * ```
 */
export async function addClbAccessListItems(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  items: ClbNetworkItemInput[],
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const json = { accessList: networkItemsBody(items, 'items') };
  await clbWrite(
    client,
    'POST',
    `loadbalancers/${id}/accesslist`,
    { json, resource: lbResource(id) },
    options,
  );
}

/**
 * Removes network items from an access list by id: one, or up to 10 in one write.
 * @example await deleteClbAccessListItems(clb, lbId, ['23', '24']);
 */
export async function deleteClbAccessListItems(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  itemIds: string[],
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const ids = requireIdList(itemIds, 'itemIds');
  if (ids.length === 1) {
    await clbWrite(
      client,
      'DELETE',
      `loadbalancers/${id}/accesslist/${ids[0]}`,
      { resource: `network item "${ids[0]}" of load balancer "${id}"` },
      options,
    );
    return;
  }
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/accesslist`,
    { searchParams: { id: ids }, resource: lbResource(id) },
    options,
  );
}

/**
 * Deletes a load balancer's whole access list.
 * @example await deleteClbAccessList(clb, lbId);
 */
export async function deleteClbAccessList(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(client, 'DELETE', `loadbalancers/${id}/accesslist`, { resource: lbResource(id) }, options);
}

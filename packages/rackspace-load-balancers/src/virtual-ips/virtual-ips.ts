import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, parseResponse, singlePage, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import { lbResource, requireClbId, requireEnum, requireIdList } from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import {
  CLB_VIRTUAL_IP_TYPES,
  type ClbVirtualIp,
  type ClbVirtualIpType,
  parseVirtualIp,
  VIRTUAL_IP,
} from './types.js';

/**
 * Lists a load balancer's virtual IPs.
 * @example for await (const vip of listClbVirtualIps(clb, lbId)) console.log(vip.ipVersion, vip.address);
 */
export function listClbVirtualIps(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): PagedIterable<ClbVirtualIp> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return singlePage(async () => {
    const res = await client.request('GET', `loadbalancers/${id}/virtualips`, {
      ...options,
      resource: lbResource(id),
    });
    return unwrap(res, 'virtualIps', arrayOf(VIRTUAL_IP)).map(parseVirtualIp);
  });
}

/**
 * Adds an IPv6 virtual IP (the only version that can be added after creation) and returns it.
 * @example const vip = await addClbIpv6VirtualIp(clb, lbId); console.log(vip.address);
 */
export async function addClbIpv6VirtualIp(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  params: { type?: ClbVirtualIpType | undefined } = {},
  options?: ClbWriteOptions,
): Promise<ClbVirtualIp> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const type = requireEnum(params?.type ?? 'PUBLIC', CLB_VIRTUAL_IP_TYPES, 'type');
  const res = await clbWrite(
    client,
    'POST',
    `loadbalancers/${id}/virtualips`,
    { json: { type, ipVersion: 'IPV6' }, resource: lbResource(id) },
    options,
  );
  return parseVirtualIp(parseResponse(res, VIRTUAL_IP));
}

/**
 * Removes virtual IPs: one, or up to 10 in one write. A load balancer keeps at least one (the
 * service refuses to remove the last with a 400).
 * @example await removeClbVirtualIps(clb, lbId, ['9000134']);
 */
export async function removeClbVirtualIps(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  virtualIpIds: string[],
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const ids = requireIdList(virtualIpIds, 'virtualIpIds');
  if (ids.length === 1) {
    await clbWrite(
      client,
      'DELETE',
      `loadbalancers/${id}/virtualips/${ids[0]}`,
      { resource: `virtual IP "${ids[0]}" of load balancer "${id}"` },
      options,
    );
    return;
  }
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/virtualips`,
    { searchParams: { id: ids }, resource: lbResource(id) },
    options,
  );
}

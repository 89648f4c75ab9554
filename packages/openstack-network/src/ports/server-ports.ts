import type { PagedIterable, RequestOptions } from '@cloud/core';
import { requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import { type ListPortsParams, listPorts } from './ports.js';
import type { Port } from './types.js';

/**
 * Filters of {@link listServerPorts}: those of {@link listPorts} except `deviceId`, which is the server.
 * @example listServerPorts(network, serverId, { networkId });
 */
export type ListServerPortsParams = Omit<ListPortsParams, 'deviceId'>;

/**
 * Lists the Neutron ports of a compute server (ports whose `device_id` is the server's id), lazily:
 * one per network interface, with its addresses, MAC, security groups and status.
 * @example
 * ```ts
 * for await (const port of listServerPorts(network, serverId)) {
 *   console.log(port.id, port.fixedIps.map((f) => f.ipAddress));
 * }
 * ```
 */
export function listServerPorts(
  client: NetworkClient,
  serverId: string,
  params?: ListServerPortsParams,
  options?: RequestOptions,
): PagedIterable<Port> {
  requireUuid(serverId, 'serverId');
  return listPorts(client, { ...params, deviceId: serverId }, options);
}

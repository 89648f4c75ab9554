import type { MicroversionRequestOptions } from '@cloud/core';
import { arrayOf, requireString, unwrap } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
import { ADDRESS, ADDRESSES, parseAddresses, type ServerAddress, type ServerAddresses } from './types.js';
import { serverIpsPath, serverNetworkIpsPath } from './urls.js';

/**
 * Gets a server's IP addresses, by network name.
 * @example
 * ```ts
 * const byNet = await getServerAddresses(compute, id);
 * for (const [net, ips] of Object.entries(byNet)) console.log(net, ips.map((ip) => ip.address));
 * ```
 */
export async function getServerAddresses(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<ServerAddresses> {
  requireServerId(id);
  const res = await client.request('GET', serverIpsPath(id), {
    ...options,
    resource: `server "${id}"`,
  });
  return parseAddresses(unwrap(res, 'addresses', ADDRESSES));
}

/**
 * Gets a server's IP addresses on one network (by its name, e.g. `public` on Rackspace).
 * @throws NotFoundError when the server is not on that network.
 * @example
 * ```ts
 * const [v4] = (await getServerAddressesByNetwork(compute, id, 'public')).filter((a) => a.version === 4);
 * ```
 */
export async function getServerAddressesByNetwork(
  client: ComputeClient,
  id: string,
  network: string,
  options?: MicroversionRequestOptions,
): Promise<ServerAddress[]> {
  requireServerId(id);
  requireString(network, 'network');
  const res = await client.request('GET', serverNetworkIpsPath(id, network), {
    ...options,
    resource: `network "${network}" of server "${id}"`,
  });
  return parseAddresses({ [network]: unwrap(res, network, arrayOf(ADDRESS)) })[network] ?? [];
}

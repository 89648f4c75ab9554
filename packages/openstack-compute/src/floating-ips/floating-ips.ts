import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  arrayOf,
  type MicroversionGate,
  omitUndefined,
  requireString,
  singlePage,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { checkComputeGates } from '../internal/microversion.js';
import { serverAction } from '../servers/actions.js';
import { FLOATING_IP, type FloatingIp, parseFloatingIp } from './types.js';
import { floatingIpPath, floatingIpsPath } from './urls.js';

const NEUTRON = 'use the networking service (Neutron) floating IP API instead';

/** `os-floating-ips` is a proxy to the networking service, removed at 2.36. */
const PROXY_GATES: MicroversionGate[] = [
  { field: 'os-floating-ips', until: '2.36', advice: NEUTRON, operation: true },
];
const requireProxy = (client: ComputeClient, options: MicroversionRequestOptions | undefined) =>
  checkComputeGates(client, PROXY_GATES, undefined, options);

/** `addFloatingIp`/`removeFloatingIp` server actions were removed at 2.44. */
const requireAction = (
  client: ComputeClient,
  action: string,
  options: MicroversionRequestOptions | undefined,
) =>
  checkComputeGates(
    client,
    [{ field: action, until: '2.44', advice: NEUTRON, operation: true }],
    undefined,
    options,
  );

/**
 * Lists the project's floating IPs (`os-floating-ips`).
 * @remarks Deprecated proxy API, removed at compute microversion 2.36: prefer Neutron.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`listNetworkFloatingIps`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * for await (const fip of listFloatingIps(compute)) console.log(fip.ip, fip.instanceId ?? 'free');
 * ```
 */
export function listFloatingIps(
  client: ComputeClient,
  options?: MicroversionRequestOptions,
): PagedIterable<FloatingIp> {
  requireProxy(client, options);
  return singlePage(async () => {
    const res = await client.request('GET', floatingIpsPath(), options);
    return unwrap(res, 'floating_ips', arrayOf(FLOATING_IP)).map(parseFloatingIp);
  });
}

/**
 * Gets one floating IP by id.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`getNetworkFloatingIp`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * const fip = await getFloatingIp(compute, fipId);
 * ```
 */
export async function getFloatingIp(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<FloatingIp> {
  requireProxy(client, options);
  requireString(String(id ?? ''), 'floatingIpId');
  const res = await client.request('GET', floatingIpPath(String(id)), {
    ...options,
    resource: `floating IP "${id}"`,
  });
  return parseFloatingIp(unwrap(res, 'floating_ip', FLOATING_IP));
}

/**
 * Allocates a floating IP to the project, from `pool` or the default pool.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`createNetworkFloatingIp`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * const fip = await allocateFloatingIp(compute, { pool: 'public' });
 * await associateFloatingIp(compute, serverId, { address: fip.ip });
 * ```
 */
export async function allocateFloatingIp(
  client: ComputeClient,
  params: { pool?: string | undefined } = {},
  options?: MicroversionRequestOptions,
): Promise<FloatingIp> {
  requireProxy(client, options);
  if (params.pool !== undefined) requireString(params.pool, 'pool');
  const res = await client.request('POST', floatingIpsPath(), {
    ...options,
    json: params.pool ? { pool: params.pool } : {},
  });
  return parseFloatingIp(unwrap(res, 'floating_ip', FLOATING_IP));
}

/**
 * Releases (deallocates) a floating IP from the project.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`deleteNetworkFloatingIp`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * await releaseFloatingIp(compute, fip.id);
 * ```
 */
export async function releaseFloatingIp(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireProxy(client, options);
  requireString(String(id ?? ''), 'floatingIpId');
  await client.request('DELETE', floatingIpPath(String(id)), {
    ...options,
    resource: `floating IP "${id}"`,
  });
}

/**
 * Parameters of {@link associateFloatingIp}.
 * @example await associateFloatingIp(compute, serverId, { address: '172.24.4.10', fixedAddress: '10.0.0.5' });
 */
export interface AssociateFloatingIpParams {
  /** The floating address. */
  address: string;
  /** Which fixed address of the server to map it to, when it has several. */
  fixedAddress?: string | undefined;
}

/**
 * Associates a floating IP with a server (the `addFloatingIp` server action).
 * @remarks Removed at compute microversion 2.44: associate through Neutron (update the floating
 * IP's `port_id`) on newer clouds.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`assignServerFloatingIp` / `associateNetworkFloatingIp`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * await associateFloatingIp(compute, serverId, { address: '172.24.4.10' });
 * ```
 */
export async function associateFloatingIp(
  client: ComputeClient,
  serverId: string,
  params: AssociateFloatingIpParams,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireAction(client, 'addFloatingIp', options);
  requireString(params?.address, 'address');
  await serverAction(
    client,
    serverId,
    { addFloatingIp: omitUndefined({ address: params.address, fixed_address: params.fixedAddress }) },
    options,
  );
}

/**
 * Disassociates a floating IP from a server (the `removeFloatingIp` server action).
 * @remarks Removed at compute microversion 2.44: use Neutron on newer clouds.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`releaseServerFloatingIps` / `disassociateNetworkFloatingIp`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * await disassociateFloatingIp(compute, serverId, '172.24.4.10');
 * ```
 */
export async function disassociateFloatingIp(
  client: ComputeClient,
  serverId: string,
  address: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireAction(client, 'removeFloatingIp', options);
  requireString(address, 'address');
  await serverAction(client, serverId, { removeFloatingIp: { address } }, options);
}

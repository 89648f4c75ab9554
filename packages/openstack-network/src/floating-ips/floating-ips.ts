import type { PagedIterable, RequestOptions, StatusWaiterOptions } from '@cloud/core';
import { omitUndefined, pollForStatus, pollUntilGone, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type {
  NetworkDeletionWaiterOptions,
  NetworkListParams,
  NetworkRevisionGuard,
  OneOrMany,
} from '../common.js';
import { requireIp } from '../internal/ip.js';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  requireRevision,
  updateResource,
} from '../internal/rest.js';
import { optString, optUuid, requireChange, requireParams } from '../internal/validate.js';
import { FLOATING_IP, type NetworkFloatingIp, type NetworkFloatingIpStatus } from './types.js';

/**
 * Filters of {@link listNetworkFloatingIps}; arrays mean "any of".
 * @example listNetworkFloatingIps(network, { portId });
 */
export interface ListNetworkFloatingIpsParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  floatingNetworkId?: OneOrMany<string> | undefined;
  floatingIpAddress?: OneOrMany<string> | undefined;
  fixedIpAddress?: OneOrMany<string> | undefined;
  portId?: OneOrMany<string> | undefined;
  routerId?: OneOrMany<string> | undefined;
  status?: OneOrMany<NetworkFloatingIpStatus> | undefined;
  projectId?: OneOrMany<string> | undefined;
}

/**
 * Lists floating IPs, lazily.
 * @example for await (const f of listNetworkFloatingIps(network, { status: 'DOWN' })) console.log(f.floatingIpAddress);
 */
export function listNetworkFloatingIps(
  client: NetworkClient,
  params?: ListNetworkFloatingIpsParams,
  options?: RequestOptions,
): PagedIterable<NetworkFloatingIp> {
  const p = params ?? {};
  return listResources(
    client,
    FLOATING_IP,
    params,
    {
      id: p.id,
      floating_network_id: p.floatingNetworkId,
      floating_ip_address: p.floatingIpAddress,
      fixed_ip_address: p.fixedIpAddress,
      port_id: p.portId,
      router_id: p.routerId,
      status: p.status,
      project_id: p.projectId,
    },
    options,
  );
}

/**
 * Reads one floating IP.
 * @throws NotFoundError when there is no such floating IP.
 * @example const fip = await getNetworkFloatingIp(network, id);
 */
export async function getNetworkFloatingIp(
  client: NetworkClient,
  floatingIpId: string,
  options?: RequestOptions,
): Promise<NetworkFloatingIp> {
  requireUuid(floatingIpId, 'floatingIpId');
  return getResource(client, FLOATING_IP, floatingIpId, options);
}

/**
 * Parameters of {@link createNetworkFloatingIp}.
 * @example await createNetworkFloatingIp(network, { floatingNetworkId: ext.id, portId: port.id });
 */
export interface CreateNetworkFloatingIpParams {
  /** The external network (`router:external`) the address comes from. */
  floatingNetworkId: string;
  /** A specific address (administrators, by default policy). */
  floatingIpAddress?: string | undefined;
  /** Take the address from this subnet of the external network. */
  subnetId?: string | undefined;
  /** Associate at once with this port; its network must be routed to the external network. */
  portId?: string | undefined;
  /** Which of the port's addresses, when it has several. */
  fixedIpAddress?: string | undefined;
  description?: string | undefined;
  dnsName?: string | undefined;
  dnsDomain?: string | undefined;
  qosPolicyId?: string | undefined;
  projectId?: string | undefined;
}

/**
 * Allocates a floating IP on an external network, optionally associated with a port.
 * @example
 * ```ts
 * const fip = await createNetworkFloatingIp(network, { floatingNetworkId: ext.id, portId: port.id });
 * console.log(fip.floatingIpAddress);
 * ```
 */
export async function createNetworkFloatingIp(
  client: NetworkClient,
  params: CreateNetworkFloatingIpParams,
  options?: RequestOptions,
): Promise<NetworkFloatingIp> {
  const p = requireParams<CreateNetworkFloatingIpParams>(params);
  const body = omitUndefined({
    floating_network_id: requireUuid(p.floatingNetworkId, 'floatingNetworkId'),
    floating_ip_address:
      p.floatingIpAddress === undefined ? undefined : requireIp(p.floatingIpAddress, 'floatingIpAddress'),
    subnet_id: optUuid(p.subnetId, 'subnetId'),
    port_id: optUuid(p.portId, 'portId'),
    fixed_ip_address:
      p.fixedIpAddress === undefined ? undefined : requireIp(p.fixedIpAddress, 'fixedIpAddress'),
    description: optString(p.description, 'description'),
    dns_name: optString(p.dnsName, 'dnsName'),
    dns_domain: optString(p.dnsDomain, 'dnsDomain'),
    qos_policy_id: optUuid(p.qosPolicyId, 'qosPolicyId'),
    project_id: optString(p.projectId, 'projectId'),
  });
  return createResource(client, FLOATING_IP, body, options);
}

/**
 * Parameters of {@link updateNetworkFloatingIp}.
 * @example await updateNetworkFloatingIp(network, id, { portId: null });
 */
export interface UpdateNetworkFloatingIpParams extends NetworkRevisionGuard {
  /** Associate with this port; `null` disassociates. */
  portId?: string | null | undefined;
  fixedIpAddress?: string | undefined;
  description?: string | undefined;
  qosPolicyId?: string | null | undefined;
}

/**
 * Updates a floating IP: its association, description or QoS policy.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updateNetworkFloatingIp(network, id, { description: 'web', ifRevision: fip.revisionNumber });
 */
export async function updateNetworkFloatingIp(
  client: NetworkClient,
  floatingIpId: string,
  params: UpdateNetworkFloatingIpParams,
  options?: RequestOptions,
): Promise<NetworkFloatingIp> {
  requireUuid(floatingIpId, 'floatingIpId');
  const p = requireParams<UpdateNetworkFloatingIpParams>(params);
  const revision = requireRevision(p);
  const body = {
    port_id: p.portId === null ? null : optUuid(p.portId, 'portId'),
    fixed_ip_address:
      p.fixedIpAddress === undefined ? undefined : requireIp(p.fixedIpAddress, 'fixedIpAddress'),
    description: optString(p.description, 'description'),
    qos_policy_id: p.qosPolicyId === null ? null : optUuid(p.qosPolicyId, 'qosPolicyId'),
  };
  requireChange(body, 'floating IP');
  return updateResource(client, FLOATING_IP, floatingIpId, omitUndefined(body), revision, options);
}

/**
 * Associates a floating IP with a port (and one of its addresses, when it has several).
 * @example await associateNetworkFloatingIp(network, fip.id, port.id);
 */
export async function associateNetworkFloatingIp(
  client: NetworkClient,
  floatingIpId: string,
  portId: string,
  params: { fixedIpAddress?: string | undefined } & NetworkRevisionGuard = {},
  options?: RequestOptions,
): Promise<NetworkFloatingIp> {
  requireUuid(portId, 'portId');
  return updateNetworkFloatingIp(client, floatingIpId, { ...params, portId }, options);
}

/**
 * Disassociates a floating IP from its port; the address stays allocated to the project.
 * @example await disassociateNetworkFloatingIp(network, fip.id);
 */
export async function disassociateNetworkFloatingIp(
  client: NetworkClient,
  floatingIpId: string,
  options?: RequestOptions,
): Promise<NetworkFloatingIp> {
  return updateNetworkFloatingIp(client, floatingIpId, { portId: null }, options);
}

/**
 * Releases a floating IP.
 * @example await deleteNetworkFloatingIp(network, id);
 */
export async function deleteNetworkFloatingIp(
  client: NetworkClient,
  floatingIpId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(floatingIpId, 'floatingIpId');
  await deleteResource(client, FLOATING_IP, floatingIpId, options);
}

/**
 * Polls a floating IP until it reaches `status` (`ACTIVE` once associated and routed).
 * Default `failOn`: `['ERROR']`.
 * @throws WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs`;
 *   AbortError when `signal` fires; NotFoundError when it disappears.
 * @example await waitForNetworkFloatingIpStatus(network, fip.id, 'ACTIVE', { timeoutMs: 60_000 });
 */
export async function waitForNetworkFloatingIpStatus(
  client: NetworkClient,
  floatingIpId: string,
  status: NetworkFloatingIpStatus | readonly NetworkFloatingIpStatus[],
  options: StatusWaiterOptions<NetworkFloatingIpStatus, NetworkFloatingIp> = {},
): Promise<NetworkFloatingIp> {
  requireUuid(floatingIpId, 'floatingIpId');
  return pollForStatus<NetworkFloatingIp, NetworkFloatingIpStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `floating IP "${floatingIpId}"`,
    fetch: (signal) => getNetworkFloatingIp(client, floatingIpId, { ...options.request, signal }),
    statusOf: (f) => f.status,
  });
}

/**
 * Polls until a floating IP is gone (404).
 * @example await waitForNetworkFloatingIpDeleted(network, id, { timeoutMs: 60_000 });
 */
export async function waitForNetworkFloatingIpDeleted(
  client: NetworkClient,
  floatingIpId: string,
  options: NetworkDeletionWaiterOptions<NetworkFloatingIp> = {},
): Promise<void> {
  requireUuid(floatingIpId, 'floatingIpId');
  await pollUntilGone<NetworkFloatingIp>({
    ...options,
    description: `floating IP "${floatingIpId}" to be deleted`,
    fetch: (signal) => getNetworkFloatingIp(client, floatingIpId, { ...options.request, signal }),
  });
}

import type { PagedIterable, RequestOptions } from '@cloud/core';
import { omitUndefined, pollUntilGone, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type {
  NetworkDeletionWaiterOptions,
  NetworkListParams,
  NetworkRevisionGuard,
  OneOrMany,
} from '../common.js';
import {
  createResource,
  createResources,
  deleteResource,
  getResource,
  listResources,
  requireBatch,
  requireRevision,
  updateResource,
} from '../internal/rest.js';
import {
  optBool,
  optInt,
  optString,
  optStrings,
  requireChange,
  requireParams,
} from '../internal/validate.js';
import { NETWORK, type Network, type NetworkStatus } from './types.js';

/**
 * Filters of {@link listNetworks}; arrays mean "any of". Any other attribute goes in `filters`.
 * @example listNetworks(network, { routerExternal: true, status: 'ACTIVE' });
 */
export interface ListNetworksParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  status?: OneOrMany<NetworkStatus> | undefined;
  shared?: boolean | undefined;
  routerExternal?: boolean | undefined;
  adminStateUp?: boolean | undefined;
  projectId?: OneOrMany<string> | undefined;
  mtu?: number | undefined;
  isDefault?: boolean | undefined;
  /** Administrators: `provider:network_type`. */
  providerNetworkType?: OneOrMany<string> | undefined;
  providerPhysicalNetwork?: OneOrMany<string> | undefined;
  providerSegmentationId?: number | undefined;
}

/**
 * Lists networks, lazily, following Neutron's `networks_links` pages.
 * @example
 * ```ts
 * for await (const ext of listNetworks(network, { routerExternal: true })) console.log(ext.id, ext.name);
 * ```
 */
export function listNetworks(
  client: NetworkClient,
  params?: ListNetworksParams,
  options?: RequestOptions,
): PagedIterable<Network> {
  const p = params ?? {};
  return listResources(
    client,
    NETWORK,
    params,
    {
      id: p.id,
      name: p.name,
      status: p.status,
      shared: p.shared,
      'router:external': p.routerExternal,
      admin_state_up: p.adminStateUp,
      project_id: p.projectId,
      mtu: p.mtu,
      is_default: p.isDefault,
      'provider:network_type': p.providerNetworkType,
      'provider:physical_network': p.providerPhysicalNetwork,
      'provider:segmentation_id': p.providerSegmentationId,
    },
    options,
  );
}

/**
 * Reads one network.
 * @throws NotFoundError when there is no such network.
 * @example const net = await getNetwork(network, id);
 */
export async function getNetwork(
  client: NetworkClient,
  networkId: string,
  options?: RequestOptions,
): Promise<Network> {
  requireUuid(networkId, 'networkId');
  return getResource(client, NETWORK, networkId, options);
}

/**
 * Parameters of {@link createNetwork} and {@link updateNetwork}.
 * @example await createNetwork(network, { name: 'private', mtu: 1450, portSecurityEnabled: true });
 */
export interface NetworkParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** Share with every project (administrators). */
  shared?: boolean | undefined;
  /** Make it an external network (`router:external`; administrators). */
  routerExternal?: boolean | undefined;
  mtu?: number | undefined;
  portSecurityEnabled?: boolean | undefined;
  dnsDomain?: string | undefined;
  /** `null` removes the QoS policy. */
  qosPolicyId?: string | null | undefined;
  isDefault?: boolean | undefined;
}

/**
 * Parameters of {@link createNetwork}: the updatable ones plus provider attributes (administrators).
 * @example await createNetwork(network, { name: 'public', routerExternal: true, providerNetworkType: 'flat', providerPhysicalNetwork: 'public' });
 */
export interface CreateNetworkParams extends NetworkParams {
  /** `flat`, `vlan`, `vxlan`, `geneve`, `gre`, `local` (administrators). */
  providerNetworkType?: string | undefined;
  providerPhysicalNetwork?: string | undefined;
  providerSegmentationId?: number | undefined;
  availabilityZoneHints?: readonly string[] | undefined;
  /** Administrators: create it for another project. */
  projectId?: string | undefined;
}

function networkBody(input: unknown, create: boolean): Record<string, unknown> {
  const p = requireParams<CreateNetworkParams>(input);
  const body: Record<string, unknown> = {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    shared: optBool(p.shared, 'shared'),
    'router:external': optBool(p.routerExternal, 'routerExternal'),
    mtu: optInt(p.mtu, 'mtu', 68, 65535),
    port_security_enabled: optBool(p.portSecurityEnabled, 'portSecurityEnabled'),
    dns_domain: optString(p.dnsDomain, 'dnsDomain'),
    qos_policy_id:
      p.qosPolicyId === null
        ? null
        : p.qosPolicyId === undefined
          ? undefined
          : requireUuid(p.qosPolicyId, 'qosPolicyId'),
    is_default: optBool(p.isDefault, 'isDefault'),
  };
  if (create) {
    Object.assign(body, {
      'provider:network_type': optString(p.providerNetworkType, 'providerNetworkType'),
      'provider:physical_network': optString(p.providerPhysicalNetwork, 'providerPhysicalNetwork'),
      'provider:segmentation_id': optInt(p.providerSegmentationId, 'providerSegmentationId', 0, 16_777_215),
      availability_zone_hints: optStrings(p.availabilityZoneHints, 'availabilityZoneHints'),
      project_id: optString(p.projectId, 'projectId'),
    });
  } else {
    requireChange(body, 'network');
  }
  return omitUndefined(body);
}

/**
 * Creates a network.
 * @example
 * ```ts
 * const net = await createNetwork(network, { name: 'private', portSecurityEnabled: true });
 * ```
 */
export async function createNetwork(
  client: NetworkClient,
  params: CreateNetworkParams = {},
  options?: RequestOptions,
): Promise<Network> {
  return createResource(client, NETWORK, networkBody(params, true), options);
}

/**
 * Creates several networks in one request (Neutron's bulk create: all or none).
 * @example const [a, b] = await createNetworks(network, [{ name: 'a' }, { name: 'b' }]);
 */
export async function createNetworks(
  client: NetworkClient,
  networks: readonly CreateNetworkParams[],
  options?: RequestOptions,
): Promise<Network[]> {
  const items = requireBatch<CreateNetworkParams>(networks, 'networks');
  return createResources(
    client,
    NETWORK,
    items.map((n) => networkBody(n, true)),
    options,
  );
}

/**
 * Parameters of {@link updateNetwork}.
 * @example await updateNetwork(network, id, { name: 'renamed', ifRevision: net.revisionNumber });
 */
export interface UpdateNetworkParams extends NetworkParams, NetworkRevisionGuard {}

/**
 * Updates a network. With `ifRevision`, only if nothing changed it since that revision.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example
 * ```ts
 * const net = await getNetwork(network, id);
 * await updateNetwork(network, id, { mtu: 1400, ifRevision: net.revisionNumber });
 * ```
 */
export async function updateNetwork(
  client: NetworkClient,
  networkId: string,
  params: UpdateNetworkParams,
  options?: RequestOptions,
): Promise<Network> {
  requireUuid(networkId, 'networkId');
  const revision = requireRevision(params);
  return updateResource(client, NETWORK, networkId, networkBody(params, false), revision, options);
}

/**
 * Deletes a network. Neutron refuses (409) while ports other than its own DHCP ports use it.
 * @example await deleteNetwork(network, id);
 */
export async function deleteNetwork(
  client: NetworkClient,
  networkId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(networkId, 'networkId');
  await deleteResource(client, NETWORK, networkId, options);
}

/**
 * Polls until a network is gone (404).
 * @throws WaiterTimeoutError after `timeoutMs`; AbortError when `signal` fires.
 * @example
 * ```ts
 * await deleteNetwork(network, id);
 * await waitForNetworkDeleted(network, id, { timeoutMs: 60_000 });
 * ```
 */
export async function waitForNetworkDeleted(
  client: NetworkClient,
  networkId: string,
  options: NetworkDeletionWaiterOptions<Network> = {},
): Promise<void> {
  requireUuid(networkId, 'networkId');
  await pollUntilGone<Network>({
    ...options,
    description: `network "${networkId}" to be deleted`,
    fetch: (signal) => getNetwork(client, networkId, { ...options.request, signal }),
  });
}

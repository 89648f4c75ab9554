import { type RequestOptions, toArray, ValidationError } from '@cloud/core';
import {
  associateNetworkFloatingIp,
  createNetwork,
  createNetworkClient,
  createNetworkFloatingIp,
  createNetworkSecurityGroup,
  createNetworkSecurityGroupRule,
  createPort,
  createSubnet,
  deleteNetwork,
  deleteNetworkFloatingIp,
  deleteNetworkSecurityGroup,
  deleteNetworkSecurityGroupRule,
  deletePort,
  deleteSubnet,
  disassociateNetworkFloatingIp,
  getNetwork,
  getNetworkFloatingIp,
  getNetworkSecurityGroup,
  getPort,
  getSubnet,
  listNetworkFloatingIps,
  listNetworkSecurityGroupRules,
  listNetworkSecurityGroups,
  listNetworks,
  listPorts,
  listSubnets,
  type Network,
  type NetworkClient,
  type NetworkFloatingIp,
  type NetworkSecurityGroup,
  type NetworkSecurityGroupRule,
  type NetworkSecurityGroupRuleProtocol,
  type Port,
  type Subnet,
  updateNetwork,
  updatePort,
  updateSubnet,
} from '@cloud/openstack-network';
import {
  NETWORK_CAPABILITIES,
  type NetworkCapabilitiesOf,
  normalizeNetworkStatus,
  type ProviderAllocationPool,
  type ProviderFloatingIp,
  type ProviderHostRoute,
  type ProviderNetwork,
  type ProviderPort,
  type ProviderRuleDirection,
  type ProviderSecurityGroup,
  type ProviderSecurityGroupRule,
  type ProviderSubnet,
} from './network-models.js';
import type { ProviderName } from './options.js';
import { idOf, optionalIdOf, type ProviderIdRef, requireParams } from './refs.js';
import type { ProviderContext } from './session.js';

/** Parameters of {@link ProviderNetworkClient.createNetwork}. */
export interface ProviderCreateNetworkParams {
  /** Network name. */
  name: string;
  /** Default true. `false` needs `capabilities.updateAdminState` (not on Rackspace). */
  adminStateUp?: boolean | undefined;
  /** Share with every project (administrators; needs `capabilities.sharedNetworks`). */
  shared?: boolean | undefined;
}

/** Parameters of {@link ProviderNetworkClient.updateNetwork}. */
export interface ProviderUpdateNetworkParams {
  name?: string | undefined;
  /** Needs `capabilities.updateAdminState` (not on Rackspace). */
  adminStateUp?: boolean | undefined;
}

/** Parameters of {@link ProviderNetworkClient.createSubnet}. */
export interface ProviderCreateSubnetParams {
  /** The network to add the subnet to. */
  network: ProviderIdRef;
  /** The block, e.g. `192.168.10.0/24` or `fd00:10::/64`. */
  cidr: string;
  /** Default 4; must match `cidr`. */
  ipVersion?: 4 | 6 | undefined;
  name?: string | undefined;
  /** A gateway address; `null` for none; the first address when omitted. */
  gatewayIp?: string | null | undefined;
  /** Default true on OpenStack. */
  enableDhcp?: boolean | undefined;
  allocationPools?: readonly ProviderAllocationPool[] | undefined;
  dnsNameservers?: readonly string[] | undefined;
  hostRoutes?: readonly ProviderHostRoute[] | undefined;
}

/** Parameters of {@link ProviderNetworkClient.updateSubnet}. */
export interface ProviderUpdateSubnetParams {
  name?: string | undefined;
  gatewayIp?: string | null | undefined;
  enableDhcp?: boolean | undefined;
  allocationPools?: readonly ProviderAllocationPool[] | undefined;
  dnsNameservers?: readonly string[] | undefined;
  hostRoutes?: readonly ProviderHostRoute[] | undefined;
}

/** An address to give a port: a subnet to take one from, a given address, or both. */
export interface ProviderFixedIpRequest {
  subnetId?: string | undefined;
  ipAddress?: string | undefined;
}

/** Parameters of {@link ProviderNetworkClient.createPort}. */
export interface ProviderCreatePortParams {
  /** The network of the port. */
  network: ProviderIdRef;
  name?: string | undefined;
  /** Addresses to give it; one from each subnet of the network when omitted. */
  fixedIps?: readonly ProviderFixedIpRequest[] | undefined;
  /** Security group ids; the project's `default` group when omitted. */
  securityGroups?: readonly ProviderIdRef[] | undefined;
  /** A server to attach it to (usually set by compute when the port is given to `createServer`). */
  deviceId?: string | undefined;
  adminStateUp?: boolean | undefined;
}

/** Parameters of {@link ProviderNetworkClient.updatePort}. */
export interface ProviderUpdatePortParams {
  name?: string | undefined;
  fixedIps?: readonly ProviderFixedIpRequest[] | undefined;
  /** Replaces the port's security groups (`[]`: none). */
  securityGroups?: readonly ProviderIdRef[] | undefined;
  adminStateUp?: boolean | undefined;
}

/** Parameters of {@link ProviderNetworkClient.createSecurityGroup}. */
export interface ProviderCreateSecurityGroupParams {
  name: string;
  description?: string | undefined;
}

/** Parameters of {@link ProviderNetworkClient.createSecurityGroupRule}. */
export interface ProviderCreateSecurityGroupRuleParams {
  /** The group the rule belongs to. */
  securityGroup: ProviderIdRef;
  /** Default `ingress`. `egress` needs `capabilities.egressRules` (not on Rackspace). */
  direction?: ProviderRuleDirection | undefined;
  /** Default `IPv4`. */
  ethertype?: 'IPv4' | 'IPv6' | undefined;
  /** `tcp`, `udp`, `icmp`… or an IP protocol number; every protocol when omitted. */
  protocol?: NetworkSecurityGroupRuleProtocol | undefined;
  /** First port, 1–65535 (ICMP: the type). */
  portRangeMin?: number | undefined;
  /** Last port, ≥ `portRangeMin` (ICMP: the code). */
  portRangeMax?: number | undefined;
  /** A CIDR traffic may come from (ingress) or go to (egress). */
  remoteIpPrefix?: string | undefined;
  /** Or: the ports of this group. */
  remoteGroup?: ProviderIdRef | undefined;
}

/** Filters of {@link ProviderNetworkClient.getPorts}. */
export interface ProviderPortFilter {
  /** Only ports of this network. */
  network?: ProviderIdRef | undefined;
  /** Only ports this device (a server id) uses. */
  deviceId?: string | undefined;
}

/**
 * Floating IPs: public addresses of an external network, mapped to a port. Present on providers
 * with `capabilities.floatingIps` (OpenStack), `undefined` elsewhere (Rackspace).
 * @example
 * ```ts
 * const fip = await network.floatingIps!.create({ network: externalNetworkId, port: portId });
 * ```
 */
export interface ProviderFloatingIpOperations {
  /** Lists the project's floating IPs, optionally only those of one port. */
  list(
    params?: { port?: ProviderIdRef | undefined },
    options?: RequestOptions,
  ): Promise<ProviderFloatingIp[]>;
  /** @throws NotFoundError when there is no such floating IP. */
  get(id: string, options?: RequestOptions): Promise<ProviderFloatingIp>;
  /** Allocates an address of the external `network`, associated with `port` when given. */
  create(
    params: { network: ProviderIdRef; port?: ProviderIdRef | undefined; fixedIpAddress?: string | undefined },
    options?: RequestOptions,
  ): Promise<ProviderFloatingIp>;
  /** Maps the address to a port (to `fixedIpAddress` when the port has several). */
  associate(
    id: string,
    port: ProviderIdRef,
    params?: { fixedIpAddress?: string | undefined },
    options?: RequestOptions,
  ): Promise<ProviderFloatingIp>;
  /** Unmaps the address; it stays allocated to the project. */
  disassociate(id: string, options?: RequestOptions): Promise<ProviderFloatingIp>;
  /** Releases the address. */
  destroy(id: string, options?: RequestOptions): Promise<void>;
}

/**
 * Networks, subnets, ports and security groups, the same on every provider (OpenStack Neutron,
 * Rackspace Cloud Networks), plus floating IPs where the provider has them. What a provider lacks
 * is in `capabilities`, as literal types; input a provider cannot take fails with a
 * `ValidationError` before any request. Lists are collected into arrays.
 * @example
 * ```ts
 * const network = providers.rackspace.network({ username, apiKey, region: 'IAD' });
 * const net = await network.createNetwork({ name: 'backend' });
 * await network.createSubnet({ network: net, cidr: '192.168.10.0/24' });
 * const port = await network.createPort({ network: net, name: 'db-1' });
 * ```
 */
export interface ProviderNetworkClient<P extends ProviderName = ProviderName> {
  /** Which cloud this client talks to. */
  readonly provider: P;
  /** The underlying Neutron client, for everything else `@cloud/openstack-network` offers. */
  readonly client: NetworkClient;
  /** What this provider can do; see {@link ProviderNetworkCapabilities}. */
  readonly capabilities: NetworkCapabilitiesOf<P>;
  /** Lists the networks the project can use (its own, shared and external ones). */
  getNetworks(options?: RequestOptions): Promise<ProviderNetwork[]>;
  /** @throws NotFoundError when there is no such network. */
  getNetwork(network: ProviderIdRef, options?: RequestOptions): Promise<ProviderNetwork>;
  /** Creates a network; add a subnet before ports can get addresses. */
  createNetwork(params: ProviderCreateNetworkParams, options?: RequestOptions): Promise<ProviderNetwork>;
  updateNetwork(
    network: ProviderIdRef,
    params: ProviderUpdateNetworkParams,
    options?: RequestOptions,
  ): Promise<ProviderNetwork>;
  /** Deletes a network. @throws ConflictError while ports other than DHCP's use it. */
  destroyNetwork(network: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Lists subnets, optionally of one network. */
  getSubnets(
    params?: { network?: ProviderIdRef | undefined },
    options?: RequestOptions,
  ): Promise<ProviderSubnet[]>;
  /** @throws NotFoundError when there is no such subnet. */
  getSubnet(subnet: ProviderIdRef, options?: RequestOptions): Promise<ProviderSubnet>;
  /** @throws ValidationError for a CIDR that is not one, or of the other IP version. */
  createSubnet(params: ProviderCreateSubnetParams, options?: RequestOptions): Promise<ProviderSubnet>;
  updateSubnet(
    subnet: ProviderIdRef,
    params: ProviderUpdateSubnetParams,
    options?: RequestOptions,
  ): Promise<ProviderSubnet>;
  destroySubnet(subnet: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Lists ports, optionally of one network or device. */
  getPorts(params?: ProviderPortFilter, options?: RequestOptions): Promise<ProviderPort[]>;
  /** @throws NotFoundError when there is no such port. */
  getPort(port: ProviderIdRef, options?: RequestOptions): Promise<ProviderPort>;
  createPort(params: ProviderCreatePortParams, options?: RequestOptions): Promise<ProviderPort>;
  updatePort(
    port: ProviderIdRef,
    params: ProviderUpdatePortParams,
    options?: RequestOptions,
  ): Promise<ProviderPort>;
  destroyPort(port: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Lists security groups with their rules. */
  getSecurityGroups(options?: RequestOptions): Promise<ProviderSecurityGroup[]>;
  /** @throws NotFoundError when there is no such group. */
  getSecurityGroup(group: ProviderIdRef, options?: RequestOptions): Promise<ProviderSecurityGroup>;
  /** Creates a group (OpenStack adds rules allowing all egress; Rackspace filters inbound only). */
  createSecurityGroup(
    params: ProviderCreateSecurityGroupParams,
    options?: RequestOptions,
  ): Promise<ProviderSecurityGroup>;
  destroySecurityGroup(group: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Lists rules, optionally of one group. */
  getSecurityGroupRules(
    params?: { securityGroup?: ProviderIdRef | undefined },
    options?: RequestOptions,
  ): Promise<ProviderSecurityGroupRule[]>;
  /**
   * Adds a rule.
   * @throws ValidationError before any request for an unknown protocol, a port range with min > max
   *   or out of 1–65535, or `egress` where `capabilities.egressRules` is false.
   */
  createSecurityGroupRule(
    params: ProviderCreateSecurityGroupRuleParams,
    options?: RequestOptions,
  ): Promise<ProviderSecurityGroupRule>;
  destroySecurityGroupRule(rule: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Floating IPs where `capabilities.floatingIps` is true; `undefined` on Rackspace. */
  readonly floatingIps: P extends 'rackspace' ? undefined : ProviderFloatingIpOperations;
}

const toNetwork = (provider: ProviderName, n: Network): ProviderNetwork => ({
  provider,
  id: n.id,
  name: n.name,
  status: normalizeNetworkStatus(n.status),
  providerStatus: n.status ?? undefined,
  adminStateUp: n.adminStateUp,
  shared: n.shared,
  external: n.routerExternal ?? false,
  subnets: [...n.subnets],
  mtu: n.mtu,
  projectId: n.projectId,
});

const toSubnet = (provider: ProviderName, s: Subnet): ProviderSubnet => ({
  provider,
  id: s.id,
  name: s.name,
  networkId: s.networkId,
  ipVersion: s.ipVersion,
  cidr: s.cidr,
  gatewayIp: s.gatewayIp,
  enableDhcp: s.enableDhcp,
  allocationPools: s.allocationPools.map((p) => ({ start: p.start, end: p.end })),
  dnsNameservers: [...s.dnsNameservers],
  hostRoutes: s.hostRoutes.map((r) => ({ destination: r.destination, nexthop: r.nexthop })),
});

const toPort = (provider: ProviderName, p: Port): ProviderPort => ({
  provider,
  id: p.id,
  name: p.name,
  networkId: p.networkId,
  status: normalizeNetworkStatus(p.status),
  providerStatus: p.status ?? undefined,
  adminStateUp: p.adminStateUp,
  macAddress: p.macAddress,
  fixedIps: p.fixedIps.map((ip) => ({ subnetId: ip.subnetId, ipAddress: ip.ipAddress })),
  deviceId: p.deviceId,
  deviceOwner: p.deviceOwner,
  securityGroups: [...p.securityGroups],
});

const toRule = (provider: ProviderName, r: NetworkSecurityGroupRule): ProviderSecurityGroupRule => ({
  provider,
  id: r.id,
  securityGroupId: r.securityGroupId,
  direction: r.direction === 'egress' ? 'egress' : 'ingress',
  ethertype: r.ethertype === 'IPv6' ? 'IPv6' : 'IPv4',
  protocol: r.protocol,
  portRangeMin: r.portRangeMin,
  portRangeMax: r.portRangeMax,
  remoteIpPrefix: r.remoteIpPrefix,
  remoteGroupId: r.remoteGroupId,
});

const toGroup = (provider: ProviderName, g: NetworkSecurityGroup): ProviderSecurityGroup => ({
  provider,
  id: g.id,
  name: g.name,
  description: g.description,
  rules: g.rules.map((r) => toRule(provider, r)),
});

const toFloatingIp = (provider: ProviderName, f: NetworkFloatingIp): ProviderFloatingIp => ({
  provider,
  id: f.id,
  floatingIpAddress: f.floatingIpAddress,
  floatingNetworkId: f.floatingNetworkId,
  status: normalizeNetworkStatus(f.status),
  providerStatus: f.status ?? undefined,
  portId: f.portId,
  fixedIpAddress: f.fixedIpAddress,
});

const groupIds = (refs: readonly ProviderIdRef[] | undefined): string[] | undefined =>
  refs?.map((r, i) => idOf(r, `securityGroups[${i}]`));

const fixedIps = (
  ips: readonly { subnetId?: string | undefined; ipAddress?: string | undefined }[] | undefined,
) => ips?.map((ip) => ({ subnetId: ip.subnetId, ipAddress: ip.ipAddress }));

/** Floating IP operations over Neutron. @internal */
function floatingIpOperations(provider: ProviderName, client: NetworkClient): ProviderFloatingIpOperations {
  const to = (f: NetworkFloatingIp) => toFloatingIp(provider, f);
  return {
    async list(params = {}, options) {
      const portId = optionalIdOf(params.port, 'port');
      return (await toArray(listNetworkFloatingIps(client, { portId }, options))).map(to);
    },
    get: async (id, options) => to(await getNetworkFloatingIp(client, idOf(id, 'id'), options)),
    async create(params, options) {
      requireParams(params);
      const floatingNetworkId = idOf(params.network, 'network');
      const portId = optionalIdOf(params.port, 'port');
      return to(
        await createNetworkFloatingIp(
          client,
          { floatingNetworkId, portId, fixedIpAddress: params.fixedIpAddress },
          options,
        ),
      );
    },
    associate: async (id, port, params = {}, options) =>
      to(
        await associateNetworkFloatingIp(
          client,
          idOf(id, 'id'),
          idOf(port, 'port'),
          { fixedIpAddress: params.fixedIpAddress },
          options,
        ),
      ),
    disassociate: async (id, options) =>
      to(await disassociateNetworkFloatingIp(client, idOf(id, 'id'), options)),
    destroy: (id, options) => deleteNetworkFloatingIp(client, idOf(id, 'id'), options),
  };
}

/** Rejects what the provider cannot do, before any request. @internal */
function checkCapability(allowed: boolean, provider: ProviderName, what: string, field: string): void {
  if (!allowed) throw new ValidationError(`${provider} does not support ${what}`, field);
}

/** Builds the provider-neutral network client over `@cloud/openstack-network`. @internal */
export function createProviderNetwork<P extends 'openstack' | 'rackspace'>(
  ctx: ProviderContext & { provider: P },
): ProviderNetworkClient<P> {
  const provider = ctx.provider;
  const caps = NETWORK_CAPABILITIES[provider] as NetworkCapabilitiesOf<P>;
  const client = createNetworkClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  const adminState = (value: boolean | undefined) => {
    if (value === false)
      checkCapability(caps.updateAdminState, provider, 'networks that are down', 'adminStateUp');
    return value;
  };
  const floatingIps = (
    caps.floatingIps ? floatingIpOperations(provider, client) : undefined
  ) as ProviderNetworkClient<P>['floatingIps'];

  return {
    provider,
    client,
    capabilities: caps,
    floatingIps,
    async getNetworks(options) {
      return (await toArray(listNetworks(client, {}, options))).map((n) => toNetwork(provider, n));
    },
    getNetwork: async (network, options) =>
      toNetwork(provider, await getNetwork(client, idOf(network, 'network'), options)),
    async createNetwork(params, options) {
      requireParams(params);
      if (typeof params.name !== 'string') throw new ValidationError('name is required', 'name');
      if (params.shared) checkCapability(caps.sharedNetworks, provider, 'shared networks', 'shared');
      const created = await createNetwork(
        client,
        { name: params.name, adminStateUp: adminState(params.adminStateUp), shared: params.shared },
        options,
      );
      return toNetwork(provider, created);
    },
    async updateNetwork(network, params, options) {
      requireParams(params);
      const id = idOf(network, 'network');
      if (params.adminStateUp !== undefined) {
        checkCapability(caps.updateAdminState, provider, 'changing adminStateUp', 'adminStateUp');
      }
      const updated = await updateNetwork(
        client,
        id,
        { name: params.name, adminStateUp: params.adminStateUp },
        options,
      );
      return toNetwork(provider, updated);
    },
    destroyNetwork: (network, options) => deleteNetwork(client, idOf(network, 'network'), options),

    async getSubnets(params = {}, options) {
      const networkId = optionalIdOf(params.network, 'network');
      return (await toArray(listSubnets(client, { networkId }, options))).map((s) => toSubnet(provider, s));
    },
    getSubnet: async (subnet, options) =>
      toSubnet(provider, await getSubnet(client, idOf(subnet, 'subnet'), options)),
    async createSubnet(params, options) {
      requireParams(params);
      const networkId = idOf(params.network, 'network');
      if (typeof params.cidr !== 'string' || params.cidr === '') {
        throw new ValidationError('cidr is required', 'cidr');
      }
      const created = await createSubnet(
        client,
        {
          networkId,
          cidr: params.cidr,
          ipVersion: params.ipVersion ?? (params.cidr.includes(':') ? 6 : 4),
          name: params.name,
          gatewayIp: params.gatewayIp,
          enableDhcp: params.enableDhcp,
          allocationPools: params.allocationPools,
          dnsNameservers: params.dnsNameservers,
          hostRoutes: params.hostRoutes,
        },
        options,
      );
      return toSubnet(provider, created);
    },
    async updateSubnet(subnet, params, options) {
      requireParams(params);
      const updated = await updateSubnet(
        client,
        idOf(subnet, 'subnet'),
        {
          name: params.name,
          gatewayIp: params.gatewayIp,
          enableDhcp: params.enableDhcp,
          allocationPools: params.allocationPools,
          dnsNameservers: params.dnsNameservers,
          hostRoutes: params.hostRoutes,
        },
        options,
      );
      return toSubnet(provider, updated);
    },
    destroySubnet: (subnet, options) => deleteSubnet(client, idOf(subnet, 'subnet'), options),

    async getPorts(params = {}, options) {
      const networkId = optionalIdOf(params.network, 'network');
      const ports = listPorts(client, { networkId, deviceId: params.deviceId }, options);
      return (await toArray(ports)).map((p) => toPort(provider, p));
    },
    getPort: async (port, options) => toPort(provider, await getPort(client, idOf(port, 'port'), options)),
    async createPort(params, options) {
      requireParams(params);
      const created = await createPort(
        client,
        {
          networkId: idOf(params.network, 'network'),
          name: params.name,
          fixedIps: fixedIps(params.fixedIps),
          securityGroups: groupIds(params.securityGroups),
          deviceId: params.deviceId,
          adminStateUp: params.adminStateUp,
        },
        options,
      );
      return toPort(provider, created);
    },
    async updatePort(port, params, options) {
      requireParams(params);
      const updated = await updatePort(
        client,
        idOf(port, 'port'),
        {
          name: params.name,
          fixedIps: fixedIps(params.fixedIps),
          securityGroups: groupIds(params.securityGroups),
          adminStateUp: params.adminStateUp,
        },
        options,
      );
      return toPort(provider, updated);
    },
    destroyPort: (port, options) => deletePort(client, idOf(port, 'port'), options),

    async getSecurityGroups(options) {
      return (await toArray(listNetworkSecurityGroups(client, {}, options))).map((g) => toGroup(provider, g));
    },
    getSecurityGroup: async (group, options) =>
      toGroup(provider, await getNetworkSecurityGroup(client, idOf(group, 'securityGroup'), options)),
    async createSecurityGroup(params, options) {
      requireParams(params);
      const created = await createNetworkSecurityGroup(
        client,
        { name: params.name, description: params.description },
        options,
      );
      return toGroup(provider, created);
    },
    destroySecurityGroup: (group, options) =>
      deleteNetworkSecurityGroup(client, idOf(group, 'securityGroup'), options),
    async getSecurityGroupRules(params = {}, options) {
      const securityGroupId = optionalIdOf(params.securityGroup, 'securityGroup');
      const rules = listNetworkSecurityGroupRules(client, { securityGroupId }, options);
      return (await toArray(rules)).map((r) => toRule(provider, r));
    },
    async createSecurityGroupRule(params, options) {
      requireParams(params);
      const direction = params.direction ?? 'ingress';
      if (direction !== 'ingress' && direction !== 'egress') {
        throw new ValidationError('direction must be ingress or egress', 'direction');
      }
      if (direction === 'egress') checkCapability(caps.egressRules, provider, 'egress rules', 'direction');
      const created = await createNetworkSecurityGroupRule(
        client,
        {
          securityGroupId: idOf(params.securityGroup, 'securityGroup'),
          direction,
          ethertype: params.ethertype ?? 'IPv4',
          protocol: params.protocol,
          portRangeMin: params.portRangeMin,
          portRangeMax: params.portRangeMax,
          remoteIpPrefix: params.remoteIpPrefix,
          remoteGroupId: optionalIdOf(params.remoteGroup, 'remoteGroup'),
        },
        options,
      );
      return toRule(provider, created);
    },
    destroySecurityGroupRule: (rule, options) =>
      deleteNetworkSecurityGroupRule(client, idOf(rule, 'rule'), options),
  };
}

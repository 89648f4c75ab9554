import type { ProviderName } from './options.js';

/**
 * Status of a network, port or floating IP, the same on every provider. `providerStatus` keeps
 * the cloud's own word.
 * - `ACTIVE`: usable (a port's device is up; a floating IP is associated and routed)
 * - `DOWN`: exists but carries no traffic (a port nothing uses; an unassociated floating IP)
 * - `BUILD`: being set up
 * - `ERROR`: failed
 * - `UNKNOWN`: anything else, or no status (Rackspace may report none for a network)
 * @example if (port.status === 'ACTIVE') console.log('the server is using it');
 */
export type ProviderNetworkStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR' | 'UNKNOWN';

const NETWORK_STATUSES: readonly ProviderNetworkStatus[] = ['ACTIVE', 'DOWN', 'BUILD', 'ERROR'];

/** Maps a cloud's network, port or floating IP status to {@link ProviderNetworkStatus}. @internal */
export const normalizeNetworkStatus = (status: string | undefined | null): ProviderNetworkStatus => {
  const upper = (status ?? '').toUpperCase() as ProviderNetworkStatus;
  return NETWORK_STATUSES.includes(upper) ? upper : 'UNKNOWN';
};

/**
 * What a provider's networking service can do, as types: code written for any provider checks
 * the flag (or `network.floatingIps`) and the compiler keeps it from calling what is not there.
 *
 * | capability | OpenStack (Neutron) | Rackspace Cloud Networks |
 * |---|---|---|
 * | `floatingIps` | yes | no: public IPs come with PublicNet; IPs are shared between servers instead |
 * | `routers` | yes (through `client`) | no: isolated networks are not routed |
 * | `egressRules` | yes | no: security groups filter inbound traffic only |
 * | `securityGroupsOnIsolatedNetworks` | yes | no: groups apply to PublicNet and ServiceNet ports only |
 * | `updateAdminState` | yes | no: `admin_state_up` is always true |
 * | `sharedNetworks` | yes | no: networks are single-tenant |
 * @example
 * ```ts
 * if (network.capabilities.floatingIps) await network.floatingIps?.create({ network: externalId });
 * ```
 */
export interface ProviderNetworkCapabilities {
  /** Floating IPs on an external network, associated with a port. */
  readonly floatingIps: boolean;
  /** Routers between networks and to an external network (not part of the neutral client: use `client`). */
  readonly routers: boolean;
  /** Security group rules with `direction: 'egress'`. */
  readonly egressRules: boolean;
  /** Security groups on ports of tenant (isolated) networks. */
  readonly securityGroupsOnIsolatedNetworks: boolean;
  /** Creating a network administratively down, or changing `adminStateUp`. */
  readonly updateAdminState: boolean;
  /** Networks shared with every project (`shared: true`). */
  readonly sharedNetworks: boolean;
}

/** OpenStack Neutron: everything. */
export interface OpenStackNetworkCapabilities extends ProviderNetworkCapabilities {
  readonly floatingIps: true;
  readonly routers: true;
  readonly egressRules: true;
  readonly securityGroupsOnIsolatedNetworks: true;
  readonly updateAdminState: true;
  readonly sharedNetworks: true;
}

/** Rackspace Cloud Networks: networks, subnets, ports and inbound security groups only. */
export interface RackspaceNetworkCapabilities extends ProviderNetworkCapabilities {
  readonly floatingIps: false;
  readonly routers: false;
  readonly egressRules: false;
  readonly securityGroupsOnIsolatedNetworks: false;
  readonly updateAdminState: false;
  readonly sharedNetworks: false;
}

/**
 * The capabilities of provider `P`: exact literal flags for one provider, `boolean`s when the
 * provider is not known at compile time.
 * @example const caps: NetworkCapabilitiesOf<'rackspace'> = { floatingIps: false, ... };
 */
export type NetworkCapabilitiesOf<P extends ProviderName> = P extends 'rackspace'
  ? RackspaceNetworkCapabilities
  : OpenStackNetworkCapabilities;

/** @internal */
export const NETWORK_CAPABILITIES: {
  openstack: OpenStackNetworkCapabilities;
  rackspace: RackspaceNetworkCapabilities;
} = {
  openstack: {
    floatingIps: true,
    routers: true,
    egressRules: true,
    securityGroupsOnIsolatedNetworks: true,
    updateAdminState: true,
    sharedNetworks: true,
  },
  rackspace: {
    floatingIps: false,
    routers: false,
    egressRules: false,
    securityGroupsOnIsolatedNetworks: false,
    updateAdminState: false,
    sharedNetworks: false,
  },
};

/** A network (OpenStack Neutron network, Rackspace isolated network, PublicNet or ServiceNet). */
export interface ProviderNetwork {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Network id (a UUID; Rackspace PublicNet is `00000000-…`, ServiceNet `11111111-…`). */
  id: string;
  name: string;
  /** The status, the same words on every provider. */
  status: ProviderNetworkStatus;
  /** The status as the cloud reported it. */
  providerStatus: string | undefined;
  /** Administratively up. */
  adminStateUp: boolean;
  /** Shared with every project. */
  shared: boolean;
  /** An external network (floating IPs and router gateways come from it). Always false on Rackspace. */
  external: boolean;
  /** Ids of its subnets. */
  subnets: string[];
  /** MTU in bytes, when the cloud reports it. */
  mtu?: number | undefined;
  /** Owning project (tenant). */
  projectId?: string | undefined;
}

/** An address range handed out from a subnet. */
export interface ProviderAllocationPool {
  start: string;
  end: string;
}

/** A static route pushed to hosts through DHCP. */
export interface ProviderHostRoute {
  destination: string;
  nexthop: string;
}

/** A subnet: an IPv4 or IPv6 block of a network. */
export interface ProviderSubnet {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  name: string;
  /** The network the subnet belongs to. */
  networkId: string;
  ipVersion: 4 | 6;
  /** The block, e.g. `192.168.10.0/24`. */
  cidr: string;
  /** `null` when the subnet has no gateway. */
  gatewayIp: string | null;
  enableDhcp: boolean;
  allocationPools: ProviderAllocationPool[];
  dnsNameservers: string[];
  hostRoutes: ProviderHostRoute[];
}

/** An address of a port. */
export interface ProviderFixedIp {
  subnetId: string;
  ipAddress: string;
}

/** A port: a virtual network interface, with its addresses. */
export interface ProviderPort {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  name: string;
  networkId: string;
  /** `DOWN` until a device uses it, then `ACTIVE`. */
  status: ProviderNetworkStatus;
  /** The status as the cloud reported it. */
  providerStatus: string | undefined;
  adminStateUp: boolean;
  macAddress: string;
  fixedIps: ProviderFixedIp[];
  /** What uses the port (a server id), or `""`. */
  deviceId: string;
  /** `compute:nova`, `network:router_interface`…, or `""`. */
  deviceOwner: string;
  /** Ids of its security groups. */
  securityGroups: string[];
}

/** Traffic a rule matches: into the group's ports, or out of them (OpenStack only). */
export type ProviderRuleDirection = 'ingress' | 'egress';

/** One rule of a security group. */
export interface ProviderSecurityGroupRule {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  securityGroupId: string;
  direction: ProviderRuleDirection;
  ethertype: 'IPv4' | 'IPv6';
  /** `tcp`, `udp`, `icmp`…; `undefined` matches every protocol. */
  protocol: string | undefined;
  /** First port (for ICMP: the type). */
  portRangeMin: number | undefined;
  /** Last port (for ICMP: the code). */
  portRangeMax: number | undefined;
  /** Where traffic may come from (ingress) or go to (egress), as a CIDR. */
  remoteIpPrefix: string | undefined;
  /** Or: from/to the ports of this security group. */
  remoteGroupId: string | undefined;
}

/** A security group: a named set of rules applied to ports. */
export interface ProviderSecurityGroup {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  name: string;
  description: string | undefined;
  rules: ProviderSecurityGroupRule[];
}

/** A floating IP: a public address mapped to a port's fixed address (OpenStack only). */
export interface ProviderFloatingIp {
  /** Which cloud this came from. */
  provider: ProviderName;
  id: string;
  /** The public address. */
  floatingIpAddress: string;
  /** The external network it comes from. */
  floatingNetworkId: string;
  /** `DOWN` while unassociated, `ACTIVE` once associated and routed. */
  status: ProviderNetworkStatus;
  /** The status as the cloud reported it. */
  providerStatus: string | undefined;
  /** The port it is associated with, or `undefined`. */
  portId: string | undefined;
  /** The port's address it maps to. */
  fixedIpAddress: string | undefined;
}

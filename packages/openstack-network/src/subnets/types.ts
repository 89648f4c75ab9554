import { arrayOf, boolean, number, object, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import { SUBNETS_PATH } from './urls.js';

/**
 * A range of addresses Neutron hands out from a subnet.
 * @example { start: '10.0.0.10', end: '10.0.0.200' }
 */
export interface AllocationPool {
  start: string;
  end: string;
}

/**
 * A static route pushed to hosts through DHCP.
 * @example { destination: '192.168.0.0/16', nexthop: '10.0.0.254' }
 */
export interface HostRoute {
  destination: string;
  nexthop: string;
}

/**
 * IPv6 router advertisement and address modes.
 * @example const mode: Ipv6Mode = 'slaac';
 */
export type Ipv6Mode = 'slaac' | 'dhcpv6-stateful' | 'dhcpv6-stateless';

/**
 * A Neutron subnet.
 * @example const s = await getSubnet(network, id); console.log(s.cidr, s.gatewayIp ?? 'no gateway');
 */
export interface Subnet extends NetworkStandardAttributes {
  name: string;
  networkId: string;
  ipVersion: 4 | 6;
  cidr: string;
  /** `null` when the subnet has no gateway. */
  gatewayIp: string | null;
  allocationPools: AllocationPool[];
  dnsNameservers: string[];
  hostRoutes: HostRoute[];
  enableDhcp: boolean;
  ipv6RaMode: Ipv6Mode | undefined;
  ipv6AddressMode: Ipv6Mode | undefined;
  subnetPoolId: string | undefined;
  serviceTypes: string[];
  segmentId: string | undefined;
}

/** @internal */
export interface SubnetWire extends StandardWire {
  name: string;
  network_id: string;
  ip_version: number;
  cidr: string;
  gateway_ip?: string | null;
  allocation_pools?: AllocationPool[];
  dns_nameservers?: string[];
  host_routes?: HostRoute[];
  enable_dhcp: boolean;
  ipv6_ra_mode?: string;
  ipv6_address_mode?: string;
  subnetpool_id?: string;
  service_types?: string[];
  segment_id?: string;
}

const FIELDS: ShapeFields<SubnetWire> = {
  ...STANDARD_FIELDS,
  name: string,
  network_id: string,
  ip_version: number,
  cidr: string,
  gateway_ip: optional(string),
  allocation_pools: optional(arrayOf(object<AllocationPool>({ start: string, end: string }))),
  dns_nameservers: optional(arrayOf(string)),
  host_routes: optional(arrayOf(object<HostRoute>({ destination: string, nexthop: string }))),
  enable_dhcp: boolean,
  ipv6_ra_mode: optional(string),
  ipv6_address_mode: optional(string),
  subnetpool_id: optional(string),
  service_types: optional(arrayOf(string)),
  segment_id: optional(string),
};

/** @internal */
export function parseSubnet(w: SubnetWire): Subnet {
  return {
    ...parseStandard(w),
    name: w.name,
    networkId: w.network_id,
    ipVersion: w.ip_version === 6 ? 6 : 4,
    cidr: w.cidr,
    gatewayIp: w.gateway_ip ?? null,
    allocationPools: (w.allocation_pools ?? []).map((p) => ({ start: p.start, end: p.end })),
    dnsNameservers: w.dns_nameservers ?? [],
    hostRoutes: (w.host_routes ?? []).map((r) => ({ destination: r.destination, nexthop: r.nexthop })),
    enableDhcp: w.enable_dhcp,
    ipv6RaMode: (w.ipv6_ra_mode ?? undefined) as Ipv6Mode | undefined,
    ipv6AddressMode: (w.ipv6_address_mode ?? undefined) as Ipv6Mode | undefined,
    subnetPoolId: w.subnetpool_id ?? undefined,
    serviceTypes: w.service_types ?? [],
    segmentId: w.segment_id ?? undefined,
  };
}

/** @internal */
export const SUBNET = resourceKind<SubnetWire, Subnet>({
  singular: 'subnet',
  plural: 'subnets',
  path: SUBNETS_PATH,
  label: 'subnet',
  fields: FIELDS,
  parse: parseSubnet,
});

import { arrayOf, boolean, number, object, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import { NETWORKS_PATH } from './urls.js';

/**
 * Statuses of a network.
 * @example if (net.status === 'ACTIVE') console.log('usable');
 */
export type NetworkStatus = 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR' | (string & {});

/**
 * One segment of a multi-segment (routed) network.
 * @example for (const s of net.segments ?? []) console.log(s.networkType, s.segmentationId);
 */
export interface NetworkSegment {
  networkType: string | undefined;
  physicalNetwork: string | undefined;
  segmentationId: number | undefined;
}

/**
 * A Neutron network.
 * @example const ext = await getNetwork(network, id); if (ext.routerExternal) console.log('external');
 */
export interface Network extends NetworkStandardAttributes {
  name: string;
  status: NetworkStatus;
  adminStateUp: boolean;
  /** Shared with every project. */
  shared: boolean;
  /** An external network routers can use as gateway and floating IPs come from (`router:external`). */
  routerExternal: boolean | undefined;
  mtu: number | undefined;
  portSecurityEnabled: boolean | undefined;
  /** Ids of its subnets. */
  subnets: string[];
  availabilityZones: string[];
  availabilityZoneHints: string[];
  /** Provider attributes (`provider:*`), visible to administrators. */
  providerNetworkType: string | undefined;
  providerPhysicalNetwork: string | undefined;
  providerSegmentationId: number | undefined;
  /** Segments of a multi-provider network. */
  segments: NetworkSegment[] | undefined;
  ipv4AddressScope: string | undefined;
  ipv6AddressScope: string | undefined;
  dnsDomain: string | undefined;
  qosPolicyId: string | undefined;
  /** The default external network for auto-allocated topologies. */
  isDefault: boolean | undefined;
  l2Adjacency: boolean | undefined;
}

/** @internal */
export interface SegmentWire {
  'provider:network_type'?: string;
  'provider:physical_network'?: string;
  'provider:segmentation_id'?: number;
}

/** @internal */
export interface NetworkWire extends StandardWire {
  name: string;
  status: string;
  admin_state_up: boolean;
  shared: boolean;
  'router:external'?: boolean;
  mtu?: number;
  port_security_enabled?: boolean;
  subnets?: string[];
  availability_zones?: string[];
  availability_zone_hints?: string[];
  'provider:network_type'?: string;
  'provider:physical_network'?: string;
  'provider:segmentation_id'?: number;
  segments?: SegmentWire[];
  ipv4_address_scope?: string;
  ipv6_address_scope?: string;
  dns_domain?: string;
  qos_policy_id?: string;
  is_default?: boolean;
  l2_adjacency?: boolean;
}

const FIELDS: ShapeFields<NetworkWire> = {
  ...STANDARD_FIELDS,
  name: string,
  status: string,
  admin_state_up: boolean,
  shared: boolean,
  'router:external': optional(boolean),
  mtu: optional(number),
  port_security_enabled: optional(boolean),
  subnets: optional(arrayOf(string)),
  availability_zones: optional(arrayOf(string)),
  availability_zone_hints: optional(arrayOf(string)),
  'provider:network_type': optional(string),
  'provider:physical_network': optional(string),
  'provider:segmentation_id': optional(number),
  segments: optional(
    arrayOf(
      object<SegmentWire>({
        'provider:network_type': optional(string),
        'provider:physical_network': optional(string),
        'provider:segmentation_id': optional(number),
      }),
    ),
  ),
  ipv4_address_scope: optional(string),
  ipv6_address_scope: optional(string),
  dns_domain: optional(string),
  qos_policy_id: optional(string),
  is_default: optional(boolean),
  l2_adjacency: optional(boolean),
};

/** @internal */
export function parseNetwork(w: NetworkWire): Network {
  return {
    ...parseStandard(w),
    name: w.name,
    status: w.status,
    adminStateUp: w.admin_state_up,
    shared: w.shared,
    routerExternal: w['router:external'] ?? undefined,
    mtu: w.mtu ?? undefined,
    portSecurityEnabled: w.port_security_enabled ?? undefined,
    subnets: w.subnets ?? [],
    availabilityZones: w.availability_zones ?? [],
    availabilityZoneHints: w.availability_zone_hints ?? [],
    providerNetworkType: w['provider:network_type'] ?? undefined,
    providerPhysicalNetwork: w['provider:physical_network'] ?? undefined,
    providerSegmentationId: w['provider:segmentation_id'] ?? undefined,
    segments: w.segments?.map((s) => ({
      networkType: s['provider:network_type'] ?? undefined,
      physicalNetwork: s['provider:physical_network'] ?? undefined,
      segmentationId: s['provider:segmentation_id'] ?? undefined,
    })),
    ipv4AddressScope: w.ipv4_address_scope ?? undefined,
    ipv6AddressScope: w.ipv6_address_scope ?? undefined,
    dnsDomain: w.dns_domain ?? undefined,
    qosPolicyId: w.qos_policy_id ?? undefined,
    isDefault: w.is_default ?? undefined,
    l2Adjacency: w.l2_adjacency ?? undefined,
  };
}

/** @internal */
export const NETWORK = resourceKind<NetworkWire, Network>({
  singular: 'network',
  plural: 'networks',
  path: NETWORKS_PATH,
  label: 'network',
  fields: FIELDS,
  parse: parseNetwork,
});

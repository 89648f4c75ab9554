import { arrayOf, number, object, optional, type Shape, type ShapeFields, string } from '@cloud/core/service';
import {
  BASE_FIELDS,
  type BaseWire,
  ID_REFS,
  ids,
  type LoadBalancingObject,
  type OperatingStatus,
  type ProvisioningStatus,
  parseBase,
} from '../internal/common.js';
import { resourceKind } from '../internal/rest.js';

/**
 * An additional VIP of a load balancer (a subnet of the primary VIP's network).
 * @example for (const v of lb.additionalVips) console.log(v.subnetId, v.ipAddress);
 */
export interface LoadBalancerAdditionalVip {
  subnetId: string;
  ipAddress: string | undefined;
}

/**
 * An Octavia load balancer.
 * @example const lb = await getLoadBalancer(client, id); console.log(lb.vipAddress, lb.provisioningStatus);
 */
export interface LoadBalancer extends LoadBalancingObject {
  vipAddress: string | undefined;
  vipSubnetId: string | undefined;
  vipNetworkId: string | undefined;
  vipPortId: string | undefined;
  vipQosPolicyId: string | undefined;
  /** Security groups of the VIP port (API 2.29+). */
  vipSgIds: string[];
  vipVnicType: string | undefined;
  additionalVips: LoadBalancerAdditionalVip[];
  /** Provider driver, e.g. `amphora`, `ovn`. */
  provider: string | undefined;
  flavorId: string | undefined;
  availabilityZone: string | undefined;
  /** Ids of its listeners. */
  listeners: string[];
  /** Ids of its pools. */
  pools: string[];
}

/** @internal */
export interface LoadBalancerWire extends BaseWire {
  vip_address?: string;
  vip_subnet_id?: string;
  vip_network_id?: string;
  vip_port_id?: string;
  vip_qos_policy_id?: string;
  vip_sg_ids?: string[];
  vip_vnic_type?: string;
  additional_vips?: { subnet_id: string; ip_address?: string }[];
  provider?: string;
  flavor_id?: string;
  availability_zone?: string;
  listeners?: { id: string }[];
  pools?: { id: string }[];
}

const FIELDS: ShapeFields<LoadBalancerWire> = {
  ...BASE_FIELDS,
  vip_address: optional(string),
  vip_subnet_id: optional(string),
  vip_network_id: optional(string),
  vip_port_id: optional(string),
  vip_qos_policy_id: optional(string),
  vip_sg_ids: optional(arrayOf(string)),
  vip_vnic_type: optional(string),
  additional_vips: optional(
    arrayOf(
      object<{ subnet_id: string; ip_address?: string }>({ subnet_id: string, ip_address: optional(string) }),
    ),
  ),
  provider: optional(string),
  flavor_id: optional(string),
  availability_zone: optional(string),
  listeners: ID_REFS,
  pools: ID_REFS,
};

/** @internal */
export function parseLoadBalancer(w: LoadBalancerWire): LoadBalancer {
  return {
    ...parseBase(w),
    vipAddress: w.vip_address ?? undefined,
    vipSubnetId: w.vip_subnet_id ?? undefined,
    vipNetworkId: w.vip_network_id ?? undefined,
    vipPortId: w.vip_port_id ?? undefined,
    vipQosPolicyId: w.vip_qos_policy_id ?? undefined,
    vipSgIds: w.vip_sg_ids ?? [],
    vipVnicType: w.vip_vnic_type ?? undefined,
    additionalVips: (w.additional_vips ?? []).map((v) => ({
      subnetId: v.subnet_id,
      ipAddress: v.ip_address ?? undefined,
    })),
    provider: w.provider ?? undefined,
    // Octavia writes "" for "no flavor"
    flavorId: w.flavor_id || undefined,
    availabilityZone: w.availability_zone ?? undefined,
    listeners: ids(w.listeners),
    pools: ids(w.pools),
  };
}

/** @internal */
export const LOAD_BALANCER = resourceKind<LoadBalancerWire, LoadBalancer>({
  singular: 'loadbalancer',
  plural: 'loadbalancers',
  label: 'load balancer',
  fields: FIELDS,
  parse: parseLoadBalancer,
});

/**
 * Traffic counters of a load balancer or listener.
 * @example const s = await getLoadBalancerStats(client, id); console.log(s.activeConnections, s.bytesIn);
 */
export interface LoadBalancerStats {
  activeConnections: number;
  bytesIn: number;
  bytesOut: number;
  requestErrors: number;
  totalConnections: number;
}

/** @internal */
export interface StatsWire {
  active_connections: number;
  bytes_in: number;
  bytes_out: number;
  request_errors: number;
  total_connections: number;
}

/** @internal */
export const STATS: Shape<StatsWire> = object<StatsWire>({
  active_connections: number,
  bytes_in: number,
  bytes_out: number,
  request_errors: number,
  total_connections: number,
});

/** @internal */
export const parseStats = (w: StatsWire): LoadBalancerStats => ({
  activeConnections: w.active_connections,
  bytesIn: w.bytes_in,
  bytesOut: w.bytes_out,
  requestErrors: w.request_errors,
  totalConnections: w.total_connections,
});

/**
 * The statuses of one node of a load balancer's status tree.
 * @example if (node.operatingStatus !== 'ONLINE') console.log(node.id, node.name, node.operatingStatus);
 */
export interface LoadBalancerStatusNode {
  id: string;
  name: string | undefined;
  provisioningStatus: ProvisioningStatus;
  /** Not reported for L7 policies, L7 rules and health monitors by every provider. */
  operatingStatus: OperatingStatus | undefined;
}

/**
 * A member in the status tree.
 * @example for (const m of pool.members) console.log(m.address, m.protocolPort, m.operatingStatus);
 */
export interface LoadBalancerStatusMember extends LoadBalancerStatusNode {
  address: string | undefined;
  protocolPort: number | undefined;
}

/**
 * A pool in the status tree, with its health monitor (if any) and members.
 * @example console.log(pool.healthMonitor?.type, pool.members.length);
 */
export interface LoadBalancerStatusPool extends LoadBalancerStatusNode {
  healthMonitor: (LoadBalancerStatusNode & { type: string | undefined }) | undefined;
  members: LoadBalancerStatusMember[];
}

/**
 * An L7 policy in the status tree, with its rules.
 * @example for (const r of policy.rules) console.log(r.type, r.provisioningStatus);
 */
export interface LoadBalancerStatusL7Policy extends LoadBalancerStatusNode {
  action: string | undefined;
  rules: (LoadBalancerStatusNode & { type: string | undefined })[];
}

/**
 * A listener in the status tree, with its pools and L7 policies.
 * @example for (const l of tree.listeners) console.log(l.name, l.operatingStatus, l.pools.length);
 */
export interface LoadBalancerStatusListener extends LoadBalancerStatusNode {
  pools: LoadBalancerStatusPool[];
  l7Policies: LoadBalancerStatusL7Policy[];
}

/**
 * The status tree of a load balancer (`GET …/status`): every child object's provisioning and
 * operating status in one request.
 * @example
 * ```ts
 * const tree = await getLoadBalancerStatusTree(client, id);
 * for (const l of tree.listeners) for (const p of l.pools) for (const m of p.members) console.log(m.address, m.operatingStatus);
 * ```
 */
export interface LoadBalancerStatusTree extends LoadBalancerStatusNode {
  listeners: LoadBalancerStatusListener[];
  pools: LoadBalancerStatusPool[];
  /** The tree as Octavia sent it. */
  raw: Readonly<Record<string, unknown>>;
}

/** @internal */
interface NodeWire {
  id?: string;
  name?: string;
  provisioning_status?: string;
  operating_status?: string;
  type?: string;
  action?: string;
  address?: string;
  protocol_port?: number;
  members?: NodeWire[];
  pools?: NodeWire[];
  listeners?: NodeWire[];
  l7policies?: NodeWire[];
  rules?: NodeWire[];
  healthmonitor?: NodeWire;
  health_monitor?: NodeWire;
}

const NODE_FIELDS: ShapeFields<NodeWire> = {
  id: optional(string),
  name: optional(string),
  provisioning_status: optional(string),
  operating_status: optional(string),
  type: optional(string),
  action: optional(string),
  address: optional(string),
  protocol_port: optional(number),
};
const leafNode = object<NodeWire>(NODE_FIELDS);
const poolNode = object<NodeWire>({
  ...NODE_FIELDS,
  members: optional(arrayOf(leafNode)),
  healthmonitor: optional(leafNode),
  health_monitor: optional(leafNode),
});
const policyNode = object<NodeWire>({ ...NODE_FIELDS, rules: optional(arrayOf(leafNode)) });
const listenerNode = object<NodeWire>({
  ...NODE_FIELDS,
  pools: optional(arrayOf(poolNode)),
  l7policies: optional(arrayOf(policyNode)),
});

/** @internal */
export const STATUS_TREE = object<{ loadbalancer: NodeWire }>({
  loadbalancer: object<NodeWire>({
    ...NODE_FIELDS,
    id: string,
    provisioning_status: string,
    listeners: optional(arrayOf(listenerNode)),
    pools: optional(arrayOf(poolNode)),
  }),
});

const node = (w: NodeWire): LoadBalancerStatusNode => ({
  id: w.id ?? '',
  name: w.name ?? undefined,
  provisioningStatus: w.provisioning_status ?? '',
  operatingStatus: w.operating_status ?? undefined,
});

const pool = (w: NodeWire): LoadBalancerStatusPool => {
  // the api-ref writes `healthmonitor`, Octavia itself sends `health_monitor`; `{}` means none
  const hm = w.health_monitor ?? w.healthmonitor;
  return {
    ...node(w),
    healthMonitor: hm?.id ? { ...node(hm), type: hm.type ?? undefined } : undefined,
    members: (w.members ?? []).map((m) => ({
      ...node(m),
      address: m.address ?? undefined,
      protocolPort: m.protocol_port ?? undefined,
    })),
  };
};

/** @internal */
export function parseStatusTree(w: { loadbalancer: NodeWire }): LoadBalancerStatusTree {
  const lb = w.loadbalancer;
  return {
    ...node(lb),
    listeners: (lb.listeners ?? []).map((l) => ({
      ...node(l),
      pools: (l.pools ?? []).map(pool),
      l7Policies: (l.l7policies ?? []).map((p) => ({
        ...node(p),
        action: p.action ?? undefined,
        rules: (p.rules ?? []).map((r) => ({ ...node(r), type: r.type ?? undefined })),
      })),
    })),
    pools: (lb.pools ?? []).map(pool),
    raw: lb as Record<string, unknown>,
  };
}

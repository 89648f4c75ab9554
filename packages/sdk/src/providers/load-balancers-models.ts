import type { ProviderName } from './options.js';

/**
 * Status of a load balancer, the same on every provider. `providerStatus` keeps the cloud's own
 * word.
 * - `ACTIVE`: serving and accepting changes
 * - `PENDING`: a change is being applied (Octavia `PENDING_*`; CLB `BUILD`, `PENDING_UPDATE`,
 *   `PENDING_DELETE`): writes are refused until it is `ACTIVE` again
 * - `ERROR`: the last change failed (CLB `SUSPENDED` too)
 * - `DELETED`: gone
 * - `UNKNOWN`: anything else
 * @example if (lb.status === 'ACTIVE') console.log(lb.address);
 */
export type ProviderLoadBalancerStatus = 'ACTIVE' | 'PENDING' | 'ERROR' | 'DELETED' | 'UNKNOWN';

/** Maps an Octavia provisioning status or a CLB status to {@link ProviderLoadBalancerStatus}. @internal */
export const normalizeLoadBalancerStatus = (status: string | undefined): ProviderLoadBalancerStatus => {
  const upper = (status ?? '').toUpperCase();
  if (upper === 'ACTIVE' || upper === 'ERROR' || upper === 'DELETED') return upper;
  if (upper.startsWith('PENDING') || upper === 'BUILD') return 'PENDING';
  if (upper === 'SUSPENDED') return 'ERROR';
  return 'UNKNOWN';
};

/**
 * How traffic is spread over the nodes. Which of them a provider takes is in
 * `capabilities.algorithms` (`SOURCE_IP` is OpenStack's only).
 * @example const algorithm: ProviderLoadBalancerAlgorithm = 'LEAST_CONNECTIONS';
 */
export type ProviderLoadBalancerAlgorithm = 'ROUND_ROBIN' | 'LEAST_CONNECTIONS' | 'SOURCE_IP';

/**
 * The protocol a load balancer listens with (and speaks to its nodes). Which of them a provider
 * takes is in `capabilities.protocols`.
 * @example const protocol: ProviderLoadBalancerProtocol = 'HTTP';
 */
export type ProviderLoadBalancerProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'UDP';

/**
 * Whether a node takes traffic: `ENABLED`, `DISABLED`, or `DRAINING` (existing connections only;
 * Rackspace only, see `capabilities.nodeConditions`). On OpenStack the condition is the member's
 * `admin_state_up`.
 * @example await lb.updateNode(balancer, node, { condition: 'DISABLED' });
 */
export type ProviderNodeCondition = 'ENABLED' | 'DISABLED' | 'DRAINING';

/**
 * How the nodes' health is checked: `CONNECT` (a TCP connection; Octavia `TCP`, or `UDP-CONNECT`
 * on a UDP load balancer), `HTTP` or `HTTPS` (a request whose status is checked).
 * @example await lb.setHealthCheck(balancer, { type: 'HTTP', delay: 10, timeout: 5, attempts: 3, path: '/health' });
 */
export type ProviderHealthCheckType = 'CONNECT' | 'HTTP' | 'HTTPS';

/**
 * What a provider's load-balancer service does differently, as types: code written for any
 * provider checks the lists and the compiler knows the literal values for a known provider.
 *
 * | capability | OpenStack (Octavia) | Rackspace Cloud Load Balancers |
 * |---|---|---|
 * | `algorithms` | ROUND_ROBIN LEAST_CONNECTIONS SOURCE_IP | ROUND_ROBIN LEAST_CONNECTIONS |
 * | `protocols` | HTTP HTTPS TCP UDP | HTTP HTTPS TCP UDP |
 * | `nodeConditions` | ENABLED DISABLED | ENABLED DISABLED DRAINING |
 * | `minWeight` / `maxWeight` | 0 / 256 | 1 / 100 |
 * | `requiresSubnet` | yes: `createLoadBalancer` needs `subnetId` or `network` for the VIP | no: a public VIP |
 * @example
 * ```ts
 * const algorithm = lb.capabilities.algorithms.includes('SOURCE_IP') ? 'SOURCE_IP' : 'ROUND_ROBIN';
 * ```
 */
export interface ProviderLoadBalancerCapabilities {
  /** Algorithms `createLoadBalancer` and `updateLoadBalancer` accept. */
  readonly algorithms: readonly ProviderLoadBalancerAlgorithm[];
  /** Protocols `createLoadBalancer` accepts. */
  readonly protocols: readonly ProviderLoadBalancerProtocol[];
  /** Conditions a node may be given. */
  readonly nodeConditions: readonly ProviderNodeCondition[];
  /** Smallest node weight. */
  readonly minWeight: number;
  /** Largest node weight. */
  readonly maxWeight: number;
  /** `createLoadBalancer` needs a VIP `subnetId` or `network`. */
  readonly requiresSubnet: boolean;
}

const OPENSTACK_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP'] as const;
const RACKSPACE_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS'] as const;
const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP'] as const;
const OPENSTACK_CONDITIONS = ['ENABLED', 'DISABLED'] as const;
const RACKSPACE_CONDITIONS = ['ENABLED', 'DISABLED', 'DRAINING'] as const;

/** OpenStack Octavia. */
export interface OpenStackLoadBalancerCapabilities extends ProviderLoadBalancerCapabilities {
  readonly algorithms: typeof OPENSTACK_ALGORITHMS;
  readonly protocols: typeof PROTOCOLS;
  readonly nodeConditions: typeof OPENSTACK_CONDITIONS;
  readonly minWeight: 0;
  readonly maxWeight: 256;
  readonly requiresSubnet: true;
}

/** Rackspace Cloud Load Balancers. */
export interface RackspaceLoadBalancerCapabilities extends ProviderLoadBalancerCapabilities {
  readonly algorithms: typeof RACKSPACE_ALGORITHMS;
  readonly protocols: typeof PROTOCOLS;
  readonly nodeConditions: typeof RACKSPACE_CONDITIONS;
  readonly minWeight: 1;
  readonly maxWeight: 100;
  readonly requiresSubnet: false;
}

/**
 * The load-balancer capabilities of provider `P`: literal values for one provider, wide types
 * when the provider is not known at compile time.
 * @example const caps: LoadBalancerCapabilitiesOf<'openstack'> = lb.capabilities;
 */
export type LoadBalancerCapabilitiesOf<P extends ProviderName> = P extends 'rackspace'
  ? RackspaceLoadBalancerCapabilities
  : P extends 'openstack'
    ? OpenStackLoadBalancerCapabilities
    : ProviderLoadBalancerCapabilities;

/** @internal */
export const LOAD_BALANCER_CAPABILITIES: {
  openstack: OpenStackLoadBalancerCapabilities;
  rackspace: RackspaceLoadBalancerCapabilities;
} = {
  openstack: {
    algorithms: OPENSTACK_ALGORITHMS,
    protocols: PROTOCOLS,
    nodeConditions: OPENSTACK_CONDITIONS,
    minWeight: 0,
    maxWeight: 256,
    requiresSubnet: true,
  },
  rackspace: {
    algorithms: RACKSPACE_ALGORITHMS,
    protocols: PROTOCOLS,
    nodeConditions: RACKSPACE_CONDITIONS,
    minWeight: 1,
    maxWeight: 100,
    requiresSubnet: false,
  },
};

/**
 * A load balancer: on OpenStack an Octavia load balancer with its (first) listener and pool, on
 * Rackspace a Cloud Load Balancer.
 */
export interface ProviderLoadBalancer {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Load balancer id (a UUID on Octavia, a number as a string on Rackspace). */
  id: string;
  name: string | undefined;
  /** The status, the same words on every provider. */
  status: ProviderLoadBalancerStatus;
  /** The status as the cloud reported it (`PENDING_UPDATE`, `BUILD`…). */
  providerStatus: string | undefined;
  /** `undefined` on OpenStack while it has no listener. */
  protocol: ProviderLoadBalancerProtocol | (string & {}) | undefined;
  /** The port it listens on. */
  port: number | undefined;
  /** `undefined` on OpenStack while it has no pool. */
  algorithm: ProviderLoadBalancerAlgorithm | (string & {}) | undefined;
  /** The (first) virtual IP address. */
  address: string | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
}

/** A node: an Octavia pool member, a CLB node. */
export interface ProviderLoadBalancerNode {
  /** Which cloud this came from. */
  provider: ProviderName;
  /** Node id (a member UUID on Octavia, a number as a string on Rackspace). */
  id: string;
  /** The load balancer it belongs to. */
  loadBalancerId: string;
  /** IPv4 or IPv6 address. */
  address: string;
  port: number;
  weight: number | undefined;
  condition: ProviderNodeCondition | (string & {});
  /** Health as the cloud reports it (Octavia operating status, CLB `ONLINE`/`OFFLINE`). */
  health: string | undefined;
}

/** A load balancer's health check (an Octavia health monitor, a CLB health monitor). */
export interface ProviderHealthCheck {
  type: ProviderHealthCheckType | (string & {});
  /** Seconds between checks. */
  delay: number | undefined;
  /** Seconds a check may take. */
  timeout: number | undefined;
  /** Failed checks before a node is taken out. */
  attempts: number | undefined;
  /** HTTP(S): the path requested. */
  path: string | undefined;
}

import { arrayOf, number, object, optional, string, stringOrNumber } from '@cloud/core/service';
import {
  type ClbNetworkItem,
  type ClbNetworkItemWire,
  NETWORK_ITEM,
  parseNetworkItem,
} from '../access-list/types.js';
import {
  type ClbHealthMonitor,
  type ClbHealthMonitorWire,
  HEALTH_MONITOR,
  parseHealthMonitor,
} from '../health-monitor/types.js';
import { FLAG, idOf, TIME, type TimeWire, toDate, toFlag } from '../internal/common.js';
import {
  type ClbMetadataItem,
  type ClbMetadataItemWire,
  METADATA_ITEM,
  parseMetadataItem,
} from '../metadata/types.js';
import { type ClbNode, type ClbNodeWire, NODE, parseNode } from '../nodes/types.js';
import {
  type ClbConnectionThrottle,
  type ClbConnectionThrottleWire,
  CONNECTION_THROTTLE,
  parseConnectionThrottle,
} from '../settings/types.js';
import {
  type ClbVirtualIp,
  type ClbVirtualIpWire,
  parseVirtualIp,
  VIRTUAL_IP,
} from '../virtual-ips/types.js';

/** Statuses of a load balancer, as the developer guide lists them. */
export const CLB_LOAD_BALANCER_STATUSES = [
  'ACTIVE',
  'BUILD',
  'PENDING_UPDATE',
  'PENDING_DELETE',
  'SUSPENDED',
  'ERROR',
  'DELETED',
] as const;
/**
 * `BUILD` after creation and `PENDING_UPDATE` after a change (writes are refused with 422 until
 * it is `ACTIVE` again); `SUSPENDED` and `ERROR` need Rackspace Support.
 */
export type ClbLoadBalancerStatus = (typeof CLB_LOAD_BALANCER_STATUSES)[number];

/**
 * Where a load balancer's traffic to the nodes comes from, for firewall rules.
 * @example const { sourceAddresses } = await getClbLoadBalancer(clb, id); console.log(sourceAddresses?.ipv4Servicenet);
 */
export interface ClbSourceAddresses {
  ipv4Public: string | undefined;
  ipv4Servicenet: string | undefined;
  ipv6Public: string | undefined;
  ipv6Servicenet: string | undefined;
}

/**
 * A Cloud Load Balancer. Lists return the summary fields (`nodeCount`, no `nodes`); `getClbLoadBalancer`
 * and creation return the whole configuration.
 * @example const lb = await getClbLoadBalancer(clb, id); console.log(lb.status, lb.virtualIps.map((v) => v.address));
 */
export interface ClbLoadBalancer {
  id: string;
  name: string;
  status: ClbLoadBalancerStatus | string;
  protocol: string | undefined;
  port: number | undefined;
  algorithm: string | undefined;
  /** Seconds (default 30, at most 120). */
  timeout: number | undefined;
  halfClosed: boolean | undefined;
  httpsRedirect: boolean | undefined;
  nodeCount: number | undefined;
  nodes: ClbNode[] | undefined;
  virtualIps: ClbVirtualIp[];
  /** The name of the cluster the load balancer runs on. */
  cluster: string | undefined;
  created: Date | undefined;
  updated: Date | undefined;
  sourceAddresses: ClbSourceAddresses | undefined;
  connectionLogging: boolean | undefined;
  contentCaching: boolean | undefined;
  /** The session persistence mode, when enabled. */
  sessionPersistence: string | undefined;
  connectionThrottle: ClbConnectionThrottle | undefined;
  healthMonitor: ClbHealthMonitor | undefined;
  accessList: ClbNetworkItem[] | undefined;
  metadata: ClbMetadataItem[] | undefined;
  raw: ClbLoadBalancerWire;
}

/** @internal */
export interface ClbLoadBalancerWire {
  id: string | number;
  name: string;
  status: string;
  protocol?: string;
  port?: number | string;
  algorithm?: string;
  timeout?: number | string;
  halfClosed?: boolean | string;
  httpsRedirect?: boolean | string;
  nodeCount?: number;
  nodes?: ClbNodeWire[];
  virtualIps?: ClbVirtualIpWire[];
  cluster?: { name?: string };
  created?: TimeWire;
  updated?: TimeWire;
  sourceAddresses?: Record<string, string | undefined>;
  connectionLogging?: { enabled?: boolean | string };
  contentCaching?: { enabled?: boolean | string };
  sessionPersistence?: { persistenceType?: string };
  connectionThrottle?: ClbConnectionThrottleWire;
  healthMonitor?: ClbHealthMonitorWire;
  accessList?: ClbNetworkItemWire[];
  metadata?: ClbMetadataItemWire[];
  [field: string]: unknown;
}

const ENABLED = object<{ enabled?: boolean | string }>({ enabled: optional(FLAG) });

/** @internal */
export const LOAD_BALANCER = object<ClbLoadBalancerWire>({
  id: stringOrNumber,
  name: string,
  status: string,
  protocol: optional(string),
  port: optional(stringOrNumber),
  algorithm: optional(string),
  timeout: optional(stringOrNumber),
  halfClosed: optional(FLAG),
  httpsRedirect: optional(FLAG),
  nodeCount: optional(number),
  nodes: optional(arrayOf(NODE)),
  virtualIps: optional(arrayOf(VIRTUAL_IP)),
  cluster: optional(object<{ name?: string }>({ name: optional(string) })),
  created: optional(TIME),
  updated: optional(TIME),
  sourceAddresses: optional(
    object<Record<string, string | undefined>>({
      ipv4Public: optional(string),
      ipv4Servicenet: optional(string),
      ipv6Public: optional(string),
      ipv6Servicenet: optional(string),
    }),
  ),
  connectionLogging: optional(ENABLED),
  contentCaching: optional(ENABLED),
  sessionPersistence: optional(object<{ persistenceType?: string }>({ persistenceType: optional(string) })),
  connectionThrottle: optional(CONNECTION_THROTTLE),
  healthMonitor: optional(HEALTH_MONITOR),
  accessList: optional(arrayOf(NETWORK_ITEM)),
  metadata: optional(arrayOf(METADATA_ITEM)),
});

const toNumber = (v: number | string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** @internal */
export const parseLoadBalancer = (w: ClbLoadBalancerWire): ClbLoadBalancer => ({
  id: idOf(w.id),
  name: w.name,
  status: w.status,
  protocol: w.protocol,
  port: toNumber(w.port),
  algorithm: w.algorithm,
  timeout: toNumber(w.timeout),
  halfClosed: toFlag(w.halfClosed),
  httpsRedirect: toFlag(w.httpsRedirect),
  nodeCount: w.nodeCount,
  nodes: w.nodes?.map(parseNode),
  virtualIps: (w.virtualIps ?? []).map(parseVirtualIp),
  cluster: w.cluster?.name,
  created: toDate(w.created),
  updated: toDate(w.updated),
  sourceAddresses: w.sourceAddresses && {
    ipv4Public: w.sourceAddresses.ipv4Public,
    ipv4Servicenet: w.sourceAddresses.ipv4Servicenet,
    ipv6Public: w.sourceAddresses.ipv6Public,
    ipv6Servicenet: w.sourceAddresses.ipv6Servicenet,
  },
  connectionLogging: toFlag(w.connectionLogging?.enabled),
  contentCaching: toFlag(w.contentCaching?.enabled),
  sessionPersistence: w.sessionPersistence?.persistenceType,
  connectionThrottle: w.connectionThrottle && parseConnectionThrottle(w.connectionThrottle),
  healthMonitor: w.healthMonitor && parseHealthMonitor(w.healthMonitor),
  accessList: w.accessList?.map(parseNetworkItem),
  metadata: w.metadata?.map(parseMetadataItem),
  raw: w,
});

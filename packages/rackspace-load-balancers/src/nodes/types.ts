import { arrayOf, number, object, optional, string, stringOrNumber } from '@cloud/core/service';
import { idOf } from '../internal/common.js';
import {
  type ClbMetadataItem,
  type ClbMetadataItemWire,
  METADATA_ITEM,
  parseMetadataItem,
} from '../metadata/types.js';

/** Conditions a node can be put in. */
export const CLB_NODE_CONDITIONS = ['ENABLED', 'DISABLED', 'DRAINING'] as const;
/** `ENABLED` takes new connections, `DRAINING` only existing and persistent ones, `DISABLED` none. */
export type ClbNodeCondition = (typeof CLB_NODE_CONDITIONS)[number];
/** Node types: `SECONDARY` nodes take traffic when every `PRIMARY` node has failed. */
export const CLB_NODE_TYPES = ['PRIMARY', 'SECONDARY'] as const;
/** A node type. */
export type ClbNodeType = (typeof CLB_NODE_TYPES)[number];

/**
 * A back-end node of a load balancer. `status` (`ONLINE`, `OFFLINE`) is set by health checks;
 * `condition` is yours to set. `weight` is only reported under weighted algorithms.
 * @example for (const n of await toArray(listClbNodes(clb, lbId))) console.log(n.address, n.port, n.condition, n.status);
 */
export interface ClbNode {
  id: string;
  address: string;
  port: number;
  condition: ClbNodeCondition | string;
  status: string | undefined;
  weight: number | undefined;
  type: ClbNodeType | string | undefined;
  metadata: ClbMetadataItem[] | undefined;
  raw: ClbNodeWire;
}

/** @internal */
export interface ClbNodeWire {
  id: string | number;
  address: string;
  port: number;
  condition: string;
  status?: string;
  weight?: number;
  type?: string;
  metadata?: ClbMetadataItemWire[];
  [field: string]: unknown;
}

/** @internal */
export const NODE = object<ClbNodeWire>({
  id: stringOrNumber,
  address: string,
  port: number,
  condition: string,
  status: optional(string),
  weight: optional(number),
  type: optional(string),
  metadata: optional(arrayOf(METADATA_ITEM)),
});

/** @internal */
export const parseNode = (w: ClbNodeWire): ClbNode => ({
  id: idOf(w.id),
  address: w.address,
  port: w.port,
  condition: w.condition,
  status: w.status,
  weight: w.weight,
  type: w.type,
  metadata: w.metadata?.map(parseMetadataItem),
  raw: w,
});

/**
 * A node to add, at creation of a load balancer or later. `address` is an IP address (or a fully
 * qualified name under an allowed domain, see `listClbAllowedDomains`).
 * @example { address: '10.1.1.1', port: 80, condition: 'ENABLED', weight: 10, type: 'PRIMARY' }
 */
export interface ClbNodeInput {
  address: string;
  /** 1 to 65535. */
  port: number;
  /** Default `ENABLED`. Add as `DRAINING` to let health checks pass before traffic arrives. */
  condition?: ClbNodeCondition | undefined;
  /** 1 to 100; used by the weighted algorithms. */
  weight?: number | undefined;
  type?: ClbNodeType | undefined;
}

/**
 * An event of the health checks of a load balancer's nodes (kept 90 days).
 * @example for await (const e of listClbNodeServiceEvents(clb, lbId)) console.log(e.created, e.description, e.detailedMessage);
 */
export interface ClbNodeServiceEvent {
  id: string;
  nodeId: string | undefined;
  loadBalancerId: string | undefined;
  type: string | undefined;
  category: string | undefined;
  severity: string | undefined;
  title: string | undefined;
  description: string | undefined;
  detailedMessage: string | undefined;
  author: string | undefined;
  callbackHost: string | undefined;
  created: Date | undefined;
  raw: ClbNodeServiceEventWire;
}

/** @internal */
export interface ClbNodeServiceEventWire {
  id: string | number;
  nodeId?: string | number;
  loadbalancerId?: string | number;
  accountId?: string | number;
  type?: string;
  category?: string;
  severity?: string;
  title?: string;
  description?: string;
  detailedMessage?: string;
  author?: string;
  callbackHost?: string;
  relativeUri?: string;
  created?: string;
  [field: string]: unknown;
}

/** @internal */
export const NODE_SERVICE_EVENT = object<ClbNodeServiceEventWire>({
  id: stringOrNumber,
  nodeId: optional(stringOrNumber),
  loadbalancerId: optional(stringOrNumber),
  accountId: optional(stringOrNumber),
  type: optional(string),
  category: optional(string),
  severity: optional(string),
  title: optional(string),
  description: optional(string),
  detailedMessage: optional(string),
  author: optional(string),
  callbackHost: optional(string),
  relativeUri: optional(string),
  created: optional(string),
});

/** @internal */
export const parseNodeServiceEvent = (w: ClbNodeServiceEventWire): ClbNodeServiceEvent => ({
  id: idOf(w.id),
  nodeId: w.nodeId === undefined ? undefined : idOf(w.nodeId),
  loadBalancerId: w.loadbalancerId === undefined ? undefined : idOf(w.loadbalancerId),
  type: w.type,
  category: w.category,
  severity: w.severity,
  title: w.title,
  description: w.description,
  detailedMessage: w.detailedMessage,
  author: w.author,
  callbackHost: w.callbackHost,
  created: w.created ? new Date(w.created) : undefined,
  raw: w,
});

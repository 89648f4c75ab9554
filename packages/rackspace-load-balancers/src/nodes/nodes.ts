import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, omitUndefined, singlePage, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import {
  CLB_DEFAULT_LIMITS,
  lbResource,
  listByMarker,
  requireClbId,
  requireEnum,
  requireIdList,
  requireList,
  requireNodeAddress,
  requireParams,
  requirePort,
  requireRange,
} from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import {
  CLB_NODE_CONDITIONS,
  CLB_NODE_TYPES,
  type ClbNode,
  type ClbNodeCondition,
  type ClbNodeInput,
  type ClbNodeServiceEvent,
  type ClbNodeServiceEventWire,
  type ClbNodeType,
  NODE,
  NODE_SERVICE_EVENT,
  parseNode,
  parseNodeServiceEvent,
} from './types.js';

const nodeResource = (lbId: string, nodeId: string) => `node "${nodeId}" of load balancer "${lbId}"`;

/** @internal a node to add, checked, in its wire form */
export function nodeBody(n: ClbNodeInput, at: string): Record<string, unknown> {
  requireParams(n, at);
  requireNodeAddress(n.address, `${at}.address`);
  requirePort(n.port, `${at}.port`);
  if (n.condition !== undefined) requireEnum(n.condition, CLB_NODE_CONDITIONS, `${at}.condition`);
  if (n.weight !== undefined) requireRange(n.weight, `${at}.weight`, 1, CLB_DEFAULT_LIMITS.nodeWeight);
  if (n.type !== undefined) requireEnum(n.type, CLB_NODE_TYPES, `${at}.type`);
  return omitUndefined({
    address: n.address,
    port: n.port,
    condition: n.condition ?? 'ENABLED',
    weight: n.weight,
    type: n.type,
  });
}

/** @internal a list of nodes to add, checked against the node limit */
export function nodesBody(nodes: unknown, field: string): Record<string, unknown>[] {
  const list = requireList<ClbNodeInput>(nodes, field, CLB_DEFAULT_LIMITS.nodes);
  return list.map((n, i) => nodeBody(n, `${field}[${i}]`));
}

/**
 * Lists the nodes of a load balancer (the service returns them in one response).
 * @example for await (const n of listClbNodes(clb, lbId)) console.log(n.id, n.address, n.status);
 */
export function listClbNodes(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): PagedIterable<ClbNode> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return singlePage(async () => {
    const res = await client.request('GET', `loadbalancers/${id}/nodes`, {
      ...options,
      resource: lbResource(id),
    });
    return unwrap(res, 'nodes', arrayOf(NODE)).map(parseNode);
  });
}

/**
 * Gets one node of a load balancer.
 * @throws NotFoundError naming the node and load balancer.
 * @example const node = await getClbNode(clb, lbId, nodeId); console.log(node.condition, node.status);
 */
export async function getClbNode(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  options?: RequestOptions,
): Promise<ClbNode> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const nid = requireClbId(nodeId, 'nodeId');
  const res = await client.request('GET', `loadbalancers/${id}/nodes/${nid}`, {
    ...options,
    resource: nodeResource(id, nid),
  });
  return parseNode(unwrap(res, 'node', NODE));
}

/**
 * Adds nodes to a load balancer (at most 25 per load balancer) and returns them with their ids.
 * The load balancer goes `PENDING_UPDATE`.
 * @throws ValidationError before any request: an address that is not an IP address (or a fully
 *   qualified name), a port outside 1–65535, a weight outside 1–100, more than 25 nodes.
 * @example
 * ```ts
 * const added = await addClbNodes(clb, lbId, [{ address: '10.1.1.5', port: 80, condition: 'DRAINING' }]);
 * await waitForClbLoadBalancerStatus(clb, lbId, 'ACTIVE');
 * ```
 */
export async function addClbNodes(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodes: ClbNodeInput[],
  options?: ClbWriteOptions,
): Promise<ClbNode[]> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const json = { nodes: nodesBody(nodes, 'nodes') };
  const res = await clbWrite(
    client,
    'POST',
    `loadbalancers/${id}/nodes`,
    { json, resource: lbResource(id) },
    options,
  );
  return unwrap(res, 'nodes', arrayOf(NODE)).map(parseNode);
}

/**
 * Changes of {@link updateClbNode}: at least one.
 * @example { condition: 'DRAINING' } or { weight: 20, type: 'SECONDARY' }
 */
export interface UpdateClbNodeParams {
  condition?: ClbNodeCondition | undefined;
  /** 1 to 100. */
  weight?: number | undefined;
  type?: ClbNodeType | undefined;
}

function nodeChanges(p: UpdateClbNodeParams, at: string): Record<string, unknown> {
  requireParams(p, at);
  if (p.condition !== undefined) requireEnum(p.condition, CLB_NODE_CONDITIONS, `${at}.condition`);
  if (p.weight !== undefined) requireRange(p.weight, `${at}.weight`, 1, CLB_DEFAULT_LIMITS.nodeWeight);
  if (p.type !== undefined) requireEnum(p.type, CLB_NODE_TYPES, `${at}.type`);
  const body = omitUndefined({ condition: p.condition, weight: p.weight, type: p.type });
  if (Object.keys(body).length === 0)
    throw new ValidationError(`${at} must change at least one of condition, weight, type`, at);
  return body;
}

/**
 * Changes a node's condition, weight or type (address and port cannot change). The load
 * balancer goes `PENDING_UPDATE`.
 * @example await updateClbNode(clb, lbId, nodeId, { condition: 'DRAINING' });
 */
export async function updateClbNode(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  params: UpdateClbNodeParams,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const nid = requireClbId(nodeId, 'nodeId');
  const json = { node: nodeChanges(params, 'params') };
  await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/nodes/${nid}`,
    { json, resource: nodeResource(id, nid) },
    options,
  );
}

/**
 * Changes several nodes in one write and returns them as updated.
 * @example
 * ```ts
 * await updateClbNodes(clb, lbId, [{ id: '50', condition: 'ENABLED' }, { id: '51', weight: 5 }]);
 * ```
 */
export async function updateClbNodes(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodes: (UpdateClbNodeParams & { id: string })[],
  options?: ClbWriteOptions,
): Promise<ClbNode[]> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const list = requireList<UpdateClbNodeParams & { id: string }>(nodes, 'nodes', CLB_DEFAULT_LIMITS.nodes);
  const json = {
    nodes: list.map((n, i) => {
      const at = `nodes[${i}]`;
      const nid = requireClbId(n?.id, `${at}.id`);
      const { id: _ignored, ...changes } = n;
      return { id: Number(nid), ...nodeChanges(changes, at) };
    }),
  };
  const res = await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/nodes`,
    { json, resource: lbResource(id) },
    options,
  );
  return unwrap(res, 'nodes', arrayOf(NODE)).map(parseNode);
}

/**
 * Removes a node from a load balancer.
 * @example await removeClbNode(clb, lbId, nodeId);
 */
export async function removeClbNode(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const nid = requireClbId(nodeId, 'nodeId');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/nodes/${nid}`,
    { resource: nodeResource(id, nid) },
    options,
  );
}

/**
 * Removes up to 10 nodes in one write; all or nothing (a 400 names the ids that could not go).
 * @example await removeClbNodes(clb, lbId, ['410', '411']);
 */
export async function removeClbNodes(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeIds: string[],
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const ids = requireIdList(nodeIds, 'nodeIds');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/nodes`,
    { searchParams: { id: ids }, resource: lbResource(id) },
    options,
  );
}

/**
 * Lists the health-check events of a load balancer's nodes (kept 90 days), lazily, by
 * `limit`/`marker` pages of up to 100.
 * @example for await (const e of listClbNodeServiceEvents(clb, lbId)) console.log(e.title, e.detailedMessage);
 */
export function listClbNodeServiceEvents(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  params: { limit?: number | undefined } = {},
  options?: RequestOptions,
): PagedIterable<ClbNodeServiceEvent> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return listByMarker<ClbNodeServiceEventWire, ClbNodeServiceEvent>({
    client,
    path: `loadbalancers/${id}/nodes/events`,
    key: 'nodeServiceEvents',
    shape: NODE_SERVICE_EVENT,
    map: parseNodeServiceEvent,
    limit: params?.limit,
    options,
    resource: lbResource(id),
  });
}

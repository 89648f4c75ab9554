import {
  type PagedIterable,
  type RequestOptions,
  type StatusWaiterOptions,
  ValidationError,
  type WaiterOptions,
} from '@cloud/core';
import { arrayOf, omitUndefined, paginate, pollForStatus, pollUntilGone, unwrap } from '@cloud/core/service';
import { networkItemsBody } from '../access-list/access-list.js';
import type { ClbNetworkItemInput } from '../access-list/types.js';
import type { RackspaceLoadBalancersClient } from '../client.js';
import { healthMonitorBody } from '../health-monitor/health-monitor.js';
import type { ClbHealthMonitorInput } from '../health-monitor/types.js';
import {
  CLB_ALGORITHMS,
  CLB_DEFAULT_LIMITS,
  CLB_PROTOCOLS,
  type ClbAlgorithm,
  type ClbProtocol,
  lbResource,
  listByMarker,
  requireBoolean,
  requireClbId,
  requireEnum,
  requireIdList,
  requireList,
  requireNodeAddress,
  requireParams,
  requirePort,
  requireRange,
  requireText,
} from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import { metadataBody } from '../metadata/metadata.js';
import { nodesBody } from '../nodes/nodes.js';
import type { ClbNodeInput } from '../nodes/types.js';
import { connectionThrottleBody } from '../settings/settings.js';
import {
  CLB_PERSISTENCE_TYPES,
  type ClbConnectionThrottleInput,
  type ClbPersistenceType,
} from '../settings/types.js';
import { CLB_IP_VERSIONS, CLB_VIRTUAL_IP_TYPES, type ClbVirtualIpInput } from '../virtual-ips/types.js';
import {
  CLB_LOAD_BALANCER_STATUSES,
  type ClbLoadBalancer,
  type ClbLoadBalancerStatus,
  type ClbLoadBalancerWire,
  LOAD_BALANCER,
  parseLoadBalancer,
} from './types.js';

/** Protocols whose port the service does not default (their listed port is 0). */
const PORT_REQUIRED: readonly string[] = ['TCP', 'TCP_CLIENT_FIRST', 'TCP_STREAM', 'UDP', 'UDP_STREAM'];

/**
 * Filters of {@link listClbLoadBalancers}.
 * @example listClbLoadBalancers(clb, { nodeAddress: '10.1.1.1' });
 */
export interface ListClbLoadBalancersParams {
  /** Load balancers with this name. */
  name?: string | undefined;
  /** Load balancers with a node of this address (takes precedence over `name` at the service). */
  nodeAddress?: string | undefined;
  /** e.g. `DELETED` to list deleted load balancers (kept 90 days). */
  status?: ClbLoadBalancerStatus | undefined;
  /** Load balancers changed since then. */
  changesSince?: Date | string | undefined;
  /** Page size, 2 to 100 (default 100). */
  limit?: number | undefined;
}

/**
 * Lists the account's load balancers (summary fields), lazily, by `limit`/`marker` pages;
 * `byPage()` pages carry a `continuationToken`.
 * @example
 * ```ts
 * for await (const lb of listClbLoadBalancers(clb, { status: 'ACTIVE' })) console.log(lb.id, lb.name, lb.nodeCount);
 * ```
 */
export function listClbLoadBalancers(
  client: RackspaceLoadBalancersClient,
  params: ListClbLoadBalancersParams = {},
  options?: RequestOptions,
): PagedIterable<ClbLoadBalancer> {
  requireParams(params);
  if (params.name !== undefined) requireText(params.name, 'name', 128);
  if (params.nodeAddress !== undefined) requireNodeAddress(params.nodeAddress, 'nodeAddress');
  if (params.status !== undefined) requireEnum(params.status, CLB_LOAD_BALANCER_STATUSES, 'status');
  return listByMarker<ClbLoadBalancerWire, ClbLoadBalancer>({
    client,
    path: 'loadbalancers',
    key: 'loadBalancers',
    shape: LOAD_BALANCER,
    map: parseLoadBalancer,
    query: {
      name: params.name,
      nodeaddress: params.nodeAddress,
      status: params.status,
      'changes-since': timestamp(params.changesSince, 'changesSince'),
    },
    limit: params.limit,
    options,
  });
}

function timestamp(value: Date | string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const d = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new ValidationError(`${field} must be a Date or an ISO 8601 timestamp`, field);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Gets a load balancer with its whole configuration (nodes, virtual IPs, monitor, throttling…).
 * Deleted load balancers are not returned (404).
 * @throws NotFoundError naming the load balancer.
 * @example const lb = await getClbLoadBalancer(clb, id); console.log(lb.status, lb.nodes?.length);
 */
export async function getClbLoadBalancer(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbLoadBalancer> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}`, { ...options, resource: lbResource(id) });
  return parseLoadBalancer(unwrap(res, 'loadBalancer', LOAD_BALANCER));
}

/**
 * A load balancer to create. Every feature can be configured at creation.
 * @example
 * ```ts
 * { name: 'web', protocol: 'HTTP', port: 80, virtualIps: [{ type: 'PUBLIC' }],
 *   nodes: [{ address: '10.1.1.1', port: 80 }, { address: '10.1.1.2', port: 80 }],
 *   healthMonitor: { type: 'CONNECT', delay: 10, timeout: 5, attemptsBeforeDeactivation: 3 } }
 * ```
 */
export interface CreateClbLoadBalancerParams {
  /** 1 to 128 characters. */
  name: string;
  protocol: ClbProtocol;
  /** 1 to 65535; required for TCP, TCP_CLIENT_FIRST, TCP_STREAM, UDP and UDP_STREAM. */
  port?: number | undefined;
  /** Default `RANDOM`. */
  algorithm?: ClbAlgorithm | undefined;
  /** Seconds, 1 to 120 (default 30). */
  timeout?: number | undefined;
  /** TCP and TCP_CLIENT_FIRST only. */
  halfClosed?: boolean | undefined;
  /** Redirect HTTP to HTTPS (HTTPS on 443, or HTTP with SSL termination on 443 and secure traffic only). */
  httpsRedirect?: boolean | undefined;
  /** At least one: a type, or the id of a virtual IP to share. */
  virtualIps: ClbVirtualIpInput[];
  /** At most 25. */
  nodes?: ClbNodeInput[] | undefined;
  /** At most 100 items. */
  accessList?: ClbNetworkItemInput[] | undefined;
  healthMonitor?: ClbHealthMonitorInput | undefined;
  sessionPersistence?: ClbPersistenceType | undefined;
  connectionThrottle?: ClbConnectionThrottleInput | undefined;
  connectionLogging?: boolean | undefined;
  contentCaching?: boolean | undefined;
  /** At most 25 items. */
  metadata?: Record<string, string> | undefined;
}

function virtualIpsBody(vips: unknown): Record<string, unknown>[] {
  const list = requireList<ClbVirtualIpInput>(vips, 'virtualIps', 2);
  return list.map((v, i) => {
    const at = `virtualIps[${i}]`;
    requireParams(v, at);
    if (v.id !== undefined) {
      if (v.type !== undefined || v.ipVersion !== undefined)
        throw new ValidationError(`${at} gives either an id to share or a type, not both`, at);
      return { id: Number(requireClbId(v.id, `${at}.id`)) };
    }
    const type = requireEnum(v.type, CLB_VIRTUAL_IP_TYPES, `${at}.type`);
    if (v.ipVersion !== undefined) requireEnum(v.ipVersion, CLB_IP_VERSIONS, `${at}.ipVersion`);
    if (type === 'SERVICENET' && v.ipVersion === 'IPV6')
      throw new ValidationError(`${at}: SERVICENET virtual IPs are IPv4 only`, `${at}.ipVersion`);
    return omitUndefined({ type, ipVersion: v.ipVersion });
  });
}

function createBody(p: CreateClbLoadBalancerParams): Record<string, unknown> {
  requireParams(p);
  requireText(p.name, 'name', 128);
  const protocol = requireEnum(p.protocol, CLB_PROTOCOLS, 'protocol');
  if (p.port !== undefined) requirePort(p.port, 'port');
  else if (PORT_REQUIRED.includes(protocol))
    throw new ValidationError(`port is required for the ${protocol} protocol`, 'port');
  if (p.algorithm !== undefined) requireEnum(p.algorithm, CLB_ALGORITHMS, 'algorithm');
  if (p.timeout !== undefined) requireRange(p.timeout, 'timeout', 1, 120);
  for (const k of ['halfClosed', 'httpsRedirect', 'connectionLogging', 'contentCaching'] as const)
    if (p[k] !== undefined) requireBoolean(p[k], k);
  if (p.sessionPersistence !== undefined)
    requireEnum(p.sessionPersistence, CLB_PERSISTENCE_TYPES, 'sessionPersistence');
  return omitUndefined({
    name: p.name,
    protocol,
    port: p.port,
    algorithm: p.algorithm,
    timeout: p.timeout,
    halfClosed: p.halfClosed,
    httpsRedirect: p.httpsRedirect,
    virtualIps: virtualIpsBody(p.virtualIps),
    nodes: p.nodes === undefined ? undefined : nodesBody(p.nodes, 'nodes'),
    accessList: p.accessList === undefined ? undefined : networkItemsBody(p.accessList, 'accessList'),
    healthMonitor:
      p.healthMonitor === undefined ? undefined : healthMonitorBody(p.healthMonitor, 'healthMonitor'),
    sessionPersistence: p.sessionPersistence && { persistenceType: p.sessionPersistence },
    connectionThrottle:
      p.connectionThrottle === undefined
        ? undefined
        : connectionThrottleBody(p.connectionThrottle, 'connectionThrottle'),
    connectionLogging: p.connectionLogging === undefined ? undefined : { enabled: p.connectionLogging },
    contentCaching: p.contentCaching === undefined ? undefined : { enabled: p.contentCaching },
    metadata: p.metadata === undefined ? undefined : metadataBody(p.metadata, 'metadata'),
  });
}

/**
 * Creates a load balancer. It starts in `BUILD`; wait for `ACTIVE` before changing it
 * ({@link waitForClbLoadBalancerStatus}).
 * @throws ValidationError before any request: an unknown protocol or algorithm, a port outside
 *   1–65535 (or missing for TCP/UDP protocols), no virtual IP, a node address that is not an IP
 *   address, more than 25 nodes or 100 access-list items, a SERVICENET IPv6 virtual IP…
 * @example
 * ```ts
 * const lb = await createClbLoadBalancer(clb, { name: 'web', protocol: 'HTTP', port: 80,
 *   virtualIps: [{ type: 'PUBLIC' }], nodes: [{ address: '10.1.1.1', port: 80 }] });
 * await waitForClbLoadBalancerStatus(clb, lb.id, 'ACTIVE');
 * ```
 */
export async function createClbLoadBalancer(
  client: RackspaceLoadBalancersClient,
  params: CreateClbLoadBalancerParams,
  options?: RequestOptions,
): Promise<ClbLoadBalancer> {
  const json = { loadBalancer: createBody(params) };
  const res = await client.request('POST', 'loadbalancers', { ...options, json });
  return parseLoadBalancer(unwrap(res, 'loadBalancer', LOAD_BALANCER));
}

/**
 * Changes of {@link updateClbLoadBalancer}: at least one.
 * @example { name: 'web-2', algorithm: 'LEAST_CONNECTIONS', timeout: 60 }
 */
export interface UpdateClbLoadBalancerParams {
  name?: string | undefined;
  /** Changing it turns session persistence off. */
  protocol?: ClbProtocol | undefined;
  port?: number | undefined;
  algorithm?: ClbAlgorithm | undefined;
  timeout?: number | undefined;
  halfClosed?: boolean | undefined;
  httpsRedirect?: boolean | undefined;
}

/**
 * Changes a load balancer's name, protocol, port, algorithm, timeout, half-closed or HTTPS
 * redirect. The load balancer goes `PENDING_UPDATE`.
 * @example
 * ```ts
 * await updateClbLoadBalancer(clb, id, { algorithm: 'WEIGHTED_ROUND_ROBIN' }, { immutableRetry: {} });
 * ```
 */
export async function updateClbLoadBalancer(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  params: UpdateClbLoadBalancerParams,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  requireParams(params);
  if (params.name !== undefined) requireText(params.name, 'name', 128);
  if (params.protocol !== undefined) requireEnum(params.protocol, CLB_PROTOCOLS, 'protocol');
  if (params.port !== undefined) requirePort(params.port, 'port');
  if (params.algorithm !== undefined) requireEnum(params.algorithm, CLB_ALGORITHMS, 'algorithm');
  if (params.timeout !== undefined) requireRange(params.timeout, 'timeout', 1, 120);
  if (params.halfClosed !== undefined) requireBoolean(params.halfClosed, 'halfClosed');
  if (params.httpsRedirect !== undefined) requireBoolean(params.httpsRedirect, 'httpsRedirect');
  const body = omitUndefined({
    name: params.name,
    protocol: params.protocol,
    port: params.port,
    algorithm: params.algorithm,
    timeout: params.timeout,
    halfClosed: params.halfClosed,
    httpsRedirect: params.httpsRedirect,
  });
  if (Object.keys(body).length === 0)
    throw new ValidationError(
      'params must change at least one of name, protocol, port, algorithm, timeout, halfClosed, httpsRedirect',
      'params',
    );
  await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}`,
    { json: { loadBalancer: body }, resource: lbResource(id) },
    options,
  );
}

/**
 * Deletes a load balancer and its configuration (it goes `PENDING_DELETE`, then `DELETED`).
 * @example
 * ```ts
 * await deleteClbLoadBalancer(clb, id);
 * await waitForClbLoadBalancerDeleted(clb, id);
 * ```
 */
export async function deleteClbLoadBalancer(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(client, 'DELETE', `loadbalancers/${id}`, { resource: lbResource(id) }, options);
}

/**
 * Deletes up to 10 load balancers in one request; all or nothing (a 400 names those that
 * cannot be deleted, and none is).
 * @example await deleteClbLoadBalancers(clb, ['71', '166']);
 */
export async function deleteClbLoadBalancers(
  client: RackspaceLoadBalancersClient,
  loadBalancerIds: string[],
  options?: ClbWriteOptions,
): Promise<void> {
  const ids = requireIdList(loadBalancerIds, 'loadBalancerIds', CLB_DEFAULT_LIMITS.batchDelete);
  await clbWrite(client, 'DELETE', 'loadbalancers', { searchParams: { id: ids } }, options);
}

/**
 * Window of {@link listClbBillableLoadBalancers}.
 * @example { startTime: new Date(Date.now() - 7 * 86_400_000), endTime: new Date() }
 */
export interface ListClbBillableLoadBalancersParams {
  startTime: Date | string;
  endTime: Date | string;
  /** Page size, 1 to 1000 (default 500). */
  limit?: number | undefined;
}

/**
 * Lists the load balancers billed in a window (up to 90 days back, deleted ones included),
 * lazily, by `limit`/`offset` pages.
 * @example
 * ```ts
 * for await (const lb of listClbBillableLoadBalancers(clb, { startTime: '2024-01-01', endTime: '2024-01-31' })) console.log(lb.name);
 * ```
 */
export function listClbBillableLoadBalancers(
  client: RackspaceLoadBalancersClient,
  params: ListClbBillableLoadBalancersParams,
  options?: RequestOptions,
): PagedIterable<ClbLoadBalancer> {
  requireParams(params);
  const startTime = timestamp(params.startTime ?? ('' as never), 'startTime');
  const endTime = timestamp(params.endTime ?? ('' as never), 'endTime');
  if (params.limit !== undefined) requireRange(params.limit, 'limit', 1, 1000);
  const limit = params.limit ?? 500;
  return paginate<ClbLoadBalancer>({
    pageSize: limit,
    fetchPage: async ({ marker, limit: size }) => {
      const offset = marker === undefined ? 0 : Number(marker);
      const res = await client.request('GET', 'loadbalancers/billable', {
        ...options,
        searchParams: { startTime, endTime, limit: size, offset: offset || undefined },
      });
      const rows = unwrap(res, 'loadBalancers', arrayOf(LOAD_BALANCER));
      return { items: rows.map(parseLoadBalancer), nextMarker: String(offset + rows.length) };
    },
  });
}

/**
 * Waits for a load balancer to reach a status, usually `ACTIVE` after a write. By default the
 * wait fails at once (WaiterFailureError, the load balancer as `lastValue`) on `ERROR` and
 * `SUSPENDED` (both need Rackspace Support) and on `PENDING_DELETE`/`DELETED`.
 * @throws ValidationError for an unknown status; WaiterFailureError; WaiterTimeoutError after
 *   `timeoutMs` (default 10 minutes); NotFoundError when the load balancer is gone.
 * @example
 * ```ts
 * await addClbNodes(clb, id, [{ address: '10.1.1.9', port: 80 }]);
 * await waitForClbLoadBalancerStatus(clb, id, 'ACTIVE', { minDelayMs: 5_000 });
 * ```
 */
export async function waitForClbLoadBalancerStatus(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  status: ClbLoadBalancerStatus | readonly ClbLoadBalancerStatus[],
  options: StatusWaiterOptions<ClbLoadBalancerStatus, ClbLoadBalancer> = {},
): Promise<ClbLoadBalancer> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return pollForStatus<ClbLoadBalancer, ClbLoadBalancerStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR', 'SUSPENDED', 'PENDING_DELETE', 'DELETED'],
    knownStatuses: CLB_LOAD_BALANCER_STATUSES,
    resource: lbResource(id),
    fetch: (signal) => getClbLoadBalancer(client, id, { ...options.request, signal }),
    statusOf: (lb) => lb.status,
    failureDetail: (lb) => {
      const note = typeof lb.raw.statusDescription === 'string' ? lb.raw.statusDescription : undefined;
      const support =
        lb.status === 'ERROR' || lb.status === 'SUSPENDED'
          ? 'the service asks to contact Rackspace Support'
          : undefined;
      return [note, support].filter(Boolean).join('; ') || undefined;
    },
  });
}

/**
 * Waits until a deleted load balancer is gone: a 404, or the status `DELETED`. A load balancer
 * that turns `ERROR` instead fails the wait.
 * @example
 * ```ts
 * await deleteClbLoadBalancer(clb, id);
 * await waitForClbLoadBalancerDeleted(clb, id, { timeoutMs: 300_000 });
 * ```
 */
export async function waitForClbLoadBalancerDeleted(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options: WaiterOptions<ClbLoadBalancer> & { request?: Omit<RequestOptions, 'signal'> | undefined } = {},
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const { request, ...rest } = options;
  await pollUntilGone<ClbLoadBalancer>({
    ...rest,
    description: `${lbResource(id)} to be deleted`,
    fetch: (signal) => getClbLoadBalancer(client, id, { ...request, signal }),
    gone: (lb) => lb.status === 'DELETED',
    failure: (lb) => (lb.status === 'ERROR' ? `${lbResource(id)} is ERROR` : undefined),
  });
}

import { isIP } from 'node:net';
import { type RequestOptions, toArray, ValidationError, type WaiterOptions } from '@cloud/core';
import {
  createHealthMonitor,
  createListener,
  createLoadBalancer,
  createLoadBalancerClient,
  createMember,
  createPool,
  deleteHealthMonitor,
  deleteLoadBalancer,
  deleteMember,
  getHealthMonitor,
  getListener,
  getLoadBalancer,
  getPool,
  type HealthMonitor,
  type Listener,
  type LoadBalancer,
  type LoadBalancerClient,
  listListeners,
  listLoadBalancers,
  listMembers,
  listPools,
  type Member,
  type Pool,
  updateLoadBalancer,
  updateMember,
  updatePool,
  waitForLoadBalancerDeleted,
  waitForLoadBalancerStatus,
} from '@cloud/openstack-load-balancer';
import {
  addClbNodes,
  type ClbHealthMonitor,
  type ClbLoadBalancer,
  type ClbNode,
  createClbLoadBalancer,
  createRackspaceLoadBalancersClient,
  deleteClbHealthMonitor,
  deleteClbLoadBalancer,
  getClbHealthMonitor,
  getClbLoadBalancer,
  listClbLoadBalancers,
  listClbNodes,
  type RackspaceLoadBalancersClient,
  removeClbNode,
  setClbHealthMonitor,
  updateClbLoadBalancer,
  updateClbNode,
  waitForClbLoadBalancerDeleted,
  waitForClbLoadBalancerStatus,
} from '@cloud/rackspace-load-balancers';
import {
  LOAD_BALANCER_CAPABILITIES,
  type LoadBalancerCapabilitiesOf,
  normalizeLoadBalancerStatus,
  type ProviderHealthCheck,
  type ProviderHealthCheckType,
  type ProviderLoadBalancer,
  type ProviderLoadBalancerAlgorithm,
  type ProviderLoadBalancerCapabilities,
  type ProviderLoadBalancerNode,
  type ProviderLoadBalancerProtocol,
  type ProviderNodeCondition,
} from './load-balancers-models.js';
import type { ProviderName } from './options.js';
import { idOf, optionalIdOf, type ProviderIdRef, requireParams } from './refs.js';
import type { ProviderContext } from './session.js';

/**
 * Per-call options of the load-balancer client's writes: the usual request options, plus how
 * they wait for the load balancer to be `ACTIVE` again (or gone). `signal` also ends the wait.
 * @example await lb.addNodes(balancer, [{ address: '10.0.0.5', port: 80 }], { wait: { timeoutMs: 600_000 } });
 */
export interface ProviderLoadBalancerRequestOptions extends RequestOptions {
  /** Timeout and poll delays of the wait that follows every write. */
  wait?: Omit<WaiterOptions, 'signal' | 'onPoll'> | undefined;
}

/** A load balancer given by id, or one a method returned. */
export type ProviderLoadBalancerRef = ProviderIdRef | ProviderLoadBalancer;
/** A node given by id, or one a method returned. */
export type ProviderLoadBalancerNodeRef = ProviderIdRef | ProviderLoadBalancerNode;

/** A node to add: its IP address and port, with optional weight and condition. */
export interface ProviderLoadBalancerNodeParams {
  /** An IPv4 or IPv6 address (not a host name). */
  address: string;
  /** 1–65535. */
  port: number;
  /** Within `capabilities.minWeight`–`maxWeight`; the cloud's default when omitted. */
  weight?: number | undefined;
  /** One of `capabilities.nodeConditions`; `ENABLED` when omitted. */
  condition?: ProviderNodeCondition | undefined;
}

/** Parameters of {@link ProviderLoadBalancersClient.createLoadBalancer}. */
export interface ProviderCreateLoadBalancerParams {
  name: string;
  /** One of `capabilities.protocols`. */
  protocol: ProviderLoadBalancerProtocol;
  /** The port it listens on, 1–65535. */
  port: number;
  /** One of `capabilities.algorithms`; `ROUND_ROBIN` when omitted. */
  algorithm?: ProviderLoadBalancerAlgorithm | undefined;
  /** The nodes to start with. */
  nodes?: readonly ProviderLoadBalancerNodeParams[] | undefined;
  /**
   * OpenStack: the Neutron subnet the VIP is taken from (also where members are reached). Either
   * this or `network` is required there (`capabilities.requiresSubnet`); Rackspace ignores it.
   */
  subnetId?: ProviderIdRef | undefined;
  /** OpenStack: the Neutron network the VIP is taken from, when no `subnetId` is given. */
  network?: ProviderIdRef | undefined;
}

/** Parameters of {@link ProviderLoadBalancersClient.updateLoadBalancer}. */
export interface ProviderUpdateLoadBalancerParams {
  name?: string | undefined;
  /** One of `capabilities.algorithms`. */
  algorithm?: ProviderLoadBalancerAlgorithm | undefined;
}

/** Parameters of {@link ProviderLoadBalancersClient.updateNode}. */
export interface ProviderUpdateNodeParams {
  weight?: number | undefined;
  condition?: ProviderNodeCondition | undefined;
}

/** Parameters of {@link ProviderLoadBalancersClient.setHealthCheck}. */
export interface ProviderHealthCheckParams {
  type: ProviderHealthCheckType;
  /** Seconds between checks, 1–3600. */
  delay: number;
  /** Seconds a check may take, 1–300 (and not above `delay` on OpenStack). */
  timeout: number;
  /** Failed checks before a node is taken out, 1–10. */
  attempts: number;
  /** HTTP(S) only: the path requested (`/` when omitted), starting with `/`. */
  path?: string | undefined;
}

/**
 * Load balancers, their nodes and health check, the same on every provider (OpenStack Octavia,
 * Rackspace Cloud Load Balancers), in the shape of pkgcloud's `loadbalancer` service with
 * promises.
 *
 * On OpenStack a neutral load balancer is an Octavia load balancer with one listener (the
 * protocol and port) and one pool (the algorithm, the members, the health monitor); every write
 * waits for the load balancer to be `ACTIVE` before the next one, since Octavia refuses writes
 * (409) while it is `PENDING_*`. On Rackspace it maps 1:1 to a Cloud Load Balancer, and every write
 * waits for `ACTIVE` too. Deletes wait until it is gone.
 *
 * Bad input (a port outside 1–65535, a protocol, algorithm or condition the provider does not
 * take, a node address that is not an IP, a weight outside the provider's range, a missing VIP
 * subnet on OpenStack) throws `ValidationError` naming the field before any request.
 * @example
 * ```ts
 * const lbs = providers.openstack.loadBalancers(options);
 * const lb = await lbs.createLoadBalancer({ name: 'web', protocol: 'HTTP', port: 80, subnetId,
 *   nodes: [{ address: '10.0.0.11', port: 8080 }] });
 * await lbs.setHealthCheck(lb, { type: 'HTTP', delay: 10, timeout: 5, attempts: 3, path: '/health' });
 * ```
 */
export interface ProviderLoadBalancersClient<P extends ProviderName = ProviderName> {
  /** Which cloud this client talks to. */
  readonly provider: P;
  /** The underlying client, for everything else the load-balancer packages offer. */
  readonly client: P extends 'rackspace'
    ? RackspaceLoadBalancersClient
    : P extends 'openstack'
      ? LoadBalancerClient
      : LoadBalancerClient | RackspaceLoadBalancersClient;
  /** What this provider does differently; see {@link ProviderLoadBalancerCapabilities}. */
  readonly capabilities: LoadBalancerCapabilitiesOf<P>;
  /** Lists the load balancers. */
  getLoadBalancers(options?: RequestOptions): Promise<ProviderLoadBalancer[]>;
  /** @throws NotFoundError when there is no such load balancer. */
  getLoadBalancer(
    loadBalancer: ProviderLoadBalancerRef,
    options?: RequestOptions,
  ): Promise<ProviderLoadBalancer>;
  /** Creates a load balancer with its protocol, port and nodes, and waits until it is `ACTIVE`. */
  createLoadBalancer(
    params: ProviderCreateLoadBalancerParams,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<ProviderLoadBalancer>;
  /** Renames it or changes its algorithm, and waits until it is `ACTIVE`. */
  updateLoadBalancer(
    loadBalancer: ProviderLoadBalancerRef,
    params: ProviderUpdateLoadBalancerParams,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<ProviderLoadBalancer>;
  /** Deletes it with its nodes and health check, and waits until it is gone. */
  deleteLoadBalancer(
    loadBalancer: ProviderLoadBalancerRef,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<void>;
  /**
   * Waits until the load balancer is `ACTIVE` (writes already do).
   * @throws WaiterFailureError when it goes `ERROR`.
   */
  waitForLoadBalancer(
    loadBalancer: ProviderLoadBalancerRef,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<ProviderLoadBalancer>;
  /** Waits until the load balancer is gone. */
  waitForLoadBalancerDeleted(
    loadBalancer: ProviderLoadBalancerRef,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<void>;
  /** Lists its nodes. */
  getNodes(
    loadBalancer: ProviderLoadBalancerRef,
    options?: RequestOptions,
  ): Promise<ProviderLoadBalancerNode[]>;
  /** Adds nodes and waits until the load balancer is `ACTIVE`; returns the added nodes. */
  addNodes(
    loadBalancer: ProviderLoadBalancerRef,
    nodes: readonly ProviderLoadBalancerNodeParams[],
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<ProviderLoadBalancerNode[]>;
  /** Changes a node's weight or condition and waits until the load balancer is `ACTIVE`. */
  updateNode(
    loadBalancer: ProviderLoadBalancerRef,
    node: ProviderLoadBalancerNodeRef,
    params: ProviderUpdateNodeParams,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<ProviderLoadBalancerNode>;
  /** Removes a node and waits until the load balancer is `ACTIVE`. */
  removeNode(
    loadBalancer: ProviderLoadBalancerRef,
    node: ProviderLoadBalancerNodeRef,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<void>;
  /** The health check, or `undefined` when there is none. */
  getHealthCheck(
    loadBalancer: ProviderLoadBalancerRef,
    options?: RequestOptions,
  ): Promise<ProviderHealthCheck | undefined>;
  /** Sets (creates or replaces) the health check and waits until the load balancer is `ACTIVE`. */
  setHealthCheck(
    loadBalancer: ProviderLoadBalancerRef,
    params: ProviderHealthCheckParams,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<ProviderHealthCheck>;
  /** Removes the health check (nothing when there is none) and waits until `ACTIVE`. */
  removeHealthCheck(
    loadBalancer: ProviderLoadBalancerRef,
    options?: ProviderLoadBalancerRequestOptions,
  ): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Validation, shared

const HEALTH_TYPES: readonly string[] = ['CONNECT', 'HTTP', 'HTTPS'];

function portOf(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535)
    throw new ValidationError(`${field} must be an integer port from 1 to 65535`, field);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, provider: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new ValidationError(`${field} must be one of ${allowed.join(', ')} on ${provider}`, field);
  return value as T;
}

function intIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ValidationError(`${field} must be an integer from ${min} to ${max}`, field);
  return value;
}

function nameOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 128)
    throw new ValidationError(`${field} must be a non-empty string of at most 128 characters`, field);
  return value;
}

interface CheckedNode {
  address: string;
  port: number;
  weight: number | undefined;
  condition: ProviderNodeCondition;
}

function checkNodes(
  nodes: unknown,
  caps: ProviderLoadBalancerCapabilities,
  provider: string,
  field: string,
): CheckedNode[] {
  if (!Array.isArray(nodes)) throw new ValidationError(`${field} must be an array`, field);
  return nodes.map((n: ProviderLoadBalancerNodeParams, i) => {
    const at = `${field}[${i}]`;
    requireParams(n, at);
    if (typeof n.address !== 'string' || isIP(n.address) === 0)
      throw new ValidationError(`${at}.address must be an IPv4 or IPv6 address`, `${at}.address`);
    return {
      address: n.address,
      port: portOf(n.port, `${at}.port`),
      weight:
        n.weight === undefined ? undefined : intIn(n.weight, `${at}.weight`, caps.minWeight, caps.maxWeight),
      condition:
        n.condition === undefined
          ? 'ENABLED'
          : oneOf(n.condition, caps.nodeConditions, `${at}.condition`, provider),
    };
  });
}

function checkHealth(params: ProviderHealthCheckParams): ProviderHealthCheckParams {
  requireParams(params);
  const type = oneOf(params.type, HEALTH_TYPES, 'type', 'any provider') as ProviderHealthCheckType;
  const delay = intIn(params.delay, 'delay', 1, 3600);
  const timeout = intIn(params.timeout, 'timeout', 1, 300);
  const attempts = intIn(params.attempts, 'attempts', 1, 10);
  if (
    params.path !== undefined &&
    (type === 'CONNECT' || typeof params.path !== 'string' || !params.path.startsWith('/'))
  )
    throw new ValidationError('path must start with "/" and is for HTTP and HTTPS checks only', 'path');
  return { type, delay, timeout, attempts, path: type === 'CONNECT' ? undefined : (params.path ?? '/') };
}

const waitOf = (options: ProviderLoadBalancerRequestOptions | undefined) => {
  const { wait, ...request } = options ?? {};
  return { wait: { ...wait, signal: request.signal }, request };
};

// ---------------------------------------------------------------------------------------------
// OpenStack Octavia: load balancer + listener + pool (+ members + health monitor)

const conditionOfMember = (m: Member): ProviderNodeCondition => (m.adminStateUp ? 'ENABLED' : 'DISABLED');

const fromOctavia = (
  lb: LoadBalancer,
  listener: Listener | undefined,
  pool: Pool | undefined,
): ProviderLoadBalancer => ({
  provider: 'openstack',
  id: lb.id,
  name: lb.name,
  status: normalizeLoadBalancerStatus(lb.provisioningStatus),
  providerStatus: lb.provisioningStatus,
  protocol: listener?.protocol,
  port: listener?.protocolPort,
  algorithm: pool?.lbAlgorithm,
  address: lb.vipAddress,
  createdAt: lb.createdAt,
  updatedAt: lb.updatedAt,
});

const fromMember = (loadBalancerId: string, m: Member): ProviderLoadBalancerNode => ({
  provider: 'openstack',
  id: m.id,
  loadBalancerId,
  address: m.address,
  port: m.protocolPort,
  weight: m.weight,
  condition: conditionOfMember(m),
  health: m.operatingStatus,
});

const OCTAVIA_HEALTH: Record<string, ProviderHealthCheckType> = {
  TCP: 'CONNECT',
  'UDP-CONNECT': 'CONNECT',
  HTTP: 'HTTP',
  HTTPS: 'HTTPS',
};

const fromMonitor = (h: HealthMonitor): ProviderHealthCheck => ({
  type: OCTAVIA_HEALTH[h.type] ?? h.type,
  delay: h.delay,
  timeout: h.timeout,
  attempts: h.maxRetries,
  path: h.urlPath,
});

function openstackLoadBalancersClient(ctx: ProviderContext): ProviderLoadBalancersClient<'openstack'> {
  const caps = LOAD_BALANCER_CAPABILITIES.openstack;
  const client = createLoadBalancerClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  const active = async (id: string, options: ProviderLoadBalancerRequestOptions | undefined) => {
    const { wait, request } = waitOf(options);
    return waitForLoadBalancerStatus(client, id, 'ACTIVE', { ...wait, request });
  };
  /** The load balancer with its first listener and pool. */
  const parts = async (id: string, options: RequestOptions | undefined, lb?: LoadBalancer) => {
    const found = lb ?? (await getLoadBalancer(client, id, options));
    const listener = found.listeners[0] ? await getListener(client, found.listeners[0], options) : undefined;
    const poolId = listener?.defaultPoolId ?? found.pools[0];
    const pool = poolId ? await getPool(client, poolId, options) : undefined;
    return { lb: found, listener, pool };
  };
  const neutral = async (id: string, options: RequestOptions | undefined, lb?: LoadBalancer) => {
    const p = await parts(id, options, lb);
    return fromOctavia(p.lb, p.listener, p.pool);
  };
  const poolOf = async (id: string, options: RequestOptions | undefined) => {
    const { pool } = await parts(id, options);
    if (!pool)
      throw new ValidationError(
        `load balancer "${id}" has no pool: it was not made by createLoadBalancer`,
        'loadBalancer',
      );
    return pool;
  };
  const addMember = async (
    lbId: string,
    poolId: string,
    subnetId: string | undefined,
    n: CheckedNode,
    options: ProviderLoadBalancerRequestOptions | undefined,
  ) => {
    const { request } = waitOf(options);
    const m = await createMember(
      client,
      poolId,
      {
        address: n.address,
        protocolPort: n.port,
        weight: n.weight,
        adminStateUp: n.condition === 'ENABLED',
        subnetId,
      },
      request,
    );
    await active(lbId, options);
    return m;
  };
  const monitorType = (type: ProviderHealthCheckType, protocol: string) =>
    type === 'CONNECT' ? (protocol === 'UDP' ? 'UDP-CONNECT' : 'TCP') : type;

  return {
    provider: 'openstack',
    client,
    capabilities: caps,
    async getLoadBalancers(options) {
      const [lbs, listeners, pools] = await Promise.all([
        toArray(listLoadBalancers(client, {}, options)),
        toArray(listListeners(client, {}, options)),
        toArray(listPools(client, {}, options)),
      ]);
      return lbs.map((lb) => {
        const listener = listeners.find((l) => l.id === lb.listeners[0]);
        const poolId = listener?.defaultPoolId ?? lb.pools[0];
        return fromOctavia(
          lb,
          listener,
          pools.find((p) => p.id === poolId),
        );
      });
    },
    getLoadBalancer: async (loadBalancer, options) => neutral(idOf(loadBalancer, 'loadBalancer'), options),
    async createLoadBalancer(params, options) {
      requireParams(params);
      const name = nameOf(params.name, 'name');
      const protocol = oneOf(params.protocol, caps.protocols, 'protocol', 'openstack');
      const port = portOf(params.port, 'port');
      const algorithm = oneOf(params.algorithm ?? 'ROUND_ROBIN', caps.algorithms, 'algorithm', 'openstack');
      const nodes = checkNodes(params.nodes ?? [], caps, 'openstack', 'nodes');
      const vipSubnetId = optionalIdOf(params.subnetId, 'subnetId');
      const vipNetworkId = optionalIdOf(params.network, 'network');
      if (!vipSubnetId && !vipNetworkId)
        throw new ValidationError(
          'openstack needs subnetId (or network) for the VIP (capabilities.requiresSubnet)',
          'subnetId',
        );
      const { request } = waitOf(options);
      const created = await createLoadBalancer(client, { name, vipSubnetId, vipNetworkId }, request);
      await active(created.id, options);
      const listener = await createListener(
        client,
        { loadBalancerId: created.id, name, protocol, protocolPort: port },
        request,
      );
      await active(created.id, options);
      const pool = await createPool(
        client,
        { listenerId: listener.id, name, protocol, lbAlgorithm: algorithm },
        request,
      );
      await active(created.id, options);
      for (const n of nodes) await addMember(created.id, pool.id, vipSubnetId, n, options);
      return neutral(created.id, request);
    },
    async updateLoadBalancer(loadBalancer, params, options) {
      requireParams(params);
      const id = idOf(loadBalancer, 'loadBalancer');
      const name = params.name === undefined ? undefined : nameOf(params.name, 'name');
      const algorithm =
        params.algorithm === undefined
          ? undefined
          : oneOf(params.algorithm, caps.algorithms, 'algorithm', 'openstack');
      const { request } = waitOf(options);
      if (name !== undefined) {
        await updateLoadBalancer(client, id, { name }, request);
        await active(id, options);
      }
      if (algorithm !== undefined) {
        const pool = await poolOf(id, request);
        await updatePool(client, pool.id, { lbAlgorithm: algorithm }, request);
        await active(id, options);
      }
      return neutral(id, request);
    },
    async deleteLoadBalancer(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const { wait, request } = waitOf(options);
      await deleteLoadBalancer(client, id, { ...request, cascade: true });
      await waitForLoadBalancerDeleted(client, id, { ...wait, request });
    },
    async waitForLoadBalancer(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      return neutral(id, waitOf(options).request, await active(id, options));
    },
    async waitForLoadBalancerDeleted(loadBalancer, options) {
      const { wait, request } = waitOf(options);
      await waitForLoadBalancerDeleted(client, idOf(loadBalancer, 'loadBalancer'), { ...wait, request });
    },
    async getNodes(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const pool = await poolOf(id, options);
      return (await toArray(listMembers(client, pool.id, {}, options))).map((m) => fromMember(id, m));
    },
    async addNodes(loadBalancer, nodes, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const checked = checkNodes(nodes, caps, 'openstack', 'nodes');
      const { request } = waitOf(options);
      const { lb, pool } = await parts(id, request);
      if (!pool) throw new ValidationError(`load balancer "${id}" has no pool`, 'loadBalancer');
      const added: ProviderLoadBalancerNode[] = [];
      for (const n of checked)
        added.push(fromMember(id, await addMember(id, pool.id, lb.vipSubnetId, n, options)));
      return added;
    },
    async updateNode(loadBalancer, node, params, options) {
      requireParams(params);
      const id = idOf(loadBalancer, 'loadBalancer');
      const nodeId = idOf(node, 'node');
      const weight =
        params.weight === undefined
          ? undefined
          : intIn(params.weight, 'weight', caps.minWeight, caps.maxWeight);
      const condition =
        params.condition === undefined
          ? undefined
          : oneOf(params.condition, caps.nodeConditions, 'condition', 'openstack');
      const { request } = waitOf(options);
      const pool = await poolOf(id, request);
      await updateMember(
        client,
        pool.id,
        nodeId,
        { weight, adminStateUp: condition && condition === 'ENABLED' },
        request,
      );
      await active(id, options);
      const members = await toArray(listMembers(client, pool.id, {}, request));
      const updated = members.find((m) => m.id === nodeId);
      if (!updated)
        throw new ValidationError(`node "${nodeId}" is not a member of load balancer "${id}"`, 'node');
      return fromMember(id, updated);
    },
    async removeNode(loadBalancer, node, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const nodeId = idOf(node, 'node');
      const { request } = waitOf(options);
      const pool = await poolOf(id, request);
      await deleteMember(client, pool.id, nodeId, request);
      await active(id, options);
    },
    async getHealthCheck(loadBalancer, options) {
      const pool = await poolOf(idOf(loadBalancer, 'loadBalancer'), options);
      return pool.healthMonitorId
        ? fromMonitor(await getHealthMonitor(client, pool.healthMonitorId, options))
        : undefined;
    },
    async setHealthCheck(loadBalancer, params, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const check = checkHealth(params);
      if (check.timeout > check.delay)
        throw new ValidationError('timeout must not be above delay on openstack', 'timeout');
      const { request } = waitOf(options);
      const pool = await poolOf(id, request);
      // Octavia cannot change a monitor's type: the old one is replaced.
      if (pool.healthMonitorId) {
        await deleteHealthMonitor(client, pool.healthMonitorId, request);
        await active(id, options);
      }
      const http = check.type !== 'CONNECT';
      const created = await createHealthMonitor(
        client,
        {
          poolId: pool.id,
          type: monitorType(check.type, pool.protocol),
          delay: check.delay,
          timeout: check.timeout,
          maxRetries: check.attempts,
          urlPath: http ? check.path : undefined,
        },
        request,
      );
      await active(id, options);
      return fromMonitor(await getHealthMonitor(client, created.id, request));
    },
    async removeHealthCheck(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const { request } = waitOf(options);
      const pool = await poolOf(id, request);
      if (!pool.healthMonitorId) return;
      await deleteHealthMonitor(client, pool.healthMonitorId, request);
      await active(id, options);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rackspace Cloud Load Balancers: 1:1

const fromClb = (lb: ClbLoadBalancer): ProviderLoadBalancer => ({
  provider: 'rackspace',
  id: lb.id,
  name: lb.name,
  status: normalizeLoadBalancerStatus(lb.status),
  providerStatus: lb.status,
  protocol: lb.protocol,
  port: lb.port,
  algorithm: lb.algorithm,
  address: lb.virtualIps[0]?.address,
  createdAt: lb.created,
  updatedAt: lb.updated,
});

const fromClbNode = (loadBalancerId: string, n: ClbNode): ProviderLoadBalancerNode => ({
  provider: 'rackspace',
  id: n.id,
  loadBalancerId,
  address: n.address,
  port: n.port,
  weight: n.weight,
  condition: n.condition,
  health: n.status,
});

const fromClbMonitor = (h: ClbHealthMonitor): ProviderHealthCheck => ({
  type: h.type,
  delay: h.delay,
  timeout: h.timeout,
  attempts: h.attemptsBeforeDeactivation,
  path: h.path,
});

function rackspaceLoadBalancersClient(ctx: ProviderContext): ProviderLoadBalancersClient<'rackspace'> {
  const caps = LOAD_BALANCER_CAPABILITIES.rackspace;
  const client = createRackspaceLoadBalancersClient(ctx.session, {
    region: ctx.region,
    interface: ctx.interface,
  });
  const active = async (id: string, options: ProviderLoadBalancerRequestOptions | undefined) => {
    const { wait, request } = waitOf(options);
    const { signal: _signal, ...perPoll } = request;
    return fromClb(await waitForClbLoadBalancerStatus(client, id, 'ACTIVE', { ...wait, request: perPoll }));
  };
  const nodeBody = (n: CheckedNode) => ({
    address: n.address,
    port: n.port,
    weight: n.weight,
    condition: n.condition,
  });

  return {
    provider: 'rackspace',
    client,
    capabilities: caps,
    getLoadBalancers: async (options) =>
      (await toArray(listClbLoadBalancers(client, {}, options))).map(fromClb),
    getLoadBalancer: async (loadBalancer, options) =>
      fromClb(await getClbLoadBalancer(client, idOf(loadBalancer, 'loadBalancer'), options)),
    async createLoadBalancer(params, options) {
      requireParams(params);
      const name = nameOf(params.name, 'name');
      const protocol = oneOf(params.protocol, caps.protocols, 'protocol', 'rackspace');
      const port = portOf(params.port, 'port');
      const algorithm = oneOf(params.algorithm ?? 'ROUND_ROBIN', caps.algorithms, 'algorithm', 'rackspace');
      const nodes = checkNodes(params.nodes ?? [], caps, 'rackspace', 'nodes');
      optionalIdOf(params.subnetId, 'subnetId');
      optionalIdOf(params.network, 'network');
      const { request } = waitOf(options);
      const created = await createClbLoadBalancer(
        client,
        {
          name,
          protocol,
          port,
          algorithm,
          virtualIps: [{ type: 'PUBLIC' }],
          nodes: nodes.length ? nodes.map(nodeBody) : undefined,
        },
        request,
      );
      return active(created.id, options);
    },
    async updateLoadBalancer(loadBalancer, params, options) {
      requireParams(params);
      const id = idOf(loadBalancer, 'loadBalancer');
      const name = params.name === undefined ? undefined : nameOf(params.name, 'name');
      const algorithm =
        params.algorithm === undefined
          ? undefined
          : oneOf(params.algorithm, caps.algorithms, 'algorithm', 'rackspace');
      const { request } = waitOf(options);
      if (name !== undefined || algorithm !== undefined)
        await updateClbLoadBalancer(client, id, { name, algorithm }, request);
      return active(id, options);
    },
    async deleteLoadBalancer(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const { wait, request } = waitOf(options);
      await deleteClbLoadBalancer(client, id, request);
      const { signal: _signal, ...perPoll } = request;
      await waitForClbLoadBalancerDeleted(client, id, { ...wait, request: perPoll });
    },
    waitForLoadBalancer: async (loadBalancer, options) => active(idOf(loadBalancer, 'loadBalancer'), options),
    async waitForLoadBalancerDeleted(loadBalancer, options) {
      const { wait, request } = waitOf(options);
      const { signal: _signal, ...perPoll } = request;
      await waitForClbLoadBalancerDeleted(client, idOf(loadBalancer, 'loadBalancer'), {
        ...wait,
        request: perPoll,
      });
    },
    async getNodes(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      return (await toArray(listClbNodes(client, id, options))).map((n) => fromClbNode(id, n));
    },
    async addNodes(loadBalancer, nodes, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const checked = checkNodes(nodes, caps, 'rackspace', 'nodes');
      const { request } = waitOf(options);
      const added = await addClbNodes(client, id, checked.map(nodeBody), request);
      await active(id, options);
      return added.map((n) => fromClbNode(id, n));
    },
    async updateNode(loadBalancer, node, params, options) {
      requireParams(params);
      const id = idOf(loadBalancer, 'loadBalancer');
      const nodeId = idOf(node, 'node');
      const weight =
        params.weight === undefined
          ? undefined
          : intIn(params.weight, 'weight', caps.minWeight, caps.maxWeight);
      const condition =
        params.condition === undefined
          ? undefined
          : oneOf(params.condition, caps.nodeConditions, 'condition', 'rackspace');
      const { request } = waitOf(options);
      await updateClbNode(client, id, nodeId, { weight, condition }, request);
      await active(id, options);
      const nodes = await toArray(listClbNodes(client, id, request));
      const updated = nodes.find((n) => n.id === nodeId);
      if (!updated)
        throw new ValidationError(`node "${nodeId}" is not a node of load balancer "${id}"`, 'node');
      return fromClbNode(id, updated);
    },
    async removeNode(loadBalancer, node, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const nodeId = idOf(node, 'node');
      const { request } = waitOf(options);
      await removeClbNode(client, id, nodeId, request);
      await active(id, options);
    },
    async getHealthCheck(loadBalancer, options) {
      const found = await getClbHealthMonitor(client, idOf(loadBalancer, 'loadBalancer'), options);
      return found && fromClbMonitor(found);
    },
    async setHealthCheck(loadBalancer, params, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const check = checkHealth(params);
      const { request } = waitOf(options);
      await setClbHealthMonitor(
        client,
        id,
        {
          type: check.type,
          delay: check.delay,
          timeout: check.timeout,
          attemptsBeforeDeactivation: check.attempts,
          ...(check.type === 'CONNECT' ? {} : { path: check.path, statusRegex: '^[23][0-9][0-9]$' }),
        },
        request,
      );
      await active(id, options);
      const found = await getClbHealthMonitor(client, id, request);
      return found ? fromClbMonitor(found) : { ...check, path: check.path };
    },
    async removeHealthCheck(loadBalancer, options) {
      const id = idOf(loadBalancer, 'loadBalancer');
      const { request } = waitOf(options);
      if (!(await getClbHealthMonitor(client, id, request))) return;
      await deleteClbHealthMonitor(client, id, request);
      await active(id, options);
    },
  };
}

/** Builds the provider-neutral load-balancer client of `ctx.provider`. @internal */
export function createProviderLoadBalancers<P extends 'openstack' | 'rackspace'>(
  ctx: ProviderContext & { provider: P },
): ProviderLoadBalancersClient<P> {
  return (
    ctx.provider === 'rackspace' ? rackspaceLoadBalancersClient(ctx) : openstackLoadBalancersClient(ctx)
  ) as ProviderLoadBalancersClient<P>;
}

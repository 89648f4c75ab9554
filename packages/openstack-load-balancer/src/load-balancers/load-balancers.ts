import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid, unwrap } from '@cloud/core/service';
import type { LoadBalancerClient, LoadBalancerServiceRequest } from '../client.js';
import type {
  LoadBalancerDeletionWaiterOptions,
  LoadBalancerListParams,
  LoadBalancerRequestOptions,
  OperatingStatus,
  ProvisioningStatus,
  ProvisioningWaiterOptions,
} from '../internal/common.js';
import {
  deleteResource,
  getResource,
  itemPath,
  listResources,
  waitForGone,
  waitForProvisioning,
  writeResource,
} from '../internal/rest.js';
import {
  optArray,
  optBool,
  optIp,
  optString,
  optTags,
  optUuid,
  requireChange,
  requireParams,
} from '../internal/validate.js';
import {
  LOAD_BALANCER,
  type LoadBalancer,
  type LoadBalancerStats,
  type LoadBalancerStatusTree,
  parseStats,
  parseStatusTree,
  STATS,
  STATUS_TREE,
} from './types.js';
import { LOAD_BALANCERS_PATH } from './urls.js';

const path = (id: string) => itemPath(LOAD_BALANCERS_PATH, id);
const what = (id: string) => `load balancer "${id}"`;

/**
 * Filters of {@link listLoadBalancers}. Any other attribute goes in `filters`.
 * @example listLoadBalancers(client, { provisioningStatus: 'ACTIVE', vipSubnetId: subnetId });
 */
export interface ListLoadBalancersParams extends LoadBalancerListParams {
  name?: string | undefined;
  projectId?: string | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
  operatingStatus?: OperatingStatus | undefined;
  vipAddress?: string | undefined;
  vipSubnetId?: string | undefined;
  vipNetworkId?: string | undefined;
  vipPortId?: string | undefined;
  provider?: string | undefined;
  flavorId?: string | undefined;
  availabilityZone?: string | undefined;
}

/**
 * Lists load balancers, lazily, following Octavia's `loadbalancers_links` pages.
 * @example
 * ```ts
 * for await (const lb of listLoadBalancers(client, { provisioningStatus: 'ERROR' })) console.log(lb.id);
 * ```
 */
export function listLoadBalancers(
  client: LoadBalancerClient,
  params?: ListLoadBalancersParams,
  options?: RequestOptions,
): PagedIterable<LoadBalancer> {
  const p = params ?? {};
  return listResources(
    client,
    LOAD_BALANCER,
    LOAD_BALANCERS_PATH,
    params,
    {
      name: optString(p.name, 'name'),
      project_id: optString(p.projectId, 'projectId'),
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
      operating_status: optString(p.operatingStatus, 'operatingStatus'),
      vip_address: optIp(p.vipAddress, 'vipAddress') ?? undefined,
      vip_subnet_id: optUuid(p.vipSubnetId, 'vipSubnetId') ?? undefined,
      vip_network_id: optUuid(p.vipNetworkId, 'vipNetworkId') ?? undefined,
      vip_port_id: optUuid(p.vipPortId, 'vipPortId') ?? undefined,
      provider: optString(p.provider, 'provider'),
      flavor_id: optUuid(p.flavorId, 'flavorId') ?? undefined,
      availability_zone: optString(p.availabilityZone, 'availabilityZone'),
    },
    options,
  );
}

/**
 * Reads one load balancer.
 * @throws NotFoundError when there is no such load balancer.
 * @example const lb = await getLoadBalancer(client, id);
 */
export async function getLoadBalancer(
  client: LoadBalancerClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<LoadBalancer> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  return getResource(client, LOAD_BALANCER, path(loadBalancerId), what(loadBalancerId), options);
}

/**
 * Parameters of {@link createLoadBalancer}. The VIP is placed on `vipSubnetId`, `vipNetworkId`
 * or `vipPortId` (at least one).
 * @example await createLoadBalancer(client, { name: 'web', vipSubnetId: subnet.id, flavorId, availabilityZone: 'az1' });
 */
export interface CreateLoadBalancerParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  vipSubnetId?: string | undefined;
  vipNetworkId?: string | undefined;
  vipPortId?: string | undefined;
  /** A fixed VIP address on the subnet. */
  vipAddress?: string | undefined;
  vipQosPolicyId?: string | undefined;
  /** Security groups of the VIP port (API 2.29+). */
  vipSgIds?: readonly string[] | undefined;
  /** More VIPs, on other subnets of the same network (API 2.26+). */
  additionalVips?: readonly { subnetId: string; ipAddress?: string | undefined }[] | undefined;
  /** Provider driver (`amphora`, `ovn`…); the cloud's default when left out. */
  provider?: string | undefined;
  flavorId?: string | undefined;
  availabilityZone?: string | undefined;
  tags?: readonly string[] | undefined;
  /** Administrators: create it for another project. */
  projectId?: string | undefined;
}

function createBody(input: unknown): Record<string, unknown> {
  const p = requireParams<CreateLoadBalancerParams>(input);
  if (p.vipSubnetId === undefined && p.vipNetworkId === undefined && p.vipPortId === undefined) {
    throw new ValidationError('one of vipSubnetId, vipNetworkId or vipPortId is required', 'vipSubnetId');
  }
  return omitUndefined({
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    vip_subnet_id: optUuid(p.vipSubnetId, 'vipSubnetId') ?? undefined,
    vip_network_id: optUuid(p.vipNetworkId, 'vipNetworkId') ?? undefined,
    vip_port_id: optUuid(p.vipPortId, 'vipPortId') ?? undefined,
    vip_address: optIp(p.vipAddress, 'vipAddress') ?? undefined,
    vip_qos_policy_id: optUuid(p.vipQosPolicyId, 'vipQosPolicyId') ?? undefined,
    vip_sg_ids: optArray(p.vipSgIds, 'vipSgIds', (v, f) => requireUuid(v, f)),
    additional_vips: optArray(p.additionalVips, 'additionalVips', (v, f) => {
      const a = requireParams<{ subnetId: string; ipAddress?: string }>(v, f);
      return omitUndefined({
        subnet_id: requireUuid(a.subnetId, `${f}.subnetId`),
        ip_address: optIp(a.ipAddress, `${f}.ipAddress`) ?? undefined,
      });
    }),
    provider: optString(p.provider, 'provider', 64),
    flavor_id: optUuid(p.flavorId, 'flavorId') ?? undefined,
    availability_zone: optString(p.availabilityZone, 'availabilityZone'),
    tags: optTags(p.tags, 'tags'),
    project_id: optString(p.projectId, 'projectId'),
  });
}

/**
 * Creates a load balancer. It starts `PENDING_CREATE`; wait for `ACTIVE` with
 * {@link waitForLoadBalancerStatus} before adding listeners (or use `retryImmutable`).
 * @example
 * ```ts
 * const created = await createLoadBalancer(client, { name: 'web', vipSubnetId: subnet.id });
 * const lb = await waitForLoadBalancerStatus(client, created.id, 'ACTIVE');
 * ```
 */
export async function createLoadBalancer(
  client: LoadBalancerClient,
  params: CreateLoadBalancerParams,
  options?: LoadBalancerRequestOptions,
): Promise<LoadBalancer> {
  return writeResource(client, LOAD_BALANCER, 'POST', LOAD_BALANCERS_PATH, createBody(params), options);
}

/**
 * Parameters of {@link updateLoadBalancer}.
 * @example await updateLoadBalancer(client, id, { name: 'renamed', vipQosPolicyId: null });
 */
export interface UpdateLoadBalancerParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** `null` removes the QoS policy. */
  vipQosPolicyId?: string | null | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Updates a load balancer (it goes `PENDING_UPDATE`, then `ACTIVE`).
 * @example await updateLoadBalancer(client, id, { description: 'front end' });
 */
export async function updateLoadBalancer(
  client: LoadBalancerClient,
  loadBalancerId: string,
  params: UpdateLoadBalancerParams,
  options?: LoadBalancerRequestOptions,
): Promise<LoadBalancer> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  const p = requireParams<UpdateLoadBalancerParams>(params);
  const body = {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    vip_qos_policy_id: optUuid(p.vipQosPolicyId, 'vipQosPolicyId'),
    tags: optTags(p.tags, 'tags'),
  };
  requireChange(body, 'load balancer');
  return writeResource(
    client,
    LOAD_BALANCER,
    'PUT',
    path(loadBalancerId),
    omitUndefined(body),
    options,
    what(loadBalancerId),
  );
}

/**
 * Options of {@link deleteLoadBalancer}.
 * @example await deleteLoadBalancer(client, id, { cascade: true });
 */
export interface DeleteLoadBalancerOptions extends LoadBalancerRequestOptions {
  /** Delete its listeners, pools, members, health monitors and L7 policies too. */
  cascade?: boolean | undefined;
}

/**
 * Deletes a load balancer: asynchronous (`PENDING_DELETE`), see {@link waitForLoadBalancerDeleted}.
 * Without `cascade`, Octavia refuses (400) while it has listeners or pools.
 * @example
 * ```ts
 * await deleteLoadBalancer(client, id, { cascade: true });
 * await waitForLoadBalancerDeleted(client, id);
 * ```
 */
export async function deleteLoadBalancer(
  client: LoadBalancerClient,
  loadBalancerId: string,
  options?: DeleteLoadBalancerOptions,
): Promise<void> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  const { cascade, ...rest } = options ?? {};
  const c = optBool(cascade, 'cascade');
  await deleteResource(
    client,
    path(loadBalancerId),
    what(loadBalancerId),
    rest,
    c ? { cascade: true } : undefined,
  );
}

/**
 * Reads the traffic counters of a load balancer.
 * @example const { activeConnections } = await getLoadBalancerStats(client, id);
 */
export async function getLoadBalancerStats(
  client: LoadBalancerClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<LoadBalancerStats> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `${path(loadBalancerId)}/stats`, {
    ...options,
    resource: what(loadBalancerId),
  });
  return parseStats(unwrap(res, 'stats', STATS));
}

/**
 * Reads the status tree of a load balancer: the provisioning and operating status of it and of
 * every listener, pool, member, health monitor, L7 policy and rule, in one request.
 * @example
 * ```ts
 * const tree = await getLoadBalancerStatusTree(client, id);
 * console.log(tree.operatingStatus, tree.listeners.map((l) => l.operatingStatus));
 * ```
 */
export async function getLoadBalancerStatusTree(
  client: LoadBalancerClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<LoadBalancerStatusTree> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `${path(loadBalancerId)}/status`, {
    ...options,
    resource: what(loadBalancerId),
  });
  return parseStatusTree(unwrap(res, 'statuses', STATUS_TREE));
}

/**
 * Fails a load balancer over to new amphorae (administrators; 202, asynchronous: it goes
 * `PENDING_UPDATE`, then `ACTIVE`).
 * @example
 * ```ts
 * await failoverLoadBalancer(client, id);
 * await waitForLoadBalancerStatus(client, id, 'ACTIVE');
 * ```
 */
export async function failoverLoadBalancer(
  client: LoadBalancerClient,
  loadBalancerId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  const req: LoadBalancerServiceRequest = { ...options, resource: what(loadBalancerId) };
  await client.request('PUT', `${path(loadBalancerId)}/failover`, req);
}

/**
 * Polls a load balancer until its `provisioning_status` is one of `status`. Fails at once on
 * `ERROR` (default `failOn`) with a `WaiterFailureError` whose `lastValue` is the load balancer.
 * This is the way to sequence writes: every write to a load balancer or its children makes it
 * `PENDING_UPDATE`, and Octavia refuses further writes until it is `ACTIVE` again.
 * @throws WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs`;
 *   NotFoundError when it disappears; AbortError when `signal` fires.
 * @example
 * ```ts
 * await createListener(client, { loadBalancerId: id, protocol: 'HTTP', protocolPort: 80 });
 * await waitForLoadBalancerStatus(client, id, 'ACTIVE', { timeoutMs: 300_000 });
 * ```
 */
export async function waitForLoadBalancerStatus(
  client: LoadBalancerClient,
  loadBalancerId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<LoadBalancer> = {},
): Promise<LoadBalancer> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  return waitForProvisioning(
    what(loadBalancerId),
    (signal, request) => getLoadBalancer(client, loadBalancerId, { ...request, signal }),
    status,
    options,
  );
}

/**
 * Polls until a load balancer is gone (404 or `DELETED`); `ERROR` fails the wait.
 * @throws WaiterFailureError when it went `ERROR`; WaiterTimeoutError after `timeoutMs`.
 * @example
 * ```ts
 * await deleteLoadBalancer(client, id, { cascade: true });
 * await waitForLoadBalancerDeleted(client, id, { timeoutMs: 300_000 });
 * ```
 */
export async function waitForLoadBalancerDeleted(
  client: LoadBalancerClient,
  loadBalancerId: string,
  options: LoadBalancerDeletionWaiterOptions<LoadBalancer> = {},
): Promise<void> {
  requireUuid(loadBalancerId, 'loadBalancerId');
  await waitForGone(
    what(loadBalancerId),
    (signal, request) => getLoadBalancer(client, loadBalancerId, { ...request, signal }),
    options,
  );
}

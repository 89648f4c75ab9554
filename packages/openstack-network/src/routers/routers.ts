import {
  type PagedIterable,
  type RequestOptions,
  type StatusWaiterOptions,
  ValidationError,
} from '@cloud/core';
import {
  omitUndefined,
  parseResponse,
  pollForStatus,
  pollUntilGone,
  requireUuid,
  unwrap,
} from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type {
  NetworkDeletionWaiterOptions,
  NetworkListParams,
  NetworkRevisionGuard,
  OneOrMany,
} from '../common.js';
import { requireCidr, requireIp } from '../internal/ip.js';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  requireRevision,
  updateResource,
} from '../internal/rest.js';
import {
  optBool,
  optString,
  optStrings,
  optUuid,
  requireChange,
  requireParams,
} from '../internal/validate.js';
import type { HostRoute } from '../subnets/types.js';
import {
  parseRouterInterface,
  ROUTER,
  ROUTER_INTERFACE,
  type Router,
  type RouterInterface,
  type RouterStatus,
} from './types.js';
import { routerActionPath } from './urls.js';

/**
 * Filters of {@link listRouters}; arrays mean "any of".
 * @example listRouters(network, { name: 'edge' });
 */
export interface ListRoutersParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  status?: OneOrMany<RouterStatus> | undefined;
  adminStateUp?: boolean | undefined;
  projectId?: OneOrMany<string> | undefined;
}

/**
 * Lists routers, lazily.
 * @example for await (const r of listRouters(network)) console.log(r.name, r.status);
 */
export function listRouters(
  client: NetworkClient,
  params?: ListRoutersParams,
  options?: RequestOptions,
): PagedIterable<Router> {
  const p = params ?? {};
  return listResources(
    client,
    ROUTER,
    params,
    { id: p.id, name: p.name, status: p.status, admin_state_up: p.adminStateUp, project_id: p.projectId },
    options,
  );
}

/**
 * Reads one router.
 * @throws NotFoundError when there is no such router.
 * @example const router = await getRouter(network, id);
 */
export async function getRouter(
  client: NetworkClient,
  routerId: string,
  options?: RequestOptions,
): Promise<Router> {
  requireUuid(routerId, 'routerId');
  return getResource(client, ROUTER, routerId, options);
}

/**
 * A router's gateway: the external network, and optionally SNAT and fixed addresses on it.
 * @example { networkId: ext.id, enableSnat: true }
 */
export interface RouterGatewayParams {
  networkId: string;
  /** Administrators (by default policy): turn source NAT off. */
  enableSnat?: boolean | undefined;
  externalFixedIps?: readonly { subnetId?: string | undefined; ipAddress?: string | undefined }[] | undefined;
}

/**
 * The updatable attributes of a router.
 * @example { externalGateway: { networkId: ext.id }, routes: [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }] }
 */
export interface RouterParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** The gateway; `null` (on update) removes it. */
  externalGateway?: RouterGatewayParams | null | undefined;
  /** Extra routes, replacing the current ones. To add or remove some, see {@link addRouterRoutes}. */
  routes?: readonly HostRoute[] | undefined;
}

/**
 * Parameters of {@link createRouter}.
 * @example await createRouter(network, { name: 'edge', externalGateway: { networkId: ext.id } });
 */
export interface CreateRouterParams extends RouterParams {
  /** Administrators: a distributed (DVR) or HA router. */
  distributed?: boolean | undefined;
  ha?: boolean | undefined;
  availabilityZoneHints?: readonly string[] | undefined;
  flavorId?: string | undefined;
  projectId?: string | undefined;
}

function gateway(value: unknown): Record<string, unknown> | null | undefined {
  if (value === undefined || value === null) return value;
  const g = requireParams<RouterGatewayParams>(value, 'externalGateway');
  let fixed: Record<string, unknown>[] | undefined;
  if (g.externalFixedIps !== undefined) {
    if (!Array.isArray(g.externalFixedIps)) {
      throw new ValidationError(
        'externalGateway.externalFixedIps must be an array',
        'externalGateway.externalFixedIps',
      );
    }
    fixed = g.externalFixedIps.map((f, i) =>
      omitUndefined({
        subnet_id: optUuid(f?.subnetId, `externalGateway.externalFixedIps[${i}].subnetId`),
        ip_address:
          f?.ipAddress === undefined
            ? undefined
            : requireIp(f.ipAddress, `externalGateway.externalFixedIps[${i}].ipAddress`),
      }),
    );
  }
  return omitUndefined({
    network_id: requireUuid(g.networkId, 'externalGateway.networkId'),
    enable_snat: optBool(g.enableSnat, 'externalGateway.enableSnat'),
    external_fixed_ips: fixed,
  });
}

function routeList(value: unknown, field: string): HostRoute[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be an array of routes`, field);
  return value.map((r: HostRoute, i) => {
    const version = requireCidr(r?.destination, `${field}[${i}].destination`);
    return { destination: r.destination, nexthop: requireIp(r.nexthop, `${field}[${i}].nexthop`, version) };
  });
}

function routerBody(input: unknown, create: boolean): Record<string, unknown> {
  const p = requireParams<CreateRouterParams>(input);
  if (create && p.externalGateway === null) {
    throw new ValidationError('externalGateway may be null only on update (to remove it)', 'externalGateway');
  }
  const body: Record<string, unknown> = {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    external_gateway_info: gateway(p.externalGateway),
    routes: routeList(p.routes, 'routes'),
  };
  if (create) {
    Object.assign(body, {
      distributed: optBool(p.distributed, 'distributed'),
      ha: optBool(p.ha, 'ha'),
      availability_zone_hints: optStrings(p.availabilityZoneHints, 'availabilityZoneHints'),
      flavor_id: optUuid(p.flavorId, 'flavorId'),
      project_id: optString(p.projectId, 'projectId'),
    });
  } else {
    requireChange(body, 'router');
  }
  return omitUndefined(body);
}

/**
 * Creates a router, optionally with a gateway to an external network.
 * @example
 * ```ts
 * const [ext] = await toArray(listNetworks(network, { routerExternal: true, limit: 1 }));
 * const router = await createRouter(network, { name: 'edge', externalGateway: { networkId: ext.id } });
 * ```
 */
export async function createRouter(
  client: NetworkClient,
  params: CreateRouterParams = {},
  options?: RequestOptions,
): Promise<Router> {
  return createResource(client, ROUTER, routerBody(params, true), options);
}

/**
 * Parameters of {@link updateRouter}.
 * @example await updateRouter(network, id, { externalGateway: null, ifRevision: router.revisionNumber });
 */
export interface UpdateRouterParams extends RouterParams, NetworkRevisionGuard {}

/**
 * Updates a router: name, state, gateway (`null` removes it), extra routes (replaced).
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updateRouter(network, id, { externalGateway: { networkId: ext.id } });
 */
export async function updateRouter(
  client: NetworkClient,
  routerId: string,
  params: UpdateRouterParams,
  options?: RequestOptions,
): Promise<Router> {
  requireUuid(routerId, 'routerId');
  const revision = requireRevision(params);
  return updateResource(client, ROUTER, routerId, routerBody(params, false), revision, options);
}

/**
 * Deletes a router. Remove its interfaces first: Neutron refuses (409) while it has any.
 * @example await deleteRouter(network, id);
 */
export async function deleteRouter(
  client: NetworkClient,
  routerId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(routerId, 'routerId');
  await deleteResource(client, ROUTER, routerId, options);
}

/**
 * Which interface to add or remove: by subnet (the router takes the subnet's gateway address) or
 * by an existing port.
 * @example { subnetId: subnet.id }
 */
export type RouterInterfaceParams =
  | { subnetId: string; portId?: undefined }
  | { portId: string; subnetId?: undefined };

function interfaceBody(value: unknown): Record<string, string> {
  const p = requireParams<{ subnetId?: string; portId?: string }>(value);
  if ((p.subnetId === undefined) === (p.portId === undefined)) {
    throw new ValidationError(
      'give either subnetId or portId',
      p.subnetId === undefined ? 'subnetId' : 'portId',
    );
  }
  return p.subnetId !== undefined
    ? { subnet_id: requireUuid(p.subnetId, 'subnetId') }
    : { port_id: requireUuid(p.portId, 'portId') };
}

async function routerInterface(
  client: NetworkClient,
  routerId: string,
  action: string,
  params: RouterInterfaceParams,
  options: RequestOptions | undefined,
): Promise<RouterInterface> {
  requireUuid(routerId, 'routerId');
  const json = interfaceBody(params);
  const res = await client.request('PUT', routerActionPath(routerId, action), {
    ...options,
    json,
    resource: `router "${routerId}"`,
  });
  return parseRouterInterface(parseResponse(res, ROUTER_INTERFACE));
}

/**
 * Connects a router to a subnet (by subnet or by port).
 * @example const { portId } = await addRouterInterface(network, router.id, { subnetId: subnet.id });
 */
export async function addRouterInterface(
  client: NetworkClient,
  routerId: string,
  params: RouterInterfaceParams,
  options?: RequestOptions,
): Promise<RouterInterface> {
  return routerInterface(client, routerId, 'add_router_interface', params, options);
}

/**
 * Disconnects a router from a subnet (by subnet or by port).
 * @example await removeRouterInterface(network, router.id, { subnetId: subnet.id });
 */
export async function removeRouterInterface(
  client: NetworkClient,
  routerId: string,
  params: RouterInterfaceParams,
  options?: RequestOptions,
): Promise<RouterInterface> {
  return routerInterface(client, routerId, 'remove_router_interface', params, options);
}

async function extraRoutes(
  client: NetworkClient,
  routerId: string,
  action: string,
  routes: readonly HostRoute[],
  options: RequestOptions | undefined,
): Promise<Router> {
  requireUuid(routerId, 'routerId');
  const list = routeList(routes, 'routes');
  if (!list?.length) throw new ValidationError('routes must be a non-empty array of routes', 'routes');
  const res = await client.request('PUT', routerActionPath(routerId, action), {
    ...options,
    json: { router: { routes: list } },
    resource: `router "${routerId}"`,
  });
  return ROUTER.parse(unwrap(res, 'router', ROUTER.shape));
}

/**
 * Adds extra routes, keeping the others, in one atomic step (the `extraroute-atomic` extension).
 * @example await addRouterRoutes(network, id, [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }]);
 */
export async function addRouterRoutes(
  client: NetworkClient,
  routerId: string,
  routes: readonly HostRoute[],
  options?: RequestOptions,
): Promise<Router> {
  return extraRoutes(client, routerId, 'add_extraroutes', routes, options);
}

/**
 * Removes the given extra routes, keeping the others (the `extraroute-atomic` extension).
 * @example await removeRouterRoutes(network, id, [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }]);
 */
export async function removeRouterRoutes(
  client: NetworkClient,
  routerId: string,
  routes: readonly HostRoute[],
  options?: RequestOptions,
): Promise<Router> {
  return extraRoutes(client, routerId, 'remove_extraroutes', routes, options);
}

/**
 * Polls a router until it reaches `status`. Default `failOn`: `['ERROR']`.
 * @throws WaiterFailureError on a `failOn` status; WaiterTimeoutError after `timeoutMs`;
 *   AbortError when `signal` fires; NotFoundError when the router disappears.
 * @example await waitForRouterStatus(network, id, 'ACTIVE', { timeoutMs: 120_000 });
 */
export async function waitForRouterStatus(
  client: NetworkClient,
  routerId: string,
  status: RouterStatus | readonly RouterStatus[],
  options: StatusWaiterOptions<RouterStatus, Router> = {},
): Promise<Router> {
  requireUuid(routerId, 'routerId');
  return pollForStatus<Router, RouterStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    resource: `router "${routerId}"`,
    fetch: (signal) => getRouter(client, routerId, { ...options.request, signal }),
    statusOf: (r) => r.status,
  });
}

/**
 * Polls until a router is gone (404).
 * @example await waitForRouterDeleted(network, id, { timeoutMs: 60_000 });
 */
export async function waitForRouterDeleted(
  client: NetworkClient,
  routerId: string,
  options: NetworkDeletionWaiterOptions<Router> = {},
): Promise<void> {
  requireUuid(routerId, 'routerId');
  await pollUntilGone<Router>({
    ...options,
    description: `router "${routerId}" to be deleted`,
    fetch: (signal) => getRouter(client, routerId, { ...options.request, signal }),
  });
}

import { arrayOf, boolean, object, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import type { HostRoute } from '../subnets/types.js';
import { ROUTERS_PATH } from './urls.js';

/**
 * Statuses of a router.
 * @example await waitForRouterStatus(network, id, 'ACTIVE');
 */
export type RouterStatus = 'ACTIVE' | 'ALLOCATING' | 'DOWN' | 'BUILD' | 'ERROR' | (string & {});

/**
 * A router's gateway to an external network.
 * @example router.externalGateway?.externalFixedIps[0]?.ipAddress
 */
export interface RouterExternalGateway {
  networkId: string;
  enableSnat: boolean | undefined;
  externalFixedIps: { subnetId: string; ipAddress: string }[];
}

/**
 * A Neutron router.
 * @example const r = await getRouter(network, id); console.log(r.status, r.externalGateway?.networkId);
 */
export interface Router extends NetworkStandardAttributes {
  name: string;
  status: RouterStatus;
  adminStateUp: boolean;
  /** `undefined` when the router has no gateway. */
  externalGateway: RouterExternalGateway | undefined;
  /** Extra routes (`routes`). */
  routes: HostRoute[];
  distributed: boolean | undefined;
  ha: boolean | undefined;
  availabilityZones: string[];
  availabilityZoneHints: string[];
  flavorId: string | undefined;
}

/**
 * What adding or removing a router interface reports.
 * @example const { portId } = await addRouterInterface(network, routerId, { subnetId });
 */
export interface RouterInterface {
  /** The router's id. */
  id: string;
  portId: string;
  subnetId: string;
  subnetIds: string[];
  networkId: string | undefined;
  projectId: string | undefined;
}

/** @internal */
export interface GatewayWire {
  network_id: string;
  enable_snat?: boolean;
  external_fixed_ips?: { subnet_id: string; ip_address: string }[];
}

/** @internal */
export interface RouterWire extends StandardWire {
  name: string;
  status: string;
  admin_state_up: boolean;
  external_gateway_info?: GatewayWire | null;
  routes?: HostRoute[];
  distributed?: boolean;
  ha?: boolean;
  availability_zones?: string[];
  availability_zone_hints?: string[];
  flavor_id?: string;
}

/** @internal */
export interface RouterInterfaceWire {
  id: string;
  port_id: string;
  subnet_id: string;
  subnet_ids?: string[];
  network_id?: string;
  project_id?: string;
  tenant_id?: string;
}

/** @internal */
export const ROUTER_INTERFACE = object<RouterInterfaceWire>({
  id: string,
  port_id: string,
  subnet_id: string,
  subnet_ids: optional(arrayOf(string)),
  network_id: optional(string),
  project_id: optional(string),
  tenant_id: optional(string),
});

const FIELDS: ShapeFields<RouterWire> = {
  ...STANDARD_FIELDS,
  name: string,
  status: string,
  admin_state_up: boolean,
  external_gateway_info: optional(
    object<GatewayWire>({
      network_id: string,
      enable_snat: optional(boolean),
      external_fixed_ips: optional(
        arrayOf(object<{ subnet_id: string; ip_address: string }>({ subnet_id: string, ip_address: string })),
      ),
    }),
  ),
  routes: optional(arrayOf(object<HostRoute>({ destination: string, nexthop: string }))),
  distributed: optional(boolean),
  ha: optional(boolean),
  availability_zones: optional(arrayOf(string)),
  availability_zone_hints: optional(arrayOf(string)),
  flavor_id: optional(string),
};

/** @internal */
export function parseRouter(w: RouterWire): Router {
  const g = w.external_gateway_info;
  return {
    ...parseStandard(w),
    name: w.name,
    status: w.status,
    adminStateUp: w.admin_state_up,
    externalGateway: g
      ? {
          networkId: g.network_id,
          enableSnat: g.enable_snat ?? undefined,
          externalFixedIps: (g.external_fixed_ips ?? []).map((ip) => ({
            subnetId: ip.subnet_id,
            ipAddress: ip.ip_address,
          })),
        }
      : undefined,
    routes: (w.routes ?? []).map((r) => ({ destination: r.destination, nexthop: r.nexthop })),
    distributed: w.distributed ?? undefined,
    ha: w.ha ?? undefined,
    availabilityZones: w.availability_zones ?? [],
    availabilityZoneHints: w.availability_zone_hints ?? [],
    flavorId: w.flavor_id ?? undefined,
  };
}

/** @internal */
export function parseRouterInterface(w: RouterInterfaceWire): RouterInterface {
  return {
    id: w.id,
    portId: w.port_id,
    subnetId: w.subnet_id,
    subnetIds: w.subnet_ids ?? [w.subnet_id],
    networkId: w.network_id ?? undefined,
    projectId: w.project_id ?? w.tenant_id ?? undefined,
  };
}

/** @internal */
export const ROUTER = resourceKind<RouterWire, Router>({
  singular: 'router',
  plural: 'routers',
  path: ROUTERS_PATH,
  label: 'router',
  fields: FIELDS,
  parse: parseRouter,
});

import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, number, object, optional, requireUuid, string, unwrap } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import { type LoadBalancerListParams, time } from '../internal/common.js';
import { getResource, itemPath, listResources, resourceKind } from '../internal/rest.js';
import { optString, optUuid } from '../internal/validate.js';

/**
 * An amphora: a service VM of the `amphora` provider (administrators).
 * @example for await (const a of listAmphorae(admin, { loadBalancerId })) console.log(a.role, a.status, a.lbNetworkIp);
 */
export interface Amphora {
  id: string;
  loadBalancerId: string | undefined;
  computeId: string | undefined;
  /** `BOOTING`, `ALLOCATED`, `READY`, `PENDING_CREATE`, `PENDING_DELETE`, `DELETED`, `ERROR`. */
  status: string;
  /** `STANDALONE`, `MASTER` or `BACKUP`. */
  role: string | undefined;
  lbNetworkIp: string | undefined;
  vrrpIp: string | undefined;
  haIp: string | undefined;
  vrrpPortId: string | undefined;
  haPortId: string | undefined;
  vrrpInterface: string | undefined;
  vrrpId: number | undefined;
  vrrpPriority: number | undefined;
  certExpiration: Date | undefined;
  certBusy: boolean | undefined;
  cachedZone: string | undefined;
  imageId: string | undefined;
  computeFlavor: string | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  raw: Readonly<Record<string, unknown>>;
}

interface AmphoraWire {
  id: string;
  status: string;
  load_balancer_id?: string;
  compute_id?: string;
  role?: string;
  lb_network_ip?: string;
  vrrp_ip?: string;
  ha_ip?: string;
  vrrp_port_id?: string;
  ha_port_id?: string;
  vrrp_interface?: string;
  vrrp_id?: number;
  vrrp_priority?: number;
  cert_expiration?: string;
  cert_busy?: number | string | boolean;
  cached_zone?: string;
  image_id?: string;
  compute_flavor?: string;
  created_at?: string;
  updated_at?: string;
}

const AMPHORA = resourceKind<AmphoraWire, Amphora>({
  singular: 'amphora',
  plural: 'amphorae',
  label: 'amphora',
  fields: {
    id: string,
    status: string,
    load_balancer_id: optional(string),
    compute_id: optional(string),
    role: optional(string),
    lb_network_ip: optional(string),
    vrrp_ip: optional(string),
    ha_ip: optional(string),
    vrrp_port_id: optional(string),
    ha_port_id: optional(string),
    vrrp_interface: optional(string),
    vrrp_id: optional(number),
    vrrp_priority: optional(number),
    cert_expiration: optional(string),
    cached_zone: optional(string),
    image_id: optional(string),
    compute_flavor: optional(string),
    created_at: optional(string),
    updated_at: optional(string),
  },
  parse: (w) => ({
    id: w.id,
    loadBalancerId: w.load_balancer_id ?? undefined,
    computeId: w.compute_id ?? undefined,
    status: w.status,
    role: w.role ?? undefined,
    lbNetworkIp: w.lb_network_ip ?? undefined,
    vrrpIp: w.vrrp_ip ?? undefined,
    haIp: w.ha_ip ?? undefined,
    vrrpPortId: w.vrrp_port_id ?? undefined,
    haPortId: w.ha_port_id ?? undefined,
    vrrpInterface: w.vrrp_interface ?? undefined,
    vrrpId: w.vrrp_id ?? undefined,
    vrrpPriority: w.vrrp_priority ?? undefined,
    // Octavia writes "2019-09-19 00:34:51" (UTC, no zone)
    certExpiration: time(w.cert_expiration?.replace(' ', 'T')),
    certBusy:
      w.cert_busy === undefined || w.cert_busy === null
        ? undefined
        : Boolean(Number(w.cert_busy) || w.cert_busy === true),
    cachedZone: w.cached_zone ?? undefined,
    imageId: w.image_id ?? undefined,
    computeFlavor: w.compute_flavor ?? undefined,
    createdAt: time(w.created_at),
    updatedAt: time(w.updated_at),
    raw: w as unknown as Record<string, unknown>,
  }),
});

const AMPHORAE_PATH = 'octavia/amphorae';

/**
 * Filters of {@link listAmphorae}.
 * @example listAmphorae(admin, { loadBalancerId: lb.id, status: 'ALLOCATED' });
 */
export interface ListAmphoraeParams extends LoadBalancerListParams {
  loadBalancerId?: string | undefined;
  status?: string | undefined;
  role?: string | undefined;
}

/**
 * Lists amphorae (administrators).
 * @example for await (const a of listAmphorae(admin)) console.log(a.id, a.status);
 */
export function listAmphorae(
  client: LoadBalancerClient,
  params?: ListAmphoraeParams,
  options?: RequestOptions,
): PagedIterable<Amphora> {
  const p = params ?? {};
  return listResources(
    client,
    AMPHORA,
    AMPHORAE_PATH,
    params,
    {
      load_balancer_id: optUuid(p.loadBalancerId, 'loadBalancerId') ?? undefined,
      status: optString(p.status, 'status'),
      role: optString(p.role, 'role'),
    },
    options,
  );
}

/**
 * Reads one amphora (administrators).
 * @throws NotFoundError when there is no such amphora.
 * @example const a = await getAmphora(admin, id);
 */
export async function getAmphora(
  client: LoadBalancerClient,
  amphoraId: string,
  options?: RequestOptions,
): Promise<Amphora> {
  requireUuid(amphoraId, 'amphoraId');
  return getResource(client, AMPHORA, itemPath(AMPHORAE_PATH, amphoraId), `amphora "${amphoraId}"`, options);
}

/**
 * Traffic counters of one listener on one amphora.
 * @example for (const s of await getAmphoraStats(admin, id)) console.log(s.listenerId, s.activeConnections);
 */
export interface AmphoraStats {
  listenerId: string;
  loadBalancerId: string | undefined;
  activeConnections: number;
  bytesIn: number;
  bytesOut: number;
  requestErrors: number;
  totalConnections: number;
}

interface AmphoraStatsWire {
  listener_id: string;
  loadbalancer_id?: string;
  active_connections: number;
  bytes_in: number;
  bytes_out: number;
  request_errors: number;
  total_connections: number;
}

const STATS = arrayOf(
  object<AmphoraStatsWire>({
    listener_id: string,
    loadbalancer_id: optional(string),
    active_connections: number,
    bytes_in: number,
    bytes_out: number,
    request_errors: number,
    total_connections: number,
  }),
);

/**
 * Reads the per-listener traffic counters of an amphora (administrators).
 * @example const stats = await getAmphoraStats(admin, id);
 */
export async function getAmphoraStats(
  client: LoadBalancerClient,
  amphoraId: string,
  options?: RequestOptions,
): Promise<AmphoraStats[]> {
  requireUuid(amphoraId, 'amphoraId');
  const res = await client.request('GET', `${itemPath(AMPHORAE_PATH, amphoraId)}/stats`, {
    ...options,
    resource: `amphora "${amphoraId}"`,
  });
  return unwrap(res, 'amphora_stats', STATS).map((w) => ({
    listenerId: w.listener_id,
    loadBalancerId: w.loadbalancer_id ?? undefined,
    activeConnections: w.active_connections,
    bytesIn: w.bytes_in,
    bytesOut: w.bytes_out,
    requestErrors: w.request_errors,
    totalConnections: w.total_connections,
  }));
}

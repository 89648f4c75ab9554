import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, number, object, optional, singlePage, string, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import { lbResource, NAME_ROW, requireClbId } from '../internal/common.js';

/**
 * The account's request rate limits (a 413 with `Retry-After` when exceeded).
 * @example const rates = await getClbRateLimits(clb); console.log(rates[0]?.limits);
 */
export interface ClbRateLimit {
  uri: string;
  regex: string | undefined;
  limits: {
    verb: string;
    value: number;
    remaining: number | undefined;
    unit: string;
    nextAvailable: Date | undefined;
  }[];
}

interface RateWire {
  uri: string;
  regex?: string;
  limit: { verb: string; value: number; remaining?: number; unit: string; 'next-available'?: string }[];
}

const RATE = object<RateWire>({
  uri: string,
  regex: optional(string),
  limit: arrayOf(
    object<RateWire['limit'][number]>({
      verb: string,
      value: number,
      remaining: optional(number),
      unit: string,
      'next-available': optional(string),
    }),
  ),
});

/**
 * Reads the account's rate limits.
 * @example for (const r of await getClbRateLimits(clb)) for (const l of r.limits) console.log(l.verb, l.value, l.unit);
 */
export async function getClbRateLimits(
  client: RackspaceLoadBalancersClient,
  options?: RequestOptions,
): Promise<ClbRateLimit[]> {
  const res = await client.request('GET', 'limits', options);
  const w = unwrap(res, 'limits', object<{ rate?: RateWire[] }>({ rate: optional(arrayOf(RATE)) }));
  return (w.rate ?? []).map((r) => ({
    uri: r.uri,
    regex: r.regex,
    limits: r.limit.map((l) => ({
      verb: l.verb,
      value: l.value,
      remaining: l.remaining,
      unit: l.unit,
      nextAvailable: l['next-available'] ? new Date(l['next-available']) : undefined,
    })),
  }));
}

/**
 * Reads the account's absolute limits by name: `LOADBALANCER_LIMIT`, `NODE_LIMIT`,
 * `IPV6_LIMIT`, `BATCH_DELETE_LIMIT`, `ACCESS_LIST_LIMIT`, `NODE_META_LIMIT`,
 * `LOADBALANCER_META_LIMIT`, `CERTIFICATE_MAPPING_LIMIT`.
 * @example const limits = await getClbAbsoluteLimits(clb); console.log(limits.NODE_LIMIT);
 */
export async function getClbAbsoluteLimits(
  client: RackspaceLoadBalancersClient,
  options?: RequestOptions,
): Promise<Record<string, number>> {
  const res = await client.request('GET', 'loadbalancers/absolutelimits', options);
  const rows = unwrap(
    res,
    'absolute',
    arrayOf(object<{ name: string; value: number }>({ name: string, value: number })),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/**
 * Lists the load-balancing algorithms the service offers.
 * @example for await (const a of listClbAlgorithms(clb)) console.log(a);
 */
export function listClbAlgorithms(
  client: RackspaceLoadBalancersClient,
  options?: RequestOptions,
): PagedIterable<string> {
  return singlePage(async () => {
    const res = await client.request('GET', 'loadbalancers/algorithms', options);
    return unwrap(res, 'algorithms', arrayOf(NAME_ROW)).map((a) => a.name);
  });
}

/**
 * A protocol the service offers and its default port (0: the port must be given).
 * @example for await (const p of listClbProtocols(clb)) console.log(p.name, p.port);
 */
export interface ClbProtocolInfo {
  name: string;
  port: number;
}

/**
 * Lists the protocols the service offers with their default ports.
 * @example const tcp = (await toArray(listClbProtocols(clb))).find((p) => p.name === 'TCP');
 */
export function listClbProtocols(
  client: RackspaceLoadBalancersClient,
  options?: RequestOptions,
): PagedIterable<ClbProtocolInfo> {
  return singlePage(async () => {
    const res = await client.request('GET', 'loadbalancers/protocols', options);
    return unwrap(res, 'protocols', arrayOf(object<ClbProtocolInfo>({ name: string, port: number }))).map(
      (p) => ({
        name: p.name,
        port: p.port,
      }),
    );
  });
}

/**
 * Lists the domains whose names may be given as node addresses.
 * @example for await (const d of listClbAllowedDomains(clb)) console.log(d);
 */
export function listClbAllowedDomains(
  client: RackspaceLoadBalancersClient,
  options?: RequestOptions,
): PagedIterable<string> {
  return singlePage(async () => {
    const res = await client.request('GET', 'loadbalancers/alloweddomains', options);
    const rows = unwrap(
      res,
      'allowedDomains',
      arrayOf(object<{ allowedDomain: { name: string } }>({ allowedDomain: NAME_ROW })),
    );
    return rows.map((r) => r.allowedDomain.name);
  });
}

/**
 * Source addresses of a cluster or region: what back-end firewalls must admit.
 * @example const a = await getClbClusterSourceAddresses(clb, lbId); console.log(a.ipv4Servicenets);
 */
export interface ClbSourceAddressSet {
  ipv4Publicnets: string[];
  ipv4Servicenets: string[];
  ipv6Publicnets: string[];
  ipv6Servicenets: string[];
}

const LIST = optional(arrayOf(string));
const ADDRESS_SET = object<Partial<ClbSourceAddressSet>>({
  ipv4Publicnets: LIST,
  ipv4Servicenets: LIST,
  ipv6Publicnets: LIST,
  ipv6Servicenets: LIST,
});

const addressSet = (w: Partial<ClbSourceAddressSet>): ClbSourceAddressSet => ({
  ipv4Publicnets: w.ipv4Publicnets ?? [],
  ipv4Servicenets: w.ipv4Servicenets ?? [],
  ipv6Publicnets: w.ipv6Publicnets ?? [],
  ipv6Servicenets: w.ipv6Servicenets ?? [],
});

/**
 * Reads every source address of the cluster a load balancer runs on (failover hosts included).
 * @example const { ipv4Servicenets } = await getClbClusterSourceAddresses(clb, lbId);
 */
export async function getClbClusterSourceAddresses(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbSourceAddressSet> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/clustersourceaddresses`, {
    ...options,
    resource: lbResource(id),
  });
  return addressSet(unwrap(res, 'clusterSourceAddresses', ADDRESS_SET));
}

/**
 * Reads the source addresses of every host of the region that serves the account.
 * @example const { ipv4Publicnets } = await getClbRegionalSourceAddresses(clb);
 */
export async function getClbRegionalSourceAddresses(
  client: RackspaceLoadBalancersClient,
  options?: RequestOptions,
): Promise<ClbSourceAddressSet> {
  const res = await client.request('GET', 'regionalsourceaddresses', options);
  return addressSet(unwrap(res, 'RegionalSourceAddresses', ADDRESS_SET));
}

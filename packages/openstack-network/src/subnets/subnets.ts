import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireOneOf, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams, NetworkRevisionGuard, OneOrMany } from '../common.js';
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
  optInt,
  optString,
  optStrings,
  optUuid,
  requireChange,
  requireParams,
} from '../internal/validate.js';
import { type AllocationPool, type HostRoute, type Ipv6Mode, SUBNET, type Subnet } from './types.js';

const IPV6_MODES = ['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless'] as const;

/**
 * Filters of {@link listSubnets}; arrays mean "any of". Any other attribute goes in `filters`.
 * @example listSubnets(network, { networkId: net.id, ipVersion: 4 });
 */
export interface ListSubnetsParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  networkId?: OneOrMany<string> | undefined;
  ipVersion?: 4 | 6 | undefined;
  cidr?: OneOrMany<string> | undefined;
  gatewayIp?: string | undefined;
  enableDhcp?: boolean | undefined;
  subnetPoolId?: OneOrMany<string> | undefined;
  projectId?: OneOrMany<string> | undefined;
}

/**
 * Lists subnets, lazily.
 * @example for await (const s of listSubnets(network, { networkId: id })) console.log(s.cidr);
 */
export function listSubnets(
  client: NetworkClient,
  params?: ListSubnetsParams,
  options?: RequestOptions,
): PagedIterable<Subnet> {
  const p = params ?? {};
  return listResources(
    client,
    SUBNET,
    params,
    {
      id: p.id,
      name: p.name,
      network_id: p.networkId,
      ip_version: p.ipVersion,
      cidr: p.cidr,
      gateway_ip: p.gatewayIp,
      enable_dhcp: p.enableDhcp,
      subnetpool_id: p.subnetPoolId,
      project_id: p.projectId,
    },
    options,
  );
}

/**
 * Reads one subnet.
 * @throws NotFoundError when there is no such subnet.
 * @example const subnet = await getSubnet(network, id);
 */
export async function getSubnet(
  client: NetworkClient,
  subnetId: string,
  options?: RequestOptions,
): Promise<Subnet> {
  requireUuid(subnetId, 'subnetId');
  return getResource(client, SUBNET, subnetId, options);
}

/**
 * The updatable attributes of a subnet.
 * @example { name: 'web', dnsNameservers: ['9.9.9.9'], gatewayIp: null }
 */
export interface SubnetParams {
  name?: string | undefined;
  description?: string | undefined;
  /** The gateway address; `null` for a subnet without gateway. Default: the first address. */
  gatewayIp?: string | null | undefined;
  allocationPools?: readonly AllocationPool[] | undefined;
  dnsNameservers?: readonly string[] | undefined;
  hostRoutes?: readonly HostRoute[] | undefined;
  enableDhcp?: boolean | undefined;
  serviceTypes?: readonly string[] | undefined;
  segmentId?: string | null | undefined;
}

/**
 * Parameters of {@link createSubnet}: the network, and either a `cidr` or a subnet pool.
 * @example
 * ```ts
 * await createSubnet(network, { networkId, cidr: '10.0.0.0/24', dnsNameservers: ['9.9.9.9'] });
 * await createSubnet(network, { networkId, ipVersion: 6, subnetPoolId: pool.id, prefixLength: 64, ipv6RaMode: 'slaac', ipv6AddressMode: 'slaac' });
 * ```
 */
export interface CreateSubnetParams extends SubnetParams {
  networkId: string;
  /** 4 or 6. Taken from `cidr` when omitted; required with a subnet pool. */
  ipVersion?: 4 | 6 | undefined;
  /** The subnet's range, e.g. `10.0.0.0/24` or `2001:db8::/64`. Optional with a subnet pool. */
  cidr?: string | undefined;
  /** Allocate the range from this subnet pool. */
  subnetPoolId?: string | undefined;
  /** Use the default subnet pool of `ipVersion`. */
  useDefaultSubnetPool?: boolean | undefined;
  /** Prefix length of a range allocated from a pool. */
  prefixLength?: number | undefined;
  ipv6RaMode?: Ipv6Mode | undefined;
  ipv6AddressMode?: Ipv6Mode | undefined;
  /** Administrators: create it for another project. */
  projectId?: string | undefined;
}

function pools(value: unknown, version: 4 | 6 | undefined): AllocationPool[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError('allocationPools must be an array', 'allocationPools');
  return value.map((p: AllocationPool, i) => ({
    start: requireIp(p?.start, `allocationPools[${i}].start`, version),
    end: requireIp(p?.end, `allocationPools[${i}].end`, version),
  }));
}

function routes(value: unknown, version: 4 | 6 | undefined): HostRoute[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError('hostRoutes must be an array', 'hostRoutes');
  return value.map((r: HostRoute, i) => {
    requireCidr(r?.destination, `hostRoutes[${i}].destination`, version);
    return { destination: r.destination, nexthop: requireIp(r.nexthop, `hostRoutes[${i}].nexthop`, version) };
  });
}

function ips(value: unknown, field: string, version: 4 | 6 | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be an array of IP addresses`, field);
  return value.map((v, i) => requireIp(v, `${field}[${i}]`, version));
}

function subnetBody(p: SubnetParams, version: 4 | 6 | undefined): Record<string, unknown> {
  return {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    gateway_ip:
      p.gatewayIp === null
        ? null
        : p.gatewayIp === undefined
          ? undefined
          : requireIp(p.gatewayIp, 'gatewayIp', version),
    allocation_pools: pools(p.allocationPools, version),
    dns_nameservers: ips(p.dnsNameservers, 'dnsNameservers', undefined),
    host_routes: routes(p.hostRoutes, version),
    enable_dhcp: optBool(p.enableDhcp, 'enableDhcp'),
    service_types: optStrings(p.serviceTypes, 'serviceTypes'),
    segment_id: p.segmentId === null ? null : optUuid(p.segmentId, 'segmentId'),
  };
}

/**
 * Creates a subnet, IPv4 or IPv6, from a CIDR or a subnet pool. Addresses are checked against
 * the IP version before any request.
 * @throws ValidationError for an invalid CIDR or address, a version mismatch, or IPv6 modes on IPv4.
 * @example
 * ```ts
 * const subnet = await createSubnet(network, {
 *   networkId: net.id, cidr: '10.0.0.0/24', gatewayIp: '10.0.0.1',
 *   allocationPools: [{ start: '10.0.0.10', end: '10.0.0.200' }], dnsNameservers: ['9.9.9.9'],
 * });
 * ```
 */
export async function createSubnet(
  client: NetworkClient,
  params: CreateSubnetParams,
  options?: RequestOptions,
): Promise<Subnet> {
  const p = requireParams<CreateSubnetParams>(params);
  requireUuid(p.networkId, 'networkId');
  let version = p.ipVersion;
  if (version !== undefined && version !== 4 && version !== 6) {
    throw new ValidationError(`ipVersion must be 4 or 6, got ${String(version)}`, 'ipVersion');
  }
  if (p.cidr !== undefined) version = requireCidr(p.cidr, 'cidr', version);
  const fromPool = p.subnetPoolId !== undefined || p.useDefaultSubnetPool === true;
  if (p.cidr === undefined && !fromPool) {
    throw new ValidationError(
      'cidr is required unless subnetPoolId or useDefaultSubnetPool is given',
      'cidr',
    );
  }
  if (version === undefined) {
    throw new ValidationError('ipVersion is required when the range comes from a subnet pool', 'ipVersion');
  }
  if (version === 4 && (p.ipv6RaMode !== undefined || p.ipv6AddressMode !== undefined)) {
    const field = p.ipv6RaMode !== undefined ? 'ipv6RaMode' : 'ipv6AddressMode';
    throw new ValidationError(`${field} applies to IPv6 subnets only`, field);
  }
  const body = omitUndefined({
    network_id: p.networkId,
    ip_version: version,
    cidr: p.cidr,
    subnetpool_id: optUuid(p.subnetPoolId, 'subnetPoolId'),
    use_default_subnetpool: optBool(p.useDefaultSubnetPool, 'useDefaultSubnetPool'),
    prefixlen: optInt(p.prefixLength, 'prefixLength', 0, version === 4 ? 32 : 128),
    ipv6_ra_mode:
      p.ipv6RaMode === undefined ? undefined : requireOneOf(p.ipv6RaMode, IPV6_MODES, 'ipv6RaMode'),
    ipv6_address_mode:
      p.ipv6AddressMode === undefined
        ? undefined
        : requireOneOf(p.ipv6AddressMode, IPV6_MODES, 'ipv6AddressMode'),
    project_id: optString(p.projectId, 'projectId'),
    ...subnetBody(p, version),
  });
  return createResource(client, SUBNET, body, options);
}

/**
 * Parameters of {@link updateSubnet}.
 * @example await updateSubnet(network, id, { gatewayIp: null, ifRevision: 3 });
 */
export interface UpdateSubnetParams extends SubnetParams, NetworkRevisionGuard {}

/**
 * Updates a subnet (its range and IP version cannot change). Addresses are checked for syntax;
 * Neutron checks they fit the subnet.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updateSubnet(network, id, { dnsNameservers: ['1.1.1.1'], ifRevision: subnet.revisionNumber });
 */
export async function updateSubnet(
  client: NetworkClient,
  subnetId: string,
  params: UpdateSubnetParams,
  options?: RequestOptions,
): Promise<Subnet> {
  requireUuid(subnetId, 'subnetId');
  const p = requireParams<UpdateSubnetParams>(params);
  const revision = requireRevision(p);
  const body = subnetBody(p, undefined);
  requireChange(body, 'subnet');
  return updateResource(client, SUBNET, subnetId, omitUndefined(body), revision, options);
}

/**
 * Deletes a subnet. Neutron refuses (409) while ports still hold addresses in it.
 * @example await deleteSubnet(network, id);
 */
export async function deleteSubnet(
  client: NetworkClient,
  subnetId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(subnetId, 'subnetId');
  await deleteResource(client, SUBNET, subnetId, options);
}

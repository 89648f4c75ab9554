import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, number, object, optional, requireUuid, string, stringOrNumber } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams, OneOrMany } from '../common.js';
import { getResource, listResources, resourceKind } from '../internal/rest.js';

/**
 * Address usage of one subnet.
 * @example `${s.usedIps}/${s.totalIps}`
 */
export interface SubnetIpAvailability {
  subnetId: string;
  subnetName: string;
  cidr: string;
  ipVersion: 4 | 6;
  /** Addresses in the allocation pools (IPv6 subnets can exceed `Number.MAX_SAFE_INTEGER`: then approximate). */
  totalIps: number;
  usedIps: number;
}

/**
 * Address usage of a network and its subnets (the `network-ip-availability` extension;
 * administrators by default policy).
 * @example const a = await getNetworkIpAvailability(network, id); console.log(a.usedIps, a.totalIps);
 */
export interface NetworkIpAvailability {
  networkId: string;
  networkName: string;
  projectId: string | undefined;
  totalIps: number;
  usedIps: number;
  subnets: SubnetIpAvailability[];
  raw: Readonly<Record<string, unknown>>;
}

interface SubnetAvailabilityWire {
  subnet_id: string;
  subnet_name?: string;
  cidr: string;
  ip_version: number;
  total_ips: number | string;
  used_ips: number | string;
}

/** @internal */
export interface IpAvailabilityWire {
  network_id: string;
  network_name?: string;
  project_id?: string;
  tenant_id?: string;
  total_ips: number | string;
  used_ips: number | string;
  subnet_ip_availability?: SubnetAvailabilityWire[];
}

const AVAILABILITY = resourceKind<IpAvailabilityWire, NetworkIpAvailability>({
  singular: 'network_ip_availability',
  plural: 'network_ip_availabilities',
  path: 'network-ip-availabilities',
  label: 'IP availability of network',
  fields: {
    network_id: string,
    network_name: optional(string),
    project_id: optional(string),
    tenant_id: optional(string),
    total_ips: stringOrNumber,
    used_ips: stringOrNumber,
    subnet_ip_availability: optional(
      arrayOf(
        object<SubnetAvailabilityWire>({
          subnet_id: string,
          subnet_name: optional(string),
          cidr: string,
          ip_version: number,
          total_ips: stringOrNumber,
          used_ips: stringOrNumber,
        }),
      ),
    ),
  },
  parse: (w) => ({
    networkId: w.network_id,
    networkName: w.network_name ?? '',
    projectId: w.project_id ?? w.tenant_id ?? undefined,
    totalIps: Number(w.total_ips),
    usedIps: Number(w.used_ips),
    subnets: (w.subnet_ip_availability ?? []).map((s) => ({
      subnetId: s.subnet_id,
      subnetName: s.subnet_name ?? '',
      cidr: s.cidr,
      ipVersion: s.ip_version === 6 ? 6 : 4,
      totalIps: Number(s.total_ips),
      usedIps: Number(s.used_ips),
    })),
    raw: w as unknown as Record<string, unknown>,
  }),
});

/**
 * Filters of {@link listNetworkIpAvailabilities}.
 * @example listNetworkIpAvailabilities(network, { ipVersion: 4 });
 */
export interface ListNetworkIpAvailabilitiesParams extends NetworkListParams {
  networkId?: OneOrMany<string> | undefined;
  networkName?: OneOrMany<string> | undefined;
  ipVersion?: 4 | 6 | undefined;
  projectId?: OneOrMany<string> | undefined;
}

/**
 * Lists address usage per network, lazily.
 * @example for await (const a of listNetworkIpAvailabilities(network)) console.log(a.networkName, a.usedIps, a.totalIps);
 */
export function listNetworkIpAvailabilities(
  client: NetworkClient,
  params?: ListNetworkIpAvailabilitiesParams,
  options?: RequestOptions,
): PagedIterable<NetworkIpAvailability> {
  const p = params ?? {};
  return listResources(
    client,
    AVAILABILITY,
    params,
    {
      network_id: p.networkId,
      network_name: p.networkName,
      ip_version: p.ipVersion,
      project_id: p.projectId,
    },
    options,
  );
}

/**
 * Reads the address usage of one network.
 * @example const a = await getNetworkIpAvailability(network, net.id);
 */
export async function getNetworkIpAvailability(
  client: NetworkClient,
  networkId: string,
  options?: RequestOptions,
): Promise<NetworkIpAvailability> {
  requireUuid(networkId, 'networkId');
  return getResource(client, AVAILABILITY, networkId, options);
}

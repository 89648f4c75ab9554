import type { PagedIterable, RequestOptions } from '@cloud/core';
import { boolean, optional, requireUuid, string } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import type { LoadBalancerListParams } from '../internal/common.js';
import { getResource, itemPath, listResources, resourceKind } from '../internal/rest.js';
import { optBool, optString, requireText } from '../internal/validate.js';

/**
 * A load-balancer availability zone (named by its `name`).
 * @example for await (const az of listLoadBalancerAvailabilityZones(client)) console.log(az.name, az.enabled);
 */
export interface LoadBalancerAvailabilityZone {
  name: string;
  description: string | undefined;
  enabled: boolean;
  availabilityZoneProfileId: string | undefined;
  raw: Readonly<Record<string, unknown>>;
}

interface AzWire {
  name: string;
  description?: string;
  enabled: boolean;
  availability_zone_profile_id?: string;
}

const AZ = resourceKind<AzWire, LoadBalancerAvailabilityZone>({
  singular: 'availability_zone',
  plural: 'availability_zones',
  label: 'load-balancer availability zone',
  fields: {
    name: string,
    description: optional(string),
    enabled: boolean,
    availability_zone_profile_id: optional(string),
  },
  parse: (w) => ({
    name: w.name,
    description: w.description ?? undefined,
    enabled: w.enabled,
    availabilityZoneProfileId: w.availability_zone_profile_id ?? undefined,
    raw: w as unknown as Record<string, unknown>,
  }),
});

/**
 * An availability-zone profile (administrators): the provider and its zone options.
 * @example const p = await getLoadBalancerAvailabilityZoneProfile(admin, id); console.log(p.availabilityZoneData);
 */
export interface LoadBalancerAvailabilityZoneProfile {
  id: string;
  name: string;
  providerName: string | undefined;
  /** Provider options as a JSON text, e.g. `{"compute_zone": "az1"}`. */
  availabilityZoneData: string | undefined;
  raw: Readonly<Record<string, unknown>>;
}

interface AzProfileWire {
  id: string;
  name: string;
  provider_name?: string;
  availability_zone_data?: string;
}

const AZ_PROFILE = resourceKind<AzProfileWire, LoadBalancerAvailabilityZoneProfile>({
  singular: 'availability_zone_profile',
  plural: 'availability_zone_profiles',
  label: 'availability zone profile',
  fields: {
    id: string,
    name: string,
    provider_name: optional(string),
    availability_zone_data: optional(string),
  },
  parse: (w) => ({
    id: w.id,
    name: w.name,
    providerName: w.provider_name ?? undefined,
    availabilityZoneData: w.availability_zone_data ?? undefined,
    raw: w as unknown as Record<string, unknown>,
  }),
});

const AZS_PATH = 'lbaas/availabilityzones';
const AZ_PROFILES_PATH = 'lbaas/availabilityzoneprofiles';

/**
 * Lists load-balancer availability zones.
 * @example const zones = await toArray(listLoadBalancerAvailabilityZones(client, { enabled: true }));
 */
export function listLoadBalancerAvailabilityZones(
  client: LoadBalancerClient,
  params?: LoadBalancerListParams & { name?: string | undefined; enabled?: boolean | undefined },
  options?: RequestOptions,
): PagedIterable<LoadBalancerAvailabilityZone> {
  const p = params ?? {};
  return listResources(
    client,
    AZ,
    AZS_PATH,
    params,
    { name: optString(p.name, 'name'), enabled: optBool(p.enabled, 'enabled') },
    options,
  );
}

/**
 * Reads one load-balancer availability zone by name.
 * @throws NotFoundError when there is no such zone.
 * @example const az = await getLoadBalancerAvailabilityZone(client, 'az1');
 */
export async function getLoadBalancerAvailabilityZone(
  client: LoadBalancerClient,
  name: string,
  options?: RequestOptions,
): Promise<LoadBalancerAvailabilityZone> {
  requireText(name, 'name');
  return getResource(
    client,
    AZ,
    itemPath(AZS_PATH, name),
    `load-balancer availability zone "${name}"`,
    options,
  );
}

/**
 * Lists availability-zone profiles (administrators).
 * @example for await (const p of listLoadBalancerAvailabilityZoneProfiles(admin)) console.log(p.name);
 */
export function listLoadBalancerAvailabilityZoneProfiles(
  client: LoadBalancerClient,
  params?: LoadBalancerListParams & { name?: string | undefined; providerName?: string | undefined },
  options?: RequestOptions,
): PagedIterable<LoadBalancerAvailabilityZoneProfile> {
  const p = params ?? {};
  return listResources(
    client,
    AZ_PROFILE,
    AZ_PROFILES_PATH,
    params,
    { name: optString(p.name, 'name'), provider_name: optString(p.providerName, 'providerName') },
    options,
  );
}

/**
 * Reads one availability-zone profile (administrators).
 * @example const p = await getLoadBalancerAvailabilityZoneProfile(admin, id);
 */
export async function getLoadBalancerAvailabilityZoneProfile(
  client: LoadBalancerClient,
  profileId: string,
  options?: RequestOptions,
): Promise<LoadBalancerAvailabilityZoneProfile> {
  requireUuid(profileId, 'profileId');
  return getResource(
    client,
    AZ_PROFILE,
    itemPath(AZ_PROFILES_PATH, profileId),
    `availability zone profile "${profileId}"`,
    options,
  );
}

import type { PagedIterable, RequestOptions } from '@cloud/core';
import { boolean, optional, requireUuid, string } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import type { LoadBalancerListParams } from '../internal/common.js';
import { getResource, itemPath, listResources, resourceKind } from '../internal/rest.js';
import { optBool, optString } from '../internal/validate.js';

/**
 * A load-balancer flavor: a named set of provider options users pick at create time.
 * @example for await (const f of listLoadBalancerFlavors(client, { enabled: true })) console.log(f.id, f.name);
 */
export interface LoadBalancerFlavor {
  id: string;
  name: string;
  description: string | undefined;
  enabled: boolean;
  flavorProfileId: string | undefined;
  raw: Readonly<Record<string, unknown>>;
}

interface FlavorWire {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
  flavor_profile_id?: string;
}

const FLAVOR = resourceKind<FlavorWire, LoadBalancerFlavor>({
  singular: 'flavor',
  plural: 'flavors',
  label: 'load-balancer flavor',
  fields: {
    id: string,
    name: string,
    description: optional(string),
    enabled: boolean,
    flavor_profile_id: optional(string),
  },
  parse: (w) => ({
    id: w.id,
    name: w.name,
    description: w.description ?? undefined,
    enabled: w.enabled,
    flavorProfileId: w.flavor_profile_id ?? undefined,
    raw: w as unknown as Record<string, unknown>,
  }),
});

/**
 * A flavor profile (administrators): the provider and its options behind flavors.
 * @example const p = await getLoadBalancerFlavorProfile(client, id); console.log(p.providerName, p.flavorData);
 */
export interface LoadBalancerFlavorProfile {
  id: string;
  name: string;
  providerName: string | undefined;
  /** Provider options as a JSON text, e.g. `{"loadbalancer_topology": "ACTIVE_STANDBY"}`. */
  flavorData: string | undefined;
  raw: Readonly<Record<string, unknown>>;
}

interface FlavorProfileWire {
  id: string;
  name: string;
  provider_name?: string;
  flavor_data?: string;
}

const FLAVOR_PROFILE = resourceKind<FlavorProfileWire, LoadBalancerFlavorProfile>({
  singular: 'flavorprofile',
  plural: 'flavorprofiles',
  label: 'flavor profile',
  fields: { id: string, name: string, provider_name: optional(string), flavor_data: optional(string) },
  parse: (w) => ({
    id: w.id,
    name: w.name,
    providerName: w.provider_name ?? undefined,
    flavorData: w.flavor_data ?? undefined,
    raw: w as unknown as Record<string, unknown>,
  }),
});

const FLAVORS_PATH = 'lbaas/flavors';
const PROFILES_PATH = 'lbaas/flavorprofiles';

/**
 * Filters of {@link listLoadBalancerFlavors}.
 * @example listLoadBalancerFlavors(client, { enabled: true });
 */
export interface ListLoadBalancerFlavorsParams extends LoadBalancerListParams {
  name?: string | undefined;
  enabled?: boolean | undefined;
}

/**
 * Lists load-balancer flavors.
 * @example for await (const f of listLoadBalancerFlavors(client)) console.log(f.name, f.enabled);
 */
export function listLoadBalancerFlavors(
  client: LoadBalancerClient,
  params?: ListLoadBalancerFlavorsParams,
  options?: RequestOptions,
): PagedIterable<LoadBalancerFlavor> {
  const p = params ?? {};
  return listResources(
    client,
    FLAVOR,
    FLAVORS_PATH,
    params,
    { name: optString(p.name, 'name'), enabled: optBool(p.enabled, 'enabled') },
    options,
  );
}

/**
 * Reads one load-balancer flavor.
 * @throws NotFoundError when there is no such flavor.
 * @example const f = await getLoadBalancerFlavor(client, id);
 */
export async function getLoadBalancerFlavor(
  client: LoadBalancerClient,
  flavorId: string,
  options?: RequestOptions,
): Promise<LoadBalancerFlavor> {
  requireUuid(flavorId, 'flavorId');
  return getResource(
    client,
    FLAVOR,
    itemPath(FLAVORS_PATH, flavorId),
    `load-balancer flavor "${flavorId}"`,
    options,
  );
}

/**
 * Lists flavor profiles (administrators).
 * @example for await (const p of listLoadBalancerFlavorProfiles(admin)) console.log(p.name, p.providerName);
 */
export function listLoadBalancerFlavorProfiles(
  client: LoadBalancerClient,
  params?: LoadBalancerListParams & { name?: string | undefined; providerName?: string | undefined },
  options?: RequestOptions,
): PagedIterable<LoadBalancerFlavorProfile> {
  const p = params ?? {};
  return listResources(
    client,
    FLAVOR_PROFILE,
    PROFILES_PATH,
    params,
    { name: optString(p.name, 'name'), provider_name: optString(p.providerName, 'providerName') },
    options,
  );
}

/**
 * Reads one flavor profile (administrators).
 * @example const p = await getLoadBalancerFlavorProfile(admin, id);
 */
export async function getLoadBalancerFlavorProfile(
  client: LoadBalancerClient,
  flavorProfileId: string,
  options?: RequestOptions,
): Promise<LoadBalancerFlavorProfile> {
  requireUuid(flavorProfileId, 'flavorProfileId');
  return getResource(
    client,
    FLAVOR_PROFILE,
    itemPath(PROFILES_PATH, flavorProfileId),
    `flavor profile "${flavorProfileId}"`,
    options,
  );
}

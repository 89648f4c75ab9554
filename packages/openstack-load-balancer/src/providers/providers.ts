import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, encodeSegment, object, optional, singlePage, string, unwrap } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import { requireText } from '../internal/validate.js';

/**
 * A provider driver of the deployment (`amphora`, `ovn`…), or one of its capabilities.
 * @example for await (const p of listLoadBalancerProviders(client)) console.log(p.name, p.description);
 */
export interface LoadBalancerProvider {
  name: string;
  description: string | undefined;
}

const ROW = object<{ name: string; description?: string }>({ name: string, description: optional(string) });
const parse = (w: { name: string; description?: string }): LoadBalancerProvider => ({
  name: w.name,
  description: w.description ?? undefined,
});

async function read(
  client: LoadBalancerClient,
  path: string,
  key: string,
  options: RequestOptions | undefined,
  resource?: string,
): Promise<LoadBalancerProvider[]> {
  const res = await client.request('GET', path, { ...options, resource });
  return unwrap(res, key, arrayOf(ROW)).map(parse);
}

/**
 * Lists the enabled provider drivers.
 * @example const providers = await toArray(listLoadBalancerProviders(client));
 */
export function listLoadBalancerProviders(
  client: LoadBalancerClient,
  options?: RequestOptions,
): PagedIterable<LoadBalancerProvider> {
  return singlePage(() => read(client, 'lbaas/providers', 'providers', options));
}

/**
 * Lists the flavor capabilities of a provider (what a flavor profile of it may set).
 * @example for await (const c of listProviderFlavorCapabilities(client, 'amphora')) console.log(c.name);
 */
export function listProviderFlavorCapabilities(
  client: LoadBalancerClient,
  provider: string,
  options?: RequestOptions,
): PagedIterable<LoadBalancerProvider> {
  requireText(provider, 'provider');
  return singlePage(() =>
    read(
      client,
      `lbaas/providers/${encodeSegment(provider)}/flavor_capabilities`,
      'flavor_capabilities',
      options,
      `provider "${provider}"`,
    ),
  );
}

/**
 * Lists the availability-zone capabilities of a provider.
 * @example for await (const c of listProviderAvailabilityZoneCapabilities(client, 'amphora')) console.log(c.name);
 */
export function listProviderAvailabilityZoneCapabilities(
  client: LoadBalancerClient,
  provider: string,
  options?: RequestOptions,
): PagedIterable<LoadBalancerProvider> {
  requireText(provider, 'provider');
  return singlePage(() =>
    read(
      client,
      `lbaas/providers/${encodeSegment(provider)}/availability_zone_capabilities`,
      'availability_zone_capabilities',
      options,
      `provider "${provider}"`,
    ),
  );
}

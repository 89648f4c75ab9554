import type { PagedIterable, RequestOptions } from '@cloud/core';
import { arrayOf, object, singlePage, string, unwrap } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import { listQuery } from '../internal/query.js';
import { optString } from '../internal/validate.js';

/**
 * An availability zone of the network service, per resource kind.
 * @example for await (const az of listNetworkAvailabilityZones(network)) console.log(az.name, az.resource, az.state);
 */
export interface NetworkAvailabilityZone {
  name: string;
  /** `network` or `router`. */
  resource: 'network' | 'router' | (string & {});
  /** `available` or `unavailable`. */
  state: 'available' | 'unavailable' | (string & {});
}

/**
 * Filters of {@link listNetworkAvailabilityZones}.
 * @example listNetworkAvailabilityZones(network, { resource: 'router', state: 'available' });
 */
export interface ListNetworkAvailabilityZonesParams {
  name?: string | undefined;
  resource?: 'network' | 'router' | undefined;
  state?: 'available' | 'unavailable' | undefined;
}

const AZ = object<NetworkAvailabilityZone>({ name: string, resource: string, state: string });

/**
 * Lists the availability zones of networks and routers (the `availability_zone` extension).
 * One page: Neutron does not page this list.
 * @example const zones = await toArray(listNetworkAvailabilityZones(network, { resource: 'network' }));
 */
export function listNetworkAvailabilityZones(
  client: NetworkClient,
  params: ListNetworkAvailabilityZonesParams = {},
  options?: RequestOptions,
): PagedIterable<NetworkAvailabilityZone> {
  const searchParams = listQuery(
    {},
    {
      name: optString(params.name, 'name'),
      resource: optString(params.resource, 'resource'),
      state: optString(params.state, 'state'),
    },
  );
  return singlePage(async () => {
    const res = await client.request('GET', 'availability_zones', { ...options, searchParams });
    return unwrap(res, 'availability_zones', arrayOf(AZ)).map((z) => ({
      name: z.name,
      resource: z.resource,
      state: z.state,
    }));
  });
}

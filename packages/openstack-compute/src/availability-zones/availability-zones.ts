import { type PagedIterable, type RequestOptions, singlePage } from '@cloud/core';
import type { ComputeClient } from '../client.js';

/**
 * A compute availability zone.
 * @example const zones = await toArray(listAvailabilityZones(compute));
 */
export interface AvailabilityZone {
  name: string;
  available: boolean;
  /** With `detail` (administrators): services per host. */
  hosts?: Record<string, Record<string, { available: boolean; active: boolean }>> | undefined;
}

/** @internal wire shape */
interface AvailabilityZoneWire {
  zoneName: string;
  zoneState?: { available?: boolean };
  hosts?: Record<string, Record<string, { available: boolean; active: boolean }>> | null;
}

/**
 * Lists availability zones (`os-availability-zone`); with `detail`, administrators also get the
 * hosts and their services.
 * @example
 * ```ts
 * for await (const az of listAvailabilityZones(compute)) if (az.available) console.log(az.name);
 * ```
 */
export function listAvailabilityZones(
  client: ComputeClient,
  params: { detail?: boolean | undefined } = {},
  options?: RequestOptions,
): PagedIterable<AvailabilityZone> {
  return singlePage(async () => {
    const path = params.detail ? 'os-availability-zone/detail' : 'os-availability-zone';
    const res = await client.request<{ availabilityZoneInfo: AvailabilityZoneWire[] }>('GET', path, options);
    return (res.body?.availabilityZoneInfo ?? []).map((z) => ({
      name: z.zoneName,
      available: z.zoneState?.available ?? false,
      ...(z.hosts ? { hosts: z.hosts } : {}),
    }));
  });
}

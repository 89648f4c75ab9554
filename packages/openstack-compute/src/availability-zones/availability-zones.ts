import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  arrayOf,
  boolean,
  object,
  optional,
  recordOf,
  singlePage,
  string,
  unwrap,
} from '@cloud/core/service';
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
  options?: MicroversionRequestOptions,
): PagedIterable<AvailabilityZone> {
  return singlePage(async () => {
    const path = params.detail ? 'os-availability-zone/detail' : 'os-availability-zone';
    const res = await client.request('GET', path, options);
    return unwrap(res, 'availabilityZoneInfo', arrayOf(AVAILABILITY_ZONE)).map((z) => ({
      name: z.zoneName,
      available: z.zoneState?.available ?? false,
      ...(z.hosts ? { hosts: z.hosts } : {}),
    }));
  });
}

const AVAILABILITY_ZONE = object<AvailabilityZoneWire>({
  zoneName: string,
  zoneState: optional(object<{ available?: boolean }>({ available: optional(boolean) })),
  hosts: optional(
    recordOf(
      recordOf(object<{ available: boolean; active: boolean }>({ available: boolean, active: boolean })),
    ),
  ),
});

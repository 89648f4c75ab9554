import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import { boolean, object, string } from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { listWhole } from '../internal/list.js';

/**
 * An availability zone of the block storage service.
 * @example for await (const z of listBlockStorageAvailabilityZones(volumes)) console.log(z.name, z.available);
 */
export interface BlockStorageAvailabilityZone {
  name: string;
  available: boolean;
}

/**
 * Lists the block storage availability zones (one response).
 * @example for await (const z of listBlockStorageAvailabilityZones(volumes)) console.log(z.name);
 */
export function listBlockStorageAvailabilityZones(
  client: BlockStorageClient,
  options?: MicroversionRequestOptions,
): PagedIterable<BlockStorageAvailabilityZone> {
  return listWhole(client, {
    path: 'os-availability-zone',
    key: 'availabilityZoneInfo',
    shape: object<{ zoneName: string; zoneState: { available: boolean } }>({
      zoneName: string,
      zoneState: object<{ available: boolean }>({ available: boolean }),
    }),
    map: (w) => ({ name: w.zoneName, available: w.zoneState.available }),
    options,
  });
}

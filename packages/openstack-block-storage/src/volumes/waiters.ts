import type { StatusWaiterOptions, WaiterOptions } from '@cloud/core';
import { pollForStatus, pollUntilGone, requireString } from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import type { Volume, VolumeStatus } from './types.js';
import { getVolume } from './volumes.js';

/** Statuses that fail {@link waitForVolumeStatus} unless `failOn` says otherwise. */
export const VOLUME_FAILURE_STATUSES: readonly VolumeStatus[] = [
  'error',
  'error_deleting',
  'error_extending',
  'error_restoring',
  'error_backing-up',
];

/**
 * Waits until a volume reaches one of `status` (`available`, `in-use`, …). By default it fails at
 * once on `error`, `error_deleting`, `error_extending`, `error_restoring` and `error_backing-up`,
 * with the volume as the error's `lastValue`.
 * @example
 * ```ts
 * const v = await waitForVolumeStatus(volumes, id, 'available', { timeoutMs: 300_000 });
 * ```
 */
export function waitForVolumeStatus(
  client: BlockStorageClient,
  volumeId: string,
  status: VolumeStatus | (string & {}) | readonly (VolumeStatus | (string & {}))[],
  options: StatusWaiterOptions<VolumeStatus | (string & {}), Volume> = {},
): Promise<Volume> {
  requireString(volumeId, 'volumeId');
  return pollForStatus<Volume, string>({
    ...options,
    status,
    defaultFailOn: VOLUME_FAILURE_STATUSES,
    resource: `volume "${volumeId}"`,
    fetch: (signal) => getVolume(client, volumeId, { ...options.request, signal }),
    statusOf: (v) => v.status,
    failureDetail: (v) =>
      [`size ${v.size} GiB`, v.migrationStatus && `migration ${v.migrationStatus}`]
        .filter(Boolean)
        .join(', '),
  });
}

/**
 * Waits until a deleted volume is gone (404). Fails at once if it turns `error_deleting`.
 * @example
 * ```ts
 * await deleteVolume(volumes, id);
 * await waitForVolumeDeleted(volumes, id);
 * ```
 */
export function waitForVolumeDeleted(
  client: BlockStorageClient,
  volumeId: string,
  options: WaiterOptions<Volume> = {},
): Promise<void> {
  requireString(volumeId, 'volumeId');
  return pollUntilGone<Volume>({
    ...options,
    description: `volume "${volumeId}" to be deleted`,
    fetch: (signal) => getVolume(client, volumeId, { signal }),
    failure: (v) => (v.status === 'error_deleting' ? `volume "${volumeId}" is error_deleting` : undefined),
  });
}

import { type MicroversionRequestOptions, NotFoundError, type WaiterOptions } from '@cloud/core';
import { poll, pollUntilGone, requireUuid } from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
import type { VolumeAttachment } from './types.js';
import { getVolumeAttachment } from './volume-attachments.js';

/**
 * Options of {@link waitForServerVolumeAttachment} and {@link waitForServerVolumeDetached}: timing,
 * `signal`, `onPoll` (with the attachment as last read, or `undefined` while Nova has none) and
 * the `request` options of each poll.
 * @example await waitForServerVolumeAttachment(compute, serverId, volumeId, { timeoutMs: 120_000 });
 */
export interface VolumeAttachmentWaiterOptions extends WaiterOptions<VolumeAttachment | undefined> {
  /** Headers and per-request timeout of each poll. */
  request?: Omit<MicroversionRequestOptions, 'signal'> | undefined;
}

/**
 * The Nova side of an attachment: polls the server's volume attachments until Nova lists the
 * volume (a 404 means "not yet") and returns the attachment. Nova records the attachment as soon
 * as it accepts {@link attachVolume}, before the hypervisor has connected the disk, so also wait
 * on the Cinder side for the volume to be `in-use`; with `@cloud/openstack-block-storage`:
 * @throws WaiterTimeoutError after `timeoutMs` (default 10 minutes); AbortError when `signal` fires.
 * @example
 * ```ts
 * await attachVolume(compute, serverId, { volumeId });
 * await Promise.all([
 *   waitForServerVolumeAttachment(compute, serverId, volumeId, { timeoutMs: 120_000 }),
 *   waitForVolumeStatus(volumes, volumeId, 'in-use', { timeoutMs: 120_000 }), // @cloud/openstack-block-storage
 * ]);
 * ```
 */
export async function waitForServerVolumeAttachment(
  client: ComputeClient,
  serverId: string,
  volumeId: string,
  options: VolumeAttachmentWaiterOptions = {},
): Promise<VolumeAttachment> {
  requireServerId(serverId);
  requireUuid(volumeId, 'volumeId');
  const { request, ...waiter } = options;
  const found = await poll<VolumeAttachment | undefined>({
    ...waiter,
    description: `volume "${volumeId}" to be attached to server "${serverId}"`,
    fetch: (signal) =>
      getVolumeAttachment(client, serverId, volumeId, { ...request, signal }).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }),
    done: (a) => a !== undefined,
  });
  return found!;
}

/**
 * The Nova side of a detachment: polls until Nova no longer lists the volume among the server's
 * attachments (404). {@link detachVolume} returns while the detach is still running; the Cinder
 * side is done when the volume is `available` again; with `@cloud/openstack-block-storage`:
 * @throws WaiterTimeoutError after `timeoutMs` (default 10 minutes), with the attachment as
 *   `lastValue`; AbortError when `signal` fires.
 * @example
 * ```ts
 * await detachVolume(compute, serverId, volumeId);
 * await Promise.all([
 *   waitForServerVolumeDetached(compute, serverId, volumeId, { timeoutMs: 120_000 }),
 *   waitForVolumeStatus(volumes, volumeId, 'available', { timeoutMs: 120_000 }), // @cloud/openstack-block-storage
 * ]);
 * ```
 */
export async function waitForServerVolumeDetached(
  client: ComputeClient,
  serverId: string,
  volumeId: string,
  options: VolumeAttachmentWaiterOptions = {},
): Promise<void> {
  requireServerId(serverId);
  requireUuid(volumeId, 'volumeId');
  const { request, ...waiter } = options;
  await pollUntilGone<VolumeAttachment>({
    ...waiter,
    description: `volume "${volumeId}" to be detached from server "${serverId}"`,
    fetch: (signal) => getVolumeAttachment(client, serverId, volumeId, { ...request, signal }),
  });
}

import type { StatusWaiterOptions, WaiterOptions } from '@cloud/core';
import { pollForStatus, pollUntilGone } from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { checkImageId } from '../internal/validate.js';
import { getGlanceImage } from './images.js';
import { type GlanceImage, type GlanceImageStatus, IMAGE_STATUSES } from './types.js';

/** Statuses that end a wait with `WaiterFailureError` unless `failOn` says otherwise. */
export const DEFAULT_IMAGE_FAIL_ON: readonly GlanceImageStatus[] = ['killed', 'deleted', 'pending_delete'];

/** @internal Why an image failed, from Glance's import bookkeeping. */
export function imageFailureDetail(image: GlanceImage): string | undefined {
  return image.failedImportStores.length > 0
    ? `import failed for store(s) ${image.failedImportStores.join(', ')}`
    : undefined;
}

/**
 * Waits until an image reaches one of `status` (e.g. `active` after an upload or import).
 * Fails at once with `WaiterFailureError` (the image as `lastValue`) on `killed`, `deleted` or
 * `pending_delete` unless `failOn` says otherwise; a failed import's stores are named in the
 * message.
 * @example
 * ```ts
 * const image = await waitForGlanceImageStatus(glance, id, 'active', { timeoutMs: 10 * 60_000 });
 * ```
 */
export function waitForGlanceImageStatus(
  client: ImageClient,
  imageId: string,
  status: GlanceImageStatus | readonly GlanceImageStatus[],
  options: StatusWaiterOptions<GlanceImageStatus, GlanceImage> = {},
): Promise<GlanceImage> {
  checkImageId(imageId);
  return pollForStatus<GlanceImage, GlanceImageStatus>({
    ...options,
    status,
    defaultFailOn: DEFAULT_IMAGE_FAIL_ON,
    knownStatuses: IMAGE_STATUSES,
    resource: `image "${imageId}"`,
    fetch: (signal) => getGlanceImage(client, imageId, { ...options.request, signal }),
    statusOf: (image) => image.status,
    failureDetail: imageFailureDetail,
  });
}

/**
 * Waits until an image is gone: 404, or status `deleted`/`pending_delete` (clouds with delayed
 * delete keep the record a while).
 * @example
 * ```ts
 * await deleteGlanceImage(glance, id);
 * await waitForGlanceImageDeleted(glance, id, { timeoutMs: 60_000 });
 * ```
 */
export async function waitForGlanceImageDeleted(
  client: ImageClient,
  imageId: string,
  options: WaiterOptions<GlanceImage> & { request?: StatusWaiterOptions['request'] } = {},
): Promise<void> {
  checkImageId(imageId);
  const { request, ...rest } = options;
  await pollUntilGone<GlanceImage>({
    ...rest,
    description: `image "${imageId}" to be deleted`,
    fetch: (signal) => getGlanceImage(client, imageId, { ...request, signal }),
    gone: (image) => image.status === 'deleted' || image.status === 'pending_delete',
  });
}

import { CloudError } from '@cloud/core';

/**
 * The image has no data to download (Glance answered 204: nothing uploaded yet, or the data
 * was never imported).
 * @example
 * ```ts
 * try { await downloadImageToFile(glance, id, '/tmp/disk.img'); }
 * catch (e) { if (e instanceof ImageDataUnavailableError) console.log('upload data first'); }
 * ```
 */
export class ImageDataUnavailableError extends CloudError {
  readonly imageId: string;
  constructor(imageId: string, status?: string) {
    super(
      `image "${imageId}" has no data to download${status ? ` (status ${status})` : ''}`,
      'IMAGE_DATA_UNAVAILABLE',
    );
    this.imageId = imageId;
  }
}

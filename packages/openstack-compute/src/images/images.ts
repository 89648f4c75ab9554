import type { MicroversionRequestOptions, PagedIterable } from '@cloud/core';
import {
  type MicroversionGate,
  paginateByLinks,
  requireOneOf,
  requireUuid,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { checkComputeGates } from '../internal/microversion.js';
import {
  IMAGE,
  IMAGE_SUMMARY,
  type Image,
  type ImageSummary,
  type ImageSummaryWire,
  type ImageWire,
  parseImage,
  parseImageSummary,
} from './types.js';
import { imagePath, imagesDetailPath, imagesPath } from './urls.js';

/**
 * The compute image API is a proxy to the image service, removed at microversion 2.36.
 * @internal
 */
export function requireImageProxy(client: ComputeClient, options?: MicroversionRequestOptions): void {
  checkComputeGates(client, IMAGE_PROXY_GATES, undefined, options);
}

const IMAGE_PROXY_GATES: MicroversionGate[] = [
  {
    field: 'the compute image API',
    until: '2.36',
    advice: 'use the image service (Glance) or a compute client with microversion 2.35 or lower',
    operation: true,
  },
];

/**
 * Filters and paging of {@link listImages} and {@link listImagesDetail}.
 * @example listImagesDetail(compute, { status: 'ACTIVE', type: 'snapshot', limit: 50 });
 */
export interface ListImagesParams {
  name?: string | undefined;
  status?: string | undefined;
  /** Only snapshots of this server (its URL or id, as the cloud accepts). */
  server?: string | undefined;
  /** `snapshot` or `base`. */
  type?: 'snapshot' | 'base' | undefined;
  changesSince?: Date | string | undefined;
  minDisk?: number | undefined;
  minRam?: number | undefined;
  limit?: number | undefined;
  /** Start after this image id. */
  marker?: string | undefined;
}

function imageQuery(client: ComputeClient, p: ListImagesParams, options?: MicroversionRequestOptions) {
  requireImageProxy(client, options);
  if (p.type !== undefined) requireOneOf(p.type, ['snapshot', 'base'] as const, 'type');
  return {
    name: p.name,
    status: p.status,
    server: p.server,
    type: p.type,
    'changes-since': p.changesSince instanceof Date ? p.changesSince.toISOString() : p.changesSince,
    minDisk: p.minDisk,
    minRam: p.minRam,
  };
}

/**
 * Lists images (id, name, links) through the compute API, lazily, following `images_links`.
 * @remarks Removed at compute microversion 2.36: use a client without a microversion (or 2.35 at
 * most), or the image service.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`listGlanceImages`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * for await (const img of listImages(compute, { status: 'ACTIVE' })) console.log(img.id, img.name);
 * ```
 */
export function listImages(
  client: ComputeClient,
  params: ListImagesParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<ImageSummary> {
  return paginateByLinks<ImageSummaryWire, ImageSummary>({
    client,
    path: imagesPath(),
    key: 'images',
    linksKey: 'images_links',
    query: imageQuery(client, params, options),
    limit: params.limit,
    marker: params.marker,
    map: parseImageSummary,
    shape: IMAGE_SUMMARY,
    options,
  });
}

/**
 * Lists images with their details through the compute API, lazily.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`listGlanceImages`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * const snapshots = await toArray(listImagesDetail(compute, { type: 'snapshot' }));
 * ```
 */
export function listImagesDetail(
  client: ComputeClient,
  params: ListImagesParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Image> {
  return paginateByLinks<ImageWire, Image>({
    client,
    path: imagesDetailPath(),
    key: 'images',
    linksKey: 'images_links',
    query: imageQuery(client, params, options),
    limit: params.limit,
    marker: params.marker,
    map: parseImage,
    shape: IMAGE,
    options,
  });
}

/**
 * Gets one image through the compute API.
 * @remarks Removed at compute microversion 2.36.
 * @throws NotFoundError naming the image.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`getGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * const img = await getImage(compute, imageId);
 * if (img.status === 'ACTIVE') console.log('ready', img.minDisk);
 * ```
 */
export async function getImage(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<Image> {
  requireImageProxy(client, options);
  requireUuid(id, 'imageId');
  const res = await client.request('GET', imagePath(id), {
    ...options,
    resource: `image "${id}"`,
  });
  return parseImage(unwrap(res, 'image', IMAGE));
}

/**
 * Deletes an image through the compute API.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's image proxy: use `@cloud/openstack-image` (`deleteGlanceImage`) on clouds with Glance v2. Kept for old clouds and Rackspace.
 * @example
 * ```ts
 * await deleteImage(compute, imageId);
 * ```
 */
export async function deleteImage(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireImageProxy(client, options);
  requireUuid(id, 'imageId');
  await client.request('DELETE', imagePath(id), { ...options, resource: `image "${id}"` });
}

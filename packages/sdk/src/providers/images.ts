import { EndpointNotFoundError, type RequestOptions, toArray } from '@cloud/core';
import {
  type ComputeClient,
  getImage as getNovaImage,
  listImagesDetail,
  type Image as NovaImage,
} from '@cloud/openstack-compute';
import {
  createImageClient,
  type GlanceImage,
  getGlanceImage,
  type ImageClient,
  listGlanceImages,
} from '@cloud/openstack-image';
import type { ProviderImage } from './models.js';
import type { ProviderName } from './options.js';
import type { ProviderContext } from './session.js';

/**
 * Glance statuses in the words Nova's image proxy uses, so `ProviderImage.status` reads the same
 * whichever API served it (`queued`/`saving`/`uploading`/`importing` → `SAVING`, `killed` →
 * `ERROR`, `pending_delete` → `DELETED`; others upper-cased).
 */
const GLANCE_TO_NOVA: Record<string, string> = {
  active: 'ACTIVE',
  queued: 'SAVING',
  saving: 'SAVING',
  uploading: 'SAVING',
  importing: 'SAVING',
  killed: 'ERROR',
  deleted: 'DELETED',
  pending_delete: 'DELETED',
};

/** @internal */
export const glanceStatus = (status: string): string => GLANCE_TO_NOVA[status] ?? status.toUpperCase();

const fromGlance = (provider: ProviderName, i: GlanceImage): ProviderImage => ({
  provider,
  id: i.id,
  name: i.name ?? '',
  status: glanceStatus(i.status),
  minDisk: i.minDisk,
  minRam: i.minRam,
  created: i.createdAt,
  updated: i.updatedAt,
});

const fromNova = (provider: ProviderName, i: NovaImage): ProviderImage => ({
  provider,
  id: i.id,
  name: i.name,
  status: i.status,
  minDisk: i.minDisk,
  minRam: i.minRam,
  created: i.created,
  updated: i.updated,
});

/** The image half of the neutral compute client. @internal */
export interface ProviderImageReader {
  getImages(options?: RequestOptions): Promise<ProviderImage[]>;
  getImage(id: string, options?: RequestOptions): Promise<ProviderImage>;
}

/**
 * Images through Glance v2 when the catalog has an `image` service (OpenStack, Rackspace Cloud
 * Images), else through Nova's image proxy, which Nova refuses from microversion 2.36 on. The
 * choice is made once, on first use, from the catalog. @internal
 */
export function createProviderImages(ctx: ProviderContext, compute: ComputeClient): ProviderImageReader {
  const { provider } = ctx;
  const glance = createImageClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  let choice: Promise<ImageClient | undefined> | undefined;
  const viaGlance = (signal?: AbortSignal): Promise<ImageClient | undefined> => {
    choice ??= glance.endpoint(signal).then(
      () => glance,
      (error: unknown) => {
        if (error instanceof EndpointNotFoundError) return undefined;
        choice = undefined; // a failed authentication is retried on the next call
        throw error;
      },
    );
    return choice;
  };
  return {
    async getImages(options) {
      const client = await viaGlance(options?.signal);
      if (client)
        return (await toArray(listGlanceImages(client, {}, options))).map((i) => fromGlance(provider, i));
      return (await toArray(listImagesDetail(compute, {}, options))).map((i) => fromNova(provider, i));
    },
    async getImage(id, options) {
      const client = await viaGlance(options?.signal);
      if (client) return fromGlance(provider, await getGlanceImage(client, id, options));
      return fromNova(provider, await getNovaImage(compute, id, options));
    },
  };
}

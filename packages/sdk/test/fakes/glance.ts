/**
 * A read-only fake Glance v2 for msw, serving the compute fake's fixture images in Glance's wire
 * shape (lower-case statuses, `min_disk`/`min_ram`, `created_at`), so the neutral compute client
 * can be checked to return the same models through Glance as through Nova's image proxy.
 */
import type { Json } from '@cloud/testing/compute';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, notFound, unauthorized } from './common.js';

/** The fake's handlers and the calls it served. */
export interface FakeGlance {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  readonly calls: string[];
}

/** A Nova-proxy image fixture as Glance v2 shows it. */
export const glanceImageOf = (nova: Json): Json => ({
  id: nova.id,
  name: nova.name,
  status: String(nova.status).toLowerCase(),
  visibility: 'public',
  protected: false,
  owner: 'p-admin',
  size: nova['OS-EXT-IMG-SIZE:size'],
  disk_format: 'qcow2',
  container_format: 'bare',
  min_disk: nova.minDisk,
  min_ram: nova.minRam,
  tags: [],
  created_at: nova.created,
  updated_at: nova.updated,
  self: `/v2/images/${nova.id}`,
  file: `/v2/images/${nova.id}/file`,
  schema: '/v2/schemas/image',
  os_distro: nova.metadata?.os_distro,
});

/**
 * Creates the fake at `baseUrl` (the v2 root, e.g. `https://image.regionone.mock.test/v2`).
 * @example const glance = createFakeGlance({ baseUrl, images: FIXTURE_IMAGES }); cloud.use(...glance.handlers);
 */
export function createFakeGlance(options: { baseUrl: string; images: Json[] }): FakeGlance {
  const base = options.baseUrl.replace(/\/$/, '');
  const calls: string[] = [];
  const images = options.images.map(glanceImageOf);
  const handlers: RequestHandler[] = [
    http.get(`${base}/images`, ({ request }) => {
      calls.push(callOf(base, request));
      return (
        unauthorized(request) ??
        HttpResponse.json({ images, first: '/v2/images', schema: '/v2/schemas/images' })
      );
    }),
    http.get(`${base}/images/:id`, ({ request, params }) => {
      calls.push(callOf(base, request));
      const image = images.find((i) => i.id === params.id);
      return unauthorized(request) ?? (image ? HttpResponse.json(image) : notFound(`Image ${params.id}`));
    }),
  ];
  return { baseUrl: base, handlers, calls };
}

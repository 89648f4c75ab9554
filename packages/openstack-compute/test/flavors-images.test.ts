import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { FIXTURE_FLAVORS, FIXTURE_IMAGES, flavorFixture, imageFixture } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  deleteImage,
  deleteImageMetadata,
  deleteImageMetadataItem,
  getFlavor,
  getFlavorExtraSpecs,
  getImage,
  getImageMetadata,
  getImageMetadataItem,
  listFlavors,
  listFlavorsDetail,
  listImages,
  listImagesDetail,
  replaceImageMetadata,
  setImageMetadata,
  setImageMetadataItem,
} from '../src/index.js';
import {
  BASE,
  computeOf,
  computeRequests,
  IMAGE_ID,
  onlyRequest,
  pathOf,
  SERVER_ID,
  sent,
} from './fixtures/compute.js';

const cloud = setupMockCloud();

describe('flavors', () => {
  it('listFlavors parses summaries and sends filters', async () => {
    cloud.use(
      http.get(`${BASE}/flavors`, () =>
        HttpResponse.json({
          flavors: FIXTURE_FLAVORS.map(({ id, name, links }) => ({ id, name, links, description: null })),
        }),
      ),
    );
    const got = await toArray(
      listFlavors(computeOf(cloud), { minRam: 1024, minDisk: 10, isPublic: 'all', sortKey: 'ram' }),
    );
    expect(got.map((f) => [f.id, f.name])).toEqual([
      ['1', 'm1.tiny'],
      ['2', 'm1.small'],
      ['3', 'm1.medium'],
    ]);
    expect(got[0]).not.toHaveProperty('description');
    expect(Object.fromEntries(onlyRequest(cloud).url.searchParams)).toEqual({
      minRam: '1024',
      minDisk: '10',
      is_public: 'None',
      sort_key: 'ram',
    });
  });

  it('listFlavorsDetail follows flavors_links across three pages', async () => {
    const all = [1, 2, 3, 4, 5].map((n) => flavorFixture(String(n), `f${n}`, n, n * 512, n * 10));
    cloud.use(
      http.get(`${BASE}/flavors/detail`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const start = q.get('marker') ? all.findIndex((f) => f.id === q.get('marker')) + 1 : 0;
        const page = all.slice(start, start + 2);
        const more = start + 2 < all.length;
        return HttpResponse.json({
          flavors: page,
          ...(more
            ? {
                flavors_links: [
                  { rel: 'next', href: `${BASE}/flavors/detail?limit=2&marker=${page.at(-1)!.id}` },
                ],
              }
            : {}),
        });
      }),
    );
    const got = await toArray(listFlavorsDetail(computeOf(cloud), { limit: 2 }));
    expect(got.map((f) => f.ram)).toEqual([512, 1024, 1536, 2048, 2560]);
    expect(got[0]).toEqual({
      id: '1',
      name: 'f1',
      links: expect.any(Array),
      ram: 512,
      disk: 10,
      vcpus: 1,
      swap: 0,
      ephemeral: 0,
      isPublic: true,
      disabled: false,
      rxtxFactor: 1,
    });
    expect(computeRequests(cloud).map((r) => r.url.searchParams.get('marker'))).toEqual([null, '2', '4']);
  });

  it('getFlavor parses a flavor with description (2.55) and extra specs (2.61)', async () => {
    cloud.use(
      http.get(`${BASE}/flavors/:id`, () =>
        HttpResponse.json({
          flavor: {
            ...flavorFixture('7', 'gpu.large', 8, 32768, 80),
            swap: 1024,
            description: 'GPU',
            extra_specs: { 'pci_passthrough:alias': 'a1:1' },
          },
        }),
      ),
    );
    const f = await getFlavor(computeOf(cloud, { microversion: '2.61' }), '7');
    expect(f).toMatchObject({
      id: '7',
      swap: 1024,
      description: 'GPU',
      extraSpecs: { 'pci_passthrough:alias': 'a1:1' },
    });
    expect(pathOf(onlyRequest(cloud))).toBe('/flavors/7');
  });

  it('getFlavor names the flavor on a 404', async () => {
    cloud.use(
      http.get(`${BASE}/flavors/:id`, () =>
        HttpResponse.json(
          { itemNotFound: { code: 404, message: 'Flavor 99 could not be found.' } },
          { status: 404 },
        ),
      ),
    );
    const err = await getFlavor(computeOf(cloud), '99').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toContain('flavor "99" was not found');
  });

  it('getFlavorExtraSpecs reads os-extra_specs', async () => {
    cloud.use(
      http.get(`${BASE}/flavors/2/os-extra_specs`, () =>
        HttpResponse.json({ extra_specs: { 'hw:cpu_policy': 'dedicated' } }),
      ),
    );
    await expect(getFlavorExtraSpecs(computeOf(cloud), '2')).resolves.toEqual({
      'hw:cpu_policy': 'dedicated',
    });
  });

  it('rejects bad input before any request', async () => {
    expect(() => listFlavors(computeOf(cloud), { minRam: -1 })).toThrow(ValidationError);
    expect(() => listFlavors(computeOf(cloud), { minDisk: 1.5 })).toThrow(/minDisk must be an integer >= 0/);
    await expect(getFlavor(computeOf(cloud), '')).rejects.toThrow(/flavorId must be a non-empty string/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('images (compute image API)', () => {
  const img = FIXTURE_IMAGES[0]!;

  it('listImages sends filters and parses summaries', async () => {
    cloud.use(
      http.get(`${BASE}/images`, () =>
        HttpResponse.json({ images: [{ id: img.id, name: img.name, links: [] }] }),
      ),
    );
    const got = await toArray(
      listImages(computeOf(cloud), {
        status: 'ACTIVE',
        type: 'snapshot',
        changesSince: new Date(0),
        limit: 10,
      }),
    );
    expect(got).toEqual([{ id: IMAGE_ID, name: 'cirros-0.6.2-x86_64', links: [] }]);
    expect(Object.fromEntries(onlyRequest(cloud).url.searchParams)).toEqual({
      status: 'ACTIVE',
      type: 'snapshot',
      'changes-since': '1970-01-01T00:00:00.000Z',
      limit: '10',
    });
  });

  it('listImagesDetail parses details', async () => {
    cloud.use(
      http.get(`${BASE}/images/detail`, () =>
        HttpResponse.json({
          images: [{ ...imageFixture(IMAGE_ID, 'snap'), server: { id: SERVER_ID, links: [] } }],
        }),
      ),
    );
    const [i] = await toArray(listImagesDetail(computeOf(cloud)));
    expect(i).toEqual({
      id: IMAGE_ID,
      name: 'snap',
      links: expect.any(Array),
      status: 'ACTIVE',
      progress: 100,
      minDisk: 1,
      minRam: 0,
      created: new Date('2024-05-01T10:00:00Z'),
      updated: new Date('2024-05-01T10:05:00Z'),
      metadata: { os_distro: 'snap' },
      size: 25165824,
      serverId: SERVER_ID,
    });
  });

  it('getImage and deleteImage hit images/{id}; a 404 names the image', async () => {
    cloud.use(
      http.get(`${BASE}/images/${IMAGE_ID}`, () => HttpResponse.json({ image: img })),
      http.delete(`${BASE}/images/${IMAGE_ID}`, () => new HttpResponse(null, { status: 204 })),
    );
    const c = computeOf(cloud);
    expect((await getImage(c, IMAGE_ID)).name).toBe('cirros-0.6.2-x86_64');
    await deleteImage(c, IMAGE_ID);
    expect(computeRequests(cloud).map((r) => `${r.method} ${pathOf(r)}`)).toEqual([
      `GET /images/${IMAGE_ID}`,
      `DELETE /images/${IMAGE_ID}`,
    ]);
    cloud.use(
      http.get(`${BASE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json({ itemNotFound: { code: 404, message: 'Image not found.' } }, { status: 404 }),
      ),
    );
    await expect(getImage(c, IMAGE_ID)).rejects.toThrow(`image "${IMAGE_ID}" was not found`);
  });

  it('image metadata: set merges (POST), replace replaces (PUT), delete removes named keys', async () => {
    const m = `${BASE}/images/${IMAGE_ID}/metadata`;
    // Nova's semantics: POST merges, PUT replaces, one DELETE per key.
    let stored: Record<string, string> = { a: '1', keep: 'k' };
    const metadataOf = async (r: Request) =>
      ((await r.json()) as { metadata: Record<string, string> }).metadata;
    cloud.use(
      http.get(m, () => HttpResponse.json({ metadata: stored })),
      http.post(m, async ({ request }) => {
        stored = { ...stored, ...(await metadataOf(request)) };
        return HttpResponse.json({ metadata: stored });
      }),
      http.put(m, async ({ request }) => {
        stored = { ...(await metadataOf(request)) };
        return HttpResponse.json({ metadata: stored });
      }),
      http.get(`${m}/:key`, ({ params }) =>
        HttpResponse.json({ meta: { [String(params.key)]: stored[String(params.key)] } }),
      ),
      http.put(`${m}/:key`, async ({ request, params }) => {
        const { meta } = (await request.json()) as { meta: Record<string, string> };
        stored = { ...stored, ...meta };
        return HttpResponse.json({ meta: { [String(params.key)]: meta[String(params.key)] } });
      }),
      http.delete(`${m}/:key`, ({ params }) => {
        delete stored[String(params.key)];
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const c = computeOf(cloud);
    expect(await getImageMetadata(c, IMAGE_ID)).toEqual({ a: '1', keep: 'k' });
    expect(await setImageMetadata(c, IMAGE_ID, { b: '2' })).toEqual({ a: '1', keep: 'k', b: '2' });
    expect(await getImageMetadataItem(c, IMAGE_ID, 'a')).toBe('1');
    await setImageMetadataItem(c, IMAGE_ID, 'a', '3');
    await deleteImageMetadata(c, IMAGE_ID, ['b', 'absent']);
    expect(stored).toEqual({ a: '3', keep: 'k' });
    await deleteImageMetadataItem(c, IMAGE_ID, 'a');
    expect(await replaceImageMetadata(c, IMAGE_ID, { z: '9' })).toEqual({ z: '9' });
    const reqs = computeRequests(cloud);
    expect(reqs.map((r) => `${r.method} ${pathOf(r).replace(`/images/${IMAGE_ID}`, '')}`)).toEqual([
      'GET /metadata',
      'POST /metadata',
      'GET /metadata/a',
      'PUT /metadata/a',
      'GET /metadata',
      'DELETE /metadata/b',
      'DELETE /metadata/a',
      'PUT /metadata',
    ]);
    expect(JSON.parse(await reqs[1]!.body())).toEqual({ metadata: { b: '2' } });
    expect(JSON.parse(await reqs[3]!.body())).toEqual({ meta: { a: '3' } });
    expect(JSON.parse(await reqs[7]!.body())).toEqual({ metadata: { z: '9' } });
  });

  it('is refused from microversion 2.36, where Nova removed it', async () => {
    const c = computeOf(cloud, { microversion: '2.36' });
    expect(() => listImages(c)).toThrow(/compute image API is not available at compute microversion 2\.36/);
    await expect(getImage(c, IMAGE_ID)).rejects.toThrow(ValidationError);
    await expect(getImageMetadata(c, IMAGE_ID)).rejects.toThrow(/Glance/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('rejects an image id that is not a UUID', async () => {
    await expect(getImage(computeOf(cloud), 'cirros')).rejects.toThrow(/imageId must be a UUID/);
    await expect(deleteImage(computeOf(cloud), '')).rejects.toThrow(ValidationError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

it('sends the request id of a failed call in the message', async () => {
  cloud.use(
    http.get(`${BASE}/flavors/1`, () =>
      HttpResponse.json(
        { computeFault: { code: 500, message: 'Unexpected API Error.' } },
        { status: 500, headers: { 'x-compute-request-id': 'req-abc' } },
      ),
    ),
  );
  await expect(getFlavor(computeOf(cloud), '1')).rejects.toThrow(
    /^flavor "1": Unexpected API Error\. .*\[request req-abc\]$/,
  );
  expect(await sent(cloud)).toMatchObject({ method: 'GET', path: '/flavors/1' });
});

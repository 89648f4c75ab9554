import { ConflictError, InvalidResponseError, NotFoundError, toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createGlanceImage,
  createImageClient,
  deactivateImage,
  deleteGlanceImage,
  getGlanceImage,
  listGlanceImages,
  reactivateImage,
} from '../src/index.js';
import { GLANCE, IMAGE_ID, IMAGE_ID_2, OWNER, wireImage } from './fixtures.js';

const cloud = setupMockCloud();
const client = () => createImageClient(cloud.session());
const sent = () => cloud.requests.filter((r) => r.url.host.startsWith('image.'));

describe('createImageClient', () => {
  it('finds the unversioned endpoint in the catalog and adds /v2', async () => {
    cloud.use(http.get(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json(wireImage())));
    await getGlanceImage(client(), IMAGE_ID);
    expect(sent()[0]?.url.pathname).toBe(`/v2/images/${IMAGE_ID}`);
  });

  it('does not add /v2 twice to an endpoint that has it', async () => {
    cloud.use(http.get(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json(wireImage())));
    const glance = createImageClient(cloud.session(), { endpoint: `${GLANCE}/` });
    await getGlanceImage(glance, IMAGE_ID);
    expect(sent()[0]?.url.pathname).toBe(`/v2/images/${IMAGE_ID}`);
  });
});

describe('getGlanceImage', () => {
  it('maps every base property and keeps additional ones in properties and raw', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ stores: 'fast,cheap', os_glance_failed_import: '' })),
      ),
    );
    const image = await getGlanceImage(client(), IMAGE_ID);
    expect(image).toMatchObject({
      id: IMAGE_ID,
      name: 'tiny-linux',
      status: 'active',
      visibility: 'shared',
      hidden: false,
      owner: OWNER,
      size: 5,
      virtualSize: null,
      hashAlgorithm: 'sha512',
      diskFormat: 'raw',
      containerFormat: 'bare',
      minDisk: 1,
      minRam: 64,
      tags: ['ready'],
      stores: ['fast', 'cheap'],
      failedImportStores: [],
      file: `/v2/images/${IMAGE_ID}/file`,
    });
    expect(image.createdAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(image.properties).toEqual({
      os_distro: 'alpine',
      stores: 'fast,cheap',
      os_glance_failed_import: '',
    });
    expect(image.raw.os_distro).toBe('alpine');
  });

  it('names the image in a 404', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.text('<html><body><h1>404 Not Found</h1>No image found with ID x</body></html>', {
          status: 404,
          headers: { 'content-type': 'text/html' },
        }),
      ),
    );
    const error = await getGlanceImage(client(), IMAGE_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(IMAGE_ID);
  });

  it('refuses an id that is not a UUID before any request', async () => {
    await expect(getGlanceImage(client(), '../schemas/image')).rejects.toThrow(ValidationError);
    expect(sent()).toHaveLength(0);
  });
});

describe('listGlanceImages', () => {
  it('sends typed filters with Glance operators', async () => {
    cloud.use(http.get(`${GLANCE}/images`, () => HttpResponse.json({ images: [], first: '/v2/images' })));
    await toArray(
      listGlanceImages(client(), {
        name: ['a, b', 'c'],
        status: ['active', 'deactivated'],
        visibility: 'all',
        owner: OWNER,
        tag: ['ready', 'approved'],
        memberStatus: 'pending',
        protected: false,
        hidden: true,
        diskFormat: 'qcow2',
        sizeMin: 1,
        sizeMax: 1024,
        createdAt: { op: 'gte', value: new Date('2026-01-02T03:04:05.678Z') },
        updatedAt: { op: 'lt', value: '2026-02-01T00:00:00Z' },
        sort: [{ key: 'name', dir: 'asc' }, { key: 'created_at' }],
        properties: { os_distro: 'alpine' },
        limit: 10,
      }),
    );
    const q = sent()[0]!.url.searchParams;
    expect(q.get('name')).toBe('in:"a, b",c');
    expect(q.get('status')).toBe('in:active,deactivated');
    expect(q.get('visibility')).toBe('all');
    expect(q.get('owner')).toBe(OWNER);
    expect(q.getAll('tag')).toEqual(['ready', 'approved']);
    expect(q.get('member_status')).toBe('pending');
    expect(q.get('protected')).toBe('false');
    expect(q.get('os_hidden')).toBe('true');
    expect(q.get('disk_format')).toBe('qcow2');
    expect([q.get('size_min'), q.get('size_max')]).toEqual(['1', '1024']);
    expect(q.get('created_at')).toBe('gte:2026-01-02T03:04:05Z');
    expect(q.get('updated_at')).toBe('lt:2026-02-01T00:00:00Z');
    expect(q.get('sort')).toBe('name:asc,created_at:desc');
    expect(q.get('os_distro')).toBe('alpine');
    expect(q.get('limit')).toBe('10');
  });

  it('follows next links, keeping its own filters where the link lost repeated ones', async () => {
    cloud.use(
      http.get(`${GLANCE}/images`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        if (!marker) {
          // Glance writes the link from a dict: only the last tag survives.
          return HttpResponse.json({
            images: [wireImage()],
            next: `/v2/images?tag=approved&limit=1&marker=${IMAGE_ID}`,
            first: '/v2/images?tag=approved&limit=1',
            schema: '/v2/schemas/images',
          });
        }
        return HttpResponse.json({ images: [wireImage({ id: IMAGE_ID_2 })], first: '/v2/images' });
      }),
    );
    const ids = (await toArray(listGlanceImages(client(), { tag: ['ready', 'approved'], limit: 1 }))).map(
      (i) => i.id,
    );
    expect(ids).toEqual([IMAGE_ID, IMAGE_ID_2]);
    const second = sent()[1]!.url.searchParams;
    expect(second.getAll('tag')).toEqual(['ready', 'approved']);
    expect(second.get('marker')).toBe(IMAGE_ID);
  });

  it('resumes from a continuationToken in a later listing', async () => {
    cloud.use(
      http.get(`${GLANCE}/images`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        return marker === IMAGE_ID
          ? HttpResponse.json({ images: [wireImage({ id: IMAGE_ID_2 })] })
          : HttpResponse.json({ images: [wireImage()], next: `/v2/images?marker=${IMAGE_ID}` });
      }),
    );
    const pages = listGlanceImages(client(), { limit: 1 }).byPage();
    const first = (await pages[Symbol.asyncIterator]().next()).value!;
    expect(first.continuationToken).toEqual(expect.any(String));
    const rest = await toArray(
      listGlanceImages(client(), { limit: 1 }).byPage({ continuationToken: first.continuationToken }),
    );
    expect(rest.flat().map((i) => i.id)).toEqual([IMAGE_ID_2]);
  });

  it('ends on a next link that repeats the marker just sent', async () => {
    cloud.use(
      http.get(`${GLANCE}/images`, () =>
        HttpResponse.json({ images: [wireImage()], next: `/v2/images?marker=${IMAGE_ID}` }),
      ),
    );
    const all = await toArray(listGlanceImages(client(), { marker: IMAGE_ID }));
    expect(all).toHaveLength(1);
    expect(sent()).toHaveLength(1);
  });

  it.each([
    [{ status: [] }, 'status'],
    [{ name: ['a"b', 'c'] }, 'name[0]'],
    [{ visibility: 'everyone' }, 'visibility'],
    [{ memberStatus: 'maybe' }, 'memberStatus'],
    [{ sizeMin: -1 }, 'sizeMin'],
    [{ createdAt: { op: 'after', value: '2026-01-01' } }, 'createdAt.op'],
    [{ createdAt: { op: 'gt', value: 'yesterday' } }, 'createdAt.value'],
    [{ sort: [{ key: 'name:asc' }] }, 'sort[0].key'],
    [{ sort: [{ key: 'name', dir: 'up' }] }, 'sort[0].dir'],
    [{ properties: { status: 'active' } }, 'properties.status'],
    [{ limit: 0 }, 'limit'],
    [{ marker: 'nope' }, 'marker'],
    [{ hidden: 'yes' }, 'hidden'],
  ])('refuses bad filters %j before any request', (params, field) => {
    expect(() => listGlanceImages(client(), params as never)).toThrow(
      expect.objectContaining({ name: 'ValidationError', field }),
    );
    expect(sent()).toHaveLength(0);
  });
});

describe('createGlanceImage', () => {
  it('sends base fields in wire names and properties beside them', async () => {
    cloud.use(
      http.post(`${GLANCE}/images`, () =>
        HttpResponse.json(wireImage({ status: 'queued', size: null }), { status: 201 }),
      ),
    );
    const image = await createGlanceImage(client(), {
      id: IMAGE_ID,
      name: 'tiny-linux',
      diskFormat: 'raw',
      containerFormat: 'bare',
      visibility: 'private',
      protected: false,
      hidden: false,
      minDisk: 1,
      minRam: 64,
      tags: ['ready'],
      properties: { os_distro: 'alpine' },
    });
    expect(image.status).toBe('queued');
    expect(image.size).toBeNull();
    expect(JSON.parse(await sent()[0]!.body())).toEqual({
      id: IMAGE_ID,
      name: 'tiny-linux',
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'private',
      protected: false,
      os_hidden: false,
      min_disk: 1,
      min_ram: 64,
      tags: ['ready'],
      os_distro: 'alpine',
    });
  });

  it.each([
    [{ name: ' ' }, 'name'],
    [{ id: 'abc' }, 'id'],
    [{ minRam: 1.5 }, 'minRam'],
    [{ tags: 'ready' }, 'tags'],
    [{ properties: { os_distro: 7 } }, 'properties.os_distro'],
    [{ properties: { min_ram: '1' } }, 'properties.min_ram'],
    [{ properties: { os_glance_import_task: 'x' } }, 'properties.os_glance_import_task'],
    [{ visibility: 'secret' }, 'visibility'],
  ])('refuses %j before any request', async (params, field) => {
    await expect(createGlanceImage(client(), params as never)).rejects.toMatchObject({
      name: 'ValidationError',
      field,
    });
    expect(sent()).toHaveLength(0);
  });
});

describe('delete, deactivate, reactivate', () => {
  it('sends the documented requests', async () => {
    cloud.use(
      http.delete(`${GLANCE}/images/${IMAGE_ID}`, () => new HttpResponse(null, { status: 204 })),
      http.post(
        `${GLANCE}/images/${IMAGE_ID}/actions/deactivate`,
        () => new HttpResponse(null, { status: 204 }),
      ),
      http.post(
        `${GLANCE}/images/${IMAGE_ID}/actions/reactivate`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await deactivateImage(client(), IMAGE_ID);
    await reactivateImage(client(), IMAGE_ID);
    await deleteGlanceImage(client(), IMAGE_ID);
    expect(sent().map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      `POST /v2/images/${IMAGE_ID}/actions/deactivate`,
      `POST /v2/images/${IMAGE_ID}/actions/reactivate`,
      `DELETE /v2/images/${IMAGE_ID}`,
    ]);
  });

  it('maps a 409 to ConflictError', async () => {
    cloud.use(
      http.post(`${GLANCE}/images/${IMAGE_ID}/actions/deactivate`, () =>
        HttpResponse.text('Not allowed to deactivate image in status queued', { status: 409 }),
      ),
    );
    await expect(deactivateImage(client(), IMAGE_ID)).rejects.toThrow(ConflictError);
  });
});

describe('bad responses', () => {
  it.each([
    ['HTML', () => HttpResponse.text('<html>oops</html>', { headers: { 'content-type': 'text/html' } })],
    [
      'truncated JSON',
      () => HttpResponse.text('{"id": "x', { headers: { 'content-type': 'application/json' } }),
    ],
    ['null', () => HttpResponse.json(null)],
    ['{}', () => HttpResponse.json({})],
    ['a wrong type', () => HttpResponse.json(wireImage({ size: '5' }))],
  ])('getGlanceImage turns %s into InvalidResponseError', async (_name, reply) => {
    cloud.use(http.get(`${GLANCE}/images/${IMAGE_ID}`, reply));
    await expect(getGlanceImage(client(), IMAGE_ID)).rejects.toThrow(InvalidResponseError);
  });

  it.each([
    ['HTML', () => HttpResponse.text('<html>oops</html>', { headers: { 'content-type': 'text/html' } })],
    ['null', () => HttpResponse.json(null)],
    ['{}', () => HttpResponse.json({})],
    ['a bad row', () => HttpResponse.json({ images: [{ id: 1 }] })],
    ['a bad next', () => HttpResponse.json({ images: [], next: 5 })],
  ])('listGlanceImages turns %s into InvalidResponseError', async (_name, reply) => {
    cloud.use(http.get(`${GLANCE}/images`, reply));
    await expect(toArray(listGlanceImages(client()))).rejects.toThrow(InvalidResponseError);
  });

  it('createGlanceImage turns {} into InvalidResponseError', async () => {
    cloud.use(http.post(`${GLANCE}/images`, () => HttpResponse.json({}, { status: 201 })));
    await expect(createGlanceImage(client(), { name: 'x' })).rejects.toThrow(InvalidResponseError);
  });
});

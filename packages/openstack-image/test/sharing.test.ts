import { InvalidResponseError, NotFoundError, toArray, WaiterFailureError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  addImageMember,
  createImageClient,
  deleteImageMember,
  getGlanceTask,
  getImageImportInfo,
  getImageMember,
  getImageSchema,
  getImagesSchema,
  importImage,
  listGlanceTasks,
  listImageMembers,
  listImageStores,
  listImageTasks,
  updateImageMemberStatus,
  waitForImageImport,
} from '../src/index.js';
import { GLANCE, IMAGE_ID, OWNER, wireImage } from './fixtures.js';

const cloud = setupMockCloud();
const client = () => createImageClient(cloud.session());
const sent = () => cloud.requests.filter((r) => r.url.host.startsWith('image.'));
const MEMBER = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const TASK_ID = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const wireMember = (status = 'pending') => ({
  image_id: IMAGE_ID,
  member_id: MEMBER,
  status,
  created_at: '2026-03-01T10:00:00Z',
  updated_at: '2026-03-01T10:00:00Z',
  schema: '/v2/schemas/member',
});
const wireTask = (over: Record<string, unknown> = {}) => ({
  id: TASK_ID,
  type: 'api_image_import',
  status: 'processing',
  owner: OWNER,
  message: 'Copied 15 MiB',
  input: { image_id: IMAGE_ID },
  result: null,
  created_at: '2026-03-01T10:00:00.000000',
  updated_at: '2026-03-01T10:01:00.000000',
  expires_at: null,
  ...over,
});

describe('members', () => {
  it('adds, lists, gets, accepts and removes a member', async () => {
    cloud.use(
      http.post(`${GLANCE}/images/${IMAGE_ID}/members`, () => HttpResponse.json(wireMember())),
      http.get(`${GLANCE}/images/${IMAGE_ID}/members`, () =>
        HttpResponse.json({ members: [wireMember()], schema: '/v2/schemas/members' }),
      ),
      http.get(`${GLANCE}/images/${IMAGE_ID}/members/${MEMBER}`, () => HttpResponse.json(wireMember())),
      http.put(`${GLANCE}/images/${IMAGE_ID}/members/${MEMBER}`, () =>
        HttpResponse.json(wireMember('accepted')),
      ),
      http.delete(
        `${GLANCE}/images/${IMAGE_ID}/members/${MEMBER}`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    const added = await addImageMember(client(), IMAGE_ID, MEMBER);
    expect(added).toMatchObject({ imageId: IMAGE_ID, memberId: MEMBER, status: 'pending' });
    expect(await toArray(listImageMembers(client(), IMAGE_ID))).toHaveLength(1);
    expect((await getImageMember(client(), IMAGE_ID, MEMBER)).createdAt.toISOString()).toBe(
      '2026-03-01T10:00:00.000Z',
    );
    expect((await updateImageMemberStatus(client(), IMAGE_ID, MEMBER, 'accepted')).status).toBe('accepted');
    await deleteImageMember(client(), IMAGE_ID, MEMBER);
    const bodies = await Promise.all(sent().map((r) => r.body()));
    expect(JSON.parse(bodies[0]!)).toEqual({ member: MEMBER });
    expect(JSON.parse(bodies[3]!)).toEqual({ status: 'accepted' });
  });

  it('refuses a bad status or member id before any request', async () => {
    await expect(updateImageMemberStatus(client(), IMAGE_ID, MEMBER, 'ok' as never)).rejects.toMatchObject({
      field: 'status',
    });
    await expect(addImageMember(client(), IMAGE_ID, 'a/b')).rejects.toMatchObject({ field: 'memberId' });
    expect(sent()).toHaveLength(0);
  });

  it('names the member in a 404', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}/members/${MEMBER}`, () =>
        HttpResponse.text('nope', { status: 404 }),
      ),
    );
    const e = await getImageMember(client(), IMAGE_ID, MEMBER).catch((x) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.message).toContain(MEMBER);
  });
});

describe('import', () => {
  it('discovers methods and stores', async () => {
    cloud.use(
      http.get(`${GLANCE}/info/import`, () =>
        HttpResponse.json({
          'import-methods': { description: 'd', type: 'array', value: ['glance-direct'] },
        }),
      ),
      http.get(`${GLANCE}/info/stores`, () =>
        HttpResponse.json({
          stores: [
            { id: 'fast', description: 'quick', default: 'true' },
            { id: 'ro', 'read-only': true },
          ],
        }),
      ),
    );
    expect((await getImageImportInfo(client())).methods).toEqual(['glance-direct']);
    expect(await listImageStores(client())).toMatchObject([
      { id: 'fast', isDefault: true, readOnly: false },
      { id: 'ro', isDefault: false, readOnly: true },
    ]);
  });

  it('sends each import method body', async () => {
    cloud.use(
      http.post(`${GLANCE}/images/${IMAGE_ID}/import`, () => new HttpResponse(null, { status: 202 })),
    );
    await importImage(client(), IMAGE_ID, { method: 'glance-direct' });
    await importImage(client(), IMAGE_ID, {
      method: 'web-download',
      uri: 'https://example.test/disk.img',
      allStores: true,
      allStoresMustSucceed: false,
    });
    await importImage(client(), IMAGE_ID, { method: 'copy-image', stores: ['cheap'] });
    const bodies = await Promise.all(sent().map(async (r) => JSON.parse(await r.body())));
    expect(bodies).toEqual([
      { method: { name: 'glance-direct' } },
      {
        method: { name: 'web-download', uri: 'https://example.test/disk.img' },
        all_stores: true,
        all_stores_must_succeed: false,
      },
      { method: { name: 'copy-image' }, stores: ['cheap'] },
    ]);
  });

  it.each([
    [{ method: 'ftp' }, 'method'],
    [{ method: 'web-download' }, 'uri'],
    [{ method: 'web-download', uri: 'file:///etc/passwd' }, 'uri'],
    [{ method: 'glance-direct', uri: 'https://x' }, 'uri'],
    [{ method: 'copy-image' }, 'stores'],
    [{ method: 'copy-image', stores: ['a'], allStores: true }, 'stores'],
    [{ method: 'glance-download', glanceRegion: 'R2' }, 'glanceImageId'],
  ])('refuses %j before any request', async (params, field) => {
    await expect(importImage(client(), IMAGE_ID, params as never)).rejects.toMatchObject({ field });
    expect(sent()).toHaveLength(0);
  });

  it('waits for the import to finish', async () => {
    const states = ['uploading', 'importing', 'active'];
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ status: states.shift() ?? 'active' })),
      ),
    );
    expect((await waitForImageImport(client(), IMAGE_ID, { minDelayMs: 1 })).status).toBe('active');
  });

  it('fails with the stores Glance reports as failed', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(
          wireImage({
            status: 'active',
            os_glance_importing_to_stores: '',
            os_glance_failed_import: 'cheap',
          }),
        ),
      ),
    );
    const e = await waitForImageImport(client(), IMAGE_ID, { stores: ['cheap'], minDelayMs: 1 }).catch(
      (x) => x,
    );
    expect(e).toBeInstanceOf(WaiterFailureError);
    expect(e.message).toContain('cheap');
  });

  it('fails when an importing image goes back to queued', async () => {
    const states = ['importing', 'queued'];
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ status: states.shift() ?? 'queued' })),
      ),
    );
    const e = await waitForImageImport(client(), IMAGE_ID, { minDelayMs: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(WaiterFailureError);
    expect(e.message).toContain('queued');
  });

  it('waits for copy-image stores to leave os_glance_importing_to_stores', async () => {
    const importing = ['cheap', 'cheap', ''];
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ os_glance_importing_to_stores: importing.shift() ?? '' })),
      ),
    );
    await waitForImageImport(client(), IMAGE_ID, { stores: ['cheap'], minDelayMs: 1, maxDelayMs: 2 });
    expect(importing).toHaveLength(0);
  });
});

describe('schemas and tasks', () => {
  it('reads schemas', async () => {
    cloud.use(
      http.get(`${GLANCE}/schemas/image`, () =>
        HttpResponse.json({ name: 'image', properties: { disk_format: { enum: ['raw'] } }, links: [] }),
      ),
      http.get(`${GLANCE}/schemas/images`, () =>
        HttpResponse.json({ name: 'images', properties: { images: {} }, links: [] }),
      ),
    );
    expect((await getImageSchema(client())).properties.disk_format).toEqual({ enum: ['raw'] });
    expect((await getImagesSchema(client())).name).toBe('images');
  });

  it('lists tasks with next paging, gets one, lists an image’s tasks', async () => {
    cloud.use(
      http.get(`${GLANCE}/tasks`, ({ request }) =>
        new URL(request.url).searchParams.get('marker')
          ? HttpResponse.json({ tasks: [wireTask({ id: '2a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d' })] })
          : HttpResponse.json({ tasks: [wireTask()], next: `/v2/tasks?status=processing&marker=${TASK_ID}` }),
      ),
      http.get(`${GLANCE}/tasks/${TASK_ID}`, () => HttpResponse.json(wireTask({ status: 'failure' }))),
      http.get(`${GLANCE}/images/${IMAGE_ID}/tasks`, () =>
        HttpResponse.json({ tasks: [wireTask({ image_id: IMAGE_ID, 'request-id': 'req-1' })] }),
      ),
    );
    expect(await toArray(listGlanceTasks(client(), { status: 'processing' }))).toHaveLength(2);
    expect(sent()[1]!.url.searchParams.get('status')).toBe('processing');
    expect((await getGlanceTask(client(), TASK_ID)).status).toBe('failure');
    const [t] = await toArray(listImageTasks(client(), IMAGE_ID));
    expect(t).toMatchObject({ imageId: IMAGE_ID, requestId: 'req-1', message: 'Copied 15 MiB' });
    expect(t!.createdAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it.each([
    ['getImageImportInfo', `${GLANCE}/info/import`, () => getImageImportInfo(client())],
    ['listImageStores', `${GLANCE}/info/stores`, () => listImageStores(client())],
    ['getImageSchema', `${GLANCE}/schemas/image`, () => getImageSchema(client())],
    [
      'listImageMembers',
      `${GLANCE}/images/${IMAGE_ID}/members`,
      () => toArray(listImageMembers(client(), IMAGE_ID)),
    ],
    [
      'getImageMember',
      `${GLANCE}/images/${IMAGE_ID}/members/${MEMBER}`,
      () => getImageMember(client(), IMAGE_ID, MEMBER),
    ],
    ['listGlanceTasks', `${GLANCE}/tasks`, () => toArray(listGlanceTasks(client()))],
    ['getGlanceTask', `${GLANCE}/tasks/${TASK_ID}`, () => getGlanceTask(client(), TASK_ID)],
    [
      'listImageTasks',
      `${GLANCE}/images/${IMAGE_ID}/tasks`,
      () => toArray(listImageTasks(client(), IMAGE_ID)),
    ],
  ])('%s turns HTML, null, {} and wrong types into InvalidResponseError', async (_name, url, call) => {
    for (const reply of [
      () => HttpResponse.text('<html>proxy error</html>', { headers: { 'content-type': 'text/html' } }),
      () => HttpResponse.text('{"a":', { headers: { 'content-type': 'application/json' } }),
      () => HttpResponse.json(null),
      () => HttpResponse.json({}),
      () => HttpResponse.json({ id: 5, name: 5, stores: 5, members: 5, tasks: 5, 'import-methods': 5 }),
    ]) {
      cloud.use(http.get(url, reply));
      await expect(call()).rejects.toThrow(InvalidResponseError);
    }
  });
});

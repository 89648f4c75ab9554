import { ConflictError, InvalidResponseError, WaiterFailureError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  addImageTag,
  buildImagePatch,
  createImageClient,
  deleteImageProperties,
  deleteImageTag,
  IMAGE_PATCH_CONTENT_TYPE,
  imagePatchPath,
  replaceImageProperties,
  replaceImageTags,
  setImageProperties,
  updateGlanceImage,
  waitForGlanceImageDeleted,
  waitForGlanceImageStatus,
} from '../src/index.js';
import { GLANCE, IMAGE_ID, wireImage } from './fixtures.js';

const cloud = setupMockCloud();
const client = () => createImageClient(cloud.session());
const sent = () => cloud.requests.filter((r) => r.url.host.startsWith('image.'));

describe('buildImagePatch', () => {
  it('replaces base properties, adds additional ones, removes named ones', () => {
    expect(
      buildImagePatch({
        name: 'n',
        visibility: 'community',
        minRam: 128,
        hidden: true,
        tags: ['a'],
        properties: { os_distro: 'debian', 'a/b~c': 'x', skipped: undefined },
        removeProperties: ['stale'],
      }),
    ).toEqual([
      { op: 'replace', path: '/name', value: 'n' },
      { op: 'replace', path: '/visibility', value: 'community' },
      { op: 'replace', path: '/os_hidden', value: true },
      { op: 'replace', path: '/min_ram', value: 128 },
      { op: 'replace', path: '/tags', value: ['a'] },
      { op: 'add', path: '/os_distro', value: 'debian' },
      { op: 'add', path: '/a~1b~0c', value: 'x' },
      { op: 'remove', path: '/stale' },
    ]);
  });

  it('escapes JSON Pointer paths', () => {
    expect(imagePatchPath('~/')).toBe('/~0~1');
  });

  it.each([
    [{ properties: { size: '1' } }, 'properties.size'],
    [{ properties: { x: 1 } }, 'properties.x'],
    [{ removeProperties: ['name'] }, 'removeProperties[0]'],
    [{ removeProperties: ['x'], properties: { x: 'y' } }, 'removeProperties[0]'],
    [{ minDisk: -1 }, 'minDisk'],
  ])('refuses %j', (update, field) => {
    expect(() => buildImagePatch(update as never)).toThrow(expect.objectContaining({ field }));
  });
});

describe('updateGlanceImage', () => {
  it('sends the JSON Patch media type and parses the image', async () => {
    cloud.use(
      http.patch(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json(wireImage({ name: 'new' }))),
    );
    const image = await updateGlanceImage(client(), IMAGE_ID, { name: 'new' });
    expect(image.name).toBe('new');
    const req = sent()[0]!;
    expect(req.headers.get('content-type')).toBe(IMAGE_PATCH_CONTENT_TYPE);
    expect(JSON.parse(await req.body())).toEqual([{ op: 'replace', path: '/name', value: 'new' }]);
  });

  it('sends raw operations as given, after checking them', async () => {
    cloud.use(http.patch(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json(wireImage())));
    await updateGlanceImage(client(), IMAGE_ID, [{ op: 'remove', path: '/os_distro' }]);
    expect(JSON.parse(await sent()[0]!.body())).toEqual([{ op: 'remove', path: '/os_distro' }]);
    await expect(
      updateGlanceImage(client(), IMAGE_ID, [{ op: 'move', path: '/a' } as never]),
    ).rejects.toMatchObject({
      field: 'patch[0].op',
    });
    await expect(
      updateGlanceImage(client(), IMAGE_ID, [{ op: 'add', path: 'a' } as never]),
    ).rejects.toMatchObject({
      field: 'patch[0].path',
    });
    expect(sent()).toHaveLength(1);
  });

  it('maps a 409 (replace of a missing property) to ConflictError', async () => {
    cloud.use(
      http.patch(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.text('Property x does not exist.', { status: 409 }),
      ),
    );
    await expect(
      updateGlanceImage(client(), IMAGE_ID, [{ op: 'replace', path: '/x', value: 'y' }]),
    ).rejects.toThrow(ConflictError);
  });

  it('turns a body without an image into InvalidResponseError', async () => {
    cloud.use(http.patch(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json({ image: wireImage() })));
    await expect(updateGlanceImage(client(), IMAGE_ID, { name: 'x' })).rejects.toThrow(InvalidResponseError);
  });
});

describe('property verbs', () => {
  const patches: unknown[] = [];
  const handlers = (props: Record<string, string>) => [
    http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
      HttpResponse.json(wireImage({ os_distro: undefined, ...props })),
    ),
    http.patch(`${GLANCE}/images/${IMAGE_ID}`, async ({ request }) => {
      patches.push(await request.json());
      return HttpResponse.json(wireImage());
    }),
  ];

  it('setImageProperties merges with add operations', async () => {
    patches.length = 0;
    cloud.use(...handlers({}));
    await setImageProperties(client(), IMAGE_ID, { os_version: '13' });
    expect(patches).toEqual([[{ op: 'add', path: '/os_version', value: '13' }]]);
  });

  it('replaceImageProperties removes the others but leaves Glance bookkeeping', async () => {
    patches.length = 0;
    cloud.use(...handlers({ old: '1', keep: '2', os_glance_import_task: 't', stores: 'file' }));
    await replaceImageProperties(client(), IMAGE_ID, { keep: '3' });
    expect(patches).toEqual([
      [
        { op: 'add', path: '/keep', value: '3' },
        { op: 'remove', path: '/old' },
      ],
    ]);
  });

  it('deleteImageProperties skips names the image does not have', async () => {
    patches.length = 0;
    cloud.use(...handlers({ a: '1' }));
    await deleteImageProperties(client(), IMAGE_ID, ['a', 'missing']);
    expect(patches).toEqual([[{ op: 'remove', path: '/a' }]]);
    await deleteImageProperties(client(), IMAGE_ID, ['missing']);
    expect(patches).toHaveLength(1);
  });
});

describe('tags', () => {
  it('adds, deletes (encoded) and replaces tags', async () => {
    cloud.use(
      http.put(`${GLANCE}/images/${IMAGE_ID}/tags/:tag`, () => new HttpResponse(null, { status: 204 })),
      http.delete(`${GLANCE}/images/${IMAGE_ID}/tags/:tag`, () => new HttpResponse(null, { status: 204 })),
      http.patch(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json(wireImage({ tags: ['x', 'y'] }))),
    );
    await addImageTag(client(), IMAGE_ID, 'a b/c');
    await deleteImageTag(client(), IMAGE_ID, 'ready');
    const image = await replaceImageTags(client(), IMAGE_ID, ['x', 'y']);
    expect(image.tags).toEqual(['x', 'y']);
    expect(sent().map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      `PUT /v2/images/${IMAGE_ID}/tags/a%20b%2Fc`,
      `DELETE /v2/images/${IMAGE_ID}/tags/ready`,
      `PATCH /v2/images/${IMAGE_ID}`,
    ]);
    await expect(addImageTag(client(), IMAGE_ID, '')).rejects.toMatchObject({ field: 'tag' });
  });
});

describe('waiters', () => {
  it('waits for active', async () => {
    let n = 0;
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ status: ++n < 3 ? 'saving' : 'active' })),
      ),
    );
    const image = await waitForGlanceImageStatus(client(), IMAGE_ID, 'active', {
      minDelayMs: 1,
      maxDelayMs: 2,
    });
    expect(image.status).toBe('active');
    expect(n).toBe(3);
  });

  it('fails on killed, naming failed import stores', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ status: 'killed', os_glance_failed_import: 'fast' })),
      ),
    );
    const error = await waitForGlanceImageStatus(client(), IMAGE_ID, 'active', { minDelayMs: 1 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(WaiterFailureError);
    expect(error.message).toContain('killed');
    expect(error.message).toContain('fast');
  });

  it('refuses an unknown status before any request', async () => {
    await expect(waitForGlanceImageStatus(client(), IMAGE_ID, 'ACTIVE' as never)).rejects.toMatchObject({
      field: 'status',
    });
    expect(sent()).toHaveLength(0);
  });

  it('waits for deletion until 404', async () => {
    let n = 0;
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        ++n < 2 ? HttpResponse.json(wireImage()) : HttpResponse.text('gone', { status: 404 }),
      ),
    );
    await waitForGlanceImageDeleted(client(), IMAGE_ID, { minDelayMs: 1 });
    expect(n).toBe(2);
  });
});

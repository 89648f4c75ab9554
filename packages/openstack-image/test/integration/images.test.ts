import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ForbiddenError, NotFoundError, toArray } from '@cloud/core';
import { afterAll, expect, it } from '@jest/globals';
import {
  addImageMember,
  addImageTag,
  createGlanceImage,
  deactivateImage,
  deleteGlanceImage,
  deleteImageMember,
  deleteImageProperties,
  deleteImageTag,
  downloadImageData,
  downloadImageToFile,
  getGlanceImage,
  getImageImportInfo,
  getImageMember,
  getImageSchema,
  importImage,
  listGlanceImages,
  listImageMembers,
  listImageStores,
  reactivateImage,
  replaceImageProperties,
  setImageProperties,
  stageImageData,
  updateGlanceImage,
  updateImageMemberStatus,
  uploadImageData,
  waitForGlanceImageDeleted,
  waitForImageImport,
} from '../../src/index.js';
import { deleteImages, describeLive, liveClient, projectIdOf, uniqueName } from './env.js';

const MiB = 1024 * 1024;

/** `size` bytes from a seeded pattern, produced in 1 MiB chunks (never held whole). */
function pattern(size: number, seed: number): Readable {
  const block = Buffer.alloc(MiB);
  for (let i = 0; i < MiB; i++) block[i] = (i * 31 + seed) & 0xff;
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += MiB) yield block.subarray(0, Math.min(MiB, size - sent));
    })(),
  );
}

async function sha256Of(stream: AsyncIterable<Buffer>): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of stream) h.update(chunk);
  return h.digest('hex');
}

describeLive('Glance images (real service)', () => {
  const demo = liveClient('demo');
  const admin = liveClient('admin');
  const created: string[] = [];
  afterAll(async () => {
    await deleteImages(admin, created);
  });

  const newImage = async (label: string, extra: Parameters<typeof createGlanceImage>[1] = {}) => {
    const image = await createGlanceImage(demo, {
      name: uniqueName(label),
      diskFormat: 'raw',
      containerFormat: 'bare',
      ...extra,
    });
    created.push(image.id);
    return image;
  };

  it('creates, uploads 0 B and 1 B from streams, and downloads them back', async () => {
    for (const size of [0, 1]) {
      const image = await newImage(`b${size}`);
      expect(image.status).toBe('queued');
      const data = Buffer.alloc(size, 0x41);
      const up = await uploadImageData(demo, image.id, Readable.from(size ? [data] : []), { size });
      expect(up.bytes).toBe(size);
      expect(up.image?.status).toBe('active');
      expect(up.image?.size).toBe(size);
      const { body } = await downloadImageData(demo, image.id);
      expect(Buffer.concat(await toArray(body)).equals(data)).toBe(true);
    }
  });

  it('uploads 100 MiB from a stream and downloads it as a stream and to a file, verified', async () => {
    const size = 100 * MiB;
    const image = await newImage('100m');
    const up = await uploadImageData(demo, image.id, pattern(size, 7), { size });
    expect(up.image).toMatchObject({ status: 'active', size });
    expect(up.image?.hashValue).toBe(up.digests[up.image!.hashAlgorithm!]);
    const expected = await sha256Of(pattern(size, 7));
    const { body } = await downloadImageData(demo, image.id);
    expect(await sha256Of(body)).toBe(expected);
    const dir = await mkdtemp(join(tmpdir(), 'glance-it-'));
    try {
      const r = await downloadImageToFile(demo, image.id, join(dir, 'disk.raw'));
      expect(r.bytes).toBe(size);
      expect(
        createHash('sha256')
          .update(await readFile(join(dir, 'disk.raw')))
          .digest('hex'),
      ).toBe(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('patches properties and tags', async () => {
    const image = await newImage('patch', { properties: { old_key: 'x' } });
    let now = await updateGlanceImage(demo, image.id, { minRam: 128, properties: { os_distro: 'alpine' } });
    expect(now.minRam).toBe(128);
    expect(now.properties).toMatchObject({ os_distro: 'alpine', old_key: 'x' });
    now = await setImageProperties(demo, image.id, { os_version: '3.20' });
    expect(now.properties).toMatchObject({ os_distro: 'alpine', os_version: '3.20' });
    now = await replaceImageProperties(demo, image.id, { os_distro: 'debian' });
    expect(now.properties.os_distro).toBe('debian');
    expect(now.properties.old_key).toBeUndefined();
    expect(now.properties.os_version).toBeUndefined();
    now = await deleteImageProperties(demo, image.id, ['os_distro', 'never_set']);
    expect(now.properties.os_distro).toBeUndefined();
    await addImageTag(demo, image.id, 'sdk-it');
    await addImageTag(demo, image.id, 'second tag');
    expect((await getGlanceImage(demo, image.id)).tags.sort()).toEqual(['sdk-it', 'second tag']);
    await deleteImageTag(demo, image.id, 'second tag');
    expect((await getGlanceImage(demo, image.id)).tags).toEqual(['sdk-it']);
  });

  it('lists with filters and follows next links', async () => {
    const tag = uniqueName('list');
    const a = await newImage('list-a', { tags: [tag, 'both'] });
    const b = await newImage('list-b', { tags: [tag, 'both'] });
    await newImage('list-c', { tags: [tag] });
    const ids = (
      await toArray(
        listGlanceImages(demo, { tag: [tag, 'both'], limit: 1, sort: [{ key: 'name', dir: 'asc' }] }),
      )
    ).map((i) => i.id);
    expect(ids).toEqual([a.id, b.id]);
    const byName = await toArray(listGlanceImages(demo, { name: [a.name!, b.name!], status: 'queued' }));
    expect(byName.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('shares an image with a second project, which accepts it', async () => {
    const image = await newImage('shared', { visibility: 'shared' });
    await uploadImageData(demo, image.id, Buffer.from('shared data'));
    const adminProject = await projectIdOf(admin);
    const member = await addImageMember(demo, image.id, adminProject);
    expect(member.status).toBe('pending');
    expect((await toArray(listImageMembers(demo, image.id))).map((m) => m.memberId)).toEqual([adminProject]);
    const accepted = await updateImageMemberStatus(admin, image.id, adminProject, 'accepted');
    expect(accepted.status).toBe('accepted');
    expect((await getImageMember(demo, image.id, adminProject)).status).toBe('accepted');
    const seen = await toArray(listGlanceImages(admin, { visibility: 'shared', name: image.name! }));
    expect(seen.map((i) => i.id)).toEqual([image.id]);
    await deleteImageMember(demo, image.id, adminProject);
    await expect(getImageMember(demo, image.id, adminProject)).rejects.toThrow(NotFoundError);
  });

  it('imports through glance-direct (stage + import) and waits for it', async () => {
    const info = await getImageImportInfo(demo);
    expect(info.methods).toContain('glance-direct');
    const image = await newImage('import');
    const data = randomBytes(MiB + 3);
    await stageImageData(demo, image.id, Readable.from([data]), { size: data.length });
    expect((await getGlanceImage(demo, image.id)).status).toBe('uploading');
    await importImage(demo, image.id, { method: 'glance-direct' });
    const done = await waitForImageImport(demo, image.id, {
      minDelayMs: 200,
      maxDelayMs: 1000,
      timeoutMs: 120_000,
    });
    expect(done).toMatchObject({ status: 'active', size: data.length });
    const { body } = await downloadImageData(demo, image.id);
    expect(Buffer.concat(await toArray(body)).equals(data)).toBe(true);
  });

  it('deactivates (no download) and reactivates an image', async () => {
    const image = await newImage('deact');
    await uploadImageData(demo, image.id, Buffer.from('payload'));
    await deactivateImage(admin, image.id);
    expect((await getGlanceImage(demo, image.id)).status).toBe('deactivated');
    await expect(downloadImageData(demo, image.id, { verify: false })).rejects.toThrow(ForbiddenError);
    await reactivateImage(admin, image.id);
    expect((await getGlanceImage(demo, image.id)).status).toBe('active');
  });

  it('reads schemas; a single-store cloud has no store list', async () => {
    const schema = await getImageSchema(demo);
    expect(schema.name).toBe('image');
    expect(schema.properties.disk_format).toBeDefined();
    await expect(listImageStores(demo)).rejects.toThrow(NotFoundError);
  });

  it('deletes an image and waits until it is gone', async () => {
    const image = await newImage('delete');
    await deleteGlanceImage(demo, image.id);
    await waitForGlanceImageDeleted(demo, image.id, { minDelayMs: 100, timeoutMs: 30_000 });
    await expect(getGlanceImage(demo, image.id)).rejects.toThrow(NotFoundError);
  });
});

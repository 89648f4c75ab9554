import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { IntegrityError, NotFoundError, toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createImageClient,
  downloadImageData,
  downloadImageToFile,
  ImageDataUnavailableError,
  stageImageData,
  uploadImageData,
  uploadImageDataFromFile,
} from '../src/index.js';
import { digest, GLANCE, IMAGE_ID, wireImage } from './fixtures.js';

const cloud = setupMockCloud();
const client = () => createImageClient(cloud.session());
const sent = () => cloud.requests.filter((r) => r.url.host.startsWith('image.'));
const DATA = Buffer.from('0123456789abcdefghij'.repeat(50)); // 1000 bytes
const imageOf = (data: Buffer, over: Record<string, unknown> = {}) =>
  wireImage({
    size: data.length,
    checksum: digest('md5', data),
    os_hash_value: digest('sha512', data),
    ...over,
  });

/** A Glance that stores what is PUT and serves it back (with Range). */
function fakeData(opts: { corruptStored?: boolean } = {}) {
  const state = { stored: undefined as Buffer | undefined, headers: undefined as Headers | undefined };
  cloud.use(
    http.put(`${GLANCE}/images/${IMAGE_ID}/file`, async ({ request }) => {
      state.headers = request.headers;
      state.stored = Buffer.from(await request.arrayBuffer());
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${GLANCE}/images/${IMAGE_ID}`, () => {
      const data = state.stored ?? DATA;
      return HttpResponse.json(
        opts.corruptStored
          ? imageOf(Buffer.concat([data, Buffer.from('x')]), { size: data.length })
          : imageOf(data),
      );
    }),
  );
  return state;
}

function serveData(data: Buffer, over: { body?: Buffer; ignoreRange?: boolean } = {}) {
  const ranges: (string | null)[] = [];
  cloud.use(
    http.get(`${GLANCE}/images/${IMAGE_ID}`, () => HttpResponse.json(imageOf(data))),
    http.get(`${GLANCE}/images/${IMAGE_ID}/file`, ({ request }) => {
      const range = request.headers.get('range');
      ranges.push(range);
      const body = over.body ?? data;
      const m = range && !over.ignoreRange ? /^bytes=(\d+)-$/.exec(range) : null;
      const slice = m ? body.subarray(Number(m[1])) : body;
      return new HttpResponse(Readable.toWeb(Readable.from([slice])) as ReadableStream, {
        status: m ? 206 : 200,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(slice.length),
          'content-md5': digest('md5', data),
        },
      });
    }),
  );
  return ranges;
}

describe('uploadImageData', () => {
  it('streams a Readable with its size, reports progress and verifies the stored hash', async () => {
    const state = fakeData();
    const progress: number[] = [];
    const result = await uploadImageData(
      client(),
      IMAGE_ID,
      Readable.from([DATA.subarray(0, 300), DATA.subarray(300)]),
      { size: DATA.length, store: 'fast', onProgress: (p) => progress.push(p.transferred) },
    );
    expect(state.stored?.equals(DATA)).toBe(true);
    expect(state.headers?.get('content-type')).toBe('application/octet-stream');
    expect(state.headers?.get('x-openstack-image-size')).toBe('1000');
    expect(state.headers?.get('x-image-meta-store')).toBe('fast');
    expect(result.bytes).toBe(1000);
    expect(result.digests.sha512).toBe(digest('sha512', DATA));
    expect(result.image?.status).toBe('active');
    expect(progress.at(-1)).toBe(1000);
  });

  it('uploads a Buffer and a file', async () => {
    const state = fakeData();
    await uploadImageData(client(), IMAGE_ID, DATA);
    expect(state.stored?.equals(DATA)).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'glance-up-'));
    try {
      await writeFile(join(dir, 'd.img'), DATA.subarray(0, 10));
      const r = await uploadImageDataFromFile(client(), IMAGE_ID, join(dir, 'd.img'));
      expect(r.bytes).toBe(10);
      expect(state.stored?.equals(DATA.subarray(0, 10))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uploads 0 bytes', async () => {
    const state = fakeData();
    const r = await uploadImageData(client(), IMAGE_ID, Readable.from([]), { size: 0 });
    expect(r.bytes).toBe(0);
    expect(state.stored?.length).toBe(0);
  });

  it('fails with IntegrityError when Glance stored other bytes', async () => {
    fakeData({ corruptStored: true });
    await expect(uploadImageData(client(), IMAGE_ID, DATA)).rejects.toThrow(IntegrityError);
  });

  it('falls back to the MD5 checksum when the hash algorithm is unknown to Node', async () => {
    cloud.use(
      http.put(`${GLANCE}/images/${IMAGE_ID}/file`, () => new HttpResponse(null, { status: 204 })),
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(
          imageOf(DATA, { os_hash_algo: 'whirlpool-9000', checksum: digest('md5', 'other') }),
        ),
      ),
    );
    await expect(uploadImageData(client(), IMAGE_ID, DATA)).rejects.toThrow(/MD5/);
  });

  it('fails a stream shorter than its size with ValidationError naming size', async () => {
    cloud.use(
      // Answers at once, as a server may before the body ends: the short body must still fail.
      http.put(`${GLANCE}/images/${IMAGE_ID}/file`, () => new HttpResponse(null, { status: 204 })),
    );
    await expect(
      uploadImageData(client(), IMAGE_ID, Readable.from([DATA.subarray(0, 10)]), { size: 11 }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'size' });
  });

  it('refuses bad input before any request', async () => {
    await expect(uploadImageData(client(), IMAGE_ID, 'text' as never)).rejects.toMatchObject({
      field: 'body',
    });
    await expect(uploadImageData(client(), IMAGE_ID, DATA, { size: 3 })).rejects.toMatchObject({
      field: 'size',
    });
    await expect(uploadImageData(client(), IMAGE_ID, DATA, { store: '' })).rejects.toMatchObject({
      field: 'store',
    });
    await expect(uploadImageData(client(), 'x', DATA)).rejects.toMatchObject({ field: 'imageId' });
    await expect(uploadImageDataFromFile(client(), IMAGE_ID, '')).rejects.toThrow(ValidationError);
    expect(sent()).toHaveLength(0);
  });
});

describe('stageImageData', () => {
  it('PUTs to /stage with the size header', async () => {
    let got: Buffer | undefined;
    cloud.use(
      http.put(`${GLANCE}/images/${IMAGE_ID}/stage`, async ({ request }) => {
        got = Buffer.from(await request.arrayBuffer());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    expect(await stageImageData(client(), IMAGE_ID, Readable.from([DATA]), { size: DATA.length })).toEqual({
      bytes: 1000,
    });
    expect(got?.equals(DATA)).toBe(true);
    expect(sent()[0]!.headers.get('x-openstack-image-size')).toBe('1000');
  });
});

describe('downloadImageData', () => {
  it('streams the data, checked against os_hash_value', async () => {
    serveData(DATA);
    const { body, status, contentLength } = await downloadImageData(client(), IMAGE_ID);
    expect([status, contentLength]).toEqual([200, 1000]);
    expect(Buffer.concat(await toArray(body)).equals(DATA)).toBe(true);
  });

  it('errors the stream with IntegrityError when the bytes differ', async () => {
    const bad = Buffer.from(DATA);
    bad[10] = 0;
    serveData(DATA, { body: bad });
    const { body } = await downloadImageData(client(), IMAGE_ID);
    await expect(toArray(body)).rejects.toThrow(IntegrityError);
  });

  it('rejects (not errors the stream) for a missing image', async () => {
    cloud.use(http.get(`${GLANCE}/images/${IMAGE_ID}/file`, () => HttpResponse.text('no', { status: 404 })));
    await expect(downloadImageData(client(), IMAGE_ID, { verify: false })).rejects.toThrow(NotFoundError);
  });

  it('returns an empty body for an image without data (204)', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ status: 'queued', size: null, checksum: null, os_hash_value: null })),
      ),
      http.get(`${GLANCE}/images/${IMAGE_ID}/file`, () => new HttpResponse(null, { status: 204 })),
    );
    const { body, status } = await downloadImageData(client(), IMAGE_ID);
    expect(status).toBe(204);
    expect(await toArray(body)).toEqual([]);
  });

  it('sends a range without verifying', async () => {
    const ranges = serveData(DATA);
    const { body } = await downloadImageData(client(), IMAGE_ID, { range: { start: 990 } });
    expect(Buffer.concat(await toArray(body)).equals(DATA.subarray(990))).toBe(true);
    expect(ranges).toEqual(['bytes=990-']);
    await expect(
      downloadImageData(client(), IMAGE_ID, { range: { start: 5, end: 1 } }),
    ).rejects.toMatchObject({
      field: 'range.end',
    });
  });
});

describe('downloadImageToFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glance-dl-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a verified file and leaves no temporary file', async () => {
    serveData(DATA);
    const target = join(dir, 'disk.img');
    const r = await downloadImageToFile(client(), IMAGE_ID, target);
    expect(r).toMatchObject({ path: target, bytes: 1000, resumedFrom: 0 });
    expect((await readFile(target)).equals(DATA)).toBe(true);
    expect(await readdir(dir)).toEqual(['disk.img']);
  });

  it('never leaves a corrupt file in place', async () => {
    const bad = Buffer.from(DATA);
    bad[0] = 0;
    serveData(DATA, { body: bad });
    await expect(downloadImageToFile(client(), IMAGE_ID, join(dir, 'disk.img'))).rejects.toThrow(
      IntegrityError,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('resumes from a .part file with a Range request and verifies the whole', async () => {
    const ranges = serveData(DATA);
    const target = join(dir, 'disk.img');
    await writeFile(`${target}.part`, DATA.subarray(0, 400));
    const identity = JSON.stringify({
      id: IMAGE_ID,
      size: DATA.length,
      checksum: digest('md5', DATA),
      algo: 'sha512',
      hash: digest('sha512', DATA),
    });
    await writeFile(`${target}.part.json`, identity);
    const r = await downloadImageToFile(client(), IMAGE_ID, target, { resume: true });
    expect(ranges).toEqual(['bytes=400-']);
    expect(r.resumedFrom).toBe(400);
    expect((await readFile(target)).equals(DATA)).toBe(true);
    expect(await readdir(dir)).toEqual(['disk.img']);
  });

  it('starts over when the .part file belongs to other data', async () => {
    const ranges = serveData(DATA);
    const target = join(dir, 'disk.img');
    await writeFile(`${target}.part`, Buffer.alloc(400, 7));
    await writeFile(`${target}.part.json`, '{"id":"other"}');
    const r = await downloadImageToFile(client(), IMAGE_ID, target, { resume: true });
    expect(ranges).toEqual([null]);
    expect(r.resumedFrom).toBe(0);
    expect((await readFile(target)).equals(DATA)).toBe(true);
  });

  it('starts over when the server ignores the range', async () => {
    serveData(DATA, { ignoreRange: true });
    const target = join(dir, 'disk.img');
    await writeFile(`${target}.part`, DATA.subarray(0, 400));
    await writeFile(
      `${target}.part.json`,
      JSON.stringify({
        id: IMAGE_ID,
        size: DATA.length,
        checksum: digest('md5', DATA),
        algo: 'sha512',
        hash: digest('sha512', DATA),
      }),
    );
    const r = await downloadImageToFile(client(), IMAGE_ID, target, { resume: true });
    expect(r.resumedFrom).toBe(0);
    expect((await readFile(target)).equals(DATA)).toBe(true);
  });

  it('throws ImageDataUnavailableError for an image without data', async () => {
    cloud.use(
      http.get(`${GLANCE}/images/${IMAGE_ID}`, () =>
        HttpResponse.json(wireImage({ status: 'queued', size: null, checksum: null, os_hash_value: null })),
      ),
      http.get(`${GLANCE}/images/${IMAGE_ID}/file`, () => new HttpResponse(null, { status: 204 })),
    );
    await expect(downloadImageToFile(client(), IMAGE_ID, join(dir, 'x'))).rejects.toThrow(
      ImageDataUnavailableError,
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

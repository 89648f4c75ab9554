import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortError,
  IntegrityError,
  NotFoundError,
  PreconditionFailedError,
  type TransferProgress,
} from '@cloud/core';
import { mockEndpoints } from '@cloud/testing';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createContainer,
  downloadObject,
  downloadObjectToBuffer,
  downloadObjectToFile,
  uploadLargeObject,
  uploadObject,
} from '../src/index.js';
import { md5, pattern, setupSwift, storageRequests } from './fixtures/swift.js';

const { cloud, client } = setupSwift();
const base = mockEndpoints('RegionOne').objectStore;
const MiB = 1024 * 1024;

async function collect(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c);
  return Buffer.concat(chunks);
}

async function withObject(data: Buffer | string = pattern(200_000), name = 'obj.bin') {
  const swift = client();
  await createContainer(swift, 'dl');
  await uploadObject(swift, 'dl', name, data);
  cloud.requests.length = 0;
  return swift;
}

describe('downloadObject', () => {
  it('resolves with headers first and streams the verified body', async () => {
    const data = pattern(2 * MiB);
    const swift = await withObject(data);
    const events: TransferProgress[] = [];
    const res = await downloadObject(swift, 'dl', 'obj.bin', { onProgress: (p) => events.push(p) });
    expect(res.status).toBe(200);
    expect(res.contentLength).toBe(data.length);
    expect(res.metadata).toMatchObject({
      bytes: data.length,
      etag: md5(data),
      contentType: 'application/octet-stream',
    });
    expect((await collect(res.body)).equals(data)).toBe(true);
    expect(events.at(-1)).toEqual({ transferred: data.length, total: data.length });
    const [get] = storageRequests(cloud);
    expect(get?.method).toBe('GET');
    expect(get?.url.href).toBe(`${base}/dl/obj.bin`);
  });

  it('rejects a missing object with NotFoundError instead of a stream error', async () => {
    const swift = await withObject();
    const err = await downloadObject(swift, 'dl', 'missing').catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('object "dl/missing"');
  });

  it('errors the stream with IntegrityError when the bytes do not match the ETag', async () => {
    const swift = client();
    cloud.use(
      http.get(`${base}/dl/bad`, () =>
        HttpResponse.arrayBuffer(new Uint8Array(Buffer.from('tampered')).buffer, {
          headers: { etag: md5('original'), 'content-length': '8' },
        }),
      ),
    );
    const { body } = await downloadObject(swift, 'dl', 'bad');
    const err = await collect(body).catch((e) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect(err).toMatchObject({ expected: md5('original'), actual: md5('tampered') });
  });

  it('sends Range headers and skips the MD5 check for partial content', async () => {
    const data = pattern(1000);
    const swift = await withObject(data);
    const a = await downloadObject(swift, 'dl', 'obj.bin', { range: { start: 10, end: 19 } });
    expect(a.status).toBe(206);
    expect((await collect(a.body)).equals(data.subarray(10, 20))).toBe(true);
    expect(a.metadata.bytes).toBe(1000);
    const b = await downloadObject(swift, 'dl', 'obj.bin', { range: { suffix: 5 } });
    expect((await collect(b.body)).equals(data.subarray(995))).toBe(true);
    const c = await downloadObject(swift, 'dl', 'obj.bin', { range: { start: 990 } });
    expect((await collect(c.body)).equals(data.subarray(990))).toBe(true);
    expect(storageRequests(cloud).map((r) => r.headers.get('range'))).toEqual([
      'bytes=10-19',
      'bytes=-5',
      'bytes=990-',
    ]);
    await expect(
      downloadObject(swift, 'dl', 'obj.bin', { range: { start: 5, end: 2 } }),
    ).rejects.toMatchObject({
      field: 'range.end',
    });
    await expect(downloadObject(swift, 'dl', 'obj.bin', { range: { start: -1 } })).rejects.toMatchObject({
      field: 'range.start',
    });
  });

  it('honours If-Match and If-None-Match', async () => {
    const swift = await withObject('abc');
    await expect(downloadObject(swift, 'dl', 'obj.bin', { ifMatch: md5('other') })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    const hit = await downloadObject(swift, 'dl', 'obj.bin', { ifNoneMatch: md5('abc') });
    expect(hit.status).toBe(304);
    expect((await collect(hit.body)).length).toBe(0);
  });

  it('does not check large objects against their manifest ETag', async () => {
    const data = pattern(MiB + 100);
    const swift = client();
    await createContainer(swift, 'dl');
    await uploadLargeObject(swift, 'dl', 'large', data, { segmentSize: MiB });
    const { body, metadata } = await downloadObject(swift, 'dl', 'large');
    expect(metadata.largeObject).toBe('static');
    expect((await collect(body)).equals(data)).toBe(true);
  });

  it('aborts with AbortError', async () => {
    const swift = await withObject();
    await expect(
      downloadObject(swift, 'dl', 'obj.bin', {}, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AbortError);
  });
});

describe('downloadObjectToBuffer', () => {
  it('returns small objects and refuses ones over maxBytes', async () => {
    const swift = await withObject('hello world');
    expect((await downloadObjectToBuffer(swift, 'dl', 'obj.bin')).toString()).toBe('hello world');
    await expect(downloadObjectToBuffer(swift, 'dl', 'obj.bin', { maxBytes: 5 })).rejects.toMatchObject({
      field: 'maxBytes',
    });
  });
});

describe('downloadObjectToFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'swift-dl-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes to a temporary file and renames it into place', async () => {
    const data = pattern(MiB + 3);
    const swift = await withObject(data);
    const target = join(dir, 'a.bin');
    const res = await downloadObjectToFile(swift, 'dl', 'obj.bin', target);
    expect(res).toMatchObject({ path: target, bytes: data.length, resumedFrom: 0 });
    expect((await readFile(target)).equals(data)).toBe(true);
    expect((await readdir(dir)).filter((f) => f.startsWith('a.bin'))).toEqual(['a.bin']);
  });

  it('leaves nothing behind when the content is corrupt', async () => {
    const swift = client();
    cloud.use(
      http.get(`${base}/dl/bad`, () =>
        HttpResponse.arrayBuffer(new Uint8Array(Buffer.from('tampered')).buffer, {
          headers: { etag: md5('original') },
        }),
      ),
    );
    const target = join(dir, 'bad.bin');
    await expect(downloadObjectToFile(swift, 'dl', 'bad', target)).rejects.toBeInstanceOf(IntegrityError);
    expect((await readdir(dir)).filter((f) => f.startsWith('bad.bin'))).toEqual([]);
    await expect(downloadObjectToFile(swift, 'dl', 'missing', target)).rejects.toBeInstanceOf(NotFoundError);
    expect(existsSync(target)).toBe(false);
  });

  it('resumes a partial download with Range and If-Match, then verifies the whole file', async () => {
    const data = pattern(300_000);
    const swift = await withObject(data);
    const target = join(dir, 'r.bin');
    await writeFile(`${target}.part`, data.subarray(0, 120_000));
    await writeFile(`${target}.part.etag`, md5(data));
    const events: TransferProgress[] = [];
    const res = await downloadObjectToFile(swift, 'dl', 'obj.bin', target, {
      resume: true,
      onProgress: (p) => events.push(p),
    });
    expect(res).toMatchObject({ resumedFrom: 120_000, bytes: 300_000 });
    const [get] = storageRequests(cloud);
    expect(get?.headers.get('range')).toBe('bytes=120000-');
    expect(get?.headers.get('if-match')).toBe(md5(data));
    expect((await readFile(target)).equals(data)).toBe(true);
    expect(existsSync(`${target}.part`)).toBe(false);
    expect(existsSync(`${target}.part.etag`)).toBe(false);
    expect(events.at(-1)).toEqual({ transferred: 300_000, total: 300_000 });
  });

  it('starts over when the object changed since the partial download (412)', async () => {
    const data = pattern(50_000, 7);
    const swift = await withObject(data);
    const target = join(dir, 'changed.bin');
    await writeFile(`${target}.part`, pattern(20_000, 99));
    await writeFile(`${target}.part.etag`, md5('older version'));
    const res = await downloadObjectToFile(swift, 'dl', 'obj.bin', target, { resume: true });
    expect(res.resumedFrom).toBe(0);
    expect((await readFile(target)).equals(data)).toBe(true);
    const ranges = storageRequests(cloud).map((r) => r.headers.get('range'));
    expect(ranges).toEqual(['bytes=20000-', null]);
  });

  it('keeps the partial file when a resumable download fails, and finishes it next time', async () => {
    const data = pattern(400_000, 3);
    const swift = await withObject(data);
    const target = join(dir, 'flaky.bin');
    // First attempt: the server sends half the bytes, then the connection breaks.
    cloud.use(
      http.get(
        `${base}/dl/obj.bin`,
        () => {
          const stream = new ReadableStream({
            start(controller) {
              controller.enqueue(new Uint8Array(data.subarray(0, 200_000)));
              // Break the connection once the client has written some of the bytes to its part file.
              const timer = setInterval(() => {
                if (existsSync(`${target}.part`) && statSync(`${target}.part`).size > 0) {
                  clearInterval(timer);
                  controller.error(new Error('connection reset'));
                }
              }, 2);
            },
          });
          return new HttpResponse(stream, {
            headers: { etag: md5(data), 'content-length': String(data.length) },
          });
        },
        { once: true },
      ),
    );
    await expect(downloadObjectToFile(swift, 'dl', 'obj.bin', target, { resume: true })).rejects.toThrow();
    const partial = await readFile(`${target}.part`);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.equals(data.subarray(0, partial.length))).toBe(true);
    cloud.requests.length = 0;
    const res = await downloadObjectToFile(swift, 'dl', 'obj.bin', target, { resume: true });
    expect(res.resumedFrom).toBe(partial.length);
    expect(storageRequests(cloud)[0]?.headers.get('range')).toBe(`bytes=${partial.length}-`);
    expect((await readFile(target)).equals(data)).toBe(true);
  });

  it('accepts a part file that is already complete (416)', async () => {
    const data = pattern(1000);
    const swift = await withObject(data);
    const target = join(dir, 'done.bin');
    await writeFile(`${target}.part`, data);
    await writeFile(`${target}.part.etag`, md5(data));
    const res = await downloadObjectToFile(swift, 'dl', 'obj.bin', target, { resume: true });
    expect(res).toMatchObject({ resumedFrom: 1000, bytes: 1000 });
    expect((await readFile(target)).equals(data)).toBe(true);
  });

  it('rejects an empty path', async () => {
    await expect(downloadObjectToFile(client(), 'dl', 'x', '')).rejects.toMatchObject({ field: 'filePath' });
  });

  it('rejects a missing directory, a file as directory or a directory as target before any request', async () => {
    const swift = await withObject(pattern(10));
    cloud.requests.length = 0;
    const missing = join(dir, 'no-such-dir', 'out.bin');
    const err = await downloadObjectToFile(swift, 'dl', 'obj.bin', missing).catch((e) => e);
    expect(err).toMatchObject({ name: 'ValidationError', field: 'filePath' });
    expect(err.message).toContain(join(dir, 'no-such-dir'));
    const file = join(dir, 'plain.txt');
    await writeFile(file, 'x');
    await expect(downloadObjectToFile(swift, 'dl', 'obj.bin', join(file, 'out.bin'))).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'filePath',
    });
    await expect(downloadObjectToFile(swift, 'dl', 'obj.bin', dir)).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'filePath',
    });
    expect(storageRequests(cloud)).toHaveLength(0);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  AbortError,
  IntegrityError,
  PreconditionFailedError,
  type TransferProgress,
  ValidationError,
} from '@cloud/core';
import { mockEndpoints } from '@cloud/testing';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createContainer, getObjectMetadata, uploadObject, uploadObjectFromFile } from '../src/index.js';
import { md5, pattern, setupSwift, storageRequests, streamOf } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const base = mockEndpoints('RegionOne').objectStore;
const MiB = 1024 * 1024;

async function ready() {
  const swift = client();
  await createContainer(swift, 'up');
  cloud.requests.length = 0;
  return swift;
}
const puts = () => storageRequests(cloud).filter((r) => r.method === 'PUT');

describe('uploadObject from memory', () => {
  it('PUTs a Buffer with its MD5 as ETag and a content type guessed from the name', async () => {
    const swift = await ready();
    const data = pattern(1000);
    const res = await uploadObject(swift, 'up', 'dir/pic.png', data, { metadata: { by: 'test' } });
    const [put] = puts();
    expect(put?.url.href).toBe(`${base}/up/dir/pic.png`);
    expect(put?.headers.get('etag')).toBe(md5(data));
    expect(put?.headers.get('content-type')).toBe('image/png');
    expect(put?.headers.get('content-length')).toBe('1000');
    expect(put?.headers.get('x-object-meta-by')).toBe('test');
    expect(res).toMatchObject({ etag: md5(data), bytes: 1000 });
    expect(res.largeObject).toBeUndefined();
    expect(fake.content('up', 'dir/pic.png')?.equals(data)).toBe(true);
  });

  it('sends strings as UTF-8, and 0 bytes too', async () => {
    const swift = await ready();
    await uploadObject(swift, 'up', 'greeting.txt', 'grüß 👋', { contentType: 'text/plain; charset=utf-8' });
    expect(fake.content('up', 'greeting.txt')?.toString('utf8')).toBe('grüß 👋');
    expect(puts()[0]?.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const empty = await uploadObject(swift, 'up', 'empty', '');
    expect(empty).toMatchObject({ bytes: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(puts()[1]?.headers.get('content-length')).toBe('0');
  });

  it('maps Swift refusing the ETag (422) to IntegrityError', async () => {
    const swift = await ready();
    cloud.use(
      http.put(`${base}/up/x`, () => new HttpResponse('<html>Unprocessable Entity</html>', { status: 422 })),
    );
    const err = await uploadObject(swift, 'up', 'x', 'data').catch((e) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect(err.expected).toBe(md5('data'));
  });

  it('does not send an ETag with verify: false, and sends the one given', async () => {
    const swift = await ready();
    await uploadObject(swift, 'up', 'a', 'abc', { verify: false });
    await uploadObject(swift, 'up', 'b', 'abc', { etag: md5('abc').toUpperCase() });
    expect(puts()[0]?.headers.get('etag')).toBeNull();
    expect(puts()[1]?.headers.get('etag')).toBe(md5('abc'));
    await expect(uploadObject(swift, 'up', 'c', 'abc', { etag: 'nope' })).rejects.toMatchObject({
      field: 'etag',
    });
  });

  it('sets expiry, disposition and If-None-Match headers', async () => {
    const swift = await ready();
    await uploadObject(swift, 'up', 'tmp', 'x', {
      deleteAfter: 3600,
      contentDisposition: 'attachment; filename="t.txt"',
      contentEncoding: 'identity',
      cacheControl: 'no-cache',
    });
    await uploadObject(swift, 'up', 'tmp2', 'x', { deleteAt: new Date('2031-05-06T07:08:09.999Z') });
    const [a, b] = puts();
    expect(a?.headers.get('x-delete-after')).toBe('3600');
    expect(a?.headers.get('content-disposition')).toBe('attachment; filename="t.txt"');
    expect(a?.headers.get('cache-control')).toBe('no-cache');
    expect(b?.headers.get('x-delete-at')).toBe(String(Math.floor(Date.parse('2031-05-06T07:08:09Z') / 1000)));
    await expect(uploadObject(swift, 'up', 'tmp', 'y', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('reports progress up to the total', async () => {
    const swift = await ready();
    const events: TransferProgress[] = [];
    await uploadObject(swift, 'up', 'p', pattern(300_000), { onProgress: (p) => events.push(p) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual({ transferred: 300_000, total: 300_000 });
    expect(events.every((e) => e.total === 300_000)).toBe(true);
  });
});

describe('uploadObject from streams', () => {
  it('streams a Readable of known size with Content-Length and checks the returned MD5', async () => {
    const swift = await ready();
    const data = pattern(3 * MiB + 17);
    const events: TransferProgress[] = [];
    const res = await uploadObject(swift, 'up', 'big.bin', streamOf(data), {
      size: data.length,
      onProgress: (p) => events.push(p),
    });
    const [put] = puts();
    expect(put?.headers.get('content-length')).toBe(String(data.length));
    expect(put?.headers.get('etag')).toBeNull();
    expect(put?.headers.get('transfer-encoding')).toBeNull();
    expect(res).toMatchObject({ etag: md5(data), bytes: data.length });
    expect(events.at(-1)).toEqual({ transferred: data.length, total: data.length });
    expect(fake.content('up', 'big.bin')?.equals(data)).toBe(true);
  });

  it('streams an unknown-length body chunked when largeObject is false', async () => {
    const swift = await ready();
    const data = pattern(2 * MiB);
    await uploadObject(swift, 'up', 'chunked', streamOf(data), { largeObject: false });
    const [put] = puts();
    expect(put?.headers.get('transfer-encoding')).toBe('chunked');
    expect(put?.headers.get('content-length')).toBeNull();
    expect(fake.content('up', 'chunked')?.equals(data)).toBe(true);
  });

  it('accepts any async iterable of bytes (and strings)', async () => {
    const swift = await ready();
    async function* gen() {
      yield new Uint8Array([104, 105]);
      yield Buffer.from(' there');
    }
    await uploadObject(swift, 'up', 'gen', gen(), { largeObject: false });
    expect(fake.content('up', 'gen')?.toString()).toBe('hi there');
    await uploadObject(swift, 'up', 'gen2', gen());
    expect(fake.content('up', 'gen2')?.toString()).toBe('hi there');
  });

  it('throws IntegrityError when the stored ETag differs from the MD5 of the streamed bytes', async () => {
    const swift = await ready();
    cloud.use(
      http.put(`${base}/up/corrupt`, async ({ request }) => {
        await request.arrayBuffer();
        return new HttpResponse(null, { status: 201, headers: { etag: md5('something else') } });
      }),
    );
    const data = pattern(100_000);
    const err = await uploadObject(swift, 'up', 'corrupt', streamOf(data), { size: data.length }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(IntegrityError);
    expect(err).toMatchObject({ expected: md5(data), actual: md5('something else') });
  });

  it('fails with ValidationError when a stream is shorter or longer than its size', async () => {
    const swift = await ready();
    await expect(uploadObject(swift, 'up', 's', streamOf(pattern(10)), { size: 20 })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'size',
    });
    await expect(uploadObject(swift, 'up', 's', streamOf(pattern(30)), { size: 20 })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'size',
    });
    expect(fake.containers.get('up')?.objects.has('s')).toBe(false);
  });

  it('aborts a running upload with AbortError and never starts with an aborted signal', async () => {
    const swift = await ready();
    // msw reports the request it was still reading when it is aborted; that report is expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    const controller = new AbortController();
    let sent = 0;
    // Three chunks, then the source stalls without ending; the abort comes while it waits.
    const endless = new Readable({
      read() {
        sent++;
        if (sent <= 3) this.push(Buffer.alloc(64 * 1024, 1));
        else setImmediate(() => controller.abort());
      },
    });
    const err = await uploadObject(
      swift,
      'up',
      'never',
      endless,
      { largeObject: false },
      { signal: controller.signal },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(endless.destroyed).toBe(true);
    const before = cloud.requests.length;
    await expect(
      uploadObject(swift, 'up', 'x', 'y', {}, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(cloud.requests.length).toBe(before);
    await new Promise((r) => setTimeout(r, 20));
    quiet.mockRestore();
  });

  it('rejects bodies that are neither bytes nor streams, and negative sizes, before any request', async () => {
    const swift = client();
    await expect(uploadObject(swift, 'up', 'x', 42 as unknown as string)).rejects.toMatchObject({
      field: 'body',
    });
    await expect(uploadObject(swift, 'up', 'x', streamOf(pattern(1)), { size: -1 })).rejects.toMatchObject({
      field: 'size',
    });
    await expect(uploadObject(swift, 'up', 'x', 'y', { segmentSize: 1000 })).rejects.toMatchObject({
      field: 'segmentSize',
    });
    await expect(uploadObject(swift, 'up', 'x', 'y', { concurrency: 0 })).rejects.toMatchObject({
      field: 'concurrency',
    });
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('uploadObjectFromFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'swift-up-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the file with its size, a guessed content type and progress totals', async () => {
    const swift = await ready();
    const data = pattern(1.5 * MiB);
    const file = join(dir, 'report.json');
    await writeFile(file, data);
    const events: TransferProgress[] = [];
    const res = await uploadObjectFromFile(swift, 'up', 'reports/r.json', file, {
      onProgress: (p) => events.push(p),
    });
    expect(res).toMatchObject({ bytes: data.length, etag: md5(data) });
    const [put] = puts();
    expect(put?.headers.get('content-length')).toBe(String(data.length));
    expect(put?.headers.get('content-type')).toBe('application/json');
    expect(events.at(-1)).toEqual({ transferred: data.length, total: data.length });
    expect((await getObjectMetadata(swift, 'up', 'reports/r.json')).bytes).toBe(data.length);
  });

  it('rejects a missing path or a directory', async () => {
    const swift = await ready();
    await expect(uploadObjectFromFile(swift, 'up', 'x', '')).rejects.toMatchObject({ field: 'filePath' });
    await expect(uploadObjectFromFile(swift, 'up', 'x', dir)).rejects.toMatchObject({ field: 'filePath' });
    const missing = join(dir, 'missing');
    const err = await uploadObjectFromFile(swift, 'up', 'x', missing).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ field: 'filePath' });
    expect(err.message).toContain(missing);
    expect(err.message).toContain('ENOENT');
    expect(storageRequests(cloud)).toHaveLength(0);
  });
});

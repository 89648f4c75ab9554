import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { NotFoundError, type TransferProgress, ValidationError } from '@cloud/core';
import { setAccountTempUrlKey, setContainerTempUrlKey, TempUrlKeyMissingError } from '@cloud/swift';
import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeSwift, type FakeSwift } from '@cloud/testing/swift';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CLOUDS, neutral } from './clouds.js';

const cloud = setupMockCloud();
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

let swift: FakeSwift;
beforeEach(() => {
  swift = createFakeSwift();
  cloud.use(...swift.handlers);
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-storage-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.each(CLOUDS)('$name storage', (c) => {
  it('creates, lists, reads and destroys containers', async () => {
    const storage = c.storage();
    expect(await storage.createContainer('photos')).toEqual({
      provider: c.name,
      name: 'photos',
      count: 0,
      bytes: 0,
    });
    await storage.createContainer({ name: 'logs', metadata: { team: 'ops' } });
    expect(swift.calls.filter((x) => x.startsWith('PUT'))).toEqual(['PUT /photos', 'PUT /logs']);
    await storage.upload({ container: 'photos', remote: 'a.txt', buffer: 'hello' });
    expect(await storage.getContainers()).toEqual([
      { provider: c.name, name: 'logs', count: 0, bytes: 0 },
      { provider: c.name, name: 'photos', count: 1, bytes: 5 },
    ]);
    expect(await storage.getContainer('photos')).toEqual({
      provider: c.name,
      name: 'photos',
      count: 1,
      bytes: 5,
    });
    await storage.destroyContainer({ name: 'photos' });
    expect(swift.calls).toContain('DELETE /photos/a.txt');
    expect([...swift.containers.keys()]).toEqual(['logs']);
    await expect(storage.getContainer('photos')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('uploads from a buffer, a stream and a file, reporting progress', async () => {
    const storage = c.storage();
    await storage.createContainer('up');
    const data = randomBytes(300_000);
    const seen: TransferProgress[] = [];
    const fromBuffer = await storage.upload({
      container: 'up',
      remote: 'dir/buffer.bin',
      buffer: data,
      contentType: 'application/x-test',
      metadata: { source: 'unit' },
      onProgress: (p) => seen.push(p),
    });
    expect(fromBuffer).toMatchObject({
      provider: c.name,
      container: 'up',
      name: 'dir/buffer.bin',
      size: data.length,
      etag: md5(data),
      contentType: 'application/x-test',
    });
    expect(seen.at(-1)).toEqual({ transferred: data.length, total: data.length });
    const put = cloud.requests.find(
      (r) => r.method === 'PUT' && r.url.pathname.endsWith('/up/dir/buffer.bin'),
    )!;
    expect(put.url.href).toBe(`${swift.baseUrl}/up/dir/buffer.bin`);
    expect(put.headers.get('content-type')).toBe('application/x-test');
    expect(put.headers.get('x-object-meta-source')).toBe('unit');

    const fromStream = await storage.upload({
      container: 'up',
      remote: 'stream.bin',
      stream: Readable.from([data.subarray(0, 1000), data.subarray(1000)]),
      size: data.length,
    });
    expect(fromStream.etag).toBe(md5(data));

    const path = join(dir, `${c.name}-upload.bin`);
    await writeFile(path, data);
    const fromFile = await storage.upload({ container: 'up', remote: 'file.bin', file: path });
    expect([fromFile.size, fromFile.etag]).toEqual([data.length, md5(data)]);
    expect(swift.content('up', 'file.bin')?.equals(data)).toBe(true);
  });

  it('downloads into a stream, into a file, or as a body, with progress', async () => {
    const storage = c.storage();
    await storage.createContainer('down');
    const data = randomBytes(200_000);
    await storage.upload({ container: 'down', remote: 'x.bin', buffer: data, metadata: { k: 'v' } });

    const sink = new PassThrough();
    const received = collect(sink);
    const progress: TransferProgress[] = [];
    const file = await storage.download({
      container: 'down',
      remote: 'x.bin',
      stream: sink,
      onProgress: (p) => progress.push(p),
    });
    expect((await received).equals(data)).toBe(true);
    expect(file).toMatchObject({
      provider: c.name,
      container: 'down',
      name: 'x.bin',
      size: data.length,
      etag: md5(data),
    });
    expect(file.metadata).toEqual({ k: 'v' });
    expect(progress.at(-1)).toMatchObject({ transferred: data.length });

    const path = join(dir, `${c.name}-download.bin`);
    await storage.download({ container: 'down', remote: 'x.bin', file: path });
    expect((await readFile(path)).equals(data)).toBe(true);

    const { body, size } = await storage.download({ container: 'down', remote: 'x.bin' });
    expect(size).toBe(data.length);
    expect((await collect(body)).equals(data)).toBe(true);
  });

  it('lists, reads and removes files', async () => {
    const storage = c.storage();
    await storage.createContainer('files');
    for (const name of ['b.txt', 'a.txt', 'logs/c.txt']) {
      await storage.upload({ container: 'files', remote: name, buffer: name });
    }
    const files = await storage.getFiles('files');
    expect(files.map((f) => [f.name, f.size, f.etag])).toEqual([
      ['a.txt', 5, md5(Buffer.from('a.txt'))],
      ['b.txt', 5, md5(Buffer.from('b.txt'))],
      ['logs/c.txt', 10, md5(Buffer.from('logs/c.txt'))],
    ]);
    expect((await storage.getFiles('files', { prefix: 'logs/' })).map((f) => f.name)).toEqual(['logs/c.txt']);
    expect((await storage.getFiles('files', { limit: 2 })).map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(await storage.getFile('files', 'b.txt')).toMatchObject({
      name: 'b.txt',
      size: 5,
      contentType: 'text/plain',
    });
    await storage.removeFile('files', 'b.txt');
    await expect(storage.getFile('files', 'b.txt')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('uses the region it was given', async () => {
    const other = createFakeSwift({
      baseUrl: mockEndpoints('RegionTwo').objectStore,
      cdnUrl: mockEndpoints('RegionTwo').cdn,
    });
    cloud.use(...other.handlers);
    await c.storage('RegionTwo').createContainer('there');
    expect([...other.containers.keys()]).toEqual(['there']);
    expect(swift.containers.size).toBe(0);
  });

  it('rejects a bad upload or download before sending anything', async () => {
    const storage = c.storage();
    await expect(
      storage.upload({ container: 'c', remote: 'o', buffer: 'x', file: '/tmp/x' }),
    ).rejects.toMatchObject({
      field: 'stream',
    });
    await expect(storage.upload({ container: 'c', remote: 'o' })).rejects.toBeInstanceOf(ValidationError);
    await expect(storage.upload({ container: '', remote: 'o', buffer: 'x' })).rejects.toMatchObject({
      field: 'container',
    });
    await expect(
      storage.download({ container: 'c', remote: 'o', file: '/tmp/x', stream: new Writable() }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(cloud.requests).toEqual([]);
  });

  it('names what is missing when neither the container nor the account has a temp URL key', async () => {
    const storage = c.storage();
    await storage.createContainer('signed');
    const error = await storage.temporaryUrl('signed', 'a.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TempUrlKeyMissingError);
    expect(error).toMatchObject({ code: 'TEMP_URL_KEY_MISSING' });
    expect((error as Error).message).toMatch(/container "signed" or on the account.*setAccountTempUrlKey/);
  });

  it('signs a temporary URL with the container key before the account key', async () => {
    const storage = c.storage();
    await storage.createContainer('signed');
    await setAccountTempUrlKey(storage.client, 'account-key');
    await setContainerTempUrlKey(storage.client, 'signed', 'container-key');
    await storage.upload({ container: 'signed', remote: 'a.txt', buffer: 'signed bytes' });
    const url = new URL(await storage.temporaryUrl('signed', 'a.txt', { expiresIn: 60 }));
    const expires = url.searchParams.get('temp_url_expires')!;
    const body = `GET\n${expires}\n${url.pathname}`;
    expect(url.searchParams.get('temp_url_sig')).toBe(
      createHmac('sha256', 'container-key').update(body).digest('hex'),
    );
    expect(Number(expires) - Date.now() / 1000).toBeGreaterThan(50);
    const res = await fetch(url);
    expect([res.status, await res.text()]).toEqual([200, 'signed bytes']);
  });

  it('refuses a bad copy or temporary URL before sending anything', async () => {
    const storage = c.storage();
    await expect(
      storage.copy({ from: { container: 'a', remote: '' }, to: { container: 'b', remote: 'x' } }),
    ).rejects.toMatchObject({ field: 'from.remote' });
    await expect(
      storage.copy({ from: { container: 'a', remote: 'x' }, to: { container: '', remote: 'x' } }),
    ).rejects.toMatchObject({ field: 'container' });
    await expect(storage.temporaryUrl('a', 'x', { expiresIn: -1 })).rejects.toMatchObject({
      field: 'expiresIn',
    });
    await expect(storage.temporaryUrl('a', 'x', { method: 'DELETE' as 'GET' })).rejects.toMatchObject({
      field: 'method',
    });
    expect(cloud.requests).toEqual([]);
  });
});

describe('both providers', () => {
  it('return the same models for the same account', async () => {
    const [openstack, rackspace] = CLOUDS.map((c) => c.storage());
    await openstack!.createContainer('shared');
    await openstack!.upload({ container: 'shared', remote: 'f.txt', buffer: 'same' });
    expect(neutral(await rackspace!.getContainers())).toEqual(neutral(await openstack!.getContainers()));
    expect(neutral(await rackspace!.getFiles('shared'))).toEqual(
      neutral(await openstack!.getFiles('shared')),
    );
  });
});

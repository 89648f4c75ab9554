import { NotFoundError, toArray } from '@cloud/core';
import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import {
  copyObject,
  createContainer,
  deleteObject,
  downloadObjectToBuffer,
  getObjectMetadata,
  guessContentType,
  listObjects,
  removeObjectMetadata,
  replaceObjectMetadata,
  setObjectMetadata,
  uploadObject,
} from '../src/index.js';
import { setupSwift, storageRequests, swiftHeaders } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const base = mockEndpoints('RegionOne').objectStore;

async function seeded(names: string[]) {
  const swift = client();
  await createContainer(swift, 'c');
  for (const n of names) await uploadObject(swift, 'c', n, `content of ${n}`);
  cloud.requests.length = 0;
  return swift;
}

describe('listObjects', () => {
  it('maps objects and, with a delimiter, subdir pseudo-folders', async () => {
    const swift = await seeded([
      'photos/2024/a.jpg',
      'photos/2024/b.jpg',
      'photos/2025/c.jpg',
      'photos/top.txt',
      'x',
    ]);
    const entries = await toArray(listObjects(swift, 'c', { prefix: 'photos/', delimiter: '/' }));
    expect(entries).toEqual([
      { kind: 'subdir', name: 'photos/2024/' },
      { kind: 'subdir', name: 'photos/2025/' },
      expect.objectContaining({
        kind: 'object',
        name: 'photos/top.txt',
        bytes: 'content of photos/top.txt'.length,
        contentType: 'text/plain',
        etag: expect.stringMatching(/^[0-9a-f]{32}$/),
        lastModified: expect.any(Date),
      }),
    ]);
    expect(storageRequests(cloud)[0]?.url.search).toBe('?format=json&prefix=photos%2F&delimiter=%2F');
  });

  it('pages with the last name (or subdir) as marker', async () => {
    const swift = await seeded(['a/1', 'a/2', 'b', 'c/1', 'd']);
    const names = (await toArray(listObjects(swift, 'c', { delimiter: '/', limit: 2 }))).map((e) => e.name);
    expect(names).toEqual(['a/', 'b', 'c/', 'd']);
    expect(storageRequests(cloud).map((r) => r.url.searchParams.get('marker'))).toEqual([null, 'b', 'd']);
  });

  it('reports a missing container as NotFoundError and checks the delimiter', async () => {
    await expect(toArray(listObjects(client(), 'nope'))).rejects.toBeInstanceOf(NotFoundError);
    expect(() => listObjects(client(), 'c', { delimiter: '//' })).toThrow(/single character/);
  });
});

describe('getObjectMetadata', () => {
  it('HEADs the object and parses size, type, expiry, metadata and large-object kind', async () => {
    const swift = await seeded([]);
    await uploadObject(swift, 'c', 'doc.pdf', 'pdf!', {
      metadata: { Author: 'Zoë' },
      deleteAt: new Date('2030-01-01T00:00:00Z'),
      contentDisposition: 'attachment; filename="d.pdf"',
    });
    const info = await getObjectMetadata(swift, 'c', 'doc.pdf');
    expect(info).toMatchObject({
      container: 'c',
      name: 'doc.pdf',
      bytes: 4,
      contentType: 'application/pdf',
      metadata: { author: 'Zoë' },
      deleteAt: new Date('2030-01-01T00:00:00Z'),
      contentDisposition: 'attachment; filename="d.pdf"',
      largeObject: undefined,
    });
    expect(storageRequests(cloud).at(-1)).toMatchObject({ method: 'HEAD' });
    const missing = await getObjectMetadata(swift, 'c', 'nope').catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toContain('object "c/nope"');
  });
});

describe('object names', () => {
  const odd = [
    'with space.txt',
    'ünï/ファイル.bin',
    '100% done',
    'what?',
    'hash#tag',
    'a+b=c',
    "it's (1)*!",
    '~tilde',
  ];

  it('encodes every segment (keeping /) and round-trips exactly', async () => {
    const swift = await seeded([]);
    for (const n of odd) await uploadObject(swift, 'c', n, n);
    const puts = storageRequests(cloud).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.url.pathname.slice(new URL(base).pathname.length))).toEqual([
      '/c/with%20space.txt',
      '/c/%C3%BCn%C3%AF/%E3%83%95%E3%82%A1%E3%82%A4%E3%83%AB.bin',
      '/c/100%25%20done',
      '/c/what%3F',
      '/c/hash%23tag',
      '/c/a%2Bb%3Dc',
      '/c/it%27s%20%281%29%2A%21',
      '/c/~tilde',
    ]);
    expect([...fake.containers.get('c')!.objects.keys()].sort()).toEqual([...odd].sort());
    for (const n of odd) expect((await downloadObjectToBuffer(swift, 'c', n)).toString()).toBe(n);
    const listed = (await toArray(listObjects(swift, 'c'))).map((e) => e.name);
    expect(listed.sort()).toEqual([...odd].sort());
  });

  it('refuses empty names and names over 1024 bytes before any request', async () => {
    const swift = client();
    await expect(uploadObject(swift, 'c', '', 'x')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'name',
    });
    await expect(uploadObject(swift, 'c', 'ä'.repeat(513), 'x')).rejects.toThrow(/1024 bytes/);
    await expect(getObjectMetadata(swift, 'c/d', 'x')).rejects.toMatchObject({ field: 'container' });
    await expect(deleteObject(swift, 'c', '')).rejects.toMatchObject({ field: 'name' });
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('deleteObject', () => {
  it('DELETEs the object; a missing one is NotFoundError', async () => {
    const swift = await seeded(['gone']);
    await deleteObject(swift, 'c', 'gone');
    expect(storageRequests(cloud)[0]).toMatchObject({ method: 'DELETE' });
    expect(storageRequests(cloud)[0]?.url.href).toBe(`${base}/c/gone`);
    await expect(deleteObject(swift, 'c', 'gone')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('copyObject', () => {
  it('copies with PUT + X-Copy-From (encoded), merging metadata', async () => {
    const swift = await seeded([]);
    await uploadObject(swift, 'c', 'src ü.txt', 'hello', { metadata: { a: '1' } });
    await createContainer(swift, 'd');
    cloud.requests.length = 0;
    const res = await copyObject(swift, 'c', 'src ü.txt', 'd', 'dst/one', { metadata: { b: '2' } });
    const put = storageRequests(cloud)[0]!;
    expect(put.method).toBe('PUT');
    expect(put.url.href).toBe(`${base}/d/dst/one`);
    expect(swiftHeaders(put.headers)).toEqual({
      'x-copy-from': '/c/src%20%C3%BC.txt',
      'x-object-meta-b': '2',
    });
    expect(put.headers.get('content-length')).toBe('0');
    expect(res.etag).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(res.sourceLastModified).toBeInstanceOf(Date);
    const info = await getObjectMetadata(swift, 'd', 'dst/one');
    expect(info.metadata).toEqual({ a: '1', b: '2' });
    expect(info.contentType).toBe('text/plain');
  });

  it('copies with COPY + Destination, fresh metadata and a new content type', async () => {
    const swift = await seeded(['s']);
    await createContainer(swift, 'd');
    cloud.requests.length = 0;
    await copyObject(swift, 'c', 's', 'd', 'a b', {
      method: 'COPY',
      freshMetadata: true,
      contentType: 'text/x-demo',
      deleteAfter: 60,
    });
    const req = storageRequests(cloud)[0]!;
    expect(req.method).toBe('COPY');
    expect(req.url.href).toBe(`${base}/c/s`);
    expect(req.headers.get('destination')).toBe('/d/a%20b');
    expect(req.headers.get('x-fresh-metadata')).toBe('true');
    expect(req.headers.get('x-delete-after')).toBe('60');
    expect((await getObjectMetadata(swift, 'd', 'a b')).contentType).toBe('text/x-demo');
  });

  it('maps a missing source to NotFoundError and validates both ends', async () => {
    const swift = await seeded([]);
    await expect(copyObject(swift, 'c', 'nope', 'c', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(copyObject(swift, 'c', 'a', 'bad/c', 'x')).rejects.toMatchObject({ field: 'toContainer' });
    await expect(copyObject(swift, 'c', 'a', 'c', 'x', { method: 'MOVE' as 'PUT' })).rejects.toMatchObject({
      field: 'method',
    });
    await expect(
      copyObject(swift, 'c', 'a', 'c', 'x', { deleteAt: 5, deleteAfter: 5 }),
    ).rejects.toMatchObject({ field: 'deleteAfter' });
  });
});

describe('object metadata updates', () => {
  async function withObject() {
    const swift = await seeded([]);
    await uploadObject(swift, 'c', 'o', 'x', {
      metadata: { keep: 'yes', drop: 'me' },
      contentDisposition: 'inline',
      contentEncoding: 'gzip',
      deleteAt: 2000000000,
    });
    cloud.requests.length = 0;
    return swift;
  }

  it('setObjectMetadata merges into the current metadata and carries headers POST would drop', async () => {
    const swift = await withObject();
    await setObjectMetadata(swift, 'c', 'o', { New: 'Zoë' });
    const [head, post] = storageRequests(cloud);
    expect(head?.method).toBe('HEAD');
    expect(post?.method).toBe('POST');
    expect(swiftHeaders(post!.headers)).toEqual({
      'x-object-meta-keep': 'yes',
      'x-object-meta-drop': 'me',
      'x-object-meta-new': Buffer.from('Zoë').toString('latin1'),
      'x-delete-at': '2000000000',
    });
    expect(post?.headers.get('content-disposition')).toBe('inline');
    expect(post?.headers.get('content-encoding')).toBe('gzip');
    const info = await getObjectMetadata(swift, 'c', 'o');
    expect(info.metadata).toEqual({ keep: 'yes', drop: 'me', new: 'Zoë' });
    expect(info).toMatchObject({ contentDisposition: 'inline', contentEncoding: 'gzip' });
    expect(info.deleteAt?.getTime()).toBe(2000000000 * 1000);
  });

  it('replaceObjectMetadata keeps only the given keys; properties can change with it', async () => {
    const swift = await withObject();
    await replaceObjectMetadata(swift, 'c', 'o', { only: '1' }, { contentType: 'text/csv', deleteAt: null });
    const info = await getObjectMetadata(swift, 'c', 'o');
    expect(info.metadata).toEqual({ only: '1' });
    expect(info.contentType).toBe('text/csv');
    expect(info.deleteAt).toBeUndefined();
    expect(info.contentDisposition).toBe('inline');
  });

  it('removeObjectMetadata drops keys case-insensitively', async () => {
    const swift = await withObject();
    await removeObjectMetadata(swift, 'c', 'o', ['DROP', 'absent']);
    expect((await getObjectMetadata(swift, 'c', 'o')).metadata).toEqual({ keep: 'yes' });
  });

  it('validates before any request and maps a missing object', async () => {
    const swift = await withObject();
    await expect(setObjectMetadata(swift, 'c', 'o', { 'a b': 'x' })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(setObjectMetadata(swift, 'c', 'o', {}, { deleteAfter: -1 })).rejects.toMatchObject({
      field: 'deleteAfter',
    });
    expect(cloud.requests).toHaveLength(0);
    await expect(setObjectMetadata(swift, 'c', 'missing', { a: '1' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('guessContentType', () => {
  it('maps common extensions case-insensitively and falls back to octet-stream', () => {
    expect(guessContentType('a/b/photo.JPG')).toBe('image/jpeg');
    expect(guessContentType('backup.tar.gz')).toBe('application/gzip');
    expect(guessContentType('index.html')).toBe('text/html');
    expect(guessContentType('noext')).toBe('application/octet-stream');
    expect(guessContentType('.bashrc')).toBe('application/octet-stream');
    expect(guessContentType('dir.d/file')).toBe('application/octet-stream');
    expect(guessContentType('weird.')).toBe('application/octet-stream');
  });
});

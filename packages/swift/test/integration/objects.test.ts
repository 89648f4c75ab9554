/** Object storage against a real Swift: names, metadata, copies, listings, temp URLs, form posts, bulk delete. */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { toArray } from '@cloud/core';
import { beforeAll, expect, it } from '@jest/globals';
import {
  bulkDelete,
  copyObject,
  createContainer,
  createFormPost,
  createTempUrl,
  deleteContainer,
  downloadObjectToBuffer,
  getAccountMetadata,
  getContainerMetadata,
  getObjectMetadata,
  getSwiftInfo,
  listObjects,
  removeAccountMetadata,
  removeContainerMetadata,
  removeObjectMetadata,
  replaceObjectMetadata,
  type SwiftClient,
  setAccountMetadata,
  setContainerMetadata,
  setContainerTempUrlKey,
  setObjectMetadata,
  uploadObject,
} from '../../src/index.js';
import { cleanupContainers, describeLive, liveClient, uniqueContainer } from './env.js';

const created: string[] = [];
cleanupContainers(liveClient, created);

/** A plain HTTP request, no SDK involved. `path` is sent exactly as given. */
function plainRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  const u = new URL(url);
  const rawPath = url.slice(url.indexOf('/', u.protocol.length + 2));
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      { host: u.hostname, port: u.port, path: rawPath, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describeLive('Swift objects (real service)', () => {
  let swift: SwiftClient;
  let c: string;
  beforeAll(async () => {
    swift = liveClient();
    c = uniqueContainer('objects', created);
    await createContainer(swift, c, { metadata: { suite: 'objects' } });
  });

  it('uploads and downloads 1 byte and 0 bytes', async () => {
    const one = await uploadObject(swift, c, 'one-byte', Buffer.from([0x7f]));
    expect(one.bytes).toBe(1);
    expect([...(await downloadObjectToBuffer(swift, c, 'one-byte'))]).toEqual([0x7f]);
    const zero = await uploadObject(swift, c, 'zero-bytes', Buffer.alloc(0));
    expect(zero.etag).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect((await downloadObjectToBuffer(swift, c, 'zero-bytes')).length).toBe(0);
    expect((await getObjectMetadata(swift, c, 'zero-bytes')).bytes).toBe(0);
  });

  it('round-trips odd names exactly: spaces, unicode, %, ?, #, +, . and ..', async () => {
    const names = [
      'with space.txt',
      'ünïcødé/ファイル ☃.bin',
      '100% sure',
      'what?',
      'hash#tag',
      'a+b=c&d',
      '..',
      'dir/../escape',
      './dot/.',
      "quote'(paren)*!",
    ];
    for (const n of names) await uploadObject(swift, c, n, `body of ${n}`);
    for (const n of names)
      expect((await downloadObjectToBuffer(swift, c, n)).toString()).toBe(`body of ${n}`);
    const listed = (await toArray(listObjects(swift, c))).map((e) => e.name);
    for (const n of names) expect(listed).toContain(n);
    const info = await getObjectMetadata(swift, c, 'dir/../escape');
    expect(info.bytes).toBe('body of dir/../escape'.length);
  });

  it('lists with prefix, delimiter and paging', async () => {
    for (const n of ['tree/a/1', 'tree/a/2', 'tree/b/1', 'tree/top']) await uploadObject(swift, c, n, 'x');
    const level = await toArray(listObjects(swift, c, { prefix: 'tree/', delimiter: '/', limit: 1 }));
    expect(level).toEqual([
      { kind: 'subdir', name: 'tree/a/' },
      { kind: 'subdir', name: 'tree/b/' },
      expect.objectContaining({ kind: 'object', name: 'tree/top', bytes: 1 }),
    ]);
  });

  it('sets, gets and removes account, container and object metadata', async () => {
    const key = `sdk-it-${randomBytes(3).toString('hex')}`;
    await setAccountMetadata(swift, { [key]: 'Zoë ☃' });
    expect((await getAccountMetadata(swift)).metadata[key]).toBe('Zoë ☃');
    await removeAccountMetadata(swift, [key]);
    expect((await getAccountMetadata(swift)).metadata[key]).toBeUndefined();

    await setContainerMetadata(swift, c, { color: 'grün' });
    expect((await getContainerMetadata(swift, c)).metadata).toMatchObject({
      suite: 'objects',
      color: 'grün',
    });
    await removeContainerMetadata(swift, c, ['color']);
    expect((await getContainerMetadata(swift, c)).metadata.color).toBeUndefined();

    await uploadObject(swift, c, 'meta.txt', 'm', {
      metadata: { a: '1', b: 'two' },
      contentDisposition: 'attachment; filename="m.txt"',
      deleteAfter: 86_400,
    });
    await setObjectMetadata(swift, c, 'meta.txt', { c: 'ça' });
    let info = await getObjectMetadata(swift, c, 'meta.txt');
    expect(info.metadata).toEqual({ a: '1', b: 'two', c: 'ça' });
    // Swift's POST would have dropped these; the SDK carries them over.
    expect(info.contentDisposition).toBe('attachment; filename="m.txt"');
    expect(info.deleteAt).toBeInstanceOf(Date);
    await removeObjectMetadata(swift, c, 'meta.txt', ['a']);
    expect((await getObjectMetadata(swift, c, 'meta.txt')).metadata).toEqual({ b: 'two', c: 'ça' });
    await replaceObjectMetadata(swift, c, 'meta.txt', { only: 'this' }, { deleteAt: null });
    info = await getObjectMetadata(swift, c, 'meta.txt');
    expect(info.metadata).toEqual({ only: 'this' });
    expect(info.deleteAt).toBeUndefined();
  });

  it('copies on the server with PUT and COPY', async () => {
    await uploadObject(swift, c, 'src ü', 'copy me', { metadata: { from: 'src' } });
    await copyObject(swift, c, 'src ü', c, 'copies/put', { metadata: { via: 'put' } });
    await copyObject(swift, c, 'src ü', c, 'copies/..', { method: 'COPY', freshMetadata: true });
    expect((await downloadObjectToBuffer(swift, c, 'copies/put')).toString()).toBe('copy me');
    expect((await getObjectMetadata(swift, c, 'copies/put')).metadata).toEqual({ from: 'src', via: 'put' });
    expect((await getObjectMetadata(swift, c, 'copies/..')).metadata).toEqual({});
  });

  it('serves a temp URL to a plain HTTP GET (no token), and refuses a tampered one', async () => {
    const info = await getSwiftInfo(swift);
    expect(info.tempUrl?.methods).toContain('GET');
    await setContainerTempUrlKey(swift, c, randomBytes(16).toString('hex'));
    await uploadObject(swift, c, 'shared/report 1.txt', 'temp url content');
    for (const digest of ['sha256', 'sha1', 'sha512'] as const) {
      if (!info.tempUrl?.allowedDigests.includes(digest)) continue;
      const url = await createTempUrl(swift, c, 'shared/report 1.txt', { expiresIn: 300, digest });
      const res = await plainRequest(url);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe('temp url content');
    }
    const url = await createTempUrl(swift, c, 'shared/report 1.txt', { expiresIn: 300, filename: 'r.txt' });
    expect(String((await plainRequest(url)).headers['content-disposition'])).toContain('r.txt');
    expect((await plainRequest(url.replace('report%201', 'report%202'))).status).toBe(401);
    const prefixUrl = await createTempUrl(swift, c, 'shared/report 1.txt', {
      expiresIn: 300,
      prefix: 'shared/',
    });
    expect((await plainRequest(prefixUrl)).status).toBe(200);
  });

  it('accepts a browser-style form upload signed by createFormPost', async () => {
    await setContainerTempUrlKey(swift, c, randomBytes(16).toString('hex'));
    const form = await createFormPost(swift, c, {
      prefix: 'form/',
      maxFileSize: 1024,
      maxFileCount: 1,
      expiresIn: 300,
    });
    const boundary = `----sdk${randomBytes(8).toString('hex')}`;
    const parts = Object.entries(form.fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const body = Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file1"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from('uploaded by a form'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await plainRequest(form.url, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
      },
      body,
    });
    expect(res.status).toBe(201);
    expect((await downloadObjectToBuffer(swift, c, 'form/hello.txt')).toString()).toBe('uploaded by a form');
  });

  it('bulk deletes objects and an empty container', async () => {
    const b = uniqueContainer('bulk', created);
    await createContainer(swift, b);
    const names = ['x 1', 'ü/2', '..', 'q?#'];
    for (const n of names) await uploadObject(swift, b, n, n);
    const result = await bulkDelete(swift, [
      ...names.map((name) => ({ container: b, name })),
      { container: b, name: 'gone' },
    ]);
    expect(result).toEqual({ deleted: 4, notFound: 1, failures: [] });
    expect(await toArray(listObjects(swift, b))).toEqual([]);
    const full = uniqueContainer('bulkfull', created);
    await createContainer(swift, full);
    await uploadObject(swift, full, 'keep', 'k');
    const refused = await bulkDelete(swift, [{ container: b }, { container: full }]);
    expect(refused.deleted).toBe(1);
    expect(refused.failures).toEqual([{ path: `/${full}`, status: '409 Conflict' }]);
    await deleteContainer(swift, full, { force: true });
  });
});

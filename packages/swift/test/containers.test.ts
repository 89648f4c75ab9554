import { ConflictError, NotFoundError, toArray } from '@cloud/core';
import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createContainer,
  deleteContainer,
  getContainerMetadata,
  listContainers,
  removeContainerMetadata,
  SWIFT_PUBLIC_READ_ACL,
  setContainerAcl,
  setContainerMetadata,
  setContainerQuota,
  setContainerVersioning,
  uploadObject,
} from '../src/index.js';
import { setupSwift, storageRequests, swiftHeaders } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const base = mockEndpoints('RegionOne').objectStore;

describe('listContainers', () => {
  it('pages with marker/limit until a short page and maps the wire shape', async () => {
    const swift = client();
    for (const n of ['logs-a', 'logs-b', 'logs-c', 'other']) await createContainer(swift, n);
    await uploadObject(swift, 'logs-b', 'x', 'hello');
    const got = await toArray(listContainers(swift, { prefix: 'logs-', limit: 2 }));
    expect(got.map((c) => c.name)).toEqual(['logs-a', 'logs-b', 'logs-c']);
    expect(got[1]).toMatchObject({ name: 'logs-b', objectCount: 1, bytes: 5 });
    expect(got[1]?.lastModified).toBeInstanceOf(Date);
    const gets = storageRequests(cloud).filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.url.search)).toEqual([
      '?format=json&prefix=logs-&limit=2',
      '?format=json&prefix=logs-&marker=logs-b&limit=2',
    ]);
  });

  it('is lazy, supports byPage, endMarker and reverse', async () => {
    const swift = client();
    for (const n of ['a', 'b', 'c', 'd']) await createContainer(swift, n);
    const before = cloud.requests.length;
    const it = listContainers(swift, { endMarker: 'd', reverse: false });
    expect(cloud.requests.length).toBe(before);
    const pages: string[][] = [];
    for await (const page of it.byPage({ marker: 'a', limit: 2 })) pages.push(page.map((c) => c.name));
    expect(pages).toEqual([['b', 'c']]);
    const rev = await toArray(listContainers(swift, { reverse: true }));
    expect(rev.map((c) => c.name)).toEqual(['d', 'c', 'b', 'a']);
    expect(storageRequests(cloud).at(-2)?.url.searchParams.get('reverse')).toBe('true');
  });

  it('treats a 204 (no containers) as an empty list', async () => {
    expect(await toArray(listContainers(client()))).toEqual([]);
  });
});

describe('createContainer', () => {
  it('PUTs the container with metadata, ACL, quota, versioning and policy headers', async () => {
    const swift = client();
    const created = await createContainer(swift, 'photos', {
      metadata: { owner: 'ana' },
      acl: { read: SWIFT_PUBLIC_READ_ACL, write: ['proj:alice', 'proj:bob'] },
      quota: { bytes: 1000, count: 10 },
      versioning: { mode: 'history', location: 'photos versions' },
      storagePolicy: 'gold',
    });
    expect(created).toBe(true);
    const put = storageRequests(cloud)[0]!;
    expect(put.method).toBe('PUT');
    expect(put.url.href).toBe(`${base}/photos`);
    expect(swiftHeaders(put.headers)).toEqual({
      'x-container-meta-owner': 'ana',
      'x-container-read': '.r:*,.rlistings',
      'x-container-write': 'proj:alice,proj:bob',
      'x-container-meta-quota-bytes': '1000',
      'x-container-meta-quota-count': '10',
      'x-history-location': 'photos%20versions',
      'x-storage-policy': 'gold',
    });
    expect(await createContainer(swift, 'photos')).toBe(false);
  });

  it('rejects bad names before any request', async () => {
    const swift = client();
    await expect(createContainer(swift, 'a/b')).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'container',
    });
    await expect(createContainer(swift, '')).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(createContainer(swift, 'é'.repeat(129))).rejects.toThrow(/256 bytes/);
    await expect(createContainer(swift, 'x'.repeat(256))).resolves.toBe(true);
    await expect(createContainer(swift, 'ok', { quota: { bytes: -1 } })).rejects.toMatchObject({
      field: 'quota.bytes',
    });
    await expect(
      createContainer(swift, 'ok', { versioning: { mode: 'stack', location: 'a/b' } }),
    ).rejects.toMatchObject({ field: 'versioning.location' });
    expect(storageRequests(cloud).map((r) => r.method)).toEqual(['PUT']);
  });
});

describe('deleteContainer', () => {
  it('DELETEs an empty container and maps 404 and 409', async () => {
    const swift = client();
    await createContainer(swift, 'c');
    await deleteContainer(swift, 'c');
    expect(storageRequests(cloud).at(-1)).toMatchObject({ method: 'DELETE' });
    const missing = await deleteContainer(swift, 'c').catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toContain('container "c"');
    await createContainer(swift, 'full');
    await uploadObject(swift, 'full', 'o', 'x');
    await expect(deleteContainer(swift, 'full')).rejects.toBeInstanceOf(ConflictError);
  });

  it('with force, deletes every object with bounded concurrency, then the container', async () => {
    const swift = client();
    await createContainer(swift, 'big');
    for (let i = 0; i < 12; i++) await uploadObject(swift, 'big', `dir/o${i} ü`, `${i}`);
    let inFlight = 0;
    let peak = 0;
    fake.intercept(async (req) => {
      if (req.method !== 'DELETE' || !new URL(req.url).pathname.includes('/big/')) return undefined;
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return undefined;
    });
    await deleteContainer(swift, 'big', { force: true, concurrency: 3 });
    expect(fake.containers.has('big')).toBe(false);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
    expect(fake.calls.filter((c) => c.startsWith('DELETE /big/'))).toHaveLength(12);
  });

  it('with force, lists again when the container still reports objects (409)', async () => {
    const swift = client();
    await createContainer(swift, 'lag');
    await uploadObject(swift, 'lag', 'a', 'x');
    let conflicts = 1;
    fake.intercept((req, t) => {
      if (req.method === 'DELETE' && t.container === 'lag' && !t.object && conflicts-- > 0) {
        return new HttpResponse('<html><h1>Conflict</h1></html>', { status: 409 });
      }
      return undefined;
    });
    await deleteContainer(swift, 'lag', { force: true });
    expect(fake.calls.filter((c) => c === 'DELETE /lag')).toHaveLength(2);
    expect(fake.containers.has('lag')).toBe(false);
  });

  it('validates concurrency', async () => {
    await expect(deleteContainer(client(), 'x', { force: true, concurrency: 0 })).rejects.toMatchObject({
      field: 'concurrency',
    });
  });
});

describe('container metadata', () => {
  it('getContainerMetadata parses counts, ACLs, versioning, quotas and metadata', async () => {
    cloud.use(
      http.head(
        `${base}/docs`,
        () =>
          new HttpResponse(null, {
            status: 204,
            headers: {
              'x-container-object-count': '2',
              'x-container-bytes-used': '10',
              'x-container-read': '.r:*',
              'x-container-write': 'p:u',
              'x-versions-location': 'docs%20old',
              'x-versions-enabled': 'True',
              'x-container-meta-quota-bytes': '100',
              'x-container-meta-quota-count': '5',
              'x-container-meta-temp-url-key': 'hidden',
              'x-container-meta-color': Buffer.from('grün').toString('latin1'),
              'x-storage-policy': 'gold',
              'x-timestamp': '1700000000.00000',
            },
          }),
      ),
    );
    const info = await getContainerMetadata(client(), 'docs');
    expect(info).toMatchObject({
      name: 'docs',
      objectCount: 2,
      bytesUsed: 10,
      readAcl: '.r:*',
      writeAcl: 'p:u',
      versionsLocation: 'docs old',
      versionsEnabled: true,
      quotaBytes: 100,
      quotaCount: 5,
      storagePolicy: 'gold',
      tempUrlKeySet: true,
    });
    expect(info.metadata).toEqual({ 'quota-bytes': '100', 'quota-count': '5', color: 'grün' });
    expect(info.headers['x-container-meta-temp-url-key']).toBe('[REDACTED]');
  });

  it('set merges keys, remove deletes them (POST headers)', async () => {
    const swift = client();
    await createContainer(swift, 'm', { metadata: { keep: '1' } });
    await setContainerMetadata(swift, 'm', { Color: 'blue' });
    expect((await getContainerMetadata(swift, 'm')).metadata).toEqual({ keep: '1', color: 'blue' });
    await removeContainerMetadata(swift, 'm', ['color']);
    const posts = storageRequests(cloud).filter((r) => r.method === 'POST');
    expect(posts[0]?.headers.get('x-container-meta-color')).toBe('blue');
    expect(posts[1]?.headers.get('x-remove-container-meta-color')).toBe('x');
    expect((await getContainerMetadata(swift, 'm')).metadata).toEqual({ keep: '1' });
    await expect(getContainerMetadata(swift, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sets and removes ACLs, quotas and versioning', async () => {
    const swift = client();
    await createContainer(swift, 's');
    await setContainerAcl(swift, 's', { read: SWIFT_PUBLIC_READ_ACL });
    await setContainerQuota(swift, 's', { bytes: 5, count: null });
    await setContainerVersioning(swift, 's', { mode: 'stack', location: 's-v' });
    let info = await getContainerMetadata(swift, 's');
    expect(info).toMatchObject({ readAcl: '.r:*,.rlistings', quotaBytes: 5, versionsLocation: 's-v' });
    await setContainerAcl(swift, 's', { read: null, write: null });
    await setContainerQuota(swift, 's', { bytes: null });
    await setContainerVersioning(swift, 's', null);
    await setContainerVersioning(swift, 's', { mode: 'enabled', enabled: false });
    info = await getContainerMetadata(swift, 's');
    expect(info.readAcl).toBeUndefined();
    expect(info.quotaBytes).toBeUndefined();
    expect(info.versionsLocation).toBeUndefined();
    const posts = storageRequests(cloud).filter((r) => r.method === 'POST');
    const headersOf = (i: number) => swiftHeaders(posts[i]!.headers);
    expect(headersOf(1)).toEqual({
      'x-container-meta-quota-bytes': '5',
      'x-remove-container-meta-quota-count': 'x',
    });
    expect(headersOf(3)).toEqual({ 'x-remove-container-read': 'x', 'x-remove-container-write': 'x' });
    expect(headersOf(5)).toEqual({ 'x-remove-versions-location': 'x', 'x-remove-history-location': 'x' });
    expect(headersOf(6)).toEqual({ 'x-versions-enabled': 'false' });
  });
});

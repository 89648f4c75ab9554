import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { swiftInfoUrl } from '../src/account/urls.js';
import {
  bulkDelete,
  createContainer,
  extractArchive,
  getAccountMetadata,
  getSwiftInfo,
  removeAccountMetadata,
  SwiftBulkOperationError,
  setAccountMetadata,
  uploadObject,
} from '../src/index.js';
import { setupSwift, storageRequests } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const base = mockEndpoints('RegionOne').objectStore;

describe('getAccountMetadata', () => {
  it('sends HEAD to the account and parses totals, metadata and policies', async () => {
    cloud.use(
      http.head(
        base,
        () =>
          new HttpResponse(null, {
            status: 204,
            headers: {
              'x-account-container-count': '3',
              'x-account-object-count': '12',
              'x-account-bytes-used': '4096',
              'x-account-meta-owner': 'team-a',
              'x-account-meta-temp-url-key': 'super-secret',
              'x-account-meta-quota-bytes': '1000000',
              'x-account-storage-policy-gold-object-count': '7',
              'x-account-storage-policy-gold-bytes-used': '2048',
              'x-timestamp': '1700000000.12345',
            },
          }),
      ),
    );
    const info = await getAccountMetadata(client());
    expect(info).toMatchObject({
      containerCount: 3,
      objectCount: 12,
      bytesUsed: 4096,
      quotaBytes: 1000000,
      tempUrlKeySet: true,
      storagePolicies: { gold: { objectCount: 7, bytesUsed: 2048 } },
    });
    expect(info.metadata).toEqual({ owner: 'team-a', 'quota-bytes': '1000000' });
    expect(info.createdAt?.toISOString()).toBe('2023-11-14T22:13:20.123Z');
    expect(JSON.stringify(info)).not.toContain('super-secret');
    const [req] = storageRequests(cloud);
    expect(req?.method).toBe('HEAD');
    expect(req?.url.href).toBe(base);
  });
});

describe('setAccountMetadata / removeAccountMetadata', () => {
  it('posts X-Account-Meta-* and X-Remove-Account-Meta-* headers; unicode values round-trip', async () => {
    const swift = client();
    await setAccountMetadata(swift, { Owner: 'Zoë 🚀', 'cost-center': '42' });
    const post = storageRequests(cloud).find((r) => r.method === 'POST');
    expect(post?.url.href).toBe(base);
    expect(post?.headers.get('x-account-meta-owner')).toBe(Buffer.from('Zoë 🚀').toString('latin1'));
    expect((await getAccountMetadata(swift)).metadata).toEqual({ owner: 'Zoë 🚀', 'cost-center': '42' });

    await removeAccountMetadata(swift, ['owner']);
    const remove = storageRequests(cloud).filter((r) => r.method === 'POST')[1];
    expect(remove?.headers.get('x-remove-account-meta-owner')).toBe('x');
    expect((await getAccountMetadata(swift)).metadata).toEqual({ 'cost-center': '42' });
  });

  it('rejects bad keys and values before any request', async () => {
    const swift = client();
    await expect(setAccountMetadata(swift, { 'bad key': 'x' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'metadata.bad key',
    });
    await expect(setAccountMetadata(swift, { k: 'line\nbreak' })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    await expect(removeAccountMetadata(swift, ['ok', ''])).rejects.toMatchObject({ name: 'ValidationError' });
    expect(storageRequests(cloud)).toHaveLength(0);
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('getSwiftInfo', () => {
  it('GETs /info at the endpoint root, outside /v1/AUTH_x, and maps the capabilities', async () => {
    const info = await getSwiftInfo(client());
    const [req] = storageRequests(cloud);
    expect(req?.method).toBe('GET');
    expect(req?.url.href).toBe('https://swift.regionone.mock.test/info');
    expect(info).toMatchObject({
      version: '2.30.1',
      maxFileSize: 5368709122,
      bulkDelete: { maxDeletesPerRequest: 10000, maxFailedDeletes: 1000 },
      slo: { maxManifestSegments: 1000, maxManifestSize: 8388608 },
      tempUrl: { allowedDigests: ['sha1', 'sha256', 'sha512'] },
      dlo: true,
      versionedWrites: true,
      symlink: false,
    });
    expect(info.capabilities.swift).toBeDefined();
  });

  it('builds the /info URL from storage URLs with and without a path prefix', () => {
    expect(swiftInfoUrl('https://h.example/v1/AUTH_abc')).toBe('https://h.example/info');
    expect(swiftInfoUrl('https://h.example/v1/AUTH_abc/')).toBe('https://h.example/info');
    expect(swiftInfoUrl('https://h.example/swift/v1/AUTH_abc')).toBe('https://h.example/swift/info');
    expect(swiftInfoUrl('https://storage101.dfw1.clouddrive.com/v1/MossoCloudFS_1a2b')).toBe(
      'https://storage101.dfw1.clouddrive.com/info',
    );
    expect(swiftInfoUrl('http://127.0.0.1:8080/v1.0/AUTH_x')).toBe('http://127.0.0.1:8080/info');
  });
});

describe('bulkDelete', () => {
  it('POSTs ?bulk-delete with encoded newline-separated paths in chunks of the /info maximum', async () => {
    fake.info = { ...fake.info, bulk_delete: { max_deletes_per_request: 2, max_failed_deletes: 10 } };
    const swift = client();
    await createContainer(swift, 'bulk');
    for (const n of ['a b', 'ü/x?#', 'c']) await uploadObject(swift, 'bulk', n, 'x');
    const result = await bulkDelete(swift, [
      { container: 'bulk', name: 'a b' },
      { container: 'bulk', name: 'ü/x?#' },
      { container: 'bulk', name: 'c' },
      { container: 'bulk', name: 'missing' },
      { container: 'bulk' },
    ]);
    expect(result).toEqual({ deleted: 4, notFound: 1, failures: [] });
    const posts = storageRequests(cloud).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(posts[0]?.url.search).toBe('?bulk-delete=true');
    expect(posts[0]?.headers.get('content-type')).toBe('text/plain');
    expect(posts[0]?.headers.get('accept')).toBe('application/json');
    expect(await posts[0]?.body()).toBe('/bulk/a%20b\n/bulk/%C3%BC/x%3F%23');
    expect(await posts[2]?.body()).toBe('/bulk');
    expect(fake.containers.has('bulk')).toBe(false);
  });

  it('returns per-item failures such as a non-empty container', async () => {
    const swift = client();
    await createContainer(swift, 'full');
    await uploadObject(swift, 'full', 'o', 'x');
    const result = await bulkDelete(swift, [{ container: 'full' }], { chunkSize: 100 });
    expect(result.failures).toEqual([{ path: '/full', status: '409 Conflict' }]);
    // chunkSize given: /info is not read
    expect(storageRequests(cloud).some((r) => r.url.pathname === '/info')).toBe(false);
  });

  it('throws SwiftBulkOperationError when Swift refuses the whole request', async () => {
    cloud.use(
      http.post(base, () =>
        HttpResponse.json({
          'Response Status': '413 Request Entity Too Large',
          'Response Body': 'Maximum Bulk Deletes: 1 per request',
          Errors: [],
          'Number Deleted': 0,
          'Number Not Found': 0,
        }),
      ),
    );
    const err = await bulkDelete(client(), [{ container: 'a', name: 'b' }], { chunkSize: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(SwiftBulkOperationError);
    expect(err.responseStatus).toBe('413 Request Entity Too Large');
  });

  it('falls back to 10 000 per request when /info is unavailable, and reports a missing bulk middleware', async () => {
    cloud.use(
      http.get('https://swift.regionone.mock.test/info', () => new HttpResponse(null, { status: 404 })),
      http.post(base, () => new HttpResponse(null, { status: 204 })),
    );
    await expect(bulkDelete(client(), [{ container: 'a', name: 'b' }])).rejects.toThrow(/not enabled/);
  });

  it('validates every item before any request', async () => {
    await expect(
      bulkDelete(client(), [
        { container: 'ok', name: 'x' },
        { container: 'bad/name', name: 'x' },
      ]),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'items[1].container' });
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('extractArchive', () => {
  it('PUTs the streamed archive to <container>?extract-archive=<format> and parses the summary', async () => {
    let seen: { url: string; body: number; accept: string | null } | undefined;
    cloud.use(
      http.put(`${base}/site`, async ({ request }) => {
        seen = {
          url: request.url,
          body: (await request.arrayBuffer()).byteLength,
          accept: request.headers.get('accept'),
        };
        return HttpResponse.json({
          'Number Files Created': 2,
          Errors: [['/site/bad%20file', '400 Bad Request']],
          'Response Status': '400 Bad Request',
          'Response Body': '',
        });
      }),
    );
    async function* archive() {
      yield Buffer.alloc(512, 1);
      yield Buffer.alloc(512, 2);
    }
    const result = await extractArchive(client(), archive(), { format: 'tar.gz', container: 'site' });
    expect(seen).toEqual({
      url: `${base}/site?extract-archive=tar.gz`,
      body: 1024,
      accept: 'application/json',
    });
    expect(result).toEqual({ created: 2, failures: [{ path: '/site/bad file', status: '400 Bad Request' }] });
  });

  it('extracts at the account root when no container is given, and rejects unknown formats', async () => {
    cloud.use(
      http.put(base, () =>
        HttpResponse.json({
          'Number Files Created': 1,
          Errors: [],
          'Response Status': '201 Created',
          'Response Body': '',
        }),
      ),
    );
    expect(await extractArchive(client(), Buffer.alloc(10), { format: 'tar' })).toEqual({
      created: 1,
      failures: [],
    });
    expect(storageRequests(cloud)[0]?.url.href).toBe(`${base}?extract-archive=tar`);
    await expect(extractArchive(client(), 'x', { format: 'zip' as 'tar' })).rejects.toMatchObject({
      field: 'format',
    });
    await expect(extractArchive(client(), 'x', { format: 'tar', prefix: 'p/' })).rejects.toMatchObject({
      field: 'prefix',
    });
  });

  it('throws when Swift cannot read the archive', async () => {
    cloud.use(
      http.put(`${base}/c`, () =>
        HttpResponse.json({
          'Number Files Created': 0,
          Errors: [],
          'Response Status': '400 Bad Request',
          'Response Body': 'Invalid Tar File: not a gzip file',
        }),
      ),
    );
    await expect(extractArchive(client(), 'junk', { format: 'tar.gz', container: 'c' })).rejects.toThrow(
      /Invalid Tar File/,
    );
  });
});

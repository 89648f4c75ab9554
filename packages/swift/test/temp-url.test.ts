import { createHmac } from 'node:crypto';
import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import {
  buildFormPost,
  buildTempUrl,
  createContainer,
  createFormPost,
  createTempUrl,
  getTempUrlKey,
  setAccountTempUrlKey,
  setContainerTempUrlKey,
  TempUrlKeyMissingError,
  uploadObject,
} from '../src/index.js';
import { setupSwift, storageRequests } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const base = mockEndpoints('RegionOne').objectStore;
const path = new URL(base).pathname;
const NOW = Date.UTC(2030, 0, 1);
const hmac = (alg: string, key: string, body: string) => createHmac(alg, key).update(body).digest('hex');

describe('buildTempUrl', () => {
  it('signs method, expiry and the decoded object path with sha256 by default', () => {
    const url = buildTempUrl(
      { endpoint: base, container: 'c', name: 'dir/report ü?.pdf', key: 'k3y', expiresIn: 600 },
      NOW,
    );
    const expires = NOW / 1000 + 600;
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe(`${base}/c/dir/report%20%C3%BC%3F.pdf`);
    expect(u.searchParams.get('temp_url_expires')).toBe(String(expires));
    expect(u.searchParams.get('temp_url_sig')).toBe(
      hmac('sha256', 'k3y', `GET\n${expires}\n${path}/c/dir/report ü?.pdf`),
    );
  });

  it('supports sha1/sha512, other methods, absolute expiry, prefixes, IP ranges and filenames', () => {
    const at = new Date(NOW + 3_600_000);
    const u = new URL(
      buildTempUrl(
        {
          endpoint: `${base}/`,
          container: 'c',
          name: 'logs/a.txt',
          key: 'k',
          method: 'PUT',
          digest: 'sha512',
          expiresAt: at,
          prefix: 'logs/',
          ipRange: '203.0.113.0/24',
          filename: 'my file.txt',
          inline: true,
        },
        NOW,
      ),
    );
    const expires = at.getTime() / 1000;
    expect(u.searchParams.get('temp_url_sig')).toBe(
      hmac('sha512', 'k', `ip=203.0.113.0/24\nPUT\n${expires}\nprefix:${path}/c/logs/`),
    );
    expect(u.searchParams.get('temp_url_prefix')).toBe('logs/');
    expect(u.searchParams.get('temp_url_ip_range')).toBe('203.0.113.0/24');
    expect(u.searchParams.get('filename')).toBe('my file.txt');
    expect(u.search).toMatch(/&inline$/);
    const sha1 = new URL(
      buildTempUrl({ endpoint: base, container: 'c', name: 'o', key: 'k', digest: 'sha1', expiresAt: 2e9 }),
    );
    expect(sha1.searchParams.get('temp_url_sig')).toBe(hmac('sha1', 'k', `GET\n2000000000\n${path}/c/o`));
  });

  it('validates its input', () => {
    const ok = { endpoint: base, container: 'c', name: 'o', key: 'k', expiresIn: 60 };
    expect(() => buildTempUrl({ ...ok, key: '' })).toThrow(/key/);
    expect(() => buildTempUrl({ ...ok, digest: 'md5' as 'sha1' })).toThrow(/digest/);
    expect(() => buildTempUrl({ ...ok, method: 'PATCH' as 'GET' })).toThrow(/method/);
    expect(() => buildTempUrl({ ...ok, expiresIn: 0 })).toThrow(/expiresIn/);
    expect(() => buildTempUrl({ ...ok, expiresIn: undefined })).toThrow(/required/);
    expect(() => buildTempUrl({ ...ok, expiresAt: 5 })).toThrow(/not both/);
    expect(() => buildTempUrl({ ...ok, prefix: 'x/' })).toThrow(/start with prefix/);
    expect(() => buildTempUrl({ ...ok, ipRange: 'evil\nhost' })).toThrow(/ipRange/);
    expect(() => buildTempUrl({ ...ok, container: 'a/b' })).toThrow(/container/);
    expect(() => buildTempUrl({ ...ok, endpoint: 'nope' })).toThrow(/endpoint/);
  });
});

describe('createTempUrl', () => {
  it('reads the container key first, then the account key, and the URL works without a token', async () => {
    const swift = client();
    await createContainer(swift, 'pub');
    await uploadObject(swift, 'pub', 'a b.txt', 'shared');
    await setAccountTempUrlKey(swift, 'account-key');
    const viaAccount = await createTempUrl(swift, 'pub', 'a b.txt', { expiresIn: 60 });
    expect(new URL(viaAccount).searchParams.get('temp_url_sig')).toMatch(/^[0-9a-f]{64}$/);
    const res = await fetch(viaAccount);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('shared');

    await setContainerTempUrlKey(swift, 'pub', 'container-key', { secondary: true });
    expect(await getTempUrlKey(swift, { container: 'pub' })).toBe('container-key');
    const viaContainer = await createTempUrl(swift, 'pub', 'a b.txt', { expiresIn: 60, digest: 'sha1' });
    expect((await fetch(viaContainer)).status).toBe(200);
    const tampered = viaContainer.replace('a%20b.txt', 'other.txt');
    expect((await fetch(tampered)).status).toBe(401);

    const posts = storageRequests(cloud).filter((r) => r.method === 'POST');
    expect(posts[0]?.headers.get('x-account-meta-temp-url-key')).toBe('account-key');
    expect(posts[1]?.url.href).toBe(`${base}/pub`);
    expect(posts[1]?.headers.get('x-container-meta-temp-url-key-2')).toBe('container-key');
  });

  it('uses a given key without reading metadata, and fails clearly without any key', async () => {
    const swift = client();
    const url = await createTempUrl(swift, 'c', 'o', { key: 'given', expiresIn: 5 });
    expect(url.startsWith(`${base}/c/o?temp_url_sig=`)).toBe(true);
    expect(storageRequests(cloud)).toHaveLength(0);
    await createContainer(swift, 'c');
    const err = await createTempUrl(swift, 'c', 'o', { expiresIn: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(TempUrlKeyMissingError);
    expect(err.code).toBe('TEMP_URL_KEY_MISSING');
    await expect(createTempUrl(swift, 'c', 'o', {})).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(setAccountTempUrlKey(swift, '')).rejects.toMatchObject({ field: 'key' });
  });
});

describe('form POST signatures', () => {
  it('builds the action URL and fields with an HMAC over path, redirect, limits and expiry', () => {
    const form = buildFormPost(
      {
        endpoint: base,
        container: 'uploads',
        prefix: 'user 42/',
        key: 'k',
        redirect: 'https://app.example/done',
        maxFileSize: 1024,
        maxFileCount: 3,
        expiresIn: 900,
      },
      NOW,
    );
    const expires = NOW / 1000 + 900;
    expect(form.url).toBe(`${base}/uploads/user%2042/`);
    expect(form.fields).toEqual({
      redirect: 'https://app.example/done',
      max_file_size: '1024',
      max_file_count: '3',
      expires: String(expires),
      signature: hmac(
        'sha256',
        'k',
        `${path}/uploads/user 42/\nhttps://app.example/done\n1024\n3\n${expires}`,
      ),
    });
    const sha1 = buildFormPost({
      endpoint: base,
      container: 'u',
      key: 'k',
      maxFileSize: 1,
      expiresAt: 2e9,
      digest: 'sha1',
    });
    expect(sha1.fields.signature).toBe(hmac('sha1', 'k', `${path}/u/\n\n1\n1\n2000000000`));
    expect(() =>
      buildFormPost({ endpoint: base, container: 'u', key: 'k', maxFileSize: 0, expiresIn: 1 }),
    ).toThrow(/maxFileSize/);
  });

  it('createFormPost validates before any request and reads the key', async () => {
    const swift = client();
    await expect(createFormPost(swift, 'u', { maxFileSize: -1, expiresIn: 5 })).rejects.toMatchObject({
      field: 'maxFileSize',
    });
    expect(cloud.requests).toHaveLength(0);
    await createContainer(swift, 'u');
    await setContainerTempUrlKey(swift, 'u', 'ck');
    const form = await createFormPost(swift, 'u', { maxFileSize: 10, expiresAt: 2e9 });
    expect(form.fields.signature).toBe(hmac('sha256', 'ck', `${path}/u/\n\n10\n1\n2000000000`));
    expect(fake.containers.get('u')?.metadata['temp-url-key']).toBe('ck');
  });
});

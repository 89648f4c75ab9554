import { NotFoundError, toArray } from '@cloud/core';
import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import {
  disableContainerCdn,
  enableContainerCdn,
  getContainerCdn,
  listCdnContainers,
  purgeCdnObject,
  updateContainerCdn,
} from '../src/index.js';
import { setupSwift, storageRequests } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const cdnBase = mockEndpoints('RegionOne').cdn;

describe('Rackspace CDN', () => {
  it('enables a container with PUT X-CDN-Enabled/X-TTL/X-Log-Retention on the CDN endpoint', async () => {
    const swift = client();
    const cdn = await enableContainerCdn(swift, 'site ü', { ttl: 3600, logRetention: true });
    const [put] = storageRequests(cloud);
    expect(put?.method).toBe('PUT');
    expect(put?.url.href).toBe(`${cdnBase}/site%20%C3%BC`);
    expect(put?.headers.get('x-cdn-enabled')).toBe('True');
    expect(put?.headers.get('x-ttl')).toBe('3600');
    expect(put?.headers.get('x-log-retention')).toBe('True');
    expect(cdn).toMatchObject({
      name: 'site ü',
      enabled: true,
      ttl: 3600,
      uri: expect.stringMatching(/^http:\/\/.+rackcdn\.com$/),
      sslUri: expect.stringMatching(/^https:\/\//),
      streamingUri: expect.any(String),
      iosUri: expect.any(String),
    });
  });

  it('reads, updates, lists and disables CDN containers', async () => {
    const swift = client();
    await enableContainerCdn(swift, 'a');
    await enableContainerCdn(swift, 'b');
    await updateContainerCdn(swift, 'a', { ttl: 900 });
    expect(await getContainerCdn(swift, 'a')).toMatchObject({ enabled: true, ttl: 900, logRetention: false });
    await disableContainerCdn(swift, 'b');
    const all = await toArray(listCdnContainers(swift));
    expect(all.map((c) => [c.name, c.enabled])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(all[0]).toMatchObject({ ttl: 900, sslUri: expect.stringMatching(/^https:/) });
    const enabled = await toArray(listCdnContainers(swift, { enabledOnly: true, limit: 10 }));
    expect(enabled.map((c) => c.name)).toEqual(['a']);
    const calls = fake.calls.filter((c) => c.startsWith('CDN'));
    expect(calls).toContain('CDN POST /b');
    expect(calls).toContain('CDN GET /?format=json&enabled_only=true&limit=10');
    const disable = storageRequests(cloud).find((r) => r.method === 'POST' && r.url.pathname.endsWith('/b'));
    expect(disable?.headers.get('x-cdn-enabled')).toBe('False');
    await expect(getContainerCdn(swift, 'never')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('purges an object with DELETE on the CDN endpoint and optional X-Purge-Email', async () => {
    const swift = client();
    await enableContainerCdn(swift, 'site');
    await purgeCdnObject(swift, 'site', 'css/app v2.css', { email: ['a@example.com', 'b@example.com'] });
    await purgeCdnObject(swift, 'site', 'x');
    const dels = storageRequests(cloud).filter((r) => r.method === 'DELETE');
    expect(dels[0]?.url.href).toBe(`${cdnBase}/site/css/app%20v2.css`);
    expect(dels[0]?.headers.get('x-purge-email')).toBe('a@example.com, b@example.com');
    expect(dels[1]?.headers.get('x-purge-email')).toBeNull();
    await expect(purgeCdnObject(swift, 'site', '')).rejects.toMatchObject({ field: 'name' });
    await expect(enableContainerCdn(swift, 'site', { ttl: -5 })).rejects.toMatchObject({ field: 'ttl' });
  });

  it('resolves the CDN endpoint from the client region and honours an override', async () => {
    const two = client({ region: 'RegionTwo' });
    expect(await two.cdn.endpoint()).toBe(mockEndpoints('RegionTwo').cdn);
    const fixed = client({ cdn: { endpoint: 'https://cdn.example.test/v1/x' } });
    expect(await fixed.cdn.endpoint()).toBe('https://cdn.example.test/v1/x');
  });
});

import { NotFoundError, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { createFakeNova } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createServer,
  deleteServerMetadata,
  deleteServerMetadataItem,
  getServerAddresses,
  getServerAddressesByNetwork,
  getServerMetadata,
  getServerMetadataItem,
  replaceServerMetadata,
  setServerMetadata,
  setServerMetadataItem,
} from '../src/index.js';
import { BASE, computeOf, computeRequests, SERVER_ID, sent } from './fixtures/compute.js';

const cloud = setupMockCloud();
const meta = `${BASE}/servers/${SERVER_ID}/metadata`;

describe('server metadata', () => {
  it('getServerMetadata reads all keys', async () => {
    cloud.use(http.get(meta, () => HttpResponse.json({ metadata: { role: 'web', tier: 'front' } })));
    await expect(getServerMetadata(computeOf(cloud), SERVER_ID)).resolves.toEqual({
      role: 'web',
      tier: 'front',
    });
    expect(await sent(cloud)).toEqual({
      method: 'GET',
      path: `/servers/${SERVER_ID}/metadata`,
      body: undefined,
    });
  });

  it('setServerMetadata merges the given keys with POST', async () => {
    cloud.use(http.post(meta, () => HttpResponse.json({ metadata: { role: 'web', owner: 'ops' } })));
    await expect(setServerMetadata(computeOf(cloud), SERVER_ID, { owner: 'ops' })).resolves.toEqual({
      role: 'web',
      owner: 'ops',
    });
    expect(await sent(cloud)).toEqual({
      method: 'POST',
      path: `/servers/${SERVER_ID}/metadata`,
      body: { metadata: { owner: 'ops' } },
    });
  });

  it('replaceServerMetadata replaces the whole set with PUT', async () => {
    cloud.use(http.put(meta, () => HttpResponse.json({ metadata: { role: 'db' } })));
    await expect(replaceServerMetadata(computeOf(cloud), SERVER_ID, { role: 'db' })).resolves.toEqual({
      role: 'db',
    });
    expect(await sent(cloud)).toEqual({
      method: 'PUT',
      path: `/servers/${SERVER_ID}/metadata`,
      body: { metadata: { role: 'db' } },
    });
  });

  it('set keeps the keys it was not given; replace drops them; delete removes only the named ones', async () => {
    const nova = createFakeNova();
    cloud.use(...nova.handlers);
    const c = computeOf(cloud);
    const { id } = await createServer(c, {
      name: 'm',
      flavor: '1',
      image: '70a599e0-31e7-49b7-b260-868f441e862b',
      metadata: { role: 'web', owner: 'ops' },
    });
    await setServerMetadata(c, id, { tier: 'front' });
    expect(await getServerMetadata(c, id)).toEqual({ role: 'web', owner: 'ops', tier: 'front' });
    await deleteServerMetadata(c, id, ['owner', 'not-set']);
    expect(await getServerMetadata(c, id)).toEqual({ role: 'web', tier: 'front' });
    await replaceServerMetadata(c, id, { only: 'this' });
    expect(await getServerMetadata(c, id)).toEqual({ only: 'this' });
  });

  it('deleteServerMetadata reads first and deletes only keys that are set, one request each', async () => {
    cloud.use(
      http.get(meta, () => HttpResponse.json({ metadata: { a: '1', 'b c': '2', keep: '3' } })),
      http.delete(`${meta}/:key`, () => new HttpResponse(null, { status: 204 })),
    );
    await deleteServerMetadata(computeOf(cloud), SERVER_ID, ['a', 'b c', 'missing', 'a']);
    const calls = computeRequests(cloud).map((r) => `${r.method} ${r.url.pathname.split('/metadata')[1]}`);
    expect(calls).toEqual(['GET ', 'DELETE /a', 'DELETE /b%20c']);
  });

  it('deleteServerMetadata tolerates a key removed meanwhile but names a missing server', async () => {
    cloud.use(
      http.get(meta, () => HttpResponse.json({ metadata: { a: '1' } })),
      http.delete(`${meta}/a`, () =>
        HttpResponse.json({ itemNotFound: { code: 404, message: 'gone' } }, { status: 404 }),
      ),
    );
    await expect(deleteServerMetadata(computeOf(cloud), SERVER_ID, ['a'])).resolves.toBeUndefined();
    cloud.use(
      http.get(meta, () =>
        HttpResponse.json({ itemNotFound: { code: 404, message: 'no server' } }, { status: 404 }),
      ),
    );
    await expect(deleteServerMetadata(computeOf(cloud), SERVER_ID, ['a'])).rejects.toThrow(
      `server "${SERVER_ID}" was not found`,
    );
  });

  it('getServerMetadataItem reads one key (encoded in the path)', async () => {
    cloud.use(
      http.get(`${meta}/:key`, ({ params }) => HttpResponse.json({ meta: { [String(params.key)]: 'v 1' } })),
    );
    await expect(getServerMetadataItem(computeOf(cloud), SERVER_ID, 'my key/x')).resolves.toBe('v 1');
    const [r] = computeRequests(cloud);
    expect(r!.url.pathname).toBe(`/v2.1/servers/${SERVER_ID}/metadata/my%20key%2Fx`);
  });

  it('getServerMetadataItem names the key on a 404', async () => {
    cloud.use(
      http.get(`${meta}/:key`, () =>
        HttpResponse.json(
          { itemNotFound: { code: 404, message: 'Metadata item was not found' } },
          { status: 404 },
        ),
      ),
    );
    const err = await getServerMetadataItem(computeOf(cloud), SERVER_ID, 'nope').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toContain(`metadata key "nope" of server "${SERVER_ID}" was not found`);
  });

  it('setServerMetadataItem puts one key', async () => {
    cloud.use(http.put(`${meta}/role`, () => HttpResponse.json({ meta: { role: 'db' } })));
    await setServerMetadataItem(computeOf(cloud), SERVER_ID, 'role', 'db');
    expect(await sent(cloud)).toEqual({
      method: 'PUT',
      path: `/servers/${SERVER_ID}/metadata/role`,
      body: { meta: { role: 'db' } },
    });
  });

  it('deleteServerMetadataItem deletes one key', async () => {
    cloud.use(http.delete(`${meta}/role`, () => new HttpResponse(null, { status: 204 })));
    await deleteServerMetadataItem(computeOf(cloud), SERVER_ID, 'role');
    expect(await sent(cloud)).toEqual({
      method: 'DELETE',
      path: `/servers/${SERVER_ID}/metadata/role`,
      body: undefined,
    });
  });

  it('rejects bad input before any request', async () => {
    const c = computeOf(cloud);
    await expect(setServerMetadata(c, SERVER_ID, { a: 1 as unknown as string })).rejects.toThrow(
      ValidationError,
    );
    await expect(setServerMetadata(c, SERVER_ID, { ['k'.repeat(256)]: 'v' })).rejects.toThrow(/1 to 255/);
    await expect(setServerMetadataItem(c, SERVER_ID, '', 'v')).rejects.toThrow(
      /key must be a non-empty string/,
    );
    await expect(getServerMetadata(c, 'x')).rejects.toThrow(/serverId must be a UUID/);
    await expect(replaceServerMetadata(c, SERVER_ID, { a: 1 as unknown as string })).rejects.toThrow(
      ValidationError,
    );
    await expect(deleteServerMetadata(c, SERVER_ID, 'a' as unknown as string[])).rejects.toThrow(/keys/);
    await expect(deleteServerMetadata(c, SERVER_ID, [''])).rejects.toThrow(/keys\[0\]/);
    await expect(deleteServerMetadata(c, SERVER_ID, [])).resolves.toBeUndefined();
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('server addresses', () => {
  const addresses = {
    public: [
      { version: 4, addr: '203.0.113.10' },
      { version: 6, addr: '2001:db8::10' },
    ],
    private: [{ version: 4, addr: '10.176.42.16' }],
  };

  it('getServerAddresses reads every network', async () => {
    cloud.use(http.get(`${BASE}/servers/${SERVER_ID}/ips`, () => HttpResponse.json({ addresses })));
    await expect(getServerAddresses(computeOf(cloud), SERVER_ID)).resolves.toEqual({
      public: [
        { address: '203.0.113.10', version: 4 },
        { address: '2001:db8::10', version: 6 },
      ],
      private: [{ address: '10.176.42.16', version: 4 }],
    });
  });

  it('getServerAddressesByNetwork reads one network', async () => {
    cloud.use(
      http.get(`${BASE}/servers/${SERVER_ID}/ips/public`, () =>
        HttpResponse.json({ public: addresses.public }),
      ),
    );
    const ips = await getServerAddressesByNetwork(computeOf(cloud), SERVER_ID, 'public');
    expect(ips.map((a) => a.address)).toEqual(['203.0.113.10', '2001:db8::10']);
    expect((await sent(cloud)).path).toBe(`/servers/${SERVER_ID}/ips/public`);
  });

  it('names the network on a 404', async () => {
    cloud.use(
      http.get(`${BASE}/servers/${SERVER_ID}/ips/lan`, () =>
        HttpResponse.json({ itemNotFound: { code: 404, message: 'Network not found' } }, { status: 404 }),
      ),
    );
    await expect(getServerAddressesByNetwork(computeOf(cloud), SERVER_ID, 'lan')).rejects.toThrow(
      `network "lan" of server "${SERVER_ID}" was not found`,
    );
  });
});

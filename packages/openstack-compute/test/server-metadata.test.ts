import { NotFoundError, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  deleteServerMetadataItem,
  getServerAddresses,
  getServerAddressesByNetwork,
  getServerMetadata,
  getServerMetadataItem,
  setServerMetadata,
  setServerMetadataItem,
  updateServerMetadata,
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

  it('setServerMetadata replaces with PUT', async () => {
    cloud.use(http.put(meta, () => HttpResponse.json({ metadata: { role: 'db' } })));
    await expect(setServerMetadata(computeOf(cloud), SERVER_ID, { role: 'db' })).resolves.toEqual({
      role: 'db',
    });
    expect(await sent(cloud)).toEqual({
      method: 'PUT',
      path: `/servers/${SERVER_ID}/metadata`,
      body: { metadata: { role: 'db' } },
    });
  });

  it('updateServerMetadata merges with POST', async () => {
    cloud.use(http.post(meta, () => HttpResponse.json({ metadata: { role: 'web', owner: 'ops' } })));
    await expect(updateServerMetadata(computeOf(cloud), SERVER_ID, { owner: 'ops' })).resolves.toEqual({
      role: 'web',
      owner: 'ops',
    });
    expect(await sent(cloud)).toEqual({
      method: 'POST',
      path: `/servers/${SERVER_ID}/metadata`,
      body: { metadata: { owner: 'ops' } },
    });
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

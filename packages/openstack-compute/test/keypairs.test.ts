import { toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createKeypair, deleteKeypair, getKeypair, importKeypair, listKeypairs } from '../src/index.js';
import { BASE, computeOf, computeRequests, onlyRequest, pathOf, sent } from './fixtures/compute.js';

const cloud = setupMockCloud();
const PUB = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHn2nWl3bQ8i3h0xJ5l7w1t7Xp3lQ2mQv0K0o9oZr5mB demo@laptop';
const wire = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  public_key: PUB,
  fingerprint: 'SHA256:3b2Rr4kQ0mFz1n8cPp1Kc2o0bQeUeT0u3k6wPz7w0pE',
  type: 'ssh',
  ...extra,
});

describe('keypairs', () => {
  it('createKeypair returns the generated private key', async () => {
    cloud.use(
      http.post(`${BASE}/os-keypairs`, () =>
        HttpResponse.json({
          keypair: wire('deploy', {
            user_id: 'u-1',
            private_key: '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n',
          }),
        }),
      ),
    );
    const kp = await createKeypair(computeOf(cloud, { microversion: '2.10' }), {
      name: 'deploy',
      type: 'ssh',
    });
    expect(kp).toEqual({
      name: 'deploy',
      publicKey: PUB,
      fingerprint: expect.stringMatching(/^SHA256:/),
      type: 'ssh',
      userId: 'u-1',
      privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n',
    });
    expect(await sent(cloud)).toEqual({
      method: 'POST',
      path: '/os-keypairs',
      body: { keypair: { name: 'deploy', type: 'ssh' } },
    });
  });

  it('createKeypair is refused from 2.92, where generation was removed', async () => {
    await expect(createKeypair(computeOf(cloud, { microversion: '2.92' }), { name: 'k' })).rejects.toThrow(
      /importKeypair/,
    );
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('importKeypair sends the public key', async () => {
    cloud.use(http.post(`${BASE}/os-keypairs`, () => HttpResponse.json({ keypair: wire('laptop') })));
    const kp = await importKeypair(computeOf(cloud), { name: 'laptop', publicKey: `${PUB}\n` });
    expect(kp).not.toHaveProperty('privateKey');
    expect((await sent(cloud)).body).toEqual({ keypair: { name: 'laptop', public_key: PUB } });
  });

  it('listKeypairs unwraps each keypair and follows keypairs_links (2.35)', async () => {
    let n = 0;
    cloud.use(
      http.get(`${BASE}/os-keypairs`, () => {
        n += 1;
        if (n === 1) {
          return HttpResponse.json({
            keypairs: [{ keypair: wire('a') }],
            keypairs_links: [{ rel: 'next', href: `${BASE}/os-keypairs?limit=1&marker=a` }],
          });
        }
        if (n === 2) {
          return HttpResponse.json({
            keypairs: [{ keypair: wire('b') }],
            keypairs_links: [{ rel: 'next', href: `${BASE}/os-keypairs?limit=1&marker=b` }],
          });
        }
        return HttpResponse.json({ keypairs: [{ keypair: wire('c') }] });
      }),
    );
    const all = await toArray(listKeypairs(computeOf(cloud, { microversion: '2.35' }), { limit: 1 }));
    expect(all.map((k) => k.name)).toEqual(['a', 'b', 'c']);
    expect(computeRequests(cloud).map((r) => r.url.search)).toEqual([
      '?limit=1',
      '?limit=1&marker=a',
      '?limit=1&marker=b',
    ]);
  });

  it('listKeypairs refuses paging below 2.35', () => {
    expect(() => listKeypairs(computeOf(cloud), { limit: 5 })).toThrow(
      /limit requires compute microversion 2\.35/,
    );
  });

  it('getKeypair and deleteKeypair address the key by name', async () => {
    cloud.use(
      http.get(`${BASE}/os-keypairs/:name`, ({ params }) =>
        HttpResponse.json({
          keypair: wire(String(params.name), { user_id: 'u-1', created_at: '2024-05-02T08:00:00.000000' }),
        }),
      ),
      http.delete(`${BASE}/os-keypairs/:name`, () => new HttpResponse(null, { status: 202 })),
    );
    const c = computeOf(cloud);
    const kp = await getKeypair(c, 'my key');
    expect(kp.createdAt).toEqual(new Date('2024-05-02T08:00:00Z'));
    await deleteKeypair(c, 'my key');
    expect(computeRequests(cloud).map((r) => `${r.method} ${pathOf(r)}`)).toEqual([
      'GET /os-keypairs/my%20key',
      'DELETE /os-keypairs/my%20key',
    ]);
  });

  it('sends user_id for administrators at 2.10', async () => {
    cloud.use(http.delete(`${BASE}/os-keypairs/k`, () => new HttpResponse(null, { status: 202 })));
    await deleteKeypair(computeOf(cloud, { microversion: '2.10' }), 'k', { userId: 'u-2' });
    expect(onlyRequest(cloud).url.searchParams.get('user_id')).toBe('u-2');
  });

  it('names the key pair on a 404', async () => {
    cloud.use(
      http.get(`${BASE}/os-keypairs/gone`, () =>
        HttpResponse.json(
          { itemNotFound: { code: 404, message: 'Keypair gone not found for user u-1' } },
          { status: 404 },
        ),
      ),
    );
    await expect(getKeypair(computeOf(cloud), 'gone')).rejects.toThrow('keypair "gone" was not found');
  });

  it('rejects bad input before any request', async () => {
    const c = computeOf(cloud);
    await expect(createKeypair(c, { name: '' })).rejects.toThrow(ValidationError);
    await expect(createKeypair(c, { name: 'k', type: 'ssh' })).rejects.toThrow(
      /type requires compute microversion 2\.2/,
    );
    await expect(importKeypair(c, { name: 'k', publicKey: '  ' })).rejects.toThrow(
      /publicKey must not be blank/,
    );
    await expect(createKeypair(c, { name: 'x'.repeat(256) })).rejects.toThrow(/at most 255/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

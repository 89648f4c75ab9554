import { NotFoundError, ValidationError } from '@cloud/core';
import { jsonBody, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeNova, type FakeNova, FIXTURE_IMAGES } from '@cloud/testing/compute';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { CLOUDS, neutral } from './clouds.js';
import { createFakeGlance } from './fakes/glance.js';

const cloud = setupMockCloud();
const IMAGE = FIXTURE_IMAGES[0]!.id as string;

let nova: FakeNova;
beforeEach(() => {
  nova = createFakeNova({ buildPolls: 1, deletePolls: 0 });
  // OpenStack's catalog has Glance, which serves the same images; the mock Rackspace catalog has none.
  const glance = createFakeGlance({ baseUrl: `${mockEndpoints().image}/v2`, images: FIXTURE_IMAGES });
  cloud.use(...nova.handlers, ...glance.handlers);
});

describe.each(CLOUDS)('$name compute', (c) => {
  it('authenticates through its own identity API on first use', async () => {
    await c.compute().getFlavors();
    const auth = cloud.requests.filter((r) => r.url.hostname === 'identity.mock.test');
    expect(auth.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([`POST ${c.tokenPath}`]);
  });

  it('creates a server from name, flavor and image and returns the neutral model', async () => {
    const compute = c.compute();
    const server = await compute.createServer({
      name: 'web-1',
      flavor: '2',
      image: { id: IMAGE },
      metadata: { role: 'web' },
    });
    const post = cloud.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/servers'))!;
    expect(post.url.href).toBe(`${nova.baseUrl}/servers`);
    expect((await jsonBody(post)).server).toMatchObject({
      name: 'web-1',
      flavorRef: '2',
      imageRef: IMAGE,
      metadata: { role: 'web' },
    });
    expect(server).toMatchObject({
      provider: c.name,
      name: 'web-1',
      status: 'PROVISIONING',
      providerStatus: 'BUILD',
      flavorId: '2',
      imageId: IMAGE,
      metadata: { role: 'web' },
    });
    expect(server.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.addresses.private.length).toBeGreaterThan(0);
  });

  it('waits for the server to be RUNNING, then lists and gets it', async () => {
    const compute = c.compute();
    const { id } = await compute.createServer({ name: 'web-2', flavor: '1', image: IMAGE });
    const ready = await compute.waitForServer(id, { minDelayMs: 1, maxDelayMs: 2 });
    expect([ready.status, ready.providerStatus]).toEqual(['RUNNING', 'ACTIVE']);
    const all = await compute.getServers();
    expect(all.map((s) => [s.id, s.name, s.status])).toEqual([[id, 'web-2', 'RUNNING']]);
    expect(await compute.getServer(id)).toEqual(all[0]);
  });

  it('reboots (soft by default, hard on request) and destroys', async () => {
    const compute = c.compute();
    const { id } = await compute.createServer({ name: 'web-3', flavor: '1', image: IMAGE });
    await compute.waitForServer(id, { minDelayMs: 1, maxDelayMs: 2 });
    await compute.rebootServer(id);
    expect((await compute.getServer(id)).status).toBe('REBOOTING');
    await compute.waitForServer(id, { minDelayMs: 1, maxDelayMs: 2 });
    await compute.rebootServer(id, { type: 'HARD' });
    const actions = cloud.requests.filter((r) => r.url.pathname.endsWith(`/servers/${id}/action`));
    expect(await Promise.all(actions.map(jsonBody))).toEqual([
      { reboot: { type: 'SOFT' } },
      { reboot: { type: 'HARD' } },
    ]);
    await compute.destroyServer(id);
    expect(nova.calls).toContain(`DELETE /servers/${id}`);
    await expect(compute.getServer(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists flavors and images with the same fields', async () => {
    const compute = c.compute();
    const flavors = await compute.getFlavors();
    expect(flavors[0]).toEqual({ provider: c.name, id: '1', name: 'm1.tiny', ram: 512, disk: 1, vcpus: 1 });
    expect(flavors.map((f) => f.id)).toEqual(['1', '2', '3']);
    const images = await compute.getImages();
    expect(images.map((i) => i.id)).toEqual(FIXTURE_IMAGES.map((i) => i.id));
    expect(images[0]).toMatchObject({
      provider: c.name,
      name: 'cirros-0.6.2-x86_64',
      status: 'ACTIVE',
      minDisk: 1,
    });
    expect(await compute.getFlavor('3')).toMatchObject({ name: 'm1.medium', ram: 4096, vcpus: 2 });
    expect(await compute.getImage(IMAGE)).toEqual(images[0]);
  });

  it('uses the region it was given', async () => {
    const other = createFakeNova({ baseUrl: 'https://compute.regiontwo.mock.test/v2.1' });
    cloud.use(...other.handlers);
    await c.compute('RegionTwo').getFlavors();
    expect(other.calls).toEqual(['GET /flavors/detail']);
  });

  it('rejects a missing flavor or image before sending anything', async () => {
    const compute = c.compute();
    await expect(compute.createServer({ name: 'x', flavor: '', image: IMAGE })).rejects.toMatchObject({
      field: 'flavor',
    });
    await expect(
      compute.createServer({ name: 'x', flavor: '1', image: undefined as unknown as string }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(cloud.requests).toEqual([]);
  });
});

describe('both providers', () => {
  it('return the same models for the same cloud state', async () => {
    const [openstack, rackspace] = CLOUDS.map((c) => c.compute());
    expect(neutral(await rackspace!.getFlavors())).toEqual(neutral(await openstack!.getFlavors()));
    expect(neutral(await rackspace!.getImages())).toEqual(neutral(await openstack!.getImages()));
  });
});

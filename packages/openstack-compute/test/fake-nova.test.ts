import { ConflictError, NotFoundError, toArray, WaiterFailureError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { createFakeNova, FIXTURE_IMAGES } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import {
  createServer,
  deleteServer,
  getComputeApiVersion,
  getComputeLimits,
  getServer,
  getServerAddresses,
  listFlavorsDetail,
  listImages,
  listServers,
  rebootServer,
  setServerMetadata,
  stopServer,
  waitForServerDeleted,
  waitForServerStatus,
} from '../src/index.js';
import { computeOf } from './fixtures/compute.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };
const image = FIXTURE_IMAGES[0]!.id as string;

describe('against the stateful fake compute service', () => {
  it('provisions, waits for ACTIVE, reads addresses, deletes and waits for the 404', async () => {
    const nova = createFakeNova({ buildPolls: 2 });
    cloud.use(...nova.handlers);
    const compute = computeOf(cloud, { microversion: '2.79' });
    const [flavor] = await toArray(listFlavorsDetail(compute));
    const { id, adminPass } = await createServer(compute, {
      name: 'demo-1',
      flavor: flavor!.id,
      image,
      metadata: { purpose: 'test' },
    });
    expect(adminPass).toMatch(/^\w{12}$/);
    expect((await getServer(compute, id)).status).toBe('BUILD');
    const active = await waitForServerStatus(compute, id, 'ACTIVE', fast);
    expect(active).toMatchObject({ id, name: 'demo-1', status: 'ACTIVE', metadata: { purpose: 'test' } });
    const addresses = await getServerAddresses(compute, id);
    expect(addresses.private?.[0]?.address).toMatch(/^10\.0\.0\.\d+$/);
    await deleteServer(compute, id);
    await waitForServerDeleted(compute, id, fast);
    await expect(getServer(compute, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(nova.calls.filter((c) => c.startsWith('GET /servers/'))).toHaveLength(7);
  });

  it('sends a server to ERROR with a fault the waiter reports', async () => {
    const nova = createFakeNova({
      failBuild: (name) => (name === 'doomed' ? 'No valid host was found.' : undefined),
    });
    cloud.use(...nova.handlers);
    const compute = computeOf(cloud);
    const { id } = await createServer(compute, { name: 'doomed', flavor: '1', image });
    await expect(waitForServerStatus(compute, id, 'ACTIVE', fast)).rejects.toThrow(WaiterFailureError);
    await expect(waitForServerStatus(compute, id, 'ACTIVE', fast)).rejects.toThrow(/No valid host was found/);
  });

  it('pages servers through three pages', async () => {
    const nova = createFakeNova({ buildPolls: 0 });
    cloud.use(...nova.handlers);
    const compute = computeOf(cloud);
    for (const n of [1, 2, 3, 4, 5]) await createServer(compute, { name: `s-${n}`, flavor: '1', image });
    const names = (await toArray(listServers(compute, { name: '^s-', limit: 2 }))).map((s) => s.name);
    expect(names).toEqual(['s-1', 's-2', 's-3', 's-4', 's-5']);
    expect(nova.calls.filter((c) => c === 'GET /servers')).toHaveLength(3);
  });

  it('moves through action statuses and refuses conflicting ones', async () => {
    const nova = createFakeNova({ buildPolls: 0 });
    cloud.use(...nova.handlers);
    const compute = computeOf(cloud);
    const { id } = await createServer(compute, { name: 'a', flavor: '1', image });
    await waitForServerStatus(compute, id, 'ACTIVE', fast);
    await rebootServer(compute, id, { type: 'HARD' });
    expect((await getServer(compute, id)).status).toBe('HARD_REBOOT');
    await waitForServerStatus(compute, id, 'ACTIVE', fast);
    await stopServer(compute, id);
    await waitForServerStatus(compute, id, 'SHUTOFF', fast);
    await expect(stopServer(compute, id)).rejects.toBeInstanceOf(ConflictError);
    expect(await setServerMetadata(compute, id, { k: 'v' })).toEqual({ k: 'v' });
  });

  it('serves versions, images and limits', async () => {
    const nova = createFakeNova({ maxMicroversion: '2.90' });
    cloud.use(...nova.handlers);
    const compute = computeOf(cloud);
    expect(await getComputeApiVersion(compute)).toMatchObject({
      id: 'v2.1',
      minVersion: '2.1',
      maxVersion: '2.90',
    });
    expect((await toArray(listImages(compute))).map((i) => i.id)).toContain(image);
    expect((await getComputeLimits(compute)).absolute.maxTotalInstances).toBe(10);
  });

  it('answers 406 above its highest microversion', async () => {
    cloud.use(...createFakeNova({ maxMicroversion: '2.60' }).handlers);
    await expect(toArray(listServers(computeOf(cloud, { microversion: '2.79' })))).rejects.toThrow(
      /Version 2\.79 is not supported by the API/,
    );
  });
});

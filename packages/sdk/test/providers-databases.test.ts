import { NotFoundError, ValidationError } from '@cloud/core';
import { jsonBody, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeTrove, type FakeTrove } from '@cloud/testing/databases';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { CLOUDS, neutral } from './clouds.js';

const cloud = setupMockCloud();
const wait = { minDelayMs: 1, maxDelayMs: 2 };

let trove: FakeTrove;
beforeEach(() => {
  trove = createFakeTrove({ baseUrl: mockEndpoints().database, deletePolls: 0 });
  cloud.use(...trove.handlers);
});

describe.each(CLOUDS)('$name databases', (c) => {
  it('creates an instance with databases and users and waits for it', async () => {
    const db = c.databases();
    const created = await db.createInstance({
      name: 'orders',
      flavor: { id: '2' },
      size: 5,
      datastore: { type: 'mysql', version: '5.7' },
      databases: ['orders'],
      users: [{ username: 'app', password: 'S3cret-pw', databases: ['orders'] }],
    });
    const post = cloud.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/instances'))!;
    expect(post.url.href).toBe(`${trove.baseUrl}/instances`);
    expect((await jsonBody(post)).instance).toMatchObject({
      name: 'orders',
      flavorRef: '2',
      volume: { size: 5 },
      datastore: { type: 'mysql', version: '5.7' },
      databases: [{ name: 'orders' }],
      users: [{ name: 'app', password: 'S3cret-pw', databases: [{ name: 'orders' }] }],
    });
    expect(created).toMatchObject({
      provider: c.name,
      name: 'orders',
      status: 'BUILD',
      flavorId: '2',
      size: 5,
    });
    const ready = await db.waitForInstance(created, wait);
    expect(ready).toMatchObject({
      id: created.id,
      status: 'ACTIVE',
      datastore: { type: 'mysql', version: '5.7' },
    });
    expect(ready.hostname).toMatch(/\.rackspaceclouddb\.test$/);
    expect((await db.getInstances()).map((i) => [i.id, i.name, i.status])).toEqual([
      [created.id, 'orders', 'ACTIVE'],
    ]);
    expect(await db.getUsers(created)).toEqual([
      { provider: c.name, instanceId: created.id, name: 'app', host: '%', databases: ['orders'] },
    ]);
  });

  it('manages databases and users on an instance', async () => {
    const db = c.databases();
    const { id } = await db.createInstance({ name: 'shop', flavor: '1' });
    await db.waitForInstance(id, wait);
    expect(await db.createDatabase(id, 'catalog')).toEqual({
      provider: c.name,
      instanceId: id,
      name: 'catalog',
    });
    await db.createDatabase({ id }, { name: 'audit', characterSet: 'utf8mb4' });
    expect((await db.getDatabases(id)).map((d) => d.name).sort()).toEqual(['audit', 'catalog']);
    const user = await db.createUser(id, {
      username: 'report',
      password: 'An0ther-pw',
      databases: ['audit'],
    });
    expect(user).toEqual({
      provider: c.name,
      instanceId: id,
      name: 'report',
      host: '%',
      databases: ['audit'],
    });
    expect(await db.getUsers(id)).toEqual([user]);
    await db.destroyUser(id, 'report');
    await db.destroyDatabase(id, 'audit');
    expect(await db.getUsers(id)).toEqual([]);
    expect((await db.getDatabases(id)).map((d) => d.name)).toEqual(['catalog']);
  });

  it('lists flavors and destroys instances', async () => {
    const db = c.databases();
    expect((await db.getFlavors())[0]).toEqual({
      provider: c.name,
      id: '1',
      name: '512MB Instance',
      ram: 512,
    });
    const { id } = await db.createInstance({ name: 'tmp', flavor: '1', size: 1 });
    await db.waitForInstance(id, wait);
    await db.destroyInstance(id);
    await expect(db.getInstance(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a missing flavor or instance before sending anything', async () => {
    const db = c.databases();
    await expect(db.createInstance({ name: 'x', flavor: '' })).rejects.toMatchObject({ field: 'flavor' });
    await expect(db.getDatabases('')).rejects.toBeInstanceOf(ValidationError);
    await expect(db.createUser('i', { username: 'root', password: 'pw-Long1' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(cloud.requests).toEqual([]);
  });
});

describe('both providers', () => {
  it('return the same models for the same service state', async () => {
    const [openstack, rackspace] = CLOUDS.map((c) => c.databases());
    const { id } = await openstack!.createInstance({ name: 'same', flavor: '1' });
    await openstack!.waitForInstance(id, wait);
    expect(neutral(await rackspace!.getInstances())).toEqual(neutral(await openstack!.getInstances()));
    expect(neutral(await rackspace!.getFlavors())).toEqual(neutral(await openstack!.getFlavors()));
  });
});

describe('toProviderInstance', () => {
  it('exposes addresses with their type and the replica layout', async () => {
    const { toProviderInstance } = await import('../src/providers/databases.js');
    const base = {
      id: 'i-1',
      name: 'orders',
      status: 'ACTIVE',
      flavorId: '1',
      ipAddresses: ['10.0.0.5', '203.0.113.7'],
      links: [],
    };
    const replica = toProviderInstance('openstack', {
      ...base,
      addresses: [
        { address: '10.0.0.5', type: 'private' },
        { address: '203.0.113.7', type: 'public' },
      ],
      replicaOf: { id: 'src-1', links: [] },
    });
    expect(replica.addresses).toEqual([
      { address: '10.0.0.5', type: 'private' },
      { address: '203.0.113.7', type: 'public' },
    ]);
    expect(replica.replication).toEqual({ replicaOf: 'src-1', replicas: [] });
    const source = toProviderInstance('openstack', {
      ...base,
      addresses: [{ address: '10.0.0.5' }],
      replicas: [
        { id: 'r-1', links: [] },
        { id: 'r-2', links: [] },
      ],
    });
    expect(source.replication).toEqual({ replicas: ['r-1', 'r-2'] });
    expect(source.addresses).toEqual([{ address: '10.0.0.5' }]);
  });
});

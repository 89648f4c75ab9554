import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { serverFixture } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { deleteServer, getServer, listServers, listServersDetail, updateServer } from '../src/index.js';
import {
  BASE,
  computeOf,
  computeRequests,
  handleGetServer,
  handleListServers,
  IMAGE_ID,
  onlyRequest,
  pathOf,
  SERVER_ID,
  sent,
  serverFixtureLatest,
  VOLUME_ID,
} from './fixtures/compute.js';

const cloud = setupMockCloud();
const ids = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`);
const summaries = (list: string[]) =>
  list.map((id, i) => ({ id, name: `s-${i}`, links: [{ rel: 'self', href: `${BASE}/servers/${id}` }] }));

describe('listServers', () => {
  it('sends the filters as Nova query parameters and parses summaries', async () => {
    cloud.use(handleListServers({ pages: [summaries(ids(2))] }));
    const compute = computeOf(cloud, { microversion: '2.73' });
    const got = await toArray(
      listServers(compute, {
        name: '^web-',
        status: 'ACTIVE',
        image: IMAGE_ID,
        flavor: '2',
        changesSince: new Date('2024-05-01T00:00:00Z'),
        changesBefore: '2024-06-01T00:00:00Z',
        ip: '10\\.0\\.',
        allTenants: true,
        tags: ['a', 'b'],
        notTagsAny: ['x'],
        locked: false,
        sortKey: 'created_at',
        sortDir: 'desc',
        limit: 50,
      }),
    );
    expect(got).toEqual([
      { id: ids(1)[0], name: 's-0', links: [{ rel: 'self', href: `${BASE}/servers/${ids(1)[0]}` }] },
      expect.objectContaining({ name: 's-1' }),
    ]);
    const r = onlyRequest(cloud);
    expect(r.method).toBe('GET');
    expect(pathOf(r)).toBe('/servers');
    expect(Object.fromEntries(r.url.searchParams)).toEqual({
      name: '^web-',
      status: 'ACTIVE',
      image: IMAGE_ID,
      flavor: '2',
      'changes-since': '2024-05-01T00:00:00.000Z',
      'changes-before': '2024-06-01T00:00:00Z',
      ip: '10\\.0\\.',
      all_tenants: 'true',
      tags: 'a,b',
      'not-tags-any': 'x',
      locked: 'false',
      sort_key: 'created_at',
      sort_dir: 'desc',
      limit: '50',
    });
  });

  it('follows servers_links across three pages, keeping the filters', async () => {
    const all = ids(5);
    cloud.use(
      handleListServers({
        pages: [summaries(all.slice(0, 2)), summaries(all.slice(2, 4)), summaries(all.slice(4))],
      }),
    );
    const got = await toArray(listServers(computeOf(cloud), { status: 'ACTIVE', limit: 2 }));
    expect(got.map((s) => s.id)).toEqual(all);
    const reqs = computeRequests(cloud);
    expect(reqs.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([
      { status: 'ACTIVE', limit: '2' },
      { status: 'ACTIVE', limit: '2', marker: all[1] },
      { status: 'ACTIVE', limit: '2', marker: all[3] },
    ]);
    expect(reqs.every((r) => r.url.host === 'compute.regionone.mock.test' && pathOf(r) === '/servers')).toBe(
      true,
    );
  });

  it('follows an http:// next link on the client endpoint (TLS proxies)', async () => {
    let n = 0;
    cloud.use(
      http.get(`${BASE}/servers`, () => {
        n += 1;
        return n === 1
          ? HttpResponse.json({
              servers: summaries(ids(1)),
              servers_links: [{ rel: 'next', href: 'http://internal:8774/v2.1/servers?limit=1&marker=m1' }],
            })
          : HttpResponse.json({ servers: [] });
      }),
    );
    await toArray(listServers(computeOf(cloud), { limit: 1 }));
    const second = computeRequests(cloud)[1]!;
    expect(second.url.origin).toBe('https://compute.regionone.mock.test');
    expect(Object.fromEntries(second.url.searchParams)).toEqual({ limit: '1', marker: 'm1' });
  });

  it('pages with byPage from a marker', async () => {
    cloud.use(handleListServers({ pages: [summaries(ids(2))] }));
    const pages = [];
    for await (const page of listServers(computeOf(cloud)).byPage({ marker: 'abc', limit: 2 }))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect(Object.fromEntries(onlyRequest(cloud).url.searchParams)).toEqual({ limit: '2', marker: 'abc' });
  });

  it('is lazy: nothing is sent before iteration', () => {
    listServers(computeOf(cloud));
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('rejects filters of a newer microversion before any request', () => {
    const compute = computeOf(cloud);
    expect(() => listServers(compute, { tags: ['a'] })).toThrow(/tags requires compute microversion 2\.26/);
    expect(() => listServers(compute, { changesBefore: new Date() })).toThrow(ValidationError);
    expect(() => listServers(compute, { limit: 0 })).toThrow(ValidationError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('listServersDetail', () => {
  it('requests /servers/detail and parses details', async () => {
    cloud.use(
      handleListServers({
        detail: true,
        pages: [[serverFixture({ id: SERVER_ID, name: 'db-1', status: 'BUILD' })]],
      }),
    );
    const [s] = await toArray(listServersDetail(computeOf(cloud), { name: 'db' }));
    expect(pathOf(onlyRequest(cloud))).toBe('/servers/detail');
    expect(s).toMatchObject({ id: SERVER_ID, name: 'db-1', status: 'BUILD' });
  });
});

describe('getServer', () => {
  it('parses a server', async () => {
    cloud.use(
      handleGetServer({
        server: serverFixture({ id: SERVER_ID, key_name: 'deploy', metadata: { role: 'web' } }),
      }),
    );
    const s = await getServer(computeOf(cloud), SERVER_ID);
    expect(s).toEqual({
      id: SERVER_ID,
      name: 'web-01',
      status: 'ACTIVE',
      tenantId: 'p-0123456789',
      userId: 'u-1',
      hostId: expect.any(String),
      image: { id: IMAGE_ID, links: expect.arrayContaining([expect.objectContaining({ rel: 'self' })]) },
      flavor: { id: '1', links: expect.any(Array) },
      created: new Date('2024-05-02T08:00:00Z'),
      updated: new Date('2024-05-02T08:01:00Z'),
      addresses: {
        private: [
          { address: '10.0.0.5', version: 4, type: 'fixed', macAddress: 'fa:16:3e:4c:2c:30' },
          { address: 'fd00::f816:3eff:fe4c:2c30', version: 6, type: 'fixed' },
        ],
      },
      metadata: { role: 'web' },
      links: expect.any(Array),
      progress: 0,
      keyName: 'deploy',
      availabilityZone: 'nova',
      diskConfig: 'AUTO',
      vmState: 'active',
      powerState: 1,
      launchedAt: new Date('2024-05-02T08:00:40Z'),
      securityGroups: ['default'],
      volumesAttached: [],
    });
    const r = onlyRequest(cloud);
    expect([r.method, pathOf(r)]).toEqual(['GET', `/servers/${SERVER_ID}`]);
  });

  it('parses microversion fields: embedded flavor (2.47), description, tags, lock, hostname', async () => {
    cloud.use(handleGetServer({ server: serverFixtureLatest() }));
    const s = await getServer(computeOf(cloud, { microversion: '2.96' }), SERVER_ID);
    expect(s.flavor).toEqual({
      originalName: 'm1.small',
      vcpus: 1,
      ram: 2048,
      disk: 20,
      ephemeral: 0,
      swap: 0,
      extraSpecs: { 'hw:cpu_policy': 'shared' },
    });
    expect(s).toMatchObject({
      description: 'front end',
      tags: ['web', 'prod'],
      locked: true,
      lockedReason: 'maintenance',
      hostStatus: 'UP',
      serverGroups: [],
      hostname: 'web-01',
      volumesAttached: [{ id: VOLUME_ID, deleteOnTermination: false }],
    });
    expect(s.trustedImageCertificates).toBeUndefined();
  });

  it('has no image for a server booted from a volume, and parses its fault', async () => {
    cloud.use(
      handleGetServer({
        server: serverFixture({
          id: SERVER_ID,
          image: '',
          status: 'ERROR',
          config_drive: 'True',
          fault: { code: 500, message: 'No valid host was found.', created: '2024-05-02T08:00:05Z' },
        }),
      }),
    );
    const s = await getServer(computeOf(cloud), SERVER_ID);
    expect(s.image).toBeUndefined();
    expect(s.configDrive).toBe(true);
    expect(s.fault).toEqual({
      code: 500,
      message: 'No valid host was found.',
      created: new Date('2024-05-02T08:00:05Z'),
    });
  });

  it('maps a 404 to NotFoundError naming the server', async () => {
    cloud.use(handleGetServer({ status: 404 }));
    const err = await getServer(computeOf(cloud), SERVER_ID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toContain(`server "${SERVER_ID}" was not found`);
    expect((err as NotFoundError).status).toBe(404);
  });

  it.each(['', 'web-01', '1234'])('rejects the id %j before any request', async (id) => {
    await expect(getServer(computeOf(cloud), id)).rejects.toThrow(ValidationError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('updateServer', () => {
  it('renames with PUT and returns the server', async () => {
    cloud.use(
      http.put(`${BASE}/servers/${SERVER_ID}`, () =>
        HttpResponse.json({ server: serverFixture({ id: SERVER_ID, name: 'web-02' }) }),
      ),
    );
    const s = await updateServer(computeOf(cloud), SERVER_ID, { name: 'web-02' });
    expect(s.name).toBe('web-02');
    expect(await sent(cloud)).toEqual({
      method: 'PUT',
      path: `/servers/${SERVER_ID}`,
      body: { server: { name: 'web-02' } },
    });
  });

  it('sends the description at microversion 2.19', async () => {
    cloud.use(
      http.put(`${BASE}/servers/${SERVER_ID}`, () =>
        HttpResponse.json({ server: serverFixture({ id: SERVER_ID, description: 'x' }) }),
      ),
    );
    const s = await updateServer(computeOf(cloud, { microversion: '2.19' }), SERVER_ID, { description: 'x' });
    expect(s.description).toBe('x');
    expect((await sent(cloud)).body).toEqual({ server: { description: 'x' } });
  });

  it('rejects an empty name, no fields, or a description below 2.19', async () => {
    const compute = computeOf(cloud);
    await expect(updateServer(compute, SERVER_ID, { name: '' })).rejects.toThrow(ValidationError);
    await expect(updateServer(compute, SERVER_ID, { name: '   ' })).rejects.toThrow(/name must not be blank/);
    await expect(updateServer(compute, SERVER_ID, {})).rejects.toThrow(/at least one field/);
    await expect(updateServer(compute, SERVER_ID, { description: 'd' })).rejects.toThrow(/2\.19/);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

describe('deleteServer', () => {
  it('sends DELETE', async () => {
    cloud.use(http.delete(`${BASE}/servers/${SERVER_ID}`, () => new HttpResponse(null, { status: 204 })));
    await expect(deleteServer(computeOf(cloud), SERVER_ID)).resolves.toBeUndefined();
    const r = onlyRequest(cloud);
    expect([r.method, pathOf(r)]).toEqual(['DELETE', `/servers/${SERVER_ID}`]);
  });

  it('maps a 404 to NotFoundError naming the server', async () => {
    cloud.use(
      http.delete(`${BASE}/servers/${SERVER_ID}`, () =>
        HttpResponse.json(
          { itemNotFound: { code: 404, message: 'Instance could not be found.' } },
          { status: 404 },
        ),
      ),
    );
    await expect(deleteServer(computeOf(cloud), SERVER_ID)).rejects.toThrow(
      `server "${SERVER_ID}" was not found`,
    );
  });
});

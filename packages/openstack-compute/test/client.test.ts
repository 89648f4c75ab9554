import { inspect } from 'node:util';
import { MicroversionNotSupportedError, toArray, ValidationError } from '@cloud/core';
import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createComputeClient,
  getComputeApiVersion,
  getFlavor,
  listComputeApiVersions,
  listImages,
  listServers,
} from '../src/index.js';
import { computeRequests, onlyRequest } from './fixtures/compute.js';

const cloud = setupMockCloud();
const one = mockEndpoints('RegionOne').compute;
const two = mockEndpoints('RegionTwo').compute;
const flavor = { id: '1', name: 'm1.tiny', ram: 512, disk: 1, vcpus: 1, swap: '', links: [] };

const VERSIONS = {
  versions: [
    {
      id: 'v2.0',
      status: 'SUPPORTED',
      version: '',
      min_version: '',
      updated: '2011-01-21T11:33:21Z',
      links: [{ rel: 'self', href: 'https://compute.regionone.mock.test/v2/' }],
    },
    {
      id: 'v2.1',
      status: 'CURRENT',
      version: '2.95',
      min_version: '2.1',
      updated: '2013-07-23T11:33:21Z',
      links: [{ rel: 'self', href: 'https://compute.regionone.mock.test/v2.1/' }],
    },
  ],
};

describe('createComputeClient', () => {
  it('sends the microversion in both headers', async () => {
    cloud.use(http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })));
    await getFlavor(createComputeClient(cloud.session(), { microversion: '2.79' }), '1');
    const r = onlyRequest(cloud);
    expect(r.headers.get('x-openstack-nova-api-version')).toBe('2.79');
    expect(r.headers.get('openstack-api-version')).toBe('compute 2.79');
    expect(r.headers.get('x-auth-token')).toMatch(/^tok-/);
    expect(r.headers.get('accept')).toBe('application/json');
  });

  it('sends no microversion header without the option', async () => {
    cloud.use(http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })));
    await getFlavor(createComputeClient(cloud.session()), '1');
    const r = onlyRequest(cloud);
    expect(r.headers.has('x-openstack-nova-api-version')).toBe(false);
    expect(r.headers.has('openstack-api-version')).toBe(false);
  });

  it('accepts "latest"', async () => {
    cloud.use(http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })));
    await getFlavor(createComputeClient(cloud.session(), { microversion: 'latest' }), '1');
    expect(onlyRequest(cloud).headers.get('openstack-api-version')).toBe('compute latest');
  });

  it.each(['2', 'v2.1', '2.x', ''])('rejects the microversion %j', (mv) => {
    expect(() => createComputeClient(cloud.session(), { microversion: mv })).toThrow(ValidationError);
  });

  it('resolves the endpoint of another region', async () => {
    cloud.use(http.get(`${two}/flavors/1`, () => HttpResponse.json({ flavor })));
    const f = await getFlavor(createComputeClient(cloud.session(), { region: 'RegionTwo' }), '1');
    expect(f.name).toBe('m1.tiny');
    expect(onlyRequest(cloud).url.host).toBe('compute.regiontwo.mock.test');
  });

  it('uses a fixed endpoint without the catalog', async () => {
    cloud.use(http.get('https://nova.example.test/v2.1/abc/flavors/1', () => HttpResponse.json({ flavor })));
    await getFlavor(
      createComputeClient(cloud.session(), { endpoint: 'https://nova.example.test/v2.1/abc/' }),
      '1',
    );
    expect(onlyRequest(cloud).url.href).toBe('https://nova.example.test/v2.1/abc/flavors/1');
  });

  it('is inspected without secrets', () => {
    const c = createComputeClient(cloud.session(), { region: 'RegionOne', microversion: '2.60' });
    expect(inspect(c)).toBe('ComputeClient { region: RegionOne, microversion: 2.60 }');
    expect(c.microversion).toBe('2.60');
  });
});

describe('getComputeApiVersion', () => {
  it('reads min and max microversions from the endpoint root', async () => {
    cloud.use(http.get('https://compute.regionone.mock.test/', () => HttpResponse.json(VERSIONS)));
    const v = await getComputeApiVersion(createComputeClient(cloud.session()));
    expect(v).toEqual({
      id: 'v2.1',
      status: 'CURRENT',
      minVersion: '2.1',
      maxVersion: '2.95',
      updated: new Date('2013-07-23T11:33:21Z'),
      links: [{ rel: 'self', href: 'https://compute.regionone.mock.test/v2.1/' }],
    });
    const r = onlyRequest(cloud);
    expect(r.method).toBe('GET');
    expect(r.url.pathname).toBe('/');
  });

  it('matches a /v2/{project} endpoint to v2.0, which has no microversions', async () => {
    cloud.use(http.get('https://servers.example.test/', () => HttpResponse.json(VERSIONS)));
    const compute = createComputeClient(cloud.session(), {
      endpoint: 'https://servers.example.test/v2/123456',
    });
    const v = await getComputeApiVersion(compute);
    expect(v.id).toBe('v2.0');
    expect(v.minVersion).toBeUndefined();
    expect(v.maxVersion).toBeUndefined();
  });

  it('keeps a path prefix in front of the version', async () => {
    cloud.use(http.get('https://cloud.example.test/compute/', () => HttpResponse.json(VERSIONS)));
    const compute = createComputeClient(cloud.session(), {
      endpoint: 'https://cloud.example.test/compute/v2.1',
    });
    expect((await getComputeApiVersion(compute)).maxVersion).toBe('2.95');
  });

  it('accepts a 300 Multiple Choices answer', async () => {
    cloud.use(
      http.get('https://compute.regionone.mock.test/', () => HttpResponse.json(VERSIONS, { status: 300 })),
    );
    const all = await toArray(listComputeApiVersions(createComputeClient(cloud.session())));
    expect(all.map((v) => [v.id, v.status])).toEqual([
      ['v2.0', 'SUPPORTED'],
      ['v2.1', 'CURRENT'],
    ]);
    expect(computeRequests(cloud)).toHaveLength(1);
  });
});

describe('microversions through core', () => {
  const servers = { servers: [], servers_links: [] };

  it('sends a per-call microversion instead of the client one, in both headers', async () => {
    cloud.use(http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })));
    const compute = createComputeClient(cloud.session(), { microversion: '2.1' });
    await getFlavor(compute, '1', { microversion: '2.61' });
    const r = onlyRequest(cloud);
    expect(r.headers.get('x-openstack-nova-api-version')).toBe('2.61');
    expect(r.headers.get('openstack-api-version')).toBe('compute 2.61');
  });

  it('checks gates against the per-call microversion, before any request', async () => {
    cloud.use(http.get(`${one}/servers`, () => HttpResponse.json(servers)));
    const compute = createComputeClient(cloud.session());
    expect(() => listServers(compute, { tags: ['a'] })).toThrow(/tags requires compute microversion 2\.26/);
    await toArray(listServers(compute, { tags: ['a'] }, { microversion: '2.26' }));
    const r = onlyRequest(cloud);
    expect(r.url.searchParams.get('tags')).toBe('a');
    expect(r.headers.get('openstack-api-version')).toBe('compute 2.26');
    const old = createComputeClient(cloud.session(), { microversion: '2.73' });
    expect(() => listServers(old, { locked: true }, { microversion: '2.72' })).toThrow(
      /locked requires compute microversion 2\.73 or later; the client uses 2\.72/,
    );
  });

  it('rejects a malformed per-call microversion, naming options.microversion', async () => {
    const err = await getFlavor(createComputeClient(cloud.session()), '1', { microversion: 'v2' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('options.microversion');
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('lets a header of the call win over the microversion headers', async () => {
    cloud.use(http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })));
    const compute = createComputeClient(cloud.session(), { microversion: '2.79' });
    await getFlavor(compute, '1', { headers: { 'openstack-api-version': 'compute 2.3' } });
    const r = onlyRequest(cloud);
    expect(r.headers.get('openstack-api-version')).toBe('compute 2.3');
    expect(r.headers.get('x-openstack-nova-api-version')).toBe('2.79');
  });

  it('negotiates once against the version document, capped at the server maximum', async () => {
    cloud.use(
      http.get('https://compute.regionone.mock.test/', () => HttpResponse.json(VERSIONS, { status: 300 })),
      http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })),
    );
    const compute = createComputeClient(cloud.session(), { microversion: '2.100', negotiate: true });
    expect(inspect(compute)).toBe('ComputeClient { microversion: 2.100, negotiate: true }');
    await getFlavor(compute, '1');
    await getFlavor(compute, '1');
    const sentRequests = computeRequests(cloud);
    expect(sentRequests.map((r) => r.url.pathname)).toEqual(['/', '/v2.1/flavors/1', '/v2.1/flavors/1']);
    expect(sentRequests[0]!.headers.has('openstack-api-version')).toBe(false);
    for (const r of sentRequests.slice(1)) {
      expect(r.headers.get('openstack-api-version')).toBe('compute 2.95');
      expect(r.headers.get('x-openstack-nova-api-version')).toBe('2.95');
    }
    expect(compute.microversions.current).toBe('2.95');
  });

  it('checks removed APIs against the negotiated version once it is known', async () => {
    cloud.use(
      http.get('https://compute.regionone.mock.test/', () => HttpResponse.json(VERSIONS)),
      http.get(`${one}/flavors/1`, () => HttpResponse.json({ flavor })),
    );
    const compute = createComputeClient(cloud.session(), { negotiate: true });
    await getFlavor(compute, '1');
    expect(() => listImages(compute)).toThrow(
      /compute image API is not available at compute microversion 2\.36/,
    );
    expect(() => listImages(compute)).toThrow(/the client uses 2\.95/);
  });

  it('fails negotiation with MicroversionNotSupportedError on an endpoint without microversions', async () => {
    cloud.use(http.get('https://servers.example.test/', () => HttpResponse.json(VERSIONS)));
    const compute = createComputeClient(cloud.session(), {
      endpoint: 'https://servers.example.test/v2/123456',
      negotiate: true,
    });
    const err = await getFlavor(compute, '1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MicroversionNotSupportedError);
    expect((err as MicroversionNotSupportedError).service).toBe('compute');
  });

  it('reads the version document without negotiating, even where negotiation would fail', async () => {
    cloud.use(http.get('https://servers.example.test/', () => HttpResponse.json(VERSIONS)));
    const compute = createComputeClient(cloud.session(), {
      endpoint: 'https://servers.example.test/v2/123456',
      microversion: '2.60',
      negotiate: true,
    });
    const v = await getComputeApiVersion(compute, { microversion: '2.70' });
    expect(v.id).toBe('v2.0');
    const r = onlyRequest(cloud);
    expect(r.headers.has('openstack-api-version')).toBe(false);
    expect(r.headers.has('x-openstack-nova-api-version')).toBe(false);
  });
});

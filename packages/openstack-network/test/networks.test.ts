import { inspect } from 'node:util';
import { ConflictError, NotFoundError, PreconditionFailedError, toArray, ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createNetwork,
  createNetworkClient,
  createNetworks,
  deleteNetwork,
  getNetwork,
  listNetworks,
  NetworkRevisionConflictError,
  updateNetwork,
  waitForNetworkDeleted,
} from '../src/index.js';
import { BASE, id, lastBody, networkWire, neutronRequests, setupNetwork } from './fixtures/network.js';

const { cloud, client } = setupNetwork();

describe('createNetworkClient', () => {
  it('adds /v2.0 to an unversioned catalog endpoint', async () => {
    expect(await client().endpoint()).toBe(BASE);
  });

  it('keeps a fixed endpoint that already ends with /v2.0', async () => {
    const c = createNetworkClient(cloud.session(), { endpoint: 'https://neutron.example.test/v2.0/' });
    expect(await c.endpoint()).toBe('https://neutron.example.test/v2.0');
    cloud.use(
      http.get('https://neutron.example.test/v2.0/networks/:id', () =>
        HttpResponse.json({ network: networkWire() }),
      ),
    );
    expect((await getNetwork(c, id(1))).name).toBe('net-1');
  });

  it('shows no token or session internals when inspected', () => {
    expect(inspect(client({ region: 'RegionOne' }))).toBe('NetworkClient { region: RegionOne }');
  });
});

describe('listNetworks', () => {
  it('sends typed filters, free filters, fields, sort and tag filters, repeating keys for "any of"', async () => {
    cloud.use(http.get(`${BASE}/networks`, () => HttpResponse.json({ networks: [], networks_links: [] })));
    await toArray(
      listNetworks(client(), {
        routerExternal: true,
        status: ['ACTIVE', 'DOWN'],
        name: 'a b',
        filters: { 'provider:network_type': 'vxlan', mtu: [1450, 1500] },
        fields: ['id', 'name'],
        sort: [{ key: 'name' }, { key: 'id', dir: 'desc' }],
        tags: ['red', 'blue'],
        notTagsAny: ['old'],
        limit: 5,
      }),
    );
    const url = neutronRequests(cloud)[0]!.url;
    expect(url.pathname).toBe('/v2.0/networks');
    const q = url.searchParams;
    expect(q.getAll('status')).toEqual(['ACTIVE', 'DOWN']);
    expect(q.get('router:external')).toBe('true');
    expect(q.get('name')).toBe('a b');
    expect(q.get('provider:network_type')).toBe('vxlan');
    expect(q.getAll('mtu')).toEqual(['1450', '1500']);
    expect(q.getAll('fields')).toEqual(['id', 'name']);
    expect(q.getAll('sort_key')).toEqual(['name', 'id']);
    expect(q.getAll('sort_dir')).toEqual(['asc', 'desc']);
    expect(q.get('tags')).toBe('red,blue');
    expect(q.get('not-tags-any')).toBe('old');
    expect(q.get('limit')).toBe('5');
  });

  it('follows networks_links to the end and maps the wire shape', async () => {
    cloud.use(
      http.get(`${BASE}/networks`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        if (!marker) {
          return HttpResponse.json({
            networks: [networkWire(1), networkWire(2, { 'router:external': true, shared: true })],
            networks_links: [
              { rel: 'next', href: `http://internal:9696/v2.0/networks?limit=2&marker=${id(2)}` },
            ],
          });
        }
        return HttpResponse.json({
          networks: [
            networkWire(3, { 'provider:network_type': 'flat', 'provider:physical_network': 'public' }),
          ],
          networks_links: [
            { rel: 'previous', href: `${BASE}/networks?limit=2&marker=${id(3)}&page_reverse=True` },
          ],
        });
      }),
    );
    const nets = await toArray(listNetworks(client(), { limit: 2 }));
    expect(nets.map((n) => n.id)).toEqual([id(1), id(2), id(3)]);
    expect(nets[1]).toMatchObject({
      routerExternal: true,
      shared: true,
      mtu: 1450,
      portSecurityEnabled: true,
    });
    expect(nets[2]).toMatchObject({ providerNetworkType: 'flat', providerPhysicalNetwork: 'public' });
    expect(nets[0]!.createdAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(nets[0]!.raw.l2_adjacency).toBe(true);
    const reqs = neutronRequests(cloud);
    expect(reqs).toHaveLength(2);
    // the next link's host is ignored: the catalog endpoint is used
    expect(reqs[1]!.url.host).toBe(new URL(BASE).host);
    expect(reqs[1]!.url.searchParams.get('marker')).toBe(id(2));
  });

  it('resumes from a continuationToken', async () => {
    cloud.use(
      http.get(`${BASE}/networks`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        return marker
          ? HttpResponse.json({ networks: [networkWire(3)] })
          : HttpResponse.json({
              networks: [networkWire(1)],
              networks_links: [{ rel: 'next', href: `${BASE}/networks?limit=1&marker=${id(1)}` }],
            });
      }),
    );
    const first = await listNetworks(client()).byPage({ limit: 1 })[Symbol.asyncIterator]().next();
    const token = first.value!.continuationToken!;
    expect(token).toEqual(expect.any(String));
    const rest: string[] = [];
    for await (const page of listNetworks(client()).byPage({ continuationToken: token })) {
      rest.push(...page.map((n) => n.id));
    }
    expect(rest).toEqual([id(3)]);
    expect(neutronRequests(cloud).at(-1)!.url.searchParams.get('marker')).toBe(id(1));
  });

  it('accepts rows trimmed by fields', async () => {
    cloud.use(
      http.get(`${BASE}/networks`, () => HttpResponse.json({ networks: [{ id: id(1), name: 'only' }] })),
    );
    const [n] = await toArray(listNetworks(client(), { fields: ['id', 'name'] }));
    expect(n).toMatchObject({ id: id(1), name: 'only', status: undefined });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ fields: [] }, 'fields'],
    [{ sort: [{ key: 'name', dir: 'up' }] }, 'sort[0].dir'],
    [{ tags: ['a,b'] }, 'tags[0]'],
    [{ filters: { limit: 3 } }, 'filters.limit'],
    [{ filters: { x: { nested: true } } }, 'filters.x'],
  ])('rejects bad list settings %j before any request', (params, field) => {
    let error: unknown;
    try {
      listNetworks(client(), params as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(neutronRequests(cloud)).toHaveLength(0);
  });
});

describe('network CRUD', () => {
  it('creates with router:external, shared, MTU, port security and provider attributes', async () => {
    cloud.use(
      http.post(`${BASE}/networks`, () => HttpResponse.json({ network: networkWire(7) }, { status: 201 })),
    );
    const net = await createNetwork(client(), {
      name: 'public',
      routerExternal: true,
      shared: false,
      mtu: 1500,
      portSecurityEnabled: false,
      providerNetworkType: 'flat',
      providerPhysicalNetwork: 'public',
      availabilityZoneHints: ['az1'],
    });
    expect(net.id).toBe(id(7));
    expect(await lastBody(cloud)).toEqual({
      network: {
        name: 'public',
        'router:external': true,
        shared: false,
        mtu: 1500,
        port_security_enabled: false,
        'provider:network_type': 'flat',
        'provider:physical_network': 'public',
        availability_zone_hints: ['az1'],
      },
    });
  });

  it('bulk-creates networks in one request', async () => {
    cloud.use(
      http.post(`${BASE}/networks`, () =>
        HttpResponse.json({ networks: [networkWire(1), networkWire(2)] }, { status: 201 }),
      ),
    );
    const nets = await createNetworks(client(), [{ name: 'a' }, { name: 'b', mtu: 1400 }]);
    expect(nets.map((n) => n.id)).toEqual([id(1), id(2)]);
    expect(await lastBody(cloud)).toEqual({ networks: [{ name: 'a' }, { name: 'b', mtu: 1400 }] });
    await expect(createNetworks(client(), [])).rejects.toThrow(ValidationError);
  });

  it('updates with If-Match: revision_number=N and maps 412 to NetworkRevisionConflictError', async () => {
    let calls = 0;
    cloud.use(
      http.put(`${BASE}/networks/:id`, ({ request }) => {
        calls++;
        if (request.headers.get('if-match') === 'revision_number=4') {
          return HttpResponse.json({ network: networkWire(1, { name: 'renamed', revision_number: 5 }) });
        }
        return HttpResponse.json(
          {
            NeutronError: {
              type: 'RevisionNumberConstraintFailed',
              message: 'Constrained to 3, but current revision is 4',
              detail: '',
            },
          },
          { status: 412 },
        );
      }),
    );
    const net = await updateNetwork(client(), id(1), { name: 'renamed', ifRevision: 4 });
    expect(net).toMatchObject({ name: 'renamed', revisionNumber: 5 });
    expect(await lastBody(cloud)).toEqual({ network: { name: 'renamed' } });
    const error = await updateNetwork(client(), id(1), { name: 'x', ifRevision: 3 }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkRevisionConflictError);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error).toMatchObject({ status: 412, expectedRevision: 3 });
    expect(error.message).toContain('Constrained to 3');
    expect(calls).toBe(2);
  });

  it('sends no If-Match without ifRevision', async () => {
    cloud.use(http.put(`${BASE}/networks/:id`, () => HttpResponse.json({ network: networkWire(1) })));
    await updateNetwork(client(), id(1), { adminStateUp: false });
    expect(neutronRequests(cloud)[0]!.headers.get('if-match')).toBeNull();
  });

  it.each([
    [{}, 'params'],
    [{ name: 'x', ifRevision: -1 }, 'ifRevision'],
    [{ mtu: 10 }, 'mtu'],
    [{ shared: 'yes' }, 'shared'],
  ])('rejects update %j before any request', async (params, field) => {
    await expect(updateNetwork(client(), id(1), params as never)).rejects.toMatchObject({ field });
    await expect(updateNetwork(client(), 'not-a-uuid', { name: 'x' })).rejects.toMatchObject({
      field: 'networkId',
    });
    expect(neutronRequests(cloud)).toHaveLength(0);
  });

  it('deletes, names the network in a 404, and surfaces 409 in use', async () => {
    cloud.use(
      http.delete(`${BASE}/networks/${id(1)}`, () => new HttpResponse(null, { status: 204 })),
      http.delete(`${BASE}/networks/${id(2)}`, () =>
        HttpResponse.json(
          { NeutronError: { type: 'NetworkNotFound', message: 'Network could not be found.' } },
          { status: 404 },
        ),
      ),
      http.delete(`${BASE}/networks/${id(3)}`, () =>
        HttpResponse.json(
          { NeutronError: { type: 'NetworkInUse', message: 'Unable to complete operation.' } },
          { status: 409 },
        ),
      ),
    );
    await deleteNetwork(client(), id(1));
    const missing = await deleteNetwork(client(), id(2)).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toContain(`network "${id(2)}"`);
    await expect(deleteNetwork(client(), id(3))).rejects.toBeInstanceOf(ConflictError);
  });

  it('waits for a network to be gone', async () => {
    let n = 0;
    cloud.use(
      http.get(`${BASE}/networks/:id`, () =>
        ++n < 2 ? HttpResponse.json({ network: networkWire(1) }) : new HttpResponse(null, { status: 404 }),
      ),
    );
    await waitForNetworkDeleted(client(), id(1), { minDelayMs: 1, maxDelayMs: 2 });
    expect(n).toBe(2);
  });
});

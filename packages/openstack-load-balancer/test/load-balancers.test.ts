import { inspect } from 'node:util';
import {
  ConflictError,
  NotFoundError,
  toArray,
  ValidationError,
  WaiterFailureError,
  WaiterTimeoutError,
} from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createLoadBalancer,
  createLoadBalancerClient,
  deleteLoadBalancer,
  failoverLoadBalancer,
  getLoadBalancer,
  getLoadBalancerStats,
  getLoadBalancerStatusTree,
  isImmutableConflict,
  listLoadBalancers,
  updateLoadBalancer,
  waitForLoadBalancerDeleted,
  waitForLoadBalancerStatus,
} from '../src/index.js';
import {
  BASE,
  FAST,
  id,
  LBAAS,
  lastBody,
  lbWire,
  octaviaRequests,
  setupOctavia,
} from './fixtures/octavia.js';

const { cloud, client } = setupOctavia();

const busy = (text = `Load Balancer ${id(1)} is immutable and cannot be updated.`) =>
  HttpResponse.json({ faultcode: 'Client', faultstring: text, debuginfo: null }, { status: 409 });

describe('createLoadBalancerClient', () => {
  it('adds /v2 to an unversioned catalog endpoint', async () => {
    expect(await client().endpoint()).toBe(BASE);
  });

  it.each(['https://octavia.example.test/v2/', 'https://octavia.example.test/v2.0'])(
    'keeps a fixed endpoint that already names the version (%s)',
    async (endpoint) => {
      const c = createLoadBalancerClient(cloud.session(), { endpoint });
      cloud.use(
        http.get('https://octavia.example.test/:v/lbaas/loadbalancers/:id', () =>
          HttpResponse.json({ loadbalancer: lbWire() }),
        ),
      );
      expect((await getLoadBalancer(c, id(1))).name).toBe('lb-1');
      expect(octaviaRequests(cloud)).toHaveLength(0);
      expect(cloud.requests.at(-1)!.url.pathname).toBe(
        `${new URL(endpoint).pathname.replace(/\/$/, '')}/lbaas/loadbalancers/${id(1)}`,
      );
    },
  );

  it('shows no token or session internals when inspected', () => {
    expect(inspect(client({ region: 'RegionOne', retryImmutable: true }))).toBe(
      'LoadBalancerClient { region: RegionOne, retryImmutable: true }',
    );
  });

  it.each([
    [{ serviceName: '' }, 'serviceName'],
    [{ retryImmutable: 'yes' }, 'retryImmutable'],
    [{ retryImmutable: { timeoutMs: -1 } }, 'retryImmutable.timeoutMs'],
  ])('refuses bad options %j', (options, field) => {
    expect(() => client(options as never)).toThrow(expect.objectContaining({ field }));
  });
});

describe('retryImmutable', () => {
  const update = () => updateLoadBalancer(client({ retryImmutable: FAST }), id(1), { name: 'x' });

  it.each([
    ['immutable', `Load Balancer ${id(1)} is immutable and cannot be updated.`],
    ['pending state', `Invalid state PENDING_UPDATE of loadbalancer resource ${id(1)}`],
  ])('sends a write again after a 409 (%s) until it is accepted', async (_, text) => {
    let calls = 0;
    cloud.use(
      http.put(`${LBAAS}/loadbalancers/:id`, () =>
        ++calls < 3 ? busy(text) : HttpResponse.json({ loadbalancer: lbWire(1, { name: 'x' }) }),
      ),
    );
    expect((await update()).name).toBe('x');
    expect(calls).toBe(3);
  });

  it('is off by default: the 409 is thrown at once', async () => {
    let calls = 0;
    cloud.use(
      http.put(`${LBAAS}/loadbalancers/:id`, () => {
        calls++;
        return busy();
      }),
    );
    const error = await updateLoadBalancer(client(), id(1), { name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(isImmutableConflict(error)).toBe(true);
    expect(calls).toBe(1);
  });

  it('can be switched on per call and off per call', async () => {
    let calls = 0;
    cloud.use(
      http.post(`${LBAAS}/loadbalancers`, () =>
        ++calls === 1 ? busy() : HttpResponse.json({ loadbalancer: lbWire() }, { status: 201 }),
      ),
    );
    await createLoadBalancer(client(), { vipSubnetId: id(90) }, { retryImmutable: FAST });
    expect(calls).toBe(2);
    cloud.use(http.put(`${LBAAS}/loadbalancers/:id`, () => busy()));
    await expect(
      updateLoadBalancer(client({ retryImmutable: true }), id(1), { name: 'x' }, { retryImmutable: false }),
    ).rejects.toThrow(ConflictError);
  });

  it('does not retry other conflicts', async () => {
    let calls = 0;
    cloud.use(
      http.put(`${LBAAS}/loadbalancers/:id`, () => {
        calls++;
        return busy('Duplicate listener port 80');
      }),
    );
    await expect(update()).rejects.toThrow(ConflictError);
    expect(calls).toBe(1);
  });

  it('throws the last ConflictError when its timeout has passed', async () => {
    cloud.use(http.put(`${LBAAS}/loadbalancers/:id`, () => busy()));
    const c = client({ retryImmutable: { timeoutMs: 20, minDelayMs: 1, maxDelayMs: 5 } });
    await expect(updateLoadBalancer(c, id(1), { name: 'x' })).rejects.toThrow(/immutable/);
  });

  it('stops when the signal fires', async () => {
    cloud.use(http.put(`${LBAAS}/loadbalancers/:id`, () => busy()));
    const ac = new AbortController();
    const p = updateLoadBalancer(
      client({ retryImmutable: { minDelayMs: 50 } }),
      id(1),
      { name: 'x' },
      { signal: ac.signal },
    );
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('listLoadBalancers', () => {
  it('sends typed filters, free filters, fields, sort and tag filters', async () => {
    cloud.use(http.get(`${LBAAS}/loadbalancers`, () => HttpResponse.json({ loadbalancers: [] })));
    await toArray(
      listLoadBalancers(client(), {
        provisioningStatus: 'ACTIVE',
        vipSubnetId: id(90),
        name: 'a b',
        filters: { vip_address: '203.0.113.5' },
        fields: ['id', 'name'],
        sort: [{ key: 'name' }, { key: 'created_at', dir: 'desc' }],
        tags: ['red', 'blue'],
        notTagsAny: ['old'],
        limit: 5,
      }),
    );
    const url = octaviaRequests(cloud)[0]!.url;
    expect(url.pathname).toBe('/v2/lbaas/loadbalancers');
    const q = url.searchParams;
    expect(q.get('provisioning_status')).toBe('ACTIVE');
    expect(q.get('vip_subnet_id')).toBe(id(90));
    expect(q.get('name')).toBe('a b');
    expect(q.get('vip_address')).toBe('203.0.113.5');
    expect(q.getAll('fields')).toEqual(['id', 'name']);
    expect(q.get('sort')).toBe('name,created_at:desc');
    expect(q.get('tags')).toBe('red,blue');
    expect(q.get('not-tags-any')).toBe('old');
    expect(q.get('limit')).toBe('5');
  });

  it('follows loadbalancers_links to the end and maps the wire shape', async () => {
    cloud.use(
      http.get(`${LBAAS}/loadbalancers`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        if (!marker) {
          return HttpResponse.json({
            loadbalancers: [
              lbWire(1),
              lbWire(2, { flavor_id: id(70), additional_vips: [{ subnet_id: id(93) }] }),
            ],
            loadbalancers_links: [
              { rel: 'next', href: `http://internal:9876/v2/lbaas/loadbalancers?limit=2&marker=${id(2)}` },
            ],
          });
        }
        return HttpResponse.json({
          loadbalancers: [lbWire(3, { provisioning_status: 'PENDING_CREATE' })],
          loadbalancers_links: [
            { rel: 'previous', href: `${LBAAS}/loadbalancers?limit=2&marker=${id(3)}&page_reverse=True` },
          ],
        });
      }),
    );
    const lbs = await toArray(listLoadBalancers(client(), { limit: 2 }));
    expect(lbs.map((l) => l.id)).toEqual([id(1), id(2), id(3)]);
    expect(lbs[0]).toMatchObject({
      vipAddress: '203.0.113.5',
      vipSubnetId: id(90),
      flavorId: undefined,
      listeners: [id(10)],
      pools: [id(20)],
      provider: 'amphora',
      vipQosPolicyId: undefined,
    });
    expect(lbs[1]).toMatchObject({
      flavorId: id(70),
      additionalVips: [{ subnetId: id(93), ipAddress: undefined }],
    });
    expect(lbs[2]!.provisioningStatus).toBe('PENDING_CREATE');
    expect(lbs[0]!.createdAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(lbs[0]!.raw.vip_vnic_type).toBe('normal');
    const reqs = octaviaRequests(cloud);
    expect(reqs).toHaveLength(2);
    expect(reqs[1]!.url.host).toBe(new URL(BASE).host);
    expect(reqs[1]!.url.searchParams.get('marker')).toBe(id(2));
  });

  it('resumes from a continuationToken', async () => {
    cloud.use(
      http.get(`${LBAAS}/loadbalancers`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        return marker
          ? HttpResponse.json({ loadbalancers: [lbWire(3)] })
          : HttpResponse.json({
              loadbalancers: [lbWire(1)],
              loadbalancers_links: [{ rel: 'next', href: `${LBAAS}/loadbalancers?limit=1&marker=${id(1)}` }],
            });
      }),
    );
    const first = await listLoadBalancers(client()).byPage({ limit: 1 })[Symbol.asyncIterator]().next();
    const token = first.value!.continuationToken!;
    expect(token).toEqual(expect.any(String));
    const rest: string[] = [];
    for await (const page of listLoadBalancers(client()).byPage({ continuationToken: token })) {
      rest.push(...page.map((l) => l.id));
    }
    expect(rest).toEqual([id(3)]);
    expect(octaviaRequests(cloud).at(-1)!.url.searchParams.get('marker')).toBe(id(1));
  });

  it('accepts rows trimmed by fields', async () => {
    cloud.use(
      http.get(`${LBAAS}/loadbalancers`, () =>
        HttpResponse.json({ loadbalancers: [{ id: id(1), name: 'only' }] }),
      ),
    );
    const [l] = await toArray(listLoadBalancers(client(), { fields: ['id', 'name'] }));
    expect(l).toMatchObject({ id: id(1), name: 'only', provisioningStatus: undefined });
  });

  it.each([
    [{ limit: 0 }, undefined],
    [{ fields: [] }, 'fields'],
    [{ fields: ['id;drop'] }, 'fields[0]'],
    [{ sort: [{ key: 'name', dir: 'up' }] }, 'sort[0].dir'],
    [{ tags: ['a,b'] }, 'tags[0]'],
    [{ filters: { limit: 3 } }, 'filters.limit'],
    [{ filters: { x: { nested: true } } }, 'filters.x'],
    [{ vipAddress: 'not-an-ip' }, 'vipAddress'],
    [{ vipSubnetId: 'nope' }, 'vipSubnetId'],
  ])('refuses %j before any request', async (params, field) => {
    // thrown when the list is made, before iteration starts
    const error = await (async () => toArray(listLoadBalancers(client(), params as never)))().catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    if (field) expect((error as ValidationError).field).toBe(field);
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });
});

describe('load balancer operations', () => {
  it('creates with every documented field in wire names', async () => {
    cloud.use(
      http.post(`${LBAAS}/loadbalancers`, () =>
        HttpResponse.json(
          { loadbalancer: lbWire(1, { provisioning_status: 'PENDING_CREATE' }) },
          { status: 201 },
        ),
      ),
    );
    const lb = await createLoadBalancer(client(), {
      name: 'web',
      description: 'd',
      adminStateUp: true,
      vipSubnetId: id(90),
      vipAddress: '203.0.113.5',
      vipQosPolicyId: id(94),
      vipSgIds: [id(95)],
      additionalVips: [{ subnetId: id(93), ipAddress: '2001:db8::5' }],
      provider: 'amphora',
      flavorId: id(70),
      availabilityZone: 'az1',
      tags: ['t'],
    });
    expect(lb.provisioningStatus).toBe('PENDING_CREATE');
    expect(await lastBody(cloud)).toEqual({
      loadbalancer: {
        name: 'web',
        description: 'd',
        admin_state_up: true,
        vip_subnet_id: id(90),
        vip_address: '203.0.113.5',
        vip_qos_policy_id: id(94),
        vip_sg_ids: [id(95)],
        additional_vips: [{ subnet_id: id(93), ip_address: '2001:db8::5' }],
        provider: 'amphora',
        flavor_id: id(70),
        availability_zone: 'az1',
        tags: ['t'],
      },
    });
  });

  it.each([
    [{}, 'vipSubnetId'],
    [{ vipSubnetId: 'x' }, 'vipSubnetId'],
    [{ vipNetworkId: id(1), vipAddress: '300.1.1.1' }, 'vipAddress'],
    [
      { vipPortId: id(1), additionalVips: [{ subnetId: id(2), ipAddress: 'host' }] },
      'additionalVips[0].ipAddress',
    ],
    [{ vipPortId: id(1), tags: [''] }, 'tags[0]'],
  ])('refuses to create with %j', async (params, field) => {
    await expect(createLoadBalancer(client(), params as never)).rejects.toMatchObject({ field });
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('updates with only the given fields; null clears the QoS policy', async () => {
    cloud.use(http.put(`${LBAAS}/loadbalancers/:id`, () => HttpResponse.json({ loadbalancer: lbWire() })));
    await updateLoadBalancer(client(), id(1), { name: 'n', vipQosPolicyId: null });
    expect(await lastBody(cloud)).toEqual({ loadbalancer: { name: 'n', vip_qos_policy_id: null } });
    await expect(updateLoadBalancer(client(), id(1), {})).rejects.toThrow(ValidationError);
  });

  it('deletes with and without cascade', async () => {
    cloud.use(http.delete(`${LBAAS}/loadbalancers/:id`, () => new HttpResponse(null, { status: 204 })));
    await deleteLoadBalancer(client(), id(1));
    await deleteLoadBalancer(client(), id(1), { cascade: true });
    const [plain, cascade] = octaviaRequests(cloud);
    expect(plain!.url.search).toBe('');
    expect(cascade!.url.searchParams.get('cascade')).toBe('true');
  });

  it('names the load balancer in a 404', async () => {
    cloud.use(
      http.get(`${LBAAS}/loadbalancers/:id`, () =>
        HttpResponse.json(
          { faultcode: 'Client', faultstring: 'not found', debuginfo: null },
          { status: 404 },
        ),
      ),
    );
    const error = await getLoadBalancer(client(), id(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`load balancer "${id(1)}"`);
  });

  it('reads stats and fails over', async () => {
    cloud.use(
      http.get(`${LBAAS}/loadbalancers/:id/stats`, () =>
        HttpResponse.json({
          stats: {
            bytes_in: 10,
            bytes_out: 20,
            active_connections: 1,
            total_connections: 5,
            request_errors: 0,
          },
        }),
      ),
      http.put(`${LBAAS}/loadbalancers/:id/failover`, () => new HttpResponse(null, { status: 202 })),
    );
    expect(await getLoadBalancerStats(client(), id(1))).toEqual({
      bytesIn: 10,
      bytesOut: 20,
      activeConnections: 1,
      totalConnections: 5,
      requestErrors: 0,
    });
    await failoverLoadBalancer(client(), id(1));
    expect(octaviaRequests(cloud).at(-1)!.url.pathname).toBe(`/v2/lbaas/loadbalancers/${id(1)}/failover`);
  });

  it('reads the status tree, with either spelling of the health monitor and {} for none', async () => {
    const member = {
      id: id(30),
      name: '',
      provisioning_status: 'ACTIVE',
      operating_status: 'ERROR',
      address: '192.0.2.10',
      protocol_port: 80,
    };
    cloud.use(
      http.get(`${LBAAS}/loadbalancers/:id/status`, () =>
        HttpResponse.json({
          statuses: {
            loadbalancer: {
              id: id(1),
              name: 'lb',
              provisioning_status: 'ACTIVE',
              operating_status: 'DEGRADED',
              listeners: [
                {
                  id: id(10),
                  name: 'l',
                  provisioning_status: 'ACTIVE',
                  operating_status: 'DEGRADED',
                  pools: [
                    {
                      id: id(20),
                      provisioning_status: 'ACTIVE',
                      operating_status: 'DEGRADED',
                      health_monitor: { id: id(40), type: 'HTTP', provisioning_status: 'ACTIVE' },
                      members: [member],
                    },
                  ],
                  l7policies: [
                    {
                      id: id(50),
                      action: 'REJECT',
                      provisioning_status: 'ACTIVE',
                      rules: [{ id: id(60), type: 'PATH', provisioning_status: 'ACTIVE' }],
                    },
                  ],
                },
              ],
              pools: [
                {
                  id: id(21),
                  provisioning_status: 'ACTIVE',
                  operating_status: 'ONLINE',
                  healthmonitor: {},
                  members: [],
                },
                {
                  id: id(22),
                  provisioning_status: 'ACTIVE',
                  operating_status: 'ONLINE',
                  healthmonitor: { id: id(41), type: 'TCP', provisioning_status: 'ACTIVE' },
                },
              ],
            },
          },
        }),
      ),
    );
    const tree = await getLoadBalancerStatusTree(client(), id(1));
    expect(tree).toMatchObject({ id: id(1), operatingStatus: 'DEGRADED' });
    const pool = tree.listeners[0]!.pools[0]!;
    expect(pool.healthMonitor).toMatchObject({ id: id(40), type: 'HTTP', operatingStatus: undefined });
    expect(pool.members[0]).toMatchObject({
      address: '192.0.2.10',
      protocolPort: 80,
      operatingStatus: 'ERROR',
    });
    expect(tree.listeners[0]!.l7Policies[0]).toMatchObject({
      id: id(50),
      action: 'REJECT',
      rules: [{ id: id(60), type: 'PATH' }],
    });
    expect(tree.pools.map((p) => p.healthMonitor?.id)).toEqual([undefined, id(41)]);
  });
});

describe('load balancer waiters', () => {
  const sequence = (...wires: unknown[]) => {
    let i = 0;
    cloud.use(
      http.get(`${LBAAS}/loadbalancers/:id`, () => {
        const w = wires[Math.min(i++, wires.length - 1)];
        return w === 404
          ? HttpResponse.json({ faultcode: 'Client', faultstring: 'gone' }, { status: 404 })
          : HttpResponse.json({ loadbalancer: w });
      }),
    );
  };

  it('polls until ACTIVE', async () => {
    sequence(
      lbWire(1, { provisioning_status: 'PENDING_CREATE' }),
      lbWire(1, { provisioning_status: 'PENDING_UPDATE' }),
      lbWire(1),
    );
    const polled: string[] = [];
    const lb = await waitForLoadBalancerStatus(client(), id(1), 'ACTIVE', {
      ...FAST,
      onPoll: (l) => polled.push(l.provisioningStatus),
    });
    expect(lb.provisioningStatus).toBe('ACTIVE');
    expect(polled).toEqual(['PENDING_CREATE', 'PENDING_UPDATE', 'ACTIVE']);
  });

  it('fails at once on ERROR with the load balancer and its operating status', async () => {
    sequence(lbWire(1, { provisioning_status: 'ERROR', operating_status: 'OFFLINE' }));
    const error = await waitForLoadBalancerStatus(client(), id(1), 'ACTIVE', FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterFailureError);
    expect((error as Error).message).toMatch(/is ERROR: provisioning failed \(operating status OFFLINE\)/);
    expect((error as WaiterFailureError).lastValue).toMatchObject({ id: id(1) });
    expect(octaviaRequests(cloud)).toHaveLength(1);
  });

  it('times out with the last value', async () => {
    sequence(lbWire(1, { provisioning_status: 'PENDING_UPDATE' }));
    await expect(
      waitForLoadBalancerStatus(client(), id(1), 'ACTIVE', { ...FAST, timeoutMs: 20 }),
    ).rejects.toBeInstanceOf(WaiterTimeoutError);
  });

  it('refuses an unknown status before any request', async () => {
    await expect(waitForLoadBalancerStatus(client(), id(1), 'READY' as never, FAST)).rejects.toThrow(
      ValidationError,
    );
    expect(octaviaRequests(cloud)).toHaveLength(0);
  });

  it('waits for deletion until 404, or DELETED; ERROR fails', async () => {
    sequence(lbWire(1, { provisioning_status: 'PENDING_DELETE' }), 404);
    await waitForLoadBalancerDeleted(client(), id(1), FAST);
    sequence(lbWire(1, { provisioning_status: 'DELETED' }));
    await waitForLoadBalancerDeleted(client(), id(1), FAST);
    sequence(lbWire(1, { provisioning_status: 'ERROR' }));
    await expect(waitForLoadBalancerDeleted(client(), id(1), FAST)).rejects.toBeInstanceOf(
      WaiterFailureError,
    );
  });
});

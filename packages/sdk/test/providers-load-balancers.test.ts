import { NotFoundError, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ProviderLoadBalancersClient } from '../src/providers/index.js';
import { createFakeOctavia, type FakeOctavia } from './fakes/octavia.js';
import { createFakeRackspaceClb, type FakeRackspaceClb } from './fakes/rackspace-clb.js';
import { OPENSTACK, RACKSPACE, SERVICE_CLOUDS } from './service-clouds.js';

const cloud = setupMockCloud();
const SUBNET = '6b8f2c1e-3d4a-4b5c-8d9e-0f1a2b3c4d5e';
const fast = { wait: { minDelayMs: 1, maxDelayMs: 5, timeoutMs: 10_000 } };

describe.each(SERVICE_CLOUDS)('$name load balancers', (c) => {
  let fake: FakeOctavia | FakeRackspaceClb;
  let lbs: ProviderLoadBalancersClient;
  beforeEach(() => {
    fake =
      c.name === 'openstack'
        ? createFakeOctavia({ baseUrl: c.endpoints().loadBalancers })
        : createFakeRackspaceClb({ baseUrl: c.endpoints().loadBalancers });
    cloud.use(...c.identity, ...fake.handlers);
    lbs = c.loadBalancers();
  });
  const writes = () => fake.calls.filter((call) => !call.startsWith('GET'));

  it('creates a load balancer with its protocol, port and nodes, waiting for ACTIVE between writes; lists, gets, updates and deletes it', async () => {
    const lb = await lbs.createLoadBalancer(
      {
        name: 'web',
        protocol: 'HTTP',
        port: 80,
        algorithm: 'LEAST_CONNECTIONS',
        subnetId: SUBNET,
        nodes: [
          { address: '10.0.0.11', port: 8080, weight: 10 },
          { address: '2001:db8::12', port: 8080 },
        ],
      },
      fast,
    );
    expect(lb).toMatchObject({
      provider: c.name,
      name: 'web',
      status: 'ACTIVE',
      providerStatus: 'ACTIVE',
      protocol: 'HTTP',
      port: 80,
      algorithm: 'LEAST_CONNECTIONS',
    });
    expect(lb.address).toBeDefined();
    // Every write came after the previous one had settled: none was refused as immutable.
    expect(fake.refused).toEqual([]);
    if (c.name === 'openstack') {
      expect(writes().map((w) => w.replace(/[0-9a-f-]{36}/g, ':id'))).toEqual([
        'POST /lbaas/loadbalancers',
        'POST /lbaas/listeners',
        'POST /lbaas/pools',
        'POST /lbaas/pools/:id/members',
        'POST /lbaas/pools/:id/members',
      ]);
      const post = cloud.requests.find(
        (r) => r.method === 'POST' && r.url.pathname.endsWith('/loadbalancers'),
      )!;
      expect((await jsonBody(post)).loadbalancer).toMatchObject({ name: 'web', vip_subnet_id: SUBNET });
    } else {
      expect(writes()).toEqual(['POST /loadbalancers']);
      const post = cloud.requests.find(
        (r) => r.method === 'POST' && r.url.pathname.endsWith('/loadbalancers'),
      )!;
      expect((await jsonBody(post)).loadBalancer).toMatchObject({
        name: 'web',
        protocol: 'HTTP',
        port: 80,
        algorithm: 'LEAST_CONNECTIONS',
        virtualIps: [{ type: 'PUBLIC' }],
        nodes: [
          { address: '10.0.0.11', port: 8080, weight: 10, condition: 'ENABLED' },
          { address: '2001:db8::12', port: 8080, condition: 'ENABLED' },
        ],
      });
    }
    expect((await lbs.getLoadBalancers()).map((l) => [l.id, l.protocol, l.port])).toEqual([
      [lb.id, 'HTTP', 80],
    ]);
    expect(await lbs.getLoadBalancer(lb.id)).toMatchObject({ id: lb.id, name: 'web', port: 80 });

    const renamed = await lbs.updateLoadBalancer(lb, { name: 'web-2', algorithm: 'ROUND_ROBIN' }, fast);
    expect(renamed).toMatchObject({ id: lb.id, name: 'web-2', algorithm: 'ROUND_ROBIN', status: 'ACTIVE' });
    expect(await lbs.waitForLoadBalancer(lb, fast)).toMatchObject({ status: 'ACTIVE', name: 'web-2' });
    expect(fake.refused).toEqual([]);

    await lbs.deleteLoadBalancer(lb, fast);
    await expect(lbs.getLoadBalancer(lb.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await lbs.getLoadBalancers()).toEqual([]);
  });

  it('lists, adds, updates and removes nodes', async () => {
    const lb = await lbs.createLoadBalancer(
      {
        name: 'api',
        protocol: 'TCP',
        port: 443,
        subnetId: SUBNET,
        nodes: [{ address: '10.0.0.21', port: 443 }],
      },
      fast,
    );
    const [first] = await lbs.getNodes(lb);
    expect(first).toMatchObject({
      provider: c.name,
      loadBalancerId: lb.id,
      address: '10.0.0.21',
      port: 443,
      condition: 'ENABLED',
    });
    const added = await lbs.addNodes(
      lb,
      [{ address: '10.0.0.22', port: 443, weight: 5, condition: 'DISABLED' }],
      fast,
    );
    expect(added).toEqual([
      expect.objectContaining({ address: '10.0.0.22', port: 443, weight: 5, condition: 'DISABLED' }),
    ]);
    const updated = await lbs.updateNode(lb, added[0]!, { weight: 20, condition: 'ENABLED' }, fast);
    expect(updated).toMatchObject({ id: added[0]!.id, weight: 20, condition: 'ENABLED' });
    await lbs.removeNode(lb, first!.id, fast);
    expect((await lbs.getNodes(lb.id)).map((n) => [n.address, n.weight, n.condition])).toEqual([
      ['10.0.0.22', 20, 'ENABLED'],
    ]);
    expect(fake.refused).toEqual([]);
  });

  it('gets, sets, replaces and removes the health check', async () => {
    const lb = await lbs.createLoadBalancer(
      { name: 'hc', protocol: 'HTTP', port: 80, subnetId: SUBNET },
      fast,
    );
    expect(await lbs.getHealthCheck(lb)).toBeUndefined();
    const http = await lbs.setHealthCheck(
      lb,
      { type: 'HTTP', delay: 10, timeout: 5, attempts: 3, path: '/health' },
      fast,
    );
    expect(http).toEqual({ type: 'HTTP', delay: 10, timeout: 5, attempts: 3, path: '/health' });
    expect(await lbs.getHealthCheck(lb.id)).toEqual(http);
    const connect = await lbs.setHealthCheck(
      lb,
      { type: 'CONNECT', delay: 20, timeout: 10, attempts: 2 },
      fast,
    );
    expect(connect).toMatchObject({ type: 'CONNECT', delay: 20, timeout: 10, attempts: 2 });
    expect(await lbs.getHealthCheck(lb)).toMatchObject({ type: 'CONNECT', delay: 20 });
    const sent = cloud.requests.filter((r) => r.method !== 'GET' && /health/.test(r.url.pathname)).at(-1)!;
    if (c.name === 'openstack')
      expect((await jsonBody(sent)).healthmonitor).toMatchObject({ type: 'TCP', max_retries: 2 });
    else
      expect(await jsonBody(sent)).toEqual({
        healthMonitor: { type: 'CONNECT', delay: 20, timeout: 10, attemptsBeforeDeactivation: 2 },
      });
    await lbs.removeHealthCheck(lb, fast);
    expect(await lbs.getHealthCheck(lb)).toBeUndefined();
    await lbs.removeHealthCheck(lb, fast);
    expect(fake.refused).toEqual([]);
  });

  it('refuses bad input with a ValidationError before any request', async () => {
    const lb = { id: c.name === 'openstack' ? '0b6e7a7e-6cd3-4f4e-9c5e-1d2b3c4d5e6f' : '70001' };
    const base = { name: 'x', protocol: 'HTTP' as const, port: 80, subnetId: SUBNET };
    const cases: [string, () => Promise<unknown>][] = [
      ['port', () => lbs.createLoadBalancer({ ...base, port: 0 })],
      ['port', () => lbs.createLoadBalancer({ ...base, port: 65536 })],
      ['port', () => lbs.createLoadBalancer({ ...base, port: 80.5 })],
      ['protocol', () => lbs.createLoadBalancer({ ...base, protocol: 'GOPHER' as never })],
      ['algorithm', () => lbs.createLoadBalancer({ ...base, algorithm: 'FASTEST' as never })],
      ['name', () => lbs.createLoadBalancer({ ...base, name: '' })],
      [
        'nodes[0].address',
        () => lbs.createLoadBalancer({ ...base, nodes: [{ address: 'web-1.example.com', port: 80 }] }),
      ],
      [
        'nodes[1].port',
        () =>
          lbs.createLoadBalancer({
            ...base,
            nodes: [
              { address: '10.0.0.1', port: 80 },
              { address: '10.0.0.2', port: 70000 },
            ],
          }),
      ],
      ['nodes[0].address', () => lbs.addNodes(lb, [{ address: '10.0.0.300', port: 80 }])],
      ['nodes[0].weight', () => lbs.addNodes(lb, [{ address: '10.0.0.3', port: 80, weight: 1000 }])],
      [
        'nodes[0].condition',
        () => lbs.addNodes(lb, [{ address: '10.0.0.3', port: 80, condition: 'ON' as never }]),
      ],
      ['weight', () => lbs.updateNode(lb, 'n-1', { weight: -1 })],
      ['algorithm', () => lbs.updateLoadBalancer(lb, { algorithm: 'RANDOM' as never })],
      ['type', () => lbs.setHealthCheck(lb, { type: 'PING' as never, delay: 5, timeout: 5, attempts: 3 })],
      ['attempts', () => lbs.setHealthCheck(lb, { type: 'HTTP', delay: 5, timeout: 5, attempts: 0 })],
      [
        'path',
        () => lbs.setHealthCheck(lb, { type: 'CONNECT', delay: 5, timeout: 5, attempts: 3, path: '/' }),
      ],
      ['loadBalancer', () => lbs.getNodes('')],
    ];
    for (const [field, run] of cases) {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect({ field: (error as ValidationError).field }).toEqual({ field });
    }
    expect(fake.calls).toEqual([]);
  });

  it('states its differences as capabilities and enforces them before any request', async () => {
    const caps = lbs.capabilities;
    expect(caps.protocols).toEqual(['HTTP', 'HTTPS', 'TCP', 'UDP']);
    const settle = (p: Promise<unknown>) =>
      p.then(
        (v) => v,
        (e: unknown) => e,
      );
    const noSubnet = await settle(lbs.createLoadBalancer({ name: 'n', protocol: 'HTTP', port: 80 }, fast));
    const draining = await settle(
      lbs.addNodes(c.name === 'openstack' ? '0b6e7a7e-6cd3-4f4e-9c5e-1d2b3c4d5e6f' : '99999', [
        { address: '10.0.0.5', port: 80, condition: 'DRAINING' },
      ]),
    );
    const sourceIp = await settle(
      lbs.createLoadBalancer(
        { name: 's', protocol: 'TCP', port: 22, algorithm: 'SOURCE_IP', subnetId: SUBNET },
        fast,
      ),
    );
    if (c.name === 'openstack') {
      expect(caps).toMatchObject({ requiresSubnet: true, minWeight: 0, maxWeight: 256 });
      expect(noSubnet).toBeInstanceOf(ValidationError);
      expect(noSubnet).toMatchObject({ field: 'subnetId' });
      expect(draining).toMatchObject({ field: 'nodes[0].condition' });
      expect(sourceIp).toMatchObject({ algorithm: 'SOURCE_IP', status: 'ACTIVE' });
    } else {
      expect(caps).toMatchObject({ requiresSubnet: false, minWeight: 1, maxWeight: 100 });
      expect(caps.algorithms).not.toContain('SOURCE_IP');
      expect(sourceIp).toBeInstanceOf(ValidationError);
      expect(sourceIp).toMatchObject({ field: 'algorithm' });
      expect(noSubnet).toMatchObject({ status: 'ACTIVE', address: '198.51.100.7' });
      expect(draining).toBeInstanceOf(NotFoundError);
    }
  });
});

describe('typed load-balancer capabilities', () => {
  it('are literal for a known provider', () => {
    const os = OPENSTACK.loadBalancers();
    const rax = RACKSPACE.loadBalancers();
    const subnet: true = os.capabilities.requiresSubnet;
    const maxRax: 100 = rax.capabilities.maxWeight;
    expect([subnet, maxRax, os.capabilities.algorithms.includes('SOURCE_IP')]).toEqual([true, 100, true]);
  });
});

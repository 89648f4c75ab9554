/**
 * The provider-neutral load-balancer client against the real Octavia (noop drivers): a Neutron
 * network and subnet for the VIP (made with `@cloud/openstack-network`), a load balancer with a
 * listener, a pool and members, node changes, a health check, an update, the delete, then
 * nothing left behind.
 * Run: `source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/sdk test:integration -- providers-load-balancers`.
 */
import { isIP } from 'node:net';
import { NotFoundError, ValidationError } from '@cloud/core';
import { createNetwork, createSubnet, deleteNetwork, deleteSubnet } from '@cloud/openstack-network';
import { afterAll, expect, it } from '@jest/globals';
import { providers } from '../../src/providers/index.js';
import { Cleanup, describeLive, live, openstackOptions, RUN } from './live.js';

const cleanup = new Cleanup();
const wait = { wait: { minDelayMs: 500, maxDelayMs: 3_000, timeoutMs: 300_000 } };

describeLive('providers.openstack.loadBalancers against a real Octavia', () => {
  const lbs = live ? providers.openstack.loadBalancers(openstackOptions()) : (undefined as never);
  const neutron = live ? providers.openstack.network(openstackOptions()).client : (undefined as never);

  afterAll(async () => {
    expect(await cleanup.runAll()).toEqual([]);
    expect((await lbs.getLoadBalancers()).filter((l) => l.name?.startsWith(RUN))).toEqual([]);
  });

  it('creates a load balancer on a subnet with nodes, changes nodes and health check, and deletes it', async () => {
    const net = await createNetwork(neutron, { name: `${RUN}-lb-net` });
    cleanup.add('network', () => deleteNetwork(neutron, net.id));
    const subnet = await createSubnet(neutron, {
      networkId: net.id,
      name: `${RUN}-lb-sub`,
      ipVersion: 4,
      cidr: '10.252.9.0/24',
    });
    cleanup.add('subnet', () => deleteSubnet(neutron, subnet.id));

    await expect(
      lbs.createLoadBalancer({ name: `${RUN}-lb`, protocol: 'HTTP', port: 80 }),
    ).rejects.toMatchObject({
      field: 'subnetId',
    });

    const lb = await lbs.createLoadBalancer(
      {
        name: `${RUN}-lb`,
        protocol: 'HTTP',
        port: 80,
        algorithm: 'LEAST_CONNECTIONS',
        subnetId: subnet,
        nodes: [
          { address: '10.252.9.11', port: 8080, weight: 10 },
          { address: '10.252.9.12', port: 8080 },
        ],
      },
      wait,
    );
    cleanup.add('load balancer', () => lbs.deleteLoadBalancer(lb, wait));
    expect(lb).toMatchObject({
      provider: 'openstack',
      name: `${RUN}-lb`,
      status: 'ACTIVE',
      protocol: 'HTTP',
      port: 80,
      algorithm: 'LEAST_CONNECTIONS',
    });
    // The noop network driver hands out its own VIP address rather than one of the subnet's.
    expect(isIP(lb.address ?? '')).not.toBe(0);
    expect((await lbs.getLoadBalancers()).find((l) => l.id === lb.id)).toMatchObject({
      port: 80,
      protocol: 'HTTP',
    });

    const nodes = await lbs.getNodes(lb);
    expect(nodes.map((n) => [n.address, n.port, n.condition]).sort()).toEqual([
      ['10.252.9.11', 8080, 'ENABLED'],
      ['10.252.9.12', 8080, 'ENABLED'],
    ]);
    const [added] = await lbs.addNodes(
      lb,
      [{ address: '10.252.9.13', port: 8080, condition: 'DISABLED' }],
      wait,
    );
    expect(added).toMatchObject({ address: '10.252.9.13', condition: 'DISABLED' });
    expect(await lbs.updateNode(lb, added!, { weight: 50, condition: 'ENABLED' }, wait)).toMatchObject({
      weight: 50,
      condition: 'ENABLED',
    });
    await lbs.removeNode(lb, nodes[0]!, wait);
    expect((await lbs.getNodes(lb)).map((n) => n.id).sort()).toEqual([nodes[1]!.id, added!.id].sort());

    expect(await lbs.getHealthCheck(lb)).toBeUndefined();
    const check = await lbs.setHealthCheck(
      lb,
      { type: 'HTTP', delay: 10, timeout: 5, attempts: 3, path: '/health' },
      wait,
    );
    expect(check).toEqual({ type: 'HTTP', delay: 10, timeout: 5, attempts: 3, path: '/health' });
    expect(
      await lbs.setHealthCheck(lb, { type: 'CONNECT', delay: 15, timeout: 5, attempts: 2 }, wait),
    ).toMatchObject({
      type: 'CONNECT',
      delay: 15,
    });
    await lbs.removeHealthCheck(lb, wait);
    expect(await lbs.getHealthCheck(lb)).toBeUndefined();

    expect(
      await lbs.updateLoadBalancer(lb, { name: `${RUN}-lb2`, algorithm: 'SOURCE_IP' }, wait),
    ).toMatchObject({
      name: `${RUN}-lb2`,
      algorithm: 'SOURCE_IP',
      status: 'ACTIVE',
    });
    await expect(lbs.addNodes(lb, [{ address: 'backend.example.com', port: 80 }])).rejects.toBeInstanceOf(
      ValidationError,
    );

    await lbs.deleteLoadBalancer(lb, wait);
    await expect(lbs.getLoadBalancer(lb.id)).rejects.toBeInstanceOf(NotFoundError);
  }, 900_000);
});

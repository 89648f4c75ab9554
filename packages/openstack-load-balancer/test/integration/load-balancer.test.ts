/**
 * Against the real Octavia (noop drivers) behind the local Keystone: a load balancer on a subnet
 * created in the real Neutron, a listener, a pool, members in one batch, a health monitor, an L7
 * policy with a rule, the status tree, stats, lists and filters; then a cascade delete, waited
 * for until the load balancer is gone. Every write waits for the load balancer to be ACTIVE.
 */
import { ConflictError, toArray, ValidationError } from '@cloud/core';
import { createNetwork, createNetworkClient, createSubnet, deleteNetwork } from '@cloud/openstack-network';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  createHealthMonitor,
  createL7Policy,
  createL7Rule,
  createListener,
  createLoadBalancer,
  createPool,
  deleteLoadBalancer,
  getL7Policy,
  getLoadBalancer,
  getLoadBalancerQuotas,
  getLoadBalancerStats,
  getLoadBalancerStatusTree,
  getPool,
  type LoadBalancer,
  listL7Rules,
  listListeners,
  listLoadBalancerProviders,
  listLoadBalancers,
  listMembers,
  replacePoolMembers,
  updateLoadBalancer,
  updateMember,
  waitForLoadBalancerDeleted,
  waitForLoadBalancerStatus,
} from '../../src/index.js';
import { Cleanup, describeLive, live, liveClient, liveSession, RUN } from './env.js';

const cleanup = new Cleanup();
const FAST = { minDelayMs: 500, maxDelayMs: 2_000, timeoutMs: 120_000 };

describeLive('load balancing (real Octavia)', () => {
  const client = live ? liveClient() : (undefined as never);
  let subnetId: string;
  let lb: LoadBalancer;
  let deleted = false;

  beforeAll(async () => {
    const network = createNetworkClient(liveSession());
    const net = await createNetwork(network, { name: `${RUN}-lb-net` });
    cleanup.add(`network ${net.id}`, () => deleteNetwork(network, net.id));
    const subnet = await createSubnet(network, {
      networkId: net.id,
      name: `${RUN}-lb-subnet`,
      cidr: `10.${100 + (Date.now() % 100)}.${Date.now() % 250}.0/24`,
    });
    subnetId = subnet.id;
    // the subnet goes with its network
  }, 60_000);

  afterAll(async () => {
    if (lb && !deleted) {
      cleanup.add(`load balancer ${lb.id}`, async () => {
        await waitForLoadBalancerStatus(client, lb.id, ['ACTIVE', 'ERROR'], FAST).catch(() => undefined);
        await deleteLoadBalancer(client, lb.id, { cascade: true });
        await waitForLoadBalancerDeleted(client, lb.id, FAST);
      });
    }
    expect(await cleanup.runAll()).toEqual([]);
  }, 240_000);

  it('creates a load balancer on a Neutron subnet and waits for ACTIVE', async () => {
    const created = await createLoadBalancer(client, {
      name: `${RUN}-lb`,
      vipSubnetId: subnetId,
      description: 'integration',
      tags: [RUN],
    });
    lb = created;
    expect(created.provisioningStatus).toMatch(/^PENDING_CREATE|ACTIVE$/);
    lb = await waitForLoadBalancerStatus(client, created.id, 'ACTIVE', FAST);
    expect(lb).toMatchObject({ name: `${RUN}-lb`, vipSubnetId: subnetId, tags: [RUN] });
    expect(lb.vipAddress).toEqual(expect.any(String));
    const found = await toArray(listLoadBalancers(client, { tags: [RUN], name: `${RUN}-lb` }));
    expect(found.map((l) => l.id)).toEqual([lb.id]);
  }, 150_000);

  it('refuses a second write while PENDING_UPDATE, and retryImmutable sequences it', async () => {
    await updateLoadBalancer(client, lb.id, { description: 'first' });
    // Octavia answers 409 "immutable" until the first update is done, unless the write is retried
    const second = updateLoadBalancer(client, lb.id, { description: 'second' }, { retryImmutable: FAST });
    await expect(second).resolves.toMatchObject({ id: lb.id });
    const after = await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
    expect(after.description).toBe('second');
    await updateLoadBalancer(client, lb.id, { description: 'third' });
    const refused = await updateLoadBalancer(client, lb.id, { description: 'fourth' }).catch(
      (e: unknown) => e,
    );
    // either the first update was already done (noop drivers are fast), or a ConflictError
    if (refused instanceof Error) expect(refused).toBeInstanceOf(ConflictError);
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
  }, 150_000);

  it('builds listener, pool, members in one batch, health monitor, L7 policy and rule', async () => {
    const listener = await createListener(client, {
      loadBalancerId: lb.id,
      protocol: 'HTTP',
      protocolPort: 80,
      name: `${RUN}-http`,
      timeoutClientData: 30_000,
      allowedCidrs: ['192.0.2.0/24'],
      insertHeaders: { 'X-Forwarded-For': 'true' },
    });
    expect(listener).toMatchObject({ protocol: 'HTTP', protocolPort: 80, allowedCidrs: ['192.0.2.0/24'] });
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);

    const pool = await createPool(client, {
      listenerId: listener.id,
      protocol: 'HTTP',
      lbAlgorithm: 'ROUND_ROBIN',
      name: `${RUN}-pool`,
      sessionPersistence: { type: 'APP_COOKIE', cookieName: 'SESSION' },
    });
    expect(pool.sessionPersistence).toMatchObject({ type: 'APP_COOKIE', cookieName: 'SESSION' });
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);

    await replacePoolMembers(client, pool.id, [
      { address: '192.0.2.10', protocolPort: 8080, subnetId, name: 'a' },
      { address: '192.0.2.11', protocolPort: 8080, subnetId, weight: 5, name: 'b' },
      { address: '2001:db8::12', protocolPort: 8080, subnetId, name: 'c' },
    ]);
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
    const members = await toArray(listMembers(client, pool.id));
    expect(members.map((m) => m.address).sort()).toEqual(['192.0.2.10', '192.0.2.11', '2001:db8::12']);
    expect(members.find((m) => m.address === '192.0.2.11')?.weight).toBe(5);

    // a second batch replaces the set: one kept (updated), one new, the others deleted
    await replacePoolMembers(client, pool.id, [
      { address: '192.0.2.10', protocolPort: 8080, subnetId, weight: 3 },
      { address: '192.0.2.20', protocolPort: 8080, subnetId },
    ]);
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
    const replaced = await toArray(listMembers(client, pool.id));
    expect(replaced.map((m) => `${m.address}:${m.weight}`).sort()).toEqual(['192.0.2.10:3', '192.0.2.20:1']);
    const kept = replaced.find((m) => m.address === '192.0.2.10')!;
    await updateMember(client, pool.id, kept.id, { weight: 7 }, { retryImmutable: FAST });
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);

    const hm = await createHealthMonitor(client, {
      poolId: pool.id,
      type: 'HTTP',
      delay: 5,
      timeout: 3,
      maxRetries: 3,
      urlPath: '/healthz',
      expectedCodes: '200-204',
    });
    expect(hm).toMatchObject({
      type: 'HTTP',
      urlPath: '/healthz',
      expectedCodes: '200-204',
      pools: [pool.id],
    });
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
    expect((await getPool(client, pool.id)).healthMonitorId).toBe(hm.id);

    const policy = await createL7Policy(client, {
      listenerId: listener.id,
      action: 'REDIRECT_TO_URL',
      redirectUrl: 'https://example.com/',
      redirectHttpCode: 301,
      position: 1,
    });
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
    const rule = await createL7Rule(client, policy.id, {
      type: 'PATH',
      compareType: 'STARTS_WITH',
      value: '/old',
    });
    await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE', FAST);
    expect((await toArray(listL7Rules(client, policy.id))).map((r) => r.id)).toEqual([rule.id]);

    const tree = await getLoadBalancerStatusTree(client, lb.id);
    expect(tree.id).toBe(lb.id);
    expect(tree.provisioningStatus).toBe('ACTIVE');
    const l = tree.listeners.find((x) => x.id === listener.id)!;
    expect(l.pools.map((p) => p.id)).toEqual([pool.id]);
    expect(l.pools[0]!.healthMonitor?.id).toBe(hm.id);
    expect(l.pools[0]!.members.map((m) => m.address).sort()).toEqual(['192.0.2.10', '192.0.2.20']);
    // Octavia 11 (Zed) leaves L7 policies out of the tree; later releases list them
    if (l.l7Policies.length) {
      expect(l.l7Policies[0]).toMatchObject({ id: policy.id, action: 'REDIRECT_TO_URL' });
      expect(l.l7Policies[0]!.rules.map((r) => r.id)).toEqual([rule.id]);
    }
    expect(await getL7Policy(client, policy.id)).toMatchObject({
      provisioningStatus: 'ACTIVE',
      rules: [rule.id],
      redirectHttpCode: 301,
    });

    const stats = await getLoadBalancerStats(client, lb.id);
    expect(stats.activeConnections).toEqual(expect.any(Number));
    expect((await toArray(listListeners(client, { loadBalancerId: lb.id }))).map((x) => x.id)).toEqual([
      listener.id,
    ]);
  }, 300_000);

  it('rejects bad input before sending anything', async () => {
    await expect(
      createListener(client, { loadBalancerId: lb.id, protocol: 'HTTP', protocolPort: 70_000 }),
    ).rejects.toThrow(ValidationError);
  });

  it('reads providers and the project quotas', async () => {
    const providers = await toArray(listLoadBalancerProviders(client));
    expect(providers.map((p) => p.name)).toEqual(expect.arrayContaining(['amphora']));
    const quotas = await getLoadBalancerQuotas(client, (await getLoadBalancer(client, lb.id)).projectId!);
    expect(quotas.raw).toEqual(expect.any(Object));
  });

  it('cascade-deletes the load balancer and waits until it is gone', async () => {
    await deleteLoadBalancer(client, lb.id, { cascade: true });
    await waitForLoadBalancerDeleted(client, lb.id, FAST);
    deleted = true;
    await expect(getLoadBalancer(client, lb.id)).rejects.toMatchObject({ status: 404 });
  }, 150_000);
});

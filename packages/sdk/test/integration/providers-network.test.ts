/**
 * The provider-neutral network client against a real Neutron: the same flows as the msw tests
 * (network, subnet, ports, security group and rules, floating IP), then nothing left behind.
 * Run: `source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/sdk test:integration`.
 */
import { ConflictError, NotFoundError, ValidationError } from '@cloud/core';
import {
  addRouterInterface,
  createRouter,
  deleteRouter,
  removeRouterInterface,
} from '@cloud/openstack-network';
import { afterAll, expect, it } from '@jest/globals';
import { providers } from '../../src/providers/index.js';
import { Cleanup, describeLive, live, openstackOptions, RUN } from './live.js';

const cleanup = new Cleanup();

describeLive('providers.openstack.network against a real Neutron', () => {
  const network = live ? providers.openstack.network(openstackOptions()) : (undefined as never);

  afterAll(async () => {
    expect(await cleanup.runAll()).toEqual([]);
    const left = (await network.getNetworks()).filter((n) => n.name.startsWith(RUN));
    expect(left).toEqual([]);
  });

  it('creates a network with a subnet, ports and a security group, then destroys them', async () => {
    const net = await network.createNetwork({ name: `${RUN}-net` });
    cleanup.add('network', () => network.destroyNetwork(net));
    expect(net).toMatchObject({ provider: 'openstack', name: `${RUN}-net`, external: false, shared: false });
    expect(['ACTIVE', 'BUILD']).toContain(net.status);
    expect(await network.getNetwork(net.id)).toMatchObject({ id: net.id, name: net.name });
    expect((await network.updateNetwork(net, { name: `${RUN}-net2` })).name).toBe(`${RUN}-net2`);

    const subnet = await network.createSubnet({
      network: net,
      cidr: '10.251.7.0/24',
      name: `${RUN}-sub`,
      allocationPools: [{ start: '10.251.7.50', end: '10.251.7.99' }],
      dnsNameservers: ['10.251.7.2'],
    });
    cleanup.add('subnet', () => network.destroySubnet(subnet));
    expect(subnet).toMatchObject({
      networkId: net.id,
      ipVersion: 4,
      gatewayIp: '10.251.7.1',
      allocationPools: [{ start: '10.251.7.50', end: '10.251.7.99' }],
      dnsNameservers: ['10.251.7.2'],
    });
    expect((await network.getSubnets({ network: net })).map((s) => s.id)).toEqual([subnet.id]);
    expect((await network.updateSubnet(subnet, { dnsNameservers: [] })).dnsNameservers).toEqual([]);

    const group = await network.createSecurityGroup({ name: `${RUN}-sg`, description: 'neutral' });
    cleanup.add('security group', () => network.destroySecurityGroup(group));
    const rule = await network.createSecurityGroupRule({
      securityGroup: group,
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
      remoteIpPrefix: '203.0.113.0/24',
    });
    expect(rule).toMatchObject({ direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 });
    const ingress = (await network.getSecurityGroup(group)).rules.filter((r) => r.direction === 'ingress');
    expect(ingress).toEqual([rule]);

    const port = await network.createPort({
      network: net,
      name: `${RUN}-port`,
      fixedIps: [{ subnetId: subnet.id, ipAddress: '10.251.7.60' }],
      securityGroups: [group],
    });
    cleanup.add('port', () => network.destroyPort(port));
    expect(port).toMatchObject({
      status: 'DOWN',
      fixedIps: [{ subnetId: subnet.id, ipAddress: '10.251.7.60' }],
      securityGroups: [group.id],
    });
    expect((await network.getPorts({ network: net })).map((p) => p.id)).toContain(port.id);
    expect((await network.updatePort(port, { name: `${RUN}-port2` })).name).toBe(`${RUN}-port2`);

    await network.destroySecurityGroupRule(rule);
    expect((await network.getSecurityGroupRules({ securityGroup: group })).map((r) => r.id)).not.toContain(
      rule.id,
    );
    await expect(network.createSubnet({ network: net, cidr: '10.251.7.0/99' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await network.destroyPort(port);
    await expect(network.getPort(port)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives a port a floating IP from the external network, and releases it', async () => {
    const external = (await network.getNetworks()).find((n) => n.external);
    expect(external).toBeDefined();
    const net = await network.createNetwork({ name: `${RUN}-fipnet` });
    cleanup.add('fip network', () => network.destroyNetwork(net));
    const subnet = await network.createSubnet({ network: net, cidr: '10.251.8.0/24' });
    cleanup.add('fip subnet', () => network.destroySubnet(subnet));
    const router = await createRouter(network.client, {
      name: `${RUN}-router`,
      externalGateway: { networkId: external!.id },
    });
    cleanup.add('router', () => deleteRouter(network.client, router.id));
    await addRouterInterface(network.client, router.id, { subnetId: subnet.id });
    cleanup.add('router interface', () =>
      removeRouterInterface(network.client, router.id, { subnetId: subnet.id }),
    );
    const port = await network.createPort({ network: net, name: `${RUN}-fipport` });
    cleanup.add('fip port', () => network.destroyPort(port));

    const fip = await network.floatingIps.create({ network: external! });
    cleanup.add('floating IP', () => network.floatingIps.destroy(fip.id));
    expect(fip).toMatchObject({ floatingNetworkId: external!.id, portId: undefined });
    const associated = await network.floatingIps.associate(fip.id, port);
    expect(associated).toMatchObject({ portId: port.id, fixedIpAddress: port.fixedIps[0]!.ipAddress });
    expect((await network.floatingIps.list({ port })).map((f) => f.id)).toEqual([fip.id]);
    await expect(network.destroyNetwork(net)).rejects.toBeInstanceOf(ConflictError);
    expect((await network.floatingIps.disassociate(fip.id)).portId).toBeUndefined();
    await network.floatingIps.destroy(fip.id);
    await expect(network.floatingIps.get(fip.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

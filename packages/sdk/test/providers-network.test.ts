import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ProviderNetworkClient } from '../src/providers/index.js';
import { createFakeNeutron, type FakeNeutron } from './fakes/neutron.js';
import { OPENSTACK, RACKSPACE, SERVICE_CLOUDS } from './service-clouds.js';

const cloud = setupMockCloud();
const SG = randomUUID();

describe.each(SERVICE_CLOUDS)('$name network', (c) => {
  let neutron: FakeNeutron;
  let network: ProviderNetworkClient;
  beforeEach(() => {
    neutron = createFakeNeutron({ baseUrl: c.endpoints().network, flavour: c.name });
    cloud.use(...c.identity, ...neutron.handlers);
    network = c.network();
  });

  it('finds the network service in its catalog and lists the predefined networks', async () => {
    const all = await network.getNetworks();
    expect(neutron.calls).toEqual(['GET /networks']);
    expect(all.length).toBeGreaterThan(0);
    for (const n of all) {
      expect(n).toMatchObject({
        provider: c.name,
        status: 'ACTIVE',
        providerStatus: 'ACTIVE',
        adminStateUp: true,
      });
    }
  });

  it('creates, gets, renames and destroys a network', async () => {
    const created = await network.createNetwork({ name: 'backend' });
    expect(created).toMatchObject({
      provider: c.name,
      name: 'backend',
      status: 'ACTIVE',
      shared: false,
      external: false,
      subnets: [],
    });
    expect(await network.getNetwork(created)).toEqual(created);
    expect((await network.getNetworks()).map((n) => n.id)).toContain(created.id);
    const renamed = await network.updateNetwork(created.id, { name: 'backend-2' });
    expect(renamed.name).toBe('backend-2');
    const put = cloud.requests.find((r) => r.method === 'PUT')!;
    expect(await jsonBody(put)).toEqual({ network: { name: 'backend-2' } });
    await network.destroyNetwork(created);
    await expect(network.getNetwork(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('adds a subnet with pools, nameservers and routes, lists it per network, updates and destroys it', async () => {
    const net = await network.createNetwork({ name: 'app' });
    const subnet = await network.createSubnet({
      network: net,
      cidr: '192.168.10.0/24',
      name: 'app-v4',
      allocationPools: [{ start: '192.168.10.50', end: '192.168.10.99' }],
      dnsNameservers: ['192.168.10.2'],
      hostRoutes: [{ destination: '10.0.0.0/8', nexthop: '192.168.10.1' }],
    });
    const post = cloud.requests.find((r) => r.method === 'POST' && r.url.pathname.endsWith('/subnets'))!;
    expect((await jsonBody(post)).subnet).toMatchObject({
      network_id: net.id,
      cidr: '192.168.10.0/24',
      ip_version: 4,
    });
    expect(subnet).toMatchObject({
      provider: c.name,
      networkId: net.id,
      ipVersion: 4,
      cidr: '192.168.10.0/24',
      gatewayIp: '192.168.10.1',
      allocationPools: [{ start: '192.168.10.50', end: '192.168.10.99' }],
      dnsNameservers: ['192.168.10.2'],
      hostRoutes: [{ destination: '10.0.0.0/8', nexthop: '192.168.10.1' }],
    });
    expect((await network.getNetwork(net)).subnets).toEqual([subnet.id]);
    expect(await network.getSubnets({ network: net })).toEqual([subnet]);
    expect(neutron.calls).toContain(`GET /subnets?network_id=${net.id}`);
    expect((await network.updateSubnet(subnet, { name: 'renamed', dnsNameservers: [] })).name).toBe(
      'renamed',
    );
    await network.destroySubnet(subnet.id);
    await expect(network.getSubnet(subnet)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates ports with addresses and security groups, finds them by network and device, and destroys them', async () => {
    const net = await network.createNetwork({ name: 'ports' });
    const subnet = await network.createSubnet({ network: net.id, cidr: '10.20.0.0/24' });
    const group = await network.createSecurityGroup({ name: 'web' });
    const port = await network.createPort({
      network: net,
      name: 'db-1',
      fixedIps: [{ subnetId: subnet.id, ipAddress: '10.20.0.5' }],
      securityGroups: [group],
    });
    expect(port).toMatchObject({
      provider: c.name,
      name: 'db-1',
      networkId: net.id,
      status: 'DOWN',
      providerStatus: 'DOWN',
      fixedIps: [{ subnetId: subnet.id, ipAddress: '10.20.0.5' }],
      securityGroups: [group.id],
      deviceId: '',
    });
    const used = await network.createPort({ network: net, deviceId: 'server-1' });
    expect(used.status).toBe('ACTIVE');
    expect(used.fixedIps).toHaveLength(1);
    expect((await network.getPorts({ network: net })).map((p) => p.id).sort()).toEqual(
      [port.id, used.id].sort(),
    );
    expect((await network.getPorts({ deviceId: 'server-1' })).map((p) => p.id)).toEqual([used.id]);
    expect((await network.updatePort(port, { name: 'db-one', securityGroups: [] })).securityGroups).toEqual(
      [],
    );
    expect(await network.getPort(port.id)).toMatchObject({ name: 'db-one', securityGroups: [] });
    await expect(network.destroyNetwork(net)).rejects.toBeInstanceOf(ConflictError);
    await network.destroyPort(port);
    await network.destroyPort(used.id);
    await network.destroyNetwork(net);
    await expect(network.getPort(port)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('manages security groups and their ingress rules', async () => {
    const group = await network.createSecurityGroup({ name: 'ssh', description: 'admin access' });
    expect(group).toMatchObject({ provider: c.name, name: 'ssh', description: 'admin access' });
    const rule = await network.createSecurityGroupRule({
      securityGroup: group,
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
      remoteIpPrefix: '203.0.113.0/24',
    });
    const post = cloud.requests.find((r) => r.url.pathname.endsWith('/security-group-rules'))!;
    expect((await jsonBody(post)).security_group_rule).toMatchObject({
      security_group_id: group.id,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '203.0.113.0/24',
    });
    expect(rule).toEqual({
      provider: c.name,
      id: rule.id,
      securityGroupId: group.id,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
      remoteIpPrefix: '203.0.113.0/24',
      remoteGroupId: undefined,
    });
    const ingress = (await network.getSecurityGroup(group.id)).rules.filter((r) => r.direction === 'ingress');
    expect(ingress).toEqual([rule]);
    expect((await network.getSecurityGroupRules({ securityGroup: group })).map((r) => r.id)).toContain(
      rule.id,
    );
    expect((await network.getSecurityGroups()).map((g) => g.name)).toContain('ssh');
    await network.destroySecurityGroupRule(rule);
    expect((await network.getSecurityGroup(group)).rules.filter((r) => r.direction === 'ingress')).toEqual(
      [],
    );
    await network.destroySecurityGroup(group);
    await expect(network.getSecurityGroup(group)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects bad input before sending anything', async () => {
    await expect(network.createSubnet({ network: 'n-1', cidr: '10.0.0.0/33' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(network.createSubnet({ network: '', cidr: '10.0.0.0/24' })).rejects.toMatchObject({
      field: 'network',
    });
    await expect(
      network.createSecurityGroupRule({
        securityGroup: SG,
        protocol: 'tcp',
        portRangeMin: 90,
        portRangeMax: 80,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      network.createSecurityGroupRule({ securityGroup: SG, protocol: 'carrier-pigeon' as 'tcp' }),
    ).rejects.toMatchObject({ field: 'protocol' });
    await expect(network.createPort({ network: { id: '' } })).rejects.toMatchObject({ field: 'network' });
    await expect(network.getNetwork('')).rejects.toBeInstanceOf(ValidationError);
    expect(cloud.requests).toEqual([]);
  });

  it('uses the region it was given', async () => {
    const other = createFakeNeutron({ baseUrl: c.endpoints('RegionTwo').network, flavour: c.name });
    cloud.use(...other.handlers);
    await c.network('RegionTwo').getNetworks();
    expect([other.calls, neutron.calls]).toEqual([['GET /networks'], []]);
  });
});

describe('provider differences, as typed capabilities', () => {
  it('OpenStack has floating IPs: allocate on the external network, associate, disassociate, release', async () => {
    const neutron = createFakeNeutron({ baseUrl: OPENSTACK.endpoints().network });
    cloud.use(...neutron.handlers);
    const network = OPENSTACK.network();
    expect(network.capabilities).toMatchObject({ floatingIps: true, egressRules: true, routers: true });
    const external = (await network.getNetworks()).find((n) => n.external)!;
    const net = await network.createNetwork({ name: 'private' });
    await network.createSubnet({ network: net, cidr: '10.30.0.0/24' });
    const port = await network.createPort({ network: net });
    const fip = await network.floatingIps.create({ network: external });
    expect(fip).toMatchObject({
      provider: 'openstack',
      floatingNetworkId: external.id,
      status: 'DOWN',
      portId: undefined,
    });
    const associated = await network.floatingIps.associate(fip.id, port);
    expect(associated).toMatchObject({
      status: 'ACTIVE',
      portId: port.id,
      fixedIpAddress: port.fixedIps[0]!.ipAddress,
    });
    expect(await network.floatingIps.list({ port })).toEqual([associated]);
    expect(await network.floatingIps.get(fip.id)).toEqual(associated);
    expect((await network.floatingIps.disassociate(fip.id)).portId).toBeUndefined();
    await network.floatingIps.destroy(fip.id);
    await expect(network.floatingIps.get(fip.id)).rejects.toBeInstanceOf(NotFoundError);
    const egress = await network.createSecurityGroupRule({
      securityGroup: await network.createSecurityGroup({ name: 'out' }),
      direction: 'egress',
      protocol: 'udp',
      portRangeMin: 53,
      portRangeMax: 53,
    });
    expect(egress.direction).toBe('egress');
  });

  it('Rackspace Cloud Networks has no floating IPs, routers, egress rules or down networks', async () => {
    const neutron = createFakeNeutron({ baseUrl: RACKSPACE.endpoints().network, flavour: 'rackspace' });
    cloud.use(...RACKSPACE.identity, ...neutron.handlers);
    const network = RACKSPACE.network();
    expect(network.capabilities).toEqual({
      floatingIps: false,
      routers: false,
      egressRules: false,
      securityGroupsOnIsolatedNetworks: false,
      updateAdminState: false,
      sharedNetworks: false,
    });
    expect(network.floatingIps).toBeUndefined();
    await expect(
      network.createSecurityGroupRule({ securityGroup: 'g', direction: 'egress', protocol: 'tcp' }),
    ).rejects.toMatchObject({ field: 'direction', message: 'rackspace does not support egress rules' });
    await expect(network.createNetwork({ name: 'x', adminStateUp: false })).rejects.toMatchObject({
      field: 'adminStateUp',
    });
    await expect(network.updateNetwork('n', { adminStateUp: true })).rejects.toBeInstanceOf(ValidationError);
    await expect(network.createNetwork({ name: 'x', shared: true })).rejects.toMatchObject({
      field: 'shared',
    });
    expect(cloud.requests).toEqual([]);
    const names = (await network.getNetworks()).map((n) => [n.id, n.name]);
    expect(names).toEqual([
      ['00000000-0000-0000-0000-000000000000', 'public'],
      ['11111111-1111-1111-1111-111111111111', 'private'],
    ]);
    expect(neutron.calls).toEqual(['GET /networks']);
    const token = cloud.requests.find((r) => r.url.pathname.endsWith('/tokens'))!;
    expect(token.url.href).toBe('https://identity.mock.test/v2.0/tokens');
  });
});

/**
 * Against a real Neutron: a network with a subnet, a router to the external network, a security
 * group with rules, ports and a floating IP; lists with filters and paging, tags, compare-and-swap
 * updates, quotas and extensions; everything deleted afterwards, and checked to be gone.
 */
import { toArray } from '@cloud/core';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  addNetworkingTag,
  addRouterInterface,
  associateNetworkFloatingIp,
  createNetwork,
  createNetworkFloatingIp,
  createNetworkSecurityGroup,
  createNetworkSecurityGroupRule,
  createPort,
  createPorts,
  createRouter,
  createSubnet,
  deleteNetwork,
  deleteNetworkFloatingIp,
  deleteNetworkSecurityGroup,
  deletePort,
  deleteRouter,
  deleteSubnet,
  disassociateNetworkFloatingIp,
  getNetwork,
  getNetworkFloatingIp,
  getNetworkIpAvailability,
  getNetworkingTags,
  getNetworkQuotas,
  getNetworkQuotaUsage,
  getNetworkSecurityGroup,
  getPort,
  hasNetworkExtension,
  listNetworkAvailabilityZones,
  listNetworkExtensions,
  listNetworkFloatingIps,
  listNetworkSecurityGroups,
  listNetworks,
  listPorts,
  listRouters,
  listSubnets,
  type Network,
  NetworkRevisionConflictError,
  type NetworkSecurityGroup,
  type Port,
  type Router,
  removeNetworkingTag,
  removeRouterInterface,
  replaceNetworkingTags,
  type Subnet,
  setNetworkingTags,
  updateNetwork,
  updatePort,
  updateRouter,
  waitForNetworkFloatingIpDeleted,
  waitForNetworkFloatingIpStatus,
  waitForPortDeleted,
  waitForPortStatus,
  waitForRouterDeleted,
  waitForRouterStatus,
} from '../../src/index.js';
import { Cleanup, describeLive, live, liveAdmin, liveClient, RUN } from './env.js';

const cleanup = new Cleanup();
const octet = 16 + (Date.now() % 200);
const CIDR = `10.${octet}.${Date.now() % 250}.0/24`;

describeLive('network (real Neutron)', () => {
  const network = live ? liveClient() : (undefined as never);
  let external: Network;
  let net: Network;
  let subnet: Subnet;
  let router: Router;
  let sg: NetworkSecurityGroup;
  let port: Port;

  beforeAll(async () => {
    const ext = await toArray(listNetworks(network, { routerExternal: true }));
    expect(ext.length).toBeGreaterThan(0);
    external = ext[0]!;
  });

  afterAll(async () => {
    const failures = await cleanup.runAll();
    expect(failures).toEqual([]);
    // nothing of this run is left
    expect(await toArray(listNetworks(network, { tagsAny: [RUN] }))).toEqual([]);
    expect(await toArray(listPorts(network, { name: [`${RUN}-a`, `${RUN}-b`, `${RUN}-c`] }))).toEqual([]);
    expect(await toArray(listRouters(network, { name: `${RUN}-router` }))).toEqual([]);
    expect(await toArray(listNetworkSecurityGroups(network, { name: `${RUN}-sg` }))).toEqual([]);
  });

  it('detects extensions', async () => {
    const aliases = new Set((await toArray(listNetworkExtensions(network))).map((e) => e.alias));
    expect(aliases.has('router')).toBe(true);
    expect(await hasNetworkExtension(network, 'router')).toBe(true);
    expect(await hasNetworkExtension(network, `no-such-${RUN}`)).toBe(false);
  });

  it('creates a network and an IPv4 subnet, and finds them with filters', async () => {
    net = await createNetwork(network, {
      name: `${RUN}-net`,
      description: 'sdk integration',
      portSecurityEnabled: true,
    });
    cleanup.add('network', () => deleteNetwork(network, net.id));
    expect(net).toMatchObject({
      name: `${RUN}-net`,
      adminStateUp: true,
      shared: false,
      portSecurityEnabled: true,
    });
    subnet = await createSubnet(network, {
      networkId: net.id,
      name: `${RUN}-subnet`,
      cidr: CIDR,
      enableDhcp: false,
      dnsNameservers: ['192.0.2.53'],
      allocationPools: [{ start: CIDR.replace('0/24', '10'), end: CIDR.replace('0/24', '100') }],
      hostRoutes: [{ destination: '192.168.77.0/24', nexthop: CIDR.replace('0/24', '254') }],
    });
    cleanup.add('subnet', () => deleteSubnet(network, subnet.id));
    expect(subnet).toMatchObject({
      cidr: CIDR,
      ipVersion: 4,
      gatewayIp: CIDR.replace('0/24', '1'),
      enableDhcp: false,
    });
    expect(subnet.dnsNameservers).toEqual(['192.0.2.53']);
    expect(subnet.hostRoutes).toHaveLength(1);

    const found = await toArray(listSubnets(network, { networkId: net.id, ipVersion: 4 }));
    expect(found.map((s) => s.id)).toEqual([subnet.id]);
    const byName = await toArray(
      listNetworks(network, { name: [`${RUN}-net`, 'no-such-name'], fields: ['id', 'name'] }),
    );
    expect(byName).toEqual([expect.objectContaining({ id: net.id, name: `${RUN}-net` })]);
  });

  it('tags: add, merge, remove, replace, and filter by tag', async () => {
    await addNetworkingTag(network, 'networks', net.id, RUN);
    expect((await setNetworkingTags(network, 'networks', net.id, ['blue', 'red'])).sort()).toEqual(
      ['blue', 'red', RUN].sort(),
    );
    await removeNetworkingTag(network, 'networks', net.id, 'red');
    expect((await getNetworkingTags(network, 'networks', net.id)).sort()).toEqual(['blue', RUN].sort());
    expect((await replaceNetworkingTags(network, 'networks', net.id, [RUN, 'green'])).sort()).toEqual(
      ['green', RUN].sort(),
    );
    const tagged = await toArray(listNetworks(network, { tags: [RUN, 'green'] }));
    expect(tagged.map((n) => n.id)).toEqual([net.id]);
    expect(await toArray(listNetworks(network, { tags: [RUN], notTagsAny: ['green'] }))).toEqual([]);
  });

  it('updates with a revision check: the current revision wins, a stale one is a typed conflict', async () => {
    const current = await getNetwork(network, net.id);
    expect(current.revisionNumber).toEqual(expect.any(Number));
    const updated = await updateNetwork(network, net.id, {
      description: 'renamed once',
      ifRevision: current.revisionNumber,
    });
    expect(updated.description).toBe('renamed once');
    expect(updated.revisionNumber).toBeGreaterThan(current.revisionNumber!);
    const stale = await updateNetwork(network, net.id, {
      description: 'lost race',
      ifRevision: current.revisionNumber,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(NetworkRevisionConflictError);
    expect((await getNetwork(network, net.id)).description).toBe('renamed once');
  });

  it('creates a security group with ingress/egress rules', async () => {
    sg = await createNetworkSecurityGroup(network, { name: `${RUN}-sg`, description: 'ssh and ping' });
    cleanup.add('security group', () => deleteNetworkSecurityGroup(network, sg.id));
    expect(sg.rules.every((r) => r.direction === 'egress')).toBe(true);
    await createNetworkSecurityGroupRule(network, {
      securityGroupId: sg.id,
      direction: 'ingress',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
      remoteIpPrefix: '198.51.100.0/24',
    });
    await createNetworkSecurityGroupRule(network, {
      securityGroupId: sg.id,
      direction: 'ingress',
      protocol: 'icmp',
    });
    await createNetworkSecurityGroupRule(network, {
      securityGroupId: sg.id,
      direction: 'ingress',
      ethertype: 'IPv6',
      protocol: 'udp',
      portRangeMin: 5000,
      portRangeMax: 5010,
      remoteGroupId: sg.id,
    });
    const read = await getNetworkSecurityGroup(network, sg.id);
    const ingress = read.rules.filter((r) => r.direction === 'ingress');
    expect(ingress).toHaveLength(3);
    expect(ingress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          protocol: 'tcp',
          portRangeMin: 22,
          portRangeMax: 22,
          remoteIpPrefix: '198.51.100.0/24',
        }),
        expect.objectContaining({ protocol: 'udp', ethertype: 'IPv6', remoteGroupId: sg.id }),
      ]),
    );
  });

  it('creates ports (one, then two in bulk), lists them with filters and paging, updates with a revision', async () => {
    port = await createPort(network, {
      networkId: net.id,
      name: `${RUN}-a`,
      fixedIps: [{ subnetId: subnet.id, ipAddress: CIDR.replace('0/24', '20') }],
      securityGroups: [sg.id],
      allowedAddressPairs: [{ ipAddress: CIDR.replace('0/24', '250') }],
      vnicType: 'normal',
    });
    cleanup.add('port a', async () => {
      await deletePort(network, port.id);
      await waitForPortDeleted(network, port.id, { minDelayMs: 200, timeoutMs: 30_000 });
    });
    expect(port.fixedIps).toEqual([{ subnetId: subnet.id, ipAddress: CIDR.replace('0/24', '20') }]);
    expect(port.securityGroups).toEqual([sg.id]);
    const bulk = await createPorts(network, [
      { networkId: net.id, name: `${RUN}-b` },
      { networkId: net.id, name: `${RUN}-c`, portSecurityEnabled: false, securityGroups: [] },
    ]);
    for (const p of bulk) cleanup.add(`port ${p.name}`, () => deletePort(network, p.id));
    expect(bulk.map((p) => p.name)).toEqual([`${RUN}-b`, `${RUN}-c`]);

    const pages: number[] = [];
    for await (const page of listPorts(network, { networkId: net.id }).byPage({ limit: 1 }))
      pages.push(page.length);
    expect(pages).toEqual([1, 1, 1]);
    const bySubnet = await toArray(
      listPorts(network, { fixedIp: { subnetId: subnet.id, ipAddress: CIDR.replace('0/24', '20') } }),
    );
    expect(bySubnet.map((p) => p.id)).toEqual([port.id]);

    const unbound = await waitForPortStatus(network, port.id, 'DOWN', { minDelayMs: 200, timeoutMs: 30_000 });
    const renamed = await updatePort(network, port.id, {
      description: 'web',
      deviceOwner: 'sdk:test',
      ifRevision: unbound.revisionNumber,
    });
    expect(renamed).toMatchObject({ description: 'web', deviceOwner: 'sdk:test' });
    await expect(
      updatePort(network, port.id, { description: 'x', ifRevision: unbound.revisionNumber }),
    ).rejects.toBeInstanceOf(NetworkRevisionConflictError);
  });

  it('routes the network to the external network and gives the port a floating IP', async () => {
    router = await createRouter(network, {
      name: `${RUN}-router`,
      externalGateway: { networkId: external.id },
    });
    cleanup.add('router', async () => {
      await deleteRouter(network, router.id);
      await waitForRouterDeleted(network, router.id, { minDelayMs: 200, timeoutMs: 30_000 });
    });
    expect(router.externalGateway?.networkId).toBe(external.id);
    const ready = await waitForRouterStatus(network, router.id, 'ACTIVE', {
      minDelayMs: 200,
      timeoutMs: 60_000,
    });
    expect(ready.status).toBe('ACTIVE');
    const itf = await addRouterInterface(network, router.id, { subnetId: subnet.id });
    cleanup.add('router interface', () => removeRouterInterface(network, router.id, { subnetId: subnet.id }));
    expect(itf).toMatchObject({ id: router.id, subnetId: subnet.id });
    expect((await getPort(network, itf.portId)).deviceOwner).toBe('network:router_interface');
    const withRoute = await updateRouter(network, router.id, {
      routes: [{ destination: '192.168.99.0/24', nexthop: CIDR.replace('0/24', '30') }],
    });
    expect(withRoute.routes).toEqual([
      { destination: '192.168.99.0/24', nexthop: CIDR.replace('0/24', '30') },
    ]);
    await updateRouter(network, router.id, { routes: [] });

    const fip = await createNetworkFloatingIp(network, { floatingNetworkId: external.id, description: RUN });
    cleanup.add('floating IP', async () => {
      await deleteNetworkFloatingIp(network, fip.id);
      await waitForNetworkFloatingIpDeleted(network, fip.id, { minDelayMs: 200, timeoutMs: 30_000 });
    });
    expect(fip.portId).toBeUndefined();
    const associated = await associateNetworkFloatingIp(network, fip.id, port.id);
    expect(associated).toMatchObject({
      portId: port.id,
      fixedIpAddress: CIDR.replace('0/24', '20'),
      routerId: router.id,
    });
    // without L3 agents the status may stay DOWN; either is a settled state
    const settled = await waitForNetworkFloatingIpStatus(network, fip.id, ['ACTIVE', 'DOWN'], {
      minDelayMs: 200,
      timeoutMs: 30_000,
    });
    expect(['ACTIVE', 'DOWN']).toContain(settled.status);
    expect((await toArray(listNetworkFloatingIps(network, { portId: port.id }))).map((f) => f.id)).toEqual([
      fip.id,
    ]);
    const released = await disassociateNetworkFloatingIp(network, fip.id);
    expect(released.portId).toBeUndefined();
    expect((await getNetworkFloatingIp(network, fip.id)).portId).toBeUndefined();
  });

  it('reads quotas with usage, availability zones and IP availability', async () => {
    const projectId = process.env.CLOUD_IT_PROJECT_ID ?? net.projectId!;
    const quotas = await getNetworkQuotas(network, projectId);
    expect(quotas.network).toEqual(expect.any(Number));
    const usage = await getNetworkQuotaUsage(network, projectId);
    expect(usage.network!.used).toBeGreaterThanOrEqual(1);
    expect(usage.port!.used).toBeGreaterThanOrEqual(3);
    const zones = await toArray(listNetworkAvailabilityZones(network));
    expect(Array.isArray(zones)).toBe(true);
    // IP availability is for administrators by default policy (others get a 404)
    if (!liveAdmin) return;
    const availability = await getNetworkIpAvailability(liveClient(true), net.id);
    expect(availability).toMatchObject({ networkId: net.id, networkName: `${RUN}-net` });
    expect(availability.usedIps).toBeGreaterThanOrEqual(3);
    expect(availability.subnets).toEqual([
      expect.objectContaining({ subnetId: subnet.id, cidr: CIDR, ipVersion: 4, totalIps: 91 }),
    ]);
  });
});

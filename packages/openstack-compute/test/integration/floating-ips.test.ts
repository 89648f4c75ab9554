/**
 * A server's floating IP in one call (`@cloud/openstack-network`'s assignServerFloatingIp and
 * releaseServerFloatingIps) against real Nova and Neutron: a private network and subnet, a router
 * with the seeded external network as gateway and an interface on the subnet, a server on the
 * network. Lives here because it needs both services; network is only a test dependency.
 *
 * The local Neutron runs no L3 agent: a floating IP is associated but stays DOWN, which is why
 * assignServerFloatingIp does not wait for ACTIVE unless asked.
 */
import { NotFoundError, toArray } from '@cloud/core';
import {
  addRouterInterface,
  assignServerFloatingIp,
  createNetwork,
  createRouter,
  createSubnet,
  deleteNetwork,
  deleteRouter,
  getNetworkFloatingIp,
  listNetworkFloatingIps,
  listServerPorts,
  type NetworkClient,
  releaseServerFloatingIps,
  removeRouterInterface,
  ServerPortError,
} from '@cloud/openstack-network';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  type ComputeClient,
  createServer,
  getServerAddresses,
  waitForServerStatus,
} from '../../src/index.js';
import { cleanUp, describeLive, liveCompute, liveNetwork, removeServer, seeded, uniqueName } from './env.js';

const QUICK = { timeoutMs: 180_000, minDelayMs: 500, maxDelayMs: 2_000 };

describeLive('a server and a floating IP on real Nova + Neutron', () => {
  let compute: ComputeClient;
  let network: NetworkClient;
  const undo: Array<() => Promise<unknown>> = [];
  let serverId: string;
  let bareServerId: string;
  let subnetId: string;

  beforeAll(async () => {
    compute = liveCompute({ microversion: '2.37' });
    network = liveNetwork();
    const external = seeded('CLOUD_IT_EXTERNAL_NETWORK_ID');
    const net = await createNetwork(network, { name: uniqueName('fip-net') });
    undo.unshift(() => deleteNetwork(network, net.id));
    const subnet = await createSubnet(network, {
      networkId: net.id,
      ipVersion: 4,
      cidr: '192.168.78.0/24',
      name: uniqueName('fip-subnet'),
    });
    subnetId = subnet.id;
    const router = await createRouter(network, {
      name: uniqueName('fip-router'),
      externalGateway: { networkId: external },
    });
    undo.unshift(() => deleteRouter(network, router.id));
    await addRouterInterface(network, router.id, { subnetId: subnet.id });
    undo.unshift(() => removeRouterInterface(network, router.id, { subnetId: subnet.id }));
    const boot = async (label: string, networks: Parameters<typeof createServer>[1]['networks']) => {
      const { id } = await createServer(compute, {
        name: uniqueName(label),
        flavor: seeded('CLOUD_IT_FLAVOR_ID'),
        image: seeded('CLOUD_IT_IMAGE_ID'),
        networks,
      });
      undo.unshift(() => removeServer(compute, id));
      return id;
    };
    [serverId, bareServerId] = await Promise.all([
      boot('fip', [{ network: net.id }]),
      boot('fip-bare', 'none'),
    ]);
    await Promise.all(
      [serverId, bareServerId].map((id) => waitForServerStatus(compute, id, 'ACTIVE', QUICK)),
    );
  });

  afterAll(async () => {
    // floating IPs this test allocated, in case an assertion failed before the release
    if (serverId) {
      await cleanUp([() => releaseServerFloatingIps(network, serverId, { delete: true })]);
    }
    await cleanUp(undo);
  });

  test('assigns a floating IP to the server port and releases it again', async () => {
    const [port, ...others] = await toArray(listServerPorts(network, serverId));
    expect(others).toEqual([]);
    expect(port?.fixedIps[0]?.subnetId).toBe(subnetId);

    // reuse: false: the project is shared with other tests, whose free floating IPs stay theirs
    const fip = await assignServerFloatingIp(network, serverId, {
      floatingNetworkId: seeded('CLOUD_IT_EXTERNAL_NETWORK_ID'),
      reuse: false,
    });
    expect(fip.floatingNetworkId).toBe(seeded('CLOUD_IT_EXTERNAL_NETWORK_ID'));
    expect(fip.portId).toBe(port?.id);
    expect(fip.fixedIpAddress).toBe(port?.fixedIps[0]?.ipAddress);
    // no L3 agent here: associated, but Neutron reports DOWN (ACTIVE where an agent runs)
    const read = await getNetworkFloatingIp(network, fip.id);
    expect(read.portId).toBe(port?.id);
    expect(['ACTIVE', 'DOWN']).toContain(read.status);
    const addresses = Object.values(await getServerAddresses(compute, serverId)).flat();
    expect(addresses.map((a) => a.address)).toContain(port?.fixedIps[0]?.ipAddress);

    // a second call finds the port's floating IP and changes nothing
    const again = await assignServerFloatingIp(network, serverId, {
      floatingNetworkId: seeded('CLOUD_IT_EXTERNAL_NETWORK_ID'),
    });
    expect(again.id).toBe(fip.id);

    const released = await releaseServerFloatingIps(network, serverId);
    expect(released.map((f) => f.id)).toEqual([fip.id]);
    expect((await getNetworkFloatingIp(network, fip.id)).portId).toBeUndefined();
    expect(await toArray(listNetworkFloatingIps(network, { portId: port!.id }))).toEqual([]);

    // the freed floating IP, given by id, goes back to the server
    const reused = await assignServerFloatingIp(network, serverId, { floatingIpId: fip.id });
    expect(reused).toMatchObject({ id: fip.id, portId: port?.id });
    const deleted = await releaseServerFloatingIps(network, serverId, { delete: true });
    expect(deleted.map((f) => f.id)).toEqual([fip.id]);
    await expect(getNetworkFloatingIp(network, fip.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('a server booted with networks "none" has no port to give a floating IP', async () => {
    const err = await assignServerFloatingIp(network, bareServerId, {
      floatingNetworkId: seeded('CLOUD_IT_EXTERNAL_NETWORK_ID'),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerPortError);
    expect((err as ServerPortError).problem).toBe('no-port');
  });
});

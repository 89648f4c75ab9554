/**
 * The `networks` of createServer against real Nova and Neutron: no network at all (`'none'`,
 * microversion 2.37), a network with a chosen fixed IP (the seeded shared network, where
 * Neutron's policy refuses it, and a network of the project), and a port made beforehand with
 * `@cloud/openstack-network` (a test-only dependency: compute's code does not use it).
 */
import { toArray, WaiterFailureError } from '@cloud/core';
import {
  createNetwork,
  createPort,
  createSubnet,
  deleteNetwork,
  deletePort,
  getPort,
  getSubnet,
  listPorts,
  type NetworkClient,
} from '@cloud/openstack-network';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  type ComputeClient,
  createServer,
  getServerAddresses,
  type Server,
  waitForServerStatus,
} from '../../src/index.js';
import { cleanUp, describeLive, liveCompute, liveNetwork, removeServer, seeded, uniqueName } from './env.js';

const QUICK = { timeoutMs: 180_000, minDelayMs: 500, maxDelayMs: 2_000 };

/** An address of the subnet's last allocation pool that no port holds yet. */
async function freeAddress(network: NetworkClient, subnetId: string): Promise<string> {
  const subnet = await getSubnet(network, subnetId);
  const pool = subnet.allocationPools.at(-1);
  if (!pool) throw new Error(`subnet ${subnetId} has no allocation pool`);
  const prefix = pool.end.split('.').slice(0, 3).join('.');
  const last = Number(pool.end.split('.')[3]);
  const first = pool.start.startsWith(`${prefix}.`) ? Number(pool.start.split('.')[3]) : 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = `${prefix}.${last - Math.floor(Math.random() * Math.min(100, last - first))}`;
    const used = await toArray(listPorts(network, { fixedIp: { subnetId, ipAddress: candidate } }));
    if (used.length === 0) return candidate;
  }
  throw new Error(`no free address found in ${pool.start}-${pool.end}`);
}

describeLive('createServer networks on real Nova + Neutron', () => {
  let compute: ComputeClient;
  let network: NetworkClient;
  const servers: string[] = [];
  const ports: string[] = [];
  const networks: string[] = [];

  beforeAll(() => {
    compute = liveCompute({ microversion: '2.37' });
    network = liveNetwork();
  });

  afterAll(async () => {
    await cleanUp([
      ...servers.map((id) => () => removeServer(compute, id)),
      ...ports.map((id) => () => deletePort(network, id)),
      ...networks.map((id) => () => deleteNetwork(network, id)),
    ]);
  });

  const boot = async (label: string, networks: Parameters<typeof createServer>[1]['networks']) => {
    const { id } = await createServer(compute, {
      name: uniqueName(label),
      flavor: seeded('CLOUD_IT_FLAVOR_ID'),
      image: seeded('CLOUD_IT_IMAGE_ID'),
      networks,
    });
    servers.push(id);
    await waitForServerStatus(compute, id, 'ACTIVE', QUICK);
    return id;
  };

  test("'none' boots a server without any port", async () => {
    const id = await boot('none', 'none');
    expect(await getServerAddresses(compute, id)).toEqual({});
    expect(await toArray(listPorts(network, { deviceId: id }))).toEqual([]);
  });

  test('{ network, fixedIp } on the seeded shared network: Neutron policy refuses the address', async () => {
    // Neutron's default policy (create_port:fixed_ips:ip_address) lets only the network's owner
    // or an administrator choose an address; the seeded network is the administrator's, shared.
    // Nova accepts the request (202) and the build fails on the compute host, so the server ends
    // in ERROR (nova-compute logs the policy refusal; the fault only says the retries ran out).
    const address = await freeAddress(network, seeded('CLOUD_IT_SUBNET_ID'));
    const { id } = await createServer(compute, {
      name: uniqueName('fixed-shared'),
      flavor: seeded('CLOUD_IT_FLAVOR_ID'),
      image: seeded('CLOUD_IT_IMAGE_ID'),
      networks: [{ network: seeded('CLOUD_IT_NETWORK_ID'), fixedIp: address }],
    });
    servers.push(id);
    const failure = await waitForServerStatus(compute, id, 'ACTIVE', QUICK).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WaiterFailureError);
    expect(((failure as WaiterFailureError).lastValue as Server).status).toBe('ERROR');
  });

  test('{ network, fixedIp } on a network of the project gives the server that address', async () => {
    const net = await createNetwork(network, { name: uniqueName('net') });
    networks.push(net.id);
    const subnet = await createSubnet(network, {
      networkId: net.id,
      ipVersion: 4,
      cidr: '192.168.77.0/24',
      name: uniqueName('subnet'),
    });
    const address = '192.168.77.77';
    const id = await boot('fixed', [{ network: net.id, fixedIp: address }]);
    const [port, ...more] = await toArray(listPorts(network, { deviceId: id }));
    expect(more).toEqual([]);
    expect(port?.networkId).toBe(net.id);
    expect(port?.fixedIps).toEqual([{ subnetId: subnet.id, ipAddress: address }]);
    const addresses = Object.values(await getServerAddresses(compute, id)).flat();
    expect(addresses.map((a) => a.address)).toEqual([address]);
  });

  test('{ port } boots on a port made with @cloud/openstack-network, which Nova binds', async () => {
    const port = await createPort(network, {
      networkId: seeded('CLOUD_IT_NETWORK_ID'),
      name: uniqueName('port'),
    });
    ports.push(port.id);
    expect(port.deviceId).toBe('');
    const id = await boot('port', [{ port: port.id }]);
    const bound = await getPort(network, port.id);
    expect(bound.deviceId).toBe(id);
    expect(bound.deviceOwner).toMatch(/^compute:/);
    const addresses = Object.values(await getServerAddresses(compute, id)).flat();
    expect(addresses.map((a) => a.address)).toEqual(port.fixedIps.map((f) => f.ipAddress));
  });
});

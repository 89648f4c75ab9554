/**
 * A private network behind a router to the external network, a server on it and a floating IP,
 * all deleted again at the end (also when a step fails).
 *
 * Needs a cloud with Neutron and Nova: OS_AUTH_URL or OS_CLOUD (credentials from OS_* variables
 * or clouds.yaml). The external network is the first one with `router:external=true`; optional:
 * EXAMPLE_FLAVOR (flavor id; default: the smallest) and EXAMPLE_IMAGE (image UUID). There is no in-process fake of
 * Neutron yet, so without a cloud the example only says so.
 *
 *   pnpm run example:network
 */
import { createSession, toArray } from '@cloud/core';
import {
  createComputeClient,
  createServer,
  deleteServer,
  listFlavorsDetail,
  listImagesDetail,
  waitForServerDeleted,
  waitForServerStatus,
} from '@cloud/openstack-compute';
import {
  addRouterInterface,
  assignServerFloatingIp,
  createNetwork,
  createNetworkClient,
  createNetworkSecurityGroup,
  createNetworkSecurityGroupRule,
  createPort,
  createRouter,
  createSubnet,
  deleteNetwork,
  deleteNetworkSecurityGroup,
  deletePort,
  deleteRouter,
  deleteSubnet,
  listNetworks,
  releaseServerFloatingIps,
  removeRouterInterface,
} from '@cloud/openstack-network';

const live = Boolean(process.env.OS_AUTH_URL || process.env.OS_CLOUD);

/** Cleanup steps, run in reverse order; each failure is reported and the rest still run. */
const undo: { what: string; run: () => Promise<unknown> }[] = [];

async function main(): Promise<void> {
  if (!live) {
    console.log('OS_AUTH_URL and OS_CLOUD are not set: this example needs a cloud with Neutron and Nova.');
    return;
  }
  const session = createSession();
  const network = createNetworkClient(session);
  const compute = createComputeClient(session);
  const name = `example-${Date.now().toString(36)}`;
  try {
    const [external] = await toArray(listNetworks(network, { routerExternal: true }), { max: 1 });
    if (!external) throw new Error('The cloud has no external network (router:external=true)');
    console.log(`External network: ${external.name} (${external.id})`);

    const net = await createNetwork(network, { name: `${name}-net` });
    undo.push({ what: `network ${net.id}`, run: () => deleteNetwork(network, net.id) });
    const subnet = await createSubnet(network, {
      networkId: net.id,
      name: `${name}-subnet`,
      cidr: '10.42.0.0/24',
    });
    undo.push({ what: `subnet ${subnet.id}`, run: () => deleteSubnet(network, subnet.id) });
    console.log(`Private network ${net.name} with subnet ${subnet.cidr}`);

    const router = await createRouter(network, {
      name: `${name}-router`,
      externalGateway: { networkId: external.id },
    });
    undo.push({ what: `router ${router.id}`, run: () => deleteRouter(network, router.id) });
    await addRouterInterface(network, router.id, { subnetId: subnet.id });
    undo.push({
      what: 'router interface',
      run: () => removeRouterInterface(network, router.id, { subnetId: subnet.id }),
    });
    console.log(`Router ${router.name} connects it to ${external.name}`);

    const sg = await createNetworkSecurityGroup(network, { name: `${name}-ssh` });
    undo.push({ what: `security group ${sg.id}`, run: () => deleteNetworkSecurityGroup(network, sg.id) });
    await createNetworkSecurityGroupRule(network, {
      securityGroupId: sg.id,
      direction: 'ingress',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
    });
    const port = await createPort(network, {
      networkId: net.id,
      name: `${name}-port`,
      securityGroups: [sg.id],
    });
    undo.push({ what: `port ${port.id}`, run: () => deletePort(network, port.id) });

    // the smallest flavor (by disk, then RAM), unless one is given
    const flavors = await toArray(listFlavorsDetail(compute));
    flavors.sort((a, b) => a.disk - b.disk || a.ram - b.ram);
    const flavor = process.env.EXAMPLE_FLAVOR ?? flavors[0]?.id;
    const image =
      process.env.EXAMPLE_IMAGE ??
      (await toArray(listImagesDetail(compute, { status: 'ACTIVE' }), { max: 1 }))[0]?.id;
    if (!flavor || !image) throw new Error('No flavor or image found; set EXAMPLE_FLAVOR and EXAMPLE_IMAGE');
    const created = await createServer(compute, { name, flavor, image, networks: [{ port: port.id }] });
    undo.push({
      what: `server ${created.id}`,
      run: async () => {
        await deleteServer(compute, created.id);
        await waitForServerDeleted(compute, created.id, { timeoutMs: 5 * 60_000 });
      },
    });
    const server = await waitForServerStatus(compute, created.id, 'ACTIVE', { timeoutMs: 15 * 60_000 });
    console.log(`Server ${server.name} is ${server.status} on port ${port.fixedIps[0]?.ipAddress}`);

    // finds the server's port, reuses a free floating IP of the project or allocates one, associates it
    const fip = await assignServerFloatingIp(network, server.id, { floatingNetworkId: external.id });
    undo.push({
      what: `floating IP ${fip.id}`,
      run: () => releaseServerFloatingIps(network, server.id, { delete: true }),
    });
    console.log(`Floating IP ${fip.floatingIpAddress} -> ${fip.fixedIpAddress} (${fip.status})`);
  } finally {
    console.log('Cleaning up');
    while (undo.length) {
      const step = undo.pop()!;
      try {
        await step.run();
      } catch (error) {
        console.error(
          `  could not delete ${step.what}: ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = 1;
      }
    }
    console.log('Done');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});

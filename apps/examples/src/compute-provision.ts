/**
 * Provisions a server, waits until it is ACTIVE, reads its addresses, then deletes it and waits
 * until it is gone.
 *
 * With OS_AUTH_URL or OS_CLOUD set it runs against your cloud (OpenStack Nova or Rackspace Next
 * Generation Cloud Servers; credentials from OS_* variables or clouds.yaml). Optional:
 * EXAMPLE_FLAVOR (flavor id; default: the first flavor listed), EXAMPLE_IMAGE (image UUID;
 * default: the first ACTIVE image listed) and EXAMPLE_NETWORK (network UUID, for clouds with
 * several networks). Otherwise it runs against an in-process fake of the compute service.
 *
 *   pnpm run example:compute
 */
import { createSession, fromToken, type Session, toArray } from '@cloud/core';
import {
  type ComputeClient,
  createComputeClient,
  createServer,
  deleteServer,
  getServerAddresses,
  listFlavors,
  listImagesDetail,
  waitForServerDeleted,
  waitForServerStatus,
} from '@cloud/openstack-compute';
import { createFakeNova } from '@cloud/testing/compute';
import { setupServer } from 'msw/node';

const live = Boolean(process.env.OS_AUTH_URL || process.env.OS_CLOUD);

/** A session against the user's cloud, or against the fake with the mock server it needs. */
function connect(): { session: Session; close: () => void } {
  if (live) return { session: createSession(), close: () => {} };
  const nova = createFakeNova({ buildPolls: 2 });
  const server = setupServer(...nova.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  return {
    session: createSession({
      credentials: fromToken({ token: 'example-token' }),
      endpointOverrides: { compute: nova.baseUrl },
    }),
    close: () => server.close(),
  };
}

async function pickFlavor(compute: ComputeClient): Promise<string> {
  if (process.env.EXAMPLE_FLAVOR) return process.env.EXAMPLE_FLAVOR;
  const [first] = await toArray(listFlavors(compute), { max: 1 });
  if (!first) throw new Error('The cloud lists no flavors; set EXAMPLE_FLAVOR');
  return first.id;
}

async function pickImage(compute: ComputeClient): Promise<string> {
  if (process.env.EXAMPLE_IMAGE) return process.env.EXAMPLE_IMAGE;
  for await (const image of listImagesDetail(compute, { status: 'ACTIVE' })) return image.id;
  throw new Error('The cloud lists no ACTIVE image; set EXAMPLE_IMAGE');
}

async function main(): Promise<void> {
  console.log(
    live
      ? 'Using your cloud (OS_AUTH_URL / OS_CLOUD).'
      : 'OS_AUTH_URL and OS_CLOUD are not set: using an in-process mock compute service.',
  );
  const { session, close } = connect();
  const compute = createComputeClient(session);
  const waits = live ? { timeoutMs: 15 * 60_000 } : { minDelayMs: 10, maxDelayMs: 50 };
  let serverId: string | undefined;
  try {
    const [flavor, image] = await Promise.all([pickFlavor(compute), pickImage(compute)]);
    const name = `example-${Date.now().toString(36)}`;
    const network = process.env.EXAMPLE_NETWORK;
    console.log(`Creating server ${name} (flavor ${flavor}, image ${image})`);
    const created = await createServer(compute, {
      name,
      flavor,
      image,
      metadata: { createdBy: 'cloud-sdk-example' },
      ...(network ? { networks: [{ network }] } : {}),
    });
    serverId = created.id;
    console.log(`Server ${serverId} accepted; waiting for ACTIVE`);

    const server = await waitForServerStatus(compute, serverId, 'ACTIVE', waits);
    console.log(`Server ${server.name} is ${server.status}`);
    for (const [net, ips] of Object.entries(await getServerAddresses(compute, serverId))) {
      console.log(`  ${net}: ${ips.map((ip) => `${ip.address} (IPv${ip.version})`).join(', ')}`);
    }
  } finally {
    if (serverId) {
      console.log(`Deleting server ${serverId}`);
      await deleteServer(compute, serverId);
      await waitForServerDeleted(compute, serverId, waits);
      console.log('Server deleted');
    }
    close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});

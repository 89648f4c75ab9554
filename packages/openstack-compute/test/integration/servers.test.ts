/**
 * The server lifecycle against real Nova (fake virt driver) behind the local Keystone, every
 * endpoint found through the catalog with the demo user's token. Run by
 * `bash tooling/openstack/with-openstack.sh --services compute,block-storage pnpm --filter @cloud/openstack-compute test:integration`.
 *
 * What the fake driver cannot do stays on fixtures (test/servers.test.ts, test/actions.test.ts):
 * a snapshot image never becomes active (the driver uploads nothing, the Glance image stays
 * queued), so only the image record of createServerImage is checked here.
 */
import { generateKeyPairSync } from 'node:crypto';
import { ConflictError, NotFoundError, toArray, WaiterFailureError } from '@cloud/core';
import { pollUntilGone } from '@cloud/core/service';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  attachVolume,
  type ComputeClient,
  confirmServerResize,
  createServer,
  createServerImage,
  deleteImage,
  deleteKeypair,
  deleteServer,
  deleteServerMetadataItem,
  detachVolume,
  getImage,
  getServer,
  getServerAddresses,
  getServerMetadata,
  getServerMetadataItem,
  importKeypair,
  listServers,
  listServersDetail,
  listVolumeAttachments,
  pauseServer,
  rebootServer,
  rebuildServer,
  resizeServer,
  revertServerResize,
  type Server,
  setServerMetadataItem,
  startServer,
  stopServer,
  unpauseServer,
  waitForServerDeleted,
  waitForServerStatus,
} from '../../src/index.js';
import {
  cleanUp,
  createAvailableVolume,
  createPort,
  describeLive,
  liveCompute,
  removePort,
  removeServer,
  removeVolume,
  seeded,
  uniqueName,
  waitForVolumeStatus,
} from './env.js';

const QUICK = { timeoutMs: 180_000, minDelayMs: 500, maxDelayMs: 2_000 };

/** An OpenSSH public key line for a fresh Ed25519 key. */
function sshPublicKey(comment: string): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const withLength = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const blob = Buffer.concat([withLength(Buffer.from('ssh-ed25519')), withLength(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

/** Waits until the server has `status` and no task in progress (an action has finished). */
const settled = (compute: ComputeClient, id: string, status: string): Promise<Server> =>
  waitForServerStatus(compute, id, status, QUICK).then(async (s) => {
    if (!s.taskState) return s;
    // The status can already read ACTIVE while the last step of a task finishes.
    for (let i = 0; i < 60; i++) {
      const now = await getServer(compute, id);
      if (now.status === status && !now.taskState) return now;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`server ${id} kept task ${s.taskState}`);
  });

describeLive('server lifecycle on real Nova', () => {
  let compute: ComputeClient;
  const keyName = uniqueName('key');
  const prefix = uniqueName('srv');
  const servers: string[] = [];
  const images: string[] = [];
  const ports: string[] = [];
  const volumes: string[] = [];
  let a: string;
  let b: string;

  beforeAll(async () => {
    compute = liveCompute();
    await importKeypair(compute, { name: keyName, publicKey: sshPublicKey('sdk-it') });
    const boot = (name: string) =>
      createServer(compute, {
        name,
        flavor: seeded('CLOUD_IT_FLAVOR_ID'),
        image: seeded('CLOUD_IT_IMAGE_ID'),
        keyName,
        networks: [{ uuid: seeded('CLOUD_IT_NETWORK_ID') }],
        metadata: { role: 'web', tier: 'front' },
      });
    const created = await Promise.all([boot(`${prefix}-a`), boot(`${prefix}-b`)]);
    a = created[0].id;
    b = created[1].id;
    servers.push(a, b);
    await Promise.all(servers.map((id) => waitForServerStatus(compute, id, 'ACTIVE', QUICK)));
  });

  afterAll(async () => {
    await cleanUp([
      ...volumes.map((id) => () => removeVolume(id)),
      ...servers.map((id) => () => removeServer(compute, id)),
      ...ports.map((id) => () => removePort(id)),
      ...images.map((id) => () => deleteImage(compute, id)),
      () => deleteKeypair(compute, keyName),
    ]);
  });

  test('a server boots on the Neutron network with the keypair and becomes ACTIVE', async () => {
    const server = await getServer(compute, a);
    expect(server).toMatchObject({ id: a, name: `${prefix}-a`, status: 'ACTIVE', keyName });
    expect(server.flavor.id).toBe(seeded('CLOUD_IT_FLAVOR_ID'));
    expect(server.image?.id).toBe(seeded('CLOUD_IT_IMAGE_ID'));
    const addresses = await getServerAddresses(compute, a);
    expect(addresses['cloud-it-net']?.[0]?.address).toMatch(/^10\.42\.0\.\d+$/);
    // The detail adds the port's MAC address and the address type to what /ips reports.
    expect(server.addresses['cloud-it-net']?.[0]).toMatchObject({
      ...addresses['cloud-it-net']?.[0],
      type: 'fixed',
      macAddress: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/),
    });
  });

  test('lists servers with a name filter, one per page', async () => {
    const pages: string[][] = [];
    for await (const page of listServers(compute, { name: prefix, limit: 1 }).byPage()) {
      pages.push(page.map((s) => s.id));
    }
    expect(pages.filter((p) => p.length > 0)).toHaveLength(2);
    expect(pages.every((p) => p.length <= 1)).toBe(true);
    expect(pages.flat().sort()).toEqual([a, b].sort());

    const detailed = await toArray(listServersDetail(compute, { name: `${prefix}-b`, status: 'ACTIVE' }));
    expect(detailed.map((s) => s.id)).toEqual([b]);
    expect(detailed[0]?.metadata).toEqual({ role: 'web', tier: 'front' });
    expect(await toArray(listServers(compute, { name: `${prefix}-none` }))).toEqual([]);
  });

  test('an unknown server is a NotFoundError', async () => {
    await expect(getServer(compute, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test('metadata: read, set one key, delete one key', async () => {
    expect(await getServerMetadata(compute, a)).toEqual({ role: 'web', tier: 'front' });
    await setServerMetadataItem(compute, a, 'owner', 'sdk');
    expect(await getServerMetadataItem(compute, a, 'owner')).toBe('sdk');
    await deleteServerMetadataItem(compute, a, 'tier');
    await expect(getServerMetadataItem(compute, a, 'tier')).rejects.toBeInstanceOf(NotFoundError);
    expect(await getServerMetadata(compute, a)).toEqual({ role: 'web', owner: 'sdk' });
  });

  test('reboot (soft and hard) ends ACTIVE', async () => {
    await rebootServer(compute, a);
    await settled(compute, a, 'ACTIVE');
    await rebootServer(compute, a, { type: 'HARD' });
    expect((await settled(compute, a, 'ACTIVE')).powerState).toBe(1);
  });

  test('stop, then start; stopping a stopped server is a conflict', async () => {
    await stopServer(compute, a);
    const stopped = await settled(compute, a, 'SHUTOFF');
    expect(stopped.vmState).toBe('stopped');
    await expect(stopServer(compute, a)).rejects.toBeInstanceOf(ConflictError);
    await startServer(compute, a);
    expect((await settled(compute, a, 'ACTIVE')).vmState).toBe('active');
  });

  test('pause, then unpause', async () => {
    await pauseServer(compute, a);
    expect((await settled(compute, a, 'PAUSED')).vmState).toBe('paused');
    await unpauseServer(compute, a);
    await settled(compute, a, 'ACTIVE');
  });

  test('resize + confirm changes the flavor; resize + revert keeps it', async () => {
    const small = seeded('CLOUD_IT_RESIZE_FLAVOR_ID');
    const tiny = seeded('CLOUD_IT_FLAVOR_ID');
    await resizeServer(compute, a, { flavor: small });
    await settled(compute, a, 'VERIFY_RESIZE');
    await confirmServerResize(compute, a);
    expect((await settled(compute, a, 'ACTIVE')).flavor.id).toBe(small);

    await resizeServer(compute, a, { flavor: tiny });
    expect((await settled(compute, a, 'VERIFY_RESIZE')).flavor.id).toBe(tiny);
    await revertServerResize(compute, a);
    expect((await settled(compute, a, 'ACTIVE')).flavor.id).toBe(small);
  });

  test('rebuild with a new name and metadata', async () => {
    const rebuilt = await rebuildServer(compute, b, {
      image: seeded('CLOUD_IT_IMAGE_ID'),
      name: `${prefix}-b2`,
      metadata: { rebuilt: 'yes' },
    });
    expect(rebuilt.id).toBe(b);
    const after = await settled(compute, b, 'ACTIVE');
    expect(after.name).toBe(`${prefix}-b2`);
    expect(after.metadata).toEqual({ rebuilt: 'yes' });
  });

  test('createServerImage records an image of the server', async () => {
    const { imageId } = await createServerImage(compute, b, {
      name: uniqueName('snap'),
      metadata: { kind: 'it' },
    });
    images.push(imageId);
    const image = await getImage(compute, imageId);
    expect(image.name).toBe(uniqueName('snap'));
    expect(image.metadata).toMatchObject({ kind: 'it', instance_uuid: b });
    // The fake driver uploads no data: the image never leaves SAVING (queued in Glance).
    expect(['SAVING', 'ACTIVE']).toContain(image.status);
    await settled(compute, b, 'ACTIVE');
  });

  test('interface attach and detach through Neutron', async () => {
    // No interface functions in this package yet: the os-interface calls go through the same
    // compute client (catalog endpoint, token), the port through the catalog's network endpoint.
    const port = await createPort(seeded('CLOUD_IT_NETWORK_ID'), uniqueName('port'));
    ports.push(port);
    const attached = await compute.request<{ interfaceAttachment: { port_id: string; port_state: string } }>(
      'POST',
      `servers/${a}/os-interface`,
      { json: { interfaceAttachment: { port_id: port } } },
    );
    expect(attached.body.interfaceAttachment.port_id).toBe(port);
    const list = await compute.request<{ interfaceAttachments: Array<{ port_id: string }> }>(
      'GET',
      `servers/${a}/os-interface`,
    );
    expect(list.body.interfaceAttachments.map((i) => i.port_id)).toContain(port);
    await compute.request('DELETE', `servers/${a}/os-interface/${port}`, { okStatuses: [202] });
    const deadline = Date.now() + 60_000;
    let ids: string[] = [port];
    while (ids.includes(port) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await compute.request<{ interfaceAttachments: Array<{ port_id: string }> }>(
        'GET',
        `servers/${a}/os-interface`,
      );
      ids = now.body.interfaceAttachments.map((i) => i.port_id);
    }
    expect(ids).not.toContain(port);
  });

  test('a volume attaches through Cinder and detaches again', async () => {
    if (!process.env.CLOUD_IT_SERVICES?.split(',').includes('block-storage')) {
      console.warn('block-storage is not running: volume attach skipped');
      return;
    }
    const volume = await createAvailableVolume(uniqueName('vol'));
    volumes.push(volume);
    const attachment = await attachVolume(compute, a, { volumeId: volume });
    expect(attachment.volumeId).toBe(volume);
    await waitForVolumeStatus(volume, 'in-use');
    const listed = await toArray(listVolumeAttachments(compute, a));
    expect(listed.map((x) => x.volumeId)).toContain(volume);
    expect((await getServer(compute, a)).volumesAttached?.map((v) => v.id)).toContain(volume);

    await detachVolume(compute, a, volume);
    await waitForVolumeStatus(volume, 'available');
    expect((await toArray(listVolumeAttachments(compute, a))).map((x) => x.volumeId)).not.toContain(volume);
  });

  test('delete: the waiter ends at DELETED or 404, and the server then answers 404', async () => {
    await deleteServer(compute, b);
    await waitForServerDeleted(compute, b, QUICK);
    // Nova can still show the record, status DELETED, for a moment after the waiter returns.
    const seen = await getServer(compute, b).then(
      (s) => s.status,
      (e: unknown) => (e instanceof NotFoundError ? 404 : Promise.reject(e)),
    );
    expect([404, 'DELETED']).toContain(seen);
    await pollUntilGone({
      ...QUICK,
      description: `server ${b} to answer 404`,
      fetch: () => getServer(compute, b),
    });
    await expect(getServer(compute, b)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('a flavor no host can hold puts the server in ERROR, which the waiter reports', async () => {
    const { id } = await createServer(compute, {
      name: `${prefix}-impossible`,
      flavor: seeded('CLOUD_IT_IMPOSSIBLE_FLAVOR_ID'),
      image: seeded('CLOUD_IT_IMAGE_ID'),
      networks: [{ uuid: seeded('CLOUD_IT_NETWORK_ID') }],
    });
    servers.push(id);
    const error = await waitForServerStatus(compute, id, 'ACTIVE', QUICK).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaiterFailureError);
    const failure = error as WaiterFailureError;
    expect(failure.message).toMatch(/ERROR/);
    expect(failure.message).toMatch(/No valid host/i);
    expect((failure.lastValue as Server).status).toBe('ERROR');
    expect((failure.lastValue as Server).fault?.message).toMatch(/No valid host/i);
  });
});

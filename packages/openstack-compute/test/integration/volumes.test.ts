/**
 * Volumes and servers against real Nova and Cinder (fake drivers on both sides), with
 * `@cloud/openstack-block-storage` as a test-only dependency: attach and detach with the waits of
 * both services, and booting from a volume.
 *
 * Not here: image → new boot volume (`bootFromImageToVolume`). Nova accepts the request, but the
 * fake Cinder driver cannot copy an image into a volume: the volume goes to `error` and Nova
 * aborts the build ("Volume … did not finish being created … its status is error"). The request
 * it sends is covered by test/block-devices.test.ts (msw).
 */
import {
  type BlockStorageClient,
  createVolume,
  deleteVolume,
  getVolume,
  setVolumeBootable,
  waitForVolumeDeleted,
  waitForVolumeStatus,
} from '@cloud/openstack-block-storage';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  attachVolume,
  bootFromVolume,
  type ComputeClient,
  createServer,
  detachVolume,
  getServer,
  waitForServerStatus,
  waitForServerVolumeAttachment,
  waitForServerVolumeDetached,
} from '../../src/index.js';
import {
  cleanUp,
  describeWithVolumes,
  liveBlockStorage,
  liveCompute,
  removeServer,
  seeded,
  uniqueName,
} from './env.js';

const QUICK = { timeoutMs: 180_000, minDelayMs: 500, maxDelayMs: 2_000 };

describeWithVolumes('servers and volumes on real Nova + Cinder', () => {
  let compute: ComputeClient;
  let volumes: BlockStorageClient;
  const servers: string[] = [];
  const volumeIds: string[] = [];
  let serverId: string;

  const newVolume = async (label: string) => {
    const v = await createVolume(volumes, {
      name: uniqueName(label),
      size: 1,
      volumeType: process.env.CLOUD_IT_VOLUME_TYPE,
    });
    volumeIds.push(v.id);
    await waitForVolumeStatus(volumes, v.id, 'available', QUICK);
    return v.id;
  };

  beforeAll(async () => {
    compute = liveCompute();
    volumes = liveBlockStorage();
    const { id } = await createServer(compute, {
      name: uniqueName('vol-host'),
      flavor: seeded('CLOUD_IT_FLAVOR_ID'),
      image: seeded('CLOUD_IT_IMAGE_ID'),
      networks: [{ network: seeded('CLOUD_IT_NETWORK_ID') }],
    });
    servers.push(id);
    serverId = id;
    await waitForServerStatus(compute, id, 'ACTIVE', QUICK);
  });

  afterAll(async () => {
    await cleanUp([
      ...servers.map((id) => () => removeServer(compute, id)),
      ...volumeIds.map((id) => async () => {
        await deleteVolume(volumes, id);
        await waitForVolumeDeleted(volumes, id, QUICK);
      }),
    ]);
  });

  test('attach: Nova lists the attachment and Cinder reports in-use; detach: both let go', async () => {
    const volumeId = await newVolume('attach');
    await attachVolume(compute, serverId, { volumeId });
    const [attachment, inUse] = await Promise.all([
      waitForServerVolumeAttachment(compute, serverId, volumeId, QUICK),
      waitForVolumeStatus(volumes, volumeId, 'in-use', QUICK),
    ]);
    expect(attachment).toMatchObject({ serverId, volumeId });
    expect(inUse.attachments.map((a) => a.serverId)).toEqual([serverId]);
    expect((await getServer(compute, serverId)).volumesAttached?.map((v) => v.id)).toContain(volumeId);

    await detachVolume(compute, serverId, volumeId);
    const [, available] = await Promise.all([
      waitForServerVolumeDetached(compute, serverId, volumeId, QUICK),
      waitForVolumeStatus(volumes, volumeId, 'available', QUICK),
    ]);
    expect(available.attachments).toEqual([]);
    expect((await getServer(compute, serverId)).volumesAttached?.map((v) => v.id) ?? []).not.toContain(
      volumeId,
    );
  });

  test('boots from a bootable volume, which is in-use by the server and survives it', async () => {
    const volumeId = await newVolume('boot');
    await setVolumeBootable(volumes, volumeId, true);
    expect((await getVolume(volumes, volumeId)).bootable).toBe(true);
    const { id } = await createServer(compute, {
      name: uniqueName('bfv'),
      flavor: seeded('CLOUD_IT_FLAVOR_ID'),
      networks: [{ network: seeded('CLOUD_IT_NETWORK_ID') }],
      blockDeviceMappings: [bootFromVolume(volumeId)],
    });
    servers.push(id);
    const server = await waitForServerStatus(compute, id, 'ACTIVE', QUICK);
    expect(server.image).toBeUndefined();
    expect(server.volumesAttached?.map((v) => v.id)).toEqual([volumeId]);
    const inUse = await waitForVolumeStatus(volumes, volumeId, 'in-use', QUICK);
    expect(inUse.attachments.map((a) => a.serverId)).toEqual([id]);

    // deleteOnTermination defaults to false: the volume is available again once the server is gone
    await removeServer(compute, id);
    await waitForVolumeStatus(volumes, volumeId, 'available', QUICK);
  });
});

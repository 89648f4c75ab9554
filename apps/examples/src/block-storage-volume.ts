/**
 * Creates a 1 GiB volume, attaches it to a server, snapshots it (forced, as it is in use),
 * detaches it, and deletes the snapshot and the volume, waiting at each step.
 *
 * Needs a cloud with block storage: OS_AUTH_URL or OS_CLOUD (credentials from OS_* variables or
 * clouds.yaml). EXAMPLE_SERVER (a server id) is the server the volume is attached to; without it
 * the attach and detach steps are skipped. Everything it made is deleted, even after a failure.
 *
 *   source /var/tmp/cloud-openstack/env.sh && EXAMPLE_SERVER=<id> pnpm run example:block-storage
 */
import { createSession } from '@cloud/core';
import {
  createBlockStorageClient,
  createSnapshot,
  createVolume,
  deleteSnapshot,
  deleteVolume,
  waitForSnapshotDeleted,
  waitForSnapshotStatus,
  waitForVolumeDeleted,
  waitForVolumeStatus,
} from '@cloud/openstack-block-storage';
import { attachVolume, createComputeClient, detachVolume } from '@cloud/openstack-compute';

const wait = { timeoutMs: 5 * 60_000, minDelayMs: 1_000, maxDelayMs: 5_000 };

async function main(): Promise<void> {
  if (!process.env.OS_AUTH_URL && !process.env.OS_CLOUD) {
    console.log('Set OS_AUTH_URL (or OS_CLOUD) to run this example against a cloud with block storage.');
    return;
  }
  const session = createSession();
  const volumes = createBlockStorageClient(session, { negotiate: true });
  const serverId = process.env.EXAMPLE_SERVER;
  let volumeId: string | undefined;
  let snapshotId: string | undefined;
  let attached = false;
  try {
    const volume = await createVolume(volumes, {
      size: 1,
      name: `example-${Date.now()}`,
      metadata: { example: 'yes' },
    });
    volumeId = volume.id;
    console.log(`volume ${volume.id} ${volume.status}`);
    await waitForVolumeStatus(volumes, volume.id, 'available', wait);
    console.log(`volume available (microversion ${volumes.microversions.current})`);

    if (serverId) {
      const compute = createComputeClient(session);
      const att = await attachVolume(compute, serverId, { volumeId: volume.id });
      attached = true;
      await waitForVolumeStatus(volumes, volume.id, 'in-use', wait);
      console.log(`attached to server ${serverId} as ${att.device ?? 'a device chosen by the cloud'}`);
    } else {
      console.log('EXAMPLE_SERVER is not set: attach skipped');
    }

    const snapshot = await createSnapshot(volumes, {
      volumeId: volume.id,
      name: `${volume.name}-snap`,
      force: true,
    });
    snapshotId = snapshot.id;
    await waitForSnapshotStatus(volumes, snapshot.id, 'available', wait);
    console.log(`snapshot ${snapshot.id} available`);
  } finally {
    if (attached && serverId && volumeId) {
      await detachVolume(createComputeClient(session), serverId, volumeId);
      await waitForVolumeStatus(volumes, volumeId, 'available', wait);
      console.log('detached');
    }
    if (snapshotId) {
      await deleteSnapshot(volumes, snapshotId);
      await waitForSnapshotDeleted(volumes, snapshotId, wait);
    }
    if (volumeId) {
      await deleteVolume(volumes, volumeId);
      await waitForVolumeDeleted(volumes, volumeId, wait);
    }
    console.log('cleaned up');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

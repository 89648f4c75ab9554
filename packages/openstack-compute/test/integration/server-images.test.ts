/**
 * createServerImage (a snapshot) and the Image service: the id Nova returns is a Glance image,
 * read and deleted with `@cloud/openstack-image` (a test-only dependency).
 *
 * The fake virt driver uploads no data, so the snapshot never becomes `active`: Glance keeps the
 * record `queued` (Nova's proxy shows it as SAVING) with no size or checksum. Waiting for `active`
 * works only on a real hypervisor; here the test checks the record and deletes it.
 */
import { NotFoundError } from '@cloud/core';
import {
  createImageClient,
  deleteGlanceImage,
  getGlanceImage,
  type ImageClient,
} from '@cloud/openstack-image';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type ComputeClient, createServer, createServerImage, waitForServerStatus } from '../../src/index.js';
import { cleanUp, describeLive, liveCompute, liveSession, removeServer, seeded, uniqueName } from './env.js';

const QUICK = { timeoutMs: 180_000, minDelayMs: 500, maxDelayMs: 2_000 };

describeLive('createServerImage and Glance', () => {
  let compute: ComputeClient;
  let glance: ImageClient;
  let serverId: string | undefined;
  const images: string[] = [];

  beforeAll(async () => {
    compute = liveCompute();
    glance = createImageClient(liveSession());
    const { id } = await createServer(compute, {
      name: uniqueName('snap-src'),
      flavor: seeded('CLOUD_IT_FLAVOR_ID'),
      image: seeded('CLOUD_IT_IMAGE_ID'),
      networks: [{ network: seeded('CLOUD_IT_NETWORK_ID') }],
    });
    serverId = id;
    await waitForServerStatus(compute, id, 'ACTIVE', QUICK);
  });

  afterAll(async () => {
    await cleanUp([
      ...images.map((id) => () => deleteGlanceImage(glance, id)),
      ...(serverId ? [() => removeServer(compute, serverId!)] : []),
    ]);
  });

  test('the snapshot id is a Glance image of the server, which Glance deletes', async () => {
    const name = uniqueName('snap');
    const { imageId } = await createServerImage(compute, serverId!, { name, metadata: { kind: 'it' } });
    images.push(imageId);
    const image = await getGlanceImage(glance, imageId);
    expect(image).toMatchObject({ id: imageId, name });
    expect(image.properties).toMatchObject({ kind: 'it', instance_uuid: serverId, image_type: 'snapshot' });
    // fake driver: no data is ever uploaded, the record stays queued
    expect(image.status).toBe('queued');
    await waitForServerStatus(compute, serverId!, 'ACTIVE', QUICK);

    await deleteGlanceImage(glance, imageId);
    await expect(getGlanceImage(glance, imageId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

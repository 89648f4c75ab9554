/**
 * The provider-neutral compute client's images against the real Glance (the local catalog has an
 * `image` service, so Glance answers, not Nova's proxy).
 */
import { NotFoundError, toArray } from '@cloud/core';
import { listGlanceImages } from '@cloud/openstack-image';
import { expect, it } from '@jest/globals';
import { providers } from '../../src/providers/index.js';
import { describeLive, live, openstackOptions } from './live.js';

describeLive('providers.openstack.compute images against a real Glance', () => {
  const compute = live ? providers.openstack.compute(openstackOptions()) : (undefined as never);

  it('lists and gets the images Glance lists, in the neutral model', async () => {
    const images = await compute.getImages();
    expect(images.length).toBeGreaterThan(0);
    const { createImageClient } = await import('@cloud/openstack-image');
    const glance = createImageClient(compute.client.session);
    const direct = await toArray(listGlanceImages(glance));
    expect(images.map((i) => i.id).sort()).toEqual(direct.map((i) => i.id).sort());
    const active = images.find((i) => i.status === 'ACTIVE')!;
    expect(active).toMatchObject({ provider: 'openstack', id: expect.any(String) });
    expect(await compute.getImage(active.id)).toEqual(active);
    await expect(compute.getImage('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

import { NotFoundError } from '@cloud/core';
import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeNova, FIXTURE_IMAGES } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import { glanceStatus } from '../src/providers/images.js';
import { CLOUDS, neutral } from './clouds.js';
import { createFakeGlance } from './fakes/glance.js';
import { raxEndpoints } from './fakes/rackspace-identity.js';
import { RACKSPACE } from './service-clouds.js';

const cloud = setupMockCloud();
const [openstack, rackspaceWithoutImages] = CLOUDS as [(typeof CLOUDS)[0], (typeof CLOUDS)[1]];

describe('compute images', () => {
  it('come from Glance when the catalog has an image service', async () => {
    const nova = createFakeNova();
    const glance = createFakeGlance({ baseUrl: `${mockEndpoints().image}/v2`, images: FIXTURE_IMAGES });
    cloud.use(...nova.handlers, ...glance.handlers);
    const compute = openstack.compute();
    const images = await compute.getImages();
    expect(images.map((i) => [i.id, i.name, i.status, i.minDisk])).toEqual(
      FIXTURE_IMAGES.map((i) => [i.id, i.name, 'ACTIVE', 1]),
    );
    expect(await compute.getImage(FIXTURE_IMAGES[1]!.id)).toEqual(images[1]);
    await expect(compute.getImage('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(glance.calls).toEqual([
      'GET /images',
      `GET /images/${FIXTURE_IMAGES[1]!.id}`,
      'GET /images/00000000-0000-4000-8000-000000000000',
    ]);
    expect(nova.calls.filter((c) => c.includes('/images'))).toEqual([]);
  });

  it('come from Nova’s image proxy when the catalog has no image service, with the same models', async () => {
    const nova = createFakeNova();
    const glance = createFakeGlance({ baseUrl: `${mockEndpoints().image}/v2`, images: FIXTURE_IMAGES });
    cloud.use(...nova.handlers, ...glance.handlers);
    const viaNova = await rackspaceWithoutImages.compute().getImages();
    expect(nova.calls).toContain('GET /images/detail');
    expect(glance.calls).toEqual([]);
    expect(neutral(viaNova)).toEqual(neutral(await openstack.compute().getImages()));
  });

  it('come from Rackspace Cloud Images (catalog type image, a …/v2 endpoint) on Rackspace', async () => {
    const nova = createFakeNova();
    const glance = createFakeGlance({ baseUrl: raxEndpoints().image, images: FIXTURE_IMAGES });
    cloud.use(...RACKSPACE.identity, ...nova.handlers, ...glance.handlers);
    const { providers } = await import('../src/providers/index.js');
    const compute = providers.rackspace.compute({
      authUrl: 'https://identity.mock.test/v2.0',
      username: 'demo',
      apiKey: 'key',
      region: 'RegionOne',
      retry: { limit: 0 },
    });
    expect((await compute.getImages()).map((i) => i.provider)).toEqual(['rackspace', 'rackspace']);
    expect(glance.calls).toEqual(['GET /images']);
  });

  it('read Glance statuses in the words of Nova’s proxy', () => {
    expect(
      ['active', 'queued', 'saving', 'importing', 'killed', 'pending_delete', 'deactivated'].map(
        glanceStatus,
      ),
    ).toEqual(['ACTIVE', 'SAVING', 'SAVING', 'SAVING', 'ERROR', 'DELETED', 'DEACTIVATED']);
  });
});

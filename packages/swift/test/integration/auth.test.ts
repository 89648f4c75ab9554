/**
 * Endpoints and credentials: the Swift client in every region the catalog offers, and Swift's own
 * v1.0 auth when the local cloud announces a tempauth user (CLOUD_IT_TEMPAUTH_*, set by
 * tooling/openstack; other clouds skip that part).
 */
import { createSession } from '@cloud/core';
import { expect, it } from '@jest/globals';
import {
  createContainer,
  createSwiftClient,
  deleteContainer,
  downloadObjectToBuffer,
  fromSwiftTempAuth,
  getAccountMetadata,
  uploadObject,
} from '../../src/index.js';
import { cleanupContainers, describeLive, liveClient, uniqueContainer } from './env.js';

const created: string[] = [];
cleanupContainers(liveClient, created);
const env = process.env;

describeLive('Swift endpoints and auth (real service)', () => {
  it('reaches the object store in every region of the catalog', async () => {
    const swift = liveClient();
    const regions = await swift.session.listRegions('object-store');
    expect(regions.length).toBeGreaterThan(0);
    const c = uniqueContainer('regions', created);
    await createContainer(swift, c);
    await uploadObject(swift, c, 'hello', 'from the default region');
    for (const region of regions) {
      const regional = createSwiftClient(swift.session, { region });
      expect(await regional.endpoint()).toMatch(/^https?:\/\//);
      // Regions of one cluster share data; separate clusters at least answer the account HEAD.
      expect((await getAccountMetadata(regional)).containerCount).toBeGreaterThanOrEqual(0);
    }
  });

  it('authenticates with Swift v1.0 auth (tempauth) when the cloud offers it', async () => {
    if (!env.CLOUD_IT_TEMPAUTH_AUTH_URL || !env.CLOUD_IT_TEMPAUTH_USER || !env.CLOUD_IT_TEMPAUTH_KEY) return;
    const session = createSession({
      credentials: fromSwiftTempAuth({
        authUrl: env.CLOUD_IT_TEMPAUTH_AUTH_URL,
        user: env.CLOUD_IT_TEMPAUTH_USER,
        key: env.CLOUD_IT_TEMPAUTH_KEY,
      }),
    });
    const swift = createSwiftClient(session);
    const c = `sdk-it-tempauth-${Date.now().toString(36)}`;
    await createContainer(swift, c);
    try {
      await uploadObject(swift, c, 'o', 'via tempauth');
      expect((await downloadObjectToBuffer(swift, c, 'o')).toString()).toBe('via tempauth');
      if (env.CLOUD_IT_TEMPAUTH_STORAGE_URL)
        expect(await swift.endpoint()).toBe(env.CLOUD_IT_TEMPAUTH_STORAGE_URL);
    } finally {
      await deleteContainer(swift, c, { force: true });
    }
  });
});

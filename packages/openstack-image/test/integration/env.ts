/**
 * Shared setup of the integration tests: image clients for the demo and admin users from the
 * OS_* and CLOUD_IT_ADMIN_* variables, found through the catalog. Without OS_AUTH_URL every suite
 * is skipped.
 */
import { NotFoundError } from '@cloud/core';
import { type LiveUser, liveEnv } from '@cloud/testing/live';
import type { describe } from '@jest/globals';
import { createImageClient, deleteGlanceImage, type ImageClient } from '../../src/index.js';

const cloud = liveEnv({ what: 'image', pkg: '@cloud/openstack-image', services: ['image'] });
/** True when a cloud with Glance is configured; `describeLive` skips otherwise. */
export const { live, uniqueName } = cloud;
export const describeLive: typeof describe = cloud.describeLive;

/** An image client for the demo user (OS_*) or the admin user (CLOUD_IT_ADMIN_*). */
export function liveClient(who: LiveUser = 'demo'): ImageClient {
  return createImageClient(cloud.session(who));
}

/** The project id the client's token is scoped to. */
export async function projectIdOf(client: ImageClient): Promise<string> {
  const auth = await client.session.authenticate();
  const id = auth.project?.id;
  if (!id) throw new Error('the token has no project scope');
  return id;
}

/** Deletes the images created by a suite; already-gone ones are fine. */
export async function deleteImages(client: ImageClient, ids: string[]): Promise<void> {
  for (const id of ids.splice(0)) {
    try {
      await deleteGlanceImage(client, id);
    } catch (error) {
      if (!(error instanceof NotFoundError)) console.warn(`could not delete image ${id}: ${String(error)}`);
    }
  }
}

/**
 * Shared setup of the integration tests: image clients for the demo and admin users from the
 * OS_* and CLOUD_IT_ADMIN_* variables, found through the catalog. Without OS_AUTH_URL every suite
 * is skipped.
 */
import { randomBytes } from 'node:crypto';
import { createSession, fromPassword, NotFoundError, type Session } from '@cloud/core';
import { describe } from '@jest/globals';
import { createImageClient, deleteGlanceImage, type ImageClient } from '../../src/index.js';

const env = process.env;
/** True when OS_AUTH_URL points at a cloud. */
export const live = !!env.OS_AUTH_URL;
/** `describe` when a cloud is configured, else `describe.skip`. */
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);
if (!live) {
  console.warn(
    'OS_AUTH_URL is not set: image integration tests are skipped. Run them with ' +
      '`source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/openstack-image test:integration`.',
  );
}

function session(who: 'demo' | 'admin'): Session {
  const admin = who === 'admin';
  return createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL!,
      username: admin ? (env.CLOUD_IT_ADMIN_USERNAME ?? 'admin') : env.OS_USERNAME,
      password: (admin ? env.CLOUD_IT_ADMIN_PASSWORD : env.OS_PASSWORD)!,
      projectName: admin ? (env.CLOUD_IT_ADMIN_PROJECT_NAME ?? 'admin') : env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    }),
    region: env.OS_REGION_NAME,
    interface: env.OS_INTERFACE,
  });
}

/** An image client for the demo user (OS_*) or the admin user (CLOUD_IT_ADMIN_*). */
export function liveClient(who: 'demo' | 'admin' = 'demo'): ImageClient {
  return createImageClient(session(who));
}

/** The project id the client's token is scoped to. */
export async function projectIdOf(client: ImageClient): Promise<string> {
  const auth = await client.session.authenticate();
  const id = auth.project?.id;
  if (!id) throw new Error('the token has no project scope');
  return id;
}

const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/** A name unique to this run. */
export const uniqueName = (label: string): string => `sdk-it-${label}-${run}`;

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

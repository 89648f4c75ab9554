/**
 * Shared setup of the integration tests: a session and block storage client from the OS_*
 * variables only (the endpoint comes from the catalog), unique names, and cleanup.
 */
import { randomBytes } from 'node:crypto';
import { createSession, fromPassword } from '@cloud/core';
import { describe } from '@jest/globals';
import {
  type BlockStorageClient,
  type BlockStorageClientOptions,
  createBlockStorageClient,
} from '../../src/index.js';

const env = process.env;
/** True when OS_AUTH_URL points at a cloud. */
export const live = !!env.OS_AUTH_URL;
/** `describe` when a cloud is configured, else `describe.skip`. */
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);
if (!live) {
  console.warn(
    'OS_AUTH_URL is not set: block storage integration tests are skipped. Run them with ' +
      '`source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/openstack-block-storage test:integration`.',
  );
}

/** A block storage client for the configured cloud. */
export function liveClient(options: BlockStorageClientOptions = {}): BlockStorageClient {
  const session = createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL!,
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD!,
      projectName: env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    }),
    region: env.OS_REGION_NAME,
    interface: env.OS_INTERFACE,
  });
  return createBlockStorageClient(session, options);
}

const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
/** A resource name unique to this run. */
export const uniqueName = (label: string): string => `sdk-it-${label}-${run}`;

/**
 * Shared setup of the integration tests: a session and Swift client from the OS_* variables only,
 * unique container names, and cleanup. Without OS_AUTH_URL every suite is skipped.
 */
import { randomBytes } from 'node:crypto';
import { createSession, fromPassword, NotFoundError } from '@cloud/core';
import { afterAll, describe } from '@jest/globals';
import { createSwiftClient, deleteContainer, type SwiftClient } from '../../src/index.js';

const env = process.env;
/** True when OS_AUTH_URL points at a cloud. */
export const live = !!env.OS_AUTH_URL;
/** `describe` when a cloud is configured, else `describe.skip`. */
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);
if (!live) {
  console.warn(
    'OS_AUTH_URL is not set: Swift integration tests are skipped. Run them with ' +
      '`bash tooling/openstack/with-openstack.sh pnpm --filter @cloud/swift test:integration`, ' +
      'or export OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME (and domains, region) for your cloud.',
  );
}

/** A Swift client for the configured cloud. */
export function liveClient(): SwiftClient {
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
  return createSwiftClient(session);
}

const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/**
 * A container name unique to this run; it (and its `_segments` companion) is deleted with
 * everything in it after the suite.
 */
export function uniqueContainer(label: string, created: string[]): string {
  const name = `sdk-it-${label}-${run}`;
  created.push(name, `${name}_segments`);
  return name;
}

/** Registers cleanup of the containers named by `uniqueContainer`. */
export function cleanupContainers(client: () => SwiftClient, created: string[]): void {
  afterAll(async () => {
    if (!live) return;
    const swift = client();
    for (const name of created) {
      try {
        await deleteContainer(swift, name, { force: true });
      } catch (error) {
        if (!(error instanceof NotFoundError)) console.warn(`cleanup of ${name} failed: ${String(error)}`);
      }
    }
  });
}

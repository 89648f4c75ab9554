/**
 * Shared setup of the Designate integration tests: a session and DNS client from the OS_*
 * variables only (the endpoint comes from the catalog), unique zone names, and cleanup.
 * Without OS_AUTH_URL every suite is skipped.
 */
import { randomBytes } from 'node:crypto';
import { createSession, fromPassword, NotFoundError, type Session } from '@cloud/core';
import { afterAll, describe } from '@jest/globals';
import { createDnsClient, type DnsClient, deleteZone, waitForZoneDeleted } from '../../src/index.js';

const env = process.env;
export const live = !!env.OS_AUTH_URL;
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);
if (!live) {
  console.warn(
    'OS_AUTH_URL is not set: Designate integration tests are skipped. Run them with ' +
      '`source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/openstack-dns test:integration`.',
  );
}

let session: Session | undefined;
export function liveSession(): Session {
  session ??= createSession({
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
  return session;
}

export const liveClient = (): DnsClient => createDnsClient(liveSession());

const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/** A zone name unique to this run, under `.test.` (no TLD is ever created by these tests). */
export const uniqueZoneName = (label: string) => `sdk-it-${label}-${run}.test.`;

/** Zone ids to delete after the suite, whatever happened. */
export function cleanupZones(created: string[]): void {
  afterAll(async () => {
    if (!live) return;
    const dns = liveClient();
    for (const id of created) {
      try {
        await deleteZone(dns, id);
        await waitForZoneDeleted(dns, id, { timeoutMs: 120_000, minDelayMs: 1_000 });
      } catch (error) {
        if (!(error instanceof NotFoundError)) console.warn(`cleanup of zone ${id} failed: ${String(error)}`);
      }
    }
  }, 300_000);
}

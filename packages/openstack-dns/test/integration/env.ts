/**
 * Shared setup of the Designate integration tests: a session and DNS client from the OS_*
 * variables only (the endpoint comes from the catalog), unique zone names, and cleanup.
 * Without OS_AUTH_URL every suite is skipped.
 */
import { NotFoundError } from '@cloud/core';
import { liveEnv } from '@cloud/testing/live';
import { afterAll, type describe } from '@jest/globals';
import { createDnsClient, type DnsClient, deleteZone, waitForZoneDeleted } from '../../src/index.js';

const cloud = liveEnv({ what: 'Designate', pkg: '@cloud/openstack-dns', services: ['dns'] });
export const { live } = cloud;
export const describeLive: typeof describe = cloud.describeLive;
export const liveSession = () => cloud.session();
export const liveClient = (): DnsClient => createDnsClient(liveSession());

/** A zone name unique to this run, under `.test.` (no TLD is ever created by these tests). */
export const uniqueZoneName = (label: string) => `${cloud.uniqueName(label)}.test.`;

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

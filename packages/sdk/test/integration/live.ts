/**
 * Shared setup of the neutral clients' integration tests: OpenStack options from the OS_*
 * variables only, a name unique to the run, and cleanup in reverse order. Without OS_AUTH_URL
 * every suite using `describeLive` is skipped.
 */
import { randomBytes } from 'node:crypto';
import { NotFoundError } from '@cloud/core';
import { describe } from '@jest/globals';
import type { OpenStackProviderOptions } from '../../src/providers/index.js';

const env = process.env;
/** True when OS_AUTH_URL points at a cloud. */
export const live = !!env.OS_AUTH_URL;
/** `describe` when a cloud is configured, else `describe.skip`. */
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);

/** Options of `providers.openstack.*` for the configured cloud. */
export const openstackOptions = (region = env.OS_REGION_NAME): OpenStackProviderOptions => ({
  authUrl: env.OS_AUTH_URL,
  username: env.OS_USERNAME,
  password: env.OS_PASSWORD,
  projectName: env.OS_PROJECT_NAME,
  userDomainName: env.OS_USER_DOMAIN_NAME,
  projectDomainName: env.OS_PROJECT_DOMAIN_NAME,
  region,
});

/** Unique to this run: names carry it, so leftovers can be found. */
export const RUN = `sdk-it-prov-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/** Cleanup steps, run last-in first-out; a 404 counts as already clean. */
export class Cleanup {
  private readonly steps: { what: string; run: () => Promise<unknown> }[] = [];
  add(what: string, run: () => Promise<unknown>): void {
    this.steps.push({ what, run });
  }
  async runAll(): Promise<string[]> {
    const failures: string[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        if (!(error instanceof NotFoundError)) failures.push(`${step.what}: ${String(error)}`);
      }
    }
    return failures;
  }
}

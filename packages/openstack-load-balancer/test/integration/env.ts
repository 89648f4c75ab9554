/**
 * Shared setup of the integration tests: a session and load-balancer client from the OS_* variables
 * only (the endpoint comes from the catalog), unique names, and cleanup in reverse order.
 * Without OS_AUTH_URL every suite is skipped.
 */
import { randomBytes } from 'node:crypto';
import { createSession, fromPassword, NotFoundError, type Session } from '@cloud/core';
import { describe } from '@jest/globals';
import { createLoadBalancerClient, type LoadBalancerClient } from '../../src/index.js';

const env = process.env;
/** True when OS_AUTH_URL points at a cloud. */
export const live = !!env.OS_AUTH_URL;
/** True when administrator credentials are configured too (tooling/openstack sets them). */
export const liveAdmin = live && !!env.CLOUD_IT_ADMIN_PASSWORD;
/** `describe` when a cloud is configured, else `describe.skip`. */
export const describeLive: typeof describe = live ? describe : (describe.skip as typeof describe);
if (!live) {
  console.warn(
    'OS_AUTH_URL is not set: load-balancer integration tests are skipped. Run them with ' +
      '`source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/openstack-load-balancer test:integration`.',
  );
}

/** A session for the configured cloud (as the administrator when `admin` and CLOUD_IT_ADMIN_* are set). */
export function liveSession(admin = false): Session {
  const asAdmin = admin && !!env.CLOUD_IT_ADMIN_PASSWORD;
  return createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL!,
      username: asAdmin ? env.CLOUD_IT_ADMIN_USERNAME : env.OS_USERNAME,
      password: asAdmin ? env.CLOUD_IT_ADMIN_PASSWORD! : env.OS_PASSWORD!,
      projectName: asAdmin ? env.CLOUD_IT_ADMIN_PROJECT_NAME : env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    }),
    region: env.OS_REGION_NAME,
    interface: env.OS_INTERFACE,
  });
}

/** A load-balancer client for the configured cloud. */
export const liveClient = (admin = false): LoadBalancerClient => createLoadBalancerClient(liveSession(admin));

/** Unique to this run: names and tags carry it, so leftovers can be found. */
export const RUN = `sdk-it-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

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

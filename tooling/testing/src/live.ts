// What every package's integration tests need from the environment: whether a cloud is
// configured (OS_* variables, as tooling/openstack/env.sh sets them), sessions for the demo and
// admin users found through the catalog, the seeded ids of services.env, and unique names.

import { randomBytes } from 'node:crypto';
import { createSession, fromPassword, type Session } from '@cloud/core';
import { describe } from '@jest/globals';

/** Which user a live session authenticates as: `demo` (OS_*) or `admin` (CLOUD_IT_ADMIN_*). */
export type LiveUser = 'demo' | 'admin';

/** What {@link liveEnv} returns. */
export interface LiveEnv {
  /** True when OS_AUTH_URL is set and the tooling started every required service. */
  readonly live: boolean;
  /** `describe` when {@link LiveEnv.live}, else `describe.skip`. */
  readonly describeLive: typeof describe;
  /** `describe` when live and the tooling also started these services, else `describe.skip`. */
  describeWith(...services: string[]): typeof describe;
  /** One session per user for the whole test file; endpoints come from its catalog. */
  session(user?: LiveUser): Session;
  /** `sdk-it-<label>-<run id>`: unique to this run, recognisable when something is left behind. */
  uniqueName(label: string): string;
  /** The id of this run, part of every unique name. */
  readonly runId: string;
  /** A seeded value of services.env; throws naming the variable when the tooling did not set it. */
  seeded(name: string): string;
}

/**
 * Reads the live-cloud settings for one package's integration tests and says, once, how to run
 * them when they are skipped.
 * @example
 * ```ts
 * export const it = liveEnv({ what: 'DNS', pkg: '@cloud/openstack-dns', services: ['dns'] });
 * it.describeLive('zones', () => { ... createDnsClient(it.session()) ... });
 * ```
 */
export function liveEnv(options: { what: string; pkg: string; services?: readonly string[] }): LiveEnv {
  const env = process.env;
  const started = (env.CLOUD_IT_SERVICES ?? '').split(',').filter(Boolean);
  const has = (services: readonly string[]) =>
    started.length === 0 || services.every((s) => started.includes(s));
  const required = options.services ?? [];
  const live = !!env.OS_AUTH_URL && has(required);
  if (!live) {
    const why = env.OS_AUTH_URL
      ? `CLOUD_IT_SERVICES lacks one of ${required.join(', ')}`
      : 'OS_AUTH_URL is not set';
    console.warn(
      `${why}: ${options.what} integration tests are skipped. Run them with ` +
        `\`source /var/tmp/cloud-openstack/env.sh && pnpm --filter ${options.pkg} test:integration\`.`,
    );
  }
  const skip = describe.skip as typeof describe;
  const sessions = new Map<LiveUser, Session>();
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

  return {
    live,
    describeLive: live ? describe : skip,
    describeWith: (...services) => (live && has(services) ? describe : skip),
    session(user = 'demo') {
      let session = sessions.get(user);
      if (!session) {
        const admin = user === 'admin';
        session = createSession({
          credentials: fromPassword({
            authUrl: env.OS_AUTH_URL ?? '',
            username: admin ? (env.CLOUD_IT_ADMIN_USERNAME ?? 'admin') : env.OS_USERNAME,
            password: (admin ? env.CLOUD_IT_ADMIN_PASSWORD : env.OS_PASSWORD) ?? '',
            projectName: admin ? (env.CLOUD_IT_ADMIN_PROJECT_NAME ?? 'admin') : env.OS_PROJECT_NAME,
            userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
            projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
          }),
          region: env.OS_REGION_NAME,
          interface: env.OS_INTERFACE,
        });
        sessions.set(user, session);
      }
      return session;
    },
    uniqueName: (label) => `sdk-it-${label}-${runId}`,
    runId,
    seeded(name) {
      const value = env[name];
      if (!value) throw new Error(`${name} is not set: start the cloud with tooling/openstack/up.sh`);
      return value;
    },
  };
}

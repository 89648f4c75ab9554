import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AuthConfig,
  configFromEnv,
  createSession,
  credentialsFromConfig,
  fromPassword,
  type Session,
} from '@cloud/sdk';
import { MOCK_CLOUD, startMockCloud } from './mock/index.js';

/** Where the local Keystone + Swift write their connection settings (`tooling/openstack/up.sh`). */
export const LOCAL_ENV_FILE = '/var/tmp/cloud-openstack/env.json';
/** Keystone of the local installation. */
export const LOCAL_KEYSTONE = 'http://127.0.0.1:5000/v3';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Which cloud the tour runs against. */
export type TargetKind = 'own' | 'local' | 'mock';

/** A cloud to run the tour against. */
export interface Target {
  kind: TargetKind;
  /** One sentence saying what this is and why it was chosen. */
  description: string;
  session: Session;
  /** The region to prefer when the catalog offers several (from configuration). */
  preferredRegion?: string | undefined;
  /** Releases what the target started (the mock's interceptor). */
  close(): void;
}

/** What {@link chooseTarget} looks at; injectable for tests. */
export interface TargetProbe {
  env: Record<string, string | undefined>;
  /** Reads the local installation's settings, or undefined when there is no such file. */
  readLocalEnv(): Record<string, unknown> | undefined;
  /** True when Keystone answers at `url`. */
  keystoneAnswers(url: string): Promise<boolean>;
  /** Starts the installed local services (`tooling/openstack/up.sh`). */
  startLocal(): void;
  log(line: string): void;
}

/** Asks Keystone for its version document, giving up after 2 seconds. */
export async function keystoneAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status < 500;
  } catch {
    return false;
  }
}

/** The probe of this machine. */
export const systemProbe: TargetProbe = {
  env: process.env,
  readLocalEnv: () =>
    existsSync(LOCAL_ENV_FILE)
      ? (JSON.parse(readFileSync(LOCAL_ENV_FILE, 'utf8')) as Record<string, unknown>)
      : undefined,
  keystoneAnswers,
  startLocal: () =>
    execFileSync('bash', [join(REPO_ROOT, 'tooling', 'openstack', 'up.sh')], { stdio: 'inherit' }),
  log: (line) => console.log(line),
};

/**
 * Turns the local installation's settings into `OS_*` variables. Accepts a flat object of `OS_*`
 * names, the same under `env`, or camelCase auth fields (`authUrl`, `username`, ...).
 */
export function localEnvVars(raw: Record<string, unknown>): Record<string, string> {
  const source = (raw.env && typeof raw.env === 'object' ? raw.env : raw) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === 'string' && k.startsWith('OS_')) out[k] = v;
  }
  if (Object.keys(out).length > 0) return out;
  const camel: Record<string, string> = {
    authUrl: 'OS_AUTH_URL',
    username: 'OS_USERNAME',
    password: 'OS_PASSWORD',
    projectName: 'OS_PROJECT_NAME',
    userDomainName: 'OS_USER_DOMAIN_NAME',
    projectDomainName: 'OS_PROJECT_DOMAIN_NAME',
    region: 'OS_REGION_NAME',
    regionName: 'OS_REGION_NAME',
  };
  for (const [k, name] of Object.entries(camel)) {
    const v = source[k];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

function localSession(vars: Record<string, string>): {
  session: Session;
  region?: string | undefined;
  auth: AuthConfig;
} {
  const config = configFromEnv(vars);
  if (!config?.auth.authUrl) throw new Error(`${LOCAL_ENV_FILE} names no OS_AUTH_URL`);
  return {
    session: createSession({ credentials: credentialsFromConfig(config), region: config.region }),
    region: config.region,
    auth: config.auth,
  };
}

/**
 * Picks the cloud: (a) the user's own when `OS_CLOUD` or `OS_AUTH_URL` is set; else (b) the local
 * Keystone + Swift when `tooling/openstack/up.sh` has installed them (starting them if they are
 * installed but stopped); else (c) an in-process mock cloud. `DEMO_TARGET=own|local|mock` forces one.
 */
export async function chooseTarget(probe: TargetProbe = systemProbe): Promise<Target> {
  const { env } = probe;
  const forced = env.DEMO_TARGET;
  if (forced && !['own', 'local', 'mock'].includes(forced)) {
    throw new Error(`DEMO_TARGET must be own, local or mock, got "${forced}"`);
  }
  if (forced === 'mock') return mockTarget('because DEMO_TARGET=mock');
  if ((env.OS_CLOUD || env.OS_AUTH_URL) && (!forced || forced === 'own')) {
    const what = env.OS_CLOUD ? `cloud "${env.OS_CLOUD}" from clouds.yaml` : `OS_AUTH_URL ${env.OS_AUTH_URL}`;
    return {
      kind: 'own',
      description: `your cloud (${what}), because ${env.OS_CLOUD ? 'OS_CLOUD' : 'OS_AUTH_URL'} is set`,
      session: createSession(),
      preferredRegion: env.OS_REGION_NAME || undefined,
      close: () => {},
    };
  }
  if (forced === 'own') throw new Error('DEMO_TARGET=own needs OS_CLOUD or OS_AUTH_URL');
  const local = probe.readLocalEnv();
  if (forced === 'local' && !local) throw new Error(`DEMO_TARGET=local needs ${LOCAL_ENV_FILE}`);
  if (local) {
    const vars = localEnvVars(local);
    const url = vars.OS_AUTH_URL ?? LOCAL_KEYSTONE;
    let up = await probe.keystoneAnswers(url);
    if (!up) {
      probe.log(`The local Keystone + Swift are installed but not answering at ${url}; starting them...`);
      try {
        probe.startLocal();
        up = await probe.keystoneAnswers(url);
        if (up) probe.log('Started; they keep running (stop them with: bash tooling/openstack/down.sh).');
      } catch (e) {
        probe.log(`Could not start them (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`);
      }
    }
    if (up) {
      const { session, region } = localSession(vars);
      return {
        kind: 'local',
        description: `the local Keystone + Swift (${url}, settings from ${LOCAL_ENV_FILE})`,
        session,
        preferredRegion: region,
        close: () => {},
      };
    }
    if (forced === 'local') throw new Error(`DEMO_TARGET=local, but Keystone does not answer at ${url}`);
    probe.log('Falling back to the in-process mock cloud.');
  }
  return mockTarget('because neither OS_CLOUD / OS_AUTH_URL nor a running local OpenStack was found');
}

/** The in-process mock cloud, started now. */
function mockTarget(why: string): Target {
  const cloud = startMockCloud();
  return {
    kind: 'mock',
    description: `an in-process mock cloud (msw: a mock Keystone and in-memory Swift, nothing leaves this process), ${why}`,
    session: createSession({
      credentials: fromPassword({
        authUrl: MOCK_CLOUD.authUrl,
        username: MOCK_CLOUD.username,
        password: MOCK_CLOUD.password,
        projectName: MOCK_CLOUD.projectName,
      }),
      retry: { limit: 0 },
    }),
    close: () => cloud.close(),
  };
}

/**
 * TLS and forward proxies against the real Keystone and Swift of tooling/openstack: TLS
 * terminators with a CA made at test time in front of both (one pair requiring a client
 * certificate), and Debian's tinyproxy, whose log must show the SDK's requests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createSession,
  fromPassword,
  NetworkError,
  type Session,
  type SessionOptions,
} from '../../src/index.js';
import { createServiceClient } from '../../src/service.js';
import { createPki, type Pki } from '../support/pki.js';
import { startTlsFront } from '../support/servers.js';
import { startTinyproxy, type Tinyproxy, tinyproxyBinary } from './support/tinyproxy.js';

const env = { ...process.env };
const swiftUrl = env.CLOUD_IT_SWIFT_URL_REGIONONE;
// Fronts need plain-HTTP services on this machine: the local cloud, not a remote one.
const live = !!env.OS_AUTH_URL?.startsWith('http://127.0.0.1') && !!swiftUrl?.startsWith('http://127.0.0.1');
const d = live ? describe : describe.skip;
if (!live)
  console.warn('No local Keystone/Swift (tooling/openstack): TLS and proxy integration tests are skipped');

type Front = Awaited<ReturnType<typeof startTlsFront>>;

let pki: Pki;
let keystone: Front;
let swift: Front;
let keystoneMtls: Front;
let swiftMtls: Front;
const swiftPath = swiftUrl ? new URL(swiftUrl).pathname : '';

/** Runs `fn` with process.env reduced to the non-OpenStack variables plus `vars`. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) {
    if (/^(OS_|HTTPS?_PROXY$|NO_PROXY$)/i.test(k)) delete process.env[k];
  }
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

/** A clouds.yaml whose cloud `it` reaches Keystone and Swift through the given fronts. */
function cloudsYaml(name: string, ks: Front, sw: Front, extra: string): string {
  const path = join(pki.dir, `${name}.clouds.yaml`);
  writeFileSync(
    path,
    [
      'clouds:',
      '  it:',
      '    auth:',
      `      auth_url: ${ks.url}/v3`,
      `      username: ${env.OS_USERNAME}`,
      `      password: "${env.OS_PASSWORD}"`,
      `      project_name: ${env.OS_PROJECT_NAME}`,
      `      user_domain_name: ${env.OS_USER_DOMAIN_NAME ?? 'Default'}`,
      `      project_domain_name: ${env.OS_PROJECT_DOMAIN_NAME ?? 'Default'}`,
      `    region_name: ${env.OS_REGION_NAME ?? 'RegionOne'}`,
      // The catalog names http://127.0.0.1:8080; the front is the TLS way to the same proxy.
      `    object_store_endpoint_override: ${sw.url}${swiftPath}`,
      extra,
    ].join('\n'),
  );
  return path;
}

/** Authenticates and lists the account's containers (JSON). */
async function listContainers(session: Session): Promise<unknown> {
  await session.authenticate();
  const client = createServiceClient(session, { type: 'object-store' });
  const res = await client.request('GET', '', { searchParams: { format: 'json' } });
  return res.body;
}

const explicit = (ks: Front, sw: Front, more: Partial<SessionOptions>): SessionOptions => ({
  credentials: fromPassword({
    authUrl: `${ks.url}/v3`,
    username: env.OS_USERNAME,
    password: env.OS_PASSWORD!,
    projectName: env.OS_PROJECT_NAME,
    userDomainName: env.OS_USER_DOMAIN_NAME,
    projectDomainName: env.OS_PROJECT_DOMAIN_NAME,
  }),
  endpointOverrides: { 'object-store': `${sw.url}${swiftPath}` },
  retry: { limit: 0 },
  ...more,
});

d('TLS in front of the real Keystone and Swift', () => {
  beforeAll(async () => {
    pki = createPki();
    keystone = await startTlsFront(pki, new URL(env.OS_AUTH_URL!));
    swift = await startTlsFront(pki, new URL(swiftUrl!));
    keystoneMtls = await startTlsFront(pki, new URL(env.OS_AUTH_URL!), { requireClientCert: true });
    swiftMtls = await startTlsFront(pki, new URL(swiftUrl!), { requireClientCert: true });
  });
  afterAll(async () => {
    await Promise.all([keystone, swift, keystoneMtls, swiftMtls].map((f) => f?.close()));
  });

  it('authenticates and lists containers trusting the CA only through clouds.yaml cacert', async () => {
    const file = cloudsYaml('cacert', keystone, swift, `    cacert: ${pki.caCert}`);
    const body = await withEnv({ OS_CLIENT_CONFIG_FILE: file }, () =>
      listContainers(createSession({ cloud: 'it' })),
    );
    expect(Array.isArray(body)).toBe(true);
    expect(keystone.clientCns.length).toBeGreaterThan(0);
    expect(swift.clientCns.length).toBeGreaterThan(0);
  });

  it('fails with a certificate error without the CA, and works with verify: false', async () => {
    const without = cloudsYaml('nocacert', keystone, swift, '');
    const err = await withEnv({ OS_CLIENT_CONFIG_FILE: without }, () =>
      listContainers(createSession({ cloud: 'it', retry: { limit: 0 } })).catch((e: unknown) => e),
    );
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toMatch(/certificate/i);

    const insecure = cloudsYaml('insecure', keystone, swift, '    verify: false');
    const body = await withEnv({ OS_CLIENT_CONFIG_FILE: insecure }, () =>
      listContainers(createSession({ cloud: 'it' })),
    );
    expect(Array.isArray(body)).toBe(true);
  });

  it('takes the CA from OS_CACERT, and an explicit tls option over both', async () => {
    const body = await withEnv({ OS_CACERT: pki.caCert }, () =>
      listContainers(createSession(explicit(keystone, swift, {}))),
    );
    expect(Array.isArray(body)).toBe(true);
    const err = await withEnv({ OS_CACERT: pki.caCert }, () =>
      listContainers(createSession(explicit(keystone, swift, { tls: { cacert: pki.otherCaCert } }))).catch(
        (e: unknown) => e,
      ),
    );
    expect(err).toBeInstanceOf(NetworkError);
  });

  it('presents a client certificate to fronts that require one', async () => {
    const file = cloudsYaml(
      'mtls',
      keystoneMtls,
      swiftMtls,
      `    cacert: ${pki.caCert}\n    cert: ${pki.clientCert}\n    key: ${pki.clientKey}`,
    );
    const body = await withEnv({ OS_CLIENT_CONFIG_FILE: file }, () =>
      listContainers(createSession({ cloud: 'it' })),
    );
    expect(Array.isArray(body)).toBe(true);
    expect(keystoneMtls.clientCns).toContain('sdk-test-client');
    expect(swiftMtls.clientCns).toContain('sdk-test-client');

    const rejectedBefore = keystoneMtls.rejected;
    const err = await withEnv({ OS_CACERT: pki.caCert }, () =>
      listContainers(createSession(explicit(keystoneMtls, swiftMtls, {}))).catch((e: unknown) => e),
    );
    expect(err).toBeInstanceOf(NetworkError);
    expect(keystoneMtls.rejected).toBeGreaterThan(rejectedBefore);
  });
});

const needsProxy = !!tinyproxyBinary() || !!process.env.CI;
const dp = live && needsProxy ? describe : describe.skip;
if (live && !needsProxy) {
  console.warn(
    'tinyproxy is not installed (tooling/openstack/ensure-proxy-tools.sh): proxy tests are skipped',
  );
}

dp('through a real forward proxy (tinyproxy)', () => {
  let proxy: Tinyproxy;
  let swiftFront: Front;
  const keystonePort = new URL(env.OS_AUTH_URL ?? 'http://x').port;
  const swiftPort = new URL(swiftUrl ?? 'http://x').port;

  beforeAll(async () => {
    pki ??= createPki();
    proxy = await startTinyproxy();
    swiftFront = await startTlsFront(pki, new URL(swiftUrl!));
  });
  afterAll(async () => {
    await proxy?.stop();
    await swiftFront?.close();
  });

  const plainSession = (more: Partial<SessionOptions> = {}) =>
    createSession({
      credentials: fromPassword({
        authUrl: env.OS_AUTH_URL!,
        username: env.OS_USERNAME,
        password: env.OS_PASSWORD!,
        projectName: env.OS_PROJECT_NAME,
        userDomainName: env.OS_USER_DOMAIN_NAME,
        projectDomainName: env.OS_PROJECT_DOMAIN_NAME,
      }),
      region: env.OS_REGION_NAME,
      ...more,
    });

  it('sends Keystone and Swift requests through HTTP_PROXY', async () => {
    const before = proxy.requests().length;
    const body = await withEnv({ HTTP_PROXY: proxy.url }, () => listContainers(plainSession()));
    expect(Array.isArray(body)).toBe(true);
    const seen = proxy.requests().slice(before);
    expect(seen).toContain(`CONNECT 127.0.0.1:${keystonePort}`);
    expect(seen).toContain(`CONNECT 127.0.0.1:${swiftPort}`);
  });

  it('tunnels TLS through HTTPS_PROXY to a front trusted via cacert', async () => {
    const before = proxy.requests().length;
    // The environment is read when the session's transport is created.
    const body = await withEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: `127.0.0.1:${keystonePort}` }, () =>
      listContainers(
        plainSession({
          endpointOverrides: { 'object-store': `${swiftFront.url}${swiftPath}` },
          tls: { cacert: pki.caCert },
        }),
      ),
    );
    expect(Array.isArray(body)).toBe(true);
    const seen = proxy.requests().slice(before);
    expect(seen).toEqual([`CONNECT 127.0.0.1:${swiftFront.port}`]);
  });

  it('uses the explicit proxy option, and goes direct for NO_PROXY hosts', async () => {
    const before = proxy.requests().length;
    await withEnv({}, () => listContainers(plainSession({ proxy: proxy.url })));
    expect(proxy.requests().length).toBeGreaterThan(before);

    const afterExplicit = proxy.requests().length;
    const body = await withEnv({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' }, () =>
      listContainers(plainSession()),
    );
    expect(Array.isArray(body)).toBe(true);
    expect(proxy.requests().length).toBe(afterExplicit);

    await withEnv({ HTTP_PROXY: proxy.url }, () => listContainers(plainSession({ proxy: false })));
    expect(proxy.requests().length).toBe(afterExplicit);
  });
});

/** TLS settings: parsing, precedence, errors for bad files, and real handshakes with a test CA. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mergeTls, tlsFromEnv, tlsGotOptions } from '../src/http/tls.js';
import {
  type CredentialProvider,
  createAuthResult,
  createSession,
  createTransport,
  loadCloudConfig,
  NetworkError,
  ValidationError,
} from '../src/index.js';
import { createServiceClient } from '../src/service.js';
import { createPki, type Pki } from './support/pki.js';
import { type Running, type SeenRequest, startHttpsServer } from './support/servers.js';

let pki: Pki;
beforeAll(() => {
  pki = createPki();
});

const servers: Running[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function https(opts: { requireClientCert?: boolean } = {}) {
  const s = await startHttpsServer(pki, opts);
  servers.push(s);
  return s;
}

const errorOf = async (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );

const syncErrorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

const fixedToken: CredentialProvider = async () =>
  createAuthResult({ token: 'tok', identityVersion: 'v3', catalog: [] });

describe('tlsFromEnv and mergeTls', () => {
  it('reads OS_CACERT, OS_CERT, OS_KEY and OS_INSECURE', () => {
    expect(
      tlsFromEnv({ OS_CACERT: '/ca.pem', OS_CERT: '/c.pem', OS_KEY: '/k.pem', OS_INSECURE: 'True' }),
    ).toEqual({
      verify: false,
      cacert: '/ca.pem',
      cert: '/c.pem',
      key: '/k.pem',
    });
    expect(tlsFromEnv({ OS_INSECURE: 'no' })).toEqual({ verify: true });
    expect(tlsFromEnv({ OS_AUTH_URL: 'http://x' })).toBeUndefined();
  });

  it('rejects an OS_INSECURE that is not a boolean', () => {
    const err = syncErrorOf(() => tlsFromEnv({ OS_INSECURE: 'maybe' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('OS_INSECURE');
  });

  it('merges field by field, later layers winning', () => {
    expect(
      mergeTls({ cacert: '/env.pem', verify: false }, { cacert: '/yaml.pem' }, { cert: '/c.pem' }),
    ).toEqual({
      cacert: '/yaml.pem',
      verify: false,
      cert: '/c.pem',
    });
    expect(mergeTls(undefined, {})).toBeUndefined();
  });
});

describe('tlsGotOptions: files are checked before any request', () => {
  it('names an unreadable CA file in a ValidationError', () => {
    const missing = join(pki.dir, 'nope.pem');
    const err = syncErrorOf(() => tlsGotOptions({ cacert: missing }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('tls.cacert');
    expect(err.message).toContain(missing);
    expect(err.message).toContain('ENOENT');
  });

  it('rejects a CA file that holds no certificate, and a garbled one', () => {
    const text = join(pki.dir, 'text.pem');
    writeFileSync(text, 'not a certificate\n');
    expect(syncErrorOf(() => tlsGotOptions({ cacert: text })).message).toContain('holds no PEM data');
    const garbled = join(pki.dir, 'garbled.pem');
    writeFileSync(garbled, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const err = syncErrorOf(() => tlsGotOptions({ cacert: garbled }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain(garbled);
  });

  it('needs a certificate for a key, and a key that matches it, without quoting the key', () => {
    expect((syncErrorOf(() => tlsGotOptions({ key: pki.clientKey })) as ValidationError).field).toBe(
      'tls.cert',
    );
    const err = syncErrorOf(() => tlsGotOptions({ cert: pki.clientCert, key: pki.serverKey }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain(pki.clientCert);
    expect(err.message).toContain('mismatch');
    const keyBody = pki.read(pki.serverKey).toString().split('\n')[1]!;
    expect(err.message).not.toContain(keyBody);
    expect(inspect(err, { depth: 5 })).not.toContain(keyBody);
  });

  it('maps settings to got connection options', () => {
    const o = tlsGotOptions({ cacert: pki.caCert, cert: pki.clientCert, key: pki.clientKey, verify: false });
    expect(o.https?.certificateAuthority?.toString()).toBe(pki.read(pki.caCert).toString());
    expect(o.https?.certificate?.toString()).toBe(pki.read(pki.clientCert).toString());
    expect(o.https?.key?.toString()).toBe(pki.read(pki.clientKey).toString());
    expect(o.https?.rejectUnauthorized).toBe(false);
    expect(tlsGotOptions({ verify: true }).https?.rejectUnauthorized).toBeUndefined();
    expect(tlsGotOptions(undefined)).toEqual({});
  });

  it('createTransport and createSession throw it synchronously, before any connection', async () => {
    const server = await https();
    const missing = join(pki.dir, 'missing-ca.pem');
    expect(syncErrorOf(() => createTransport({ tls: { cacert: missing } }))).toBeInstanceOf(ValidationError);
    expect(
      syncErrorOf(() => createSession({ credentials: fixedToken, tls: { cacert: missing } })),
    ).toBeInstanceOf(ValidationError);
    expect(server.seen).toHaveLength(0);
  });
});

describe('handshakes with a private CA (real sockets)', () => {
  it('trusts the server only through cacert', async () => {
    const server = await https();
    const trusted = await createTransport({ tls: { cacert: pki.caCert } }).send({
      method: 'GET',
      url: `${server.url}/x`,
    });
    expect(trusted.status).toBe(200);

    const err = await errorOf(
      createTransport({ retry: { limit: 0 } }).send({ method: 'GET', url: `${server.url}/x` }),
    );
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toMatch(/certificate/i);

    const wrongCa = await errorOf(
      createTransport({ tls: { cacert: pki.otherCaCert } }).send({ method: 'GET', url: `${server.url}/x` }),
    );
    expect(wrongCa).toBeInstanceOf(NetworkError);
    expect(server.seen).toHaveLength(1);
  });

  it('accepts any certificate with verify: false', async () => {
    const server = await https();
    const res = await createTransport({ tls: { verify: false } }).send({
      method: 'GET',
      url: `${server.url}/x`,
    });
    expect(res.status).toBe(200);
  });

  it('presents a client certificate to a server that requires one', async () => {
    const server = await https({ requireClientCert: true });
    const url = `${server.url}/mtls`;
    const withCert = createTransport({
      tls: { cacert: pki.caCert, cert: pki.clientCert, key: pki.clientKey },
    });
    expect((await withCert.send({ method: 'GET', url })).status).toBe(200);
    expect(server.seen.at(-1)?.clientCn).toBe('sdk-test-client');

    const combined = createTransport({ tls: { cacert: pki.caCert, cert: pki.clientCombined } });
    expect((await combined.send({ method: 'GET', url })).status).toBe(200);

    const without = createTransport({ tls: { cacert: pki.caCert }, retry: { limit: 0 } });
    expect(await errorOf(without.send({ method: 'GET', url }))).toBeInstanceOf(NetworkError);
    expect(server.seen.map((s: SeenRequest) => s.clientCn)).toEqual(['sdk-test-client', 'sdk-test-client']);
  });
});

describe('precedence: options > clouds.yaml > OS_* (real sockets)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });
  afterAll(() => {
    Object.assign(process.env, saved);
  });

  function cloudsYaml(name: string, server: Running, extra: string): string {
    const path = join(pki.dir, `${name}-clouds.yaml`);
    writeFileSync(
      path,
      `clouds:\n  tlscloud:\n    auth:\n      auth_url: ${server.url}/v3\n      username: demo\n      password: pw\n      project_name: demo\n    region_name: RegionOne\n${extra}`,
    );
    return path;
  }

  async function listThroughSession(options: Parameters<typeof createSession>[0]) {
    const session = createSession(options);
    const swift = createServiceClient(session, { type: 'object-store' });
    return swift.request('GET', '', { searchParams: { format: 'json' } });
  }

  it('uses clouds.yaml cacert for authentication and service calls', async () => {
    const server = await https();
    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml('a', server, `    cacert: ${pki.caCert}\n`);
    const res = await listThroughSession({ cloud: 'tlscloud' });
    expect(res.status).toBe(200);
    expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /v3/auth/tokens',
      'GET /v1/AUTH_p?format=json',
    ]);
  });

  it('lets clouds.yaml win over OS_CACERT, and explicit options win over clouds.yaml', async () => {
    const server = await https();
    process.env.OS_CACERT = pki.otherCaCert;
    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml('b', server, `    cacert: ${pki.caCert}\n`);
    expect((await listThroughSession({ cloud: 'tlscloud' })).status).toBe(200);

    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml('c', server, `    cacert: ${pki.otherCaCert}\n`);
    const wrong = await errorOf(listThroughSession({ cloud: 'tlscloud', retry: { limit: 0 } }));
    expect(wrong).toBeInstanceOf(NetworkError);
    expect((await listThroughSession({ cloud: 'tlscloud', tls: { cacert: pki.caCert } })).status).toBe(200);
  });

  it('applies OS_CACERT and OS_INSECURE when credentials are explicit', async () => {
    const server = await https();
    const endpointOverrides = { 'object-store': `${server.url}/v1/AUTH_p` };
    process.env.OS_CACERT = pki.caCert;
    expect((await listThroughSession({ credentials: fixedToken, endpointOverrides })).status).toBe(200);
    delete process.env.OS_CACERT;
    process.env.OS_INSECURE = 'true';
    expect((await listThroughSession({ credentials: fixedToken, endpointOverrides })).status).toBe(200);
    const err = await errorOf(
      listThroughSession({
        credentials: fixedToken,
        endpointOverrides,
        tls: { verify: true },
        retry: { limit: 0 },
      }),
    );
    expect(err).toBeInstanceOf(NetworkError);
  });

  it('honours verify: false and insecure: true in clouds.yaml', async () => {
    const server = await https();
    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml('d', server, '    verify: false\n');
    expect((await listThroughSession({ cloud: 'tlscloud' })).status).toBe(200);
    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml('e', server, '    insecure: true\n');
    expect((await listThroughSession({ cloud: 'tlscloud' })).status).toBe(200);
  });

  it('reads cert and key from secure.yaml beside clouds.yaml', async () => {
    const server = await https({ requireClientCert: true });
    const dir = join(pki.dir, 'secure');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const clouds = cloudsYaml('f', server, `    cacert: ${pki.caCert}\n`);
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'clouds.yaml'), readFileSync(clouds));
    writeFileSync(
      join(dir, 'secure.yaml'),
      `clouds:\n  tlscloud:\n    cert: ${pki.clientCert}\n    key: ${pki.clientKey}\n`,
    );
    process.env.OS_CLIENT_CONFIG_FILE = join(dir, 'clouds.yaml');
    expect((await listThroughSession({ cloud: 'tlscloud' })).status).toBe(200);
    expect(server.seen.every((s) => s.clientCn === 'sdk-test-client')).toBe(true);
  });

  it('fails with a ValidationError naming an unreadable clouds.yaml cacert, sending nothing', async () => {
    const server = await https();
    const missing = join(pki.dir, 'gone-ca.pem');
    process.env.OS_CLIENT_CONFIG_FILE = cloudsYaml('g', server, `    cacert: ${missing}\n`);
    const err = await errorOf(listThroughSession({ cloud: 'tlscloud' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain(missing);
    expect(server.seen).toHaveLength(0);
  });

  it('loadCloudConfig reports the merged settings, with no key material in inspect output', async () => {
    const server = await https();
    const path = cloudsYaml('h', server, `    verify: false\n    cert: ${pki.clientCert}\n`);
    const config = await loadCloudConfig({
      cloud: 'tlscloud',
      files: [path],
      env: { OS_CACERT: '/env-ca.pem', OS_KEY: pki.clientKey },
      overrides: { tls: { verify: true } },
    });
    expect(config.tls).toEqual({
      cacert: '/env-ca.pem',
      key: pki.clientKey,
      cert: pki.clientCert,
      verify: true,
    });
    expect(inspect(config, { depth: 5 })).not.toContain('PRIVATE KEY');
    await expect(
      loadCloudConfig({
        cloud: 'tlscloud',
        files: [cloudsYaml('i', server, '    verify: /etc/ca.pem\n')],
        env: {},
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps key material out of util.inspect of a session', async () => {
    const session = createSession({
      credentials: fixedToken,
      tls: { cacert: pki.caCert, cert: pki.clientCert, key: pki.clientKey },
    });
    const text = inspect(session, { depth: 10, showHidden: true });
    expect(text).not.toContain('PRIVATE KEY');
    expect(inspect(session.transport, { depth: 10, showHidden: true })).not.toContain('PRIVATE KEY');
  });
});

/** Forward proxies: NO_PROXY matching, environment resolution, and real tunnels through a test proxy. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { bypassesProxy, parseNoProxy, resolveProxy } from '../src/http/proxy.js';
import { createSession, createTransport, NetworkError, ValidationError } from '../src/index.js';
import { createServiceClient } from '../src/service.js';
import { createPki, type Pki } from './support/pki.js';
import { type Running, startConnectProxy, startHttpServer, startHttpsServer } from './support/servers.js';

const bypass = (url: string, noProxy: string) => bypassesProxy(new URL(url), parseNoProxy(noProxy));

describe('NO_PROXY matching', () => {
  it('matches hosts and their subdomains, with or without a leading dot or *.', () => {
    expect(bypass('https://example.com/', 'example.com')).toBe(true);
    expect(bypass('https://api.example.com/', 'example.com')).toBe(true);
    expect(bypass('https://api.example.com/', '.example.com')).toBe(true);
    expect(bypass('https://api.example.com/', '*.example.com')).toBe(true);
    expect(bypass('https://badexample.com/', 'example.com')).toBe(false);
    expect(bypass('https://example.com.evil.test/', 'example.com')).toBe(false);
    expect(bypass('https://API.Example.COM./', 'example.com')).toBe(true);
  });

  it('treats * as every host and ignores empty entries', () => {
    expect(bypass('https://anything.test/', '*')).toBe(true);
    expect(bypass('https://anything.test/', ' , ,other.test')).toBe(false);
    expect(bypass('https://anything.test/', '')).toBe(false);
  });

  it('restricts an entry with a port to that port (default ports included)', () => {
    expect(bypass('http://example.com:8080/', 'example.com:8080')).toBe(true);
    expect(bypass('http://example.com:8081/', 'example.com:8080')).toBe(false);
    expect(bypass('https://example.com/', 'example.com:443')).toBe(true);
    expect(bypass('http://example.com/', 'example.com:443')).toBe(false);
    expect(bypass('http://127.0.0.1:5000/', '127.0.0.1:5000')).toBe(true);
    expect(bypass('http://127.0.0.1:8080/', '127.0.0.1:5000')).toBe(false);
  });

  it('matches IP literals exactly, IPv6 with or without brackets, and CIDR ranges', () => {
    expect(bypass('http://10.1.2.3/', '10.1.2.3')).toBe(true);
    expect(bypass('http://110.1.2.3/', '10.1.2.3')).toBe(false);
    expect(bypass('http://10.1.2.3/', '1.2.3')).toBe(false);
    expect(bypass('http://[::1]:5000/', '::1')).toBe(true);
    expect(bypass('http://[::1]:5000/', '[::1]:5000')).toBe(true);
    expect(bypass('http://[::1]:5000/', '[::1]:6000')).toBe(false);
    expect(bypass('http://[0:0:0:0:0:0:0:1]/', '::1')).toBe(true);
    expect(bypass('http://10.200.3.4/', '10.0.0.0/8')).toBe(true);
    expect(bypass('http://11.0.0.1/', '10.0.0.0/8')).toBe(false);
    expect(bypass('http://[fd00::5]/', 'fd00::/8')).toBe(true);
    expect(bypass('http://ten.test/', '10.0.0.0/8')).toBe(false);
  });

  it('does not exempt loopback implicitly', () => {
    expect(bypass('http://127.0.0.1:5000/', 'example.com')).toBe(false);
    expect(bypass('http://localhost:5000/', 'example.com')).toBe(false);
    expect(bypass('http://localhost:5000/', 'localhost,127.0.0.1')).toBe(true);
  });
});

describe('resolveProxy', () => {
  it('reads https_proxy/http_proxy/no_proxy, lower case first', () => {
    const p = resolveProxy(undefined, {
      HTTPS_PROXY: 'http://upper:3128',
      https_proxy: 'http://lower:3128',
      HTTP_PROXY: 'plain-proxy:8000',
      NO_PROXY: 'internal.test',
    });
    expect(p?.https?.href).toBe('http://lower:3128/');
    expect(p?.http?.href).toBe('http://plain-proxy:8000/');
    expect(p?.noProxy).toEqual([{ kind: 'host', host: 'internal.test', port: undefined }]);
    expect(resolveProxy(undefined, {})).toBeUndefined();
  });

  it('lets an explicit proxy win over the environment, and false turn proxies off', () => {
    const env = { HTTPS_PROXY: 'http://env:3128', NO_PROXY: 'a.test' };
    expect(resolveProxy('http://explicit:1', env)?.https?.host).toBe('explicit:1');
    expect(resolveProxy('http://explicit:1', env)?.noProxy).toHaveLength(1);
    expect(resolveProxy({ url: 'http://explicit:1', noProxy: [] }, env)?.noProxy).toEqual([]);
    expect(resolveProxy(false, env)).toBeUndefined();
  });

  it('rejects non-HTTP proxies without echoing credentials', () => {
    let err: unknown;
    try {
      resolveProxy(undefined, { HTTPS_PROXY: 'socks5://user:hunter2@proxy:1080' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('HTTPS_PROXY');
    expect((err as Error).message).not.toContain('hunter2');
  });
});

describe('requests through a forward proxy (real sockets)', () => {
  let pki: Pki;
  const running: Running[] = [];
  beforeAll(() => {
    pki = createPki();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.close()));
  });
  const start = async <T extends Running>(p: Promise<T>): Promise<T> => {
    const s = await p;
    running.push(s);
    return s;
  };

  it('tunnels http and https requests, keeping TLS trust settings for the target', async () => {
    const proxy = await start(startConnectProxy());
    const plain = await start(startHttpServer());
    const secure = await start(startHttpsServer(pki));
    const t = createTransport({ proxy: proxy.url, tls: { cacert: pki.caCert } });
    expect((await t.send({ method: 'GET', url: `${plain.url}/a` })).status).toBe(200);
    expect((await t.send({ method: 'GET', url: `${secure.url}/b` })).status).toBe(200);
    expect(proxy.targets).toEqual([`127.0.0.1:${plain.port}`, `127.0.0.1:${secure.port}`]);
    expect(secure.seen.map((s) => s.url)).toEqual(['/b']);

    const untrusted = createTransport({ proxy: proxy.url, retry: { limit: 0 } });
    expect(await untrusted.send({ method: 'GET', url: `${secure.url}/c` }).catch((e) => e)).toBeInstanceOf(
      NetworkError,
    );
  });

  it('picks the proxy from HTTPS_PROXY/HTTP_PROXY and skips NO_PROXY hosts', async () => {
    const proxy = await start(startConnectProxy());
    const plain = await start(startHttpServer());
    const saved = { ...process.env };
    try {
      process.env.HTTP_PROXY = proxy.url;
      delete process.env.http_proxy;
      delete process.env.no_proxy;
      process.env.NO_PROXY = `127.0.0.1:${plain.port + 1}`;
      await createTransport().send({ method: 'GET', url: `${plain.url}/via-proxy` });
      expect(proxy.targets).toHaveLength(1);

      process.env.NO_PROXY = `example.com, 127.0.0.1:${plain.port}`;
      await createTransport().send({ method: 'GET', url: `${plain.url}/direct` });
      expect(proxy.targets).toHaveLength(1);
      expect(plain.hits).toBe(2);

      process.env.NO_PROXY = '';
      await createTransport({ proxy: false }).send({ method: 'GET', url: `${plain.url}/off` });
      expect(proxy.targets).toHaveLength(1);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('sends proxy credentials from the URL and reports a refusal as NetworkError without them', async () => {
    const proxy = await start(startConnectProxy({ auth: 'alice:s3cret' }));
    const plain = await start(startHttpServer());
    const ok = createTransport({ proxy: `http://alice:s3cret@127.0.0.1:${proxy.port}` });
    expect((await ok.send({ method: 'GET', url: `${plain.url}/x` })).status).toBe(200);

    const bad = createTransport({ proxy: `http://alice:wrong@127.0.0.1:${proxy.port}`, retry: { limit: 0 } });
    const err = (await bad.send({ method: 'GET', url: `${plain.url}/x` }).catch((e) => e)) as Error;
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toContain('407');
    expect(err.message).not.toContain('wrong');
    expect(plain.hits).toBe(1);
  });

  it('routes a session (authentication and service calls) through its proxy option', async () => {
    const proxy = await start(startConnectProxy());
    const secure = await start(startHttpsServer(pki));
    const session = createSession({
      credentials: async ({ transport }) => {
        await transport.send({ method: 'POST', url: `${secure.url}/v3/auth/tokens`, json: {} });
        const { createAuthResult } = await import('../src/index.js');
        return createAuthResult({ token: 't', identityVersion: 'v3', catalog: [] });
      },
      endpointOverrides: { 'object-store': `${secure.url}/v1/AUTH_p` },
      tls: { cacert: pki.caCert },
      proxy: proxy.url,
    });
    const res = await createServiceClient(session, { type: 'object-store' }).request('GET', '');
    expect(res.status).toBe(200);
    expect(secure.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /v3/auth/tokens',
      'GET /v1/AUTH_p',
    ]);
    expect(proxy.targets.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.targets)).toEqual(new Set([`127.0.0.1:${secure.port}`]));
  });
});

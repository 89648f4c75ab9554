/**
 * Against a real Keystone (and Swift for the catalog's endpoints): started on 127.0.0.1 by
 * tooling/openstack/up.sh, or any cloud the OS_* variables point at.
 */
import { describe, expect, it } from '@jest/globals';
import {
  AuthenticationError,
  createSession,
  EndpointNotFoundError,
  fromApplicationCredential,
  fromPassword,
  fromToken,
} from '../../src/index.js';
import { createServiceClient } from '../../src/service.js';

const env = process.env;
const live = !!env.OS_AUTH_URL;
const d = live ? describe : describe.skip;
if (!live)
  console.warn(
    'OS_AUTH_URL is not set: Keystone integration tests are skipped (run them through tooling/openstack/with-openstack.sh)',
  );

const password = () =>
  fromPassword({
    authUrl: env.OS_AUTH_URL!,
    username: env.OS_USERNAME,
    password: env.OS_PASSWORD!,
    projectName: env.OS_PROJECT_NAME,
    userDomainName: env.OS_USER_DOMAIN_NAME,
    projectDomainName: env.OS_PROJECT_DOMAIN_NAME,
  });

d('Keystone v3 (real service)', () => {
  it('authenticates with a password and returns a scoped token with a catalog', async () => {
    const session = createSession({ credentials: password() });
    const auth = await session.authenticate();
    expect(auth.token.length).toBeGreaterThan(20);
    expect(auth.identityVersion).toBe('v3');
    expect(auth.project?.name).toBe(env.OS_PROJECT_NAME);
    expect(auth.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(auth.catalog.some((c) => c.type === 'object-store')).toBe(true);
  });

  it('rejects a wrong password with AuthenticationError (401) and a request id', async () => {
    const err = (await createSession({
      credentials: fromPassword({
        authUrl: env.OS_AUTH_URL!,
        username: env.OS_USERNAME,
        password: 'definitely-wrong',
        projectName: env.OS_PROJECT_NAME,
      }),
    })
      .authenticate()
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.requestId).toMatch(/^req-/);
    expect(err.message).not.toContain('definitely-wrong');
  });

  const appCred = env.CLOUD_IT_APP_CRED_ID && env.CLOUD_IT_APP_CRED_SECRET ? it : it.skip;
  appCred('authenticates with an application credential', async () => {
    const session = createSession({
      credentials: fromApplicationCredential({
        authUrl: env.OS_AUTH_URL!,
        id: env.CLOUD_IT_APP_CRED_ID,
        secret: env.CLOUD_IT_APP_CRED_SECRET!,
      }),
    });
    const auth = await session.authenticate();
    expect(auth.project?.name).toBe(env.OS_PROJECT_NAME);
    const swift = createServiceClient(session, { type: 'object-store', region: env.OS_REGION_NAME });
    const res = await swift.request('HEAD', '');
    expect(res.status).toBe(204);
  });

  it('reports an unknown token as rejected, not as a missing identity API', async () => {
    const token = 'gAAAAABnot-a-real-fernet-token';
    const err = (await createSession({
      credentials: fromToken({ authUrl: env.OS_AUTH_URL!, token, projectName: env.OS_PROJECT_NAME }),
    })
      .authenticate()
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.message).not.toMatch(/not served at this URL/);
    expect(err.message).toMatch(/did not accept a token/);
    expect(err.message).not.toContain(token);
  });

  it('rescopes an existing token with the token method', async () => {
    const first = await createSession({ credentials: password() }).authenticate();
    const again = await createSession({
      credentials: fromToken({ authUrl: env.OS_AUTH_URL!, token: first.token, projectId: first.project!.id }),
    }).authenticate();
    expect(again.project?.id).toBe(first.project?.id);
    expect(again.catalog.length).toBeGreaterThan(0);
  });

  it('selects endpoints by region and interface from the real catalog', async () => {
    const session = createSession({ credentials: password() });
    const regions = await session.listRegions('object-store');
    expect(regions.length).toBeGreaterThanOrEqual(1);
    const urls = await Promise.all(
      regions.map((region) => session.endpoint({ type: 'object-store', region })),
    );
    if (regions.length > 1) expect(new Set(urls).size).toBe(regions.length);
    for (const url of urls) {
      const res = await createServiceClient(session, { type: 'object-store', endpoint: url }).request(
        'HEAD',
        '',
      );
      expect(res.status).toBe(204);
    }
    await expect(session.endpoint({ type: 'object-store', region: 'NoSuchRegion' })).rejects.toThrow(
      new RegExp(`regions offering it: ${regions.join(', ')}`),
    );
    await expect(session.endpoint({ type: 'no-such-service', region: regions[0] })).rejects.toBeInstanceOf(
      EndpointNotFoundError,
    );
  });

  it('reuses one token across clients and regions', async () => {
    let tokenRequests = 0;
    const inner = password();
    const session = createSession({
      credentials: async (ctx) => {
        tokenRequests++;
        return inner(ctx);
      },
    });
    const regions = await session.listRegions('object-store');
    const clients = regions.map((region) => createServiceClient(session, { type: 'object-store', region }));
    await Promise.all(
      clients.flatMap((c) => [
        c.request('HEAD', ''),
        c.request('GET', '', { searchParams: { format: 'json' } }),
      ]),
    );
    expect(tokenRequests).toBe(1);
  });

  it('re-authenticates after the token is revoked server-side', async () => {
    let tokenRequests = 0;
    const inner = password();
    const session = createSession({
      credentials: async (ctx) => {
        tokenRequests++;
        return inner(ctx);
      },
    });
    const swift = createServiceClient(session, { type: 'object-store', region: env.OS_REGION_NAME });
    const { token } = await session.authenticate();
    await swift.request('HEAD', '');
    // Revoke the token: DELETE /v3/auth/tokens with X-Subject-Token.
    const revoke = await session.transport.send({
      method: 'DELETE',
      url: `${env.OS_AUTH_URL!.replace(/\/$/, '')}/auth/tokens`,
      headers: { 'x-auth-token': token, 'x-subject-token': token },
    });
    expect(revoke.status).toBe(204);
    const res = await swift.request('HEAD', '');
    expect(res.status).toBe(204);
    expect(tokenRequests).toBe(2);
  });
});

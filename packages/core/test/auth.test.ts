import { jsonBody, MOCK_AUTH_URL, MOCK_PROJECT_ID, MOCK_V2_AUTH_URL, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  AuthenticationError,
  createSession,
  createTransport,
  fromApplicationCredential,
  fromPassword,
  fromRackspaceApiKey,
  fromToken,
  ValidationError,
} from '../src/index.js';
import { identityVersionOf, versionedAuthUrl } from '../src/service.js';

const cloud = setupMockCloud();
const ctx = () => ({ transport: createTransport({ retry: { limit: 0 } }) });

describe('fromPassword (v3)', () => {
  it('sends user name + domain and a project scope by name', async () => {
    const auth = await fromPassword({
      authUrl: MOCK_AUTH_URL,
      username: 'demo',
      password: 'secret',
      projectName: 'demo',
      userDomainName: 'Users',
      projectDomainName: 'Projects',
    })(ctx());
    const [req] = cloud.requests;
    expect(req?.url.pathname).toBe('/v3/auth/tokens');
    expect(await jsonBody(req!)).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { name: 'Users' }, password: 'secret' } },
        },
        scope: { project: { name: 'demo', domain: { name: 'Projects' } } },
      },
    });
    expect(auth.token).toMatch(/^tok-/);
    expect(auth.identityVersion).toBe('v3');
    expect(auth.project).toEqual({
      id: MOCK_PROJECT_ID,
      name: 'demo',
      domainId: 'default',
      domainName: 'Default',
    });
    expect(auth.expiresAt).toBeInstanceOf(Date);
    expect(auth.catalog.map((c) => c.type)).toEqual([
      'compute',
      'object-store',
      'rax:object-cdn',
      'database',
      'image',
      'volumev3',
      'network',
      'dns',
      'rax:dns',
      'rax:load-balancer',
      'load-balancer',
    ]);
  });

  it('scopes by project id and user id, and defaults the user domain to Default', async () => {
    await fromPassword({ authUrl: MOCK_AUTH_URL, userId: 'u-1', password: 'secret', projectId: 'p-1' })(
      ctx(),
    );
    const body = await jsonBody(cloud.requests[0]!);
    expect(body.auth.identity.password.user).toEqual({ id: 'u-1', password: 'secret' });
    expect(body.auth.scope).toEqual({ project: { id: 'p-1' } });
    await fromPassword({
      authUrl: MOCK_AUTH_URL,
      username: 'demo',
      password: 'secret',
      domainName: 'Default',
    })(ctx());
    const body2 = await jsonBody(cloud.requests[1]!);
    expect(body2.auth.identity.password.user.domain).toEqual({ name: 'Default' });
    expect(body2.auth.scope).toEqual({ domain: { name: 'Default' } });
  });

  it('appends /v3 to an unversioned auth URL', async () => {
    await fromPassword({ authUrl: 'https://identity.mock.test', username: 'demo', password: 'secret' })(
      ctx(),
    );
    expect(cloud.requests[0]?.url.href).toBe(`${MOCK_AUTH_URL}/auth/tokens`);
  });

  it('rejects bad credentials with AuthenticationError carrying the request id, without the password', async () => {
    const err = (await fromPassword({ authUrl: MOCK_AUTH_URL, username: 'demo', password: 'wrong-pw-123' })(
      ctx(),
    ).catch((e: unknown) => e)) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.status).toBe(401);
    expect(err.requestId).toBe('req-auth-fail');
    expect(err.message).toContain('credentials were rejected');
    expect(err.message).not.toContain('wrong-pw-123');
  });

  it('validates its input before any request', () => {
    expect(() => fromPassword({ authUrl: '', username: 'a', password: 'b' })).toThrow(ValidationError);
    expect(() => fromPassword({ authUrl: MOCK_AUTH_URL, password: 'b' })).toThrow(/username or userId/);
    expect(() => fromPassword({ authUrl: MOCK_AUTH_URL, username: 'a', password: '' })).toThrow(
      /password is required/,
    );
    expect(() => fromPassword({ authUrl: 'ftp://x', username: 'a', password: 'b' })).toThrow(/http or https/);
    expect(() => fromPassword({ authUrl: 'not a url', username: 'a', password: 'b' })).toThrow(
      /absolute http/,
    );
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('fromToken', () => {
  it('exchanges a token for a scoped token with a catalog (v3 token method)', async () => {
    const first = await fromPassword({ authUrl: MOCK_AUTH_URL, username: 'demo', password: 'secret' })(ctx());
    const auth = await fromToken({ authUrl: MOCK_AUTH_URL, token: first.token, projectId: 'p-9' })(ctx());
    const body = await jsonBody(cloud.requests[1]!);
    expect(body.auth.identity).toEqual({ methods: ['token'], token: { id: first.token } });
    expect(body.auth.scope).toEqual({ project: { id: 'p-9' } });
    expect(auth.token).not.toBe(first.token);
    expect(auth.catalog.length).toBeGreaterThan(0);
  });

  it('uses a token as is when no auth URL is given', async () => {
    const auth = await fromToken({ token: 'static-token' })(ctx());
    expect(auth.token).toBe('static-token');
    expect(auth.catalog).toEqual([]);
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('fromApplicationCredential', () => {
  it('authenticates by id without a scope', async () => {
    const auth = await fromApplicationCredential({ authUrl: MOCK_AUTH_URL, id: 'ac-1', secret: 'secret' })(
      ctx(),
    );
    const body = await jsonBody(cloud.requests[0]!);
    expect(body).toEqual({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: 'ac-1', secret: 'secret' },
        },
      },
    });
    expect(auth.project?.id).toBe(MOCK_PROJECT_ID);
  });

  it('authenticates by name with the owning user', async () => {
    await fromApplicationCredential({
      authUrl: MOCK_AUTH_URL,
      name: 'ci',
      secret: 'secret',
      username: 'demo',
    })(ctx());
    const body = await jsonBody(cloud.requests[0]!);
    expect(body.auth.identity.application_credential).toEqual({
      name: 'ci',
      secret: 'secret',
      user: { name: 'demo', domain: { name: 'Default' } },
    });
  });

  it('needs v3, a secret, and an id or a name with a user', () => {
    expect(() => fromApplicationCredential({ authUrl: MOCK_V2_AUTH_URL, id: 'x', secret: 's' })).toThrow(
      /Identity v3/,
    );
    expect(() => fromApplicationCredential({ authUrl: MOCK_AUTH_URL, id: 'x', secret: '' })).toThrow(
      ValidationError,
    );
    expect(() => fromApplicationCredential({ authUrl: MOCK_AUTH_URL, secret: 's' })).toThrow(/id or name/);
    expect(() => fromApplicationCredential({ authUrl: MOCK_AUTH_URL, name: 'n', secret: 's' })).toThrow(
      /username/,
    );
  });
});

describe('Identity v2.0', () => {
  it('fromPassword sends passwordCredentials with the tenant name', async () => {
    const auth = await fromPassword({
      authUrl: MOCK_V2_AUTH_URL,
      username: 'demo',
      password: 'secret',
      tenantName: 't1',
    })(ctx());
    expect(cloud.requests[0]?.url.pathname).toBe('/v2.0/tokens');
    expect(await jsonBody(cloud.requests[0]!)).toEqual({
      auth: { passwordCredentials: { username: 'demo', password: 'secret' }, tenantName: 't1' },
    });
    expect(auth.identityVersion).toBe('v2.0');
    expect(auth.project?.id).toBe(MOCK_PROJECT_ID);
  });

  it('fromRackspaceApiKey sends RAX-KSKEY:apiKeyCredentials and returns the default region', async () => {
    const auth = await fromRackspaceApiKey({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', apiKey: 'key' })(
      ctx(),
    );
    expect(await jsonBody(cloud.requests[0]!)).toEqual({
      auth: { 'RAX-KSKEY:apiKeyCredentials': { username: 'demo', apiKey: 'key' } },
    });
    expect(auth.defaultRegion).toBe('RegionOne');
    expect(auth.catalog.find((c) => c.type === 'rax:database')?.name).toBe('cloudDatabases');
  });

  it('a Rackspace session uses the default region when none is configured', async () => {
    const session = createSession({
      credentials: fromRackspaceApiKey({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', apiKey: 'key' }),
    });
    expect(await session.region()).toBe('RegionOne');
    expect(await session.endpoint({ type: 'object-store', interface: 'internal' })).toContain(
      'swift-internal.regionone',
    );
  });

  it('explains a 404 from an identity URL that does not serve the API', async () => {
    cloud.use(
      http.post('https://old.mock.test/v2.0/tokens', () => new HttpResponse('nope', { status: 404 })),
    );
    await expect(
      fromPassword({ authUrl: 'https://old.mock.test/v2.0', username: 'u', password: 'p' })(ctx()),
    ).rejects.toThrow(/not served at this URL/);
  });

  it('detects the version from the URL or an explicit choice', () => {
    expect(identityVersionOf('https://x/v2.0')).toBe('v2.0');
    expect(identityVersionOf('https://x/v3')).toBe('v3');
    expect(identityVersionOf('https://x')).toBe('v3');
    expect(identityVersionOf('https://x', '2')).toBe('v2.0');
    expect(() => identityVersionOf('https://x', '4')).toThrow(ValidationError);
    expect(versionedAuthUrl('https://x/', 'v2.0')).toBe('https://x/v2.0');
  });
});

describe('what a failed authentication is blamed on', () => {
  it('an unknown token is not reported as a missing identity API, and is not echoed', async () => {
    const token = 'gAAAAAB-revoked-token-value';
    cloud.use(
      http.post(`${MOCK_AUTH_URL}/auth/tokens`, () =>
        HttpResponse.json(
          { error: { code: 404, title: 'Not Found', message: `Could not find token: ${token}` } },
          { status: 404, headers: { 'x-openstack-request-id': 'req-404' } },
        ),
      ),
    );
    const err = (await fromToken({ authUrl: MOCK_AUTH_URL, token, projectName: 'demo' })(ctx()).catch(
      (e: unknown) => e,
    )) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.status).toBe(404);
    expect(err.message).not.toMatch(/not served at this URL/);
    expect(err.message).toMatch(/did not accept a token/);
    expect(err.message).toContain('Could not find token');
    expect(err.message).not.toContain(token);
  });
});

describe('malformed identity answers', () => {
  it('reports a missing X-Subject-Token', async () => {
    cloud.use(
      http.post('https://bad.mock.test/v3/auth/tokens', () =>
        HttpResponse.json({ token: {} }, { status: 201 }),
      ),
    );
    await expect(
      fromPassword({ authUrl: 'https://bad.mock.test/v3', username: 'u', password: 'p' })(ctx()),
    ).rejects.toThrow(/no X-Subject-Token/);
  });
});

import { AuthenticationError, createSession, fromPassword, ValidationError } from '@cloud/core';
import { jsonBody, MOCK_AUTH_URL, MOCK_V2_AUTH_URL, setupMockCloud } from '@cloud/testing';
import { createFakeNova } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { providers } from '../src/providers/index.js';

const cloud = setupMockCloud();
const retry = { limit: 0 };
const tokenRequest = () => cloud.requests.find((r) => r.url.hostname.startsWith('identity'))!;

describe('providers.rackspace', () => {
  it('authenticates with the API key against Identity v2.0', async () => {
    cloud.use(...createFakeNova().handlers);
    await providers.rackspace
      .compute({ username: 'demo', apiKey: 'key', authUrl: MOCK_V2_AUTH_URL, retry })
      .getFlavors();
    expect(tokenRequest().url.href).toBe(`${MOCK_V2_AUTH_URL}/tokens`);
    expect(await jsonBody(tokenRequest())).toEqual({
      auth: { 'RAX-KSKEY:apiKeyCredentials': { username: 'demo', apiKey: 'key' } },
    });
  });

  it('authenticates with a password when no API key is given', async () => {
    cloud.use(...createFakeNova().handlers);
    await providers.rackspace
      .compute({ username: 'demo', password: 'secret', authUrl: MOCK_V2_AUTH_URL, retry })
      .getFlavors();
    expect(await jsonBody(tokenRequest())).toEqual({
      auth: { passwordCredentials: { username: 'demo', password: 'secret' } },
    });
  });

  it('uses the Rackspace identity endpoint by default and keeps the key out of errors', async () => {
    cloud.use(
      http.post('https://identity.api.rackspacecloud.com/v2.0/tokens', () =>
        HttpResponse.json({ unauthorized: { code: 401, message: 'Bad credentials' } }, { status: 401 }),
      ),
    );
    const error = await providers.rackspace
      .storage({ username: 'demo', apiKey: 'very-secret-key', retry })
      .getContainers()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(tokenRequest().url.href).toBe('https://identity.api.rackspacecloud.com/v2.0/tokens');
    expect(JSON.stringify(error)).not.toContain('very-secret-key');
    expect(String((error as Error).message)).not.toContain('very-secret-key');
  });

  it('uses the user’s default region when none is given', async () => {
    const nova = createFakeNova();
    cloud.use(...nova.handlers);
    await providers.rackspace
      .compute({ username: 'demo', apiKey: 'key', authUrl: MOCK_V2_AUTH_URL, retry })
      .getFlavors();
    expect(nova.calls).toEqual(['GET /flavors/detail']);
  });

  it('checks the credentials before sending anything', () => {
    expect(() => providers.rackspace.compute({ apiKey: 'key' })).toThrow(
      expect.objectContaining({ field: 'username' }) as unknown as Error,
    );
    expect(() => providers.rackspace.storage({ username: 'demo' })).toThrow(ValidationError);
    expect(() => providers.rackspace.databases({ username: 'demo', apiKey: '  ' })).toThrow(
      /apiKey or password is required/,
    );
    expect(cloud.requests).toEqual([]);
  });
});

describe('providers.openstack', () => {
  it('authenticates with Keystone v3, scoping to the project in the given domain', async () => {
    cloud.use(...createFakeNova().handlers);
    await providers.openstack
      .compute({
        authUrl: MOCK_AUTH_URL,
        username: 'demo',
        password: 'secret',
        projectName: 'demo',
        domainName: 'Acme',
        region: 'RegionOne',
        retry,
      })
      .getFlavors();
    expect(tokenRequest().url.href).toBe(`${MOCK_AUTH_URL}/auth/tokens`);
    expect(await jsonBody(tokenRequest())).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { name: 'Acme' }, password: 'secret' } },
        },
        scope: { project: { name: 'demo', domain: { name: 'Acme' } } },
      },
    });
  });

  it('checks the credentials before sending anything', () => {
    expect(() => providers.openstack.compute({ username: 'demo', password: 'secret' })).toThrow(
      /OpenStack: authUrl is required/,
    );
    expect(() => providers.openstack.storage({ authUrl: MOCK_AUTH_URL, password: 'secret' })).toThrow(
      /username is required/,
    );
    expect(() => providers.openstack.databases({ authUrl: MOCK_AUTH_URL, username: 'demo' })).toThrow(
      /password is required/,
    );
    expect(cloud.requests).toEqual([]);
  });

  it('shares one token between clients given the same session', async () => {
    const nova = createFakeNova();
    cloud.use(...nova.handlers);
    const session = createSession({
      credentials: fromPassword({
        authUrl: MOCK_AUTH_URL,
        username: 'demo',
        password: 'secret',
        projectName: 'demo',
      }),
      region: 'RegionOne',
      retry,
    });
    const a = providers.openstack.compute({ session });
    const b = providers.openstack.compute({ session });
    await a.getFlavors();
    await b.getServers();
    expect(cloud.identity.tokenRequests).toBe(1);
    expect(nova.calls).toEqual(['GET /flavors/detail', 'GET /servers/detail']);
  });
});

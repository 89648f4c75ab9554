import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonBody, MOCK_AUTH_URL, MOCK_V2_AUTH_URL, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import {
  CredentialsUnavailableError,
  chain,
  configFromEnv,
  createSession,
  createTransport,
  credentialsFromConfig,
  fromCloudsYaml,
  fromEnv,
  loadCloudConfig,
  ValidationError,
} from '../src/index.js';

const cloud = setupMockCloud();
const ctx = () => ({ transport: createTransport({ retry: { limit: 0 } }) });

async function cloudsYaml(text: string, secure?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clouds-'));
  await writeFile(join(dir, 'clouds.yaml'), text);
  if (secure) await writeFile(join(dir, 'secure.yaml'), secure);
  return join(dir, 'clouds.yaml');
}

const YAML = `
clouds:
  mock:
    auth:
      auth_url: ${MOCK_AUTH_URL}
      username: demo
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionTwo
    interface: internal
    object_store_endpoint_override: https://override.mock.test/v1/AUTH_x
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: ${MOCK_AUTH_URL}
      application_credential_id: ac-1
      application_credential_secret: secret
    regions: [RegionOne, RegionTwo]
`;
const SECURE = `
clouds:
  mock:
    auth:
      password: secret
`;

describe('configFromEnv', () => {
  it('reads the OS_* variables the openstack CLI reads', () => {
    const c = configFromEnv({
      OS_AUTH_URL: 'https://k/v3',
      OS_USERNAME: 'u',
      OS_PASSWORD: 'p',
      OS_PROJECT_NAME: 'pr',
      OS_USER_DOMAIN_NAME: 'ud',
      OS_PROJECT_DOMAIN_NAME: 'pd',
      OS_REGION_NAME: 'R',
      OS_INTERFACE: 'internal',
      OS_APPLICATION_CREDENTIAL_ID: 'aid',
      OS_APPLICATION_CREDENTIAL_SECRET: 'as',
      OS_TOKEN: 't',
      OS_IDENTITY_API_VERSION: '3',
    });
    expect(c).toEqual({
      auth: {
        authUrl: 'https://k/v3',
        username: 'u',
        password: 'p',
        projectName: 'pr',
        userDomainName: 'ud',
        projectDomainName: 'pd',
        applicationCredentialId: 'aid',
        applicationCredentialSecret: 'as',
        token: 't',
        identityApiVersion: '3',
      },
      region: 'R',
      interface: 'internal',
    });
    expect(configFromEnv({ HOME: '/x' })).toBeUndefined();
  });
});

describe('loadCloudConfig', () => {
  it('loads a named cloud, merges secure.yaml, and reads endpoint overrides', async () => {
    const file = await cloudsYaml(YAML, SECURE);
    const c = await loadCloudConfig({ cloud: 'mock', files: [file], env: {} });
    expect(c.auth).toMatchObject({
      authUrl: MOCK_AUTH_URL,
      username: 'demo',
      password: 'secret',
      projectName: 'demo',
    });
    expect(c.region).toBe('RegionTwo');
    expect(c.interface).toBe('internal');
    expect(c.endpointOverrides).toEqual({ 'object-store': 'https://override.mock.test/v1/AUTH_x' });
    expect(c.sources).toEqual([`clouds.yaml:${file}#mock`]);
  });

  it('finds the file through OS_CLIENT_CONFIG_FILE and OS_CLOUD; env beats yaml, explicit options beat both', async () => {
    const file = await cloudsYaml(YAML, SECURE);
    const c = await loadCloudConfig({
      env: {
        OS_CLIENT_CONFIG_FILE: file,
        OS_CLOUD: 'mock',
        OS_REGION_NAME: 'RegionOne',
        OS_USERNAME: 'env-user',
      },
      overrides: { region: 'Explicit', auth: { username: 'explicit-user' } },
    });
    expect(c.region).toBe('Explicit');
    expect(c.auth.username).toBe('explicit-user');
    expect(c.auth.password).toBe('secret');
    expect(c.sources).toEqual([`clouds.yaml:${file}#mock`, 'env', 'options']);
  });

  it('takes the first of `regions` when region_name is absent', async () => {
    const file = await cloudsYaml(YAML);
    expect((await loadCloudConfig({ cloud: 'appcred', files: [file], env: {} })).region).toBe('RegionOne');
  });

  it('names the missing cloud and the files it searched', async () => {
    const file = await cloudsYaml(YAML);
    await expect(loadCloudConfig({ cloud: 'nope', files: [file], env: {} })).rejects.toThrow(
      new RegExp(`Cloud "nope" was not found in clouds.yaml \\(looked in ${file}\\)`),
    );
  });

  it('reports malformed YAML as ValidationError', async () => {
    const file = await cloudsYaml('clouds: [unclosed');
    await expect(loadCloudConfig({ cloud: 'x', files: [file], env: {} })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('credentialsFromConfig', () => {
  it('picks application credentials, tokens, Rackspace API keys and passwords', async () => {
    await credentialsFromConfig({
      auth: { authUrl: MOCK_AUTH_URL, applicationCredentialId: 'a', applicationCredentialSecret: 'secret' },
    })(ctx());
    expect((await jsonBody(cloud.requests[0]!)).auth.identity.methods).toEqual(['application_credential']);
    await credentialsFromConfig({
      auth: { authType: 'rackspace_apikey', authUrl: MOCK_V2_AUTH_URL, username: 'u', apiKey: 'key' },
    })(ctx());
    expect((await jsonBody(cloud.requests[1]!)).auth['RAX-KSKEY:apiKeyCredentials']).toEqual({
      username: 'u',
      apiKey: 'key',
    });
    await credentialsFromConfig({
      auth: { authType: 'v2password', authUrl: MOCK_V2_AUTH_URL, username: 'u', password: 'secret' },
    })(ctx());
    expect(cloud.requests[2]?.url.pathname).toBe('/v2.0/tokens');
    const token = await credentialsFromConfig({ auth: { token: 'raw' } })(ctx());
    expect(token.token).toBe('raw');
  });

  it('names what is missing or wrong, before any request', () => {
    expect(() => credentialsFromConfig({ auth: { username: 'u', password: 'p' } })).toThrow(/OS_AUTH_URL/);
    expect(() => credentialsFromConfig({ auth: { authUrl: MOCK_AUTH_URL, password: 'p' } })).toThrow(
      /username or userId/,
    );
    expect(() => credentialsFromConfig({ auth: { authUrl: MOCK_AUTH_URL, authType: 'kerberos' } })).toThrow(
      /Unknown auth type "kerberos"/,
    );
    expect(() => credentialsFromConfig({ auth: {} })).toThrow(CredentialsUnavailableError);
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('sessions from configuration', () => {
  it('createSession() with no credentials uses OS_* variables', async () => {
    Object.assign(process.env, {
      OS_AUTH_URL: MOCK_AUTH_URL,
      OS_USERNAME: 'demo',
      OS_PASSWORD: 'secret',
      OS_PROJECT_NAME: 'demo',
      OS_REGION_NAME: 'RegionTwo',
    });
    try {
      const session = createSession();
      expect(await session.endpoint({ type: 'object-store' })).toBe(mockEndpoints('RegionTwo').objectStore);
      expect(await session.region()).toBe('RegionTwo');
    } finally {
      for (const k of ['OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD', 'OS_PROJECT_NAME', 'OS_REGION_NAME'])
        delete process.env[k];
    }
  });

  it('createSession({ cloud }) uses clouds.yaml, including its endpoint override', async () => {
    const file = await cloudsYaml(YAML, SECURE);
    process.env.OS_CLIENT_CONFIG_FILE = file;
    try {
      const session = createSession({ cloud: 'mock' });
      expect(await session.endpoint({ type: 'object-store' })).toBe('https://override.mock.test/v1/AUTH_x');
      expect(await session.endpoint({ type: 'compute' })).toBe(mockEndpoints('RegionTwo').compute);
    } finally {
      delete process.env.OS_CLIENT_CONFIG_FILE;
    }
  });

  it('explicit session options win over the configuration', async () => {
    const file = await cloudsYaml(YAML, SECURE);
    process.env.OS_CLIENT_CONFIG_FILE = file;
    try {
      const session = createSession({ cloud: 'mock', region: 'RegionOne', interface: 'public' });
      expect(await session.endpoint({ type: 'compute' })).toBe(mockEndpoints('RegionOne').compute);
    } finally {
      delete process.env.OS_CLIENT_CONFIG_FILE;
    }
  });

  it('fromEnv, fromCloudsYaml and chain fall through when a source has nothing', async () => {
    await expect(fromEnv({})(ctx())).rejects.toBeInstanceOf(CredentialsUnavailableError);
    const file = await cloudsYaml(YAML, SECURE);
    const provider = chain(fromEnv({}), fromCloudsYaml({ cloud: 'mock', files: [file] }));
    const auth = await provider(ctx());
    expect(auth.token).toMatch(/^tok-/);
    await expect(chain(fromEnv({}))(ctx())).rejects.toThrow(/No credentials provider succeeded/);
  });
});

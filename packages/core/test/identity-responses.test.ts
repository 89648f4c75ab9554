/** Every identity answer core parses: malformed bodies become InvalidResponseError, never a raw TypeError. */
import { MOCK_AUTH_URL, MOCK_V2_AUTH_URL, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createTransport, fromPassword, fromRackspaceApiKey, InvalidResponseError } from '../src/index.js';

const cloud = setupMockCloud();
const ctx = () => ({ transport: createTransport({ retry: { limit: 0 } }) });

/** Raw bodies every parser must refuse. */
const COMMON: [string, string][] = [
  ['HTML', '<html><body>Bad Gateway</body></html>'],
  ['truncated JSON', '{"token": {"expires_at": "2030-01-01T00:00:00Z", "catal'],
  ['null', 'null'],
  ['an empty object', '{}'],
];

const V3_WRONG: [string, unknown][] = [
  ['a string token', { token: 'abc' }],
  ['a catalog that is a string', { token: { catalog: 'none' } }],
  [
    'an endpoint url that is a number',
    { token: { catalog: [{ type: 'compute', endpoints: [{ url: 5, interface: 'public' }] }] } },
  ],
  ['a project without an id', { token: { project: { name: 'demo' } } }],
  ['a user that is an array', { token: { user: [] } }],
];

const V2_WRONG: [string, unknown][] = [
  ['a null access', { access: null }],
  ['a token id that is a number', { access: { token: { id: 5 } } }],
  ['a service catalog that is an object', { access: { token: { id: 't' }, serviceCatalog: {} } }],
  [
    'an endpoint region that is a number',
    { access: { token: { id: 't' }, serviceCatalog: [{ type: 'x', endpoints: [{ region: 1 }] }] } },
  ],
  ['a tenant without an id', { access: { token: { id: 't', tenant: { name: 'n' } } } }],
];

const raw = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new HttpResponse(body, { status, headers: { 'content-type': 'application/json', ...headers } });

describe('Keystone v3 token answers', () => {
  const cases: [string, string][] = [
    ...COMMON,
    ...V3_WRONG.map(([n, b]): [string, string] => [n, JSON.stringify(b)]),
  ];
  it.each(cases)('%s is an InvalidResponseError', async (_name, body) => {
    cloud.use(http.post(`${MOCK_AUTH_URL}/auth/tokens`, () => raw(body, 201, { 'x-subject-token': 'tok' })));
    const err = await fromPassword({ authUrl: MOCK_AUTH_URL, username: 'demo', password: 'secret' })(
      ctx(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as InvalidResponseError).status).toBe(201);
  });
});

describe('Keystone v2.0 and Rackspace token answers', () => {
  const cases: [string, string][] = [
    ...COMMON,
    ...V2_WRONG.map(([n, b]): [string, string] => [n, JSON.stringify(b)]),
  ];
  it.each(cases)('%s is an InvalidResponseError (password)', async (_name, body) => {
    cloud.use(http.post(`${MOCK_V2_AUTH_URL}/tokens`, () => raw(body)));
    const err = await fromPassword({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', password: 'secret' })(
      ctx(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
  });

  it.each(cases)('%s is an InvalidResponseError (Rackspace API key)', async (_name, body) => {
    cloud.use(http.post(`${MOCK_V2_AUTH_URL}/tokens`, () => raw(body)));
    const err = await fromRackspaceApiKey({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', apiKey: 'key' })(
      ctx(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
  });
});

import {
  MOCK_AUTH_URL,
  MOCK_V2_AUTH_URL,
  mockCatalogV3,
  mockEndpoints,
  setupMockCloud,
} from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createSession, fromPassword, NotFoundError, UnauthorizedError } from '../src/index.js';
import { createServiceClient } from '../src/service.js';

const cloud = setupMockCloud();
const swiftUrl = mockEndpoints('RegionOne').objectStore;

describe('createSession', () => {
  it('authenticates lazily and sends the token to the resolved endpoint', async () => {
    let seenToken: string | null = null;
    cloud.use(
      http.head(swiftUrl, ({ request }) => {
        seenToken = request.headers.get('x-auth-token');
        return new HttpResponse(null, { status: 204, headers: { 'x-account-object-count': '3' } });
      }),
    );
    const session = cloud.session();
    expect(cloud.identity.tokenRequests).toBe(0);
    const swift = createServiceClient(session, { type: 'object-store' });
    const res = await swift.request('HEAD', '');
    expect(res.status).toBe(204);
    expect(res.headers['x-account-object-count']).toBe('3');
    expect(seenToken).toMatch(/^tok-1-/);
    expect(cloud.identity.tokenRequests).toBe(1);
  });

  it('shares one authentication among 100 concurrent calls on an expired token', async () => {
    cloud.use(http.get(`${swiftUrl}/c`, () => HttpResponse.json([])));
    cloud.identity.tokenTtlMs = 0; // expired when issued, by the identity service's clock: every cached token is stale
    const session = cloud.session({ refreshBeforeMs: 5 * 60_000 });
    const swift = createServiceClient(session, { type: 'object-store' });
    await swift.request('GET', 'c');
    expect(cloud.identity.tokenRequests).toBe(1);
    await Promise.all(Array.from({ length: 100 }, () => swift.request('GET', 'c')));
    expect(cloud.identity.tokenRequests).toBe(2);
  });

  it('re-authenticates once on a 401 and replays the request', async () => {
    let calls = 0;
    cloud.use(
      http.get(`${swiftUrl}/c`, ({ request }) => {
        calls++;
        const token = request.headers.get('x-auth-token') ?? '';
        return token.startsWith('tok-1-')
          ? new HttpResponse(null, { status: 401 })
          : HttpResponse.json([{ name: 'o' }]);
      }),
    );
    const swift = createServiceClient(cloud.session(), { type: 'object-store' });
    const res = await swift.request<{ name: string }[]>('GET', 'c');
    expect(res.body).toEqual([{ name: 'o' }]);
    expect(calls).toBe(2);
    expect(cloud.identity.tokenRequests).toBe(2);
  });

  it('gives up with UnauthorizedError when the new token is rejected too', async () => {
    cloud.use(http.get(`${swiftUrl}/c`, () => new HttpResponse(null, { status: 401 })));
    const swift = createServiceClient(cloud.session(), { type: 'object-store' });
    await expect(swift.request('GET', 'c')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(cloud.identity.tokenRequests).toBe(2);
  });

  it('maps 404 to NotFoundError naming the resource', async () => {
    cloud.use(
      http.get(
        `${swiftUrl}/nope`,
        () =>
          new HttpResponse('<html><h1>Not Found</h1></html>', {
            status: 404,
            headers: { 'x-trans-id': 'tx123' },
          }),
      ),
    );
    const swift = createServiceClient(cloud.session(), { type: 'object-store' });
    const err = await swift.request('GET', 'nope', { resource: 'container "nope"' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toContain('container "nope"');
    expect((err as NotFoundError).requestId).toBe('tx123');
  });

  it('picks the endpoint of the configured region', async () => {
    const two = mockEndpoints('RegionTwo').objectStore;
    cloud.use(http.head(two, () => new HttpResponse(null, { status: 204 })));
    const session = createSession({
      credentials: fromPassword({
        authUrl: MOCK_AUTH_URL,
        username: 'demo',
        password: 'secret',
        projectName: 'demo',
      }),
      region: 'RegionTwo',
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    expect(await swift.endpoint()).toBe(two);
    expect(await session.listRegions()).toEqual(['RegionOne', 'RegionTwo']);
  });
});

describe('token lifetime and clock skew', () => {
  const HOUR = 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Keystone v3 answering with the given timestamps; returns the count of token requests. */
  function keystoneV3(times: () => { expires_at: string; issued_at?: string }, headers = {}) {
    const seen = { tokens: 0 };
    cloud.use(
      http.post(`${MOCK_AUTH_URL}/auth/tokens`, () => {
        seen.tokens++;
        return HttpResponse.json(
          { token: { ...times(), project: { id: 'p', name: 'demo' }, catalog: mockCatalogV3() } },
          { status: 201, headers: { 'x-subject-token': `skew-${seen.tokens}`, ...headers } },
        );
      }),
      http.get(`${swiftUrl}/c`, () => HttpResponse.json([])),
    );
    return seen;
  }

  async function twentyCalls(options: Parameters<typeof cloud.session>[0] = {}) {
    const swift = createServiceClient(cloud.session(options), { type: 'object-store' });
    for (let i = 0; i < 20; i++) await swift.request('GET', 'c');
  }

  it('keeps a token whose expiry is past by the local clock but an hour away on the server', async () => {
    const serverNow = Date.now() - 3 * HOUR; // the server's clock is three hours behind
    const seen = keystoneV3(() => ({ issued_at: iso(serverNow), expires_at: iso(serverNow + HOUR) }));
    await twentyCalls();
    expect(seen.tokens).toBe(1);
  });

  it('uses the Date header when the body has no issue time', async () => {
    const serverNow = Date.now() - 3 * HOUR;
    const seen = keystoneV3(() => ({ expires_at: iso(serverNow + HOUR) }), {
      date: new Date(serverNow).toUTCString(),
    });
    await twentyCalls();
    expect(seen.tokens).toBe(1);
  });

  it('keeps a token whose expiry cannot be parsed', async () => {
    const seen = keystoneV3(() => ({ expires_at: 'sometime tomorrow' }));
    await twentyCalls();
    expect(seen.tokens).toBe(1);
  });

  it('reuses a token that lives less than the refresh margin', async () => {
    const seen = keystoneV3(() => ({ issued_at: iso(Date.now()), expires_at: iso(Date.now() + 60_000) }));
    await twentyCalls({ refreshBeforeMs: 5 * 60_000 });
    expect(seen.tokens).toBe(1);
  });

  it('derives a v2.0 token lifetime from the Date header', async () => {
    const serverNow = Date.now() - 3 * HOUR;
    let tokens = 0;
    cloud.use(
      http.post(`${MOCK_V2_AUTH_URL}/tokens`, () => {
        tokens++;
        return HttpResponse.json(
          {
            access: {
              token: { id: `v2-${tokens}`, expires: iso(serverNow + HOUR) },
              serviceCatalog: [
                {
                  type: 'object-store',
                  name: 'cloudFiles',
                  endpoints: [{ region: 'RegionOne', publicURL: swiftUrl }],
                },
              ],
            },
          },
          { headers: { date: new Date(serverNow).toUTCString() } },
        );
      }),
      http.get(`${swiftUrl}/c`, () => HttpResponse.json([])),
    );
    const session = createSession({
      credentials: fromPassword({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', password: 'secret' }),
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    for (let i = 0; i < 20; i++) await swift.request('GET', 'c');
    expect(tokens).toBe(1);
  });
});

import { MOCK_AUTH_URL, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createServiceClient,
  createSession,
  fromPassword,
  NotFoundError,
  UnauthorizedError,
} from '../src/index.js';

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
    cloud.identity.tokenTtlMs = 1000; // inside the refresh window: every cached token is stale
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

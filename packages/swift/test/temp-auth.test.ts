import { AuthenticationError, createSession } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createSwiftClient, fromSwiftTempAuth, getAccountMetadata } from '../src/index.js';

const cloud = setupMockCloud();
const AUTH = 'https://swift.tempauth.test/auth/v1.0';
const STORAGE = 'https://swift.tempauth.test/v1/AUTH_test';

describe('fromSwiftTempAuth', () => {
  it('exchanges X-Auth-User/X-Auth-Key for a token and an object-store catalog', async () => {
    let seen: Headers | undefined;
    let token: string | null = null;
    cloud.use(
      http.get(AUTH, ({ request }) => {
        seen = request.headers;
        return new HttpResponse(null, {
          status: 200,
          headers: { 'x-storage-url': STORAGE, 'x-auth-token': 'AUTH_tk123', 'x-auth-token-expires': '3600' },
        });
      }),
      http.head(STORAGE, ({ request }) => {
        token = request.headers.get('x-auth-token');
        return new HttpResponse(null, { status: 204, headers: { 'x-account-object-count': '4' } });
      }),
    );
    const credentials = fromSwiftTempAuth({ authUrl: AUTH, user: 'test:tester', key: 'testing' });
    const session = createSession({ credentials, region: 'RegionOne' });
    const info = await getAccountMetadata(createSwiftClient(session));
    expect(info.objectCount).toBe(4);
    expect(seen?.get('x-auth-user')).toBe('test:tester');
    expect(seen?.get('x-auth-key')).toBe('testing');
    expect(token).toBe('AUTH_tk123');
    const auth = await session.authenticate();
    expect(auth.catalog).toEqual([
      {
        type: 'object-store',
        name: 'swift',
        endpoints: [{ url: STORAGE, interface: 'public', region: undefined }],
      },
    ]);
    expect(auth.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(JSON.stringify(auth)).not.toContain('AUTH_tk123');
  });

  it('maps refusals to AuthenticationError without leaking the key', async () => {
    cloud.use(http.get(AUTH, () => new HttpResponse('<html>Unauthorized</html>', { status: 401 })));
    const session = createSession({
      credentials: fromSwiftTempAuth({ authUrl: AUTH, user: 'u', key: 'sekrit-key' }),
    });
    const err = await session.authenticate().catch((e) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err.status).toBe(401);
    expect(String(err.message)).not.toContain('sekrit-key');
  });

  it('rejects answers without a token or storage URL, and bad options', async () => {
    cloud.use(
      http.get(AUTH, () => new HttpResponse(null, { status: 200, headers: { 'x-auth-token': 't' } })),
    );
    const session = createSession({ credentials: fromSwiftTempAuth({ authUrl: AUTH, user: 'u', key: 'k' }) });
    await expect(session.authenticate()).rejects.toThrow(/X-Storage-Url/);
    expect(() => fromSwiftTempAuth({ authUrl: 'ftp://x', user: 'u', key: 'k' })).toThrow(/authUrl/);
    expect(() => fromSwiftTempAuth({ authUrl: AUTH, user: '', key: 'k' })).toThrow(/user/);
  });
});

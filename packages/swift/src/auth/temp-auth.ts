import { AuthenticationError, type CredentialProvider, createAuthResult, ValidationError } from '@cloud/core';
import { toHttpError } from '@cloud/core/service';
import { header, intHeader } from '../internal/headers.js';

/**
 * Options of {@link fromSwiftTempAuth}.
 * @example fromSwiftTempAuth({ authUrl: 'http://127.0.0.1:8080/auth/v1.0', user: 'test:tester', key: 'testing' });
 */
export interface SwiftTempAuthOptions {
  /** The v1.0 auth URL, e.g. `http://127.0.0.1:8080/auth/v1.0`. */
  authUrl: string;
  /** `account:user`, e.g. `test:tester`. */
  user: string;
  key: string;
  /** Region put on the catalog entry (the endpoint matches any region when omitted). */
  region?: string | undefined;
}

/**
 * Credentials for Swift's built-in v1.0 auth (tempauth, swauth, and similar): a GET with
 * `X-Auth-User`/`X-Auth-Key` that returns `X-Storage-Url` and `X-Auth-Token`. The result's catalog
 * holds one `object-store` endpoint, so `createSwiftClient` works unchanged.
 * @example
 * ```ts
 * const session = createSession({
 *   credentials: fromSwiftTempAuth({ authUrl: 'http://127.0.0.1:8080/auth/v1.0', user: 'test:tester', key: 'testing' }),
 * });
 * const swift = createSwiftClient(session);
 * ```
 */
export function fromSwiftTempAuth(options: SwiftTempAuthOptions): CredentialProvider {
  for (const field of ['authUrl', 'user', 'key'] as const) {
    if (typeof options?.[field] !== 'string' || options[field] === '') {
      throw new ValidationError(`${field} must be a non-empty string`, field);
    }
  }
  if (!/^https?:\/\//i.test(options.authUrl)) {
    throw new ValidationError(`authUrl must be an http(s) URL, got "${options.authUrl}"`, 'authUrl');
  }
  return async ({ transport, signal }) => {
    const res = await transport.send({
      method: 'GET',
      url: options.authUrl,
      signal,
      headers: { 'x-auth-user': options.user, 'x-auth-key': options.key },
    });
    if (res.status === 401 || res.status === 403) {
      throw new AuthenticationError(`Swift v1.0 auth at ${options.authUrl} refused the credentials`, {
        status: res.status,
        requestId: header(res.headers, 'x-trans-id'),
      });
    }
    if (res.status < 200 || res.status >= 300) {
      const cause = toHttpError({
        status: res.status,
        method: 'GET',
        url: options.authUrl,
        headers: res.headers,
        body: res.body.toString('utf8'),
        secrets: [options.key],
      });
      throw new AuthenticationError(`Swift v1.0 auth at ${options.authUrl} failed with ${res.status}`, {
        status: res.status,
        cause,
      });
    }
    const token = header(res.headers, 'x-auth-token') ?? header(res.headers, 'x-storage-token');
    const storageUrl = header(res.headers, 'x-storage-url');
    if (!token || !storageUrl) {
      throw new AuthenticationError(
        `Swift v1.0 auth at ${options.authUrl} answered without X-Auth-Token or X-Storage-Url`,
      );
    }
    const ttl = intHeader(res.headers, 'x-auth-token-expires');
    return createAuthResult({
      token,
      expiresAt: ttl === undefined ? undefined : new Date(Date.now() + ttl * 1000),
      catalog: [
        {
          type: 'object-store',
          name: 'swift',
          endpoints: [{ url: storageUrl, interface: 'public', region: options.region }],
        },
      ],
      authUrl: options.authUrl,
    });
  };
}

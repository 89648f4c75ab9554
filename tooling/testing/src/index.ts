// Jest-bound helpers (setupMockCloud). The jest-free parts live in identity.ts and requests.ts.

import { createSession, fromPassword, type Session, type SessionOptions } from '@cloud/core';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { createMockIdentity, identityHandlers, MOCK_PASSWORD_AUTH, type MockIdentity } from './identity.js';
import type { CapturedRequest } from './requests.js';

export {
  BAD_RESPONSE_REQUEST_ID,
  type BadResponseBody,
  type BadResponseOperation,
  type BadResponseSuite,
  badResponseBodies,
  describeBadResponses,
} from './bad-responses.js';
export {
  createMockIdentity,
  identityHandlers,
  MOCK_AUTH_URL,
  MOCK_PASSWORD_AUTH,
  MOCK_PROJECT_ID,
  MOCK_REGIONS,
  MOCK_V2_AUTH_URL,
  type MockIdentity,
  mockCatalogV3,
  mockEndpoints,
} from './identity.js';
export { type CapturedRequest, faultResponse, jsonBody } from './requests.js';

/** The handle {@link setupMockCloud} returns. */
export interface MockCloud {
  readonly identity: MockIdentity;
  /** Requests seen since the last reset (identity requests included). */
  readonly requests: CapturedRequest[];
  /** Adds handlers for the current test (reset after each test). */
  use(...handlers: RequestHandler[]): void;
  /** A session against the mock identity (password `secret`), retries off, region RegionOne. */
  session(options?: Partial<SessionOptions>): Session;
}

/**
 * Starts an msw server with the mock identity service for the current test file and registers
 * `beforeAll`/`afterEach`/`afterAll`. Unhandled requests fail the test. `OS_*` variables are
 * scrubbed so the developer's own cloud settings never leak into tests.
 * @example
 * ```ts
 * const cloud = setupMockCloud();
 * it('works', async () => { cloud.use(http.get(...)); await getThing(createXClient(cloud.session())); });
 * ```
 */
export function setupMockCloud(): MockCloud {
  const identity = createMockIdentity();
  const server = setupServer(...identityHandlers(identity));
  const requests: CapturedRequest[] = [];
  const saved: Record<string, string | undefined> = {};
  server.events.on('request:start', ({ request }) => {
    const copy = request.clone();
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: () => copy.text(),
    });
  });
  beforeAll(() => {
    for (const k of Object.keys(process.env)) {
      if (k.startsWith('OS_') || k.startsWith('RAX_')) {
        saved[k] = process.env[k];
        delete process.env[k];
      }
    }
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    identity.tokenRequests = 0;
    identity.tokenTtlMs = 3_600_000;
  });
  afterAll(() => {
    server.close();
    Object.assign(process.env, saved);
  });
  return {
    identity,
    requests,
    use: (...handlers) => server.use(...handlers),
    session: (options = {}) =>
      createSession({
        credentials: fromPassword(MOCK_PASSWORD_AUTH),
        region: 'RegionOne',
        retry: { limit: 0 },
        ...options,
      }),
  };
}

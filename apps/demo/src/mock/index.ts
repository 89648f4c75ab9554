import {
  createMockIdentity,
  identityHandlers,
  MOCK_PASSWORD_AUTH,
  MOCK_REGIONS,
  type MockIdentity,
  mockEndpoints,
} from '@cloud/testing/identity';
import { createFakeSwift, type FakeSwift, type FakeSwiftContainer } from '@cloud/testing/swift';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** Where the in-process mock cloud answers, and the credentials it accepts. */
export const MOCK_CLOUD = { ...MOCK_PASSWORD_AUTH, regions: MOCK_REGIONS } as const;

/** A running mock cloud. */
export interface MockCloud {
  /** The mock Keystone: tokens issued and accepted. */
  identity: MockIdentity;
  /** Containers per region. */
  accounts: Map<string, Map<string, FakeSwiftContainer>>;
  /** Stops intercepting requests. */
  close(): void;
}

/**
 * Starts an in-process mock cloud: the mock Keystone of `@cloud/testing`, whose catalog offers Swift
 * in two regions, and an in-memory Swift per region that only accepts tokens Keystone issued.
 * Requests to these hosts are answered by msw inside this process; nothing listens on the network.
 * Other requests are refused.
 */
export function startMockCloud(options: { chunkSize?: number } = {}): MockCloud {
  const identity = createMockIdentity();
  const swift = new Map<string, FakeSwift>();
  for (const region of MOCK_REGIONS) {
    const fake = createFakeSwift({
      baseUrl: mockEndpoints(region).objectStore,
      cdnUrl: mockEndpoints(region).cdn,
      // Downloads arrive in chunks, so the tour shows their progress.
      chunkSize: options.chunkSize ?? 256 * 1024,
    });
    fake.intercept((request) =>
      identity.validTokens.has(request.headers.get('x-auth-token') ?? '')
        ? undefined
        : new HttpResponse('<html><h1>Unauthorized</h1></html>', { status: 401 }),
    );
    swift.set(region, fake);
  }
  const server = setupServer(
    ...identityHandlers(identity),
    ...[...swift.values()].flatMap((fake) => fake.handlers),
  );
  server.listen({ onUnhandledFrame: 'error' });
  return {
    identity,
    accounts: new Map([...swift].map(([region, fake]) => [region, fake.containers])),
    close: () => server.close(),
  };
}

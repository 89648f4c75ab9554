import { randomUUID } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { type SwiftAccount, swiftHandlers } from './swift-store.js';

/** Where the in-process mock cloud answers, and the credentials it accepts. */
export const MOCK_CLOUD = {
  authUrl: 'https://keystone.demo.invalid/v3',
  username: 'demo',
  password: 'demo-password',
  projectName: 'demo',
  projectId: 'demo0123456789',
  regions: ['RegionOne', 'RegionTwo'],
} as const;

/** The object-store URL of a mock region. */
export const mockSwiftUrl = (region: string) =>
  `https://swift.${region.toLowerCase()}.demo.invalid/v1/AUTH_${MOCK_CLOUD.projectId}`;

/** A running mock cloud. */
export interface MockCloud {
  /** Containers per region. */
  accounts: Map<string, SwiftAccount>;
  /** Token requests served. */
  tokensIssued: number;
  /** Stops intercepting requests. */
  close(): void;
}

function keystoneHandlers(cloud: MockCloud, tokens: Set<string>): RequestHandler[] {
  const catalog = [
    {
      id: 'svc-swift',
      type: 'object-store',
      name: 'swift',
      endpoints: MOCK_CLOUD.regions.flatMap((region) => [
        {
          id: `swift-${region}-public`,
          interface: 'public',
          region,
          region_id: region,
          url: mockSwiftUrl(region),
        },
        {
          id: `swift-${region}-internal`,
          interface: 'internal',
          region,
          region_id: region,
          url: mockSwiftUrl(region),
        },
      ]),
    },
  ];
  return [
    http.post(`${MOCK_CLOUD.authUrl}/auth/tokens`, async ({ request }) => {
      const body = (await request.json()) as {
        auth?: { identity?: { password?: { user?: { name?: string; password?: string } } } };
      };
      const user = body.auth?.identity?.password?.user;
      if (user?.name !== MOCK_CLOUD.username || user.password !== MOCK_CLOUD.password) {
        return HttpResponse.json(
          {
            error: {
              code: 401,
              title: 'Unauthorized',
              message: 'The request you have made requires authentication.',
            },
          },
          { status: 401 },
        );
      }
      cloud.tokensIssued += 1;
      const token = `mock-${randomUUID()}`;
      tokens.add(token);
      const now = Date.now();
      return HttpResponse.json(
        {
          token: {
            methods: ['password'],
            issued_at: new Date(now).toISOString(),
            expires_at: new Date(now + 3_600_000).toISOString(),
            user: { id: 'u-demo', name: MOCK_CLOUD.username, domain: { id: 'default', name: 'Default' } },
            project: {
              id: MOCK_CLOUD.projectId,
              name: MOCK_CLOUD.projectName,
              domain: { id: 'default', name: 'Default' },
            },
            catalog,
          },
        },
        { status: 201, headers: { 'x-subject-token': token } },
      );
    }),
  ];
}

/**
 * Starts an in-process mock cloud: a Keystone v3 token endpoint whose catalog offers Swift in two
 * regions, and an in-memory Swift account per region. Requests to these hosts are answered by msw
 * inside this process; nothing listens on the network. Other requests are refused.
 */
export function startMockCloud(options: { chunkSize?: number } = {}): MockCloud {
  const tokens = new Set<string>();
  const accounts = new Map<string, SwiftAccount>(MOCK_CLOUD.regions.map((r) => [r, new Map()]));
  const cloud: MockCloud = { accounts, tokensIssued: 0, close: () => server.close() };
  const server = setupServer(
    ...keystoneHandlers(cloud, tokens),
    ...MOCK_CLOUD.regions.flatMap((region) =>
      swiftHandlers({
        baseUrl: mockSwiftUrl(region),
        account: accounts.get(region)!,
        isValidToken: (t) => t !== null && tokens.has(t),
        chunkSize: options.chunkSize,
      }),
    ),
  );
  server.listen({ onUnhandledFrame: 'error' });
  return cloud;
}

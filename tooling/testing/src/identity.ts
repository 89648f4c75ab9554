/**
 * The mock Keystone (v3 and v2.0) and the catalog it hands out, as msw handlers.
 * Nothing here imports '@jest/globals', so examples and the demo can use it outside Jest.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';

/** Fake identity endpoints. */
export const MOCK_AUTH_URL = 'https://identity.mock.test/v3';
export const MOCK_V2_AUTH_URL = 'https://identity.mock.test/v2.0';
export const MOCK_PROJECT_ID = 'p-0123456789';

/** Regions of the mock catalog. */
export const MOCK_REGIONS: readonly string[] = ['RegionOne', 'RegionTwo'];

/**
 * Password credentials the mock identity accepts, ready for `fromPassword`.
 * @example const session = createSession({ credentials: fromPassword(MOCK_PASSWORD_AUTH) });
 */
export const MOCK_PASSWORD_AUTH = {
  authUrl: MOCK_AUTH_URL,
  username: 'demo',
  password: 'secret',
  projectName: 'demo',
} as const;

/** Base URLs the mock catalog advertises, per region. */
export const mockEndpoints = (region = 'RegionOne') => {
  const r = region.toLowerCase();
  return {
    compute: `https://compute.${r}.mock.test/v2.1`,
    objectStore: `https://swift.${r}.mock.test/v1/AUTH_${MOCK_PROJECT_ID}`,
    objectStoreInternal: `https://swift-internal.${r}.mock.test/v1/AUTH_${MOCK_PROJECT_ID}`,
    cdn: `https://cdn.${r}.mock.test/v1/AUTH_${MOCK_PROJECT_ID}`,
    database: `https://database.${r}.mock.test/v1.0/${MOCK_PROJECT_ID}`,
    /** Glance lists its unversioned root; clients add `/v2`. */
    image: `https://image.${r}.mock.test`,
    blockStorage: `https://volume.${r}.mock.test/v3/${MOCK_PROJECT_ID}`,
    /** Unversioned, as Neutron is usually registered; the client adds `/v2.0`. */
    network: `https://network.${r}.mock.test:9696`,
    dns: `https://dns.${r}.mock.test`,
    raxDns: `https://dns-rax.${r}.mock.test/v1.0/${MOCK_PROJECT_ID}`,
    raxLoadBalancers: `https://lb-rax.${r}.mock.test/v1.0/${MOCK_PROJECT_ID}`,
    /** Unversioned, as Octavia is usually registered; the client adds `/v2`. */
    loadBalancer: `https://lb.${r}.mock.test:9876`,
  };
};

/** A Keystone v3 catalog with every service the packages cover, in two regions. */
export function mockCatalogV3(regions: readonly string[] = MOCK_REGIONS) {
  const ep = (type: keyof ReturnType<typeof mockEndpoints>) =>
    regions.flatMap((region) => [
      {
        id: `${type}-${region}-pub`,
        interface: 'public',
        region,
        region_id: region,
        url: mockEndpoints(region)[type],
      },
      {
        id: `${type}-${region}-int`,
        interface: 'internal',
        region,
        region_id: region,
        url: type === 'objectStore' ? mockEndpoints(region).objectStoreInternal : mockEndpoints(region)[type],
      },
    ]);
  return [
    { id: 'svc-nova', type: 'compute', name: 'nova', endpoints: ep('compute') },
    { id: 'svc-swift', type: 'object-store', name: 'swift', endpoints: ep('objectStore') },
    { id: 'svc-cdn', type: 'rax:object-cdn', name: 'cloudFilesCDN', endpoints: ep('cdn') },
    { id: 'svc-trove', type: 'database', name: 'trove', endpoints: ep('database') },
    { id: 'svc-glance', type: 'image', name: 'glance', endpoints: ep('image') },
    // listed as `volumev3`, as many clouds still do: clients must fall back from `block-storage`
    { id: 'svc-cinder', type: 'volumev3', name: 'cinderv3', endpoints: ep('blockStorage') },
    { id: 'svc-neutron', type: 'network', name: 'neutron', endpoints: ep('network') },
    { id: 'svc-designate', type: 'dns', name: 'designate', endpoints: ep('dns') },
    { id: 'svc-rax-dns', type: 'rax:dns', name: 'cloudDNS', endpoints: ep('raxDns') },
    {
      id: 'svc-rax-clb',
      type: 'rax:load-balancer',
      name: 'cloudLoadBalancers',
      endpoints: ep('raxLoadBalancers'),
    },
    { id: 'svc-octavia', type: 'load-balancer', name: 'octavia', endpoints: ep('loadBalancer') },
  ];
}

/** Counters and knobs of the mock identity service. */
export interface MockIdentity {
  /** Token requests served so far. */
  tokenRequests: number;
  /** Tokens the mock services accept; revoke by removing. */
  validTokens: Set<string>;
  /** Lifetime of issued tokens. */
  tokenTtlMs: number;
}

/**
 * A fresh {@link MockIdentity}: no tokens issued yet, tokens valid for an hour.
 * @example const server = setupServer(...identityHandlers(createMockIdentity()));
 */
export function createMockIdentity(): MockIdentity {
  return { tokenRequests: 0, validTokens: new Set(), tokenTtlMs: 3_600_000 };
}

/** msw handlers for Keystone v3 and v2.0 token issue. The password is `secret`; API key `key`. */
export function identityHandlers(state: MockIdentity): RequestHandler[] {
  const issue = () => {
    state.tokenRequests += 1;
    const token = `tok-${state.tokenRequests}-${Math.random().toString(36).slice(2)}`;
    state.validTokens.add(token);
    return { token, expires: new Date(Date.now() + state.tokenTtlMs).toISOString() };
  };
  return [
    http.post(`${MOCK_AUTH_URL}/auth/tokens`, async ({ request }) => {
      const body = (await request.json()) as { auth: { identity: Record<string, any> } };
      const id = body.auth.identity;
      const ok =
        (id.methods?.includes('password') && id.password?.user?.password === MOCK_PASSWORD_AUTH.password) ||
        (id.methods?.includes('application_credential') && id.application_credential?.secret === 'secret') ||
        (id.methods?.includes('token') && state.validTokens.has(id.token?.id));
      if (!ok) {
        return HttpResponse.json(
          {
            error: {
              code: 401,
              title: 'Unauthorized',
              message: 'The request you have made requires authentication.',
            },
          },
          { status: 401, headers: { 'x-openstack-request-id': 'req-auth-fail' } },
        );
      }
      const { token, expires } = issue();
      return HttpResponse.json(
        {
          token: {
            methods: id.methods,
            expires_at: expires,
            issued_at: new Date().toISOString(),
            project: { id: MOCK_PROJECT_ID, name: 'demo', domain: { id: 'default', name: 'Default' } },
            user: { id: 'u-1', name: 'demo', domain: { id: 'default', name: 'Default' } },
            catalog: mockCatalogV3(),
          },
        },
        { status: 201, headers: { 'x-subject-token': token, 'x-openstack-request-id': 'req-auth-ok' } },
      );
    }),
    http.post(`${MOCK_V2_AUTH_URL}/tokens`, async ({ request }) => {
      const body = (await request.json()) as { auth: Record<string, any> };
      const a = body.auth;
      const ok =
        a.passwordCredentials?.password === MOCK_PASSWORD_AUTH.password ||
        a['RAX-KSKEY:apiKeyCredentials']?.apiKey === 'key';
      if (!ok)
        return HttpResponse.json(
          { unauthorized: { code: 401, message: 'Invalid credentials' } },
          { status: 401 },
        );
      const { token, expires } = issue();
      const v2 = (type: string, name: string, key: keyof ReturnType<typeof mockEndpoints>) => ({
        type,
        name,
        endpoints: MOCK_REGIONS.map((region) => ({
          region,
          tenantId: MOCK_PROJECT_ID,
          publicURL: mockEndpoints(region)[key],
          internalURL:
            key === 'objectStore' ? mockEndpoints(region).objectStoreInternal : mockEndpoints(region)[key],
        })),
      });
      return HttpResponse.json({
        access: {
          token: { id: token, expires, tenant: { id: MOCK_PROJECT_ID, name: MOCK_PROJECT_ID } },
          serviceCatalog: [
            v2('compute', 'cloudServersOpenStack', 'compute'),
            v2('object-store', 'cloudFiles', 'objectStore'),
            v2('rax:object-cdn', 'cloudFilesCDN', 'cdn'),
            v2('rax:database', 'cloudDatabases', 'database'),
            v2('rax:dns', 'cloudDNS', 'raxDns'),
            v2('rax:load-balancer', 'cloudLoadBalancers', 'raxLoadBalancers'),
          ],
          user: { id: 'u-1', name: 'demo', 'RAX-AUTH:defaultRegion': 'RegionOne' },
        },
      });
    }),
  ];
}

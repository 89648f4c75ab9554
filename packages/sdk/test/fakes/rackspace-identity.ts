/**
 * A Rackspace Identity v2.0 token answer with the catalog shape Rackspace really hands out
 * (written from Rackspace's service-access docs): Cloud Networks as `network`/`cloudNetworks`
 * with a `…/v2.0` URL and no tenant in it, Cloud Block Storage as `volume`/`cloudBlockStorage`
 * (v1, tenant in the URL), Cloud Images as `image`/`cloudImages` (`…/v2`), Cloud Load Balancers
 * as `rax:load-balancer`/`cloudLoadBalancers` (`…/v1.0/{tenant}`), and Cloud DNS as
 * `rax:dns`/`cloudDNS` with one global endpoint that has no region. Registered per test with
 * `cloud.use(...)`, it takes precedence over the shared mock's smaller v2.0 catalog.
 */
import { MOCK_PROJECT_ID, MOCK_REGIONS, MOCK_V2_AUTH_URL, mockEndpoints } from '@cloud/testing';
import { HttpResponse, http } from 'msw';

/** Base URLs of the Rackspace-only services, per region. */
export const raxEndpoints = (region = 'RegionOne') => {
  const r = region.toLowerCase();
  return {
    network: `https://${r}.networks.rax.mock.test/v2.0`,
    blockStorage: `https://${r}.blockstorage.rax.mock.test/v1/${MOCK_PROJECT_ID}`,
    image: `https://${r}.images.rax.mock.test/v2`,
    loadBalancers: `https://${r}.loadbalancers.rax.mock.test/v1.0/${MOCK_PROJECT_ID}`,
    /** Cloud DNS is not regionalised: one endpoint for every region. */
    dns: `https://dns.rax.mock.test/v1.0/${MOCK_PROJECT_ID}`,
  };
};

const regional = (type: string, name: string, url: (region: string) => string) => ({
  type,
  name,
  endpoints: MOCK_REGIONS.map((region) => ({
    region,
    tenantId: MOCK_PROJECT_ID,
    publicURL: url(region),
    internalURL: url(region),
  })),
});

/** msw handler answering Rackspace token requests (API key `key`) with the full Rackspace catalog. */
export const rackspaceIdentity = http.post(`${MOCK_V2_AUTH_URL}/tokens`, async ({ request }) => {
  const body = (await request.json()) as { auth: Record<string, any> };
  if (body.auth['RAX-KSKEY:apiKeyCredentials']?.apiKey !== 'key') {
    return HttpResponse.json({ unauthorized: { code: 401, message: 'bad key' } }, { status: 401 });
  }
  return HttpResponse.json({
    access: {
      token: {
        id: `rax-${Math.random().toString(36).slice(2)}`,
        expires: new Date(Date.now() + 3_600_000).toISOString(),
        tenant: { id: MOCK_PROJECT_ID, name: MOCK_PROJECT_ID },
      },
      serviceCatalog: [
        regional('compute', 'cloudServersOpenStack', (r) => mockEndpoints(r).compute),
        regional('network', 'cloudNetworks', (r) => raxEndpoints(r).network),
        regional('volume', 'cloudBlockStorage', (r) => raxEndpoints(r).blockStorage),
        regional('image', 'cloudImages', (r) => raxEndpoints(r).image),
        regional('rax:load-balancer', 'cloudLoadBalancers', (r) => raxEndpoints(r).loadBalancers),
        {
          type: 'rax:dns',
          name: 'cloudDNS',
          endpoints: [{ tenantId: MOCK_PROJECT_ID, publicURL: raxEndpoints().dns }],
        },
      ],
      user: { id: 'u-1', name: 'demo', 'RAX-AUTH:defaultRegion': 'RegionOne' },
    },
  });
});

/**
 * The clouds the neutral network, block storage, DNS and load-balancer tests run against: each with its
 * factory, the base URLs its catalog leads to, and the identity handler giving that catalog
 * (Rackspace's real catalog shape, see `fakes/rackspace-identity.ts`).
 */
import { MOCK_AUTH_URL, MOCK_V2_AUTH_URL, mockEndpoints } from '@cloud/testing';
import type { RequestHandler } from 'msw';
import type { OpenStackProviderOptions, RackspaceProviderOptions } from '../src/providers/index.js';
import { providers } from '../src/providers/index.js';
import { rackspaceIdentity, raxEndpoints } from './fakes/rackspace-identity.js';

const retry = { limit: 0 };
const openstackOptions = (region = 'RegionOne'): OpenStackProviderOptions => ({
  authUrl: MOCK_AUTH_URL,
  username: 'demo',
  password: 'secret',
  projectName: 'demo',
  region,
  retry,
});
const rackspaceOptions = (region = 'RegionOne'): RackspaceProviderOptions => ({
  authUrl: MOCK_V2_AUTH_URL,
  username: 'demo',
  apiKey: 'key',
  region,
  retry,
});

/** OpenStack: Keystone v3 and the shared mock catalog. */
export const OPENSTACK = {
  name: 'openstack' as const,
  identity: [] as RequestHandler[],
  endpoints: (region = 'RegionOne') => ({
    network: `${mockEndpoints(region).network}/v2.0`,
    blockStorage: mockEndpoints(region).blockStorage,
    image: `${mockEndpoints(region).image}/v2`,
    dns: `${mockEndpoints(region).dns}/v2`,
    loadBalancers: `${mockEndpoints(region).loadBalancer}/v2`,
  }),
  network: (region?: string) => providers.openstack.network(openstackOptions(region)),
  blockStorage: (region?: string) => providers.openstack.blockStorage(openstackOptions(region)),
  dns: (region?: string) => providers.openstack.dns(openstackOptions(region)),
  loadBalancers: (region?: string) => providers.openstack.loadBalancers(openstackOptions(region)),
};

/** Rackspace: Identity v2.0 with an API key and Rackspace's catalog. */
export const RACKSPACE = {
  name: 'rackspace' as const,
  identity: [rackspaceIdentity] as RequestHandler[],
  endpoints: (region = 'RegionOne') => raxEndpoints(region),
  network: (region?: string) => providers.rackspace.network(rackspaceOptions(region)),
  blockStorage: (region?: string) => providers.rackspace.blockStorage(rackspaceOptions(region)),
  dns: (region?: string) => providers.rackspace.dns(rackspaceOptions(region)),
  loadBalancers: (region?: string) => providers.rackspace.loadBalancers(rackspaceOptions(region)),
};

/** Both, for `describe.each(SERVICE_CLOUDS)('$name …', (c) => …)`. */
export const SERVICE_CLOUDS = [OPENSTACK, RACKSPACE];

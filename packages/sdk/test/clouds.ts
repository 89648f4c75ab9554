import { MOCK_AUTH_URL, MOCK_V2_AUTH_URL } from '@cloud/testing';
import {
  type ProviderComputeClient,
  type ProviderDatabasesClient,
  type ProviderStorageClient,
  providers,
} from '../src/providers/index.js';

/** One cloud the provider-neutral tests run against, and how to connect to it. */
export interface CloudUnderTest {
  name: 'openstack' | 'rackspace';
  /** The identity request its credentials lead to. */
  tokenPath: string;
  compute(region?: string): ProviderComputeClient;
  storage(region?: string): ProviderStorageClient;
  databases(region?: string): ProviderDatabasesClient;
}

const retry = { limit: 0 };

/** OpenStack: Keystone v3, user + password + project. */
const openstack: CloudUnderTest = {
  name: 'openstack',
  tokenPath: '/v3/auth/tokens',
  compute: (region = 'RegionOne') =>
    providers.openstack.compute({
      authUrl: MOCK_AUTH_URL,
      username: 'demo',
      password: 'secret',
      projectName: 'demo',
      region,
      retry,
    }),
  storage: (region = 'RegionOne') =>
    providers.openstack.storage({
      authUrl: MOCK_AUTH_URL,
      username: 'demo',
      password: 'secret',
      projectName: 'demo',
      region,
      retry,
    }),
  databases: (region = 'RegionOne') =>
    providers.openstack.databases({
      authUrl: MOCK_AUTH_URL,
      username: 'demo',
      password: 'secret',
      projectName: 'demo',
      region,
      retry,
    }),
};

/** Rackspace: Identity v2.0 with an API key (the mock's v2.0 endpoint stands in for Rackspace's). */
const rackspace: CloudUnderTest = {
  name: 'rackspace',
  tokenPath: '/v2.0/tokens',
  compute: (region = 'RegionOne') =>
    providers.rackspace.compute({
      authUrl: MOCK_V2_AUTH_URL,
      username: 'demo',
      apiKey: 'key',
      region,
      retry,
    }),
  storage: (region = 'RegionOne') =>
    providers.rackspace.storage({
      authUrl: MOCK_V2_AUTH_URL,
      username: 'demo',
      apiKey: 'key',
      region,
      retry,
    }),
  databases: (region = 'RegionOne') =>
    providers.rackspace.databases({
      authUrl: MOCK_V2_AUTH_URL,
      username: 'demo',
      apiKey: 'key',
      region,
      retry,
    }),
};

/** Both clouds: `describe.each(CLOUDS)('$name', (c) => ...)` runs the same tests against each. */
export const CLOUDS: CloudUnderTest[] = [openstack, rackspace];

/** Drops the fields that name the provider, so models of two providers can be compared. */
export const neutral = <T extends { provider: string }>(items: T[]) =>
  items.map(({ provider: _p, ...rest }) => rest);

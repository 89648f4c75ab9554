/** Every operation that reads a body turns a body that is not what Octavia documents into InvalidResponseError. */
import { InvalidResponseError, toArray } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import * as lb from '../src/index.js';
import { BASE, id, PROJECT, setupOctavia } from './fixtures/octavia.js';

const { cloud, client } = setupOctavia();

type Op = [
  name: string,
  method: 'get' | 'post' | 'put',
  path: string,
  call: (c: lb.LoadBalancerClient) => Promise<unknown>,
];

const L = '/lbaas';
const OPS: Op[] = [
  ['listLoadBalancers', 'get', `${L}/loadbalancers`, (c) => toArray(lb.listLoadBalancers(c))],
  ['getLoadBalancer', 'get', `${L}/loadbalancers/${id(1)}`, (c) => lb.getLoadBalancer(c, id(1))],
  [
    'createLoadBalancer',
    'post',
    `${L}/loadbalancers`,
    (c) => lb.createLoadBalancer(c, { vipSubnetId: id(9) }),
  ],
  [
    'updateLoadBalancer',
    'put',
    `${L}/loadbalancers/${id(1)}`,
    (c) => lb.updateLoadBalancer(c, id(1), { name: 'a' }),
  ],
  [
    'getLoadBalancerStats',
    'get',
    `${L}/loadbalancers/${id(1)}/stats`,
    (c) => lb.getLoadBalancerStats(c, id(1)),
  ],
  [
    'getLoadBalancerStatusTree',
    'get',
    `${L}/loadbalancers/${id(1)}/status`,
    (c) => lb.getLoadBalancerStatusTree(c, id(1)),
  ],
  ['listListeners', 'get', `${L}/listeners`, (c) => toArray(lb.listListeners(c))],
  ['getListener', 'get', `${L}/listeners/${id(1)}`, (c) => lb.getListener(c, id(1))],
  [
    'createListener',
    'post',
    `${L}/listeners`,
    (c) => lb.createListener(c, { loadBalancerId: id(1), protocol: 'TCP', protocolPort: 22 }),
  ],
  ['updateListener', 'put', `${L}/listeners/${id(1)}`, (c) => lb.updateListener(c, id(1), { name: 'a' })],
  ['getListenerStats', 'get', `${L}/listeners/${id(1)}/stats`, (c) => lb.getListenerStats(c, id(1))],
  ['listPools', 'get', `${L}/pools`, (c) => toArray(lb.listPools(c))],
  ['getPool', 'get', `${L}/pools/${id(1)}`, (c) => lb.getPool(c, id(1))],
  [
    'createPool',
    'post',
    `${L}/pools`,
    (c) => lb.createPool(c, { loadBalancerId: id(1), protocol: 'TCP', lbAlgorithm: 'ROUND_ROBIN' }),
  ],
  ['updatePool', 'put', `${L}/pools/${id(1)}`, (c) => lb.updatePool(c, id(1), { name: 'a' })],
  ['listMembers', 'get', `${L}/pools/${id(1)}/members`, (c) => toArray(lb.listMembers(c, id(1)))],
  ['getMember', 'get', `${L}/pools/${id(1)}/members/${id(2)}`, (c) => lb.getMember(c, id(1), id(2))],
  [
    'createMember',
    'post',
    `${L}/pools/${id(1)}/members`,
    (c) => lb.createMember(c, id(1), { address: '192.0.2.1', protocolPort: 80 }),
  ],
  [
    'updateMember',
    'put',
    `${L}/pools/${id(1)}/members/${id(2)}`,
    (c) => lb.updateMember(c, id(1), id(2), { weight: 2 }),
  ],
  ['listHealthMonitors', 'get', `${L}/healthmonitors`, (c) => toArray(lb.listHealthMonitors(c))],
  ['getHealthMonitor', 'get', `${L}/healthmonitors/${id(1)}`, (c) => lb.getHealthMonitor(c, id(1))],
  [
    'createHealthMonitor',
    'post',
    `${L}/healthmonitors`,
    (c) => lb.createHealthMonitor(c, { poolId: id(1), type: 'TCP', delay: 5, timeout: 3, maxRetries: 3 }),
  ],
  [
    'updateHealthMonitor',
    'put',
    `${L}/healthmonitors/${id(1)}`,
    (c) => lb.updateHealthMonitor(c, id(1), { delay: 9 }),
  ],
  ['listL7Policies', 'get', `${L}/l7policies`, (c) => toArray(lb.listL7Policies(c))],
  ['getL7Policy', 'get', `${L}/l7policies/${id(1)}`, (c) => lb.getL7Policy(c, id(1))],
  [
    'createL7Policy',
    'post',
    `${L}/l7policies`,
    (c) => lb.createL7Policy(c, { listenerId: id(1), action: 'REJECT' }),
  ],
  ['updateL7Policy', 'put', `${L}/l7policies/${id(1)}`, (c) => lb.updateL7Policy(c, id(1), { name: 'a' })],
  ['listL7Rules', 'get', `${L}/l7policies/${id(1)}/rules`, (c) => toArray(lb.listL7Rules(c, id(1)))],
  ['getL7Rule', 'get', `${L}/l7policies/${id(1)}/rules/${id(2)}`, (c) => lb.getL7Rule(c, id(1), id(2))],
  [
    'createL7Rule',
    'post',
    `${L}/l7policies/${id(1)}/rules`,
    (c) => lb.createL7Rule(c, id(1), { type: 'PATH', compareType: 'EQUAL_TO', value: '/' }),
  ],
  [
    'updateL7Rule',
    'put',
    `${L}/l7policies/${id(1)}/rules/${id(2)}`,
    (c) => lb.updateL7Rule(c, id(1), id(2), { value: '/a' }),
  ],
  ['listLoadBalancerQuotas', 'get', `${L}/quotas`, (c) => toArray(lb.listLoadBalancerQuotas(c))],
  ['getLoadBalancerQuotas', 'get', `${L}/quotas/${PROJECT}`, (c) => lb.getLoadBalancerQuotas(c, PROJECT)],
  ['getLoadBalancerDefaultQuotas', 'get', `${L}/quotas/defaults`, (c) => lb.getLoadBalancerDefaultQuotas(c)],
  [
    'updateLoadBalancerQuotas',
    'put',
    `${L}/quotas/${PROJECT}`,
    (c) => lb.updateLoadBalancerQuotas(c, PROJECT, { member: 1 }),
  ],
  ['listLoadBalancerProviders', 'get', `${L}/providers`, (c) => toArray(lb.listLoadBalancerProviders(c))],
  [
    'listProviderFlavorCapabilities',
    'get',
    `${L}/providers/amphora/flavor_capabilities`,
    (c) => toArray(lb.listProviderFlavorCapabilities(c, 'amphora')),
  ],
  [
    'listProviderAvailabilityZoneCapabilities',
    'get',
    `${L}/providers/amphora/availability_zone_capabilities`,
    (c) => toArray(lb.listProviderAvailabilityZoneCapabilities(c, 'amphora')),
  ],
  ['listLoadBalancerFlavors', 'get', `${L}/flavors`, (c) => toArray(lb.listLoadBalancerFlavors(c))],
  ['getLoadBalancerFlavor', 'get', `${L}/flavors/${id(1)}`, (c) => lb.getLoadBalancerFlavor(c, id(1))],
  [
    'listLoadBalancerFlavorProfiles',
    'get',
    `${L}/flavorprofiles`,
    (c) => toArray(lb.listLoadBalancerFlavorProfiles(c)),
  ],
  [
    'getLoadBalancerFlavorProfile',
    'get',
    `${L}/flavorprofiles/${id(1)}`,
    (c) => lb.getLoadBalancerFlavorProfile(c, id(1)),
  ],
  [
    'listLoadBalancerAvailabilityZones',
    'get',
    `${L}/availabilityzones`,
    (c) => toArray(lb.listLoadBalancerAvailabilityZones(c)),
  ],
  [
    'getLoadBalancerAvailabilityZone',
    'get',
    `${L}/availabilityzones/az1`,
    (c) => lb.getLoadBalancerAvailabilityZone(c, 'az1'),
  ],
  [
    'listLoadBalancerAvailabilityZoneProfiles',
    'get',
    `${L}/availabilityzoneprofiles`,
    (c) => toArray(lb.listLoadBalancerAvailabilityZoneProfiles(c)),
  ],
  [
    'getLoadBalancerAvailabilityZoneProfile',
    'get',
    `${L}/availabilityzoneprofiles/${id(1)}`,
    (c) => lb.getLoadBalancerAvailabilityZoneProfile(c, id(1)),
  ],
  ['listAmphorae', 'get', '/octavia/amphorae', (c) => toArray(lb.listAmphorae(c))],
  ['getAmphora', 'get', `/octavia/amphorae/${id(1)}`, (c) => lb.getAmphora(c, id(1))],
  ['getAmphoraStats', 'get', `/octavia/amphorae/${id(1)}/stats`, (c) => lb.getAmphoraStats(c, id(1))],
];

/** A body whose every wrapper key a parser may look for holds a value of the wrong type. */
const WRONG: Record<string, unknown> = Object.fromEntries(
  [
    'loadbalancer',
    'loadbalancers',
    'listener',
    'listeners',
    'pool',
    'pools',
    'member',
    'members',
    'healthmonitor',
    'healthmonitors',
    'l7policy',
    'l7policies',
    'rule',
    'rules',
    'quotas',
    'providers',
    'flavor_capabilities',
    'availability_zone_capabilities',
    'flavor',
    'flavors',
    'flavorprofile',
    'flavorprofiles',
    'availability_zone',
    'availability_zones',
    'availability_zone_profile',
    'availability_zone_profiles',
    'amphora',
    'amphorae',
    'amphora_stats',
  ].map((k) => [k, k.endsWith('s') ? [{ id: 42, name: 7 }] : { id: 42, name: 7 }]),
);
WRONG.quota = { member: 'lots' };
WRONG.quotas = [{ project_id: 'p', member: 'lots' }];
WRONG.stats = { bytes_in: '1' };
WRONG.statuses = { loadbalancer: { id: id(1), provisioning_status: 'ACTIVE', listeners: [{ pools: 'x' }] } };

const BODIES: [string, () => Response][] = [
  [
    'HTML',
    () =>
      new HttpResponse('<html><body>proxy error</body></html>', { headers: { 'content-type': 'text/html' } }),
  ],
  [
    'truncated JSON',
    () => new HttpResponse('{"loadbalancer": {"id": "', { headers: { 'content-type': 'application/json' } }),
  ],
  ['null', () => HttpResponse.json(null)],
  ['{}', () => HttpResponse.json({})],
  ['wrong types', () => HttpResponse.json(WRONG)],
];

describe.each(OPS)('%s', (_name, method, path, call) => {
  it.each(BODIES)('turns %s into InvalidResponseError', async (_label, respond) => {
    cloud.use(http[method](`${BASE}${path}`, () => respond()));
    const error = await call(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
  });
});

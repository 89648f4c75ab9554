/**
 * Every public operation that reads a body, served bodies Cloud Load Balancers never sends: each
 * must fail with InvalidResponseError (status, snippet), never a raw TypeError or SyntaxError. A
 * function exported but in neither table fails the last test.
 */
import { InvalidResponseError, toArray } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import type { RackspaceLoadBalancersClient } from '../src/index.js';
import * as api from '../src/index.js';
import { clbClient, fast, LB_ID, RAX_CLB } from './support.js';

const cloud = setupMockCloud();
const list = <T>(l: AsyncIterable<T>) => toArray(l);
const L = `/loadbalancers/${LB_ID}`;
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----';

interface Operation {
  name: keyof typeof api;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  key?: string;
  call(c: RackspaceLoadBalancersClient): Promise<unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'listClbLoadBalancers',
    method: 'get',
    path: '/loadbalancers',
    key: 'loadBalancers',
    call: (c) => list(api.listClbLoadBalancers(c)),
  },
  {
    name: 'getClbLoadBalancer',
    method: 'get',
    path: L,
    key: 'loadBalancer',
    call: (c) => api.getClbLoadBalancer(c, LB_ID),
  },
  {
    name: 'createClbLoadBalancer',
    method: 'post',
    path: '/loadbalancers',
    key: 'loadBalancer',
    call: (c) =>
      api.createClbLoadBalancer(c, { name: 'a', protocol: 'HTTP', virtualIps: [{ type: 'PUBLIC' }] }),
  },
  {
    name: 'listClbBillableLoadBalancers',
    method: 'get',
    path: '/loadbalancers/billable',
    key: 'loadBalancers',
    call: (c) =>
      list(api.listClbBillableLoadBalancers(c, { startTime: '2024-01-01', endTime: '2024-01-02' })),
  },
  {
    name: 'waitForClbLoadBalancerStatus',
    method: 'get',
    path: L,
    key: 'loadBalancer',
    call: (c) => api.waitForClbLoadBalancerStatus(c, LB_ID, 'ACTIVE', fast),
  },
  {
    name: 'waitForClbLoadBalancerDeleted',
    method: 'get',
    path: L,
    key: 'loadBalancer',
    call: (c) => api.waitForClbLoadBalancerDeleted(c, LB_ID, fast),
  },
  {
    name: 'listClbNodes',
    method: 'get',
    path: `${L}/nodes`,
    key: 'nodes',
    call: (c) => list(api.listClbNodes(c, LB_ID)),
  },
  {
    name: 'getClbNode',
    method: 'get',
    path: `${L}/nodes/5`,
    key: 'node',
    call: (c) => api.getClbNode(c, LB_ID, '5'),
  },
  {
    name: 'addClbNodes',
    method: 'post',
    path: `${L}/nodes`,
    key: 'nodes',
    call: (c) => api.addClbNodes(c, LB_ID, [{ address: '10.0.0.1', port: 80 }]),
  },
  {
    name: 'updateClbNodes',
    method: 'put',
    path: `${L}/nodes`,
    key: 'nodes',
    call: (c) => api.updateClbNodes(c, LB_ID, [{ id: '5', weight: 2 }]),
  },
  {
    name: 'listClbNodeServiceEvents',
    method: 'get',
    path: `${L}/nodes/events`,
    key: 'nodeServiceEvents',
    call: (c) => list(api.listClbNodeServiceEvents(c, LB_ID)),
  },
  {
    name: 'listClbVirtualIps',
    method: 'get',
    path: `${L}/virtualips`,
    key: 'virtualIps',
    call: (c) => list(api.listClbVirtualIps(c, LB_ID)),
  },
  {
    name: 'addClbIpv6VirtualIp',
    method: 'post',
    path: `${L}/virtualips`,
    call: (c) => api.addClbIpv6VirtualIp(c, LB_ID),
  },
  {
    name: 'getClbHealthMonitor',
    method: 'get',
    path: `${L}/healthmonitor`,
    key: 'healthMonitor',
    call: (c) => api.getClbHealthMonitor(c, LB_ID),
  },
  {
    name: 'getClbSessionPersistence',
    method: 'get',
    path: `${L}/sessionpersistence`,
    key: 'sessionPersistence',
    call: (c) => api.getClbSessionPersistence(c, LB_ID),
  },
  {
    name: 'getClbConnectionLogging',
    method: 'get',
    path: `${L}/connectionlogging`,
    key: 'connectionLogging',
    call: (c) => api.getClbConnectionLogging(c, LB_ID),
  },
  {
    name: 'getClbContentCaching',
    method: 'get',
    path: `${L}/contentcaching`,
    key: 'contentCaching',
    call: (c) => api.getClbContentCaching(c, LB_ID),
  },
  {
    name: 'getClbConnectionThrottle',
    method: 'get',
    path: `${L}/connectionthrottle`,
    key: 'connectionThrottle',
    call: (c) => api.getClbConnectionThrottle(c, LB_ID),
  },
  {
    name: 'getClbErrorPage',
    method: 'get',
    path: `${L}/errorpage`,
    key: 'errorpage',
    call: (c) => api.getClbErrorPage(c, LB_ID),
  },
  {
    name: 'getClbAccessList',
    method: 'get',
    path: `${L}/accesslist`,
    key: 'accessList',
    call: (c) => api.getClbAccessList(c, LB_ID),
  },
  {
    name: 'getClbSslTermination',
    method: 'get',
    path: `${L}/ssltermination`,
    key: 'sslTermination',
    call: (c) => api.getClbSslTermination(c, LB_ID),
  },
  {
    name: 'updateClbSslTermination',
    method: 'put',
    path: `${L}/ssltermination`,
    key: 'sslTermination',
    call: (c) => api.updateClbSslTermination(c, LB_ID, { secureTrafficOnly: true }),
  },
  {
    name: 'listClbCiphers',
    method: 'get',
    path: `${L}/ssltermination/ciphers`,
    key: 'ciphers',
    call: (c) => list(api.listClbCiphers(c, LB_ID)),
  },
  {
    name: 'listClbCertificateMappings',
    method: 'get',
    path: `${L}/ssltermination/certificatemappings`,
    key: 'certificateMappings',
    call: (c) => list(api.listClbCertificateMappings(c, LB_ID)),
  },
  {
    name: 'getClbCertificateMapping',
    method: 'get',
    path: `${L}/ssltermination/certificatemappings/9`,
    key: 'certificateMapping',
    call: (c) => api.getClbCertificateMapping(c, LB_ID, '9'),
  },
  {
    name: 'addClbCertificateMapping',
    method: 'post',
    path: `${L}/ssltermination/certificatemappings`,
    key: 'certificateMapping',
    call: (c) =>
      api.addClbCertificateMapping(c, LB_ID, {
        hostName: 'a.example.com',
        certificate: PEM,
        privateKey: KEY,
      }),
  },
  {
    name: 'getClbLoadBalancerMetadata',
    method: 'get',
    path: `${L}/metadata`,
    key: 'metadata',
    call: (c) => api.getClbLoadBalancerMetadata(c, LB_ID),
  },
  {
    name: 'listClbLoadBalancerMetadataItems',
    method: 'get',
    path: `${L}/metadata`,
    key: 'metadata',
    call: (c) => api.listClbLoadBalancerMetadataItems(c, LB_ID),
  },
  {
    name: 'setClbLoadBalancerMetadata',
    method: 'get',
    path: `${L}/metadata`,
    key: 'metadata',
    call: (c) => api.setClbLoadBalancerMetadata(c, LB_ID, { a: 'b' }),
  },
  {
    name: 'replaceClbLoadBalancerMetadata',
    method: 'get',
    path: `${L}/metadata`,
    key: 'metadata',
    call: (c) => api.replaceClbLoadBalancerMetadata(c, LB_ID, { a: 'b' }),
  },
  {
    name: 'deleteClbLoadBalancerMetadata',
    method: 'get',
    path: `${L}/metadata`,
    key: 'metadata',
    call: (c) => api.deleteClbLoadBalancerMetadata(c, LB_ID, ['a']),
  },
  {
    name: 'getClbNodeMetadata',
    method: 'get',
    path: `${L}/nodes/5/metadata`,
    key: 'metadata',
    call: (c) => api.getClbNodeMetadata(c, LB_ID, '5'),
  },
  {
    name: 'listClbNodeMetadataItems',
    method: 'get',
    path: `${L}/nodes/5/metadata`,
    key: 'metadata',
    call: (c) => api.listClbNodeMetadataItems(c, LB_ID, '5'),
  },
  {
    name: 'setClbNodeMetadata',
    method: 'get',
    path: `${L}/nodes/5/metadata`,
    key: 'metadata',
    call: (c) => api.setClbNodeMetadata(c, LB_ID, '5', { a: 'b' }),
  },
  {
    name: 'replaceClbNodeMetadata',
    method: 'get',
    path: `${L}/nodes/5/metadata`,
    key: 'metadata',
    call: (c) => api.replaceClbNodeMetadata(c, LB_ID, '5', { a: 'b' }),
  },
  {
    name: 'deleteClbNodeMetadata',
    method: 'get',
    path: `${L}/nodes/5/metadata`,
    key: 'metadata',
    call: (c) => api.deleteClbNodeMetadata(c, LB_ID, '5', ['a']),
  },
  {
    name: 'getClbLoadBalancerStats',
    method: 'get',
    path: `${L}/stats`,
    call: (c) => api.getClbLoadBalancerStats(c, LB_ID),
  },
  {
    name: 'getClbCurrentUsage',
    method: 'get',
    path: `${L}/usage/current`,
    key: 'loadBalancerUsageRecords',
    call: (c) => api.getClbCurrentUsage(c, LB_ID),
  },
  {
    name: 'getClbUsage',
    method: 'get',
    path: `${L}/usage`,
    key: 'loadBalancerUsageRecords',
    call: (c) => api.getClbUsage(c, LB_ID),
  },
  {
    name: 'getClbAccountUsage',
    method: 'get',
    path: '/loadbalancers/usage',
    key: 'loadBalancerUsages',
    call: (c) => api.getClbAccountUsage(c),
  },
  {
    name: 'getClbRateLimits',
    method: 'get',
    path: '/limits',
    key: 'limits',
    call: (c) => api.getClbRateLimits(c),
  },
  {
    name: 'getClbAbsoluteLimits',
    method: 'get',
    path: '/loadbalancers/absolutelimits',
    key: 'absolute',
    call: (c) => api.getClbAbsoluteLimits(c),
  },
  {
    name: 'listClbAlgorithms',
    method: 'get',
    path: '/loadbalancers/algorithms',
    key: 'algorithms',
    call: (c) => list(api.listClbAlgorithms(c)),
  },
  {
    name: 'listClbProtocols',
    method: 'get',
    path: '/loadbalancers/protocols',
    key: 'protocols',
    call: (c) => list(api.listClbProtocols(c)),
  },
  {
    name: 'listClbAllowedDomains',
    method: 'get',
    path: '/loadbalancers/alloweddomains',
    key: 'allowedDomains',
    call: (c) => list(api.listClbAllowedDomains(c)),
  },
  {
    name: 'getClbClusterSourceAddresses',
    method: 'get',
    path: `${L}/clustersourceaddresses`,
    key: 'clusterSourceAddresses',
    call: (c) => api.getClbClusterSourceAddresses(c, LB_ID),
  },
  {
    name: 'getClbRegionalSourceAddresses',
    method: 'get',
    path: '/regionalsourceaddresses',
    key: 'RegionalSourceAddresses',
    call: (c) => api.getClbRegionalSourceAddresses(c),
  },
];

/** Writes that answer 202 without a body, and what reads no body at all. */
const READS_NO_BODY = new Set<string>([
  'createRackspaceLoadBalancersClient',
  'isClbImmutableError',
  'updateClbLoadBalancer',
  'deleteClbLoadBalancer',
  'deleteClbLoadBalancers',
  'updateClbNode',
  'removeClbNode',
  'removeClbNodes',
  'removeClbVirtualIps',
  'setClbHealthMonitor',
  'deleteClbHealthMonitor',
  'enableClbSessionPersistence',
  'disableClbSessionPersistence',
  'setClbConnectionLogging',
  'setClbContentCaching',
  'setClbConnectionThrottle',
  'deleteClbConnectionThrottle',
  'setClbErrorPage',
  'deleteClbErrorPage',
  'addClbAccessListItems',
  'deleteClbAccessListItems',
  'deleteClbAccessList',
  'deleteClbSslTermination',
  'updateClbCertificateMapping',
  'deleteClbCertificateMapping',
]);

const HEADERS = { 'content-type': 'application/json' };
const POISONS: [string, (key?: string) => Response][] = [
  [
    'HTML',
    () =>
      new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
        headers: { 'content-type': 'text/html' },
      }),
  ],
  ['truncated JSON', () => new HttpResponse('{"loadBalancer": {"id": 22', { headers: HEADERS })],
  ['null', () => new HttpResponse('null', { headers: HEADERS })],
  ['{}', () => new HttpResponse('{}', { headers: HEADERS })],
  [
    'wrong types',
    (key) =>
      new HttpResponse(
        JSON.stringify(key ? { [key]: [1, 'x'] } : { id: [], address: 7, connectTimeOut: 'many' }),
        {
          headers: HEADERS,
        },
      ),
  ],
];

describe('Cloud Load Balancers operations reject bodies the service does not send', () => {
  for (const op of OPERATIONS) {
    it.each(POISONS)(`${op.name}: %s is an InvalidResponseError`, async (_label, poison) => {
      cloud.use(http[op.method](`${RAX_CLB}${op.path}`, () => poison(op.key)));
      const err = await op.call(clbClient(cloud)).then(
        (v) => new Error(`resolved with ${JSON.stringify(v)}`),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InvalidResponseError);
      expect((err as InvalidResponseError).status).toBe(200);
      expect((err as InvalidResponseError).snippet).toBeDefined();
    });
  }

  it('has a row for every exported function that reads a body', () => {
    const covered = new Set<string>(OPERATIONS.map((o) => o.name));
    const missing = Object.entries(api)
      .filter(([name, v]) => typeof v === 'function' && !covered.has(name) && !READS_NO_BODY.has(name))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});

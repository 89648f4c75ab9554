import { type CapturedRequest, type MockCloud, mockEndpoints } from '@cloud/testing';
import { HttpResponse } from 'msw';
import {
  createRackspaceLoadBalancersClient,
  type RackspaceLoadBalancersClient,
  type RackspaceLoadBalancersClientOptions,
} from '../src/index.js';

/** The Cloud Load Balancers endpoint of the mock catalog. */
export const RAX_CLB = mockEndpoints('RegionOne').raxLoadBalancers;
export const LB_ID = '2200';
export const LB = `${RAX_CLB}/loadbalancers/${LB_ID}`;

export const clbRequests = (cloud: MockCloud): CapturedRequest[] =>
  cloud.requests.filter((r) => r.url.href.startsWith(RAX_CLB));

export const clbClient = (
  cloud: MockCloud,
  options?: RackspaceLoadBalancersClientOptions,
): RackspaceLoadBalancersClient => createRackspaceLoadBalancersClient(cloud.session(), options);

/** A 202 with no body, as most Cloud Load Balancers writes answer. */
export const accepted = () => new HttpResponse(null, { status: 202 });

/** The 422 a write gets while the load balancer is still applying an earlier one. */
export const immutable = () =>
  HttpResponse.json(
    {
      message: `Load Balancer '${LB_ID}' has a status of 'PENDING_UPDATE' and is considered immutable.`,
      code: 422,
    },
    { status: 422 },
  );

/** A node as the service writes it. */
export const nodeWire = (over: Record<string, unknown> = {}) => ({
  id: 3101,
  address: '10.20.0.11',
  port: 8080,
  condition: 'ENABLED',
  status: 'ONLINE',
  weight: 1,
  type: 'PRIMARY',
  ...over,
});

/** A load balancer summary (as lists give it). */
export const summaryWire = (over: Record<string, unknown> = {}) => ({
  name: 'shop-front',
  id: 2200,
  protocol: 'HTTP',
  port: 80,
  algorithm: 'ROUND_ROBIN',
  status: 'ACTIVE',
  nodeCount: 2,
  timeout: 30,
  virtualIps: [{ id: 77, address: '198.51.100.40', type: 'PUBLIC', ipVersion: 'IPV4' }],
  created: { time: '2023-03-01T09:15:00Z' },
  updated: { time: '2023-03-01T09:16:30Z' },
  ...over,
});

/** A load balancer with its whole configuration (as get and create give it). */
export const detailWire = (over: Record<string, unknown> = {}) => ({
  ...summaryWire(),
  nodeCount: undefined,
  halfClosed: 'false',
  httpsRedirect: false,
  nodes: [nodeWire(), nodeWire({ id: 3102, address: '10.20.0.12', condition: 'DRAINING' })],
  virtualIps: [
    { id: 77, address: '198.51.100.40', type: 'PUBLIC', ipVersion: 'IPV4' },
    { id: 9100201, address: '2001:db8:1:2::40', type: 'PUBLIC', ipVersion: 'IPV6' },
  ],
  cluster: { name: 'ztm-n07.example.lbaas.test' },
  sourceAddresses: {
    ipv4Public: '198.51.100.2',
    ipv4Servicenet: '10.180.0.2',
    ipv6Public: '2001:db8:9::2/64',
  },
  connectionLogging: { enabled: true },
  contentCaching: { enabled: false },
  sessionPersistence: { persistenceType: 'SOURCE_IP' },
  connectionThrottle: { maxConnections: 250 },
  ...over,
});

export async function rejectionOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}

export const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };

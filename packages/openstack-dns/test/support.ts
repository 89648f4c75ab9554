import { type CapturedRequest, type MockCloud, mockEndpoints } from '@cloud/testing';
import { createDnsClient, type DnsClient, type DnsClientOptions } from '../src/index.js';

/** The Designate endpoint of the mock catalog in RegionOne (the API root, without /v2). */
export const DNS_URL = mockEndpoints('RegionOne').dns;
export const V2 = `${DNS_URL}/v2`;

export const ZONE_ID = 'a86dba58-0043-4cc6-a1bb-69d5e86f3ca3';
export const RS_ID = 'f7b10e9b-0cae-4a91-b162-562bc6096648';
export const TASK_ID = '8ec17fe1-d1f9-41b4-aa98-4eeb4c27b720';
export const PROJECT = '4335d1f0-f793-11e2-b778-0800200c9a66';

export const dnsRequests = (cloud: MockCloud): CapturedRequest[] =>
  cloud.requests.filter((r) => r.url.href.startsWith(DNS_URL));

export const dnsClient = (cloud: MockCloud, options: DnsClientOptions = {}): DnsClient =>
  createDnsClient(cloud.session(), options);

/** A zone as Designate writes it. */
export const zoneWire = (over: Record<string, unknown> = {}) => ({
  id: ZONE_ID,
  pool_id: '572ba08c-d929-4c70-8e42-03824bb24ca2',
  project_id: PROJECT,
  name: 'example.org.',
  email: 'joe@example.org',
  ttl: 7200,
  serial: 1404757531,
  status: 'ACTIVE',
  action: 'NONE',
  description: 'This is an example zone.',
  masters: [],
  type: 'PRIMARY',
  transferred_at: null,
  version: 1,
  created_at: '2014-07-07T18:25:31.275934',
  updated_at: null,
  attributes: { tier: 'gold' },
  links: { self: `${V2}/zones/${ZONE_ID}` },
  ...over,
});

/** A recordset as Designate writes it. */
export const recordsetWire = (over: Record<string, unknown> = {}) => ({
  id: RS_ID,
  zone_id: ZONE_ID,
  zone_name: 'example.org.',
  project_id: PROJECT,
  name: 'www.example.org.',
  type: 'A',
  records: ['192.0.2.10'],
  ttl: 3600,
  description: null,
  status: 'ACTIVE',
  action: 'NONE',
  version: 1,
  created_at: '2014-10-24T19:59:44.000000',
  updated_at: null,
  links: { self: `${V2}/zones/${ZONE_ID}/recordsets/${RS_ID}` },
  ...over,
});

/** A Designate fault body. */
export const fault = (code: number, type: string, message: string) => ({
  code,
  type,
  message,
  request_id: 'req-fault-1',
});

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}

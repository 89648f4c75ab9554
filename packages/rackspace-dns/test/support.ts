import { type CapturedRequest, type MockCloud, mockEndpoints } from '@cloud/testing';
import { HttpResponse } from 'msw';
import { createRackspaceDnsClient, type RackspaceDnsClient } from '../src/index.js';

/** The Cloud DNS endpoint of the mock catalog. */
export const RAX_DNS = mockEndpoints('RegionOne').raxDns;
export const DOMAIN_ID = '2725233';
export const JOB_ID = '852a1e4a-2f76-4b57-8d6e-3a5d01ee9e49';

export const dnsRequests = (cloud: MockCloud): CapturedRequest[] =>
  cloud.requests.filter((r) => r.url.href.startsWith(RAX_DNS));

export const raxClient = (cloud: MockCloud): RackspaceDnsClient => createRackspaceDnsClient(cloud.session());

/** A 202 answer carrying a job, as Cloud DNS writes it. */
export const accepted = (verb: string, path: string) =>
  HttpResponse.json(
    {
      status: 'RUNNING',
      verb,
      jobId: JOB_ID,
      callbackUrl: `${RAX_DNS}/status/${JOB_ID}`,
      requestUrl: `${RAX_DNS}/${path}`,
    },
    { status: 202 },
  );

/** A job status body. */
export const job = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  verb: 'POST',
  jobId: JOB_ID,
  callbackUrl: `${RAX_DNS}/status/${JOB_ID}`,
  requestUrl: `${RAX_DNS}/domains`,
  ...extra,
});

export const domainWire = (over: Record<string, unknown> = {}) => ({
  name: 'example.com',
  id: 2725233,
  accountId: 1234,
  ttl: 3600,
  emailAddress: 'hostmaster@example.com',
  updated: '2011-06-24T01:23:15.000+0000',
  created: '2011-06-24T01:12:51.000+0000',
  ...over,
});

export const recordWire = (over: Record<string, unknown> = {}) => ({
  name: 'www.example.com',
  id: 'A-6822994',
  type: 'A',
  data: '192.0.2.17',
  ttl: 86400,
  updated: '2011-06-24T01:12:52.000+0000',
  created: '2011-06-24T01:12:52.000+0000',
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

/**
 * Every public operation that reads a body, served bodies Cloud DNS never sends: each must fail
 * with InvalidResponseError (status, snippet), never a raw TypeError or SyntaxError. A function
 * exported but in neither table fails the last test. Jobs are checked twice: the 202 answer and
 * the response of a COMPLETED job.
 */
import { InvalidResponseError, toArray } from '@cloud/core';
import { describeBadResponses, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import type { RackspaceDnsClient } from '../src/index.js';
import * as api from '../src/index.js';
import { DOMAIN_ID, JOB_ID, job, RAX_DNS, raxClient } from './support.js';

const cloud = setupMockCloud();
const list = <T>(l: AsyncIterable<T>) => toArray(l);
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };
const server = { service: 'cloudServersOpenStack', href: 'https://servers.example.test/v2/1/servers/2' };
const D = `/domains/${DOMAIN_ID}`;

interface Operation {
  name: keyof typeof api;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  key?: string;
  call(c: RackspaceDnsClient): Promise<unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'listDomains',
    method: 'get',
    path: '/domains',
    key: 'domains',
    call: (c) => list(api.listDomains(c)),
  },
  { name: 'getDomain', method: 'get', path: D, call: (c) => api.getDomain(c, DOMAIN_ID) },
  {
    name: 'createDomain',
    method: 'post',
    path: '/domains',
    call: (c) => api.createDomain(c, { name: 'a.com', emailAddress: 'a@a.com' }),
  },
  {
    name: 'createDomains',
    method: 'post',
    path: '/domains',
    call: (c) => api.createDomains(c, [{ name: 'a.com', emailAddress: 'a@a.com' }]),
  },
  { name: 'updateDomain', method: 'put', path: D, call: (c) => api.updateDomain(c, DOMAIN_ID, { ttl: 600 }) },
  { name: 'deleteDomain', method: 'delete', path: D, call: (c) => api.deleteDomain(c, DOMAIN_ID) },
  {
    name: 'listSubdomains',
    method: 'get',
    path: `${D}/subdomains`,
    key: 'domains',
    call: (c) => list(api.listSubdomains(c, DOMAIN_ID)),
  },
  {
    name: 'importDomain',
    method: 'post',
    path: '/domains/import',
    call: (c) => api.importDomain(c, 'a.com. IN SOA x'),
  },
  { name: 'exportDomain', method: 'get', path: `${D}/export`, call: (c) => api.exportDomain(c, DOMAIN_ID) },
  {
    name: 'listDomainRecords',
    method: 'get',
    path: `${D}/records`,
    key: 'records',
    call: (c) => list(api.listDomainRecords(c, DOMAIN_ID)),
  },
  {
    name: 'getDomainRecord',
    method: 'get',
    path: `${D}/records/A-1`,
    call: (c) => api.getDomainRecord(c, DOMAIN_ID, 'A-1'),
  },
  {
    name: 'createDomainRecords',
    method: 'post',
    path: `${D}/records`,
    call: (c) => api.createDomainRecords(c, DOMAIN_ID, [{ name: 'a.com', type: 'A', data: '192.0.2.1' }]),
  },
  {
    name: 'updateDomainRecord',
    method: 'put',
    path: `${D}/records/A-1`,
    call: (c) => api.updateDomainRecord(c, DOMAIN_ID, 'A-1', { ttl: 600 }),
  },
  {
    name: 'deleteDomainRecords',
    method: 'delete',
    path: `${D}/records/A-1`,
    call: (c) => api.deleteDomainRecords(c, DOMAIN_ID, ['A-1']),
  },
  {
    name: 'listPtrRecords',
    method: 'get',
    path: '/rdns/cloudServersOpenStack',
    key: 'records',
    call: (c) => list(api.listPtrRecords(c, server)),
  },
  {
    name: 'getPtrRecord',
    method: 'get',
    path: '/rdns/cloudServersOpenStack/PTR-1',
    call: (c) => api.getPtrRecord(c, server, 'PTR-1'),
  },
  {
    name: 'createPtrRecords',
    method: 'post',
    path: '/rdns',
    call: (c) => api.createPtrRecords(c, server, [{ name: 'a.com', data: '192.0.2.1' }]),
  },
  {
    name: 'updatePtrRecords',
    method: 'put',
    path: '/rdns',
    call: (c) => api.updatePtrRecords(c, server, [{ name: 'a.com', data: '192.0.2.1' }]),
  },
  {
    name: 'deletePtrRecords',
    method: 'delete',
    path: '/rdns/cloudServersOpenStack',
    call: (c) => api.deletePtrRecords(c, server),
  },
  {
    name: 'getRackspaceDnsLimits',
    method: 'get',
    path: '/limits',
    key: 'limits',
    call: (c) => api.getRackspaceDnsLimits(c),
  },
  { name: 'getDnsJob', method: 'get', path: `/status/${JOB_ID}`, call: (c) => api.getDnsJob(c, JOB_ID) },
  {
    name: 'listDnsJobs',
    method: 'get',
    path: '/status',
    key: 'asyncResponses',
    call: (c) => list(api.listDnsJobs(c)),
  },
  {
    name: 'waitForDnsJob',
    method: 'get',
    path: `/status/${JOB_ID}`,
    call: (c) => api.waitForDnsJob(c, JOB_ID, fast),
  },
];

const READS_NO_BODY = new Set<string>(['createRackspaceDnsClient', 'DnsJobError']);

describeBadResponses('Cloud DNS operations reject bodies the service does not send', {
  cloud,
  client: () => raxClient(cloud),
  operations: OPERATIONS.map((op) => ({ ...op, url: `${RAX_DNS}${op.path}` })),
  coverage: { api, readsNoBody: READS_NO_BODY },
  checkRequestId: false,
});

describe('Cloud DNS jobs', () => {
  it.each([
    [
      'createDomain',
      (c: RackspaceDnsClient) => api.createDomain(c, { name: 'a.com', emailAddress: 'a@a.com' }),
      { domains: [{ id: 1 }] },
    ],
    [
      'exportDomain',
      (c: RackspaceDnsClient) => api.exportDomain(c, DOMAIN_ID),
      { id: 1, contentType: 'BIND_9' },
    ],
    [
      'createDomainRecords',
      (c: RackspaceDnsClient) =>
        api.createDomainRecords(c, DOMAIN_ID, [{ name: 'a.com', type: 'A', data: '192.0.2.1' }]),
      { records: 'x' },
    ],
  ])(
    '%s: a COMPLETED job with a malformed response is an InvalidResponseError',
    async (_name, call, response) => {
      const accepted = HttpResponse.json(job('RUNNING'), { status: 202 });
      cloud.use(
        http.post(`${RAX_DNS}/domains`, () => accepted.clone()),
        http.post(`${RAX_DNS}${D}/records`, () => accepted.clone()),
        http.get(`${RAX_DNS}${D}/export`, () => accepted.clone()),
        http.get(`${RAX_DNS}/status/${JOB_ID}`, () => HttpResponse.json(job('COMPLETED', { response }))),
      );
      const c = raxClient(cloud);
      await expect(api.waitForDnsJob(c, (await call(c)) as api.DnsJob, fast)).rejects.toThrow(
        InvalidResponseError,
      );
    },
  );
});

import { toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createPtrRecords,
  createRackspaceDnsClient,
  deletePtrRecords,
  getDnsJob,
  getPtrRecord,
  getRackspaceDnsLimits,
  listDnsJobs,
  listPtrRecords,
  updatePtrRecords,
  waitForDnsJob,
} from '../src/index.js';
import { accepted, dnsRequests, JOB_ID, job, RAX_DNS, raxClient, recordWire } from './support.js';

const cloud = setupMockCloud();
const href = 'https://dfw.servers.api.rackspacecloud.com/v2/1234/servers/a0a1b2c3';
const server = { service: 'cloudServersOpenStack', href };
const ptr = recordWire({ id: 'PTR-563452', type: 'PTR', name: 'www.example.com', data: '192.0.2.17' });

describe('PTR records', () => {
  it('lists, gets, creates, updates and deletes the PTR records of a server', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/rdns/cloudServersOpenStack`, () => HttpResponse.json({ records: [ptr] })),
      http.get(`${RAX_DNS}/rdns/cloudServersOpenStack/PTR-563452`, () => HttpResponse.json(ptr)),
      http.post(`${RAX_DNS}/rdns`, () => accepted('POST', 'rdns')),
      http.put(`${RAX_DNS}/rdns`, () => accepted('PUT', 'rdns')),
      http.delete(`${RAX_DNS}/rdns/cloudServersOpenStack`, () => accepted('DELETE', 'rdns')),
      http.get(`${RAX_DNS}/status/${JOB_ID}`, () =>
        HttpResponse.json(job('COMPLETED', { response: { records: [ptr] } })),
      ),
    );
    const dns = raxClient(cloud);
    expect((await toArray(listPtrRecords(dns, server)))[0]!.data).toBe('192.0.2.17');
    expect(dnsRequests(cloud)[0]!.url.searchParams.get('href')).toBe(href);
    expect((await getPtrRecord(dns, server, 'PTR-563452')).name).toBe('www.example.com');
    const j = await createPtrRecords(dns, server, [
      { name: 'www.example.com', data: '192.0.2.17', ttl: 3600 },
    ]);
    expect(await jsonBody(dnsRequests(cloud)[2]!)).toEqual({
      recordsList: { records: [{ name: 'www.example.com', type: 'PTR', data: '192.0.2.17', ttl: 3600 }] },
      link: { content: '', href, rel: 'cloudServersOpenStack' },
    });
    expect((await waitForDnsJob(dns, j, { minDelayMs: 1 })).response?.[0]?.id).toBe('PTR-563452');
    await updatePtrRecords(dns, server, [{ name: 'web.example.com', data: '2001:db8::17' }]);
    await deletePtrRecords(dns, server, { ip: '192.0.2.17' });
    expect(dnsRequests(cloud).at(-1)!.url.searchParams.get('ip')).toBe('192.0.2.17');
  });

  it('rejects bad input before any request', async () => {
    const dns = raxClient(cloud);
    await expect(
      createPtrRecords(dns, server, [{ name: 'www.example.com.', data: '192.0.2.1' }]),
    ).rejects.toThrow(ValidationError);
    await expect(createPtrRecords(dns, server, [{ name: 'www.example.com', data: 'host' }])).rejects.toThrow(
      ValidationError,
    );
    await expect(
      createPtrRecords(dns, { service: 'cloudServersOpenStack', href: 'servers/1' }, []),
    ).rejects.toThrow(ValidationError);
    await expect(deletePtrRecords(dns, server, { ip: '999.1.1.1' })).rejects.toThrow(ValidationError);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });
});

describe('limits and jobs', () => {
  it('reads limits', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/limits`, () =>
        HttpResponse.json({
          limits: {
            absolute: { domains: 500, 'records per domain': 500 },
            rate: [
              {
                uri: '*/status/*',
                regex: '.*/v\\d+\\.\\d+/(\\d+/status).*',
                limit: [{ verb: 'GET', value: 5, unit: 'SECOND' }],
              },
            ],
          },
        }),
      ),
    );
    const l = await getRackspaceDnsLimits(raxClient(cloud));
    expect(l.absolute['records per domain']).toBe(500);
    expect(l.rate[0]!.limits[0]).toEqual({ verb: 'GET', value: 5, unit: 'SECOND' });
  });

  it('reads and lists jobs, and waits by id', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/status/${JOB_ID}`, () =>
        HttpResponse.json(job('COMPLETED', { response: { anything: 1 } })),
      ),
      http.get(`${RAX_DNS}/status`, () =>
        HttpResponse.json({ asyncResponses: [job('RUNNING')], totalEntries: 1 }),
      ),
    );
    const dns = raxClient(cloud);
    expect((await getDnsJob(dns, JOB_ID)).status).toBe('COMPLETED');
    expect((await toArray(listDnsJobs(dns)))[0]!.status).toBe('RUNNING');
    expect((await waitForDnsJob(dns, JOB_ID, { minDelayMs: 1 })).raw.response).toEqual({ anything: 1 });
  });

  it('finds rax:dns in the catalog', async () => {
    expect(await createRackspaceDnsClient(cloud.session()).endpoint()).toBe(RAX_DNS);
  });
});

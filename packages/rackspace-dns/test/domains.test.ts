import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createDomain,
  createDomainRecords,
  DnsJobError,
  deleteDomain,
  deleteDomainRecords,
  exportDomain,
  getDomain,
  getDomainRecord,
  importDomain,
  listDomainRecords,
  listDomains,
  listSubdomains,
  updateDomain,
  updateDomainRecord,
  waitForDnsJob,
} from '../src/index.js';
import {
  accepted,
  DOMAIN_ID,
  dnsRequests,
  domainWire,
  JOB_ID,
  job,
  RAX_DNS,
  raxClient,
  recordWire,
  rejectionOf,
} from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };

/** Serves RUNNING, then the given final job body. */
function statusThen(final: Record<string, unknown>) {
  let n = 0;
  return http.get(`${RAX_DNS}/status/${JOB_ID}`, () => HttpResponse.json(n++ ? final : job('RUNNING')));
}

describe('domains', () => {
  it('lists with limit/offset paging and resumes from a token', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/domains`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const rows = [offset + 1, offset + 2].filter((n) => n <= 5);
        return HttpResponse.json({
          domains: rows.map((n) => domainWire({ id: n, name: `d${n}.example.com` })),
          totalEntries: 5,
          ...(offset + 2 < 5
            ? { links: [{ href: `${RAX_DNS}/domains?limit=2&offset=${offset + 2}`, rel: 'next' }] }
            : {}),
        });
      }),
    );
    const dns = raxClient(cloud);
    const all = await toArray(listDomains(dns, { limit: 2 }));
    expect(all.map((d) => d.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(dnsRequests(cloud).map((r) => r.url.searchParams.get('offset'))).toEqual([null, '2', '4']);
    const first = await listDomains(dns, { limit: 2 }).byPage()[Symbol.asyncIterator]().next();
    const rest = [];
    for await (const page of listDomains(dns, { limit: 2 }).byPage({
      continuationToken: first.value!.continuationToken!,
    }))
      rest.push(...page.map((d) => d.id));
    expect(rest).toEqual(['3', '4', '5']);
  });

  it('searches by name, and refuses a trailing dot', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/domains`, () => HttpResponse.json({ domains: [domainWire()], totalEntries: 1 })),
    );
    expect((await toArray(listDomains(raxClient(cloud), { name: 'example.com' })))[0]!.emailAddress).toBe(
      'hostmaster@example.com',
    );
    expect(dnsRequests(cloud)[0]!.url.searchParams.get('name')).toBe('example.com');
    expect(() => listDomains(raxClient(cloud), { name: 'example.com.' })).toThrow(ValidationError);
  });

  it('gets a domain with records, subdomains and name servers', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/domains/${DOMAIN_ID}`, () =>
        HttpResponse.json(
          domainWire({
            nameservers: [{ name: 'dns1.stabletransit.com' }],
            recordsList: {
              records: [
                recordWire(),
                recordWire({ id: 'MX-1', type: 'MX', data: 'mail.example.com', priority: 5 }),
              ],
              totalEntries: 2,
            },
            subdomains: { domains: [domainWire({ id: 2725234, name: 'dev.example.com' })], totalEntries: 1 },
          }),
        ),
      ),
    );
    const d = await getDomain(raxClient(cloud), DOMAIN_ID, { showRecords: true, showSubdomains: true });
    expect(d.nameservers).toEqual(['dns1.stabletransit.com']);
    expect(d.records?.map((r) => [r.type, r.priority])).toEqual([
      ['A', undefined],
      ['MX', 5],
    ]);
    expect(d.subdomains?.[0]?.name).toBe('dev.example.com');
    expect(d.created?.toISOString()).toBe('2011-06-24T01:12:51.000Z');
    expect(dnsRequests(cloud)[0]!.url.search).toBe('?showRecords=true&showSubdomains=true');
  });

  it('names the domain in a 404', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/domains/${DOMAIN_ID}`, () =>
        HttpResponse.json({ code: 404, message: 'Not found', details: 'Object not Found.' }, { status: 404 }),
      ),
    );
    const err = await rejectionOf(getDomain(raxClient(cloud), DOMAIN_ID));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain(DOMAIN_ID);
  });

  it('creates a domain with records and subdomains, and the job returns the typed domains', async () => {
    cloud.use(
      http.post(`${RAX_DNS}/domains`, () => accepted('POST', 'domains')),
      statusThen(
        job('COMPLETED', {
          response: { domains: [domainWire({ recordsList: { records: [recordWire()] } })] },
        }),
      ),
    );
    const dns = raxClient(cloud);
    const created = await createDomain(dns, {
      name: 'example.com',
      emailAddress: 'hostmaster@example.com',
      ttl: 3600,
      records: [
        { name: 'www.example.com', type: 'A', data: '192.0.2.17' },
        { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 5 },
      ],
      subdomains: [{ name: 'dev.example.com', emailAddress: 'dev@example.com' }],
    });
    expect(created.status).toBe('RUNNING');
    const done = await waitForDnsJob(dns, created, fast);
    expect(done.response?.[0]?.records?.[0]?.id).toBe('A-6822994');
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({
      domains: [
        {
          name: 'example.com',
          emailAddress: 'hostmaster@example.com',
          ttl: 3600,
          recordsList: {
            records: [
              { name: 'www.example.com', type: 'A', data: '192.0.2.17' },
              { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 5 },
            ],
          },
          subdomains: { domains: [{ name: 'dev.example.com', emailAddress: 'dev@example.com' }] },
        },
      ],
    });
    expect(dnsRequests(cloud)[1]!.url.searchParams.get('showDetails')).toBe('true');
  });

  it.each([
    [
      'a name with a trailing dot',
      { name: 'example.com.', emailAddress: 'a@example.com' },
      'domains[0].name',
    ],
    ['a TTL under 300', { name: 'example.com', emailAddress: 'a@example.com', ttl: 60 }, 'domains[0].ttl'],
    ['a bad e-mail', { name: 'example.com', emailAddress: 'nobody' }, 'domains[0].emailAddress'],
    [
      'an MX without priority',
      {
        name: 'example.com',
        emailAddress: 'a@example.com',
        records: [{ name: 'example.com', type: 'MX', data: 'mail.example.com' }],
      },
      'domains[0].records[0].priority',
    ],
    [
      'a priority on an A record',
      {
        name: 'example.com',
        emailAddress: 'a@example.com',
        records: [{ name: 'example.com', type: 'A', data: '192.0.2.1', priority: 1 }],
      },
      'domains[0].records[0].priority',
    ],
    [
      'an IPv6 address in an A record',
      {
        name: 'example.com',
        emailAddress: 'a@example.com',
        records: [{ name: 'example.com', type: 'A', data: '2001:db8::1' }],
      },
      'domains[0].records[0].data',
    ],
    [
      'an IPv4 address in an AAAA record',
      {
        name: 'example.com',
        emailAddress: 'a@example.com',
        records: [{ name: 'example.com', type: 'AAAA', data: '192.0.2.1' }],
      },
      'domains[0].records[0].data',
    ],
    [
      'a CNAME target with a dot',
      {
        name: 'example.com',
        emailAddress: 'a@example.com',
        records: [{ name: 'a.example.com', type: 'CNAME', data: 'www.example.com.' }],
      },
      'domains[0].records[0].data',
    ],
  ])('rejects %s before any request', async (_label, params, field) => {
    const err = await rejectionOf<ValidationError>(createDomain(raxClient(cloud), params as never));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });

  it('surfaces a failed job as DnsJobError with the service error', async () => {
    cloud.use(
      http.post(`${RAX_DNS}/domains`, () => accepted('POST', 'domains')),
      statusThen(
        job('ERROR', {
          error: { failedItems: {}, code: 409, message: 'Conflict', details: 'Domain already exists' },
        }),
      ),
    );
    const dns = raxClient(cloud);
    const j = await createDomain(dns, { name: 'example.com', emailAddress: 'a@example.com' });
    const err = await rejectionOf<DnsJobError>(waitForDnsJob(dns, j, fast));
    expect(err).toBeInstanceOf(DnsJobError);
    expect(err.code).toBe('DNS_JOB_FAILED');
    expect([err.jobId, err.errorCode, err.details]).toEqual([JOB_ID, 409, 'Domain already exists']);
    expect(err.message).toContain('Domain already exists');
  });

  it('updates, deletes with subdomains, lists subdomains, imports and exports', async () => {
    cloud.use(
      http.put(`${RAX_DNS}/domains/${DOMAIN_ID}`, () => accepted('PUT', `domains/${DOMAIN_ID}`)),
      http.delete(`${RAX_DNS}/domains/${DOMAIN_ID}`, () => accepted('DELETE', `domains/${DOMAIN_ID}`)),
      http.get(`${RAX_DNS}/domains/${DOMAIN_ID}/subdomains`, () =>
        HttpResponse.json({ domains: [domainWire({ name: 'dev.example.com' })], totalEntries: 1 }),
      ),
      http.post(`${RAX_DNS}/domains/import`, () => accepted('POST', 'domains/import')),
      http.get(`${RAX_DNS}/domains/${DOMAIN_ID}/export`, () =>
        accepted('GET', `domains/${DOMAIN_ID}/export`),
      ),
      http.get(`${RAX_DNS}/status/${JOB_ID}`, () =>
        HttpResponse.json(
          job('COMPLETED', {
            response: {
              id: 2725233,
              accountId: 1234,
              contentType: 'BIND_9',
              contents: 'example.com. 3600 IN SOA ...',
            },
          }),
        ),
      ),
    );
    const dns = raxClient(cloud);
    await updateDomain(dns, DOMAIN_ID, { ttl: 600, comment: 'moved' });
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({ ttl: 600, comment: 'moved' });
    await deleteDomain(dns, DOMAIN_ID, { deleteSubdomains: true });
    expect(dnsRequests(cloud)[1]!.url.search).toBe('?deleteSubdomains=true');
    expect((await toArray(listSubdomains(dns, DOMAIN_ID)))[0]!.name).toBe('dev.example.com');
    await importDomain(
      dns,
      'example.com. 3600 IN SOA ns.rackspace.com. a.example.com. 1 3600 300 1814400 300',
    );
    expect(await jsonBody(dnsRequests(cloud)[3]!)).toMatchObject({ domains: [{ contentType: 'BIND_9' }] });
    const exported = await waitForDnsJob(dns, await exportDomain(dns, DOMAIN_ID), fast);
    expect(exported.response?.contents).toContain('SOA');
    await expect(updateDomain(dns, DOMAIN_ID, {})).rejects.toThrow(ValidationError);
    await expect(getDomain(dns, 'abc')).rejects.toThrow(ValidationError);
  });
});

describe('records', () => {
  it('lists with filters, gets, creates in bulk, updates and deletes', async () => {
    cloud.use(
      http.get(`${RAX_DNS}/domains/${DOMAIN_ID}/records`, () =>
        HttpResponse.json({ records: [recordWire()], totalEntries: 1 }),
      ),
      http.get(`${RAX_DNS}/domains/${DOMAIN_ID}/records/A-6822994`, () => HttpResponse.json(recordWire())),
      http.post(`${RAX_DNS}/domains/${DOMAIN_ID}/records`, () => accepted('POST', 'records')),
      http.put(`${RAX_DNS}/domains/${DOMAIN_ID}/records/A-6822994`, () => accepted('PUT', 'records')),
      http.delete(`${RAX_DNS}/domains/${DOMAIN_ID}/records/A-6822994`, () => accepted('DELETE', 'records')),
      http.delete(`${RAX_DNS}/domains/${DOMAIN_ID}/records`, () => accepted('DELETE', 'records')),
      http.get(`${RAX_DNS}/status/${JOB_ID}`, () =>
        HttpResponse.json(
          job('COMPLETED', {
            response: {
              records: [
                recordWire({ id: 'SRV-1', type: 'SRV', priority: 10, data: '5 5060 sip.example.com' }),
              ],
            },
          }),
        ),
      ),
    );
    const dns = raxClient(cloud);
    const rows = await toArray(listDomainRecords(dns, DOMAIN_ID, { type: 'A', name: 'www.example.com' }));
    expect(rows[0]!.data).toBe('192.0.2.17');
    expect(dnsRequests(cloud)[0]!.url.search).toBe('?type=A&name=www.example.com');
    expect((await getDomainRecord(dns, DOMAIN_ID, 'A-6822994')).ttl).toBe(86400);
    const j = await createDomainRecords(dns, DOMAIN_ID, [
      { name: '_sip._tcp.example.com', type: 'SRV', data: '5 5060 sip.example.com', priority: 10 },
      { name: 'example.com', type: 'TXT', data: 'v=spf1 -all' },
    ]);
    expect((await waitForDnsJob(dns, j, fast)).response?.[0]?.priority).toBe(10);
    await updateDomainRecord(dns, DOMAIN_ID, 'A-6822994', { type: 'A', data: '192.0.2.20', ttl: 600 });
    expect(await jsonBody(dnsRequests(cloud)[4]!)).toEqual({ data: '192.0.2.20', ttl: 600 });
    await deleteDomainRecords(dns, DOMAIN_ID, ['A-6822994']);
    await deleteDomainRecords(dns, DOMAIN_ID, ['A-6822994', 'MX-3151218']);
    expect(dnsRequests(cloud).at(-1)!.url.search).toBe('?id=A-6822994&id=MX-3151218');
    await expect(
      updateDomainRecord(dns, DOMAIN_ID, 'A-6822994', { type: 'AAAA', data: '192.0.2.1' }),
    ).rejects.toThrow(ValidationError);
    expect(() => listDomainRecords(dns, DOMAIN_ID, { name: 'www.example.com' })).toThrow(ValidationError);
    await expect(deleteDomainRecords(dns, DOMAIN_ID, ['nope'])).rejects.toThrow(ValidationError);
  });
});

import { ConflictError, NotFoundError, ValidationError } from '@cloud/core';
import { DnsJobError } from '@cloud/rackspace-dns';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ProviderDnsClient } from '../src/providers/index.js';
import { createFakeDesignate, type FakeDesignate } from './fakes/designate.js';
import { createFakeRackspaceDns, type FakeRackspaceDns } from './fakes/rackspace-dns.js';
import { OPENSTACK, RACKSPACE, SERVICE_CLOUDS } from './service-clouds.js';

const cloud = setupMockCloud();

describe.each(SERVICE_CLOUDS)('$name dns', (c) => {
  let fake: FakeDesignate | FakeRackspaceDns;
  let dns: ProviderDnsClient;
  beforeEach(() => {
    fake =
      c.name === 'openstack'
        ? createFakeDesignate({ baseUrl: c.endpoints().dns })
        : createFakeRackspaceDns({ baseUrl: c.endpoints().dns });
    cloud.use(...c.identity, ...fake.handlers);
    dns = c.dns();
  });
  const writes = () => cloud.requests.filter((r) => r.method !== 'GET' && !r.url.pathname.includes('token'));

  it('creates a zone, waits until it is served, finds it by name with or without the dot, updates and deletes it', async () => {
    const zone = await dns.createZone({
      name: 'Example.COM.',
      email: 'hostmaster@example.com',
      ttl: 3600,
      description: 'main',
    });
    expect(zone).toMatchObject({
      provider: c.name,
      name: 'example.com',
      email: 'hostmaster@example.com',
      ttl: 3600,
      description: 'main',
      status: 'ACTIVE',
    });
    const post = writes()[0]!;
    const body = await jsonBody(post);
    if (c.name === 'openstack') {
      expect(body).toMatchObject({ name: 'example.com.', email: 'hostmaster@example.com', ttl: 3600 });
      expect(fake.calls).toContain(`GET /zones/${zone.id}`);
    } else {
      expect(body).toEqual({
        domains: [
          { name: 'example.com', emailAddress: 'hostmaster@example.com', ttl: 3600, comment: 'main' },
        ],
      });
      expect(fake.calls.some((call) => call.startsWith('GET /status/'))).toBe(true);
    }
    expect((await dns.getZones({ name: 'example.com' })).map((z) => z.id)).toEqual([zone.id]);
    expect((await dns.getZones({ name: 'example.com.' })).map((z) => z.id)).toEqual([zone.id]);
    expect(await dns.getZone(zone.id)).toMatchObject({ id: zone.id, name: 'example.com', status: 'ACTIVE' });
    const updated = await dns.updateZone(zone, { ttl: 7200, email: 'dns@example.com' });
    expect(updated).toMatchObject({ ttl: 7200, email: 'dns@example.com', status: 'ACTIVE' });
    await expect(dns.createZone({ name: 'example.com', email: 'a@example.com' })).rejects.toBeInstanceOf(
      c.name === 'openstack' ? ConflictError : DnsJobError,
    );
    await dns.deleteZone(zone);
    await expect(dns.getZone(zone.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await dns.getZones()).toEqual([]);
  });

  it('creates A, AAAA, CNAME, MX, TXT and SRV records in one form on both clouds', async () => {
    const zone = await dns.createZone({ name: 'example.org', email: 'hostmaster@example.org' });
    const a = await dns.createRecord(zone, {
      name: 'www.example.org.',
      type: 'A',
      data: '192.0.2.10',
      ttl: 600,
    });
    expect(a).toMatchObject({
      provider: c.name,
      zoneId: zone.id,
      name: 'www.example.org',
      type: 'A',
      data: '192.0.2.10',
      values: ['192.0.2.10'],
      ttl: 600,
      priority: undefined,
      status: 'ACTIVE',
    });
    const aaaa = await dns.createRecord(zone, {
      name: 'www.example.org',
      type: 'AAAA',
      data: '2001:db8::10',
    });
    const cname = await dns.createRecord(zone, {
      name: 'ftp.example.org',
      type: 'CNAME',
      data: 'www.example.org.',
    });
    const mx = await dns.createRecord(zone, {
      name: 'example.org',
      type: 'MX',
      data: 'mail.example.org',
      priority: 10,
    });
    const txt = await dns.createRecord(zone, { name: 'example.org', type: 'TXT', data: 'v=spf1 -all' });
    const srv = await dns.createRecord(zone, {
      name: '_sip._tcp.example.org',
      type: 'SRV',
      data: '5 5060 sip.example.org.',
      priority: 20,
    });
    expect(aaaa).toMatchObject({ type: 'AAAA', data: '2001:db8::10' });
    expect(cname).toMatchObject({ type: 'CNAME', data: 'www.example.org' });
    expect(mx).toMatchObject({ type: 'MX', data: 'mail.example.org', priority: 10 });
    expect(txt).toMatchObject({ type: 'TXT', data: 'v=spf1 -all' });
    expect(srv).toMatchObject({ type: 'SRV', data: '5 5060 sip.example.org', priority: 20 });

    const sent = await Promise.all(
      writes()
        .slice(1)
        .map((r) => jsonBody(r)),
    );
    if (c.name === 'openstack') {
      expect(sent.map((b) => b.records)).toEqual([
        ['192.0.2.10'],
        ['2001:db8::10'],
        ['www.example.org.'],
        ['10 mail.example.org.'],
        ['"v=spf1 -all"'],
        ['20 5 5060 sip.example.org.'],
      ]);
      expect(sent[0]).toMatchObject({ name: 'www.example.org.', ttl: 600 });
    } else {
      expect(sent.map((b) => b.records[0])).toEqual([
        { name: 'www.example.org', type: 'A', data: '192.0.2.10', ttl: 600 },
        { name: 'www.example.org', type: 'AAAA', data: '2001:db8::10' },
        { name: 'ftp.example.org', type: 'CNAME', data: 'www.example.org' },
        { name: 'example.org', type: 'MX', data: 'mail.example.org', priority: 10 },
        { name: 'example.org', type: 'TXT', data: 'v=spf1 -all' },
        { name: '_sip._tcp.example.org', type: 'SRV', data: '5 5060 sip.example.org', priority: 20 },
      ]);
    }

    const all = await dns.getRecords(zone);
    const own = all.filter((r) => r.type !== 'SOA' && r.type !== 'NS');
    expect(own.map((r) => r.id).sort()).toEqual([a, aaaa, cname, mx, txt, srv].map((r) => r.id).sort());
    expect(all.some((r) => r.type === 'SOA')).toBe(dns.capabilities.soaInRecords);
    expect((await dns.getRecords(zone, { type: 'MX' })).map((r) => r.id)).toEqual([mx.id]);
    expect((await dns.getRecords(zone, { name: 'www.example.org.', type: 'A' })).map((r) => r.id)).toEqual([
      a.id,
    ]);
    expect(await dns.getRecord(zone, mx.id)).toEqual(mx);
  });

  it('updates data, priority and TTL of a record and deletes it', async () => {
    const zone = await dns.createZone({ name: 'example.net', email: 'hostmaster@example.net' });
    const mx = await dns.createRecord(zone, {
      name: 'example.net',
      type: 'MX',
      data: 'mx1.example.net',
      priority: 10,
    });
    const moved = await dns.updateRecord(zone, mx.id, { data: 'mx2.example.net.', ttl: 900 });
    expect(moved).toMatchObject({
      id: mx.id,
      data: 'mx2.example.net',
      priority: 10,
      ttl: 900,
      status: 'ACTIVE',
    });
    const reprioritised = await dns.updateRecord(zone, moved, { priority: 5 });
    expect(reprioritised).toMatchObject({ data: 'mx2.example.net', priority: 5 });
    const put = writes()
      .filter((r) => r.method === 'PUT')
      .at(-1)!;
    expect(await jsonBody(put)).toEqual(
      c.name === 'openstack' ? { records: ['5 mx2.example.net.'] } : { priority: 5 },
    );
    await dns.deleteRecord(zone, mx);
    await expect(dns.getRecord(zone, mx.id)).rejects.toBeInstanceOf(NotFoundError);
    await dns.deleteZone(zone.id);
  });

  it('refuses bad input with a ValidationError before any request', async () => {
    const zone = {
      id: c.name === 'openstack' ? '0b6e7a7e-6cd3-4f4e-9c5e-1d2b3c4d5e6f' : '3000001',
      name: 'example.com',
    };
    const record = { zoneId: zone.id, name: 'www.example.com' };
    const cases: [string, () => Promise<unknown>][] = [
      ['name', () => dns.createZone({ name: '', email: 'a@example.com' })],
      ['name', () => dns.createZone({ name: 'bad_name-.example..com', email: 'a@example.com' })],
      ['email', () => dns.createZone({ name: 'example.com', email: 'nobody' })],
      ['ttl', () => dns.createZone({ name: 'example.com', email: 'a@example.com', ttl: 0 })],
      ['ttl', () => dns.createRecord(zone, { ...record, type: 'A', data: '192.0.2.1', ttl: 2 ** 31 })],
      ['data', () => dns.createRecord(zone, { ...record, type: 'A', data: '2001:db8::1' })],
      ['data', () => dns.createRecord(zone, { ...record, type: 'AAAA', data: '192.0.2.1' })],
      ['priority', () => dns.createRecord(zone, { ...record, type: 'MX', data: 'mail.example.com' })],
      ['priority', () => dns.createRecord(zone, { ...record, type: 'SRV', data: '5 5060 sip.example.com' })],
      ['priority', () => dns.createRecord(zone, { ...record, type: 'A', data: '192.0.2.1', priority: 1 })],
      [
        'priority',
        () => dns.createRecord(zone, { ...record, type: 'MX', data: 'm.example.com', priority: 70000 }),
      ],
      [
        'data',
        () => dns.createRecord(zone, { ...record, type: 'SRV', data: 'sip.example.com', priority: 1 }),
      ],
      [
        'name',
        () => dns.createRecord(zone, { ...record, name: 'www.example.org', type: 'A', data: '192.0.2.1' }),
      ],
      ['name', () => dns.createRecord(zone, { ...record, name: '', type: 'A', data: '192.0.2.1' })],
      ['type', () => dns.createRecord(zone, { ...record, type: 'SOA' as never, data: 'x' })],
      ['data', () => dns.updateRecord(zone, { id: 'A-1', type: 'A' } as never, { data: 'not-an-ip' })],
      ['zone', () => dns.getRecords('')],
    ];
    for (const [field, run] of cases) {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect({ field: (error as ValidationError).field }).toEqual({ field });
    }
    expect(fake.calls).toEqual([]);
  });

  it('states its differences as capabilities and enforces them before any request', async () => {
    const zone = { id: c.name === 'openstack' ? '0b6e7a7e-6cd3-4f4e-9c5e-1d2b3c4d5e6f' : '3000001' };
    const caps = dns.capabilities;
    expect(caps.minTtl).toBe(c.name === 'openstack' ? 1 : 300);
    const caa = dns.createRecord(zone, {
      name: 'example.com',
      type: 'CAA',
      data: '0 issue "ca.example.net"',
    });
    const shortTtl = dns.createRecord(zone, { name: 'a.example.com', type: 'A', data: '192.0.2.1', ttl: 60 });
    const rename = dns.updateRecord(zone, 'r-1', { name: 'b.example.com' });
    if (c.name === 'openstack') {
      expect(caps).toMatchObject({ soaInRecords: true, multiValueRecords: true, renameRecords: false });
      await expect(rename).rejects.toBeInstanceOf(ValidationError);
      await expect(caa).rejects.toBeInstanceOf(NotFoundError);
      await expect(shortTtl).rejects.toBeInstanceOf(NotFoundError);
    } else {
      expect(caps).toMatchObject({ soaInRecords: false, multiValueRecords: false, renameRecords: true });
      expect(caps.recordTypes).not.toContain('CAA');
      await expect(caa).rejects.toMatchObject({ field: 'type' });
      await expect(shortTtl).rejects.toMatchObject({ field: 'ttl' });
      await expect(rename).rejects.toBeInstanceOf(NotFoundError);
      expect(fake.calls.every((call) => !call.startsWith('POST'))).toBe(true);
    }
  });
});

describe('typed capabilities', () => {
  it('are literal for a known provider', () => {
    const os = OPENSTACK.dns();
    const rax = RACKSPACE.dns();
    const renameOs: false = os.capabilities.renameRecords;
    const minRax: 300 = rax.capabilities.minTtl;
    expect([renameOs, minRax]).toEqual([false, 300]);
  });
});

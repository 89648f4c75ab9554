/**
 * The provider-neutral DNS client against the real Designate: a zone, records of several types
 * (names given with and without the trailing dot), an update, deletes, then nothing left behind.
 * Run: `source /var/tmp/cloud-openstack/env.sh && pnpm --filter @cloud/sdk test:integration -- providers-dns`.
 */
import { NotFoundError, ValidationError } from '@cloud/core';
import { afterAll, expect, it } from '@jest/globals';
import { providers } from '../../src/providers/index.js';
import { Cleanup, describeLive, live, openstackOptions, RUN } from './live.js';

const cleanup = new Cleanup();
const ZONE = `${RUN}.example.com`;
const wait = { wait: { minDelayMs: 500, maxDelayMs: 2_000, timeoutMs: 120_000 } };

describeLive('providers.openstack.dns against a real Designate', () => {
  const dns = live ? providers.openstack.dns(openstackOptions()) : (undefined as never);

  afterAll(async () => {
    expect(await cleanup.runAll()).toEqual([]);
    expect(await dns.getZones({ name: ZONE })).toEqual([]);
  });

  it('creates a zone with records of several types, updates them, and deletes everything', async () => {
    const zone = await dns.createZone({ name: `${ZONE}.`, email: 'hostmaster@example.com', ttl: 3600 }, wait);
    cleanup.add('zone', () => dns.deleteZone(zone, wait));
    expect(zone).toMatchObject({ provider: 'openstack', name: ZONE, status: 'ACTIVE', ttl: 3600 });
    expect((await dns.getZones({ name: ZONE })).map((z) => z.id)).toEqual([zone.id]);

    const a = await dns.createRecord(
      zone,
      { name: `www.${ZONE}`, type: 'A', data: '192.0.2.10', ttl: 600 },
      wait,
    );
    const aaaa = await dns.createRecord(
      zone,
      { name: `www.${ZONE}.`, type: 'AAAA', data: '2001:db8::10' },
      wait,
    );
    const cname = await dns.createRecord(
      zone,
      { name: `ftp.${ZONE}`, type: 'CNAME', data: `www.${ZONE}.` },
      wait,
    );
    const mx = await dns.createRecord(
      zone,
      { name: ZONE, type: 'MX', data: `mail.${ZONE}`, priority: 10 },
      wait,
    );
    const txt = await dns.createRecord(zone, { name: ZONE, type: 'TXT', data: 'v=spf1 -all' }, wait);
    const srv = await dns.createRecord(
      zone,
      { name: `_sip._tcp.${ZONE}`, type: 'SRV', data: `5 5060 sip.${ZONE}`, priority: 20 },
      wait,
    );
    expect(a).toMatchObject({ name: `www.${ZONE}`, data: '192.0.2.10', ttl: 600, status: 'ACTIVE' });
    expect(aaaa).toMatchObject({ type: 'AAAA', data: '2001:db8::10' });
    expect(cname).toMatchObject({ type: 'CNAME', data: `www.${ZONE}` });
    expect(mx).toMatchObject({ type: 'MX', data: `mail.${ZONE}`, priority: 10 });
    expect(txt).toMatchObject({ type: 'TXT', data: 'v=spf1 -all' });
    expect(srv).toMatchObject({ type: 'SRV', data: `5 5060 sip.${ZONE}`, priority: 20 });

    const records = await dns.getRecords(zone);
    expect(records.some((r) => r.type === 'SOA')).toBe(true);
    expect(records.map((r) => r.id)).toEqual(
      expect.arrayContaining([a, aaaa, cname, mx, txt, srv].map((r) => r.id)),
    );
    expect((await dns.getRecords(zone, { type: 'MX' })).map((r) => r.id)).toEqual([mx.id]);

    const moved = await dns.updateRecord(zone, mx.id, { data: `mx2.${ZONE}.`, priority: 5, ttl: 900 }, wait);
    expect(moved).toMatchObject({ data: `mx2.${ZONE}`, priority: 5, ttl: 900, status: 'ACTIVE' });
    expect(await dns.getRecord(zone, mx.id)).toMatchObject({ data: `mx2.${ZONE}`, priority: 5 });
    expect((await dns.updateZone(zone, { ttl: 7200 }, wait)).ttl).toBe(7200);

    await expect(
      dns.createRecord(zone, { name: ZONE, type: 'A', data: '2001:db8::1' }),
    ).rejects.toBeInstanceOf(ValidationError);

    for (const r of [a, aaaa, cname, mx, txt, srv]) await dns.deleteRecord(zone, r, wait);
    await expect(dns.getRecord(zone, a.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await dns.getRecords(zone)).map((r) => r.type).sort()).toEqual(['NS', 'SOA']);
    await dns.deleteZone(zone, wait);
    await expect(dns.getZone(zone.id)).rejects.toBeInstanceOf(NotFoundError);
  }, 600_000);
});

import { inspect } from 'node:util';
import { ConflictError, NotFoundError, toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  abandonZone,
  createDnsClient,
  createZone,
  deleteZone,
  getZone,
  listZoneNameservers,
  listZones,
  updateZone,
} from '../src/index.js';
import { DNS_URL, dnsClient, dnsRequests, fault, rejectionOf, V2, ZONE_ID, zoneWire } from './support.js';

const cloud = setupMockCloud();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('listZones', () => {
  /** Three pages of two zones, linked by `links.next` as Designate writes it. */
  const pages = () =>
    http.get(`${V2}/zones`, ({ request }) => {
      const url = new URL(request.url);
      const after = url.searchParams.get('marker');
      const start = after ? Number(after.slice(-12)) : 0;
      const rows = [start + 1, start + 2].filter((n) => n <= 5);
      const last = rows.at(-1)!;
      const next =
        last < 5
          ? `http://designate.internal:9001/v2/zones?limit=2&status=ACTIVE&marker=${id(last)}`
          : undefined;
      return HttpResponse.json({
        zones: rows.map((n) => zoneWire({ id: id(n), name: `z${n}.example.org.` })),
        links: { self: request.url, ...(next ? { next } : {}) },
        metadata: { total_count: 5 },
      });
    });

  it('follows links.next to the client endpoint, with the filters of the link', async () => {
    cloud.use(pages());
    const zones = await toArray(listZones(dnsClient(cloud), { status: 'ACTIVE', limit: 2, sortKey: 'name' }));
    expect(zones.map((z) => z.name)).toEqual([1, 2, 3, 4, 5].map((n) => `z${n}.example.org.`));
    const sent = dnsRequests(cloud);
    expect(sent).toHaveLength(3);
    expect(sent[0]!.url.searchParams.get('sort_key')).toBe('name');
    expect(sent[0]!.url.searchParams.get('status')).toBe('ACTIVE');
    expect(sent[1]!.url.host).toBe(new URL(DNS_URL).host);
    expect(sent[1]!.url.searchParams.get('marker')).toBe(id(2));
  });

  it('resumes from a continuation token', async () => {
    cloud.use(pages());
    const dns = dnsClient(cloud);
    const first = await listZones(dns, { limit: 2 }).byPage()[Symbol.asyncIterator]().next();
    const token = first.value!.continuationToken!;
    expect(token).toBeDefined();
    const rest: string[] = [];
    for await (const page of listZones(dns).byPage({ continuationToken: token }))
      rest.push(...page.map((z) => z.id));
    expect(rest).toEqual([id(3), id(4), id(5)]);
  });

  it('maps every documented field and keeps the wire object', async () => {
    cloud.use(
      http.get(`${V2}/zones`, () =>
        HttpResponse.json({ zones: [zoneWire({ shared: true, extra: 1 })], links: {} }),
      ),
    );
    const [z] = await toArray(listZones(dnsClient(cloud)));
    expect(z).toMatchObject({
      id: ZONE_ID,
      name: 'example.org.',
      email: 'joe@example.org',
      ttl: 7200,
      serial: 1404757531,
      type: 'PRIMARY',
      attributes: { tier: 'gold' },
      shared: true,
      masters: [],
    });
    expect(z!.createdAt?.toISOString()).toBe('2014-07-07T18:25:31.275Z');
    expect(z!.raw.extra).toBe(1);
  });

  it('rejects a bad marker or sort direction before any request', () => {
    const dns = dnsClient(cloud);
    expect(() => listZones(dns, { marker: 'nope' })).toThrow(ValidationError);
    expect(() => listZones(dns, { sortDir: 'up' as never })).toThrow(ValidationError);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });
});

describe('zones', () => {
  it('creates a PRIMARY zone and returns it PENDING', async () => {
    cloud.use(
      http.post(`${V2}/zones`, () =>
        HttpResponse.json(zoneWire({ status: 'PENDING', action: 'CREATE' }), { status: 202 }),
      ),
    );
    const zone = await createZone(dnsClient(cloud), {
      name: 'example.org.',
      email: 'joe@example.org',
      ttl: 7200,
    });
    expect(zone.status).toBe('PENDING');
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({
      name: 'example.org.',
      email: 'joe@example.org',
      ttl: 7200,
    });
  });

  it('creates a SECONDARY zone with masters', async () => {
    cloud.use(
      http.post(`${V2}/zones`, () =>
        HttpResponse.json(zoneWire({ type: 'SECONDARY', masters: ['192.0.2.53'] })),
      ),
    );
    await createZone(dnsClient(cloud), { name: 'example.org.', type: 'SECONDARY', masters: ['192.0.2.53'] });
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({
      name: 'example.org.',
      type: 'SECONDARY',
      masters: ['192.0.2.53'],
    });
  });

  it.each([
    ['a name without the trailing dot', { name: 'example.org', email: 'a@example.org' }, 'name'],
    ['an empty label', { name: 'a..example.org.', email: 'a@example.org' }, 'name'],
    ['a PRIMARY zone without email', { name: 'example.org.' }, 'email'],
    ['a TTL of 0', { name: 'example.org.', email: 'a@example.org', ttl: 0 }, 'ttl'],
    ['a TTL above 2^31-1', { name: 'example.org.', email: 'a@example.org', ttl: 2 ** 31 }, 'ttl'],
    ['a SECONDARY zone without masters', { name: 'example.org.', type: 'SECONDARY' }, 'masters'],
    [
      'masters on a PRIMARY zone',
      { name: 'example.org.', email: 'a@example.org', masters: ['192.0.2.1'] },
      'masters',
    ],
    ['an unknown type', { name: 'example.org.', type: 'FORWARD' }, 'type'],
  ])('rejects %s before any request', async (_label, params, field) => {
    const err = await rejectionOf<ValidationError>(createZone(dnsClient(cloud), params as never));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });

  it("maps a duplicate zone to ConflictError with Designate's message", async () => {
    cloud.use(
      http.post(`${V2}/zones`, () =>
        HttpResponse.json(fault(409, 'duplicate_zone', 'Duplicate Zone'), { status: 409 }),
      ),
    );
    const err = await rejectionOf(
      createZone(dnsClient(cloud), { name: 'example.org.', email: 'a@example.org' }),
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toContain('Duplicate Zone');
  });

  it('gets a zone and names it in a 404', async () => {
    cloud.use(
      http.get(`${V2}/zones/${ZONE_ID}`, () =>
        HttpResponse.json(fault(404, 'zone_not_found', 'Could not find Zone'), { status: 404 }),
      ),
    );
    const err = await rejectionOf(getZone(dnsClient(cloud), ZONE_ID));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain(ZONE_ID);
  });

  it('patches only the given fields, null clearing the description', async () => {
    cloud.use(
      http.patch(`${V2}/zones/${ZONE_ID}`, () =>
        HttpResponse.json(zoneWire({ status: 'PENDING', action: 'UPDATE' })),
      ),
    );
    const z = await updateZone(dnsClient(cloud), ZONE_ID, { ttl: 600, description: null });
    expect(z.action).toBe('UPDATE');
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({ ttl: 600, description: null });
    await expect(updateZone(dnsClient(cloud), ZONE_ID, {})).rejects.toThrow(ValidationError);
    await expect(updateZone(dnsClient(cloud), 'not-a-uuid', { ttl: 60 })).rejects.toThrow(ValidationError);
  });

  it('deletes a zone and returns it PENDING DELETE', async () => {
    cloud.use(
      http.delete(`${V2}/zones/${ZONE_ID}`, () =>
        HttpResponse.json(zoneWire({ status: 'PENDING', action: 'DELETE' }), { status: 202 }),
      ),
    );
    expect((await deleteZone(dnsClient(cloud), ZONE_ID)).action).toBe('DELETE');
  });

  it('abandons a zone and lists its name servers', async () => {
    cloud.use(
      http.post(`${V2}/zones/${ZONE_ID}/tasks/abandon`, () => new HttpResponse(null, { status: 204 })),
      http.get(`${V2}/zones/${ZONE_ID}/nameservers`, () =>
        HttpResponse.json({ nameservers: [{ hostname: 'ns1.example.net.', priority: 1 }] }),
      ),
    );
    const dns = dnsClient(cloud);
    await abandonZone(dns, ZONE_ID, { allProjects: true });
    expect(await listZoneNameservers(dns, ZONE_ID)).toEqual([{ hostname: 'ns1.example.net.', priority: 1 }]);
    expect(dnsRequests(cloud)[0]!.headers.get('x-auth-all-projects')).toBe('true');
  });
});

describe('createDnsClient', () => {
  it('sends the admin headers of the client and of each call', async () => {
    cloud.use(http.get(`${V2}/zones/${ZONE_ID}`, () => HttpResponse.json(zoneWire())));
    const dns = dnsClient(cloud, { allProjects: true });
    await getZone(dns, ZONE_ID);
    await getZone(dns, ZONE_ID, { sudoProjectId: 'other-project' });
    const [a, b] = dnsRequests(cloud);
    expect(a!.headers.get('x-auth-all-projects')).toBe('true');
    expect(a!.headers.get('x-auth-sudo-project-id')).toBeNull();
    expect(b!.headers.get('x-auth-sudo-project-id')).toBe('other-project');
    expect(inspect(dns)).toBe('DnsClient { allProjects: true }');
  });

  it('rejects a bad sudo project id', () => {
    expect(() => dnsClient(cloud, { sudoProjectId: 'a b' })).toThrow(ValidationError);
  });

  it('accepts an endpoint that already ends in /v2', async () => {
    cloud.use(http.get(`${V2}/zones/${ZONE_ID}`, () => HttpResponse.json(zoneWire())));
    const dns = createDnsClient(cloud.session(), { endpoint: `${DNS_URL}/v2/` });
    expect((await getZone(dns, ZONE_ID)).id).toBe(ZONE_ID);
    expect(dnsRequests(cloud)[0]!.url.pathname).toBe(`/v2/zones/${ZONE_ID}`);
  });

  it('finds the dns service in the catalog', async () => {
    expect(await dnsClient(cloud).endpoint()).toBe(DNS_URL);
  });
});

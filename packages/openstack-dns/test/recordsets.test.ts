import { toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  caaRecordData,
  createRecordset,
  deleteRecordset,
  getRecordset,
  listRecordsets,
  listRecordsetsAcrossZones,
  mxRecordData,
  srvRecordData,
  txtRecordData,
  updateRecordset,
} from '../src/index.js';
import { dnsClient, dnsRequests, RS_ID, recordsetWire, rejectionOf, V2, ZONE_ID } from './support.js';

const cloud = setupMockCloud();
const echo = () =>
  http.post(`${V2}/zones/${ZONE_ID}/recordsets`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    return HttpResponse.json(recordsetWire({ ...body, status: 'PENDING', action: 'CREATE' }), {
      status: 202,
    });
  });

describe('createRecordset, typed records', () => {
  it.each([
    ['A', 'www.example.org.', ['192.0.2.10', '192.0.2.11']],
    ['AAAA', 'www.example.org.', ['2001:db8::10']],
    ['CNAME', 'ftp.example.org.', ['www.example.org.']],
    ['MX', 'example.org.', [mxRecordData(10, 'mail.example.org.'), mxRecordData(20, 'backup.example.net.')]],
    ['TXT', 'example.org.', [txtRecordData('v=spf1 include:_spf.example.org -all')]],
    [
      'SRV',
      '_sip._tcp.example.org.',
      [srvRecordData({ priority: 10, weight: 60, port: 5060, target: 'sip.example.org.' })],
    ],
    ['NS', 'sub.example.org.', ['ns1.example.net.']],
    ['PTR', '10.2.0.192.in-addr.arpa.', ['www.example.org.']],
    ['CAA', 'example.org.', [caaRecordData({ flags: 0, tag: 'issue', value: 'letsencrypt.org' })]],
    ['A', '*.example.org.', ['192.0.2.99']],
  ])('sends a %s recordset as Designate expects', async (type, name, records) => {
    cloud.use(echo());
    const rs = await createRecordset(dnsClient(cloud), ZONE_ID, { name, type, records, ttl: 300 });
    expect(rs.status).toBe('PENDING');
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({ name, type, records, ttl: 300 });
  });

  it('builds record data', () => {
    expect(mxRecordData(10, 'mail.example.org.')).toBe('10 mail.example.org.');
    expect(srvRecordData({ priority: 0, weight: 5, port: 443, target: '.' })).toBe('0 5 443 .');
    expect(caaRecordData({ flags: 128, tag: 'iodef', value: 'mailto:sec@example.org' })).toBe(
      '128 iodef mailto:sec@example.org',
    );
    expect(txtRecordData('say "hi" \\o/')).toBe('"say \\"hi\\" \\\\o/"');
    const long = txtRecordData('x'.repeat(300));
    expect(long).toBe(`"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
    expect(() => mxRecordData(70_000, 'mail.example.org.')).toThrow(ValidationError);
    expect(() => mxRecordData(10, 'mail.example.org')).toThrow(ValidationError);
    expect(() => caaRecordData({ flags: 0, tag: 'issue', value: 'a b' })).toThrow(ValidationError);
  });

  it.each([
    [
      'a name without the trailing dot',
      { name: 'www.example.org', type: 'A', records: ['192.0.2.1'] },
      'name',
    ],
    [
      'an IPv6 address in an A record',
      { name: 'www.example.org.', type: 'A', records: ['2001:db8::1'] },
      'records[0]',
    ],
    [
      'an IPv4 address in an AAAA record',
      { name: 'www.example.org.', type: 'AAAA', records: ['::1', '192.0.2.1'] },
      'records[1]',
    ],
    [
      'an MX without priority',
      { name: 'example.org.', type: 'MX', records: ['mail.example.org.'] },
      'records[0]',
    ],
    [
      'an MX priority above 65535',
      { name: 'example.org.', type: 'MX', records: ['70000 mail.example.org.'] },
      'records[0]',
    ],
    [
      'a CNAME without its dot',
      { name: 'a.example.org.', type: 'CNAME', records: ['www.example.org'] },
      'records[0]',
    ],
    [
      'unquoted TXT with spaces',
      { name: 'example.org.', type: 'TXT', records: ['hello world'] },
      'records[0]',
    ],
    [
      'a TXT string over 255 characters',
      { name: 'example.org.', type: 'TXT', records: [`"${'x'.repeat(256)}"`] },
      'records[0]',
    ],
    [
      'an SRV without port',
      { name: '_sip._tcp.example.org.', type: 'SRV', records: ['10 60 sip.example.org.'] },
      'records[0]',
    ],
    ['no records', { name: 'www.example.org.', type: 'A', records: [] }, 'records'],
    ['a TTL out of range', { name: 'www.example.org.', type: 'A', records: ['192.0.2.1'], ttl: -5 }, 'ttl'],
    ['a lower-case type', { name: 'www.example.org.', type: 'a', records: ['192.0.2.1'] }, 'type'],
  ])('rejects %s before any request', async (_label, params, field) => {
    const err = await rejectionOf<ValidationError>(
      createRecordset(dnsClient(cloud), ZONE_ID, params as never),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });
});

describe('recordsets', () => {
  it('lists the recordsets of a zone with filters', async () => {
    cloud.use(
      http.get(`${V2}/zones/${ZONE_ID}/recordsets`, () =>
        HttpResponse.json({
          recordsets: [recordsetWire()],
          links: { self: 'x' },
          metadata: { total_count: 1 },
        }),
      ),
    );
    const all = await toArray(
      listRecordsets(dnsClient(cloud), ZONE_ID, { type: 'A', data: '192.0.2.*', name: 'www.example.org.' }),
    );
    expect(all.map((r) => r.records)).toEqual([['192.0.2.10']]);
    const q = dnsRequests(cloud)[0]!.url.searchParams;
    expect([q.get('type'), q.get('data'), q.get('name')]).toEqual(['A', '192.0.2.*', 'www.example.org.']);
  });

  it('lists across zones, paging with links.next', async () => {
    const second = '11111111-2222-4333-8444-555555555555';
    cloud.use(
      http.get(`${V2}/recordsets`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        return HttpResponse.json(
          marker
            ? { recordsets: [recordsetWire({ id: second })], links: { self: request.url } }
            : {
                recordsets: [recordsetWire()],
                links: { self: request.url, next: `${V2}/recordsets?limit=1&status=ERROR&marker=${RS_ID}` },
              },
        );
      }),
    );
    const all = await toArray(listRecordsetsAcrossZones(dnsClient(cloud), { status: 'ERROR', limit: 1 }));
    expect(all.map((r) => r.id)).toEqual([RS_ID, second]);
    expect(dnsRequests(cloud)[1]!.url.searchParams.get('status')).toBe('ERROR');
  });

  it('stops when links.next repeats the marker just sent', async () => {
    cloud.use(
      http.get(`${V2}/recordsets`, ({ request }) =>
        HttpResponse.json({
          recordsets: [recordsetWire()],
          links: { next: `${V2}/recordsets?marker=${RS_ID}`, self: request.url },
        }),
      ),
    );
    expect(await toArray(listRecordsetsAcrossZones(dnsClient(cloud)))).toHaveLength(2);
    expect(dnsRequests(cloud)).toHaveLength(2);
  });

  it('gets, updates (PUT) and deletes a recordset', async () => {
    const path = `${V2}/zones/${ZONE_ID}/recordsets/${RS_ID}`;
    cloud.use(
      http.get(path, () => HttpResponse.json(recordsetWire())),
      http.put(path, () =>
        HttpResponse.json(recordsetWire({ status: 'PENDING', action: 'UPDATE' }), { status: 202 }),
      ),
      http.delete(path, () =>
        HttpResponse.json(recordsetWire({ status: 'PENDING', action: 'DELETE' }), { status: 202 }),
      ),
    );
    const dns = dnsClient(cloud);
    expect((await getRecordset(dns, ZONE_ID, RS_ID)).name).toBe('www.example.org.');
    expect(
      (await updateRecordset(dns, ZONE_ID, RS_ID, { type: 'A', records: ['192.0.2.20'], ttl: null })).action,
    ).toBe('UPDATE');
    expect(await jsonBody(dnsRequests(cloud)[1]!)).toEqual({ records: ['192.0.2.20'], ttl: null });
    expect((await deleteRecordset(dns, ZONE_ID, RS_ID)).action).toBe('DELETE');
  });

  it('checks updated records against the given type', async () => {
    const err = await rejectionOf<ValidationError>(
      updateRecordset(dnsClient(cloud), ZONE_ID, RS_ID, { type: 'AAAA', records: ['192.0.2.1'] }),
    );
    expect(err.field).toBe('records[0]');
    await expect(updateRecordset(dnsClient(cloud), ZONE_ID, RS_ID, {})).rejects.toThrow(ValidationError);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });
});

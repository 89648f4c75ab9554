import { toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createTld,
  deleteTld,
  getDnsLimits,
  getDnsQuotas,
  getDnsServiceStatus,
  getFloatingIpPtr,
  getTld,
  listDnsServiceStatuses,
  listFloatingIpPtrs,
  listTlds,
  resetDnsQuotas,
  setFloatingIpPtr,
  unsetFloatingIpPtr,
  updateDnsQuotas,
  updateTld,
  waitForFloatingIpPtrStatus,
} from '../src/index.js';
import { dnsClient, dnsRequests, PROJECT, rejectionOf, TASK_ID, V2 } from './support.js';

const cloud = setupMockCloud();
const FIP = 'c5d5c3b0-7e9f-4c49-9d3a-2f4d4c5e6f70';
const ptr = (over: Record<string, unknown> = {}) => ({
  id: `RegionOne:${FIP}`,
  ptrdname: 'www.example.org.',
  description: null,
  ttl: 600,
  address: '172.24.4.10',
  status: 'ACTIVE',
  action: 'NONE',
  links: { self: `${V2}/reverse/floatingips/RegionOne:${FIP}` },
  ...over,
});

describe('reverse DNS of floating IPs', () => {
  it('lists, gets, sets and unsets PTR records', async () => {
    const path = `${V2}/reverse/floatingips/RegionOne:${FIP}`;
    cloud.use(
      http.get(`${V2}/reverse/floatingips`, () => HttpResponse.json({ floatingips: [ptr()], links: {} })),
      http.get(path, () => HttpResponse.json(ptr())),
      http.patch(path, async ({ request }) => {
        const body = (await request.json()) as { ptrdname: string | null };
        return HttpResponse.json(ptr({ ptrdname: body.ptrdname, status: 'PENDING', action: 'UPDATE' }), {
          status: 202,
        });
      }),
    );
    const dns = dnsClient(cloud);
    const [p] = await toArray(listFloatingIpPtrs(dns));
    expect(p).toMatchObject({
      region: 'RegionOne',
      floatingIpId: FIP,
      address: '172.24.4.10',
      ptrdname: 'www.example.org.',
    });
    expect((await getFloatingIpPtr(dns, 'RegionOne', FIP)).ttl).toBe(600);
    const set = await setFloatingIpPtr(dns, 'RegionOne', FIP, { ptrdname: 'mail.example.org.', ttl: 300 });
    expect(set.status).toBe('PENDING');
    await unsetFloatingIpPtr(dns, 'RegionOne', FIP);
    const sent = dnsRequests(cloud);
    expect(await jsonBody(sent[2]!)).toEqual({ ptrdname: 'mail.example.org.', ttl: 300 });
    expect(await jsonBody(sent[3]!)).toEqual({ ptrdname: null });
    expect(sent[3]!.url.pathname).toBe(`/v2/reverse/floatingips/RegionOne:${FIP}`);
  });

  it('waits for the PTR record to be applied', async () => {
    let n = 0;
    cloud.use(
      http.get(`${V2}/reverse/floatingips/RegionOne:${FIP}`, () =>
        HttpResponse.json(ptr(n++ ? {} : { status: 'PENDING', action: 'UPDATE' })),
      ),
    );
    const p = await waitForFloatingIpPtrStatus(dnsClient(cloud), 'RegionOne', FIP, 'ACTIVE', {
      minDelayMs: 1,
    });
    expect(p.status).toBe('ACTIVE');
    expect(n).toBe(2);
  });

  it('rejects a PTR name without its dot, a bad region or id, before any request', async () => {
    const dns = dnsClient(cloud);
    const err = await rejectionOf<ValidationError>(
      setFloatingIpPtr(dns, 'RegionOne', FIP, { ptrdname: 'www.example.org' }),
    );
    expect(err.field).toBe('ptrdname');
    await expect(getFloatingIpPtr(dns, 'Region:One', FIP)).rejects.toThrow(ValidationError);
    await expect(getFloatingIpPtr(dns, 'RegionOne', '172.24.4.10')).rejects.toThrow(ValidationError);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });
});

describe('quotas, limits, TLDs and service statuses', () => {
  it('reads and changes quotas', async () => {
    const q = {
      zones: 10,
      zone_recordsets: 500,
      zone_records: 500,
      recordset_records: 20,
      api_export_size: 1000,
    };
    cloud.use(
      http.get(`${V2}/quotas/${PROJECT}`, () => HttpResponse.json(q)),
      http.patch(`${V2}/quotas/${PROJECT}`, () => HttpResponse.json({ ...q, zones: 20 })),
      http.delete(`${V2}/quotas/${PROJECT}`, () => new HttpResponse(null, { status: 204 })),
    );
    const dns = dnsClient(cloud);
    expect(await getDnsQuotas(dns, PROJECT)).toMatchObject({
      zones: 10,
      recordsetRecords: 20,
      apiExportSize: 1000,
    });
    expect((await updateDnsQuotas(dns, PROJECT, { zones: 20 })).zones).toBe(20);
    expect(await jsonBody(dnsRequests(cloud)[1]!)).toEqual({ zones: 20 });
    await resetDnsQuotas(dns, PROJECT);
    await expect(updateDnsQuotas(dns, PROJECT, { zones: 1.5 })).rejects.toThrow(ValidationError);
  });

  it('reads limits, a null min_ttl being unset', async () => {
    cloud.use(
      http.get(`${V2}/limits`, () =>
        HttpResponse.json({
          max_zones: 10,
          max_zone_recordsets: 500,
          max_zone_records: 500,
          max_recordset_records: 20,
          max_page_limit: 1000,
          min_ttl: null,
          max_zone_name_length: 255,
        }),
      ),
    );
    expect(await getDnsLimits(dnsClient(cloud))).toMatchObject({
      maxZones: 10,
      maxPageLimit: 1000,
      minTtl: undefined,
    });
  });

  it('manages TLDs', async () => {
    const tld = {
      id: TASK_ID,
      name: 'com',
      description: null,
      created_at: '2015-01-01T00:00:00.000000',
      links: {},
    };
    cloud.use(
      http.get(`${V2}/tlds`, () => HttpResponse.json({ tlds: [tld], links: {} })),
      http.post(`${V2}/tlds`, () => HttpResponse.json(tld, { status: 201 })),
      http.get(`${V2}/tlds/${TASK_ID}`, () => HttpResponse.json(tld)),
      http.patch(`${V2}/tlds/${TASK_ID}`, () => HttpResponse.json({ ...tld, description: 'c' })),
      http.delete(`${V2}/tlds/${TASK_ID}`, () => new HttpResponse(null, { status: 204 })),
    );
    const dns = dnsClient(cloud);
    expect((await toArray(listTlds(dns, { name: 'c*' }))).map((t) => t.name)).toEqual(['com']);
    expect(dnsRequests(cloud)[0]!.url.searchParams.get('name')).toBe('c*');
    expect((await createTld(dns, { name: 'com' })).id).toBe(TASK_ID);
    expect((await getTld(dns, TASK_ID)).name).toBe('com');
    expect((await updateTld(dns, TASK_ID, { description: 'c' })).description).toBe('c');
    await deleteTld(dns, TASK_ID);
    await expect(createTld(dns, { name: 'com.' })).rejects.toThrow(ValidationError);
  });

  it('lists service statuses', async () => {
    const s = {
      id: TASK_ID,
      hostname: 'dns-1',
      service_name: 'central',
      status: 'UP',
      stats: {},
      capabilities: {},
      heartbeated_at: '2026-01-01T00:00:00.000000',
      links: {},
    };
    cloud.use(
      http.get(`${V2}/service_statuses`, () => HttpResponse.json({ service_statuses: [s], links: {} })),
      http.get(`${V2}/service_statuses/${TASK_ID}`, () => HttpResponse.json(s)),
    );
    const dns = dnsClient(cloud);
    const [row] = await toArray(listDnsServiceStatuses(dns, { serviceName: 'central' }));
    expect(row).toMatchObject({ serviceName: 'central', status: 'UP', hostname: 'dns-1' });
    expect(dnsRequests(cloud)[0]!.url.searchParams.get('service_name')).toBe('central');
    expect((await getDnsServiceStatus(dns, TASK_ID)).heartbeatedAt?.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });
});

import { InvalidResponseError, toArray, ValidationError, WaiterFailureError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  acceptZoneTransfer,
  createZoneExport,
  createZoneImport,
  createZoneTransferRequest,
  deleteZoneExport,
  deleteZoneImport,
  deleteZoneTransferRequest,
  downloadZoneExport,
  getZoneShare,
  getZoneTransferAccept,
  getZoneTransferRequest,
  listZoneExports,
  listZoneImports,
  listZoneShares,
  listZoneTransferAccepts,
  listZoneTransferRequests,
  shareZone,
  unshareZone,
  updateZoneTransferRequest,
  waitForZoneExportStatus,
  waitForZoneImportStatus,
} from '../src/index.js';
import { dnsClient, dnsRequests, PROJECT, rejectionOf, TASK_ID, V2, ZONE_ID } from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };
const task = (over: Record<string, unknown> = {}) => ({
  id: TASK_ID,
  status: 'PENDING',
  message: null,
  location: null,
  zone_id: ZONE_ID,
  project_id: PROJECT,
  created_at: '2015-08-27T20:57:03.000000',
  updated_at: null,
  version: 1,
  links: { self: `${V2}/zones/tasks/exports/${TASK_ID}` },
  ...over,
});
const BIND =
  '$ORIGIN example.org.\n$TTL 3600\nexample.org. IN SOA ns1.example.net. joe.example.org. 1 3500 600 86400 3600\nexample.org. IN NS ns1.example.net.\n';

describe('exports', () => {
  it('creates, polls to COMPLETE, downloads the BIND text, lists and deletes', async () => {
    let polls = 0;
    cloud.use(
      http.post(`${V2}/zones/${ZONE_ID}/tasks/export`, () => HttpResponse.json(task(), { status: 202 })),
      http.get(`${V2}/zones/tasks/exports/${TASK_ID}`, () =>
        HttpResponse.json(
          task(
            polls++ ? { status: 'COMPLETE', location: 'designate://v2/zones/tasks/exports/x/export' } : {},
          ),
        ),
      ),
      http.get(
        `${V2}/zones/tasks/exports/${TASK_ID}/export`,
        () => new HttpResponse(BIND, { headers: { 'content-type': 'text/dns' } }),
      ),
      http.get(`${V2}/zones/tasks/exports`, () => HttpResponse.json({ exports: [task()], links: {} })),
      http.delete(`${V2}/zones/tasks/exports/${TASK_ID}`, () => new HttpResponse(null, { status: 204 })),
    );
    const dns = dnsClient(cloud);
    const t = await createZoneExport(dns, ZONE_ID);
    expect(t.status).toBe('PENDING');
    const done = await waitForZoneExportStatus(dns, t.id, 'COMPLETE', fast);
    expect(done.location).toContain('designate://');
    expect(await downloadZoneExport(dns, t.id)).toBe(BIND);
    expect(dnsRequests(cloud).at(-1)!.headers.get('accept')).toBe('text/dns');
    expect((await toArray(listZoneExports(dns))).map((e) => e.zoneId)).toEqual([ZONE_ID]);
    await deleteZoneExport(dns, t.id);
  });

  it('rejects an export body that is not zone text', async () => {
    cloud.use(http.get(`${V2}/zones/tasks/exports/${TASK_ID}/export`, () => HttpResponse.json({ a: 1 })));
    await expect(downloadZoneExport(dnsClient(cloud), TASK_ID)).rejects.toThrow(InvalidResponseError);
  });
});

describe('imports', () => {
  it('posts the BIND text as text/dns and waits for the zone id', async () => {
    let polls = 0;
    cloud.use(
      http.post(`${V2}/zones/tasks/imports`, () =>
        HttpResponse.json(task({ zone_id: null }), { status: 202 }),
      ),
      http.get(`${V2}/zones/tasks/imports/${TASK_ID}`, () =>
        HttpResponse.json(task(polls++ ? { status: 'COMPLETE' } : { zone_id: null })),
      ),
      http.get(`${V2}/zones/tasks/imports`, () => HttpResponse.json({ imports: [task()], links: {} })),
      http.delete(`${V2}/zones/tasks/imports/${TASK_ID}`, () => new HttpResponse(null, { status: 204 })),
    );
    const dns = dnsClient(cloud);
    const t = await createZoneImport(dns, BIND);
    expect(t.zoneId).toBeUndefined();
    const sent = dnsRequests(cloud)[0]!;
    expect(sent.headers.get('content-type')).toBe('text/dns');
    expect(await sent.body()).toBe(BIND);
    expect((await waitForZoneImportStatus(dns, t.id, 'COMPLETE', fast)).zoneId).toBe(ZONE_ID);
    expect(await toArray(listZoneImports(dns))).toHaveLength(1);
    await deleteZoneImport(dns, t.id);
  });

  it("fails the waiter with Designate's message on ERROR", async () => {
    cloud.use(
      http.get(`${V2}/zones/tasks/imports/${TASK_ID}`, () =>
        HttpResponse.json(task({ status: 'ERROR', message: 'Duplicate zone.' })),
      ),
    );
    const err = await rejectionOf(waitForZoneImportStatus(dnsClient(cloud), TASK_ID, 'COMPLETE', fast));
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.message).toContain('Duplicate zone.');
  });

  it('rejects empty text before any request', async () => {
    await expect(createZoneImport(dnsClient(cloud), '  ')).rejects.toThrow(ValidationError);
    expect(dnsRequests(cloud)).toHaveLength(0);
  });
});

describe('transfers and shares', () => {
  const request = (over: Record<string, unknown> = {}) => ({
    id: TASK_ID,
    zone_id: ZONE_ID,
    zone_name: 'example.org.',
    key: '9Z2R50Y0',
    target_project_id: 'target-project',
    project_id: PROJECT,
    description: null,
    status: 'ACTIVE',
    created_at: '2014-07-17T20:34:40.882579',
    updated_at: null,
    links: {},
    ...over,
  });
  const accept = {
    id: TASK_ID,
    zone_id: ZONE_ID,
    zone_transfer_request_id: TASK_ID,
    status: 'COMPLETE',
    links: {},
  };
  const share = {
    id: TASK_ID,
    zone_id: ZONE_ID,
    project_id: PROJECT,
    target_project_id: 'target-project',
    links: {},
  };

  it('offers, reads, updates, lists, withdraws and accepts', async () => {
    cloud.use(
      http.post(`${V2}/zones/${ZONE_ID}/tasks/transfer_requests`, () =>
        HttpResponse.json(request(), { status: 201 }),
      ),
      http.get(`${V2}/zones/tasks/transfer_requests/${TASK_ID}`, () => HttpResponse.json(request())),
      http.patch(`${V2}/zones/tasks/transfer_requests/${TASK_ID}`, () =>
        HttpResponse.json(request({ description: 'x' })),
      ),
      http.get(`${V2}/zones/tasks/transfer_requests`, () =>
        HttpResponse.json({ transfer_requests: [request()], links: {} }),
      ),
      http.delete(
        `${V2}/zones/tasks/transfer_requests/${TASK_ID}`,
        () => new HttpResponse(null, { status: 204 }),
      ),
      http.post(`${V2}/zones/tasks/transfer_accepts`, () => HttpResponse.json(accept, { status: 201 })),
      http.get(`${V2}/zones/tasks/transfer_accepts/${TASK_ID}`, () => HttpResponse.json(accept)),
      http.get(`${V2}/zones/tasks/transfer_accepts`, () =>
        HttpResponse.json({ transfer_accepts: [accept], links: {} }),
      ),
    );
    const dns = dnsClient(cloud);
    const offer = await createZoneTransferRequest(dns, ZONE_ID, { targetProjectId: 'target-project' });
    expect(offer.key).toBe('9Z2R50Y0');
    expect(await jsonBody(dnsRequests(cloud)[0]!)).toEqual({ target_project_id: 'target-project' });
    expect((await getZoneTransferRequest(dns, offer.id)).zoneName).toBe('example.org.');
    expect((await updateZoneTransferRequest(dns, offer.id, { description: 'x' })).description).toBe('x');
    expect(await toArray(listZoneTransferRequests(dns))).toHaveLength(1);
    await deleteZoneTransferRequest(dns, offer.id);
    const a = await acceptZoneTransfer(dns, { transferRequestId: offer.id, key: offer.key! });
    expect(await jsonBody(dnsRequests(cloud).at(-1)!)).toEqual({
      key: '9Z2R50Y0',
      zone_transfer_request_id: TASK_ID,
    });
    expect(a.status).toBe('COMPLETE');
    expect((await getZoneTransferAccept(dns, a.id)).transferRequestId).toBe(TASK_ID);
    expect(await toArray(listZoneTransferAccepts(dns))).toHaveLength(1);
    await expect(acceptZoneTransfer(dns, { transferRequestId: TASK_ID, key: '' })).rejects.toThrow(
      ValidationError,
    );
  });

  it('shares and unshares a zone', async () => {
    cloud.use(
      http.post(`${V2}/zones/${ZONE_ID}/shares`, () => HttpResponse.json(share, { status: 201 })),
      http.get(`${V2}/zones/${ZONE_ID}/shares`, () =>
        HttpResponse.json({ shared_zones: [share], links: {} }),
      ),
      http.get(`${V2}/zones/${ZONE_ID}/shares/${TASK_ID}`, () => HttpResponse.json(share)),
      http.delete(`${V2}/zones/${ZONE_ID}/shares/${TASK_ID}`, () => new HttpResponse(null, { status: 204 })),
    );
    const dns = dnsClient(cloud);
    expect((await shareZone(dns, ZONE_ID, { targetProjectId: 'target-project' })).targetProjectId).toBe(
      'target-project',
    );
    expect(await toArray(listZoneShares(dns, ZONE_ID))).toHaveLength(1);
    expect((await getZoneShare(dns, ZONE_ID, TASK_ID)).zoneId).toBe(ZONE_ID);
    await unshareZone(dns, ZONE_ID, TASK_ID);
    await expect(shareZone(dns, ZONE_ID, { targetProjectId: 'a b' })).rejects.toThrow(ValidationError);
  });
});

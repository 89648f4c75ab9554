/**
 * Every public operation that reads a response body, served bodies Designate never sends: each
 * must fail with one typed InvalidResponseError (status, request id, snippet), never a raw
 * TypeError or SyntaxError and never a silently empty result. A function exported but in neither
 * table fails the last test.
 */
import { InvalidResponseError, toArray } from '@cloud/core';
import { describeBadResponses, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import type { DnsClient } from '../src/index.js';
import * as api from '../src/index.js';
import { dnsClient, PROJECT, RS_ID, TASK_ID, V2, ZONE_ID } from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };
const list = <T>(l: AsyncIterable<T>) => toArray(l);
const FIP = 'c5d5c3b0-7e9f-4c49-9d3a-2f4d4c5e6f70';

interface Operation {
  name: keyof typeof api;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Wrapper key of a listing; undefined for a bare resource. */
  key?: string;
  call(c: DnsClient): Promise<unknown>;
}

const ZONE = `/zones/${ZONE_ID}`;
const RS = `${ZONE}/recordsets/${RS_ID}`;
const EXPORT = `/zones/tasks/exports/${TASK_ID}`;
const IMPORT = `/zones/tasks/imports/${TASK_ID}`;
const TREQ = `/zones/tasks/transfer_requests/${TASK_ID}`;
const TACC = `/zones/tasks/transfer_accepts/${TASK_ID}`;
const PTR = `/reverse/floatingips/RegionOne:${FIP}`;

const OPERATIONS: Operation[] = [
  { name: 'listZones', method: 'get', path: '/zones', key: 'zones', call: (c) => list(api.listZones(c)) },
  { name: 'getZone', method: 'get', path: ZONE, call: (c) => api.getZone(c, ZONE_ID) },
  {
    name: 'createZone',
    method: 'post',
    path: '/zones',
    call: (c) => api.createZone(c, { name: 'a.org.', email: 'a@a.org' }),
  },
  { name: 'updateZone', method: 'patch', path: ZONE, call: (c) => api.updateZone(c, ZONE_ID, { ttl: 60 }) },
  { name: 'deleteZone', method: 'delete', path: ZONE, call: (c) => api.deleteZone(c, ZONE_ID) },
  {
    name: 'waitForZoneStatus',
    method: 'get',
    path: ZONE,
    call: (c) => api.waitForZoneStatus(c, ZONE_ID, 'ACTIVE', fast),
  },
  {
    name: 'listZoneNameservers',
    method: 'get',
    path: `${ZONE}/nameservers`,
    key: 'nameservers',
    call: (c) => api.listZoneNameservers(c, ZONE_ID),
  },
  {
    name: 'listRecordsets',
    method: 'get',
    path: `${ZONE}/recordsets`,
    key: 'recordsets',
    call: (c) => list(api.listRecordsets(c, ZONE_ID)),
  },
  {
    name: 'listRecordsetsAcrossZones',
    method: 'get',
    path: '/recordsets',
    key: 'recordsets',
    call: (c) => list(api.listRecordsetsAcrossZones(c)),
  },
  { name: 'getRecordset', method: 'get', path: RS, call: (c) => api.getRecordset(c, ZONE_ID, RS_ID) },
  {
    name: 'createRecordset',
    method: 'post',
    path: `${ZONE}/recordsets`,
    call: (c) => api.createRecordset(c, ZONE_ID, { name: 'a.org.', type: 'A', records: ['192.0.2.1'] }),
  },
  {
    name: 'updateRecordset',
    method: 'put',
    path: RS,
    call: (c) => api.updateRecordset(c, ZONE_ID, RS_ID, { ttl: 60 }),
  },
  {
    name: 'deleteRecordset',
    method: 'delete',
    path: RS,
    call: (c) => api.deleteRecordset(c, ZONE_ID, RS_ID),
  },
  {
    name: 'waitForRecordsetStatus',
    method: 'get',
    path: RS,
    call: (c) => api.waitForRecordsetStatus(c, ZONE_ID, RS_ID, 'ACTIVE', fast),
  },
  {
    name: 'createZoneExport',
    method: 'post',
    path: `${ZONE}/tasks/export`,
    call: (c) => api.createZoneExport(c, ZONE_ID),
  },
  { name: 'getZoneExport', method: 'get', path: EXPORT, call: (c) => api.getZoneExport(c, TASK_ID) },
  {
    name: 'listZoneExports',
    method: 'get',
    path: '/zones/tasks/exports',
    key: 'exports',
    call: (c) => list(api.listZoneExports(c)),
  },
  {
    name: 'waitForZoneExportStatus',
    method: 'get',
    path: EXPORT,
    call: (c) => api.waitForZoneExportStatus(c, TASK_ID, 'COMPLETE', fast),
  },
  {
    name: 'downloadZoneExport',
    method: 'get',
    path: `${EXPORT}/export`,
    call: (c) => api.downloadZoneExport(c, TASK_ID),
  },
  {
    name: 'createZoneImport',
    method: 'post',
    path: '/zones/tasks/imports',
    call: (c) => api.createZoneImport(c, '$ORIGIN a.org.\n'),
  },
  { name: 'getZoneImport', method: 'get', path: IMPORT, call: (c) => api.getZoneImport(c, TASK_ID) },
  {
    name: 'listZoneImports',
    method: 'get',
    path: '/zones/tasks/imports',
    key: 'imports',
    call: (c) => list(api.listZoneImports(c)),
  },
  {
    name: 'waitForZoneImportStatus',
    method: 'get',
    path: IMPORT,
    call: (c) => api.waitForZoneImportStatus(c, TASK_ID, 'COMPLETE', fast),
  },
  {
    name: 'createZoneTransferRequest',
    method: 'post',
    path: `${ZONE}/tasks/transfer_requests`,
    call: (c) => api.createZoneTransferRequest(c, ZONE_ID),
  },
  {
    name: 'getZoneTransferRequest',
    method: 'get',
    path: TREQ,
    call: (c) => api.getZoneTransferRequest(c, TASK_ID),
  },
  {
    name: 'updateZoneTransferRequest',
    method: 'patch',
    path: TREQ,
    call: (c) => api.updateZoneTransferRequest(c, TASK_ID, { description: 'x' }),
  },
  {
    name: 'listZoneTransferRequests',
    method: 'get',
    path: '/zones/tasks/transfer_requests',
    key: 'transfer_requests',
    call: (c) => list(api.listZoneTransferRequests(c)),
  },
  {
    name: 'acceptZoneTransfer',
    method: 'post',
    path: '/zones/tasks/transfer_accepts',
    call: (c) => api.acceptZoneTransfer(c, { transferRequestId: TASK_ID, key: 'k' }),
  },
  {
    name: 'getZoneTransferAccept',
    method: 'get',
    path: TACC,
    call: (c) => api.getZoneTransferAccept(c, TASK_ID),
  },
  {
    name: 'listZoneTransferAccepts',
    method: 'get',
    path: '/zones/tasks/transfer_accepts',
    key: 'transfer_accepts',
    call: (c) => list(api.listZoneTransferAccepts(c)),
  },
  {
    name: 'shareZone',
    method: 'post',
    path: `${ZONE}/shares`,
    call: (c) => api.shareZone(c, ZONE_ID, { targetProjectId: 'p2' }),
  },
  {
    name: 'getZoneShare',
    method: 'get',
    path: `${ZONE}/shares/${TASK_ID}`,
    call: (c) => api.getZoneShare(c, ZONE_ID, TASK_ID),
  },
  {
    name: 'listZoneShares',
    method: 'get',
    path: `${ZONE}/shares`,
    key: 'shared_zones',
    call: (c) => list(api.listZoneShares(c, ZONE_ID)),
  },
  {
    name: 'listFloatingIpPtrs',
    method: 'get',
    path: '/reverse/floatingips',
    key: 'floatingips',
    call: (c) => list(api.listFloatingIpPtrs(c)),
  },
  {
    name: 'getFloatingIpPtr',
    method: 'get',
    path: PTR,
    call: (c) => api.getFloatingIpPtr(c, 'RegionOne', FIP),
  },
  {
    name: 'setFloatingIpPtr',
    method: 'patch',
    path: PTR,
    call: (c) => api.setFloatingIpPtr(c, 'RegionOne', FIP, { ptrdname: 'a.org.' }),
  },
  {
    name: 'waitForFloatingIpPtrStatus',
    method: 'get',
    path: PTR,
    call: (c) => api.waitForFloatingIpPtrStatus(c, 'RegionOne', FIP, 'ACTIVE', fast),
  },
  {
    name: 'getDnsQuotas',
    method: 'get',
    path: `/quotas/${PROJECT}`,
    call: (c) => api.getDnsQuotas(c, PROJECT),
  },
  {
    name: 'updateDnsQuotas',
    method: 'patch',
    path: `/quotas/${PROJECT}`,
    call: (c) => api.updateDnsQuotas(c, PROJECT, { zones: 2 }),
  },
  { name: 'getDnsLimits', method: 'get', path: '/limits', call: (c) => api.getDnsLimits(c) },
  { name: 'listTlds', method: 'get', path: '/tlds', key: 'tlds', call: (c) => list(api.listTlds(c)) },
  { name: 'getTld', method: 'get', path: `/tlds/${TASK_ID}`, call: (c) => api.getTld(c, TASK_ID) },
  { name: 'createTld', method: 'post', path: '/tlds', call: (c) => api.createTld(c, { name: 'com' }) },
  {
    name: 'updateTld',
    method: 'patch',
    path: `/tlds/${TASK_ID}`,
    call: (c) => api.updateTld(c, TASK_ID, { name: 'net' }),
  },
  {
    name: 'listDnsServiceStatuses',
    method: 'get',
    path: '/service_statuses',
    key: 'service_statuses',
    call: (c) => list(api.listDnsServiceStatuses(c)),
  },
  {
    name: 'getDnsServiceStatus',
    method: 'get',
    path: `/service_statuses/${TASK_ID}`,
    call: (c) => api.getDnsServiceStatus(c, TASK_ID),
  },
];

/** Exported functions that read no body, or are not operations. */
const READS_NO_BODY = new Set<string>([
  'createDnsClient',
  'abandonZone',
  'deleteZoneExport',
  'deleteZoneImport',
  'deleteZoneTransferRequest',
  'unshareZone',
  'unsetFloatingIpPtr',
  'resetDnsQuotas',
  'deleteTld',
  'mxRecordData',
  'srvRecordData',
  'txtRecordData',
  'caaRecordData',
  // poll the get operations above and treat their 404 as success
  'waitForZoneDeleted',
  'waitForRecordsetDeleted',
]);

describeBadResponses('Designate operations reject bodies Designate does not send', {
  cloud,
  client: () => dnsClient(cloud),
  operations: OPERATIONS.map((op) => ({ ...op, url: `${V2}${op.path}` })),
  coverage: { api, readsNoBody: READS_NO_BODY },
});

describe('Designate listings', () => {
  it('rejects a links object of the wrong type in a listing', async () => {
    cloud.use(http.get(`${V2}/zones`, () => HttpResponse.json({ zones: [], links: 'next' })));
    await expect(list(api.listZones(dnsClient(cloud)))).rejects.toThrow(InvalidResponseError);
  });
});

import { isIPv4, isIPv6 } from 'node:net';
import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, encodeSegment, parseResponse, singlePage, unwrap } from '@cloud/core/service';
import type { RackspaceDnsClient } from '../client.js';
import { requireDnsName, requireRackspaceTtl, requireRecordId } from '../internal/common.js';
import { acceptedJob } from '../jobs/jobs.js';
import type { DnsJob } from '../jobs/types.js';
import { recordsResponse } from '../records/records.js';
import { type DnsDomainRecord, DOMAIN_RECORD, parseDomainRecord } from '../records/types.js';

/** The Rackspace services whose devices carry PTR records. */
export type PtrService = 'cloudServersOpenStack' | 'cloudLoadBalancers' | (string & {});

/**
 * The device a PTR record belongs to: its service and its API URL (`href`), e.g. a Cloud Server's
 * `https://dfw.servers.api.rackspacecloud.com/v2/123456/servers/<id>`.
 * @example { service: 'cloudServersOpenStack', href: server.links.self }
 */
export interface PtrDevice {
  service: PtrService;
  href: string;
}

/**
 * A PTR record to set: `name` is the host name the address resolves to (no trailing dot),
 * `data` the device's IPv4 or IPv6 address.
 * @example { name: 'www.example.com', data: '192.0.2.10', ttl: 3600 }
 */
export interface PtrRecordInput {
  name: string;
  data: string;
  ttl?: number | undefined;
}

function device(d: PtrDevice): PtrDevice {
  if (!d || typeof d !== 'object') throw new ValidationError('device is required', 'device');
  if (typeof d.service !== 'string' || !/^[A-Za-z]{1,64}$/.test(d.service))
    throw new ValidationError(
      'device.service must be a service name such as cloudServersOpenStack',
      'device.service',
    );
  if (typeof d.href !== 'string' || !/^https?:\/\//.test(d.href))
    throw new ValidationError("device.href must be the device's API URL", 'device.href');
  return d;
}

const ptrBody = (r: PtrRecordInput, i: number) => {
  const at = `records[${i}]`;
  requireDnsName(r?.name, `${at}.name`);
  if (typeof r.data !== 'string' || (!isIPv4(r.data) && !isIPv6(r.data)))
    throw new ValidationError(`${at}.data must be the device's IPv4 or IPv6 address`, `${at}.data`);
  if (r.ttl !== undefined) requireRackspaceTtl(r.ttl, `${at}.ttl`);
  return { name: r.name, type: 'PTR', data: r.data, ...(r.ttl === undefined ? {} : { ttl: r.ttl }) };
};

/**
 * Lists the PTR records of a Cloud Server or Load Balancer.
 * @example
 * ```ts
 * for await (const r of listPtrRecords(dns, { service: 'cloudServersOpenStack', href })) console.log(r.data, r.name);
 * ```
 */
export function listPtrRecords(
  client: RackspaceDnsClient,
  target: PtrDevice,
  options?: RequestOptions,
): PagedIterable<DnsDomainRecord> {
  const d = device(target);
  return singlePage(async () => {
    const res = await client.request('GET', `rdns/${encodeSegment(d.service)}`, {
      ...options,
      searchParams: { href: d.href },
      resource: `PTR records of ${d.href}`,
    });
    return unwrap(res, 'records', arrayOf(DOMAIN_RECORD)).map(parseDomainRecord);
  });
}

/**
 * Gets one PTR record of a device.
 * @example const r = await getPtrRecord(dns, device, 'PTR-563452');
 */
export async function getPtrRecord(
  client: RackspaceDnsClient,
  target: PtrDevice,
  recordId: string,
  options?: RequestOptions,
): Promise<DnsDomainRecord> {
  const d = device(target);
  requireRecordId(recordId);
  const res = await client.request('GET', `rdns/${encodeSegment(d.service)}/${recordId}`, {
    ...options,
    searchParams: { href: d.href },
    resource: `PTR record "${recordId}"`,
  });
  return parseDomainRecord(parseResponse(res, DOMAIN_RECORD));
}

async function sendPtr(
  client: RackspaceDnsClient,
  method: 'POST' | 'PUT',
  target: PtrDevice,
  records: PtrRecordInput[],
  options?: RequestOptions,
): Promise<DnsJob<DnsDomainRecord[]>> {
  const d = device(target);
  if (!Array.isArray(records) || records.length === 0)
    throw new ValidationError('records must be a non-empty array', 'records');
  const json = {
    recordsList: { records: records.map(ptrBody) },
    link: { content: '', href: d.href, rel: d.service },
  };
  const res = await client.request(method, 'rdns', { ...options, json });
  return acceptedJob(res, recordsResponse);
}

/**
 * Adds PTR records to a Cloud Server or Load Balancer (an asynchronous job whose response is the
 * records).
 * @example
 * ```ts
 * const job = await createPtrRecords(dns, { service: 'cloudServersOpenStack', href }, [{ name: 'www.example.com', data: ip }]);
 * await waitForDnsJob(dns, job);
 * ```
 */
export async function createPtrRecords(
  client: RackspaceDnsClient,
  target: PtrDevice,
  records: PtrRecordInput[],
  options?: RequestOptions,
): Promise<DnsJob<DnsDomainRecord[]>> {
  return sendPtr(client, 'POST', target, records, options);
}

/**
 * Changes PTR records of a device (their name or TTL; an address cannot change).
 * @example await waitForDnsJob(dns, await updatePtrRecords(dns, device, [{ name: 'web.example.com', data: ip }]));
 */
export async function updatePtrRecords(
  client: RackspaceDnsClient,
  target: PtrDevice,
  records: PtrRecordInput[],
  options?: RequestOptions,
): Promise<DnsJob<DnsDomainRecord[]>> {
  return sendPtr(client, 'PUT', target, records, options);
}

/**
 * Deletes the PTR records of a device: all of them, or those of one address.
 * @example await waitForDnsJob(dns, await deletePtrRecords(dns, device, { ip: '192.0.2.10' }));
 */
export async function deletePtrRecords(
  client: RackspaceDnsClient,
  target: PtrDevice,
  params: { ip?: string | undefined } = {},
  options?: RequestOptions,
): Promise<DnsJob> {
  const d = device(target);
  if (params.ip !== undefined && !isIPv4(params.ip) && !isIPv6(params.ip))
    throw new ValidationError('ip must be an IPv4 or IPv6 address', 'ip');
  const res = await client.request('DELETE', `rdns/${encodeSegment(d.service)}`, {
    ...options,
    searchParams: { href: d.href, ip: params.ip },
    resource: `PTR records of ${d.href}`,
  });
  return acceptedJob(res);
}

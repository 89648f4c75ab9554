import type { PagedIterable } from '@cloud/core';
import { object, optional, parseResponse, string, unknownValue } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsLinks,
  type DnsRequestOptions,
  LINKS,
  listDesignate,
  optionalDate,
  requireId,
} from '../internal/common.js';

/**
 * The health of one Designate service process (api, central, worker, producer, mdns).
 * @example for await (const s of listDnsServiceStatuses(adminDns)) console.log(s.serviceName, s.status);
 */
export interface DnsServiceStatus {
  id: string;
  hostname: string | undefined;
  serviceName: string;
  /** `UP`, `WARNING` or `ERROR`. */
  status: 'UP' | 'WARNING' | 'ERROR' | (string & {});
  stats: unknown;
  capabilities: unknown;
  heartbeatedAt: Date | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: DnsServiceStatusWire;
}

/** @internal wire shape */
export interface DnsServiceStatusWire {
  id: string;
  hostname?: string | null;
  service_name: string;
  status: string;
  stats?: unknown;
  capabilities?: unknown;
  heartbeated_at?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

const SERVICE_STATUS = object<DnsServiceStatusWire>({
  id: string,
  hostname: optional(string),
  service_name: string,
  status: string,
  stats: unknownValue,
  capabilities: unknownValue,
  heartbeated_at: optional(string),
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

const parseServiceStatus = (w: DnsServiceStatusWire): DnsServiceStatus => ({
  id: w.id,
  hostname: w.hostname ?? undefined,
  serviceName: w.service_name,
  status: w.status,
  stats: w.stats,
  capabilities: w.capabilities,
  heartbeatedAt: optionalDate(w.heartbeated_at),
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

/**
 * Lists the status of Designate's services (administrators by default policy).
 * @example
 * ```ts
 * for await (const s of listDnsServiceStatuses(adminDns)) if (s.status !== 'UP') console.warn(s.hostname, s.serviceName);
 * ```
 */
export function listDnsServiceStatuses(
  client: DnsClient,
  params: {
    hostname?: string | undefined;
    serviceName?: string | undefined;
    status?: string | undefined;
  } = {},
  options?: DnsRequestOptions,
): PagedIterable<DnsServiceStatus> {
  return listDesignate<DnsServiceStatusWire, DnsServiceStatus>({
    client,
    path: 'v2/service_statuses',
    key: 'service_statuses',
    shape: SERVICE_STATUS,
    map: parseServiceStatus,
    query: { hostname: params.hostname, service_name: params.serviceName, status: params.status },
    options,
  });
}

/**
 * Gets the status of one Designate service.
 * @example const s = await getDnsServiceStatus(adminDns, id);
 */
export async function getDnsServiceStatus(
  client: DnsClient,
  serviceStatusId: string,
  options?: DnsRequestOptions,
): Promise<DnsServiceStatus> {
  requireId(serviceStatusId, 'serviceStatusId');
  const res = await client.request('GET', `v2/service_statuses/${serviceStatusId}`, {
    ...callOptions(options),
    resource: `DNS service status "${serviceStatusId}"`,
  });
  return parseServiceStatus(parseResponse(res, SERVICE_STATUS));
}

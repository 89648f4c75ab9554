import { type PagedIterable, ValidationError } from '@cloud/core';
import { arrayOf, omitUndefined, parseResponse, requireNonBlank, unwrap } from '@cloud/core/service';
import type { DnsClient } from '../client.js';
import {
  callOptions,
  type DnsRequestOptions,
  type DnsSortParams,
  listDesignate,
  optionalDescription,
  requireEmail,
  requireFqdn,
  requireId,
  requireTtl,
} from '../internal/common.js';
import {
  type DnsStatus,
  NAMESERVER,
  parseZone,
  ZONE,
  type Zone,
  type ZoneNameserver,
  type ZoneType,
  type ZoneWire,
} from './types.js';
import { zoneAbandonPath, zoneNameserversPath, zonePath, zonesPath } from './urls.js';

/**
 * Filters and paging of {@link listZones}. Text filters accept `*` as a wildcard.
 * @example listZones(dns, { name: '*.example.com.', status: 'ACTIVE', sortKey: 'name', limit: 50 });
 */
export interface ListZonesParams extends DnsSortParams {
  name?: string | undefined;
  email?: string | undefined;
  ttl?: number | undefined;
  status?: DnsStatus | undefined;
  description?: string | undefined;
  type?: ZoneType | undefined;
}

/**
 * Lists the zones of the project (of every project with `allProjects`), lazily, page by page.
 * @example
 * ```ts
 * for await (const zone of listZones(dns, { status: 'ACTIVE' })) console.log(zone.name);
 * ```
 */
export function listZones(
  client: DnsClient,
  params: ListZonesParams = {},
  options?: DnsRequestOptions,
): PagedIterable<Zone> {
  const { name, email, ttl, status, description, type, ...page } = params;
  return listDesignate<ZoneWire, Zone>({
    client,
    path: zonesPath(),
    key: 'zones',
    shape: ZONE,
    map: parseZone,
    query: { name, email, ttl, status, description, type },
    page,
    options,
  });
}

/**
 * Gets one zone.
 * @throws NotFoundError naming the zone.
 * @example
 * ```ts
 * const zone = await getZone(dns, zoneId);
 * ```
 */
export async function getZone(client: DnsClient, zoneId: string, options?: DnsRequestOptions): Promise<Zone> {
  requireId(zoneId, 'zoneId');
  const res = await client.request('GET', zonePath(zoneId), {
    ...callOptions(options),
    resource: `zone "${zoneId}"`,
  });
  return parseZone(parseResponse(res, ZONE));
}

/**
 * Parameters of {@link createZone}: a PRIMARY zone needs `email`; a SECONDARY zone needs
 * `masters` and takes no `email` or `ttl`.
 * @example
 * ```ts
 * await createZone(dns, { name: 'example.com.', email: 'hostmaster@example.com', ttl: 3600 });
 * await createZone(dns, { name: 'example.org.', type: 'SECONDARY', masters: ['192.0.2.53'] });
 * ```
 */
export interface CreateZoneParams {
  /** Fully qualified, with the trailing dot. */
  name: string;
  /** Default `PRIMARY`. */
  type?: ZoneType | undefined;
  /** Contact address; required for PRIMARY zones. */
  email?: string | undefined;
  /** Default TTL of the zone's recordsets, in seconds. */
  ttl?: number | undefined;
  description?: string | undefined;
  /** SECONDARY zones: the servers to transfer from (`host` or `host:port`). */
  masters?: string[] | undefined;
  /** Scheduler hints, e.g. `{ pool_level: 'gold' }`. */
  attributes?: Record<string, string> | undefined;
}

/**
 * Creates a zone. Designate answers at once with the zone `PENDING` (action `CREATE`); wait for
 * `ACTIVE` with {@link waitForZoneStatus}.
 * @throws ValidationError for a name without its trailing dot, a missing email (PRIMARY), missing
 *   masters (SECONDARY) or a TTL out of range, before any request. ConflictError when the zone exists.
 * @example
 * ```ts
 * const zone = await createZone(dns, { name: 'example.com.', email: 'hostmaster@example.com' });
 * await waitForZoneStatus(dns, zone.id, 'ACTIVE');
 * ```
 */
export async function createZone(
  client: DnsClient,
  params: CreateZoneParams,
  options?: DnsRequestOptions,
): Promise<Zone> {
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  requireFqdn(params.name, 'name');
  const type = params.type ?? 'PRIMARY';
  if (type !== 'PRIMARY' && type !== 'SECONDARY')
    throw new ValidationError(`type must be PRIMARY or SECONDARY, got ${String(type)}`, 'type');
  if (params.ttl !== undefined) requireTtl(params.ttl);
  optionalDescription(params.description);
  if (type === 'PRIMARY') {
    requireEmail(params.email);
    if (params.masters !== undefined)
      throw new ValidationError('masters are only for SECONDARY zones', 'masters');
  } else {
    if (!Array.isArray(params.masters) || params.masters.length === 0)
      throw new ValidationError('a SECONDARY zone needs at least one master', 'masters');
    for (const [i, m] of params.masters.entries()) requireNonBlank(m, `masters[${i}]`);
    if (params.email !== undefined) requireEmail(params.email);
  }
  const json = omitUndefined({
    name: params.name,
    type: params.type,
    email: params.email,
    ttl: params.ttl,
    description: params.description,
    masters: params.masters,
    attributes: params.attributes,
  });
  const res = await client.request('POST', zonesPath(), { ...callOptions(options), json });
  return parseZone(parseResponse(res, ZONE));
}

/**
 * Changes of {@link updateZone}; fields left out are unchanged, `null` clears the description.
 * @example await updateZone(dns, zoneId, { ttl: 600, description: null });
 */
export interface UpdateZoneParams {
  email?: string | undefined;
  ttl?: number | undefined;
  description?: string | null | undefined;
}

/**
 * Updates a PRIMARY zone (PATCH). The zone goes `PENDING` (action `UPDATE`) until applied.
 * @example
 * ```ts
 * const zone = await updateZone(dns, zoneId, { ttl: 600 });
 * await waitForZoneStatus(dns, zone.id, 'ACTIVE');
 * ```
 */
export async function updateZone(
  client: DnsClient,
  zoneId: string,
  params: UpdateZoneParams,
  options?: DnsRequestOptions,
): Promise<Zone> {
  requireId(zoneId, 'zoneId');
  if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
  if (params.email !== undefined) requireEmail(params.email);
  if (params.ttl !== undefined) requireTtl(params.ttl);
  optionalDescription(params.description);
  const json = omitUndefined({ email: params.email, ttl: params.ttl, description: params.description });
  if (Object.keys(json).length === 0)
    throw new ValidationError('give at least one of email, ttl, description', 'params');
  const res = await client.request('PATCH', zonePath(zoneId), {
    ...callOptions(options),
    json,
    resource: `zone "${zoneId}"`,
  });
  return parseZone(parseResponse(res, ZONE));
}

/**
 * Deletes a zone with all its recordsets. Deletion is asynchronous: the zone is returned
 * `PENDING` (action `DELETE`) and stays visible until {@link waitForZoneDeleted} sees a 404.
 * @example
 * ```ts
 * await deleteZone(dns, zoneId);
 * await waitForZoneDeleted(dns, zoneId);
 * ```
 */
export async function deleteZone(
  client: DnsClient,
  zoneId: string,
  options?: DnsRequestOptions,
): Promise<Zone> {
  requireId(zoneId, 'zoneId');
  const res = await client.request('DELETE', zonePath(zoneId), {
    ...callOptions(options),
    resource: `zone "${zoneId}"`,
  });
  return parseZone(parseResponse(res, ZONE));
}

/**
 * Administrators: removes a zone from Designate without deleting it from the DNS servers
 * (the zone is no longer managed). Policy allows it to admins only by default.
 * @example
 * ```ts
 * await abandonZone(adminDns, zoneId, { allProjects: true });
 * ```
 */
export async function abandonZone(
  client: DnsClient,
  zoneId: string,
  options?: DnsRequestOptions,
): Promise<void> {
  requireId(zoneId, 'zoneId');
  await client.request('POST', zoneAbandonPath(zoneId), {
    ...callOptions(options),
    resource: `zone "${zoneId}"`,
  });
}

/**
 * Lists the name servers that serve a zone.
 * @example
 * ```ts
 * const ns = await listZoneNameservers(dns, zoneId); // [{ hostname: 'ns1.example.net.', priority: 1 }]
 * ```
 */
export async function listZoneNameservers(
  client: DnsClient,
  zoneId: string,
  options?: DnsRequestOptions,
): Promise<ZoneNameserver[]> {
  requireId(zoneId, 'zoneId');
  const res = await client.request('GET', zoneNameserversPath(zoneId), {
    ...callOptions(options),
    resource: `zone "${zoneId}"`,
  });
  return unwrap(res, 'nameservers', arrayOf(NAMESERVER)).map((n) => ({
    hostname: n.hostname,
    priority: n.priority,
  }));
}

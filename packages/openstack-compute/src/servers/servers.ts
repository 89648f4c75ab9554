import { type MicroversionRequestOptions, type PagedIterable, ValidationError } from '@cloud/core';
import {
  type MicroversionGate,
  omitUndefined,
  paginateByLinks,
  requireNonBlank,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
import { checkComputeGates } from '../internal/microversion.js';
import {
  parseServer,
  parseServerSummary,
  SERVER,
  SERVER_SUMMARY,
  type Server,
  type ServerStatus,
  type ServerSummary,
  type ServerSummaryWire,
  type ServerWire,
} from './types.js';
import { serverPath, serversDetailPath, serversPath } from './urls.js';

/**
 * Filters and paging of {@link listServers} and {@link listServersDetail}.
 * @example listServersDetail(compute, { status: 'ERROR', changesSince: new Date(Date.now() - 3_600_000) });
 */
export interface ListServersParams {
  /** A regular expression matched against server names (server side). */
  name?: string | undefined;
  status?: ServerStatus | (string & {}) | undefined;
  /** Image id. */
  image?: string | undefined;
  /** Flavor id. */
  flavor?: string | undefined;
  /** Only servers changed since this time (deleted ones included). */
  changesSince?: Date | string | undefined;
  /** @remarks Requires compute microversion 2.66 */
  changesBefore?: Date | string | undefined;
  /** A regular expression matched against IPv4 addresses. */
  ip?: string | undefined;
  /** A regular expression matched against IPv6 addresses. */
  ip6?: string | undefined;
  reservationId?: string | undefined;
  availabilityZone?: string | undefined;
  /** Administrators: list the servers of every project. */
  allTenants?: boolean | undefined;
  /** Administrators, with `allTenants`: one project. */
  tenantId?: string | undefined;
  /** Administrators: only servers on this host. */
  host?: string | undefined;
  /** Servers having all of these tags. @remarks Requires compute microversion 2.26 */
  tags?: string[] | undefined;
  /** Servers having any of these tags. @remarks Requires compute microversion 2.26 */
  tagsAny?: string[] | undefined;
  /** Servers lacking all of these tags. @remarks Requires compute microversion 2.26 */
  notTags?: string[] | undefined;
  /** Servers lacking any of these tags. @remarks Requires compute microversion 2.26 */
  notTagsAny?: string[] | undefined;
  /** @remarks Requires compute microversion 2.73 */
  locked?: boolean | undefined;
  sortKey?: string | undefined;
  sortDir?: 'asc' | 'desc' | undefined;
  /** Page size (the server caps it, often at 1000). */
  limit?: number | undefined;
  /** Start after this server id. */
  marker?: string | undefined;
}

const iso = (d: Date | string | undefined) => (d instanceof Date ? d.toISOString() : d);
const csv = (v: string[] | undefined) => (v && v.length > 0 ? v.join(',') : undefined);

const LIST_GATES: MicroversionGate[] = [
  { field: 'changesBefore', since: '2.66' },
  { field: 'locked', since: '2.73' },
  { field: 'tags', since: '2.26' },
];

function serverQuery(client: ComputeClient, p: ListServersParams, options?: MicroversionRequestOptions) {
  // the four tag filters share one gate, reported as `tags`
  const anyTags = p.tags || p.tagsAny || p.notTags || p.notTagsAny;
  checkComputeGates(client, LIST_GATES, { ...p, tags: anyTags || undefined }, options);
  if (p.sortDir !== undefined && p.sortDir !== 'asc' && p.sortDir !== 'desc') {
    throw new ValidationError(`sortDir must be asc or desc, got ${String(p.sortDir)}`, 'sortDir');
  }
  return {
    name: p.name,
    status: p.status,
    image: p.image,
    flavor: p.flavor,
    'changes-since': iso(p.changesSince),
    'changes-before': iso(p.changesBefore),
    ip: p.ip,
    ip6: p.ip6,
    reservation_id: p.reservationId,
    availability_zone: p.availabilityZone,
    all_tenants: p.allTenants ? 'true' : undefined,
    tenant_id: p.tenantId,
    host: p.host,
    tags: csv(p.tags),
    'tags-any': csv(p.tagsAny),
    'not-tags': csv(p.notTags),
    'not-tags-any': csv(p.notTagsAny),
    locked: p.locked,
    sort_key: p.sortKey,
    sort_dir: p.sortDir,
  };
}

/**
 * Lists servers (id, name and links only), lazily, following `servers_links` page by page.
 * Use {@link listServersDetail} for full details in the same number of requests.
 * @example
 * ```ts
 * for await (const s of listServers(compute, { name: '^web-', status: 'ACTIVE' })) console.log(s.id);
 * ```
 */
export function listServers(
  client: ComputeClient,
  params: ListServersParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<ServerSummary> {
  return paginateByLinks<ServerSummaryWire, ServerSummary>({
    client,
    path: serversPath(),
    key: 'servers',
    linksKey: 'servers_links',
    query: serverQuery(client, params, options),
    limit: params.limit,
    marker: params.marker,
    map: parseServerSummary,
    shape: SERVER_SUMMARY,
    options,
  });
}

/**
 * Lists servers with their details (`GET /servers/detail`), lazily, following `servers_links`.
 * @example
 * ```ts
 * const broken = await toArray(listServersDetail(compute, { status: 'ERROR' }));
 * for (const s of broken) console.log(s.name, s.fault?.message);
 * ```
 */
export function listServersDetail(
  client: ComputeClient,
  params: ListServersParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Server> {
  return paginateByLinks<ServerWire, Server>({
    client,
    path: serversDetailPath(),
    key: 'servers',
    linksKey: 'servers_links',
    query: serverQuery(client, params, options),
    limit: params.limit,
    marker: params.marker,
    map: parseServer,
    shape: SERVER,
    options,
  });
}

/**
 * Gets one server with its details.
 * @throws NotFoundError naming the server when it does not exist.
 * @example
 * ```ts
 * const server = await getServer(compute, id);
 * console.log(server.status, server.addresses);
 * ```
 */
export async function getServer(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<Server> {
  requireServerId(id);
  const res = await client.request('GET', serverPath(id), {
    ...options,
    resource: `server "${id}"`,
  });
  return parseServer(unwrap(res, 'server', SERVER));
}

/**
 * Fields of {@link updateServer}. At least one is required.
 * @example await updateServer(compute, id, { name: 'web-02' });
 */
export interface UpdateServerParams {
  name?: string | undefined;
  accessIPv4?: string | undefined;
  accessIPv6?: string | undefined;
  /** @remarks Requires compute microversion 2.19 */
  description?: string | undefined;
  /** @remarks Requires compute microversion 2.90 */
  hostname?: string | undefined;
}

const UPDATE_GATES: MicroversionGate[] = [
  { field: 'description', since: '2.19' },
  { field: 'hostname', since: '2.90' },
];

/**
 * Updates a server's name (rename) or other editable fields and returns the updated server.
 * @example
 * ```ts
 * const renamed = await updateServer(compute, id, { name: 'web-02' });
 * ```
 */
export async function updateServer(
  client: ComputeClient,
  id: string,
  params: UpdateServerParams,
  options?: MicroversionRequestOptions,
): Promise<Server> {
  requireServerId(id);
  if (params.name !== undefined) requireNonBlank(params.name, 'name');
  checkComputeGates(client, UPDATE_GATES, params, options);
  const server = omitUndefined({
    name: params.name,
    accessIPv4: params.accessIPv4,
    accessIPv6: params.accessIPv6,
    description: params.description,
    hostname: params.hostname,
  });
  if (Object.keys(server).length === 0) {
    throw new ValidationError('updateServer needs at least one field to change', 'params');
  }
  const res = await client.request('PUT', serverPath(id), {
    ...options,
    json: { server },
    resource: `server "${id}"`,
  });
  return parseServer(unwrap(res, 'server', SERVER));
}

/**
 * Deletes a server. Deletion is asynchronous: use {@link waitForServerDeleted} to wait for it.
 * @example
 * ```ts
 * await deleteServer(compute, id);
 * await waitForServerDeleted(compute, id);
 * ```
 */
export async function deleteServer(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireServerId(id);
  await client.request('DELETE', serverPath(id), { ...options, resource: `server "${id}"` });
}

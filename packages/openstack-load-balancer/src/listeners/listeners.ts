import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid, unwrap } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import type {
  LoadBalancerDeletionWaiterOptions,
  LoadBalancerListParams,
  LoadBalancerRequestOptions,
  OperatingStatus,
  ProvisioningStatus,
  ProvisioningWaiterOptions,
} from '../internal/common.js';
import {
  deleteResource,
  getResource,
  itemPath,
  listResources,
  waitForGone,
  waitForProvisioning,
  writeResource,
} from '../internal/rest.js';
import {
  optArray,
  optBool,
  optEnum,
  optInt,
  optNullableString,
  optString,
  optStringMap,
  optTags,
  optUuid,
  requireChange,
  requireCidr,
  requireEnum,
  requireParams,
  requirePort,
  requireText,
} from '../internal/validate.js';
import { type LoadBalancerStats, parseStats, STATS } from '../load-balancers/types.js';
import {
  LISTENER,
  LISTENER_PROTOCOLS,
  LISTENERS_PATH,
  type Listener,
  type ListenerProtocol,
  type LoadBalancerTlsVersion,
  TLS_VERSIONS,
} from './types.js';

const path = (id: string) => itemPath(LISTENERS_PATH, id);
const what = (id: string) => `listener "${id}"`;

/** TLS client authentication modes. */
const CLIENT_AUTH = ['NONE', 'OPTIONAL', 'MANDATORY'] as const;
const ALPN = ['http/1.0', 'http/1.1', 'h2'] as const;
/** Octavia's upper bound of listener timeouts (one year, in ms). */
const MAX_TIMEOUT = 31_536_000_000;

/**
 * Filters of {@link listListeners}. Any other attribute goes in `filters`.
 * @example listListeners(client, { loadBalancerId: lb.id, protocol: 'HTTP' });
 */
export interface ListListenersParams extends LoadBalancerListParams {
  name?: string | undefined;
  projectId?: string | undefined;
  loadBalancerId?: string | undefined;
  protocol?: ListenerProtocol | undefined;
  protocolPort?: number | undefined;
  defaultPoolId?: string | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
  operatingStatus?: OperatingStatus | undefined;
}

/**
 * Lists listeners, lazily, following `listeners_links`.
 * @example for await (const l of listListeners(client, { loadBalancerId: lb.id })) console.log(l.protocolPort);
 */
export function listListeners(
  client: LoadBalancerClient,
  params?: ListListenersParams,
  options?: RequestOptions,
): PagedIterable<Listener> {
  const p = params ?? {};
  return listResources(
    client,
    LISTENER,
    LISTENERS_PATH,
    params,
    {
      name: optString(p.name, 'name'),
      project_id: optString(p.projectId, 'projectId'),
      loadbalancer_id: optUuid(p.loadBalancerId, 'loadBalancerId') ?? undefined,
      protocol: optEnum(p.protocol, LISTENER_PROTOCOLS, 'protocol'),
      protocol_port: p.protocolPort === undefined ? undefined : requirePort(p.protocolPort, 'protocolPort'),
      default_pool_id: optUuid(p.defaultPoolId, 'defaultPoolId') ?? undefined,
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
      operating_status: optString(p.operatingStatus, 'operatingStatus'),
    },
    options,
  );
}

/**
 * Reads one listener.
 * @throws NotFoundError when there is no such listener.
 * @example const l = await getListener(client, id);
 */
export async function getListener(
  client: LoadBalancerClient,
  listenerId: string,
  options?: RequestOptions,
): Promise<Listener> {
  requireUuid(listenerId, 'listenerId');
  return getResource(client, LISTENER, path(listenerId), what(listenerId), options);
}

/**
 * What {@link createListener} and {@link updateListener} accept in common.
 * @example const p: ListenerParams = { timeoutClientData: 30_000, allowedCidrs: ['192.0.2.0/24'] };
 */
export interface ListenerParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** `null` unsets the default pool. */
  defaultPoolId?: string | null | undefined;
  /** Maximum connections; -1 = unlimited. */
  connectionLimit?: number | undefined;
  /** Certificate (Barbican secret or container URL) of a `TERMINATED_HTTPS` listener. */
  defaultTlsContainerRef?: string | null | undefined;
  /** More certificates, chosen by SNI. */
  sniContainerRefs?: readonly string[] | undefined;
  clientAuthentication?: 'NONE' | 'OPTIONAL' | 'MANDATORY' | undefined;
  clientCaTlsContainerRef?: string | null | undefined;
  clientCrlContainerRef?: string | null | undefined;
  /** Headers added to requests to members: `X-Forwarded-For`, `X-Forwarded-Port`, `X-SSL-Client-Verify`… with string values. */
  insertHeaders?: Record<string, string> | undefined;
  /** Client inactivity timeout, ms. */
  timeoutClientData?: number | undefined;
  /** Member connect timeout, ms. */
  timeoutMemberConnect?: number | undefined;
  /** Member inactivity timeout, ms. */
  timeoutMemberData?: number | undefined;
  /** Time to wait for more TCP packets for content inspection, ms. */
  timeoutTcpInspect?: number | undefined;
  /** Source CIDRs allowed to connect (IPv4 or IPv6). */
  allowedCidrs?: readonly string[] | undefined;
  tlsCiphers?: string | null | undefined;
  tlsVersions?: readonly LoadBalancerTlsVersion[] | undefined;
  alpnProtocols?: readonly ('http/1.0' | 'http/1.1' | 'h2')[] | undefined;
  /** Strict-Transport-Security `max-age`, seconds. */
  hstsMaxAge?: number | undefined;
  hstsIncludeSubdomains?: boolean | undefined;
  hstsPreload?: boolean | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Parameters of {@link createListener}.
 * @example await createListener(client, { loadBalancerId: lb.id, protocol: 'HTTP', protocolPort: 80 });
 */
export interface CreateListenerParams extends ListenerParams {
  loadBalancerId: string;
  protocol: ListenerProtocol;
  protocolPort: number;
  /** Administrators: another project. */
  projectId?: string | undefined;
}

function listenerBody(p: ListenerParams): Record<string, unknown> {
  const timeout = (v: unknown, f: string) => optInt(v, f, 0, MAX_TIMEOUT);
  return {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    default_pool_id: optUuid(p.defaultPoolId, 'defaultPoolId'),
    connection_limit: optInt(p.connectionLimit, 'connectionLimit', -1, 2 ** 31 - 1),
    default_tls_container_ref: optNullableString(p.defaultTlsContainerRef, 'defaultTlsContainerRef'),
    sni_container_refs: optArray(p.sniContainerRefs, 'sniContainerRefs', (v, f) => requireText(v, f)),
    client_authentication: optEnum(p.clientAuthentication, CLIENT_AUTH, 'clientAuthentication'),
    client_ca_tls_container_ref: optNullableString(p.clientCaTlsContainerRef, 'clientCaTlsContainerRef'),
    client_crl_container_ref: optNullableString(p.clientCrlContainerRef, 'clientCrlContainerRef'),
    insert_headers: optStringMap(p.insertHeaders, 'insertHeaders'),
    timeout_client_data: timeout(p.timeoutClientData, 'timeoutClientData'),
    timeout_member_connect: timeout(p.timeoutMemberConnect, 'timeoutMemberConnect'),
    timeout_member_data: timeout(p.timeoutMemberData, 'timeoutMemberData'),
    timeout_tcp_inspect: timeout(p.timeoutTcpInspect, 'timeoutTcpInspect'),
    allowed_cidrs: optArray(p.allowedCidrs, 'allowedCidrs', requireCidr),
    tls_ciphers: optNullableString(p.tlsCiphers, 'tlsCiphers', 2048),
    tls_versions: optArray(p.tlsVersions, 'tlsVersions', (v, f) => requireEnum(v, TLS_VERSIONS, f)),
    alpn_protocols: optArray(p.alpnProtocols, 'alpnProtocols', (v, f) => requireEnum(v, ALPN, f)),
    hsts_max_age: optInt(p.hstsMaxAge, 'hstsMaxAge', 0, 2 ** 31 - 1),
    hsts_include_subdomains: optBool(p.hstsIncludeSubdomains, 'hstsIncludeSubdomains'),
    hsts_preload: optBool(p.hstsPreload, 'hstsPreload'),
    tags: optTags(p.tags, 'tags'),
  };
}

/**
 * Creates a listener on a load balancer (which goes `PENDING_UPDATE`, then `ACTIVE`).
 * @example
 * ```ts
 * const l = await createListener(client, {
 *   loadBalancerId: lb.id, protocol: 'TERMINATED_HTTPS', protocolPort: 443,
 *   defaultTlsContainerRef: secretRef, insertHeaders: { 'X-Forwarded-For': 'true' },
 * });
 * await waitForLoadBalancerStatus(client, lb.id, 'ACTIVE');
 * ```
 */
export async function createListener(
  client: LoadBalancerClient,
  params: CreateListenerParams,
  options?: LoadBalancerRequestOptions,
): Promise<Listener> {
  const p = requireParams<CreateListenerParams>(params);
  const protocol = requireEnum(p.protocol, LISTENER_PROTOCOLS, 'protocol');
  if (protocol === 'TERMINATED_HTTPS' && !p.defaultTlsContainerRef) {
    throw new ValidationError(
      'a TERMINATED_HTTPS listener needs defaultTlsContainerRef',
      'defaultTlsContainerRef',
    );
  }
  const body = {
    loadbalancer_id: requireUuid(p.loadBalancerId, 'loadBalancerId'),
    protocol,
    protocol_port: requirePort(p.protocolPort, 'protocolPort'),
    project_id: optString(p.projectId, 'projectId'),
    ...listenerBody(p),
  };
  return writeResource(client, LISTENER, 'POST', LISTENERS_PATH, omitUndefined(body), options);
}

/**
 * Parameters of {@link updateListener}.
 * @example await updateListener(client, id, { defaultPoolId: pool.id, timeoutClientData: 60_000 });
 */
export interface UpdateListenerParams extends ListenerParams {}

/**
 * Updates a listener.
 * @example await updateListener(client, id, { allowedCidrs: ['192.0.2.0/24'] });
 */
export async function updateListener(
  client: LoadBalancerClient,
  listenerId: string,
  params: UpdateListenerParams,
  options?: LoadBalancerRequestOptions,
): Promise<Listener> {
  requireUuid(listenerId, 'listenerId');
  const body = listenerBody(requireParams<UpdateListenerParams>(params));
  requireChange(body, 'listener');
  return writeResource(
    client,
    LISTENER,
    'PUT',
    path(listenerId),
    omitUndefined(body),
    options,
    what(listenerId),
  );
}

/**
 * Deletes a listener (asynchronous).
 * @example await deleteListener(client, id);
 */
export async function deleteListener(
  client: LoadBalancerClient,
  listenerId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(listenerId, 'listenerId');
  await deleteResource(client, path(listenerId), what(listenerId), options);
}

/**
 * Reads the traffic counters of a listener.
 * @example const { bytesOut } = await getListenerStats(client, id);
 */
export async function getListenerStats(
  client: LoadBalancerClient,
  listenerId: string,
  options?: RequestOptions,
): Promise<LoadBalancerStats> {
  requireUuid(listenerId, 'listenerId');
  const res = await client.request('GET', `${path(listenerId)}/stats`, {
    ...options,
    resource: what(listenerId),
  });
  return parseStats(unwrap(res, 'stats', STATS));
}

/**
 * Polls a listener until its `provisioning_status` is one of `status`; `ERROR` fails (default
 * `failOn`).
 * @example await waitForListenerStatus(client, id, 'ACTIVE', { timeoutMs: 120_000 });
 */
export async function waitForListenerStatus(
  client: LoadBalancerClient,
  listenerId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<Listener> = {},
): Promise<Listener> {
  requireUuid(listenerId, 'listenerId');
  return waitForProvisioning(
    what(listenerId),
    (signal, request) => getListener(client, listenerId, { ...request, signal }),
    status,
    options,
  );
}

/**
 * Polls until a listener is gone (404); `ERROR` fails.
 * @example await waitForListenerDeleted(client, id);
 */
export async function waitForListenerDeleted(
  client: LoadBalancerClient,
  listenerId: string,
  options: LoadBalancerDeletionWaiterOptions<Listener> = {},
): Promise<void> {
  requireUuid(listenerId, 'listenerId');
  await waitForGone(
    what(listenerId),
    (signal, request) => getListener(client, listenerId, { ...request, signal }),
    options,
  );
}

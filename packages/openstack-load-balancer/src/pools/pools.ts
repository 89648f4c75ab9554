import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
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
  optIp,
  optNullableString,
  optString,
  optTags,
  optUuid,
  requireChange,
  requireEnum,
  requireParams,
  requireText,
} from '../internal/validate.js';
import { type LoadBalancerTlsVersion, TLS_VERSIONS } from '../listeners/types.js';
import {
  LB_ALGORITHMS,
  type LoadBalancerAlgorithm,
  POOL,
  POOL_PROTOCOLS,
  POOLS_PATH,
  type Pool,
  type PoolProtocol,
  SESSION_PERSISTENCE_TYPES,
  type SessionPersistence,
} from './types.js';

const path = (id: string) => itemPath(POOLS_PATH, id);
const what = (id: string) => `pool "${id}"`;
const ALPN = ['http/1.0', 'http/1.1', 'h2'] as const;

/**
 * Filters of {@link listPools}. Any other attribute goes in `filters`.
 * @example listPools(client, { loadBalancerId: lb.id, protocol: 'HTTP' });
 */
export interface ListPoolsParams extends LoadBalancerListParams {
  name?: string | undefined;
  projectId?: string | undefined;
  loadBalancerId?: string | undefined;
  protocol?: PoolProtocol | undefined;
  lbAlgorithm?: LoadBalancerAlgorithm | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
  operatingStatus?: OperatingStatus | undefined;
}

/**
 * Lists pools, lazily, following `pools_links`.
 * @example for await (const p of listPools(client, { loadBalancerId: lb.id })) console.log(p.name);
 */
export function listPools(
  client: LoadBalancerClient,
  params?: ListPoolsParams,
  options?: RequestOptions,
): PagedIterable<Pool> {
  const p = params ?? {};
  return listResources(
    client,
    POOL,
    POOLS_PATH,
    params,
    {
      name: optString(p.name, 'name'),
      project_id: optString(p.projectId, 'projectId'),
      loadbalancer_id: optUuid(p.loadBalancerId, 'loadBalancerId') ?? undefined,
      protocol: optEnum(p.protocol, POOL_PROTOCOLS, 'protocol'),
      lb_algorithm: optEnum(p.lbAlgorithm, LB_ALGORITHMS, 'lbAlgorithm'),
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
      operating_status: optString(p.operatingStatus, 'operatingStatus'),
    },
    options,
  );
}

/**
 * Reads one pool.
 * @throws NotFoundError when there is no such pool.
 * @example const pool = await getPool(client, id);
 */
export async function getPool(
  client: LoadBalancerClient,
  poolId: string,
  options?: RequestOptions,
): Promise<Pool> {
  requireUuid(poolId, 'poolId');
  return getResource(client, POOL, path(poolId), what(poolId), options);
}

/**
 * What {@link createPool} and {@link updatePool} accept in common.
 * @example const p: PoolParams = { lbAlgorithm: 'LEAST_CONNECTIONS', sessionPersistence: { type: 'HTTP_COOKIE' } };
 */
export interface PoolParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** `null` turns session persistence off. */
  sessionPersistence?: SessionPersistence | null | undefined;
  /** Encrypt traffic to members. */
  tlsEnabled?: boolean | undefined;
  /** Client certificate presented to members. */
  tlsContainerRef?: string | null | undefined;
  /** CA that members' certificates are checked against. */
  caTlsContainerRef?: string | null | undefined;
  crlContainerRef?: string | null | undefined;
  tlsCiphers?: string | null | undefined;
  tlsVersions?: readonly LoadBalancerTlsVersion[] | undefined;
  alpnProtocols?: readonly ('http/1.0' | 'http/1.1' | 'h2')[] | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Parameters of {@link createPool}: on a listener (becomes its default pool) or on a load
 * balancer (for L7 policies), at least one of them.
 * @example await createPool(client, { listenerId: l.id, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN' });
 */
export interface CreatePoolParams extends PoolParams {
  listenerId?: string | undefined;
  loadBalancerId?: string | undefined;
  protocol: PoolProtocol;
  lbAlgorithm: LoadBalancerAlgorithm;
  /** Administrators: another project. */
  projectId?: string | undefined;
}

function persistence(value: unknown): Record<string, unknown> | null | undefined {
  if (value === undefined || value === null) return value;
  const sp = requireParams<SessionPersistence>(value, 'sessionPersistence');
  const type = requireEnum(sp.type, SESSION_PERSISTENCE_TYPES, 'sessionPersistence.type');
  if (type === 'APP_COOKIE') requireText(sp.cookieName, 'sessionPersistence.cookieName');
  if (type !== 'APP_COOKIE' && sp.cookieName !== undefined) {
    throw new ValidationError(
      'sessionPersistence.cookieName is for APP_COOKIE only',
      'sessionPersistence.cookieName',
    );
  }
  return omitUndefined({
    type,
    cookie_name: optString(sp.cookieName, 'sessionPersistence.cookieName'),
    persistence_timeout: optInt(
      sp.persistenceTimeout,
      'sessionPersistence.persistenceTimeout',
      0,
      2 ** 31 - 1,
    ),
    persistence_granularity:
      optIp(sp.persistenceGranularity, 'sessionPersistence.persistenceGranularity') ?? undefined,
  });
}

function poolBody(p: PoolParams): Record<string, unknown> {
  return {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    session_persistence: persistence(p.sessionPersistence),
    tls_enabled: optBool(p.tlsEnabled, 'tlsEnabled'),
    tls_container_ref: optNullableString(p.tlsContainerRef, 'tlsContainerRef'),
    ca_tls_container_ref: optNullableString(p.caTlsContainerRef, 'caTlsContainerRef'),
    crl_container_ref: optNullableString(p.crlContainerRef, 'crlContainerRef'),
    tls_ciphers: optNullableString(p.tlsCiphers, 'tlsCiphers', 2048),
    tls_versions: optArray(p.tlsVersions, 'tlsVersions', (v, f) => requireEnum(v, TLS_VERSIONS, f)),
    alpn_protocols: optArray(p.alpnProtocols, 'alpnProtocols', (v, f) => requireEnum(v, ALPN, f)),
    tags: optTags(p.tags, 'tags'),
  };
}

/**
 * Creates a pool.
 * @example
 * ```ts
 * const pool = await createPool(client, {
 *   listenerId: listener.id, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN',
 *   sessionPersistence: { type: 'APP_COOKIE', cookieName: 'SESSION' },
 * });
 * ```
 */
export async function createPool(
  client: LoadBalancerClient,
  params: CreatePoolParams,
  options?: LoadBalancerRequestOptions,
): Promise<Pool> {
  const p = requireParams<CreatePoolParams>(params);
  if (p.listenerId === undefined && p.loadBalancerId === undefined) {
    throw new ValidationError('a pool needs listenerId or loadBalancerId', 'listenerId');
  }
  const body = {
    listener_id: optUuid(p.listenerId, 'listenerId') ?? undefined,
    loadbalancer_id: optUuid(p.loadBalancerId, 'loadBalancerId') ?? undefined,
    protocol: requireEnum(p.protocol, POOL_PROTOCOLS, 'protocol'),
    lb_algorithm: requireEnum(p.lbAlgorithm, LB_ALGORITHMS, 'lbAlgorithm'),
    project_id: optString(p.projectId, 'projectId'),
    ...poolBody(p),
  };
  return writeResource(client, POOL, 'POST', POOLS_PATH, omitUndefined(body), options);
}

/**
 * Parameters of {@link updatePool}.
 * @example await updatePool(client, id, { lbAlgorithm: 'SOURCE_IP', sessionPersistence: null });
 */
export interface UpdatePoolParams extends PoolParams {
  lbAlgorithm?: LoadBalancerAlgorithm | undefined;
}

/**
 * Updates a pool.
 * @example await updatePool(client, id, { lbAlgorithm: 'LEAST_CONNECTIONS' });
 */
export async function updatePool(
  client: LoadBalancerClient,
  poolId: string,
  params: UpdatePoolParams,
  options?: LoadBalancerRequestOptions,
): Promise<Pool> {
  requireUuid(poolId, 'poolId');
  const p = requireParams<UpdatePoolParams>(params);
  const body = { lb_algorithm: optEnum(p.lbAlgorithm, LB_ALGORITHMS, 'lbAlgorithm'), ...poolBody(p) };
  requireChange(body, 'pool');
  return writeResource(client, POOL, 'PUT', path(poolId), omitUndefined(body), options, what(poolId));
}

/**
 * Deletes a pool, with its members and health monitor (asynchronous).
 * @example await deletePool(client, id);
 */
export async function deletePool(
  client: LoadBalancerClient,
  poolId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(poolId, 'poolId');
  await deleteResource(client, path(poolId), what(poolId), options);
}

/**
 * Polls a pool until its `provisioning_status` is one of `status`; `ERROR` fails (default
 * `failOn`).
 * @example await waitForPoolStatus(client, id, 'ACTIVE');
 */
export async function waitForPoolStatus(
  client: LoadBalancerClient,
  poolId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<Pool> = {},
): Promise<Pool> {
  requireUuid(poolId, 'poolId');
  return waitForProvisioning(
    what(poolId),
    (signal, request) => getPool(client, poolId, { ...request, signal }),
    status,
    options,
  );
}

/**
 * Polls until a pool is gone (404); `ERROR` fails.
 * @example await waitForPoolDeleted(client, id);
 */
export async function waitForPoolDeleted(
  client: LoadBalancerClient,
  poolId: string,
  options: LoadBalancerDeletionWaiterOptions<Pool> = {},
): Promise<void> {
  requireUuid(poolId, 'poolId');
  await waitForGone(
    what(poolId),
    (signal, request) => getPool(client, poolId, { ...request, signal }),
    options,
  );
}

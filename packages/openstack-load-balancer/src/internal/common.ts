import type { RequestOptions, StatusWaiterOptions, WaiterOptions } from '@cloud/core';
import {
  arrayOf,
  boolean,
  object,
  optional,
  parseTimestamp,
  type SearchParamValue,
  type ShapeFields,
  string,
} from '@cloud/core/service';
import type { ImmutableRetryOptions } from './retry.js';

/**
 * Per-call options of this package's operations: signal, timeout, headers, and (for writes) the
 * retry of Octavia's "immutable" 409 while the load balancer is busy.
 * @example await createPool(lb, { listenerId, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN' }, { retryImmutable: true });
 */
export interface LoadBalancerRequestOptions extends RequestOptions {
  /** Overrides the client's `retryImmutable` for this call. */
  retryImmutable?: boolean | ImmutableRetryOptions | undefined;
}

/**
 * Lifecycle status of every Octavia object (`provisioning_status`). Objects are immutable while
 * `PENDING_*`.
 * @example if (lb.provisioningStatus === 'ERROR') await deleteLoadBalancer(client, lb.id, { cascade: true });
 */
export type ProvisioningStatus =
  | 'ACTIVE'
  | 'DELETED'
  | 'ERROR'
  | 'PENDING_CREATE'
  | 'PENDING_UPDATE'
  | 'PENDING_DELETE'
  | (string & {});

/** The provisioning statuses Octavia documents. */
export const PROVISIONING_STATUSES = [
  'ACTIVE',
  'DELETED',
  'ERROR',
  'PENDING_CREATE',
  'PENDING_UPDATE',
  'PENDING_DELETE',
] as const;

/**
 * Observed status of an object (`operating_status`).
 * @example if (member.operatingStatus === 'ERROR') console.log('failing its health checks');
 */
export type OperatingStatus =
  | 'ONLINE'
  | 'DRAINING'
  | 'OFFLINE'
  | 'DEGRADED'
  | 'ERROR'
  | 'NO_MONITOR'
  | (string & {});

/**
 * One sort criterion of an Octavia list.
 * @example listLoadBalancers(lb, { sort: [{ key: 'name' }, { key: 'created_at', dir: 'desc' }] });
 */
export interface LoadBalancerSort {
  /** Attribute, in its wire name (`name`, `created_at`). */
  key: string;
  /** `asc` or `desc`; the server's default when left out. */
  dir?: 'asc' | 'desc' | undefined;
}

/**
 * What every Octavia list accepts besides its typed filters.
 * @example listPools(lb, { limit: 50, fields: ['id', 'name'], tagsAny: ['blue', 'red'] });
 */
export interface LoadBalancerListParams {
  /** Page size asked of Octavia (it may cap it); iteration follows the `next` links anyway. */
  limit?: number | undefined;
  /** Start after the object with this id. */
  marker?: string | undefined;
  /** Any other top-level attribute filter, in wire names (`{ vip_address: '203.0.113.7' }`). */
  filters?: Record<string, string | number | boolean> | undefined;
  /**
   * Only these attributes (wire names) are returned. The other fields of the results are then
   * `undefined`, whatever their type says; `raw` holds exactly what came.
   */
  fields?: readonly string[] | undefined;
  /** Sort order; several keys sort by the first, then the next. */
  sort?: readonly LoadBalancerSort[] | undefined;
  /** Only objects with all of these tags. */
  tags?: readonly string[] | undefined;
  /** Only objects with at least one of these tags. */
  tagsAny?: readonly string[] | undefined;
  /** Leave out objects with all of these tags. */
  notTags?: readonly string[] | undefined;
  /** Leave out objects with any of these tags. */
  notTagsAny?: readonly string[] | undefined;
}

/** Typed filters in wire names, as passed to the list helper. @internal */
export type TypedFilters = Record<string, SearchParamValue>;

/**
 * Fields of every load-balancing object (load balancers, listeners, pools, members, health
 * monitors, L7 policies and rules).
 * @example console.log(pool.id, pool.provisioningStatus, pool.operatingStatus, pool.tags);
 */
export interface LoadBalancingObject {
  /** The object's id (a UUID). */
  id: string;
  name: string | undefined;
  description: string | undefined;
  /** Owning project. */
  projectId: string | undefined;
  /** Lifecycle status: `ACTIVE`, `PENDING_CREATE`, `ERROR`… */
  provisioningStatus: ProvisioningStatus;
  /** Observed status: `ONLINE`, `OFFLINE`, `DEGRADED`, `ERROR`, `NO_MONITOR`… */
  operatingStatus: OperatingStatus;
  adminStateUp: boolean;
  tags: string[];
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  /** The object as Octavia sent it, unknown fields included. */
  raw: Readonly<Record<string, unknown>>;
}

/** @internal */
export interface BaseWire {
  id: string;
  name?: string;
  description?: string;
  project_id?: string;
  tenant_id?: string;
  provisioning_status: string;
  operating_status: string;
  admin_state_up: boolean;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
}

/** @internal checked fields of every load-balancing object */
export const BASE_FIELDS: ShapeFields<BaseWire> = {
  id: string,
  name: optional(string),
  description: optional(string),
  project_id: optional(string),
  tenant_id: optional(string),
  provisioning_status: string,
  operating_status: string,
  admin_state_up: boolean,
  tags: optional(arrayOf(string)),
  created_at: optional(string),
  updated_at: optional(string),
};

/** @internal */
export const time = (v: string | undefined | null): Date | undefined => (v ? parseTimestamp(v) : undefined);

/** @internal */
export function parseBase(w: BaseWire): LoadBalancingObject {
  return {
    id: w.id,
    name: w.name ?? undefined,
    description: w.description ?? undefined,
    projectId: w.project_id ?? w.tenant_id ?? undefined,
    provisioningStatus: w.provisioning_status,
    operatingStatus: w.operating_status,
    adminStateUp: w.admin_state_up,
    tags: w.tags ?? [],
    createdAt: time(w.created_at),
    updatedAt: time(w.updated_at),
    raw: w as unknown as Record<string, unknown>,
  };
}

/** `[{ "id": … }]` references to other objects. @internal */
export const ID_REFS = optional(arrayOf(object<{ id: string }>({ id: string })));

/** @internal */
export const ids = (refs: { id: string }[] | undefined | null): string[] => (refs ?? []).map((r) => r.id);

/**
 * Options of the `waitFor…Status` waiters of this package: timing, signal, progress, `failOn`
 * (default `['ERROR']`), per-poll request options.
 * @example await waitForLoadBalancerStatus(lb, id, 'ACTIVE', { timeoutMs: 600_000, minDelayMs: 1_000 });
 */
export type ProvisioningWaiterOptions<T> = StatusWaiterOptions<ProvisioningStatus, T>;

/**
 * Options of the deletion waiters of this package.
 * @example await waitForLoadBalancerDeleted(lb, id, { timeoutMs: 300_000 });
 */
export interface LoadBalancerDeletionWaiterOptions<T> extends WaiterOptions<T> {
  /** Headers and per-request timeout of each poll. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

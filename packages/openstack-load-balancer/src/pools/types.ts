import { arrayOf, boolean, number, object, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  BASE_FIELDS,
  type BaseWire,
  ID_REFS,
  ids,
  type LoadBalancingObject,
  parseBase,
} from '../internal/common.js';
import { resourceKind } from '../internal/rest.js';

/** Protocols of a pool (how the load balancer talks to members). */
export const POOL_PROTOCOLS = ['HTTP', 'HTTPS', 'PROXY', 'PROXYV2', 'TCP', 'UDP', 'SCTP'] as const;

/**
 * Protocol of a pool.
 * @example const protocol: PoolProtocol = 'PROXYV2';
 */
export type PoolProtocol = (typeof POOL_PROTOCOLS)[number];

/** Load-balancing algorithms. */
export const LB_ALGORITHMS = ['ROUND_ROBIN', 'LEAST_CONNECTIONS', 'SOURCE_IP', 'SOURCE_IP_PORT'] as const;

/**
 * A pool's load-balancing algorithm.
 * @example const lbAlgorithm: LoadBalancerAlgorithm = 'LEAST_CONNECTIONS';
 */
export type LoadBalancerAlgorithm = (typeof LB_ALGORITHMS)[number];

/** Session persistence types. */
export const SESSION_PERSISTENCE_TYPES = ['APP_COOKIE', 'HTTP_COOKIE', 'SOURCE_IP'] as const;

/**
 * Session persistence of a pool.
 * @example const sp: SessionPersistence = { type: 'APP_COOKIE', cookieName: 'JSESSIONID' };
 */
export interface SessionPersistence {
  type: (typeof SESSION_PERSISTENCE_TYPES)[number];
  /** Required for `APP_COOKIE`. */
  cookieName?: string | undefined;
  /** SCTP/UDP `SOURCE_IP` only: seconds before a flow may move to another member. */
  persistenceTimeout?: number | undefined;
  /** SCTP/UDP `SOURCE_IP` only: netmask such as `255.255.255.0`. */
  persistenceGranularity?: string | undefined;
}

/**
 * An Octavia pool: a group of members traffic is spread over.
 * @example const p = await getPool(client, id); console.log(p.lbAlgorithm, p.members.length);
 */
export interface Pool extends LoadBalancingObject {
  protocol: PoolProtocol | (string & {});
  lbAlgorithm: LoadBalancerAlgorithm | (string & {});
  sessionPersistence: SessionPersistence | undefined;
  /** Ids of its load balancers, listeners and members. */
  loadBalancers: string[];
  listeners: string[];
  members: string[];
  healthMonitorId: string | undefined;
  /** TLS to members. */
  tlsEnabled: boolean | undefined;
  tlsContainerRef: string | undefined;
  caTlsContainerRef: string | undefined;
  crlContainerRef: string | undefined;
  tlsCiphers: string | undefined;
  tlsVersions: string[];
  alpnProtocols: string[];
}

/** @internal */
export interface SessionPersistenceWire {
  type: string;
  cookie_name?: string;
  persistence_timeout?: number;
  persistence_granularity?: string;
}

/** @internal */
export interface PoolWire extends BaseWire {
  protocol: string;
  lb_algorithm: string;
  session_persistence?: SessionPersistenceWire;
  loadbalancers?: { id: string }[];
  listeners?: { id: string }[];
  members?: { id: string }[];
  healthmonitor_id?: string;
  tls_enabled?: boolean;
  tls_container_ref?: string;
  ca_tls_container_ref?: string;
  crl_container_ref?: string;
  tls_ciphers?: string;
  tls_versions?: string[];
  alpn_protocols?: string[];
}

const FIELDS: ShapeFields<PoolWire> = {
  ...BASE_FIELDS,
  protocol: string,
  lb_algorithm: string,
  session_persistence: optional(
    object<SessionPersistenceWire>({
      type: string,
      cookie_name: optional(string),
      persistence_timeout: optional(number),
      persistence_granularity: optional(string),
    }),
  ),
  loadbalancers: ID_REFS,
  listeners: ID_REFS,
  members: ID_REFS,
  healthmonitor_id: optional(string),
  tls_enabled: optional(boolean),
  tls_container_ref: optional(string),
  ca_tls_container_ref: optional(string),
  crl_container_ref: optional(string),
  tls_ciphers: optional(string),
  tls_versions: optional(arrayOf(string)),
  alpn_protocols: optional(arrayOf(string)),
};

/** @internal */
export function parsePool(w: PoolWire): Pool {
  const sp = w.session_persistence;
  return {
    ...parseBase(w),
    protocol: w.protocol,
    lbAlgorithm: w.lb_algorithm,
    sessionPersistence: sp
      ? {
          type: sp.type as SessionPersistence['type'],
          cookieName: sp.cookie_name ?? undefined,
          persistenceTimeout: sp.persistence_timeout ?? undefined,
          persistenceGranularity: sp.persistence_granularity ?? undefined,
        }
      : undefined,
    loadBalancers: ids(w.loadbalancers),
    listeners: ids(w.listeners),
    members: ids(w.members),
    healthMonitorId: w.healthmonitor_id ?? undefined,
    tlsEnabled: w.tls_enabled ?? undefined,
    tlsContainerRef: w.tls_container_ref ?? undefined,
    caTlsContainerRef: w.ca_tls_container_ref ?? undefined,
    crlContainerRef: w.crl_container_ref ?? undefined,
    tlsCiphers: w.tls_ciphers ?? undefined,
    tlsVersions: w.tls_versions ?? [],
    alpnProtocols: w.alpn_protocols ?? [],
  };
}

/** @internal */
export const POOL = resourceKind<PoolWire, Pool>({
  singular: 'pool',
  plural: 'pools',
  label: 'pool',
  fields: FIELDS,
  parse: parsePool,
});

/** Collection path of pools. @internal */
export const POOLS_PATH = 'lbaas/pools';

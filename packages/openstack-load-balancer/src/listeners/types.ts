import { arrayOf, boolean, number, optional, recordOf, type ShapeFields, string } from '@cloud/core/service';
import {
  BASE_FIELDS,
  type BaseWire,
  ID_REFS,
  ids,
  type LoadBalancingObject,
  parseBase,
} from '../internal/common.js';
import { resourceKind } from '../internal/rest.js';

/** Protocols of a listener. */
export const LISTENER_PROTOCOLS = [
  'HTTP',
  'HTTPS',
  'TERMINATED_HTTPS',
  'TCP',
  'UDP',
  'SCTP',
  'PROMETHEUS',
] as const;

/**
 * Protocol of a listener. `HTTPS` passes TLS through; `TERMINATED_HTTPS` ends TLS at the load
 * balancer with `defaultTlsContainerRef`.
 * @example const protocol: ListenerProtocol = 'TERMINATED_HTTPS';
 */
export type ListenerProtocol = (typeof LISTENER_PROTOCOLS)[number];

/** TLS versions a listener or pool accepts. */
export const TLS_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/**
 * A TLS protocol version.
 * @example const versions: LoadBalancerTlsVersion[] = ['TLSv1.2', 'TLSv1.3'];
 */
export type LoadBalancerTlsVersion = (typeof TLS_VERSIONS)[number];

/**
 * An Octavia listener: a port and protocol the load balancer listens on.
 * @example const l = await getListener(client, id); console.log(l.protocol, l.protocolPort);
 */
export interface Listener extends LoadBalancingObject {
  protocol: ListenerProtocol | (string & {});
  protocolPort: number;
  /** Ids of its load balancers (one). */
  loadBalancers: string[];
  defaultPoolId: string | undefined;
  /** -1 = no limit. */
  connectionLimit: number | undefined;
  defaultTlsContainerRef: string | undefined;
  sniContainerRefs: string[];
  clientAuthentication: string | undefined;
  clientCaTlsContainerRef: string | undefined;
  clientCrlContainerRef: string | undefined;
  /** Headers added to requests sent to members, e.g. `{ 'X-Forwarded-For': 'true' }`. */
  insertHeaders: Record<string, string>;
  /** Milliseconds. */
  timeoutClientData: number | undefined;
  timeoutMemberConnect: number | undefined;
  timeoutMemberData: number | undefined;
  timeoutTcpInspect: number | undefined;
  /** Source CIDRs allowed to connect (empty: everyone). */
  allowedCidrs: string[];
  tlsCiphers: string | undefined;
  tlsVersions: string[];
  alpnProtocols: string[];
  hstsMaxAge: number | undefined;
  hstsIncludeSubdomains: boolean | undefined;
  hstsPreload: boolean | undefined;
  /** Ids of its L7 policies. */
  l7Policies: string[];
}

/** @internal */
export interface ListenerWire extends BaseWire {
  protocol: string;
  protocol_port: number;
  loadbalancers?: { id: string }[];
  default_pool_id?: string;
  connection_limit?: number;
  default_tls_container_ref?: string;
  sni_container_refs?: string[];
  client_authentication?: string;
  client_ca_tls_container_ref?: string;
  client_crl_container_ref?: string;
  insert_headers?: Record<string, string>;
  timeout_client_data?: number;
  timeout_member_connect?: number;
  timeout_member_data?: number;
  timeout_tcp_inspect?: number;
  allowed_cidrs?: string[];
  tls_ciphers?: string;
  tls_versions?: string[];
  alpn_protocols?: string[];
  hsts_max_age?: number;
  hsts_include_subdomains?: boolean;
  hsts_preload?: boolean;
  l7policies?: { id: string }[];
}

const FIELDS: ShapeFields<ListenerWire> = {
  ...BASE_FIELDS,
  protocol: string,
  protocol_port: number,
  loadbalancers: ID_REFS,
  default_pool_id: optional(string),
  connection_limit: optional(number),
  default_tls_container_ref: optional(string),
  sni_container_refs: optional(arrayOf(string)),
  client_authentication: optional(string),
  client_ca_tls_container_ref: optional(string),
  client_crl_container_ref: optional(string),
  insert_headers: optional(recordOf(string)),
  timeout_client_data: optional(number),
  timeout_member_connect: optional(number),
  timeout_member_data: optional(number),
  timeout_tcp_inspect: optional(number),
  allowed_cidrs: optional(arrayOf(string)),
  tls_ciphers: optional(string),
  tls_versions: optional(arrayOf(string)),
  alpn_protocols: optional(arrayOf(string)),
  hsts_max_age: optional(number),
  hsts_include_subdomains: optional(boolean),
  hsts_preload: optional(boolean),
  l7policies: ID_REFS,
};

/** @internal */
export function parseListener(w: ListenerWire): Listener {
  return {
    ...parseBase(w),
    protocol: w.protocol,
    protocolPort: w.protocol_port,
    loadBalancers: ids(w.loadbalancers),
    defaultPoolId: w.default_pool_id ?? undefined,
    connectionLimit: w.connection_limit ?? undefined,
    defaultTlsContainerRef: w.default_tls_container_ref ?? undefined,
    sniContainerRefs: w.sni_container_refs ?? [],
    clientAuthentication: w.client_authentication ?? undefined,
    clientCaTlsContainerRef: w.client_ca_tls_container_ref ?? undefined,
    clientCrlContainerRef: w.client_crl_container_ref ?? undefined,
    insertHeaders: w.insert_headers ?? {},
    timeoutClientData: w.timeout_client_data ?? undefined,
    timeoutMemberConnect: w.timeout_member_connect ?? undefined,
    timeoutMemberData: w.timeout_member_data ?? undefined,
    timeoutTcpInspect: w.timeout_tcp_inspect ?? undefined,
    allowedCidrs: w.allowed_cidrs ?? [],
    tlsCiphers: w.tls_ciphers ?? undefined,
    tlsVersions: w.tls_versions ?? [],
    alpnProtocols: w.alpn_protocols ?? [],
    hstsMaxAge: w.hsts_max_age ?? undefined,
    hstsIncludeSubdomains: w.hsts_include_subdomains ?? undefined,
    hstsPreload: w.hsts_preload ?? undefined,
    l7Policies: ids(w.l7policies),
  };
}

/** @internal */
export const LISTENER = resourceKind<ListenerWire, Listener>({
  singular: 'listener',
  plural: 'listeners',
  label: 'listener',
  fields: FIELDS,
  parse: parseListener,
});

/** Collection path of listeners. @internal */
export const LISTENERS_PATH = 'lbaas/listeners';

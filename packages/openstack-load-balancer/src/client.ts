import { inspect } from 'node:util';
import { type EndpointInterface, type Session, ValidationError } from '@cloud/core';
import { createServiceClient, type ServiceClient, type ServiceRequest } from '@cloud/core/service';
import { type ImmutableRetryOptions, requireImmutableRetry, withImmutableRetry } from './internal/retry.js';

/**
 * Options of {@link createLoadBalancerClient}.
 * @example createLoadBalancerClient(session, { region: 'RegionOne', retryImmutable: { timeoutMs: 300_000 } });
 */
export interface LoadBalancerClientOptions {
  /** Region of the load-balancer endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /**
   * A fixed base URL such as `https://octavia.example.com:9876` (or with `/v2`), skipping the
   * catalog.
   */
  endpoint?: string | undefined;
  /** Catalog service name, when a catalog has several `load-balancer` services. */
  serviceName?: string | undefined;
  /**
   * Sequencing of writes. Octavia refuses every write (409, "... is immutable and cannot be
   * updated") while the load balancer is `PENDING_*`. With `true` (or timing options) every
   * write of this client that gets that answer is sent again, with exponential backoff, until it
   * is accepted or the retry's own `timeoutMs` (default 5 minutes) has passed; then the last
   * `ConflictError` is thrown. Default `false`: the 409 is thrown at once, and callers sequence
   * writes with `waitForLoadBalancerStatus(client, id, 'ACTIVE')`. Per call, pass
   * `retryImmutable` in the request options.
   */
  retryImmutable?: boolean | ImmutableRetryOptions | undefined;
}

/**
 * A client of OpenStack Octavia (load-balancer API v2) bound to a session. Operations are free
 * functions taking it as their first argument; paths are relative to the `v2` root.
 * @example const lb: LoadBalancerClient = createLoadBalancerClient(session);
 */
export interface LoadBalancerClient extends ServiceClient {
  /** The client-wide retry of writes refused as immutable, or `false`. */
  readonly retryImmutable: false | ImmutableRetryOptions;
}

const VERSIONED = /\/v2(\.0)?\/?$/;

/** Request options as this package's operations pass them to the client. @internal */
export interface LoadBalancerServiceRequest extends ServiceRequest {
  retryImmutable?: boolean | ImmutableRetryOptions | undefined;
}

/**
 * Creates an Octavia client. Nothing is sent until the first operation; the endpoint is resolved
 * from the session's catalog (service type `load-balancer`) then and memoized. Catalogs usually
 * list Octavia without a version (`http://host:9876`): the client adds `/v2` unless the endpoint
 * already ends with `/v2` or `/v2.0` (an alias of the same API).
 * @example
 * ```ts
 * const lb = createLoadBalancerClient(session, { retryImmutable: true });
 * for await (const l of listLoadBalancers(lb, { provisioningStatus: 'ACTIVE' })) console.log(l.id, l.vipAddress);
 * ```
 */
export function createLoadBalancerClient(
  session: Session,
  options: LoadBalancerClientOptions = {},
): LoadBalancerClient {
  if (
    options.serviceName !== undefined &&
    (typeof options.serviceName !== 'string' || !options.serviceName)
  ) {
    throw new ValidationError('serviceName must be a non-empty string', 'serviceName');
  }
  const clientRetry = requireImmutableRetry(options.retryImmutable, 'retryImmutable');
  const base = createServiceClient(session, {
    type: 'load-balancer',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const endpoint = async (signal?: AbortSignal): Promise<string> => {
    const url = (await base.endpoint(signal)).replace(/\/+$/, '');
    return VERSIONED.test(url) ? url : `${url}/v2`;
  };
  const resolve = async (path: string, signal?: AbortSignal): Promise<string> =>
    /^https?:\/\//i.test(path) ? path : `${await endpoint(signal)}/${path.replace(/^\/+/, '')}`;
  const client: LoadBalancerClient = {
    session: base.session,
    type: base.type,
    retryImmutable: clientRetry,
    endpoint,
    request: async <T>(method: string, path: string, req: LoadBalancerServiceRequest = {}) => {
      const { retryImmutable, ...rest } = req;
      const retry =
        retryImmutable === undefined
          ? clientRetry
          : requireImmutableRetry(retryImmutable, 'options.retryImmutable');
      const send = async () => base.request<T>(method, await resolve(path, rest.signal), rest);
      return method === 'GET' || !retry ? send() : withImmutableRetry(send, retry, rest.signal);
    },
    stream: async (method, path, req = {}) => base.stream(method, await resolve(path, req.signal), req),
  };
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `LoadBalancerClient { ${[
        options.region && `region: ${options.region}`,
        clientRetry && 'retryImmutable: true',
      ]
        .filter(Boolean)
        .join(', ')} }`,
    enumerable: false,
  });
  return client as LoadBalancerClient;
}

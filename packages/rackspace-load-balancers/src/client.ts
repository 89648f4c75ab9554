import { inspect } from 'node:util';
import { BadRequestError, type EndpointInterface, type Session } from '@cloud/core';
import { createServiceClient, type ServiceClient, type ServiceRequest } from '@cloud/core/service';
import { type ClbImmutableRetryOptions, setClientImmutableRetry } from './internal/write.js';

/**
 * Options of {@link createRackspaceLoadBalancersClient}.
 * @example createRackspaceLoadBalancersClient(session, { region: 'DFW', immutableRetry: { timeoutMs: 120_000 } });
 */
export interface RackspaceLoadBalancersClientOptions {
  /** Region (`DFW`, `ORD`, `IAD`, `LON`, `SYD`, `HKG`); default: the session's. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default) or `internal` (ServiceNet). */
  interface?: EndpointInterface | string | undefined;
  /** A fixed base URL such as `https://dfw.loadbalancers.api.rackspacecloud.com/v1.0/<account>`, skipping the catalog. */
  endpoint?: string | undefined;
  /** Catalog service name (`cloudLoadBalancers`), when a catalog lists several `rax:load-balancer` services. */
  serviceName?: string | undefined;
  /**
   * Default for every write of this client: send a write refused with 422 "immutable" again, with
   * backoff, until the load balancer accepts it. Off (`false`) by default; each write's
   * `options.immutableRetry` overrides it.
   */
  immutableRetry?: ClbImmutableRetryOptions | false | undefined;
}

/**
 * A client of Rackspace Cloud Load Balancers (API v1.0, catalog type `rax:load-balancer`) bound to
 * a session.
 * @example const clb: RackspaceLoadBalancersClient = createRackspaceLoadBalancersClient(session, { region: 'DFW' });
 */
export type RackspaceLoadBalancersClient = ServiceClient;

/** Adds the messages of a Cloud Load Balancers `validationErrors` body to a 400's message. */
function withValidationMessages(error: unknown): unknown {
  if (!(error instanceof BadRequestError) || !error.responseBody) return error;
  let messages: unknown;
  try {
    messages = (JSON.parse(error.responseBody) as { validationErrors?: { messages?: unknown } })
      ?.validationErrors?.messages;
  } catch {
    return error;
  }
  if (!Array.isArray(messages) || messages.length === 0) return error;
  const text = messages.filter((m) => typeof m === 'string').join('; ');
  if (!text) return error;
  return new BadRequestError(`${error.message}: ${text}`, {
    status: error.status,
    method: error.method,
    url: error.url,
    requestId: error.requestId,
    responseBody: error.responseBody,
    headers: error.headers,
  });
}

/**
 * Creates a Rackspace Cloud Load Balancers client. Nothing is sent until the first operation;
 * the endpoint is resolved from the catalog then (type `rax:load-balancer`) and memoized.
 * @example
 * ```ts
 * const clb = createRackspaceLoadBalancersClient(session, { region: 'DFW', immutableRetry: {} });
 * for await (const lb of listClbLoadBalancers(clb)) console.log(lb.id, lb.name, lb.status);
 * ```
 */
export function createRackspaceLoadBalancersClient(
  session: Session,
  options: RackspaceLoadBalancersClientOptions = {},
): RackspaceLoadBalancersClient {
  const base = createServiceClient(session, {
    type: 'rax:load-balancer',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const client: RackspaceLoadBalancersClient = {
    session: base.session,
    type: base.type,
    endpoint: base.endpoint,
    request: <T>(method: string, path: string, req?: ServiceRequest) =>
      base.request<T>(method, path, req).catch((error: unknown) => {
        throw withValidationMessages(error);
      }),
    stream: base.stream,
  };
  setClientImmutableRetry(client, options.immutableRetry);
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `RackspaceLoadBalancersClient { type: rax:load-balancer${options.region ? `, region: ${options.region}` : ''} }`,
    enumerable: false,
  });
  return client;
}

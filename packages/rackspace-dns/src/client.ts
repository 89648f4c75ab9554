import { inspect } from 'node:util';
import type { EndpointInterface, Session } from '@cloud/core';
import { createServiceClient, type ServiceClient } from '@cloud/core/service';

/**
 * Options of {@link createRackspaceDnsClient}.
 * @example createRackspaceDnsClient(session, { endpoint: 'https://lon.dns.api.rackspacecloud.com/v1.0/123456' });
 */
export interface RackspaceDnsClientOptions {
  /** Cloud DNS is global; a region is only needed when a catalog lists regional endpoints. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default). */
  interface?: EndpointInterface | string | undefined;
  /** A fixed base URL such as `https://dns.api.rackspacecloud.com/v1.0/<account>`, skipping the catalog. */
  endpoint?: string | undefined;
  /** Catalog service name (`cloudDNS`), when a catalog lists several `rax:dns` services. */
  serviceName?: string | undefined;
}

/**
 * A client of Rackspace Cloud DNS (API v1.0, catalog type `rax:dns`) bound to a session.
 * @example const dns: RackspaceDnsClient = createRackspaceDnsClient(session);
 */
export type RackspaceDnsClient = ServiceClient;

/**
 * Creates a Rackspace Cloud DNS client. Nothing is sent until the first operation; the endpoint
 * is resolved from the catalog then (type `rax:dns`) and memoized.
 * @example
 * ```ts
 * const dns = createRackspaceDnsClient(session);
 * for await (const d of listDomains(dns)) console.log(d.id, d.name);
 * ```
 */
export function createRackspaceDnsClient(
  session: Session,
  options: RackspaceDnsClientOptions = {},
): RackspaceDnsClient {
  const base = createServiceClient(session, {
    type: 'rax:dns',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const client: RackspaceDnsClient = {
    session: base.session,
    type: base.type,
    endpoint: base.endpoint,
    request: base.request,
    stream: base.stream,
  };
  Object.defineProperty(client, inspect.custom, {
    value: () => `RackspaceDnsClient { type: rax:dns${options.region ? `, region: ${options.region}` : ''} }`,
    enumerable: false,
  });
  return client;
}

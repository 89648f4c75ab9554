import { inspect } from 'node:util';
import { type EndpointInterface, type Session, ValidationError } from '@cloud/core';
import { createServiceClient, type ServiceClient } from '@cloud/core/service';
import { MICROVERSION } from './internal/microversion.js';

/**
 * Options of {@link createComputeClient}.
 * @example createComputeClient(session, { region: 'IAD', serviceName: 'cloudServersOpenStack' });
 */
export interface ComputeClientOptions {
  /** Region of the compute endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /** A fixed base URL such as `https://nova.example.com/v2.1`, skipping the catalog. */
  endpoint?: string | undefined;
  /**
   * Catalog service name, when a catalog has several `compute` services (Rackspace lists
   * `cloudServersOpenStack`).
   */
  serviceName?: string | undefined;
  /**
   * Compute API microversion sent with every request, `"2.79"` or `"latest"`. Without it the
   * server uses the base version 2.1. Sent as both `X-OpenStack-Nova-API-Version: 2.79` and
   * `OpenStack-API-Version: compute 2.79`. Rackspace Next Generation Cloud Servers has no
   * microversions: leave it unset there.
   */
  microversion?: string | undefined;
}

/**
 * A client of the compute service (Nova v2.1, Rackspace Next Generation Cloud Servers) bound to a
 * session. Operations are free functions taking it as their first argument.
 * @example const compute: ComputeClient = createComputeClient(session);
 */
export interface ComputeClient extends ServiceClient {
  /** The microversion sent with every request, if any. */
  readonly microversion: string | undefined;
}

/**
 * Creates a compute client. Nothing is sent until the first operation; the endpoint is resolved
 * from the session's catalog then and memoized.
 * @example
 * ```ts
 * const compute = createComputeClient(session, { region: 'RegionOne', microversion: '2.79' });
 * for await (const s of listServers(compute)) console.log(s.id, s.name);
 * ```
 */
export function createComputeClient(session: Session, options: ComputeClientOptions = {}): ComputeClient {
  const mv = options.microversion;
  if (mv !== undefined && mv !== 'latest' && !MICROVERSION.test(mv)) {
    throw new ValidationError(
      `microversion must look like "2.79" or be "latest", got ${JSON.stringify(mv)}`,
      'microversion',
    );
  }
  const base = createServiceClient(session, {
    type: 'compute',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
    headers: mv
      ? { 'x-openstack-nova-api-version': mv, 'openstack-api-version': `compute ${mv}` }
      : undefined,
  });
  const client: ComputeClient = {
    session: base.session,
    type: base.type,
    microversion: mv,
    endpoint: base.endpoint,
    request: base.request,
    stream: base.stream,
  };
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `ComputeClient { ${[options.region && `region: ${options.region}`, mv && `microversion: ${mv}`]
        .filter(Boolean)
        .join(', ')} }`,
    enumerable: false,
  });
  return client;
}

import { inspect } from 'node:util';
import type { EndpointInterface, MicroversionClientOptions, Session } from '@cloud/core';
import {
  createMicroversions,
  createServiceClient,
  type MicroversionSpec,
  type Microversions,
  type ServiceClient,
  type ServiceRequest,
} from '@cloud/core/service';

/**
 * Nova's microversion headers: `OpenStack-API-Version: compute 2.x`, and the older
 * `X-OpenStack-Nova-API-Version: 2.x`; no header means 2.1.
 */
export const COMPUTE_MICROVERSIONS: MicroversionSpec = {
  service: 'compute',
  base: '2.1',
  legacyHeader: 'x-openstack-nova-api-version',
};

/** The client each compute client sends through, without microversion headers. @internal */
const unversioned = new WeakMap<ComputeClient, ServiceClient>();

/**
 * The client `client` sends through, without microversion headers or negotiation: the version
 * document is read with it. A client not made by {@link createComputeClient} is returned as is.
 * @internal
 */
export const unversionedClient = (client: ComputeClient): ServiceClient => unversioned.get(client) ?? client;

/**
 * Options of {@link createComputeClient}.
 * @example createComputeClient(session, { region: 'IAD', serviceName: 'cloudServersOpenStack' });
 */
export interface ComputeClientOptions extends MicroversionClientOptions {
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
   * microversions: leave it unset there. A call can use another version with
   * `options.microversion`.
   */
  microversion?: string | undefined;
  /**
   * Negotiate once, before the first request: read the version document and use the highest
   * version both sides support at or below `microversion` (default `latest`).
   */
  negotiate?: boolean | undefined;
}

/**
 * A client of the compute service (Nova v2.1, Rackspace Next Generation Cloud Servers) bound to a
 * session. Operations are free functions taking it as their first argument.
 * @example const compute: ComputeClient = createComputeClient(session);
 */
export interface ComputeClient extends ServiceClient {
  /** The client's `microversion` option (with `negotiate`: the version asked for). */
  readonly microversion: string | undefined;
  /** Microversion state: the negotiated version once known, and the per-call preparation. */
  readonly microversions: Microversions;
}

/**
 * Creates a compute client. Nothing is sent until the first operation; the endpoint is resolved
 * from the session's catalog then and memoized (and, with `negotiate`, the microversion settled).
 * @throws ValidationError (field `microversion`) for a version that is neither `"2.79"`-like nor `latest`.
 * @example
 * ```ts
 * const compute = createComputeClient(session, { region: 'RegionOne', microversion: '2.79' });
 * for await (const s of listServers(compute)) console.log(s.id, s.name);
 * ```
 */
export function createComputeClient(session: Session, options: ComputeClientOptions = {}): ComputeClient {
  const microversions = createMicroversions(COMPUTE_MICROVERSIONS, options);
  const base = createServiceClient(session, {
    type: 'compute',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  // every request carries the call's microversion (`options.microversion`, else the client's or
  // the negotiated one) under the call's own headers; negotiation reads the version document
  // through `base`, without a microversion
  const withVersion = async (req: ServiceRequest = {}): Promise<ServiceRequest> => {
    const { microversion, ...rest } = req as ServiceRequest & { microversion?: string | undefined };
    const { headers } = await microversions.prepare(base, [], undefined, {
      microversion,
      signal: rest.signal,
    });
    return headers ? { ...rest, headers: { ...headers, ...rest.headers } } : rest;
  };
  const client: ComputeClient = {
    session: base.session,
    type: base.type,
    microversion: options.microversion,
    microversions,
    endpoint: base.endpoint,
    request: async (method, path, req) => base.request(method, path, await withVersion(req)),
    stream: async (method, path, req) => base.stream(method, path, await withVersion(req)),
  };
  unversioned.set(client, base);
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `ComputeClient { ${[
        options.region && `region: ${options.region}`,
        options.microversion && `microversion: ${options.microversion}`,
        options.negotiate && 'negotiate: true',
      ]
        .filter(Boolean)
        .join(', ')} }`,
    enumerable: false,
  });
  return client;
}

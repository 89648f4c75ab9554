import { inspect } from 'node:util';
import { type EndpointInterface, type Session, ValidationError } from '@cloud/core';
import { createServiceClient, type ServiceClient } from '@cloud/core/service';

/**
 * Options of {@link createNetworkClient}.
 * @example createNetworkClient(session, { region: 'RegionTwo', interface: 'internal' });
 */
export interface NetworkClientOptions {
  /** Region of the network endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /**
   * A fixed base URL such as `https://neutron.example.com:9696` (or with `/v2.0`), skipping the
   * catalog.
   */
  endpoint?: string | undefined;
  /** Catalog service name, when a catalog has several `network` services. */
  serviceName?: string | undefined;
}

/**
 * A client of OpenStack Networking (Neutron, API v2.0) bound to a session. Operations are free
 * functions taking it as their first argument; paths are relative to the `v2.0` root.
 * @example const network: NetworkClient = createNetworkClient(session);
 */
export interface NetworkClient extends ServiceClient {}

const VERSIONED = /\/v2\.0\/?$/;

/**
 * Creates a network client. Nothing is sent until the first operation; the endpoint is resolved
 * from the session's catalog (service type `network`) then and memoized. Catalogs usually list
 * Neutron without a version (`http://host:9696`): the client adds `/v2.0` unless the endpoint
 * already ends with it.
 * @example
 * ```ts
 * const network = createNetworkClient(session, { region: 'RegionOne' });
 * for await (const n of listNetworks(network, { routerExternal: true })) console.log(n.id, n.name);
 * ```
 */
export function createNetworkClient(session: Session, options: NetworkClientOptions = {}): NetworkClient {
  if (
    options.serviceName !== undefined &&
    (typeof options.serviceName !== 'string' || !options.serviceName)
  ) {
    throw new ValidationError('serviceName must be a non-empty string', 'serviceName');
  }
  const base = createServiceClient(session, {
    type: 'network',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const endpoint = async (signal?: AbortSignal): Promise<string> => {
    const url = await base.endpoint(signal);
    return VERSIONED.test(url) ? url.replace(/\/+$/, '') : `${url.replace(/\/+$/, '')}/v2.0`;
  };
  // Relative paths go below the v2.0 root; absolute links (none are followed today) pass as they are.
  const resolve = async (path: string, signal?: AbortSignal): Promise<string> =>
    /^https?:\/\//i.test(path) ? path : `${await endpoint(signal)}/${path.replace(/^\/+/, '')}`;
  const client: NetworkClient = {
    session: base.session,
    type: base.type,
    endpoint,
    request: async (method, path, req = {}) => base.request(method, await resolve(path, req.signal), req),
    stream: async (method, path, req = {}) => base.stream(method, await resolve(path, req.signal), req),
  };
  Object.defineProperty(client, inspect.custom, {
    value: () => `NetworkClient { ${options.region ? `region: ${options.region}` : ''} }`,
    enumerable: false,
  });
  return client;
}

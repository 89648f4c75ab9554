import { inspect } from 'node:util';
import { type EndpointInterface, type Session, ValidationError } from '@cloud/core';
import { createServiceClient, type ServiceClient, type ServiceRequest } from '@cloud/core/service';

/**
 * Options of {@link createDnsClient}.
 * @example createDnsClient(session, { region: 'RegionOne', allProjects: true });
 */
export interface DnsClientOptions {
  /** Region of the DNS endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /**
   * A fixed base URL such as `https://designate.example.com:9001`, skipping the catalog. A URL
   * that already ends in `/v2` is accepted as well.
   */
  endpoint?: string | undefined;
  /** Catalog service name, when a catalog has several `dns` services. */
  serviceName?: string | undefined;
  /**
   * Administrators: act on the resources of every project (`X-Auth-All-Projects: true`) with
   * every request of this client. Per call, pass the same option in `DnsRequestOptions`.
   */
  allProjects?: boolean | undefined;
  /**
   * Administrators: act as another project (`X-Auth-Sudo-Project-ID`) with every request of this
   * client. Per call, pass the same option in `DnsRequestOptions`.
   */
  sudoProjectId?: string | undefined;
}

/**
 * A client of OpenStack Designate (DNS API v2) bound to a session. Operations are free functions
 * taking it as their first argument.
 * @example const dns: DnsClient = createDnsClient(session);
 */
export interface DnsClient extends ServiceClient {
  /** True when every request carries `X-Auth-All-Projects: true`. */
  readonly allProjects: boolean;
  /** The project every request acts as (`X-Auth-Sudo-Project-ID`), if any. */
  readonly sudoProjectId: string | undefined;
}

/** @internal the admin headers of a client or of one call */
export function adminHeaders(o: { allProjects?: boolean | undefined; sudoProjectId?: string | undefined }) {
  const headers: Record<string, string> = {};
  if (o.allProjects !== undefined) {
    if (typeof o.allProjects !== 'boolean')
      throw new ValidationError('allProjects must be a boolean', 'allProjects');
    headers['x-auth-all-projects'] = String(o.allProjects);
  }
  if (o.sudoProjectId !== undefined) {
    if (typeof o.sudoProjectId !== 'string' || !/^[\w-]{1,64}$/.test(o.sudoProjectId))
      throw new ValidationError('sudoProjectId must be a project id', 'sudoProjectId');
    headers['x-auth-sudo-project-id'] = o.sudoProjectId;
  }
  return headers;
}

const V2 = /\/v2\/?$/;

/**
 * Creates a Designate client. Nothing is sent until the first operation; the endpoint (catalog
 * type `dns`) is resolved then and memoized. Designate's catalog entry is usually the API root
 * (`http://host:9001`); one that ends in `/v2` works as well.
 * @example
 * ```ts
 * const dns = createDnsClient(session, { region: 'RegionOne' });
 * for await (const zone of listZones(dns)) console.log(zone.name, zone.status);
 * ```
 */
export function createDnsClient(session: Session, options: DnsClientOptions = {}): DnsClient {
  const headers = adminHeaders(options);
  const base = createServiceClient(session, {
    type: 'dns',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
    headers,
  });
  /** Paths are written `v2/...`; an endpoint that already names the version drops that prefix. */
  const resolve = async (path: string, signal?: AbortSignal) => {
    if (/^[a-z]+:\/\//i.test(path) || !path.startsWith('v2/')) return path;
    return V2.test(await base.endpoint(signal)) ? path.slice(3) : path;
  };
  const client: DnsClient = {
    session: base.session,
    type: base.type,
    allProjects: options.allProjects ?? false,
    sudoProjectId: options.sudoProjectId,
    endpoint: base.endpoint,
    request: async <T>(method: string, path: string, req: ServiceRequest = {}) =>
      base.request<T>(method, await resolve(path, req.signal), req),
    stream: async (method, path, req = {}) => base.stream(method, await resolve(path, req.signal), req),
  };
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `DnsClient { ${[
        options.region && `region: ${options.region}`,
        options.allProjects && 'allProjects: true',
        options.sudoProjectId && `sudoProjectId: ${options.sudoProjectId}`,
      ]
        .filter(Boolean)
        .join(', ')} }`,
    enumerable: false,
  });
  return client;
}

import { inspect } from 'node:util';
import type { EndpointInterface, Session } from '@cloud/core';
import { createServiceClient, type ServiceClient, type ServiceRequest } from '@cloud/core/service';

/**
 * Options of {@link createImageClient}.
 * @example createImageClient(session, { region: 'RegionOne', interface: 'internal' });
 */
export interface ImageClientOptions {
  /** Region of the image endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /**
   * A fixed base URL such as `https://glance.example.com:9292`, skipping the catalog. With or
   * without the `/v2` suffix: requests go to `<endpoint>/v2/…` either way.
   */
  endpoint?: string | undefined;
  /** Catalog service name, when a catalog has several `image` services. */
  serviceName?: string | undefined;
}

/**
 * A client of the image service (Glance v2) bound to a session. Operations are free functions
 * taking it as their first argument.
 * @example const glance: ImageClient = createImageClient(session);
 */
export interface ImageClient extends ServiceClient {}

/** An endpoint that already names the API version (`…/v2`, `…/v2.16`). */
const VERSIONED = /\/v2(?:\.\d+)?\/*$/;

/**
 * Creates an image (Glance v2) client. Nothing is sent until the first operation; the endpoint is
 * resolved from the session's catalog (service type `image`) then and memoized. Glance catalogs
 * usually list the unversioned root (`http://host:9292`); the client adds `/v2` unless the
 * endpoint already ends with it.
 * @example
 * ```ts
 * const glance = createImageClient(session, { region: 'RegionOne' });
 * for await (const image of listGlanceImages(glance, { status: 'active' })) console.log(image.id, image.name);
 * ```
 */
export function createImageClient(session: Session, options: ImageClientOptions = {}): ImageClient {
  const base = createServiceClient(session, {
    type: 'image',
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  /** Paths of this package are relative to the v2 root (`images/…`). */
  const versioned = async (path: string, req: ServiceRequest | undefined): Promise<string> => {
    if (/^https?:\/\//i.test(path)) return path;
    const root = await base.endpoint(req?.signal);
    return VERSIONED.test(root) ? path : `v2/${path}`;
  };
  const client: ImageClient = {
    session: base.session,
    type: base.type,
    endpoint: base.endpoint,
    request: async (method, path, req) => base.request(method, await versioned(path, req), req),
    stream: async (method, path, req) => base.stream(method, await versioned(path, req), req),
  };
  Object.defineProperty(client, inspect.custom, {
    value: () => `ImageClient { ${options.region ? `region: ${options.region}` : ''} }`,
    enumerable: false,
  });
  return client;
}

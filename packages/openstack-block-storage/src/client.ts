import { inspect } from 'node:util';
import {
  type EndpointInterface,
  EndpointNotFoundError,
  type MicroversionClientOptions,
  type Session,
} from '@cloud/core';
import {
  createMicroversions,
  createServiceClient,
  type MicroversionSpec,
  type Microversions,
  type ServiceClient,
} from '@cloud/core/service';

/** Cinder's microversion header: `OpenStack-API-Version: volume 3.x`; no header means 3.0. */
export const BLOCK_STORAGE_MICROVERSIONS: MicroversionSpec = { service: 'volume', base: '3.0' };

/**
 * Catalog service types of the block storage service, in the order they are tried: the official
 * `block-storage`, then `volumev3`, then `volume` (older clouds, and Rackspace's v1 Cloud Block Storage).
 */
export const BLOCK_STORAGE_SERVICE_TYPES: readonly string[] = ['block-storage', 'volumev3', 'volume'];

/**
 * Options of {@link createBlockStorageClient}.
 * @example createBlockStorageClient(session, { region: 'RegionOne', microversion: '3.59' });
 */
export interface BlockStorageClientOptions extends MicroversionClientOptions {
  /** Region of the endpoint. Defaults to the session's region. */
  region?: string | undefined;
  /** Endpoint interface: `public` (default), `internal` or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /** A fixed base URL such as `https://cinder.example.com:8776/v3/<project>`, skipping the catalog. */
  endpoint?: string | undefined;
  /** Catalog service name, when a catalog has several block storage services (Rackspace: `cloudBlockStorage`). */
  serviceName?: string | undefined;
  /**
   * Catalog service type to use instead of trying `block-storage`, `volumev3` and `volume` in turn.
   */
  serviceType?: string | undefined;
}

/**
 * A client of the block storage service (Cinder v3; Rackspace Cloud Block Storage v1) bound to a
 * session. Operations are free functions taking it as their first argument.
 * @example const volumes: BlockStorageClient = createBlockStorageClient(session);
 */
export interface BlockStorageClient extends ServiceClient {
  /** The client's `microversion` option (with `negotiate`: the version asked for). */
  readonly microversion: string | undefined;
  /** Microversion state: the negotiated version once known, and the per-call preparation. */
  readonly microversions: Microversions;
}

/** Tries the service types in order; the first that the catalog has wins. @internal */
function resolveByTypes(
  session: Session,
  types: readonly string[],
  options: BlockStorageClientOptions,
  signal?: AbortSignal,
): Promise<string> {
  const query = { name: options.serviceName, region: options.region, interface: options.interface };
  const attempt = async (i: number, first?: EndpointNotFoundError): Promise<string> => {
    try {
      return await session.endpoint({ ...query, type: types[i]! }, signal);
    } catch (error) {
      if (!(error instanceof EndpointNotFoundError)) throw error;
      const firstError = first ?? error;
      if (i + 1 < types.length) return attempt(i + 1, firstError);
      if (types.length === 1) throw error;
      throw new EndpointNotFoundError(
        `no block storage endpoint in the catalog under the service types ${types.join(', ')}: ${firstError.message}`,
        {
          serviceType: types[0]!,
          availableRegions: firstError.availableRegions,
          availableInterfaces: firstError.availableInterfaces,
        },
      );
    }
  };
  return attempt(0);
}

/**
 * Creates a block storage client. Nothing is sent until the first operation; the endpoint is
 * resolved from the session's catalog then (types `block-storage`, `volumev3`, `volume` in that
 * order) and memoized.
 * @throws ValidationError (field `microversion`) for a version that is neither `"3.59"`-like nor `latest`.
 * @example
 * ```ts
 * const volumes = createBlockStorageClient(session, { microversion: '3.60', negotiate: true });
 * for await (const v of listVolumesDetail(volumes, { status: 'available' })) console.log(v.id, v.size);
 * ```
 */
export function createBlockStorageClient(
  session: Session,
  options: BlockStorageClientOptions = {},
): BlockStorageClient {
  const microversions = createMicroversions(BLOCK_STORAGE_MICROVERSIONS, options);
  const types = options.serviceType ? [options.serviceType] : BLOCK_STORAGE_SERVICE_TYPES;
  // the session resolves one type at a time: delegate to it for each type in turn (the service
  // client memoizes the answer)
  const resolving: Session = Object.create(session, {
    endpoint: {
      value: (_query: unknown, signal?: AbortSignal) => resolveByTypes(session, types, options, signal),
    },
  });
  const base = createServiceClient(resolving, {
    type: types[0]!,
    name: options.serviceName,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const client: BlockStorageClient = {
    session,
    type: base.type,
    microversion: options.microversion,
    microversions,
    endpoint: base.endpoint,
    request: base.request,
    stream: base.stream,
  };
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `BlockStorageClient { ${[
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

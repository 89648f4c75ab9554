import { inspect } from 'node:util';
import { type EndpointInterface, type Session, ValidationError } from '@cloud/core';
import { createServiceClient, type ServiceClient } from '@cloud/core/service';

/** 1 MiB. */
const MiB = 1024 * 1024;
/**
 * Smallest segment size accepted for large-object uploads (1 MiB).
 * @example await uploadLargeObject(swift, 'c', 'o', stream, { segmentSize: MIN_SEGMENT_SIZE * 8 });
 */
export const MIN_SEGMENT_SIZE = MiB;
/**
 * Largest segment size accepted: Swift's default object size limit (5 GiB).
 * @example const segmentSize = Math.min(MAX_SEGMENT_SIZE, 1024 ** 3);
 */
export const MAX_SEGMENT_SIZE = 5 * 1024 * MiB;
/**
 * Default segment size of large-object uploads (32 MiB).
 * @example createSwiftClient(session, { largeObjects: { segmentSize: 2 * DEFAULT_SEGMENT_SIZE } });
 */
export const DEFAULT_SEGMENT_SIZE = 32 * MiB;
/**
 * Default size above which `uploadObject` switches to a Static Large Object (1 GiB).
 * @example createSwiftClient(session, { largeObjects: { threshold: DEFAULT_LARGE_OBJECT_THRESHOLD / 2 } });
 */
export const DEFAULT_LARGE_OBJECT_THRESHOLD = 1024 * MiB;
/**
 * Default number of segments uploaded at once.
 * @example createSwiftClient(session, { largeObjects: { concurrency: DEFAULT_SEGMENT_CONCURRENCY * 2 } });
 */
export const DEFAULT_SEGMENT_CONCURRENCY = 4;

/**
 * Where the Rackspace Cloud Files CDN service is found.
 * @example createSwiftClient(session, { region: 'DFW', cdn: { region: 'DFW' } });
 */
export interface SwiftCdnOptions {
  /** A fixed CDN base URL, skipping the catalog. */
  endpoint?: string | undefined;
  /** Region of the CDN endpoint. Defaults to the object-store client's region. */
  region?: string | undefined;
  /** Catalog service name when several CDN services exist. */
  name?: string | undefined;
  /** Defaults to the object-store client's interface, then the session's. */
  interface?: EndpointInterface | string | undefined;
}

/**
 * Defaults of large-object uploads for one client.
 * @example createSwiftClient(session, { largeObjects: { threshold: 512 * 1024 ** 2, segmentSize: 64 * 1024 ** 2, concurrency: 4 } });
 */
export interface LargeObjectDefaults {
  /** Known sizes above this upload as a Static Large Object. Default 1 GiB. */
  threshold: number;
  /** Size of each segment. Default 32 MiB. Memory use is about `segmentSize x (concurrency + 1)`. */
  segmentSize: number;
  /** Segments uploaded at once. Default 4. */
  concurrency: number;
}

/**
 * Options of {@link createSwiftClient}.
 * @example createSwiftClient(session, { region: 'RegionTwo', interface: 'internal' });
 */
export interface SwiftClientOptions {
  /** Region of the object-store endpoint (default: the session's region). */
  region?: string | undefined;
  /** `public` (default), `internal` (Rackspace ServiceNet) or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /** A fixed storage URL such as `https://swift.example.com/v1/AUTH_demo`, skipping the catalog. */
  endpoint?: string | undefined;
  /** Catalog service name when several object stores exist. */
  name?: string | undefined;
  /** The Rackspace CDN service (catalog type `rax:object-cdn`). Resolved only when a CDN call is made. */
  cdn?: SwiftCdnOptions | undefined;
  /** Defaults of large-object uploads. */
  largeObjects?: Partial<LargeObjectDefaults> | undefined;
}

/**
 * A client bound to one Swift (or Cloud Files) account. Create it with {@link createSwiftClient};
 * use it with the free functions of this package. `cdn` talks to the Rackspace CDN service.
 * @example const swift: SwiftClient = createSwiftClient(session);
 */
export interface SwiftClient extends ServiceClient {
  /** The Rackspace Cloud Files CDN service (`rax:object-cdn`), resolved lazily. */
  readonly cdn: ServiceClient;
  /** Large-object upload defaults of this client. */
  readonly largeObjects: Readonly<LargeObjectDefaults>;
}

/** @internal Validates a segment size. */
export function checkSegmentSize(value: unknown, field = 'segmentSize'): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < MIN_SEGMENT_SIZE ||
    value > MAX_SEGMENT_SIZE
  ) {
    throw new ValidationError(
      `${field} must be an integer between ${MIN_SEGMENT_SIZE} (1 MiB) and ${MAX_SEGMENT_SIZE} (5 GiB), got ${String(value)}`,
      field,
    );
  }
  return value;
}

/** @internal Validates a concurrency. */
export function checkConcurrency(value: unknown, field = 'concurrency'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    throw new ValidationError(`${field} must be an integer between 1 and 64, got ${String(value)}`, field);
  }
  return value;
}

/**
 * Creates a Swift client over a session. Nothing is sent until the first operation; the endpoint
 * comes from the catalog (`object-store`) unless `endpoint` is given.
 * @example
 * ```ts
 * const session = createSession({ credentials: fromPassword({ authUrl, username, password, projectName }) });
 * const swift = createSwiftClient(session, { region: 'RegionOne' });
 * for await (const c of listContainers(swift)) console.log(c.name);
 * ```
 */
export function createSwiftClient(session: Session, options: SwiftClientOptions = {}): SwiftClient {
  const largeObjects: LargeObjectDefaults = {
    threshold: options.largeObjects?.threshold ?? DEFAULT_LARGE_OBJECT_THRESHOLD,
    segmentSize: checkSegmentSize(
      options.largeObjects?.segmentSize ?? DEFAULT_SEGMENT_SIZE,
      'largeObjects.segmentSize',
    ),
    concurrency: checkConcurrency(
      options.largeObjects?.concurrency ?? DEFAULT_SEGMENT_CONCURRENCY,
      'largeObjects.concurrency',
    ),
  };
  if (!Number.isSafeInteger(largeObjects.threshold) || largeObjects.threshold < 0) {
    throw new ValidationError(
      `largeObjects.threshold must be a non-negative integer, got ${String(largeObjects.threshold)}`,
      'largeObjects.threshold',
    );
  }
  const base = createServiceClient(session, {
    type: 'object-store',
    name: options.name,
    region: options.region,
    interface: options.interface,
    endpoint: options.endpoint,
  });
  const cdn = createServiceClient(session, {
    type: 'rax:object-cdn',
    name: options.cdn?.name,
    region: options.cdn?.region ?? options.region,
    interface: options.cdn?.interface ?? options.interface,
    endpoint: options.cdn?.endpoint,
  });
  const client: SwiftClient = {
    session,
    type: base.type,
    endpoint: base.endpoint,
    request: base.request,
    stream: base.stream,
    cdn,
    largeObjects: Object.freeze(largeObjects),
  };
  Object.defineProperty(client, inspect.custom, {
    value: () => `SwiftClient { region: ${options.region ?? '(session default)'} }`,
    enumerable: false,
  });
  return client;
}

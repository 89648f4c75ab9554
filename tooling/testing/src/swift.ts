/**
 * A stateful in-memory Swift (plus the Rackspace CDN service) as msw handlers, for tests and the
 * offline demo: containers, objects, metadata, listings with delimiters, ranges, SLO/DLO, copies,
 * bulk delete, temp URLs and `/info`.
 */
import { createHmac } from 'node:crypto';
import { http, type RequestHandler } from 'msw';
import { mockEndpoints } from './identity.js';
import { cdnRoute } from './swift-fake-cdn.js';
import { bulkDeleteRoute, objectRoute } from './swift-fake-objects.js';
import {
  applyMeta,
  CONTAINER_HEADERS,
  decodePath,
  type FakeSwiftContainer,
  type FakeSwiftState,
  listingResponse,
  nowSeconds,
  objectContent,
  swiftError,
  swiftResponse,
} from './swift-fake-store.js';

export type { FakeSwiftContainer, FakeSwiftObject } from './swift-fake-store.js';

/** Options of {@link createFakeSwift}. */
export interface FakeSwiftOptions {
  /** Storage URL served. Default: the mock catalog's RegionOne object-store URL. */
  baseUrl?: string;
  /** CDN management URL served. Default: the mock catalog's RegionOne CDN URL. */
  cdnUrl?: string;
  /** Bulk delete limit announced in `/info`. Default 10 000. */
  maxDeletesPerRequest?: number;
  /**
   * Streams object downloads in chunks of this many bytes, so clients see progress.
   * Default: each body is sent whole.
   */
  chunkSize?: number | undefined;
}

/** Returns a response to short-circuit a request (failure injection), or undefined to go on. */
export type FakeSwiftInterceptor = (
  request: Request,
  target: { container?: string | undefined; object?: string | undefined },
  /** Lets the fake act on the request (once), e.g. to then drop its answer. */
  serve: () => Promise<Response>,
) => Response | undefined | Promise<Response | undefined>;

/** A stateful fake Swift. Register `handlers` with an msw server (e.g. `cloud.use(...fake.handlers)`). */
export interface FakeSwift {
  readonly baseUrl: string;
  readonly cdnUrl: string;
  readonly handlers: RequestHandler[];
  readonly containers: Map<string, FakeSwiftContainer>;
  readonly account: { metadata: Record<string, string> };
  readonly cdn: Map<string, { enabled: boolean; ttl: number; logRetention: boolean }>;
  /** `METHOD /container/object?query` of every request served (decoded), in order. */
  readonly calls: string[];
  /** The `/info` document served. */
  info: Record<string, unknown>;
  /** Runs before every storage request; the first response returned wins. */
  intercept(fn: FakeSwiftInterceptor): void;
  /** Object content (resolving large objects), or undefined. */
  content(container: string, name: string): Buffer | undefined;
  reset(): void;
}

const defaultInfo = (maxDeletes: number): Record<string, unknown> => ({
  swift: {
    version: '2.30.1',
    max_file_size: 5368709122,
    max_object_name_length: 1024,
    container_listing_limit: 10000,
  },
  bulk_delete: { max_deletes_per_request: maxDeletes, max_failed_deletes: 1000 },
  bulk_upload: { max_containers_per_extraction: 10000, max_failed_extractions: 1000 },
  slo: { max_manifest_segments: 1000, max_manifest_size: 8388608 },
  tempurl: {
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
    allowed_digests: ['sha1', 'sha256', 'sha512'],
  },
  formpost: { allowed_digests: ['sha1', 'sha256', 'sha512'] },
  dlo: {},
  versioned_writes: {},
});

/**
 * Creates a fake Swift. Tokens are not checked; temp URL signatures are.
 * @example
 * ```ts
 * const cloud = setupMockCloud();
 * const swiftFake = createFakeSwift();
 * beforeEach(() => { swiftFake.reset(); cloud.use(...swiftFake.handlers); });
 * ```
 */
export function createFakeSwift(options: FakeSwiftOptions = {}): FakeSwift {
  const base = (options.baseUrl ?? mockEndpoints('RegionOne').objectStore).replace(/\/+$/, '');
  const cdnBase = (options.cdnUrl ?? mockEndpoints('RegionOne').cdn).replace(/\/+$/, '');
  const baseUrl = new URL(base);
  const maxDeletes = options.maxDeletesPerRequest ?? 10000;
  const s: FakeSwiftState = {
    basePath: baseUrl.pathname.replace(/\/+$/, ''),
    containers: new Map(),
    account: { metadata: {} },
    cdn: new Map(),
    calls: [],
    chunkSize: options.chunkSize,
  };
  let interceptors: FakeSwiftInterceptor[] = [];

  function tempUrlValid(url: URL, method: string, c: string, o: string): boolean {
    const sig = url.searchParams.get('temp_url_sig') ?? '';
    const expires = url.searchParams.get('temp_url_expires') ?? '';
    if (!sig || Number(expires) < nowSeconds()) return false;
    const digest = sig.length === 40 ? 'sha1' : sig.length === 64 ? 'sha256' : 'sha512';
    const cm = s.containers.get(c)?.metadata ?? {};
    const keys = [
      s.account.metadata['temp-url-key'],
      s.account.metadata['temp-url-key-2'],
      cm['temp-url-key'],
      cm['temp-url-key-2'],
    ].filter((k): k is string => !!k);
    const prefix = url.searchParams.get('temp_url_prefix');
    const ip = url.searchParams.get('temp_url_ip_range');
    if (prefix !== null && !o.startsWith(prefix)) return false;
    const signed = prefix !== null ? `prefix:${s.basePath}/${c}/${prefix}` : `${s.basePath}/${c}/${o}`;
    const body = `${ip !== null ? `ip=${ip}\n` : ''}${method === 'HEAD' ? 'GET' : method}\n${expires}\n${signed}`;
    return keys.some((k) => createHmac(digest, k).update(body).digest('hex') === sig);
  }

  async function storage(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const rest = url.pathname.slice(s.basePath.length).replace(/^\//, '');
    const slash = rest.indexOf('/');
    const container = rest === '' ? undefined : decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    const object = slash < 0 ? undefined : decodePath(rest.slice(slash + 1));
    const method = request.method.toUpperCase();
    s.calls.push(`${method} /${[container, object].filter((x) => x !== undefined).join('/')}${url.search}`);
    const serve = () => route(request, url, method, container, object);
    for (const fn of interceptors) {
      const r = await fn(request, { container, object }, serve);
      if (r) return r;
    }
    return serve();
  }

  async function route(
    request: Request,
    url: URL,
    method: string,
    container: string | undefined,
    object: string | undefined,
  ): Promise<Response> {
    if (url.searchParams.has('temp_url_sig')) {
      if (!container || !object || !tempUrlValid(url, method, container, object)) {
        return swiftError(401, 'Temp URL invalid');
      }
    }
    if (container === undefined) return accountRoute(request, url, method);
    if (!object) return containerRoute(request, url, method, container);
    return objectRoute(s, request, url, method, container, object);
  }

  async function accountRoute(request: Request, url: URL, method: string): Promise<Response> {
    if (method === 'POST' && url.searchParams.has('bulk-delete'))
      return bulkDeleteRoute(s, await request.text());
    if (method === 'POST') {
      applyMeta(request.headers, 'x-account-meta-', 'x-remove-account-meta-', s.account.metadata);
      return swiftResponse(204);
    }
    let objects = 0;
    let bytes = 0;
    for (const c of s.containers.values()) {
      for (const o of c.objects.values()) {
        objects++;
        bytes += o.data.length;
      }
    }
    const headers: Record<string, string> = {
      'x-account-container-count': String(s.containers.size),
      'x-account-object-count': String(objects),
      'x-account-bytes-used': String(bytes),
      'x-timestamp': '1700000000.00000',
    };
    for (const [k, v] of Object.entries(s.account.metadata)) headers[`x-account-meta-${k}`] = v;
    if (method === 'HEAD') return swiftResponse(204, null, headers);
    if (method !== 'GET') return swiftError(400);
    const rows = [...s.containers.entries()].map(([name, c]) => ({
      name,
      count: c.objects.size,
      bytes: [...c.objects.values()].reduce((n, o) => n + o.data.length, 0),
      last_modified: new Date(c.timestamp * 1000).toISOString().replace('Z', ''),
    }));
    return listingResponse(url, rows, headers);
  }

  function containerRoute(request: Request, url: URL, method: string, name: string): Response {
    const c = s.containers.get(name);
    if (method === 'PUT') {
      const target: FakeSwiftContainer = c ?? {
        objects: new Map(),
        metadata: {},
        headers: {},
        timestamp: nowSeconds(),
      };
      applyMeta(request.headers, 'x-container-meta-', 'x-remove-container-meta-', target.metadata);
      for (const h of CONTAINER_HEADERS) {
        const v = request.headers.get(h);
        if (v !== null) target.headers[h] = v;
      }
      s.containers.set(name, target);
      return swiftResponse(c ? 202 : 201);
    }
    if (!c) return swiftError(404, 'The resource could not be found.');
    if (method === 'POST') {
      applyMeta(request.headers, 'x-container-meta-', 'x-remove-container-meta-', c.metadata);
      for (const h of CONTAINER_HEADERS) {
        const v = request.headers.get(h);
        if (v !== null) c.headers[h] = v;
        if (request.headers.has(`x-remove-${h.slice(2)}`)) delete c.headers[h];
      }
      return swiftResponse(204);
    }
    if (method === 'DELETE') {
      if (c.objects.size > 0)
        return swiftError(409, 'There was a conflict when trying to complete your request.');
      s.containers.delete(name);
      return swiftResponse(204);
    }
    const headers: Record<string, string> = {
      'x-container-object-count': String(c.objects.size),
      'x-container-bytes-used': String([...c.objects.values()].reduce((n, o) => n + o.data.length, 0)),
      'x-timestamp': c.timestamp.toFixed(5),
      ...c.headers,
    };
    for (const [k, v] of Object.entries(c.metadata)) headers[`x-container-meta-${k}`] = v;
    if (method === 'HEAD') return swiftResponse(204, null, headers);
    if (method !== 'GET') return swiftError(400);
    const rows = [...c.objects.entries()].map(([n, o]) => ({
      name: n,
      hash: o.etag,
      bytes: o.slo ? o.slo.reduce((sum, x) => sum + x.size_bytes, 0) : o.data.length,
      content_type: o.contentType,
      last_modified: new Date(o.timestamp * 1000).toISOString().replace('Z', ''),
    }));
    return listingResponse(url, rows, headers);
  }

  const cdnPath = new URL(cdnBase).pathname.replace(/\/+$/, '');
  const fake: FakeSwift = {
    baseUrl: base,
    cdnUrl: cdnBase,
    handlers: [
      http.get(`${baseUrl.origin}/info`, () =>
        swiftResponse(200, JSON.stringify(fake.info), { 'content-type': 'application/json; charset=UTF-8' }),
      ),
      http.all(base, ({ request }) => storage(request)),
      http.all(`${base}/*`, ({ request }) => storage(request)),
      http.all(cdnBase, ({ request }) => cdnRoute(s, cdnPath, request)),
      http.all(`${cdnBase}/*`, ({ request }) => cdnRoute(s, cdnPath, request)),
    ],
    containers: s.containers,
    account: s.account,
    cdn: s.cdn,
    calls: s.calls,
    info: defaultInfo(maxDeletes),
    intercept: (fn) => {
      interceptors.push(fn);
    },
    content: (c, o) => objectContent(s, c, o),
    reset() {
      s.containers.clear();
      s.cdn.clear();
      s.account.metadata = {};
      s.calls.length = 0;
      interceptors = [];
      fake.info = defaultInfo(maxDeletes);
    },
  };
  return fake;
}

import { createHash } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';

/** One stored object. */
export interface StoredObject {
  data: Buffer;
  etag: string;
  contentType: string;
  lastModified: Date;
  metadata: Record<string, string>;
}

/** One container of the in-memory account. */
export interface StoredContainer {
  objects: Map<string, StoredObject>;
  metadata: Record<string, string>;
  created: Date;
}

/** An in-memory Swift account: containers by name. */
export type SwiftAccount = Map<string, StoredContainer>;

/** Options of {@link swiftHandlers}. */
export interface SwiftHandlerOptions {
  /** Base URL of the account, e.g. `https://swift.regionone.demo.invalid/v1/AUTH_demo`. */
  baseUrl: string;
  account: SwiftAccount;
  /** Accepts or rejects the `X-Auth-Token` of a request. */
  isValidToken(token: string | null): boolean;
  /** Size of the chunks downloads are streamed in, so clients see progress. Default 256 KiB. */
  chunkSize?: number | undefined;
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
const txId = () => `tx${Math.random().toString(16).slice(2, 12)}`;

/** Swift's listing query: `prefix`, `marker`, `end_marker`, `limit`. */
function page<T extends { name: string }>(rows: T[], url: URL): T[] {
  const prefix = url.searchParams.get('prefix') ?? '';
  const marker = url.searchParams.get('marker');
  const end = url.searchParams.get('end_marker');
  const limit = Number(url.searchParams.get('limit') ?? 10_000);
  return rows
    .filter((r) => r.name.startsWith(prefix) && (!marker || r.name > marker) && (!end || r.name < end))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}

const metaHeaders = (prefix: string, meta: Record<string, string>) =>
  Object.fromEntries(Object.entries(meta).map(([k, v]) => [`${prefix}${k}`, v]));

function readMeta(headers: Headers, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => {
    if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  });
  return out;
}

function streamBody(data: Buffer, chunkSize: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      controller.enqueue(data.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

const notFound = () =>
  new HttpResponse('<html><h1>Not Found</h1></html>', { status: 404, headers: { 'x-trans-id': txId() } });

/**
 * msw handlers of a small Swift account kept in memory: account, container and object GET/HEAD/
 * PUT/POST/DELETE with JSON listings, ETags (MD5) and streamed downloads, as the Swift API describes.
 */
export function swiftHandlers(options: SwiftHandlerOptions): RequestHandler[] {
  const { baseUrl, account } = options;
  const chunkSize = options.chunkSize ?? 256 * 1024;
  const guard = (request: Request) =>
    options.isValidToken(request.headers.get('x-auth-token'))
      ? undefined
      : new HttpResponse('<html><h1>Unauthorized</h1></html>', { status: 401 });

  const accountHeaders = () => {
    let objects = 0;
    let bytes = 0;
    for (const c of account.values()) {
      for (const o of c.objects.values()) {
        objects += 1;
        bytes += o.data.length;
      }
    }
    return {
      'x-account-container-count': String(account.size),
      'x-account-object-count': String(objects),
      'x-account-bytes-used': String(bytes),
      'x-trans-id': txId(),
    };
  };
  const containerStats = (c: StoredContainer) => {
    let bytes = 0;
    for (const o of c.objects.values()) bytes += o.data.length;
    return { count: c.objects.size, bytes };
  };

  const onAccount = async ({ request }: { request: Request }) => {
    const denied = guard(request);
    if (denied) return denied;
    const headers = accountHeaders();
    if (request.method === 'HEAD') return new HttpResponse(null, { status: 204, headers });
    const rows = [...account].map(([name, c]) => ({
      name,
      ...containerStats(c),
      last_modified: c.created.toISOString(),
    }));
    return HttpResponse.json(page(rows, new URL(request.url)), { headers });
  };

  /** The container and object names of a request, decoded from its raw path. */
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const namesOf = (request: Request) => {
    const [container = '', ...object] = new URL(request.url).pathname.slice(basePath.length + 1).split('/');
    return { container: decodeURIComponent(container), object: object.map(decodeURIComponent).join('/') };
  };

  const onContainer = async ({ request }: { request: Request }) => {
    const denied = guard(request);
    if (denied) return denied;
    const name = namesOf(request).container;
    const c = account.get(name);
    switch (request.method) {
      case 'PUT': {
        if (c) return new HttpResponse(null, { status: 202 });
        account.set(name, {
          objects: new Map(),
          metadata: readMeta(request.headers, 'x-container-meta-'),
          created: new Date(),
        });
        return new HttpResponse(null, { status: 201, headers: { 'x-trans-id': txId() } });
      }
      case 'POST':
        if (!c) return notFound();
        Object.assign(c.metadata, readMeta(request.headers, 'x-container-meta-'));
        return new HttpResponse(null, { status: 204 });
      case 'DELETE':
        if (!c) return notFound();
        if (c.objects.size > 0)
          return new HttpResponse(
            '<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>',
            { status: 409 },
          );
        account.delete(name);
        return new HttpResponse(null, { status: 204 });
      default: {
        if (!c) return notFound();
        const stats = containerStats(c);
        const headers = {
          'x-container-object-count': String(stats.count),
          'x-container-bytes-used': String(stats.bytes),
          ...metaHeaders('x-container-meta-', c.metadata),
        };
        if (request.method === 'HEAD') return new HttpResponse(null, { status: 204, headers });
        const rows = [...c.objects].map(([objName, o]) => ({
          name: objName,
          hash: o.etag,
          bytes: o.data.length,
          content_type: o.contentType,
          last_modified: o.lastModified.toISOString(),
        }));
        return HttpResponse.json(page(rows, new URL(request.url)), { headers });
      }
    }
  };

  const onObject = async ({ request }: { request: Request }) => {
    const denied = guard(request);
    if (denied) return denied;
    const { container, object: name } = namesOf(request);
    const c = account.get(container);
    if (!c) return notFound();
    const o = c.objects.get(name);
    switch (request.method) {
      case 'PUT': {
        const data = Buffer.from(await request.arrayBuffer());
        const etag = md5(data);
        const expected = request.headers.get('etag');
        if (expected && expected.replace(/"/g, '') !== etag) {
          return new HttpResponse('<html><h1>Unprocessable Entity</h1></html>', { status: 422 });
        }
        c.objects.set(name, {
          data,
          etag,
          contentType: request.headers.get('content-type') ?? 'application/octet-stream',
          lastModified: new Date(),
          metadata: readMeta(request.headers, 'x-object-meta-'),
        });
        return new HttpResponse(null, { status: 201, headers: { etag, 'x-trans-id': txId() } });
      }
      case 'DELETE':
        if (!o) return notFound();
        c.objects.delete(name);
        return new HttpResponse(null, { status: 204 });
      default: {
        if (!o) return notFound();
        const headers = {
          etag: o.etag,
          'content-type': o.contentType,
          'content-length': String(o.data.length),
          'last-modified': o.lastModified.toUTCString(),
          'x-trans-id': txId(),
          ...metaHeaders('x-object-meta-', o.metadata),
        };
        if (request.method === 'HEAD') return new HttpResponse(null, { status: 200, headers });
        return new HttpResponse(streamBody(o.data, chunkSize), { status: 200, headers });
      }
    }
  };

  const base = new URL(baseUrl);
  const infoUrl = `${base.origin}${base.pathname.replace(/\/v1(\/.*)?$/, '')}/info`;
  return [
    http.get(infoUrl, () =>
      HttpResponse.json({
        swift: { version: '2.x-demo', max_file_size: 5_368_709_122, container_listing_limit: 10_000 },
        slo: { max_manifest_segments: 1000, min_segment_size: 1 },
      }),
    ),
    http.all(baseUrl, onAccount),
    http.all(`${baseUrl}/`, onAccount),
    http.all(`${baseUrl}/:container`, onContainer),
    http.all(`${baseUrl}/:container/*`, onObject),
  ];
}

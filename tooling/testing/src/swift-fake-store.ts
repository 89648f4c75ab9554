/** Storage model and helpers of the fake Swift behind `@cloud/testing/swift`. */
import { createHash } from 'node:crypto';
import { HttpResponse } from 'msw';

/** One stored object of the fake. */
export interface FakeSwiftObject {
  data: Buffer;
  contentType: string;
  etag: string;
  /** `x-object-meta-*` headers as received (raw bytes as Latin-1). */
  metadata: Record<string, string>;
  /** Other stored headers (`content-disposition`, `x-delete-at`, `x-object-manifest`, ...). */
  headers: Record<string, string>;
  /** Segments of a Static Large Object manifest. */
  slo?: { path: string; etag: string; size_bytes: number }[] | undefined;
  timestamp: number;
}

/** One container of the fake. */
export interface FakeSwiftContainer {
  objects: Map<string, FakeSwiftObject>;
  /** `x-container-meta-*` headers as received. */
  metadata: Record<string, string>;
  /** ACL, versioning and policy headers as received. */
  headers: Record<string, string>;
  timestamp: number;
}

/** Headers an object POST replaces along with user metadata (as in Swift). */
export const OBJECT_POST_HEADERS = [
  'content-disposition',
  'content-encoding',
  'content-language',
  'cache-control',
  'expires',
  'x-delete-at',
  'x-object-manifest',
  'x-robots-tag',
];

/** Container headers stored as they are sent. */
export const CONTAINER_HEADERS = [
  'x-container-read',
  'x-container-write',
  'x-versions-location',
  'x-history-location',
  'x-versions-enabled',
  'x-storage-policy',
];

export const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');

let txCounter = 0;
/** A Swift-style response with an `x-trans-id`. */
export function swiftResponse(
  status: number,
  body: string | Uint8Array | ReadableStream<Uint8Array> | null = null,
  headers: Record<string, string> = {},
) {
  txCounter += 1;
  return new HttpResponse(body as ConstructorParameters<typeof HttpResponse>[0], {
    status,
    headers: { 'x-trans-id': `tx${String(txCounter).padStart(6, '0')}`, ...headers },
  });
}

const TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  416: 'Requested Range Not Satisfiable',
  422: 'Unprocessable Entity',
  503: 'Service Unavailable',
};

/** An error answer shaped like Swift's short HTML bodies. */
export const swiftError = (status: number, detail = '') =>
  swiftResponse(status, `<html><h1>${TEXT[status] ?? 'Error'}</h1><p>${detail}</p></html>`, {
    'content-type': 'text/html; charset=UTF-8',
  });

/** Swift compares names by their UTF-8 bytes. */
export const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Copies `<prefix>*` headers of a request into `target`; an empty value or `x-remove-` removes. */
export function applyMeta(
  headers: Headers,
  prefix: string,
  removePrefix: string,
  target: Record<string, string>,
) {
  headers.forEach((value, name) => {
    const n = name.toLowerCase();
    if (n.startsWith(prefix)) {
      const key = n.slice(prefix.length);
      if (value === '') delete target[key];
      else target[key] = value;
    } else if (n.startsWith(removePrefix)) {
      delete target[n.slice(removePrefix.length)];
    }
  });
}

/** Node's fetch headers hold Latin-1 strings for raw bytes; keep them byte-exact. */
export const latin1 = (v: string) => Buffer.from(v, 'latin1').toString('latin1');

/** Parses a `Range` header against a size: `[start, end]` inclusive, `'unsatisfiable'`, or undefined. */
export function parseRange(
  value: string | null,
  size: number,
): [number, number] | 'unsatisfiable' | undefined {
  if (!value) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!m) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}

/** Splits `/container/object` (decoded) into its parts. */
export function splitRef(path: string): { container: string; name: string } {
  const p = path.replace(/^\//, '');
  const i = p.indexOf('/');
  return i < 0 ? { container: p, name: '' } : { container: p.slice(0, i), name: p.slice(i + 1) };
}

/** Decodes a `/`-separated encoded path. */
export const decodePath = (p: string) => p.split('/').map(decodeURIComponent).join('/');

/** The state the fake's route groups share. */
export interface FakeSwiftState {
  /** Path of the storage URL, e.g. `/v1/AUTH_x`. */
  basePath: string;
  containers: Map<string, FakeSwiftContainer>;
  account: { metadata: Record<string, string> };
  cdn: Map<string, { enabled: boolean; ttl: number; logRetention: boolean }>;
  calls: string[];
  /** Object bodies are streamed in chunks of this size; undefined sends each body whole. */
  chunkSize?: number | undefined;
}

/** An object body: the bytes whole, or as a stream of `chunkSize` chunks when one is set. */
export function objectBody(s: FakeSwiftState, data: Buffer): Uint8Array | ReadableStream<Uint8Array> {
  const size = s.chunkSize;
  if (!size || data.length <= size) return new Uint8Array(data);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) {
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(data.subarray(offset, offset + size)));
      offset += size;
    },
  });
}

export const nowSeconds = () => Date.now() / 1000;

export const findObject = (s: FakeSwiftState, c: string, o: string) => s.containers.get(c)?.objects.get(o);

/** Objects of a DLO manifest (`<container>/<prefix>`, encoded), in name order. */
export function dloSegments(s: FakeSwiftState, manifest: string): FakeSwiftObject[] {
  const { container, name: prefix } = splitRef(`/${decodePath(manifest)}`);
  const objs = s.containers.get(container)?.objects;
  if (!objs) return [];
  return [...objs.entries()]
    .filter(([n]) => n.startsWith(prefix))
    .sort(([a], [b]) => byteOrder(a, b))
    .map(([, v]) => v);
}

/** The bytes of an object, following SLO and DLO manifests. */
export function objectContent(s: FakeSwiftState, c: string, o: string): Buffer | undefined {
  const obj = findObject(s, c, o);
  if (!obj) return undefined;
  if (obj.slo) {
    return Buffer.concat(
      obj.slo.map((seg) => {
        const ref = splitRef(seg.path);
        return objectContent(s, ref.container, ref.name) ?? Buffer.alloc(0);
      }),
    );
  }
  const manifest = obj.headers['x-object-manifest'];
  if (manifest) return Buffer.concat(dloSegments(s, manifest).map((seg) => seg.data));
  return obj.data;
}

/** Response headers of an object. */
export function objectHeaders(s: FakeSwiftState, obj: FakeSwiftObject, size: number): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': obj.contentType,
    'content-length': String(size),
    etag: obj.etag,
    'last-modified': new Date(obj.timestamp * 1000).toUTCString(),
    'x-timestamp': obj.timestamp.toFixed(5),
    'accept-ranges': 'bytes',
    ...obj.headers,
  };
  for (const [k, v] of Object.entries(obj.metadata)) h[`x-object-meta-${k}`] = v;
  const manifest = obj.headers['x-object-manifest'];
  if (obj.slo) {
    h['x-static-large-object'] = 'True';
    h.etag = `"${obj.etag}"`;
  } else if (manifest) {
    h.etag = `"${md5(
      dloSegments(s, manifest)
        .map((seg) => seg.etag)
        .join(''),
    )}"`;
  }
  return h;
}

type Row = { name: string } | { subdir: string };

/** A JSON listing with prefix, delimiter, marker, end_marker, limit and reverse, as Swift does. */
export function listingResponse(url: URL, rows: Row[], headers: Record<string, string>): Response {
  const q = url.searchParams;
  const key = (r: Row) => ('name' in r ? r.name : r.subdir);
  const prefix = q.get('prefix') ?? '';
  let out = rows.filter((r) => key(r).startsWith(prefix)).sort((a, b) => byteOrder(key(a), key(b)));
  const delimiter = q.get('delimiter');
  if (delimiter) {
    const seen = new Set<string>();
    out = out.flatMap((r) => {
      const n = key(r);
      const i = n.indexOf(delimiter, prefix.length);
      if (i < 0) return [r];
      const subdir = n.slice(0, i + 1);
      if (seen.has(subdir)) return [];
      seen.add(subdir);
      return [{ subdir }];
    });
  }
  const reverse = q.get('reverse') === 'true';
  if (reverse) out.reverse();
  const marker = q.get('marker');
  const end = q.get('end_marker');
  const before = (a: string, b: string) => (reverse ? byteOrder(a, b) > 0 : byteOrder(a, b) < 0);
  if (marker) out = out.filter((r) => before(marker, key(r)));
  if (end) out = out.filter((r) => before(key(r), end));
  out = out.slice(0, Number(q.get('limit') ?? 10000));
  if (out.length === 0) return swiftResponse(204, null, headers);
  return swiftResponse(200, JSON.stringify(out), {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
  });
}

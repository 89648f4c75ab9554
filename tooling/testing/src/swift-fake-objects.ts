/** Object routes of the fake Swift behind `@cloud/testing/swift`. */
import {
  applyMeta,
  decodePath,
  type FakeSwiftContainer,
  type FakeSwiftObject,
  type FakeSwiftState,
  findObject,
  md5,
  nowSeconds,
  OBJECT_POST_HEADERS,
  objectBody,
  objectContent,
  objectHeaders,
  parseRange,
  splitRef,
  swiftError,
  swiftResponse,
} from './swift-fake-store.js';

const json = { 'content-type': 'application/json' };

/** Serves PUT, COPY, POST, DELETE, GET and HEAD on one object. */
export async function objectRoute(
  s: FakeSwiftState,
  request: Request,
  url: URL,
  method: string,
  c: string,
  o: string,
): Promise<Response> {
  const cont = s.containers.get(c);
  const obj = cont?.objects.get(o);
  const q = url.searchParams;
  if (method === 'PUT') {
    if (!cont) return swiftError(404, 'The resource could not be found.');
    if (request.headers.get('if-none-match') === '*' && obj) return swiftError(412);
    const copyFrom = request.headers.get('x-copy-from');
    if (copyFrom) return copy(s, splitRef(decodePath(copyFrom)), { container: c, name: o }, request.headers);
    const data = Buffer.from(await request.arrayBuffer());
    if (q.get('multipart-manifest') === 'put') return putSlo(s, cont, o, data, request.headers);
    const etag = md5(data);
    const sent = request.headers.get('etag');
    if (sent && sent.replace(/"/g, '').toLowerCase() !== etag) return swiftError(422, 'Etag mismatch');
    cont.objects.set(o, newObject(data, etag, request.headers));
    return swiftResponse(201, null, { etag, 'last-modified': new Date().toUTCString() });
  }
  if (method === 'COPY') {
    const dest = request.headers.get('destination');
    if (!dest) return swiftError(412, 'Destination header required');
    return copy(s, { container: c, name: o }, splitRef(decodePath(dest)), request.headers);
  }
  if (!cont || !obj) return swiftError(404, 'The resource could not be found.');
  if (method === 'POST') {
    // Swift replaces all user metadata and the POST-able headers with what the request carries.
    obj.metadata = {};
    applyMeta(request.headers, 'x-object-meta-', 'x-remove-object-meta-', obj.metadata);
    const kept: Record<string, string> = {};
    for (const h of OBJECT_POST_HEADERS) {
      const v = request.headers.get(h);
      if (v !== null) kept[h] = v;
    }
    const after = request.headers.get('x-delete-after');
    if (after) kept['x-delete-at'] = String(Math.floor(nowSeconds()) + Number(after));
    obj.headers = kept;
    const ct = request.headers.get('content-type');
    if (ct) obj.contentType = ct;
    return swiftResponse(202);
  }
  if (method === 'DELETE') {
    if (q.get('multipart-manifest') === 'delete' && obj.slo) {
      let deleted = 1;
      for (const seg of obj.slo) {
        const ref = splitRef(seg.path);
        if (s.containers.get(ref.container)?.objects.delete(ref.name)) deleted++;
      }
      cont.objects.delete(o);
      return swiftResponse(
        200,
        JSON.stringify({
          'Number Not Found': 0,
          'Response Status': '200 OK',
          Errors: [],
          'Number Deleted': deleted,
          'Response Body': '',
        }),
        json,
      );
    }
    cont.objects.delete(o);
    return swiftResponse(204);
  }
  if (method === 'GET' && q.get('multipart-manifest') === 'get' && obj.slo) {
    const rows = obj.slo.map((seg) => ({
      name: seg.path,
      hash: seg.etag,
      bytes: seg.size_bytes,
      content_type: 'application/octet-stream',
    }));
    return swiftResponse(200, JSON.stringify(rows), { ...json, 'x-static-large-object': 'True' });
  }
  const data = objectContent(s, c, o) ?? Buffer.alloc(0);
  const headers = objectHeaders(s, obj, data.length);
  const etag = (headers.etag ?? '').replace(/"/g, '');
  const ifMatch = request.headers.get('if-match');
  if (ifMatch && ifMatch.replace(/"/g, '') !== etag) return swiftError(412);
  const ifNone = request.headers.get('if-none-match');
  if (ifNone && ifNone.replace(/"/g, '') === etag)
    return swiftResponse(304, null, { etag: headers.etag ?? '' });
  if (method === 'HEAD') return swiftResponse(200, null, headers);
  const range = parseRange(request.headers.get('range'), data.length);
  if (range === 'unsatisfiable') return swiftError(416);
  if (range) {
    const [start, end] = range;
    return swiftResponse(206, objectBody(s, data.subarray(start, end + 1)), {
      ...headers,
      'content-length': String(end - start + 1),
      'content-range': `bytes ${start}-${end}/${data.length}`,
    });
  }
  return swiftResponse(200, objectBody(s, data), headers);
}

/** A new stored object from request headers. */
export function newObject(data: Buffer, etag: string, h: Headers): FakeSwiftObject {
  const obj: FakeSwiftObject = {
    data,
    etag,
    contentType: h.get('content-type') ?? 'application/octet-stream',
    metadata: {},
    headers: {},
    timestamp: nowSeconds(),
  };
  applyMeta(h, 'x-object-meta-', 'x-remove-object-meta-', obj.metadata);
  for (const name of OBJECT_POST_HEADERS) {
    const v = h.get(name);
    if (v !== null) obj.headers[name] = v;
  }
  const after = h.get('x-delete-after');
  if (after) obj.headers['x-delete-at'] = String(Math.floor(nowSeconds()) + Number(after));
  return obj;
}

function putSlo(s: FakeSwiftState, cont: FakeSwiftContainer, o: string, body: Buffer, h: Headers): Response {
  let segments: { path: string; etag?: string | null; size_bytes?: number | null }[];
  try {
    segments = JSON.parse(body.toString('utf8'));
  } catch {
    return swiftError(400, 'Manifest must be valid JSON.');
  }
  if (!Array.isArray(segments) || segments.length === 0)
    return swiftError(400, 'Manifest must list segments.');
  const resolved: { path: string; etag: string; size_bytes: number }[] = [];
  for (const seg of segments) {
    const ref = splitRef(seg.path);
    const stored = findObject(s, ref.container, ref.name);
    if (!stored) return swiftError(400, `${seg.path}: 404 Not Found`);
    if (seg.etag && seg.etag !== stored.etag) return swiftError(400, `${seg.path}: Etag Mismatch`);
    if (seg.size_bytes != null && seg.size_bytes !== stored.data.length) {
      return swiftError(400, `${seg.path}: Size Mismatch`);
    }
    resolved.push({ path: seg.path, etag: stored.etag, size_bytes: stored.data.length });
  }
  const etag = md5(resolved.map((seg) => seg.etag).join(''));
  const obj = newObject(Buffer.alloc(0), etag, h);
  obj.slo = resolved;
  cont.objects.set(o, obj);
  return swiftResponse(201, null, { etag: `"${etag}"` });
}

function copy(
  s: FakeSwiftState,
  from: { container: string; name: string },
  to: { container: string; name: string },
  h: Headers,
): Response {
  const src = findObject(s, from.container, from.name);
  const dest = s.containers.get(to.container);
  if (!src || !dest) return swiftError(404, 'The resource could not be found.');
  const data = objectContent(s, from.container, from.name) ?? Buffer.alloc(0);
  const obj = newObject(data, md5(data), h);
  if (!h.get('x-fresh-metadata')) obj.metadata = { ...src.metadata, ...obj.metadata };
  if (!h.get('content-type')) obj.contentType = src.contentType;
  dest.objects.set(to.name, obj);
  return swiftResponse(201, null, {
    etag: obj.etag,
    'x-copied-from-last-modified': new Date(src.timestamp * 1000).toUTCString(),
  });
}

/** Serves `POST /?bulk-delete`: newline-separated, encoded `/container[/object]` paths. */
export function bulkDeleteRoute(s: FakeSwiftState, body: string): Response {
  const errors: [string, string][] = [];
  let deleted = 0;
  let notFound = 0;
  for (const line of body.split('\n')) {
    if (!line.trim()) continue;
    const { container, name } = splitRef(decodePath(line.trim()));
    const c = s.containers.get(container);
    if (!name) {
      if (!c) notFound++;
      else if (c.objects.size > 0) errors.push([line.trim(), '409 Conflict']);
      else {
        s.containers.delete(container);
        deleted++;
      }
    } else if (c?.objects.delete(name)) deleted++;
    else notFound++;
  }
  return swiftResponse(
    200,
    JSON.stringify({
      'Number Not Found': notFound,
      'Response Status': errors.length ? '400 Bad Request' : '200 OK',
      Errors: errors,
      'Number Deleted': deleted,
      'Response Body': '',
    }),
    json,
  );
}

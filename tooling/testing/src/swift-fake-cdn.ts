/** The Rackspace CDN management service of the fake Swift behind `@cloud/testing/swift`. */
import {
  byteOrder,
  decodePath,
  type FakeSwiftState,
  listingResponse,
  md5,
  swiftError,
  swiftResponse,
} from './swift-fake-store.js';

const uris = (name: string) => {
  const h = md5(name).slice(0, 20);
  return {
    'x-cdn-uri': `http://${h}.r1.cf1.rackcdn.com`,
    'x-cdn-ssl-uri': `https://${h}.ssl.cf1.rackcdn.com`,
    'x-cdn-streaming-uri': `http://${h}.r1.stream.cf1.rackcdn.com`,
    'x-cdn-ios-uri': `http://${h}.iosr.cf1.rackcdn.com`,
  };
};

const flag = (v: string | null) => (v === null ? undefined : /^true$/i.test(v));

/** Serves the CDN account listing, container PUT/POST/HEAD and object purges (DELETE). */
export function cdnRoute(s: FakeSwiftState, cdnPath: string, request: Request): Response {
  const url = new URL(request.url);
  const rest = url.pathname.slice(cdnPath.length).replace(/^\//, '');
  const method = request.method.toUpperCase();
  s.calls.push(`CDN ${method} /${decodePath(rest)}${url.search}`);
  const [rawName, ...objectParts] = rest.split('/');
  const name = rawName ? decodeURIComponent(rawName) : undefined;
  if (!name) {
    const rows = [...s.cdn.entries()]
      .filter(([, v]) => v.enabled || url.searchParams.get('enabled_only') !== 'true')
      .sort(([a], [b]) => byteOrder(a, b))
      .map(([n, v]) => {
        const u = uris(n);
        return {
          name: n,
          cdn_enabled: v.enabled,
          ttl: v.ttl,
          log_retention: v.logRetention,
          cdn_uri: u['x-cdn-uri'],
          cdn_ssl_uri: u['x-cdn-ssl-uri'],
          cdn_streaming_uri: u['x-cdn-streaming-uri'],
          cdn_ios_uri: u['x-cdn-ios-uri'],
        };
      });
    return listingResponse(url, rows, {});
  }
  const entry = s.cdn.get(name);
  if (method === 'PUT' || method === 'POST') {
    if (method === 'POST' && !entry) return swiftError(404);
    const next = entry ?? { enabled: true, ttl: 259200, logRetention: false };
    next.enabled = flag(request.headers.get('x-cdn-enabled')) ?? next.enabled;
    next.ttl = Number(request.headers.get('x-ttl') ?? next.ttl);
    next.logRetention = flag(request.headers.get('x-log-retention')) ?? next.logRetention;
    s.cdn.set(name, next);
    return swiftResponse(method === 'PUT' ? (entry ? 202 : 201) : 202, null, uris(name));
  }
  if (!entry) return swiftError(404);
  if (method === 'HEAD') {
    return swiftResponse(204, null, {
      ...uris(name),
      'x-cdn-enabled': entry.enabled ? 'True' : 'False',
      'x-ttl': String(entry.ttl),
      'x-log-retention': entry.logRetention ? 'True' : 'False',
    });
  }
  if (method === 'DELETE' && objectParts.length > 0) return swiftResponse(204);
  return swiftError(400);
}

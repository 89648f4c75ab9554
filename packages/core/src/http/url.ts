import { ValidationError } from '../errors/errors.js';

/**
 * Percent-encodes one path segment. Unlike `encodeURIComponent`, it also encodes `!'()*` and turns
 * the segments `.` and `..` into `%2E`/`%2E%2E` so they are never collapsed as relative paths.
 * @example encodeSegment('a b/c') // 'a%20b%2Fc'
 */
export function encodeSegment(segment: string): string {
  if (segment === '.' || segment === '..') return segment.replace(/\./g, '%2E');
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Encodes every `/`-separated segment of a path, keeping the separators (Swift object names). */
export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/** Values accepted in a query string; `undefined` and `null` entries are left out, arrays repeat the key. */
export type SearchParamValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly (string | number | boolean)[];

/** Serialises query parameters in insertion order. */
export function buildQuery(params: Record<string, SearchParamValue> | undefined): string {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Joins an endpoint base URL and an already-encoded relative path. Absolute `http(s)://` paths
 * (e.g. `next` links) are returned unchanged.
 */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const b = base.replace(/\/+$/, '');
  if (!path) return b;
  return `${b}/${path.replace(/^\/+/, '')}`;
}

/** Checks that a URL is absolute http(s) and returns it without a trailing slash. */
export function normalizeBaseUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(`${field} must be an absolute http(s) URL, got "${value}"`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`${field} must use http or https, got "${url.protocol}"`, field);
  }
  return value.replace(/\/+$/, '');
}

import { headerValue, type ResponseHeaders, redactHeaders } from '@cloud/core/service';
import { checkHeaderValue } from './validate.js';

export type { ResponseHeaders };

/** @internal First value of a header. */
export const header = headerValue;

/** @internal Integer value of a header, or undefined. */
export const intHeader = (headers: ResponseHeaders, name: string): number | undefined => {
  const v = header(headers, name);
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** @internal A Swift boolean header (`true`, `True`, `yes`, `1`). */
export const boolHeader = (headers: ResponseHeaders, name: string): boolean | undefined => {
  const v = header(headers, name);
  if (v === undefined) return undefined;
  return /^(true|yes|on|1)$/i.test(v.trim());
};

/** @internal A Swift timestamp header (seconds since the epoch, fractional). */
export const timestampHeader = (headers: ResponseHeaders, name: string): Date | undefined => {
  const n = intHeader(headers, name);
  return n === undefined ? undefined : new Date(n * 1000);
};

/** @internal An HTTP date header. */
export const dateHeader = (headers: ResponseHeaders, name: string): Date | undefined => {
  const v = header(headers, name);
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** @internal Strips the quotes Swift puts around large-object ETags. */
export const unquote = (etag: string | undefined): string | undefined => etag?.replace(/^"(.*)"$/, '$1');

/**
 * @internal Header values travel as bytes: Swift stores UTF-8, Node reads and writes Latin-1. Encode
 * a value so its UTF-8 bytes go on the wire.
 */
export const encodeHeaderValue = (value: string, field = 'header'): string =>
  Buffer.from(checkHeaderValue(value, field), 'utf8').toString('latin1');

/** @internal Reverses {@link encodeHeaderValue}; values that are not UTF-8 are returned as read. */
export function decodeHeaderValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is for bytes above ASCII
  if (!/[^\x00-\x7f]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? value : decoded;
}

/** @internal `{ key: value }` -> `{ '<prefix>key': value }` with UTF-8 values. */
export function metadataToHeaders(prefix: string, metadata: Record<string, string> | undefined) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata ?? {})) {
    out[`${prefix}${k.toLowerCase()}`] = encodeHeaderValue(v, `metadata.${k}`);
  }
  return out;
}

/** @internal Headers that remove metadata keys (`X-Remove-<Type>-Meta-<key>`). */
export function removalHeaders(prefix: string, keys: readonly string[]) {
  const out: Record<string, string> = {};
  for (const k of keys) out[`${prefix}${k.toLowerCase()}`] = 'x';
  return out;
}

/** @internal Collects `<prefix>*` headers into a metadata map with lower-cased keys. */
export function headersToMetadata(
  prefix: string,
  headers: ResponseHeaders,
  exclude: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(prefix) || value === undefined) continue;
    const key = name.slice(prefix.length);
    if (exclude.includes(key)) continue;
    out[key] = decodeHeaderValue(Array.isArray(value) ? value.join(', ') : value);
  }
  return out;
}

/** @internal Every response header, joined, secrets (temp URL keys) redacted. */
export const plainHeaders = (headers: ResponseHeaders): Record<string, string> => redactHeaders(headers);

/** @internal Temp URL keys set through plain metadata: secrets an error must never repeat. */
export const tempUrlKeySecrets = (metadata: Record<string, string>): string[] =>
  Object.entries(metadata)
    .filter(([k]) => /^temp-url-key(-2)?$/i.test(k))
    .map(([, v]) => v);

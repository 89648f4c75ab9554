import { createHmac } from 'node:crypto';
import { type RequestOptions, ValidationError } from '@cloud/core';
import { encodePath, encodeSegment } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { containerPath } from '../containers/urls.js';
import { TempUrlKeyMissingError } from '../errors.js';
import { header } from '../internal/headers.js';
import { checkContainerName, checkObjectName } from '../internal/validate.js';

/**
 * HMAC digests Swift accepts for temp URL and form signatures.
 * @example await createTempUrl(swift, 'c', 'o', { expiresIn: 60, digest: 'sha512' });
 */
export type TempUrlDigest = 'sha1' | 'sha256' | 'sha512';
/**
 * Methods a temp URL can allow.
 * @example await createTempUrl(swift, 'c', 'upload.bin', { method: 'PUT', expiresIn: 300 });
 */
export type TempUrlMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

/**
 * When a signature stops working: an absolute time or a lifetime from now.
 * @example await createTempUrl(swift, 'c', 'o', { expiresAt: new Date(Date.now() + 3_600_000) });
 */
export interface SignatureExpiry {
  /** Absolute expiry (a Date or Unix seconds). */
  expiresAt?: Date | number | undefined;
  /** Lifetime in seconds from now. */
  expiresIn?: number | undefined;
}

/**
 * Parameters shared by {@link buildTempUrl} and {@link createTempUrl}.
 * @example await createTempUrl(swift, 'c', 'o', { expiresIn: 60, ipRange: '203.0.113.0/24', inline: true });
 */
export interface TempUrlOptions extends SignatureExpiry {
  /** Default GET. */
  method?: TempUrlMethod | undefined;
  /** Default sha256. */
  digest?: TempUrlDigest | undefined;
  /** Sign a name prefix instead of the one object: the URL then works for any name starting with it. */
  prefix?: string | undefined;
  /** Restrict to client addresses, e.g. `203.0.113.0/24`. */
  ipRange?: string | undefined;
  /** Ask Swift to send `Content-Disposition: attachment; filename=...`. */
  filename?: string | undefined;
  /** Ask Swift to send `Content-Disposition: inline`. */
  inline?: boolean | undefined;
}

/**
 * Parameters of {@link buildTempUrl}.
 * @example buildTempUrl({ endpoint, container: 'c', name: 'o', key, expiresIn: 60 });
 */
export interface BuildTempUrlParams extends TempUrlOptions {
  /** The storage URL, e.g. `https://swift.example.com/v1/AUTH_demo`. */
  endpoint: string;
  container: string;
  name: string;
  /** The temp URL key (account or container `Temp-URL-Key`). */
  key: string;
}

const DIGESTS: readonly TempUrlDigest[] = ['sha1', 'sha256', 'sha512'];
const METHODS: readonly TempUrlMethod[] = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];

/** @internal Unix seconds of an expiry. */
export function expiryOf(p: SignatureExpiry, now = Date.now()): number {
  if (p.expiresAt !== undefined && p.expiresIn !== undefined) {
    throw new ValidationError('give expiresAt or expiresIn, not both', 'expiresIn');
  }
  if (p.expiresIn !== undefined) {
    if (!Number.isFinite(p.expiresIn) || p.expiresIn <= 0) {
      throw new ValidationError(
        `expiresIn must be a positive number of seconds, got ${p.expiresIn}`,
        'expiresIn',
      );
    }
    return Math.floor(now / 1000 + p.expiresIn);
  }
  if (p.expiresAt === undefined) throw new ValidationError('expiresAt or expiresIn is required', 'expiresIn');
  const s = p.expiresAt instanceof Date ? Math.floor(p.expiresAt.getTime() / 1000) : p.expiresAt;
  if (!Number.isSafeInteger(s) || s <= 0) {
    throw new ValidationError(
      `expiresAt must be a valid Date or Unix seconds, got ${String(p.expiresAt)}`,
      'expiresAt',
    );
  }
  return s;
}

/** @internal The decoded path of a storage URL (what Swift signs), without a trailing slash. */
export const storagePathOf = (endpoint: string): string => {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ValidationError(`endpoint must be an absolute URL, got "${endpoint}"`, 'endpoint');
  }
  return decodeURIComponent(url.pathname).replace(/\/+$/, '');
};

/** @internal Hex HMAC. */
export const hmacHex = (digest: TempUrlDigest, key: string, body: string): string =>
  createHmac(digest, key).update(body).digest('hex');

/** @internal */
export function checkDigest(digest: unknown): TempUrlDigest {
  if (!DIGESTS.includes(digest as TempUrlDigest)) {
    throw new ValidationError(`digest must be one of ${DIGESTS.join(', ')}, got ${String(digest)}`, 'digest');
  }
  return digest as TempUrlDigest;
}

/**
 * Builds a temp URL: a time-limited URL that lets anyone holding it GET (or PUT, ...) one object
 * without a token. A pure function: no request is sent. The signature is an HMAC (sha256 by
 * default) over the method, expiry and the object's path.
 * @example
 * ```ts
 * const url = buildTempUrl({ endpoint: 'https://swift.example.com/v1/AUTH_demo', container: 'c',
 *   name: 'report.pdf', key, expiresIn: 3600 });
 * ```
 */
export function buildTempUrl(params: BuildTempUrlParams, now = Date.now()): string {
  checkContainerName(params.container);
  checkObjectName(params.name);
  if (typeof params.key !== 'string' || params.key === '') {
    throw new ValidationError('key must be a non-empty string', 'key');
  }
  const method = params.method ?? 'GET';
  if (!METHODS.includes(method)) {
    throw new ValidationError(`method must be one of ${METHODS.join(', ')}, got ${String(method)}`, 'method');
  }
  const digest = checkDigest(params.digest ?? 'sha256');
  const expires = expiryOf(params, now);
  const base = storagePathOf(params.endpoint);
  if (params.prefix !== undefined && !params.name.startsWith(params.prefix)) {
    throw new ValidationError('name must start with prefix', 'prefix');
  }
  const signedPath =
    params.prefix !== undefined
      ? `prefix:${base}/${params.container}/${params.prefix}`
      : `${base}/${params.container}/${params.name}`;
  let body = `${method}\n${expires}\n${signedPath}`;
  if (params.ipRange !== undefined) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(params.ipRange)) {
      throw new ValidationError(
        `ipRange must be an IP address or CIDR range, got "${params.ipRange}"`,
        'ipRange',
      );
    }
    body = `ip=${params.ipRange}\n${body}`;
  }
  const query = new URLSearchParams();
  query.set('temp_url_sig', hmacHex(digest, params.key, body));
  query.set('temp_url_expires', String(expires));
  if (params.prefix !== undefined) query.set('temp_url_prefix', params.prefix);
  if (params.ipRange !== undefined) query.set('temp_url_ip_range', params.ipRange);
  if (params.filename !== undefined) query.set('filename', params.filename);
  if (params.inline) query.set('inline', '');
  const objectUrl = `${params.endpoint.replace(/\/+$/, '')}/${encodeSegment(params.container)}/${encodePath(params.name)}`;
  return `${objectUrl}?${query.toString().replace(/inline=(&|$)/, 'inline$1')}`;
}

/**
 * Parameters of {@link createTempUrl}.
 * @example await createTempUrl(swift, 'c', 'o', { key, expiresIn: 60, filename: 'report.pdf' });
 */
export interface CreateTempUrlParams extends TempUrlOptions {
  /** The key; when omitted it is read from the container's metadata, then the account's. */
  key?: string | undefined;
}

/**
 * Creates a temp URL for an object on this client's endpoint. Without `key`, the container's
 * temp URL key is used, else the account's (`TempUrlKeyMissingError` when neither is set).
 * @example
 * ```ts
 * const url = await createTempUrl(swift, 'reports', 'q3.pdf', { expiresIn: 600, filename: 'q3.pdf' });
 * ```
 */
export async function createTempUrl(
  client: SwiftClient,
  container: string,
  name: string,
  params: CreateTempUrlParams = {},
  options?: RequestOptions,
): Promise<string> {
  checkContainerName(container);
  checkObjectName(name);
  checkDigest(params.digest ?? 'sha256');
  expiryOf(params);
  const key = params.key ?? (await getTempUrlKey(client, { container }, options));
  return buildTempUrl({ ...params, endpoint: await client.endpoint(options?.signal), container, name, key });
}

/**
 * Reads the temp URL key used for signatures: the container's (`X-Container-Meta-Temp-URL-Key`)
 * when `container` is given and it has one, else the account's. Throws
 * `TempUrlKeyMissingError` when none is set. Treat the key as a secret.
 * @example
 * ```ts
 * const key = await getTempUrlKey(swift, { container: 'reports' });
 * ```
 */
export async function getTempUrlKey(
  client: SwiftClient,
  params: { container?: string | undefined } = {},
  options?: RequestOptions,
): Promise<string> {
  if (params.container !== undefined) {
    checkContainerName(params.container);
    const res = await client.request('HEAD', containerPath(params.container), {
      ...options,
      resource: `container "${params.container}"`,
    });
    const key =
      header(res.headers, 'x-container-meta-temp-url-key') ??
      header(res.headers, 'x-container-meta-temp-url-key-2');
    if (key) return key;
  }
  const res = await client.request('HEAD', '', { ...options, resource: 'account' });
  const key =
    header(res.headers, 'x-account-meta-temp-url-key') ??
    header(res.headers, 'x-account-meta-temp-url-key-2');
  if (!key) throw new TempUrlKeyMissingError();
  return key;
}

import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { paginate } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { listingRows } from '../internal/listing.js';
import { checkContainerName, checkObjectName } from '../internal/validate.js';
import { objectPath } from '../objects/urls.js';
import { CDN_ROW, type CdnContainer, parseCdnContainer, parseCdnHeaders } from './types.js';
import { cdnContainerPath } from './urls.js';

/**
 * Settings of a CDN-enabled container.
 * @example await enableContainerCdn(swift, 'site', { ttl: 3600, logRetention: true });
 */
export interface CdnSettings {
  /** Seconds edge servers cache objects (Rackspace allows 900 to 31 536 000; default 259 200). */
  ttl?: number | undefined;
  /** Keep CDN access logs in the `.CDN_ACCESS_LOGS` container. */
  logRetention?: boolean | undefined;
}

function settingsHeaders(s: CdnSettings): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.ttl !== undefined) {
    if (!Number.isSafeInteger(s.ttl) || s.ttl < 0) {
      throw new ValidationError(`ttl must be a non-negative integer of seconds, got ${s.ttl}`, 'ttl');
    }
    out['x-ttl'] = String(s.ttl);
  }
  if (s.logRetention !== undefined) out['x-log-retention'] = s.logRetention ? 'True' : 'False';
  return out;
}

/**
 * Parameters of {@link listCdnContainers}.
 * @example for await (const c of listCdnContainers(swift, { enabledOnly: true, limit: 100 })) console.log(c.name);
 */
export interface ListCdnContainersParams {
  /** Only containers currently enabled (the listing otherwise includes formerly enabled ones). */
  enabledOnly?: boolean | undefined;
  marker?: string | undefined;
  endMarker?: string | undefined;
  limit?: number | undefined;
}

/**
 * Lists containers that are or were CDN-enabled, with their CDN URIs (Rackspace Cloud Files).
 * @example
 * ```ts
 * for await (const c of listCdnContainers(swift, { enabledOnly: true })) console.log(c.name, c.sslUri);
 * ```
 */
export function listCdnContainers(
  client: SwiftClient,
  params: ListCdnContainersParams = {},
  options?: RequestOptions,
): PagedIterable<CdnContainer> {
  return paginate({
    pageSize: params.limit,
    marker: params.marker,
    fetchPage: async ({ marker, limit }) => {
      const res = await client.cdn.request('GET', '', {
        ...options,
        searchParams: {
          format: 'json',
          enabled_only: params.enabledOnly ? 'true' : undefined,
          marker,
          end_marker: params.endMarker,
          limit,
        },
        resource: 'CDN account',
      });
      const rows = listingRows(res, CDN_ROW);
      return { items: rows.map(parseCdnContainer), nextMarker: rows.at(-1)?.name };
    },
  });
}

/**
 * CDN-enables a container (PUT `X-CDN-Enabled: True`) and returns its CDN URIs.
 * @example
 * ```ts
 * const cdn = await enableContainerCdn(swift, 'site', { ttl: 3600 });
 * console.log(`${cdn.sslUri}/index.html`);
 * ```
 */
export async function enableContainerCdn(
  client: SwiftClient,
  container: string,
  settings: CdnSettings = {},
  options?: RequestOptions,
): Promise<CdnContainer> {
  checkContainerName(container);
  const res = await client.cdn.request('PUT', cdnContainerPath(container), {
    ...options,
    headers: { ...options?.headers, 'x-cdn-enabled': 'True', ...settingsHeaders(settings) },
    resource: `container "${container}"`,
  });
  const cdn = parseCdnHeaders(container, res.headers);
  return { ...cdn, enabled: true, ttl: cdn.ttl ?? settings.ttl };
}

/**
 * Takes a container off the CDN (POST `X-CDN-Enabled: False`). Edge caches keep objects until
 * their TTL runs out; purge them with {@link purgeCdnObject}.
 * @example
 * ```ts
 * await disableContainerCdn(swift, 'site');
 * ```
 */
export async function disableContainerCdn(
  client: SwiftClient,
  container: string,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  await client.cdn.request('POST', cdnContainerPath(container), {
    ...options,
    headers: { ...options?.headers, 'x-cdn-enabled': 'False' },
    resource: `CDN container "${container}"`,
  });
}

/**
 * Changes the TTL or log retention of a CDN-enabled container (POST).
 * @example
 * ```ts
 * await updateContainerCdn(swift, 'site', { ttl: 86_400, logRetention: true });
 * ```
 */
export async function updateContainerCdn(
  client: SwiftClient,
  container: string,
  settings: CdnSettings,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  await client.cdn.request('POST', cdnContainerPath(container), {
    ...options,
    headers: { ...options?.headers, ...settingsHeaders(settings) },
    resource: `CDN container "${container}"`,
  });
}

/**
 * Reads a container's CDN status, TTL and URIs (HEAD on the CDN service). A container never
 * enabled on the CDN rejects with `NotFoundError`.
 * @example
 * ```ts
 * const { enabled, uri, ttl } = await getContainerCdn(swift, 'site');
 * ```
 */
export async function getContainerCdn(
  client: SwiftClient,
  container: string,
  options?: RequestOptions,
): Promise<CdnContainer> {
  checkContainerName(container);
  const res = await client.cdn.request('HEAD', cdnContainerPath(container), {
    ...options,
    resource: `CDN container "${container}"`,
  });
  return parseCdnHeaders(container, res.headers);
}

/**
 * Purges an object from the CDN edge caches (DELETE on the CDN service), optionally e-mailing
 * `email` (comma-separated for several) when done. Rackspace limits purges per day.
 * @example
 * ```ts
 * await purgeCdnObject(swift, 'site', 'css/app.css', { email: 'ops@example.com' });
 * ```
 */
export async function purgeCdnObject(
  client: SwiftClient,
  container: string,
  name: string,
  params: { email?: string | readonly string[] | undefined } = {},
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(container);
  checkObjectName(name);
  const email = typeof params.email === 'string' ? params.email : params.email?.join(', ');
  if (email !== undefined && /[\r\n]/.test(email))
    throw new ValidationError('email must be one line', 'email');
  await client.cdn.request('DELETE', objectPath(container, name), {
    ...options,
    headers: { ...options?.headers, ...(email ? { 'x-purge-email': email } : {}) },
    resource: `CDN object "${container}/${name}"`,
  });
}

import { HttpError, IntegrityError, type RequestOptions } from '@cloud/core';
import { arrayOf, number, object, optional, parseResponse, string } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { boolHeader, header, unquote } from '../internal/headers.js';
import { objectPath } from './urls.js';

/** @internal One row of `?multipart-manifest=get`. */
export interface ManifestRowWire {
  name: string;
  hash: string;
  bytes: number;
  range?: string | undefined;
  sub_slo?: boolean | undefined;
}

/** @internal Shape of an SLO manifest as Swift returns it. */
export const MANIFEST_ROWS = arrayOf(
  object<ManifestRowWire>({ name: string, hash: string, bytes: number, range: optional(string) }),
);

/** @internal What a large-object upload wrote, to recognise it on the server. */
export interface WrittenManifest {
  kind: 'static' | 'dynamic';
  /** SLO: the manifest ETag Swift computes (MD5 of the segment ETags). */
  etag?: string | undefined;
  /** SLO: the segment paths (`/container/name`) in order. */
  paths?: readonly string[] | undefined;
  /** DLO: the `X-Object-Manifest` value written. */
  dloManifest?: string | undefined;
}

/**
 * @internal Whether a failure of the manifest PUT leaves its outcome unknown: no answer at all
 * (reset, timeout, abort, lost response) or a 5xx that a proxy may have sent after Swift acted.
 * A 4xx answer means Swift refused the manifest.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof IntegrityError) return true;
  if (error instanceof HttpError) return error.status >= 500;
  return true;
}

/**
 * @internal Asks Swift whether the live object is the manifest this upload wrote: `true` it is,
 * `false` it is not (missing, or another object), `undefined` Swift could not be asked. The check
 * runs on its own signal and timeout, since the caller's may be spent.
 */
export async function isManifestLive(
  client: SwiftClient,
  container: string,
  name: string,
  written: WrittenManifest,
  headers?: Record<string, string>,
): Promise<boolean | undefined> {
  const path = objectPath(container, name);
  const req = { headers, timeoutMs: 30_000, resource: `object "${container}/${name}"` };
  try {
    const head = await client.request('HEAD', path, { ...req, okStatuses: [404] });
    if (head.status === 404) return false;
    if (written.kind === 'dynamic') {
      return header(head.headers, 'x-object-manifest') === written.dloManifest;
    }
    if (!boolHeader(head.headers, 'x-static-large-object')) return false;
    const etag = unquote(header(head.headers, 'etag'))?.toLowerCase();
    if (written.etag && etag !== written.etag) return false;
    // Same ETag is not proof: identical content cut the same way has it too. Compare the segments.
    const res = await client.request('GET', path, {
      ...req,
      okStatuses: [404],
      searchParams: { 'multipart-manifest': 'get' },
    });
    if (res.status === 404) return false;
    const rows = parseResponse(res, MANIFEST_ROWS);
    const paths = written.paths ?? [];
    return rows.length === paths.length && rows.every((r, i) => withSlash(r.name) === paths[i]);
  } catch {
    return undefined;
  }
}

const withSlash = (p: string) => (p.startsWith('/') ? p : `/${p}`);

/** @internal The segments of the object a large upload replaces, when the SDK may delete them. */
export interface OldSegments {
  container: string;
  names: string[];
}

/**
 * @internal Reads the segments of the object about to be replaced, keeping only those this SDK's
 * naming put there for the same object (`<segmentContainer>/<name>/…`). Best effort: any failure
 * yields none, and the old segments are simply left in place.
 */
export async function findOldSegments(
  client: SwiftClient,
  container: string,
  name: string,
  segmentContainer: string,
  options?: RequestOptions,
): Promise<OldSegments | undefined> {
  const path = objectPath(container, name);
  const req = { ...options, resource: `object "${container}/${name}"` };
  try {
    const head = await client.request('HEAD', path, { ...req, okStatuses: [404] });
    if (head.status === 404 || !boolHeader(head.headers, 'x-static-large-object')) return undefined;
    const res = await client.request('GET', path, {
      ...req,
      okStatuses: [404],
      searchParams: { 'multipart-manifest': 'get' },
    });
    if (res.status === 404) return undefined;
    const mine = `/${segmentContainer}/${name}/`;
    const names = parseResponse(res, MANIFEST_ROWS)
      .map((r) => withSlash(r.name))
      .filter((p) => p.startsWith(mine))
      .map((p) => p.slice(segmentContainer.length + 2));
    return names.length > 0 ? { container: segmentContainer, names } : undefined;
  } catch {
    return undefined;
  }
}

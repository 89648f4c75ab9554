import { number, object, optional, string } from '@cloud/core/service';
import { TEMP_URL_KEYS } from '../account/types.js';
import {
  boolHeader,
  header,
  headersToMetadata,
  intHeader,
  plainHeaders,
  type ResponseHeaders,
  timestampHeader,
} from '../internal/headers.js';

/**
 * A Swift container as returned by `listContainers`.
 * @example for await (const { name, objectCount, bytes } of listContainers(swift)) console.log(name, objectCount, bytes);
 */
export interface Container {
  name: string;
  objectCount: number;
  bytes: number;
  lastModified?: Date | undefined;
}

/** @internal wire shape */
export interface ContainerWire {
  name: string;
  count: number;
  bytes: number;
  last_modified?: string;
}

/** @internal Shape of a row of the account listing. */
export const CONTAINER_ROW = object<ContainerWire>({
  name: string,
  count: number,
  bytes: number,
  last_modified: optional(string),
});

/** @internal Swift's listing dates carry no zone; they are UTC. */
export const parseListingDate = (v: string): Date => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);

/** @internal */
export const parseContainer = (w: ContainerWire): Container => ({
  name: w.name,
  objectCount: w.count,
  bytes: w.bytes,
  ...(w.last_modified ? { lastModified: parseListingDate(w.last_modified) } : {}),
});

/**
 * A container's totals, settings and metadata, from `getContainerMetadata`.
 * @example const { objectCount, readAcl, quotaBytes, metadata } = await getContainerMetadata(swift, 'docs');
 */
export interface ContainerInfo {
  name: string;
  objectCount: number;
  bytesUsed: number;
  /** User metadata (`X-Container-Meta-*`), keys lower-cased. Temp URL keys are left out. */
  metadata: Record<string, string>;
  /** `X-Container-Read`, e.g. `.r:*,.rlistings`. */
  readAcl?: string | undefined;
  /** `X-Container-Write`. */
  writeAcl?: string | undefined;
  /** `X-Versions-Location` (stack mode versioning). */
  versionsLocation?: string | undefined;
  /** `X-History-Location` (history mode versioning). */
  historyLocation?: string | undefined;
  /** `X-Versions-Enabled` (object versioning of newer Swift releases). */
  versionsEnabled?: boolean | undefined;
  /** `X-Container-Meta-Quota-Bytes`. */
  quotaBytes?: number | undefined;
  /** `X-Container-Meta-Quota-Count`. */
  quotaCount?: number | undefined;
  storagePolicy?: string | undefined;
  /** Whether a container temp URL key is set. */
  tempUrlKeySet: boolean;
  createdAt?: Date | undefined;
  /** All response headers, secrets redacted. */
  headers: Record<string, string>;
}

const decodeLocation = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

/** @internal */
export function parseContainerInfo(name: string, h: ResponseHeaders): ContainerInfo {
  return {
    name,
    objectCount: intHeader(h, 'x-container-object-count') ?? 0,
    bytesUsed: intHeader(h, 'x-container-bytes-used') ?? 0,
    metadata: headersToMetadata('x-container-meta-', h, TEMP_URL_KEYS),
    readAcl: header(h, 'x-container-read'),
    writeAcl: header(h, 'x-container-write'),
    versionsLocation: decodeLocation(header(h, 'x-versions-location')),
    historyLocation: decodeLocation(header(h, 'x-history-location')),
    versionsEnabled: boolHeader(h, 'x-versions-enabled'),
    quotaBytes: intHeader(h, 'x-container-meta-quota-bytes'),
    quotaCount: intHeader(h, 'x-container-meta-quota-count'),
    storagePolicy: header(h, 'x-storage-policy'),
    tempUrlKeySet: !!(h['x-container-meta-temp-url-key'] || h['x-container-meta-temp-url-key-2']),
    createdAt: timestampHeader(h, 'x-timestamp'),
    headers: plainHeaders(h),
  };
}

/**
 * Access control lists of a container. A list is joined with commas.
 * @example await setContainerAcl(swift, 'site', { read: SWIFT_PUBLIC_READ_ACL, write: ['project:uploader'] });
 */
export interface ContainerAcl {
  /** Who may read, e.g. `.r:*,.rlistings` (public), `project:user`. `null` removes it. */
  read?: string | readonly string[] | null | undefined;
  /** Who may write. `null` removes it. */
  write?: string | readonly string[] | null | undefined;
}

/**
 * Container quotas (the `container_quotas` middleware). `null` removes a quota.
 * @example await setContainerQuota(swift, 'uploads', { bytes: 1024 ** 3, count: null });
 */
export interface ContainerQuota {
  bytes?: number | null | undefined;
  count?: number | null | undefined;
}

/**
 * Object versioning of a container: the legacy `stack` (X-Versions-Location) or `history`
 * (X-History-Location) modes, which keep old versions in `location`, or the newer object
 * versioning (`X-Versions-Enabled`).
 * @example await setContainerVersioning(swift, 'docs', { mode: 'history', location: 'docs-versions' });
 */
export type ContainerVersioning =
  | { mode: 'stack' | 'history'; location: string }
  | { mode: 'enabled'; enabled: boolean };

/**
 * Makes a container world-readable and listable.
 * @example await createContainer(swift, 'assets', { acl: { read: SWIFT_PUBLIC_READ_ACL } });
 */
export const SWIFT_PUBLIC_READ_ACL = '.r:*,.rlistings';

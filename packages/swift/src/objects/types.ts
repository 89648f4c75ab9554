import { number, object, oneOf, optional, type Shape, string } from '@cloud/core/service';
import { parseListingDate } from '../containers/types.js';
import {
  boolHeader,
  dateHeader,
  header,
  headersToMetadata,
  intHeader,
  plainHeaders,
  type ResponseHeaders,
  timestampHeader,
  unquote,
} from '../internal/headers.js';

/**
 * An object in a container listing.
 * @example for await (const e of listObjects(swift, 'c')) if (e.kind === 'object') console.log(e.name, e.bytes, e.etag);
 */
export interface SwiftObject {
  kind: 'object';
  name: string;
  bytes: number;
  /** The MD5 of the content; for large objects, the manifest's ETag. */
  etag: string;
  contentType: string;
  lastModified?: Date | undefined;
  /** For symlinks: the target path. */
  symlinkPath?: string | undefined;
}

/**
 * A pseudo-folder of a delimited listing (`subdir`), e.g. `photos/2024/`.
 * @example for await (const e of listObjects(swift, 'c', { delimiter: '/' })) if (e.kind === 'subdir') console.log(e.name);
 */
export interface SwiftPseudoFolder {
  kind: 'subdir';
  /** The common prefix, ending with the delimiter. */
  name: string;
}

/**
 * One entry of `listObjects`: an object, or with a delimiter, a pseudo-folder.
 * @example const entries: SwiftListEntry[] = await toArray(listObjects(swift, 'c', { delimiter: '/' }));
 */
export type SwiftListEntry = SwiftObject | SwiftPseudoFolder;

/** @internal wire shape */
export type ObjectWire =
  | {
      name: string;
      hash: string;
      bytes: number;
      content_type: string;
      last_modified?: string;
      symlink_path?: string;
    }
  | { subdir: string };

/** @internal Shape of a row of a container listing: an object, or a pseudo-folder. */
export const OBJECT_ROW: Shape<ObjectWire> = oneOf(
  object<{ subdir: string }>({ subdir: string }),
  object<Exclude<ObjectWire, { subdir: string }>>({
    name: string,
    hash: string,
    bytes: number,
    content_type: string,
    last_modified: optional(string),
    symlink_path: optional(string),
  }),
);

/** @internal A listing row read for its name only (`name`, or `subdir` for pseudo-folders). */
export const NAME_ROW = object<{ name?: string; subdir?: string }>({
  name: optional(string),
  subdir: optional(string),
});

/** @internal */
export function parseListEntry(w: ObjectWire): SwiftListEntry {
  if ('subdir' in w) return { kind: 'subdir', name: w.subdir };
  return {
    kind: 'object',
    name: w.name,
    bytes: w.bytes,
    etag: w.hash,
    contentType: w.content_type,
    ...(w.last_modified ? { lastModified: parseListingDate(w.last_modified) } : {}),
    ...(w.symlink_path ? { symlinkPath: w.symlink_path } : {}),
  };
}

/**
 * An object's properties and metadata, from `getObjectMetadata` or a download.
 * @example const { bytes, etag, contentType, metadata, largeObject } = await getObjectMetadata(swift, 'c', 'o');
 */
export interface SwiftObjectInfo {
  container: string;
  name: string;
  /** Size of the whole object in bytes. */
  bytes: number;
  /** The MD5 of the content for plain objects; for large objects the manifest's ETag (unquoted). */
  etag?: string | undefined;
  contentType?: string | undefined;
  lastModified?: Date | undefined;
  /** User metadata (`X-Object-Meta-*`), keys lower-cased, values decoded from UTF-8. */
  metadata: Record<string, string>;
  /** When Swift deletes the object (`X-Delete-At`). */
  deleteAt?: Date | undefined;
  contentEncoding?: string | undefined;
  contentDisposition?: string | undefined;
  /** `static` (SLO) or `dynamic` (DLO) for large-object manifests. */
  largeObject?: 'static' | 'dynamic' | undefined;
  /** For DLOs: the `<container>/<prefix>` of the segments (decoded). */
  manifest?: string | undefined;
  /** For symlinks: the target. */
  symlinkTarget?: string | undefined;
  /** When this version was written. */
  timestamp?: Date | undefined;
  /** All response headers, secrets redacted. */
  headers: Record<string, string>;
}

const safeDecode = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

/** @internal Reads a `Content-Range: bytes a-b/total` total. */
export const rangeTotal = (h: ResponseHeaders): number | undefined => {
  const m = /\/(\d+)\s*$/.exec(header(h, 'content-range') ?? '');
  return m ? Number(m[1]) : undefined;
};

/** @internal */
export function parseObjectInfo(container: string, name: string, h: ResponseHeaders): SwiftObjectInfo {
  const manifest = header(h, 'x-object-manifest');
  const deleteAt = timestampHeader(h, 'x-delete-at');
  return {
    container,
    name,
    bytes: rangeTotal(h) ?? intHeader(h, 'content-length') ?? 0,
    etag: unquote(header(h, 'etag')),
    contentType: header(h, 'content-type'),
    lastModified: dateHeader(h, 'last-modified'),
    metadata: headersToMetadata('x-object-meta-', h),
    deleteAt,
    contentEncoding: header(h, 'content-encoding'),
    contentDisposition: header(h, 'content-disposition'),
    largeObject: boolHeader(h, 'x-static-large-object') ? 'static' : manifest ? 'dynamic' : undefined,
    manifest: safeDecode(manifest),
    symlinkTarget: safeDecode(header(h, 'x-symlink-target')),
    timestamp: timestampHeader(h, 'x-timestamp'),
    headers: plainHeaders(h),
  };
}

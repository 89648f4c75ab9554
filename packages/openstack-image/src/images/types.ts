import {
  arrayOf,
  boolean,
  number,
  object,
  optional,
  parseTimestamp,
  recordOf,
  type Shape,
  string,
  unknownValue,
} from '@cloud/core/service';

/**
 * Statuses of a Glance image.
 * @example const done: GlanceImageStatus[] = ['active', 'killed'];
 */
export type GlanceImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'deactivated'
  | 'killed'
  | 'deleted'
  | 'pending_delete';

/** Every status the Image API documents. @internal */
export const IMAGE_STATUSES: readonly GlanceImageStatus[] = [
  'queued',
  'saving',
  'uploading',
  'importing',
  'active',
  'deactivated',
  'killed',
  'deleted',
  'pending_delete',
];

/**
 * Who may see an image: `shared` (default at create) lets members in, `community` lets everyone
 * read it without listing it, `public` lists it for everyone (usually admin only).
 * @example await createGlanceImage(glance, { name: 'x', visibility: 'private' });
 */
export type GlanceImageVisibility = 'public' | 'community' | 'shared' | 'private';

/** @internal */
export const VISIBILITIES: readonly GlanceImageVisibility[] = ['public', 'community', 'shared', 'private'];

/**
 * Disk formats Glance documents (a cloud may allow fewer).
 * @example await createGlanceImage(glance, { name: 'x', diskFormat: 'qcow2', containerFormat: 'bare' });
 */
export type GlanceDiskFormat =
  | 'ami'
  | 'ari'
  | 'aki'
  | 'vhd'
  | 'vhdx'
  | 'vmdk'
  | 'raw'
  | 'qcow2'
  | 'vdi'
  | 'ploop'
  | 'iso'
  | (string & {});

/**
 * Container formats Glance documents (`bare` for a plain disk image).
 * @example await createGlanceImage(glance, { name: 'x', diskFormat: 'raw', containerFormat: 'bare' });
 */
export type GlanceContainerFormat =
  | 'ami'
  | 'ari'
  | 'aki'
  | 'bare'
  | 'ovf'
  | 'ova'
  | 'docker'
  | 'compressed'
  | (string & {});

/**
 * One location of an image's data (shown only where the cloud enables `show_multiple_locations`).
 * @example for (const l of image.locations ?? []) console.log(l.url);
 */
export interface GlanceImageLocation {
  url: string;
  metadata: Record<string, unknown>;
}

/**
 * An image record of the Image service (Glance v2). Base properties are typed; the properties set
 * by owners and operators are in `properties` (their values are strings, Glance's own `os_glance_*`
 * bookkeeping included); the untouched wire object is `raw`.
 * @example
 * ```ts
 * const image = await getGlanceImage(glance, id);
 * console.log(image.status, image.size, image.properties.os_distro);
 * ```
 */
export interface GlanceImage {
  id: string;
  name: string | null;
  status: GlanceImageStatus | (string & {});
  visibility: GlanceImageVisibility | (string & {});
  protected: boolean;
  /** Hidden from the default list (`os_hidden`, API 2.7). */
  hidden: boolean;
  /** Project that owns the image. */
  owner: string | null;
  /** Bytes of image data; `null` before data is uploaded. */
  size: number | null;
  virtualSize: number | null;
  /** Hex MD5 of the data (legacy; `null` before upload). */
  checksum: string | null;
  /** Algorithm of `hashValue` (`os_hash_algo`, e.g. `sha512`). */
  hashAlgorithm: string | null;
  /** Hex digest of the data with `hashAlgorithm` (`os_hash_value`). */
  hashValue: string | null;
  diskFormat: GlanceDiskFormat | null;
  containerFormat: GlanceContainerFormat | null;
  /** Minimum disk in GiB to boot the image. */
  minDisk: number;
  /** Minimum RAM in MiB to boot the image. */
  minRam: number;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  /** `/v2/images/{id}`. */
  self: string | undefined;
  /** `/v2/images/{id}/file`. */
  file: string | undefined;
  /** `/v2/schemas/image`. */
  schema: string | undefined;
  /** Store ids holding the data (multi-store clouds, from `stores`). */
  stores: string[];
  /** Stores an import is still writing to (`os_glance_importing_to_stores`). */
  importingToStores: string[];
  /** Stores an import failed for (`os_glance_failed_import`). */
  failedImportStores: string[];
  directUrl: string | undefined;
  locations: GlanceImageLocation[] | undefined;
  /** Additional properties (everything but the base properties), as Glance returns them. */
  properties: Record<string, unknown>;
  /** The wire object, unknown fields included. */
  raw: Record<string, unknown>;
}

/** @internal */
export interface GlanceImageLocationWire {
  url: string;
  metadata?: Record<string, unknown>;
}

/** @internal The documented base properties of the wire image. */
export interface GlanceImageWire {
  id: string;
  name?: string | null;
  status: string;
  visibility?: string;
  protected?: boolean;
  os_hidden?: boolean;
  owner?: string | null;
  size?: number | null;
  virtual_size?: number | null;
  checksum?: string | null;
  os_hash_algo?: string | null;
  os_hash_value?: string | null;
  disk_format?: string | null;
  container_format?: string | null;
  min_disk?: number;
  min_ram?: number;
  tags?: string[];
  created_at?: string;
  updated_at?: string;
  self?: string;
  file?: string;
  schema?: string;
  stores?: string;
  direct_url?: string;
  locations?: GlanceImageLocationWire[];
  os_glance_importing_to_stores?: string;
  os_glance_failed_import?: string;
}

/** @internal */
export const IMAGE: Shape<GlanceImageWire> = object<GlanceImageWire>({
  id: string,
  name: optional(string),
  status: string,
  visibility: optional(string),
  protected: optional(boolean),
  os_hidden: optional(boolean),
  owner: optional(string),
  size: optional(number),
  virtual_size: optional(number),
  checksum: optional(string),
  os_hash_algo: optional(string),
  os_hash_value: optional(string),
  disk_format: optional(string),
  container_format: optional(string),
  min_disk: optional(number),
  min_ram: optional(number),
  tags: optional(arrayOf(string)),
  created_at: optional(string),
  updated_at: optional(string),
  self: optional(string),
  file: optional(string),
  schema: optional(string),
  stores: optional(string),
  direct_url: optional(string),
  locations: optional(
    arrayOf(object<GlanceImageLocationWire>({ url: string, metadata: optional(recordOf(unknownValue)) })),
  ),
  os_glance_importing_to_stores: optional(string),
  os_glance_failed_import: optional(string),
});

/**
 * Glance's base properties: read from the image rather than listed in `properties`, and names
 * `properties` may not use in a create or update. @internal
 */
export const BASE_PROPERTY_NAMES: ReadonlySet<string> = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'os_hidden',
  'owner',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'disk_format',
  'container_format',
  'min_disk',
  'min_ram',
  'tags',
  'created_at',
  'updated_at',
  'self',
  'file',
  'schema',
  'direct_url',
  'locations',
]);

/** A comma-separated store list (`"fast,cheap"`) as an array. @internal */
export const storeList = (value: string | undefined | null): string[] =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** @internal Maps a checked wire image to {@link GlanceImage}. */
export function parseGlanceImage(w: GlanceImageWire): GlanceImage {
  const raw = w as unknown as Record<string, unknown>;
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!BASE_PROPERTY_NAMES.has(k)) properties[k] = v;
  return {
    id: w.id,
    name: w.name ?? null,
    status: w.status,
    visibility: w.visibility ?? 'shared',
    protected: w.protected ?? false,
    hidden: w.os_hidden ?? false,
    owner: w.owner ?? null,
    size: w.size ?? null,
    virtualSize: w.virtual_size ?? null,
    checksum: w.checksum ?? null,
    hashAlgorithm: w.os_hash_algo ?? null,
    hashValue: w.os_hash_value ?? null,
    diskFormat: w.disk_format ?? null,
    containerFormat: w.container_format ?? null,
    minDisk: w.min_disk ?? 0,
    minRam: w.min_ram ?? 0,
    tags: w.tags ?? [],
    createdAt: parseTimestamp(w.created_at ?? ''),
    updatedAt: parseTimestamp(w.updated_at ?? w.created_at ?? ''),
    self: w.self,
    file: w.file,
    schema: w.schema,
    stores: storeList(w.stores),
    importingToStores: storeList(w.os_glance_importing_to_stores),
    failedImportStores: storeList(w.os_glance_failed_import),
    directUrl: w.direct_url,
    locations: w.locations?.map((l) => ({ url: l.url, metadata: l.metadata ?? {} })),
    properties,
    raw,
  };
}

/** @internal The list body: `{ images, next?, first, schema }`. */
export interface GlanceImageListWire {
  images: GlanceImageWire[];
  next?: string;
  first?: string;
  schema?: string;
}

/** @internal */
export const IMAGE_LIST: Shape<GlanceImageListWire> = object<GlanceImageListWire>({
  images: arrayOf(IMAGE),
  next: optional(string),
  first: optional(string),
  schema: optional(string),
});

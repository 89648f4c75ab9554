import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  omitUndefined,
  parseResponse,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  type SearchParamValue,
} from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { paginateByNext } from '../internal/paging.js';
import { checkImageId, checkOptionalBoolean, checkOptionalSize } from '../internal/validate.js';
import {
  BASE_PROPERTY_NAMES,
  type GlanceContainerFormat,
  type GlanceDiskFormat,
  type GlanceImage,
  type GlanceImageStatus,
  type GlanceImageVisibility,
  IMAGE,
  IMAGE_LIST,
  parseGlanceImage,
  VISIBILITIES,
} from './types.js';
import { imageActionPath, imagePath, imagesPath } from './urls.js';

/**
 * Comparison operators of Glance's date filters.
 * @example listGlanceImages(glance, { createdAt: { op: 'gte', value: new Date('2026-01-01') } });
 */
export type GlanceComparisonOperator = 'gt' | 'gte' | 'eq' | 'neq' | 'lt' | 'lte';

/**
 * A date filter: `created_at=gte:2026-01-01T00:00:00Z`.
 * @example const since: GlanceTimeFilter = { op: 'gt', value: '2026-04-18T21:38:54Z' };
 */
export interface GlanceTimeFilter {
  op: GlanceComparisonOperator;
  /** A Date, or an ISO 8601 timestamp. */
  value: Date | string;
}

/**
 * One sort key of a listing; `dir` defaults to `desc`, as in Glance.
 * @example listGlanceImages(glance, { sort: [{ key: 'name', dir: 'asc' }, { key: 'created_at' }] });
 */
export interface GlanceSortKey {
  key: string;
  dir?: 'asc' | 'desc' | undefined;
}

/**
 * Filters, sorting and paging of {@link listGlanceImages}. A list value (`name: ['a', 'b']`)
 * matches any of its items (Glance's `in:` operator); several `tag`s must all be present.
 * @example
 * ```ts
 * listGlanceImages(glance, { status: ['active', 'deactivated'], tag: ['ready', 'approved'], sizeMax: 1024 ** 3 });
 * ```
 */
export interface ListGlanceImagesParams {
  /** Exact name, or any of several names. */
  name?: string | readonly string[] | undefined;
  /** Any of these image ids. */
  id?: readonly string[] | undefined;
  /** A status, or any of several. */
  status?: GlanceImageStatus | readonly GlanceImageStatus[] | undefined;
  /** `all` lists every image the caller may see, `shared` only accepted shares by default. */
  visibility?: GlanceImageVisibility | 'all' | undefined;
  /** Images of this owner (project id). */
  owner?: string | undefined;
  /** Images carrying this tag, or all of these tags. */
  tag?: string | readonly string[] | undefined;
  /** Shared images by the caller's member status; Glance's default is `accepted`. */
  memberStatus?: 'accepted' | 'pending' | 'rejected' | 'all' | undefined;
  protected?: boolean | undefined;
  /** `true` lists only hidden images (`os_hidden`); hidden images are left out by default. */
  hidden?: boolean | undefined;
  diskFormat?: GlanceDiskFormat | readonly GlanceDiskFormat[] | undefined;
  containerFormat?: GlanceContainerFormat | readonly GlanceContainerFormat[] | undefined;
  /** Smallest size in bytes. */
  sizeMin?: number | undefined;
  /** Largest size in bytes. */
  sizeMax?: number | undefined;
  createdAt?: GlanceTimeFilter | undefined;
  updatedAt?: GlanceTimeFilter | undefined;
  /** Sort keys, most significant first (sent as `sort=name:asc,created_at:desc`). */
  sort?: readonly GlanceSortKey[] | undefined;
  /** Exact matches on additional properties, e.g. `{ os_distro: 'ubuntu' }`. */
  properties?: Record<string, string> | undefined;
  /** Page size requested from Glance (it caps it, 25 by default and `api_limit_max` at most). */
  limit?: number | undefined;
  /** Start after this image id. */
  marker?: string | undefined;
}

const OPERATORS: readonly GlanceComparisonOperator[] = ['gt', 'gte', 'eq', 'neq', 'lt', 'lte'];
const MEMBER_STATUSES = ['accepted', 'pending', 'rejected', 'all'] as const;
/** Query keys the typed filters own; `properties` may not repeat them. */
const RESERVED = new Set([
  'name',
  'id',
  'status',
  'visibility',
  'owner',
  'tag',
  'member_status',
  'protected',
  'os_hidden',
  'disk_format',
  'container_format',
  'size_min',
  'size_max',
  'created_at',
  'updated_at',
  'sort',
  'sort_key',
  'sort_dir',
  'limit',
  'marker',
]);

/** `in:` list value; items holding a comma are quoted, as Glance requires. @internal */
function inList(values: readonly string[], field: string): string {
  if (values.length === 0) throw new ValidationError(`${field} must not be an empty list`, field);
  return `in:${values
    .map((v, i) => {
      const s = requireNonBlank(v, `${field}[${i}]`);
      if (s.includes('"')) throw new ValidationError(`${field}[${i}] must not contain '"'`, `${field}[${i}]`);
      return s.includes(',') ? `"${s}"` : s;
    })
    .join(',')}`;
}

function oneOrIn(value: string | readonly string[] | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return requireNonBlank(value, field);
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be a string or a list`, field);
  return value.length === 1 ? requireNonBlank(value[0], `${field}[0]`) : inList(value, field);
}

function timeFilter(f: GlanceTimeFilter | undefined, field: string): string | undefined {
  if (f === undefined) return undefined;
  const op = requireOneOf(f?.op, OPERATORS, `${field}.op`);
  let iso: string;
  if (f.value instanceof Date) {
    if (Number.isNaN(f.value.getTime()))
      throw new ValidationError(`${field}.value is an invalid Date`, `${field}.value`);
    iso = f.value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  } else {
    iso = requireNonBlank(f.value, `${field}.value`);
    if (Number.isNaN(Date.parse(iso)))
      throw new ValidationError(`${field}.value must be an ISO 8601 timestamp`, `${field}.value`);
  }
  return `${op}:${iso}`;
}

function sortParam(sort: readonly GlanceSortKey[] | undefined): string | undefined {
  if (sort === undefined) return undefined;
  if (!Array.isArray(sort) || sort.length === 0)
    throw new ValidationError('sort must be a non-empty list of sort keys', 'sort');
  return sort
    .map((s, i) => {
      const key = requireNonBlank(s?.key, `sort[${i}].key`);
      if (/[,:]/.test(key))
        throw new ValidationError(`sort[${i}].key must not contain "," or ":"`, `sort[${i}].key`);
      const dir = s.dir === undefined ? 'desc' : requireOneOf(s.dir, ['asc', 'desc'], `sort[${i}].dir`);
      return `${key}:${dir}`;
    })
    .join(',');
}

/** @internal The query of a listing, validated. */
export function imageListQuery(p: ListGlanceImagesParams): Record<string, SearchParamValue> {
  const tags = p.tag === undefined ? undefined : typeof p.tag === 'string' ? [p.tag] : p.tag;
  tags?.forEach((t, i) => {
    requireNonBlank(t, `tag[${i}]`);
  });
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.properties ?? {})) {
    if (RESERVED.has(k)) {
      throw new ValidationError(`properties.${k} is a typed filter: use it instead`, `properties.${k}`);
    }
    if (typeof v !== 'string')
      throw new ValidationError(`properties.${k} must be a string`, `properties.${k}`);
    extra[k] = v;
  }
  return omitUndefined({
    name: oneOrIn(p.name, 'name'),
    id: p.id === undefined ? undefined : inList(p.id, 'id'),
    status: oneOrIn(p.status, 'status'),
    visibility:
      p.visibility === undefined
        ? undefined
        : requireOneOf(p.visibility, [...VISIBILITIES, 'all'], 'visibility'),
    owner: p.owner === undefined ? undefined : requireNonBlank(p.owner, 'owner'),
    tag: tags,
    member_status:
      p.memberStatus === undefined
        ? undefined
        : requireOneOf(p.memberStatus, MEMBER_STATUSES, 'memberStatus'),
    protected: checkOptionalBoolean(p.protected, 'protected'),
    os_hidden: checkOptionalBoolean(p.hidden, 'hidden'),
    disk_format: oneOrIn(p.diskFormat, 'diskFormat'),
    container_format: oneOrIn(p.containerFormat, 'containerFormat'),
    size_min: checkOptionalSize(p.sizeMin, 'sizeMin'),
    size_max: checkOptionalSize(p.sizeMax, 'sizeMax'),
    created_at: timeFilter(p.createdAt, 'createdAt'),
    updated_at: timeFilter(p.updatedAt, 'updatedAt'),
    sort: sortParam(p.sort),
    ...extra,
  }) as Record<string, SearchParamValue>;
}

/**
 * Lists the images the caller can see, lazily, following Glance's `next` links. Filters are
 * checked before any request; `byPage()` pages carry a `continuationToken` that resumes the
 * listing later.
 * @example
 * ```ts
 * for await (const image of listGlanceImages(glance, { visibility: 'all', status: 'active', sort: [{ key: 'name', dir: 'asc' }] })) {
 *   console.log(image.id, image.name, image.size);
 * }
 * ```
 */
export function listGlanceImages(
  client: ImageClient,
  params: ListGlanceImagesParams = {},
  options?: RequestOptions,
): PagedIterable<GlanceImage> {
  const query = imageListQuery(params);
  if (params.limit !== undefined) requireInteger(params.limit, 'limit', 1);
  if (params.marker !== undefined) checkImageId(params.marker, 'marker');
  return paginateByNext({
    client,
    path: imagesPath,
    shape: IMAGE_LIST,
    rows: (b) => b.images,
    next: (b) => b.next,
    map: parseGlanceImage,
    query,
    limit: params.limit,
    marker: params.marker,
    options,
  });
}

/**
 * Shows one image. A missing image (or one the caller may not see) is `NotFoundError`.
 * @example
 * ```ts
 * const image = await getGlanceImage(glance, '1bea47ed-f6a9-463b-b423-14b9cca9ad27');
 * console.log(image.status, image.hashAlgorithm, image.hashValue);
 * ```
 */
export async function getGlanceImage(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): Promise<GlanceImage> {
  checkImageId(imageId);
  const res = await client.request('GET', imagePath(imageId), { ...options, resource: `image "${imageId}"` });
  return parseGlanceImage(parseResponse(res, IMAGE));
}

/**
 * Parameters of {@link createGlanceImage}. Formats are needed before data can be uploaded or
 * imported; `properties` are additional string properties.
 * @example
 * ```ts
 * await createGlanceImage(glance, { name: 'debian-13', diskFormat: 'qcow2', containerFormat: 'bare', properties: { os_distro: 'debian' } });
 * ```
 */
export interface CreateGlanceImageParams {
  name?: string | undefined;
  /** Choose the id (a UUID) yourself; Glance assigns one otherwise. */
  id?: string | undefined;
  diskFormat?: GlanceDiskFormat | undefined;
  containerFormat?: GlanceContainerFormat | undefined;
  /** Default `shared`. */
  visibility?: GlanceImageVisibility | undefined;
  protected?: boolean | undefined;
  hidden?: boolean | undefined;
  /** GiB. */
  minDisk?: number | undefined;
  /** MiB. */
  minRam?: number | undefined;
  tags?: readonly string[] | undefined;
  /** Additional properties; values must be strings (keys up to 255 characters). */
  properties?: Record<string, string> | undefined;
}

/** @internal Checks additional properties: string values, short keys, no base or reserved names. */
export function checkProperties(props: unknown, field = 'properties'): Record<string, string> {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw new ValidationError(`${field} must be an object of strings`, field);
  }
  for (const [k, v] of Object.entries(props)) {
    checkPropertyName(k, `${field}.${k}`);
    if (typeof v !== 'string') throw new ValidationError(`${field}.${k} must be a string`, `${field}.${k}`);
  }
  return props as Record<string, string>;
}

/** @internal A tag list: non-blank strings. */
export function checkTags(tags: unknown, field = 'tags'): string[] {
  if (!Array.isArray(tags)) throw new ValidationError(`${field} must be a list of strings`, field);
  return tags.map((t, i) => requireNonBlank(t, `${field}[${i}]`));
}

/** @internal An additional property's name: 1-255 characters, not a base or `os_glance*` name. */
export function checkPropertyName(k: string, field: string): void {
  if (k === '' || k.length > 255)
    throw new ValidationError(`${field}: keys must have 1 to 255 characters`, field);
  if (BASE_PROPERTY_NAMES.has(k)) {
    throw new ValidationError(`${field} is a base property: use its typed parameter`, field);
  }
  if (k.startsWith('os_glance')) throw new ValidationError(`${field}: os_glance* names are reserved`, field);
}

/** @internal Base-property fields shared by create and update, in wire names. */
export function baseFields(p: CreateGlanceImageParams): Record<string, unknown> {
  return omitUndefined({
    name: p.name === undefined ? undefined : requireNonBlank(p.name, 'name'),
    disk_format: p.diskFormat === undefined ? undefined : requireNonBlank(p.diskFormat, 'diskFormat'),
    container_format:
      p.containerFormat === undefined ? undefined : requireNonBlank(p.containerFormat, 'containerFormat'),
    visibility:
      p.visibility === undefined ? undefined : requireOneOf(p.visibility, VISIBILITIES, 'visibility'),
    protected: checkOptionalBoolean(p.protected, 'protected'),
    os_hidden: checkOptionalBoolean(p.hidden, 'hidden'),
    min_disk: p.minDisk === undefined ? undefined : requireInteger(p.minDisk, 'minDisk', 0),
    min_ram: p.minRam === undefined ? undefined : requireInteger(p.minRam, 'minRam', 0),
    tags: p.tags === undefined ? undefined : checkTags(p.tags),
  });
}

/**
 * Creates an image record (status `queued`); upload its data with `uploadImageData`, or import
 * it (`stageImageData` + `importImage`).
 * @example
 * ```ts
 * const image = await createGlanceImage(glance, { name: 'cirros', diskFormat: 'qcow2', containerFormat: 'bare' });
 * await uploadImageData(glance, image.id, createReadStream('cirros.img'));
 * ```
 */
export async function createGlanceImage(
  client: ImageClient,
  params: CreateGlanceImageParams = {},
  options?: RequestOptions,
): Promise<GlanceImage> {
  const body = {
    ...(params.properties === undefined ? {} : checkProperties(params.properties)),
    ...baseFields(params),
    ...(params.id === undefined ? {} : { id: checkImageId(params.id, 'id') }),
  };
  const res = await client.request('POST', imagesPath, { ...options, json: body });
  return parseGlanceImage(parseResponse(res, IMAGE));
}

/**
 * Deletes an image and its data. A protected image is refused (`ForbiddenError`); a missing one is
 * `NotFoundError`.
 * @example await deleteGlanceImage(glance, id);
 */
export async function deleteGlanceImage(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  await client.request('DELETE', imagePath(imageId), { ...options, resource: `image "${imageId}"` });
}

/**
 * Deactivates an active image: its data can no longer be downloaded (admin only by default).
 * @example await deactivateImage(glance, id);
 */
export async function deactivateImage(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  await client.request('POST', imageActionPath(imageId, 'deactivate'), {
    ...options,
    resource: `image "${imageId}"`,
  });
}

/**
 * Reactivates a deactivated image (admin only by default).
 * @example await reactivateImage(glance, id);
 */
export async function reactivateImage(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  await client.request('POST', imageActionPath(imageId, 'reactivate'), {
    ...options,
    resource: `image "${imageId}"`,
  });
}

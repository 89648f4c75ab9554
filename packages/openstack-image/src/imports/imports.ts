import { type RequestOptions, ValidationError, type WaiterOptions } from '@cloud/core';
import {
  arrayOf,
  boolean,
  object,
  oneOf,
  optional,
  parseResponse,
  poll,
  requireNonBlank,
  requireOneOf,
  string,
  unwrap,
} from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { getGlanceImage } from '../images/images.js';
import type { GlanceImage } from '../images/types.js';
import { imagePath } from '../images/urls.js';
import { checkImageId, checkOptionalBoolean } from '../internal/validate.js';

/**
 * Interoperable import methods (Image API 2.6+).
 * @example const m: ImageImportMethod = 'glance-direct';
 */
export type ImageImportMethod = 'glance-direct' | 'web-download' | 'copy-image' | 'glance-download';

const METHODS: readonly ImageImportMethod[] = [
  'glance-direct',
  'web-download',
  'copy-image',
  'glance-download',
];

/**
 * What the cloud offers for imports (`GET /v2/info/import`).
 * @example const { methods } = await getImageImportInfo(glance);
 */
export interface ImageImportInfo {
  /** Import methods enabled in this cloud, e.g. `['glance-direct', 'web-download', 'copy-image']`. */
  methods: string[];
  raw: Record<string, unknown>;
}

interface ImportInfoWire {
  'import-methods': { value: string[]; description?: string; type?: string };
}

const IMPORT_INFO = object<ImportInfoWire>({
  'import-methods': object({ value: arrayOf(string), description: optional(string), type: optional(string) }),
});

/**
 * Discovers the import methods this cloud enables.
 * @example
 * ```ts
 * const { methods } = await getImageImportInfo(glance);
 * if (!methods.includes('glance-direct')) throw new Error('no glance-direct here');
 * ```
 */
export async function getImageImportInfo(
  client: ImageClient,
  options?: RequestOptions,
): Promise<ImageImportInfo> {
  const res = await client.request('GET', 'info/import', options);
  const body = parseResponse(res, IMPORT_INFO);
  return { methods: body['import-methods'].value, raw: body as unknown as Record<string, unknown> };
}

/**
 * One backing store of a multi-store cloud (`GET /v2/info/stores`).
 * @example for (const s of await listImageStores(glance)) console.log(s.id, s.isDefault);
 */
export interface ImageStore {
  id: string;
  description: string | undefined;
  /** The store data goes to when none is named. */
  isDefault: boolean;
  readOnly: boolean;
  /** Admin detail (`detail: true`): the store's type, e.g. `file`. */
  type: string | undefined;
  /** Admin detail: driver properties. */
  properties: Record<string, unknown> | undefined;
  raw: Record<string, unknown>;
}

interface StoreWire {
  id: string;
  description?: string;
  default?: boolean | string;
  'read-only'?: boolean | string;
  type?: string;
  properties?: Record<string, unknown>;
}

const flag = oneOf(boolean, string);
const STORE = object<StoreWire>({
  id: string,
  description: optional(string),
  default: optional(flag),
  'read-only': optional(flag),
  type: optional(string),
});

/** Glance writes these flags as booleans or as `"true"`. @internal */
const truthy = (v: boolean | string | undefined): boolean => v === true || v === 'true';

/**
 * Lists the backing stores of a multi-store cloud. A single-store cloud answers 404
 * (`NotFoundError`): there, data always goes to the one store. `detail` (admin) adds types and
 * driver properties.
 * @example
 * ```ts
 * const stores = await listImageStores(glance);
 * const fallback = stores.find((s) => s.isDefault)?.id;
 * ```
 */
export async function listImageStores(
  client: ImageClient,
  params: { detail?: boolean | undefined } = {},
  options?: RequestOptions,
): Promise<ImageStore[]> {
  const detail = checkOptionalBoolean(params.detail, 'detail');
  const res = await client.request('GET', detail ? 'info/stores/detail' : 'info/stores', {
    ...options,
    resource: 'image stores (multi-store is not enabled here)',
  });
  return unwrap(res, 'stores', arrayOf(STORE)).map((w) => ({
    id: w.id,
    description: w.description,
    isDefault: truthy(w.default),
    readOnly: truthy(w['read-only']),
    type: w.type,
    properties: w.properties,
    raw: w as unknown as Record<string, unknown>,
  }));
}

/**
 * Parameters of {@link importImage}. `web-download` needs `uri`; `glance-download` needs
 * `glanceImageId` and `glanceRegion`. `stores`/`allStores` pick the stores of a multi-store cloud.
 * @example
 * ```ts
 * await importImage(glance, id, { method: 'web-download', uri: 'https://example.com/cirros.img' });
 * await importImage(glance, id, { method: 'copy-image', stores: ['cheap'] });
 * ```
 */
export interface ImportImageParams {
  method: ImageImportMethod;
  /** The URL `web-download` fetches. */
  uri?: string | undefined;
  /** `glance-download`: the image in the other region. */
  glanceImageId?: string | undefined;
  /** `glance-download`: the other region. */
  glanceRegion?: string | undefined;
  /** `glance-download`: the other region's interface (default `public`). */
  glanceServiceInterface?: string | undefined;
  /** Store ids to import into (not with `allStores`). */
  stores?: readonly string[] | undefined;
  /** Import into every store. */
  allStores?: boolean | undefined;
  /** Fail the whole import when one store fails (Glance's default: true). */
  allStoresMustSucceed?: boolean | undefined;
}

/** @internal The import request body, validated. */
export function importBody(p: ImportImageParams): Record<string, unknown> {
  if (typeof p !== 'object' || p === null) throw new ValidationError('params must be an object', 'params');
  const name = requireOneOf(p.method, METHODS, 'method');
  const method: Record<string, unknown> = { name };
  if (name === 'web-download') {
    const uri = requireNonBlank(p.uri, 'uri');
    if (!/^https?:\/\//i.test(uri)) throw new ValidationError('uri must be an http(s) URL', 'uri');
    method.uri = uri;
  } else if (p.uri !== undefined) {
    throw new ValidationError(`uri is only for web-download, not ${name}`, 'uri');
  }
  if (name === 'glance-download') {
    method.glance_image_id = checkImageId(p.glanceImageId, 'glanceImageId');
    method.glance_region = requireNonBlank(p.glanceRegion, 'glanceRegion');
    if (p.glanceServiceInterface !== undefined) {
      method.glance_service_interface = requireNonBlank(p.glanceServiceInterface, 'glanceServiceInterface');
    }
  }
  const body: Record<string, unknown> = { method };
  if (p.stores !== undefined) {
    if (!Array.isArray(p.stores) || p.stores.length === 0) {
      throw new ValidationError('stores must be a non-empty list of store ids', 'stores');
    }
    if (p.allStores) throw new ValidationError('stores and allStores exclude each other', 'stores');
    body.stores = p.stores.map((s, i) => requireNonBlank(s, `stores[${i}]`));
  }
  const all = checkOptionalBoolean(p.allStores, 'allStores');
  if (all !== undefined) body.all_stores = all;
  const must = checkOptionalBoolean(p.allStoresMustSucceed, 'allStoresMustSucceed');
  if (must !== undefined) body.all_stores_must_succeed = must;
  if (name === 'copy-image' && body.stores === undefined && all !== true) {
    throw new ValidationError('copy-image needs stores or allStores: true', 'stores');
  }
  return body;
}

/**
 * Starts an interoperable import (`POST /v2/images/{id}/import`, answered 202): Glance works in
 * the background; follow it with {@link waitForImageImport}. For `glance-direct`, stage the data
 * first with `stageImageData`.
 * @example
 * ```ts
 * await stageImageData(glance, id, createReadStream('disk.raw'));
 * await importImage(glance, id, { method: 'glance-direct' });
 * const image = await waitForImageImport(glance, id);
 * ```
 */
export async function importImage(
  client: ImageClient,
  imageId: string,
  params: ImportImageParams,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  const json = importBody(params);
  await client.request('POST', `${imagePath(imageId)}/import`, {
    ...options,
    json,
    resource: `image "${imageId}"`,
  });
}

/**
 * Options of {@link waitForImageImport}.
 * @example await waitForImageImport(glance, id, { stores: ['cheap'], timeoutMs: 30 * 60_000 });
 */
export interface WaitForImageImportOptions extends WaiterOptions<GlanceImage> {
  /**
   * The stores the import writes to, for `copy-image` (the image stays `active` throughout):
   * the wait ends when none of them is still in `os_glance_importing_to_stores`.
   */
  stores?: readonly string[] | undefined;
  /** Headers and per-request timeout of each poll. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

/**
 * Waits for an import to finish: the image `active` with no store still importing. Fails with
 * `WaiterFailureError` (the image as `lastValue`) when the image is `killed` or deleted, when
 * Glance lists failed stores in `os_glance_failed_import` (the message names them), or when an
 * image seen `importing` goes back to `queued` (how a single-store cloud reports a failure).
 * @example
 * ```ts
 * await importImage(glance, id, { method: 'web-download', uri });
 * const image = await waitForImageImport(glance, id, { timeoutMs: 20 * 60_000 });
 * ```
 */
export function waitForImageImport(
  client: ImageClient,
  imageId: string,
  options: WaitForImageImportOptions = {},
): Promise<GlanceImage> {
  checkImageId(imageId);
  const { stores, request, ...rest } = options;
  stores?.forEach((s, i) => {
    requireNonBlank(s, `stores[${i}]`);
  });
  let started = false;
  return poll<GlanceImage>({
    ...rest,
    description: `import of image "${imageId}" to finish`,
    fetch: (signal) => getGlanceImage(client, imageId, { ...request, signal }),
    done: (image) =>
      image.status === 'active' &&
      (stores === undefined
        ? image.importingToStores.length === 0
        : stores.every((s) => !image.importingToStores.includes(s))),
    failure: (image) => {
      const failed = stores
        ? image.failedImportStores.filter((s) => stores.includes(s))
        : image.failedImportStores;
      if (failed.length > 0) return `import of image "${imageId}" failed for store(s) ${failed.join(', ')}`;
      if (['killed', 'deleted', 'pending_delete'].includes(image.status)) {
        return `import of image "${imageId}" failed: the image is ${image.status}`;
      }
      // A single-store cloud reverts a failed import to `queued` without naming a store.
      if (image.status === 'importing') started = true;
      else if (started && image.status === 'queued') {
        return `import of image "${imageId}" failed: the image went back to queued`;
      }
      return undefined;
    },
  });
}

import { type RequestOptions, ValidationError } from '@cloud/core';
import { parseResponse, requireNonBlank } from '@cloud/core/service';
import type { ImageClient } from '../client.js';
import { checkImageId } from '../internal/validate.js';
import {
  baseFields,
  type CreateGlanceImageParams,
  checkProperties,
  checkPropertyName,
  checkTags,
  getGlanceImage,
} from './images.js';
import { type GlanceImage, IMAGE, parseGlanceImage } from './types.js';
import { imagePath, imageTagPath } from './urls.js';

/** The media type of Glance's JSON Patch (a subset of RFC 6902). */
export const IMAGE_PATCH_CONTENT_TYPE = 'application/openstack-images-v2.1-json-patch';

/**
 * One operation of an image update. `path` is a JSON Pointer (`/name`, `/os_distro`); build them
 * with {@link imagePatchPath} or let {@link buildImagePatch} do it. With this media type `add`
 * sets a property whether or not it exists; `replace` and `remove` of a missing additional
 * property are a `ConflictError`.
 * @example const ops: ImagePatchOperation[] = [{ op: 'add', path: '/os_distro', value: 'debian' }];
 */
export type ImagePatchOperation =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/**
 * Common additional properties (from Glance's metadata definitions), typed for completion; any
 * other string-valued key is allowed too.
 * @example const p: CommonImageProperties = { os_distro: 'ubuntu', hw_disk_bus: 'virtio' };
 */
export interface CommonImageProperties {
  architecture?: string;
  os_distro?: string;
  os_version?: string;
  os_type?: string;
  os_admin_user?: string;
  hypervisor_type?: string;
  hw_disk_bus?: string;
  hw_scsi_model?: string;
  hw_vif_model?: string;
  hw_firmware_type?: string;
  hw_machine_type?: string;
  hw_qemu_guest_agent?: string;
  os_require_quiesce?: string;
  img_config_drive?: string;
  description?: string;
  [key: string]: string | undefined;
}

/**
 * A typed update: base properties are replaced, `properties` are set (added or overwritten),
 * `removeProperties` are removed, `tags` replaces the whole tag list.
 * @example
 * ```ts
 * await updateGlanceImage(glance, id, { name: 'debian-13.1', minRam: 512, properties: { os_version: '13.1' }, removeProperties: ['stale'] });
 * ```
 */
export interface GlanceImageUpdate extends Omit<CreateGlanceImageParams, 'id' | 'properties'> {
  /** Additional properties to set; existing ones are overwritten, others left alone. */
  properties?: CommonImageProperties | undefined;
  /** Additional properties to remove (each must exist, or Glance answers 409). */
  removeProperties?: readonly string[] | undefined;
}

/**
 * The JSON Pointer of an image property: `~` and `/` are escaped (RFC 6901).
 * @example imagePatchPath('a/b'); // '/a~1b'
 */
export function imagePatchPath(property: string): string {
  return `/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Turns a typed update into JSON Patch operations: `replace` for base properties and tags,
 * `add` for additional properties (which sets them whether or not they exist), `remove` for
 * `removeProperties`. Bad input throws `ValidationError` naming the field.
 * @example
 * ```ts
 * buildImagePatch({ name: 'x', properties: { os_distro: 'debian' } });
 * // [{ op: 'replace', path: '/name', value: 'x' }, { op: 'add', path: '/os_distro', value: 'debian' }]
 * ```
 */
export function buildImagePatch(update: GlanceImageUpdate): ImagePatchOperation[] {
  if (typeof update !== 'object' || update === null) {
    throw new ValidationError('update must be an object', 'update');
  }
  const { properties, removeProperties, ...base } = update;
  const ops: ImagePatchOperation[] = [];
  for (const [key, value] of Object.entries(baseFields(base))) {
    ops.push({ op: 'replace', path: imagePatchPath(key), value });
  }
  if (properties !== undefined) {
    const props = checkProperties(
      Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined)),
    );
    for (const [key, value] of Object.entries(props))
      ops.push({ op: 'add', path: imagePatchPath(key), value });
  }
  if (removeProperties !== undefined) {
    if (!Array.isArray(removeProperties)) {
      throw new ValidationError('removeProperties must be a list of names', 'removeProperties');
    }
    removeProperties.forEach((k, i) => {
      checkPropertyName(requireNonBlank(k, `removeProperties[${i}]`), `removeProperties[${i}]`);
      if (properties?.[k] !== undefined) {
        throw new ValidationError(`${k} is both set and removed`, `removeProperties[${i}]`);
      }
      ops.push({ op: 'remove', path: imagePatchPath(k) });
    });
  }
  return ops;
}

function checkOperations(ops: readonly ImagePatchOperation[]): void {
  ops.forEach((o, i) => {
    const field = `patch[${i}]`;
    if (typeof o !== 'object' || o === null || !['add', 'replace', 'remove'].includes(o.op)) {
      throw new ValidationError(`${field}.op must be add, replace or remove`, `${field}.op`);
    }
    if (typeof o.path !== 'string' || !/^\/[^/]/.test(o.path)) {
      throw new ValidationError(`${field}.path must be a JSON Pointer such as "/name"`, `${field}.path`);
    }
    if (o.op !== 'remove' && !('value' in o)) {
      throw new ValidationError(
        `${field}.value is required for ${String((o as { op: string }).op)}`,
        `${field}.value`,
      );
    }
  });
}

/**
 * Updates an image with a JSON Patch (`application/openstack-images-v2.1-json-patch`), from a
 * typed {@link GlanceImageUpdate} or from raw operations, and returns the updated image. An empty
 * update sends nothing and returns the image as it is.
 * @example
 * ```ts
 * await updateGlanceImage(glance, id, { visibility: 'community', properties: { hw_disk_bus: 'scsi' } });
 * await updateGlanceImage(glance, id, [{ op: 'remove', path: '/hw_disk_bus' }]);
 * ```
 */
export async function updateGlanceImage(
  client: ImageClient,
  imageId: string,
  update: GlanceImageUpdate | readonly ImagePatchOperation[],
  options?: RequestOptions,
): Promise<GlanceImage> {
  checkImageId(imageId);
  const ops = Array.isArray(update)
    ? (update as readonly ImagePatchOperation[])
    : buildImagePatch(update as GlanceImageUpdate);
  if (Array.isArray(update)) checkOperations(ops);
  if (ops.length === 0) return getGlanceImage(client, imageId, options);
  const res = await client.request('PATCH', imagePath(imageId), {
    ...options,
    body: JSON.stringify(ops),
    headers: { ...options?.headers, 'content-type': IMAGE_PATCH_CONTENT_TYPE },
    resource: `image "${imageId}"`,
  });
  return parseGlanceImage(parseResponse(res, IMAGE));
}

/**
 * Reads an image's additional properties (base properties left out).
 * @example const { os_distro } = await getImageProperties(glance, id);
 */
export async function getImageProperties(
  client: ImageClient,
  imageId: string,
  options?: RequestOptions,
): Promise<Record<string, unknown>> {
  return (await getGlanceImage(client, imageId, options)).properties;
}

/**
 * Sets additional properties, merging: the given keys are added or overwritten, others stay.
 * @example await setImageProperties(glance, id, { os_distro: 'debian', os_version: '13' });
 */
export async function setImageProperties(
  client: ImageClient,
  imageId: string,
  properties: CommonImageProperties,
  options?: RequestOptions,
): Promise<GlanceImage> {
  return updateGlanceImage(client, imageId, { properties }, options);
}

/**
 * Replaces the whole set of additional properties: the given keys are set and every other
 * user property is removed (Glance's own `os_glance_*`, `stores` and protected-by-policy keys it
 * refuses to remove are left as they are).
 * @example await replaceImageProperties(glance, id, { os_distro: 'debian' });
 */
export async function replaceImageProperties(
  client: ImageClient,
  imageId: string,
  properties: CommonImageProperties,
  options?: RequestOptions,
): Promise<GlanceImage> {
  checkImageId(imageId);
  checkProperties(properties);
  const current = await getGlanceImage(client, imageId, options);
  const removeProperties = Object.keys(current.properties).filter(
    (k) => !(k in properties) && !k.startsWith('os_glance') && k !== 'stores',
  );
  return updateGlanceImage(client, imageId, { properties, removeProperties }, options);
}

/**
 * Removes named additional properties. Names the image does not have are skipped (Glance would
 * answer 409 for them), so the call is safe to repeat.
 * @example await deleteImageProperties(glance, id, ['stale', 'old_key']);
 */
export async function deleteImageProperties(
  client: ImageClient,
  imageId: string,
  names: readonly string[],
  options?: RequestOptions,
): Promise<GlanceImage> {
  checkImageId(imageId);
  if (!Array.isArray(names)) throw new ValidationError('names must be a list of property names', 'names');
  names.forEach((k, i) => {
    checkPropertyName(requireNonBlank(k, `names[${i}]`), `names[${i}]`);
  });
  const current = await getGlanceImage(client, imageId, options);
  const present = names.filter((k) => k in current.properties);
  if (present.length === 0) return current;
  return updateGlanceImage(client, imageId, { removeProperties: present }, options);
}

/**
 * Adds a tag to an image (a no-op if it is there).
 * @example await addImageTag(glance, id, 'ready');
 */
export async function addImageTag(
  client: ImageClient,
  imageId: string,
  tag: string,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  requireNonBlank(tag, 'tag');
  await client.request('PUT', imageTagPath(imageId, tag), { ...options, resource: `image "${imageId}"` });
}

/**
 * Removes a tag from an image; a tag the image does not have is `NotFoundError`.
 * @example await deleteImageTag(glance, id, 'ready');
 */
export async function deleteImageTag(
  client: ImageClient,
  imageId: string,
  tag: string,
  options?: RequestOptions,
): Promise<void> {
  checkImageId(imageId);
  requireNonBlank(tag, 'tag');
  await client.request('DELETE', imageTagPath(imageId, tag), {
    ...options,
    resource: `tag "${tag}" of image "${imageId}"`,
  });
}

/**
 * Replaces an image's whole tag list.
 * @example await replaceImageTags(glance, id, ['ready', 'approved']);
 */
export async function replaceImageTags(
  client: ImageClient,
  imageId: string,
  tags: readonly string[],
  options?: RequestOptions,
): Promise<GlanceImage> {
  return updateGlanceImage(client, imageId, { tags: checkTags(tags) }, options);
}

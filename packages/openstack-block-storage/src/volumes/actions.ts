import { type MicroversionRequestOptions, ValidationError } from '@cloud/core';
import {
  boolean,
  checkMicroversionGates,
  type MicroversionGate,
  object,
  omitUndefined,
  optional,
  requireInteger,
  requireOneOf,
  requireString,
  string,
  unwrap,
} from '@cloud/core/service';
import { BLOCK_STORAGE_MICROVERSIONS, type BlockStorageClient } from '../client.js';
import { send } from '../internal/common.js';
import { volumeActionUrl } from './urls.js';
import { checkVolumeTypeName, getVolume } from './volumes.js';

const action = (
  client: BlockStorageClient,
  id: string,
  body: unknown,
  o: { gates?: MicroversionGate[]; params?: object; options?: MicroversionRequestOptions } = {},
) => send(client, 'POST', volumeActionUrl(id), { ...o, json: body, resource: `volume "${id}"` });

const EXTEND_IN_USE: MicroversionGate[] = [
  { field: 'extendVolume of an in-use volume', since: '3.42', operation: true },
];

/**
 * Grows a volume to `newSize` GiB (`os-extend`). The volume is read first: a size that is not
 * larger than the current one fails without the extend request. An attached (`in-use`) volume
 * can be extended from microversion 3.42.
 * @throws ValidationError for a `newSize` that is not a positive integer (before any request), or
 *   not above the volume's size, or an in-use volume below 3.42.
 * @example
 * ```ts
 * await extendVolume(volumes, id, 20);
 * await waitForVolumeStatus(volumes, id, 'available');
 * ```
 */
export async function extendVolume(
  client: BlockStorageClient,
  volumeId: string,
  newSize: number,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeId, 'volumeId');
  requireInteger(newSize, 'newSize', 1);
  const current = await getVolume(client, volumeId, options);
  if (newSize <= current.size) {
    throw new ValidationError(
      `newSize must be larger than the volume's size (${current.size} GiB), got ${newSize}; volumes cannot shrink`,
      'newSize',
    );
  }
  if (current.status === 'in-use') {
    const version = options?.microversion ?? (await client.microversions.resolve(client, options?.signal));
    checkMicroversionGates(BLOCK_STORAGE_MICROVERSIONS, version, EXTEND_IN_USE);
  }
  await action(client, volumeId, { 'os-extend': { new_size: newSize } }, { options });
}

/**
 * What {@link retypeVolume} changes to.
 * @example retypeVolume(volumes, id, { volumeType: 'ssd', migrationPolicy: 'on-demand' });
 */
export interface RetypeVolumeParams {
  /** The new volume type, by name or id; a name is checked against the visible types first. */
  volumeType: string;
  /** `never` (default: fail when the backend cannot retype in place) or `on-demand` (migrate). */
  migrationPolicy?: 'never' | 'on-demand' | undefined;
}

/**
 * Changes a volume's type (`os-retype`), migrating it to another backend when allowed.
 * @throws ValidationError for an unknown type name or migration policy, before the retype request.
 * @example
 * ```ts
 * await retypeVolume(volumes, id, { volumeType: 'fast', migrationPolicy: 'on-demand' });
 * await waitForVolumeStatus(volumes, id, 'available');
 * ```
 */
export async function retypeVolume(
  client: BlockStorageClient,
  volumeId: string,
  params: RetypeVolumeParams,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeId, 'volumeId');
  requireString(params?.volumeType, 'volumeType');
  if (params.migrationPolicy !== undefined) {
    requireOneOf(params.migrationPolicy, ['never', 'on-demand'], 'migrationPolicy');
  }
  await checkVolumeTypeName(client, params.volumeType, 'volumeType', options);
  await action(
    client,
    volumeId,
    { 'os-retype': omitUndefined({ new_type: params.volumeType, migration_policy: params.migrationPolicy }) },
    { options },
  );
}

/**
 * Marks a volume bootable or not (`os-set_bootable`).
 * @example await setVolumeBootable(volumes, id, true);
 */
export async function setVolumeBootable(
  client: BlockStorageClient,
  volumeId: string,
  bootable: boolean,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeId, 'volumeId');
  if (typeof bootable !== 'boolean') throw new ValidationError('bootable must be a boolean', 'bootable');
  await action(client, volumeId, { 'os-set_bootable': { bootable } }, { options });
}

/**
 * Makes a volume read-only or read-write for the servers it is attached to later
 * (`os-update_readonly_flag`).
 * @example await setVolumeReadonly(volumes, id, true);
 */
export async function setVolumeReadonly(
  client: BlockStorageClient,
  volumeId: string,
  readonly: boolean,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeId, 'volumeId');
  if (typeof readonly !== 'boolean') throw new ValidationError('readonly must be a boolean', 'readonly');
  await action(client, volumeId, { 'os-update_readonly_flag': { readonly } }, { options });
}

/**
 * What {@link uploadVolumeToImage} creates.
 * @example uploadVolumeToImage(volumes, id, { imageName: 'golden', diskFormat: 'qcow2' });
 */
export interface UploadVolumeToImageParams {
  imageName: string;
  /** Upload an attached volume too. */
  force?: boolean | undefined;
  /** `raw` (default), `qcow2`, `vmdk`, `vdi`, `vhd`, `vhdx`, `ploop`. */
  diskFormat?: string | undefined;
  /** `bare` (default). */
  containerFormat?: string | undefined;
  /** Image visibility (3.1+). */
  visibility?: 'public' | 'private' | 'shared' | 'community' | undefined;
  /** Image protection (3.1+). */
  protected?: boolean | undefined;
}

/** The image an upload started. */
export interface VolumeImageUpload {
  imageId: string;
  imageName?: string | undefined;
  /** Status of the volume (`uploading`). */
  status?: string | undefined;
  diskFormat?: string | undefined;
  containerFormat?: string | undefined;
  raw: Record<string, unknown>;
}

const UPLOAD_GATES: MicroversionGate[] = [
  { field: 'visibility', since: '3.1' },
  { field: 'protected', since: '3.1' },
];

interface UploadWire {
  image_id: string;
  image_name?: string;
  status?: string;
  disk_format?: string;
  container_format?: string;
  protected?: boolean;
}
const UPLOAD = object<UploadWire>({
  image_id: string,
  image_name: optional(string),
  status: optional(string),
  disk_format: optional(string),
  container_format: optional(string),
  protected: optional(boolean),
});

/**
 * Copies a volume into a new image of the image service (`os-volume_upload_image`). The volume
 * is `uploading` until the copy ends.
 * @example
 * ```ts
 * const { imageId } = await uploadVolumeToImage(volumes, id, { imageName: 'golden' });
 * ```
 */
export async function uploadVolumeToImage(
  client: BlockStorageClient,
  volumeId: string,
  params: UploadVolumeToImageParams,
  options?: MicroversionRequestOptions,
): Promise<VolumeImageUpload> {
  requireString(volumeId, 'volumeId');
  requireString(params?.imageName, 'imageName');
  const res = await action(
    client,
    volumeId,
    {
      'os-volume_upload_image': omitUndefined({
        image_name: params.imageName,
        force: params.force,
        disk_format: params.diskFormat,
        container_format: params.containerFormat,
        visibility: params.visibility,
        protected: params.protected,
      }),
    },
    { gates: UPLOAD_GATES, params, options },
  );
  const w = unwrap(res, 'os-volume_upload_image', UPLOAD);
  return {
    imageId: w.image_id,
    imageName: w.image_name,
    status: w.status,
    diskFormat: w.disk_format,
    containerFormat: w.container_format,
    raw: w as unknown as Record<string, unknown>,
  };
}

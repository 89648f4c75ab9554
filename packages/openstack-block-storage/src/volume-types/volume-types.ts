import { type MicroversionRequestOptions, type PagedIterable, ValidationError } from '@cloud/core';
import {
  boolean,
  object,
  omitUndefined,
  optional,
  recordOf,
  requireString,
  string,
  stringOrNumber,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { bool, seg, send } from '../internal/common.js';
import { listWhole } from '../internal/list.js';

/**
 * A volume type: the backend and options a volume is created with.
 * @example for await (const t of listVolumeTypes(volumes)) console.log(t.name, t.extraSpecs);
 */
export interface VolumeType {
  /** A UUID on Cinder; Rackspace's SATA/SSD have numeric ids, given here as strings. */
  id: string;
  name: string;
  description?: string | undefined;
  isPublic?: boolean | undefined;
  /** Extra specs, when the caller may see them (admins, or specs marked user-visible). */
  extraSpecs: Record<string, string>;
  qosSpecsId?: string | undefined;
  raw: Record<string, unknown>;
}

/** @internal */
interface VolumeTypeWire {
  id: string | number;
  name: string;
  description?: string | null;
  is_public?: boolean;
  'os-volume-type-access:is_public'?: boolean;
  extra_specs?: Record<string, string> | null;
  qos_specs_id?: string | null;
}

const VOLUME_TYPE = object<VolumeTypeWire>({
  id: stringOrNumber,
  name: string,
  description: optional(string),
  is_public: optional(boolean),
  extra_specs: optional(recordOf(string)),
});

const parseVolumeType = (w: VolumeTypeWire): VolumeType => ({
  id: String(w.id),
  name: w.name,
  description: w.description ?? undefined,
  isPublic: w.is_public ?? w['os-volume-type-access:is_public'],
  extraSpecs: { ...(w.extra_specs ?? {}) },
  qosSpecsId: w.qos_specs_id ?? undefined,
  raw: w as unknown as Record<string, unknown>,
});

const typeUrl = (id: string) => `types/${seg(id)}`;
const SPECS = recordOf(string);

/**
 * Lists the volume types the caller can use (one response).
 * @example for await (const t of listVolumeTypes(volumes)) console.log(t.id, t.name);
 */
export function listVolumeTypes(
  client: BlockStorageClient,
  params: { isPublic?: boolean | undefined } = {},
  options?: MicroversionRequestOptions,
): PagedIterable<VolumeType> {
  return listWhole(client, {
    path: 'types',
    key: 'volume_types',
    shape: VOLUME_TYPE,
    map: parseVolumeType,
    query: { is_public: bool(params.isPublic) },
    options,
  });
}

/**
 * Gets a volume type by id.
 * @example const t = await getVolumeType(volumes, typeId);
 */
export async function getVolumeType(
  client: BlockStorageClient,
  volumeTypeId: string,
  options?: MicroversionRequestOptions,
): Promise<VolumeType> {
  requireString(volumeTypeId, 'volumeTypeId');
  const res = await send(client, 'GET', typeUrl(volumeTypeId), {
    options,
    resource: `volume type "${volumeTypeId}"`,
  });
  return parseVolumeType(unwrap(res, 'volume_type', VOLUME_TYPE));
}

/**
 * Gets the type new volumes get when none is named.
 * @example const { name } = await getDefaultVolumeType(volumes);
 */
export async function getDefaultVolumeType(
  client: BlockStorageClient,
  options?: MicroversionRequestOptions,
): Promise<VolumeType> {
  const res = await send(client, 'GET', 'types/default', { options, resource: 'default volume type' });
  return parseVolumeType(unwrap(res, 'volume_type', VOLUME_TYPE));
}

/**
 * What {@link createVolumeType} creates (admin only by default policy).
 * @example createVolumeType(volumes, { name: 'fast', extraSpecs: { volume_backend_name: 'ssd' } });
 */
export interface CreateVolumeTypeParams {
  name: string;
  description?: string | undefined;
  /** Default true. A private type is usable by the projects given access. */
  isPublic?: boolean | undefined;
  extraSpecs?: Record<string, string> | undefined;
}

/**
 * Creates a volume type (admin).
 * @throws ForbiddenError for a non-admin under default policy.
 * @example const t = await createVolumeType(volumes, { name: 'fast', isPublic: false });
 */
export async function createVolumeType(
  client: BlockStorageClient,
  params: CreateVolumeTypeParams,
  options?: MicroversionRequestOptions,
): Promise<VolumeType> {
  requireString(params?.name, 'name');
  const res = await send(client, 'POST', 'types', {
    options,
    json: {
      volume_type: omitUndefined({
        name: params.name,
        description: params.description,
        'os-volume-type-access:is_public': params.isPublic,
        extra_specs: params.extraSpecs,
      }),
    },
  });
  return parseVolumeType(unwrap(res, 'volume_type', VOLUME_TYPE));
}

/**
 * Deletes a volume type (admin).
 * @example await deleteVolumeType(volumes, typeId);
 */
export async function deleteVolumeType(
  client: BlockStorageClient,
  volumeTypeId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeTypeId, 'volumeTypeId');
  await send(client, 'DELETE', typeUrl(volumeTypeId), { options, resource: `volume type "${volumeTypeId}"` });
}

/**
 * Reads a volume type's extra specs.
 * @example const specs = await getVolumeTypeExtraSpecs(volumes, typeId);
 */
export async function getVolumeTypeExtraSpecs(
  client: BlockStorageClient,
  volumeTypeId: string,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  requireString(volumeTypeId, 'volumeTypeId');
  const res = await send(client, 'GET', `${typeUrl(volumeTypeId)}/extra_specs`, {
    options,
    resource: `volume type "${volumeTypeId}"`,
  });
  return { ...unwrap(res, 'extra_specs', SPECS) };
}

/**
 * Merges keys into a volume type's extra specs (admin); returns the keys written.
 * @example await setVolumeTypeExtraSpecs(volumes, typeId, { multiattach: '<is> True' });
 */
export async function setVolumeTypeExtraSpecs(
  client: BlockStorageClient,
  volumeTypeId: string,
  extraSpecs: Record<string, string>,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  requireString(volumeTypeId, 'volumeTypeId');
  if (
    !extraSpecs ||
    typeof extraSpecs !== 'object' ||
    Object.values(extraSpecs).some((v) => typeof v !== 'string')
  ) {
    throw new ValidationError('extraSpecs must be an object of strings', 'extraSpecs');
  }
  const res = await send(client, 'POST', `${typeUrl(volumeTypeId)}/extra_specs`, {
    options,
    json: { extra_specs: extraSpecs },
    resource: `volume type "${volumeTypeId}"`,
  });
  return { ...unwrap(res, 'extra_specs', SPECS) };
}

/**
 * Removes the named extra specs (admin), one request per key.
 * @example await deleteVolumeTypeExtraSpecs(volumes, typeId, ['multiattach']);
 */
export async function deleteVolumeTypeExtraSpecs(
  client: BlockStorageClient,
  volumeTypeId: string,
  keys: readonly string[],
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeTypeId, 'volumeTypeId');
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string' || k === '')) {
    throw new ValidationError('keys must be an array of non-empty strings', 'keys');
  }
  for (const key of keys) {
    await send(client, 'DELETE', `${typeUrl(volumeTypeId)}/extra_specs/${seg(key)}`, {
      options,
      resource: `extra spec "${key}" of volume type "${volumeTypeId}"`,
    });
  }
}

/**
 * One project's access to a private volume type.
 * @example for await (const a of listVolumeTypeAccess(volumes, typeId)) console.log(a.projectId);
 */
export interface VolumeTypeAccess {
  projectId: string;
  volumeTypeId: string;
}

/**
 * Lists the projects that may use a private volume type (admin).
 * @example for await (const a of listVolumeTypeAccess(volumes, typeId)) console.log(a.projectId);
 */
export function listVolumeTypeAccess(
  client: BlockStorageClient,
  volumeTypeId: string,
  options?: MicroversionRequestOptions,
): PagedIterable<VolumeTypeAccess> {
  requireString(volumeTypeId, 'volumeTypeId');
  return listWhole(client, {
    path: `${typeUrl(volumeTypeId)}/os-volume-type-access`,
    key: 'volume_type_access',
    shape: object<{ project_id: string; volume_type_id: string }>({
      project_id: string,
      volume_type_id: string,
    }),
    map: (w) => ({ projectId: w.project_id, volumeTypeId: w.volume_type_id }),
    resource: `volume type "${volumeTypeId}"`,
    options,
  });
}

/**
 * Lets a project use a private volume type (admin).
 * @example await addVolumeTypeAccess(volumes, typeId, projectId);
 */
export async function addVolumeTypeAccess(
  client: BlockStorageClient,
  volumeTypeId: string,
  projectId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeTypeId, 'volumeTypeId');
  requireString(projectId, 'projectId');
  await send(client, 'POST', `${typeUrl(volumeTypeId)}/action`, {
    options,
    json: { addProjectAccess: { project: projectId } },
    resource: `volume type "${volumeTypeId}"`,
  });
}

/**
 * Withdraws a project's access to a private volume type (admin).
 * @example await removeVolumeTypeAccess(volumes, typeId, projectId);
 */
export async function removeVolumeTypeAccess(
  client: BlockStorageClient,
  volumeTypeId: string,
  projectId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeTypeId, 'volumeTypeId');
  requireString(projectId, 'projectId');
  await send(client, 'POST', `${typeUrl(volumeTypeId)}/action`, {
    options,
    json: { removeProjectAccess: { project: projectId } },
    resource: `volume type "${volumeTypeId}"`,
  });
}

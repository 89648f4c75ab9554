import {
  ForbiddenError,
  type MicroversionRequestOptions,
  type PagedIterable,
  ValidationError,
} from '@cloud/core';
import {
  type MicroversionGate,
  number,
  omitUndefined,
  requireInteger,
  requireString,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { bool, nameFields, send } from '../internal/common.js';
import { listResource } from '../internal/list.js';
import { listVolumeTypes } from '../volume-types/volume-types.js';
import {
  parseVolume,
  parseVolumeSummary,
  VOLUME,
  VOLUME_SUMMARY,
  VOLUME_TOTALS,
  type Volume,
  type VolumeStatus,
  type VolumeSummary,
  type VolumeSummaryTotals,
} from './types.js';
import { volumeSummaryUrl, volumesDetailUrl, volumesUrl, volumeUrl } from './urls.js';

/**
 * Filters and sorting of {@link listVolumes} and {@link listVolumesDetail}.
 * @example listVolumesDetail(volumes, { status: 'available', sortKey: 'created_at', sortDir: 'desc', limit: 50 });
 */
export interface ListVolumesParams {
  name?: string | undefined;
  status?: VolumeStatus | (string & {}) | undefined;
  /** Volumes carrying every one of these metadata pairs. */
  metadata?: Record<string, string> | undefined;
  availabilityZone?: string | undefined;
  bootable?: boolean | undefined;
  /** Volumes of every project (admin). */
  allProjects?: boolean | undefined;
  /** `sort` as Cinder takes it: `name:asc,created_at:desc`. Not with `sortKey`. */
  sort?: string | undefined;
  sortKey?: string | undefined;
  sortDir?: 'asc' | 'desc' | undefined;
  /** Page size requested from the service. */
  limit?: number | undefined;
  /** Start after this volume id. */
  marker?: string | undefined;
}

const listQuery = (p: ListVolumesParams) => {
  if (p.sort !== undefined && (p.sortKey !== undefined || p.sortDir !== undefined)) {
    throw new ValidationError('give either sort or sortKey/sortDir, not both', 'sort');
  }
  if (p.sortDir !== undefined && p.sortDir !== 'asc' && p.sortDir !== 'desc') {
    throw new ValidationError(`sortDir must be asc or desc, got ${String(p.sortDir)}`, 'sortDir');
  }
  return {
    name: p.name,
    status: p.status,
    metadata: p.metadata && JSON.stringify(p.metadata),
    availability_zone: p.availabilityZone,
    bootable: bool(p.bootable),
    all_tenants: p.allProjects ? '1' : undefined,
    sort: p.sort,
    sort_key: p.sortKey,
    sort_dir: p.sortDir,
  };
};

/**
 * Lists volumes (id, name, links), following `volumes_links` page by page.
 * @example
 * ```ts
 * for await (const v of listVolumes(volumes, { name: 'data' })) console.log(v.id);
 * ```
 */
export function listVolumes(
  client: BlockStorageClient,
  params: ListVolumesParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<VolumeSummary> {
  return listResource(client, {
    path: volumesUrl,
    key: 'volumes',
    shape: VOLUME_SUMMARY,
    map: parseVolumeSummary,
    query: listQuery(params),
    limit: params.limit,
    marker: params.marker,
    options,
  });
}

/**
 * Lists volumes with their details, following `volumes_links` page by page.
 * @example
 * ```ts
 * for await (const v of listVolumesDetail(volumes, { status: 'in-use' })) console.log(v.id, v.attachments);
 * ```
 */
export function listVolumesDetail(
  client: BlockStorageClient,
  params: ListVolumesParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Volume> {
  return listResource(client, {
    path: volumesDetailUrl,
    key: 'volumes',
    shape: VOLUME,
    map: parseVolume,
    query: listQuery(params),
    limit: params.limit,
    marker: params.marker,
    options,
  });
}

const COUNT_GATES: MicroversionGate[] = [{ field: 'countVolumes', since: '3.45', operation: true }];

/**
 * Counts the volumes matching the filters (`with_count=true`, microversion 3.45+), without
 * listing them.
 * @throws ValidationError below microversion 3.45, before any request.
 * @example
 * ```ts
 * const n = await countVolumes(volumes, { status: 'error' }, { microversion: '3.45' });
 * ```
 */
export async function countVolumes(
  client: BlockStorageClient,
  params: Omit<ListVolumesParams, 'limit' | 'marker' | 'sort' | 'sortKey' | 'sortDir'> = {},
  options?: MicroversionRequestOptions,
): Promise<number> {
  const res = await send(client, 'GET', volumesUrl, {
    gates: COUNT_GATES,
    options,
    searchParams: { ...listQuery(params), with_count: 'true', limit: 1 },
  });
  return unwrap(res, 'count', number);
}

/**
 * Gets a volume.
 * @throws NotFoundError naming the volume.
 * @example const v = await getVolume(volumes, id);
 */
export async function getVolume(
  client: BlockStorageClient,
  volumeId: string,
  options?: MicroversionRequestOptions,
): Promise<Volume> {
  requireString(volumeId, 'volumeId');
  const res = await send(client, 'GET', volumeUrl(volumeId), { options, resource: `volume "${volumeId}"` });
  return parseVolume(unwrap(res, 'volume', VOLUME));
}

/**
 * What {@link createVolume} creates. Give `size` for an empty volume, or one source
 * (`snapshotId`, `sourceVolumeId`, `imageId`, `backupId`); `size` may then be left out (the
 * source's size) or be larger.
 * @example
 * ```ts
 * createVolume(volumes, { size: 10, name: 'data', volumeType: 'lvmdriver-1', metadata: { app: 'db' } });
 * ```
 */
export interface CreateVolumeParams {
  /** Size in GiB, a positive integer. */
  size?: number | undefined;
  name?: string | undefined;
  description?: string | undefined;
  availabilityZone?: string | undefined;
  /** A volume type name or id; a name is checked against the visible types before creating. */
  volumeType?: string | undefined;
  metadata?: Record<string, string> | undefined;
  /** Create from this snapshot. */
  snapshotId?: string | undefined;
  /** Clone this volume. */
  sourceVolumeId?: string | undefined;
  /** Create from this image (the volume is bootable). */
  imageId?: string | undefined;
  /** Restore this backup into the new volume (3.47+). */
  backupId?: string | undefined;
  /** Allow attaching to several servers (needs a multiattach-capable volume type on newer clouds). */
  multiattach?: boolean | undefined;
  /** `OS-SCH-HNT:scheduler_hints`, e.g. `{ different_host: [id] }`. */
  schedulerHints?: Record<string, unknown> | undefined;
}

const CREATE_GATES: MicroversionGate[] = [{ field: 'backupId', since: '3.47' }];
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Rejects a volume type name that no visible type has (before the create request). @internal */
export async function checkVolumeTypeName(
  client: BlockStorageClient,
  volumeType: string,
  field: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  if (UUID.test(volumeType)) return;
  const names: string[] = [];
  try {
    for await (const t of listVolumeTypes(
      client,
      {},
      { signal: options?.signal, timeoutMs: options?.timeoutMs },
    )) {
      if (t.name === volumeType || t.id === volumeType) return;
      if (t.name) names.push(t.name);
    }
  } catch (error) {
    if (error instanceof ForbiddenError) return; // the cloud hides its types: let it decide
    throw error;
  }
  throw new ValidationError(
    `${field} "${volumeType}" is not a volume type of this cloud (known: ${names.join(', ') || 'none'})`,
    field,
  );
}

function checkCreate(p: CreateVolumeParams): void {
  if (typeof p !== 'object' || p === null) throw new ValidationError('params must be an object', 'params');
  const sources = (['snapshotId', 'sourceVolumeId', 'imageId', 'backupId'] as const).filter(
    (k) => p[k] !== undefined,
  );
  if (sources.length > 1) {
    throw new ValidationError(`give one source, not ${sources.join(' and ')}`, sources[1]!);
  }
  for (const k of sources) requireString(p[k], k);
  if (p.size !== undefined || sources.length === 0) requireInteger(p.size, 'size', 1);
  if (p.volumeType !== undefined) requireString(p.volumeType, 'volumeType');
}

/**
 * Creates a volume: empty, from a snapshot, a clone of another volume, from an image (bootable),
 * or from a backup. Answers at once with status `creating`; wait with {@link waitForVolumeStatus}.
 * @throws ValidationError before any request for a size that is not a positive integer, several
 *   sources, a volume type name the cloud does not have, or `backupId` below 3.47.
 * @example
 * ```ts
 * const v = await createVolume(volumes, { size: 1, name: 'scratch' });
 * await waitForVolumeStatus(volumes, v.id, 'available');
 * ```
 */
export async function createVolume(
  client: BlockStorageClient,
  params: CreateVolumeParams,
  options?: MicroversionRequestOptions,
): Promise<Volume> {
  checkCreate(params);
  if (params.volumeType !== undefined)
    await checkVolumeTypeName(client, params.volumeType, 'volumeType', options);
  const names = await nameFields(client, params.name, params.description, options?.signal);
  const res = await send(client, 'POST', volumesUrl, {
    gates: CREATE_GATES,
    params,
    options,
    json: omitUndefined({
      volume: omitUndefined({
        size: params.size,
        ...names,
        availability_zone: params.availabilityZone,
        volume_type: params.volumeType,
        metadata: params.metadata,
        snapshot_id: params.snapshotId,
        source_volid: params.sourceVolumeId,
        imageRef: params.imageId,
        backup_id: params.backupId,
        multiattach: params.multiattach,
      }),
      'OS-SCH-HNT:scheduler_hints': params.schedulerHints,
    }),
  });
  return parseVolume(unwrap(res, 'volume', VOLUME));
}

/**
 * What {@link updateVolume} changes.
 * @example updateVolume(volumes, id, { name: 'renamed' });
 */
export interface UpdateVolumeParams {
  name?: string | undefined;
  description?: string | undefined;
  /** Replaces the whole metadata set; prefer {@link setVolumeMetadata} to merge. */
  metadata?: Record<string, string> | undefined;
}

/**
 * Renames a volume, or changes its description.
 * @throws ValidationError when nothing is to be changed.
 * @example const v = await updateVolume(volumes, id, { name: 'db-data' });
 */
export async function updateVolume(
  client: BlockStorageClient,
  volumeId: string,
  params: UpdateVolumeParams,
  options?: MicroversionRequestOptions,
): Promise<Volume> {
  requireString(volumeId, 'volumeId');
  if (
    !params ||
    (params.name === undefined && params.description === undefined && params.metadata === undefined)
  ) {
    throw new ValidationError('give name, description or metadata to update', 'params');
  }
  const names = await nameFields(client, params.name, params.description, options?.signal);
  const res = await send(client, 'PUT', volumeUrl(volumeId), {
    options,
    json: { volume: omitUndefined({ ...names, metadata: params.metadata }) },
    resource: `volume "${volumeId}"`,
  });
  return parseVolume(unwrap(res, 'volume', VOLUME));
}

/**
 * Options of {@link deleteVolume}.
 * @example deleteVolume(volumes, id, { cascade: true });
 */
export interface DeleteVolumeParams {
  /** Delete the volume's snapshots too. */
  cascade?: boolean | undefined;
  /** Delete whatever the state (admin; 3.23+). */
  force?: boolean | undefined;
}

const DELETE_GATES: MicroversionGate[] = [{ field: 'force', since: '3.23' }];

/**
 * Deletes a volume (asynchronously: wait with {@link waitForVolumeDeleted}).
 * @example
 * ```ts
 * await deleteVolume(volumes, id, { cascade: true });
 * await waitForVolumeDeleted(volumes, id);
 * ```
 */
export async function deleteVolume(
  client: BlockStorageClient,
  volumeId: string,
  params: DeleteVolumeParams = {},
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(volumeId, 'volumeId');
  await send(client, 'DELETE', volumeUrl(volumeId), {
    gates: DELETE_GATES,
    params,
    options,
    searchParams: { cascade: bool(params.cascade), force: bool(params.force) },
    resource: `volume "${volumeId}"`,
  });
}

const SUMMARY_GATES: MicroversionGate[] = [{ field: 'getVolumeSummary', since: '3.12', operation: true }];

/**
 * Totals of the project's volumes: count, size, and metadata seen (3.12+; metadata 3.36+).
 * @example
 * ```ts
 * const { totalCount, totalSize } = await getVolumeSummary(volumes, {}, { microversion: '3.36' });
 * ```
 */
export async function getVolumeSummary(
  client: BlockStorageClient,
  params: { allProjects?: boolean | undefined } = {},
  options?: MicroversionRequestOptions,
): Promise<VolumeSummaryTotals> {
  const res = await send(client, 'GET', volumeSummaryUrl, {
    gates: SUMMARY_GATES,
    options,
    searchParams: { all_tenants: params.allProjects ? '1' : undefined },
  });
  const w = unwrap(res, 'volume-summary', VOLUME_TOTALS);
  return omitUndefined({ totalSize: Number(w.total_size), totalCount: w.total_count, metadata: w.metadata });
}

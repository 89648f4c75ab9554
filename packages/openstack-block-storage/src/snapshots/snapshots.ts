import {
  type MicroversionRequestOptions,
  type PagedIterable,
  type StatusWaiterOptions,
  ValidationError,
  type WaiterOptions,
} from '@cloud/core';
import { omitUndefined, pollForStatus, pollUntilGone, requireString, unwrap } from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { nameFields, send } from '../internal/common.js';
import { listResource } from '../internal/list.js';
import { metadataOps } from '../internal/metadata.js';
import { parseSnapshot, SNAPSHOT, type Snapshot, type SnapshotStatus } from './types.js';
import { snapshotsDetailUrl, snapshotsUrl, snapshotUrl } from './urls.js';

/**
 * What {@link createSnapshot} takes.
 * @example createSnapshot(volumes, { volumeId: id, name: 'before-upgrade', force: true });
 */
export interface CreateSnapshotParams {
  volumeId: string;
  name?: string | undefined;
  description?: string | undefined;
  /** Snapshot an attached (`in-use`) volume too. */
  force?: boolean | undefined;
  metadata?: Record<string, string> | undefined;
}

/**
 * Snapshots a volume. Answers with status `creating`; wait with {@link waitForSnapshotStatus}.
 * @example
 * ```ts
 * const s = await createSnapshot(volumes, { volumeId: id, name: 'nightly' });
 * await waitForSnapshotStatus(volumes, s.id, 'available');
 * ```
 */
export async function createSnapshot(
  client: BlockStorageClient,
  params: CreateSnapshotParams,
  options?: MicroversionRequestOptions,
): Promise<Snapshot> {
  requireString(params?.volumeId, 'volumeId');
  if (params.force !== undefined && typeof params.force !== 'boolean') {
    throw new ValidationError('force must be a boolean', 'force');
  }
  const names = await nameFields(client, params.name, params.description, options?.signal);
  const res = await send(client, 'POST', snapshotsUrl, {
    options,
    json: {
      snapshot: omitUndefined({
        volume_id: params.volumeId,
        force: params.force,
        ...names,
        metadata: params.metadata,
      }),
    },
  });
  return parseSnapshot(unwrap(res, 'snapshot', SNAPSHOT));
}

/**
 * Filters of {@link listSnapshots}.
 * @example listSnapshots(volumes, { volumeId: id, status: 'available' });
 */
export interface ListSnapshotsParams {
  name?: string | undefined;
  status?: SnapshotStatus | (string & {}) | undefined;
  volumeId?: string | undefined;
  allProjects?: boolean | undefined;
  /** `created_at:desc`-style sort. */
  sort?: string | undefined;
  limit?: number | undefined;
  marker?: string | undefined;
}

const listOf =
  (path: string) =>
  (client: BlockStorageClient, p: ListSnapshotsParams = {}, options?: MicroversionRequestOptions) =>
    listResource(client, {
      path,
      key: 'snapshots',
      shape: SNAPSHOT,
      map: parseSnapshot,
      query: {
        name: p.name,
        status: p.status,
        volume_id: p.volumeId,
        all_tenants: p.allProjects ? '1' : undefined,
        sort: p.sort,
      },
      limit: p.limit,
      marker: p.marker,
      options,
    });

/**
 * Lists snapshots with their details (`/snapshots/detail`), page by page.
 * @example for await (const s of listSnapshots(volumes, { volumeId: id })) console.log(s.id, s.status);
 */
export function listSnapshots(
  client: BlockStorageClient,
  params: ListSnapshotsParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Snapshot> {
  return listOf(snapshotsDetailUrl)(client, params, options);
}

/**
 * Lists snapshots from the plain `/snapshots` listing (Cinder returns the same fields there).
 * @example for await (const s of listSnapshotsSummary(volumes)) console.log(s.id);
 */
export function listSnapshotsSummary(
  client: BlockStorageClient,
  params: ListSnapshotsParams = {},
  options?: MicroversionRequestOptions,
): PagedIterable<Snapshot> {
  return listOf(snapshotsUrl)(client, params, options);
}

/**
 * Gets a snapshot.
 * @throws NotFoundError naming the snapshot.
 * @example const s = await getSnapshot(volumes, id);
 */
export async function getSnapshot(
  client: BlockStorageClient,
  snapshotId: string,
  options?: MicroversionRequestOptions,
): Promise<Snapshot> {
  requireString(snapshotId, 'snapshotId');
  const res = await send(client, 'GET', snapshotUrl(snapshotId), {
    options,
    resource: `snapshot "${snapshotId}"`,
  });
  return parseSnapshot(unwrap(res, 'snapshot', SNAPSHOT));
}

/**
 * Renames a snapshot or changes its description.
 * @example await updateSnapshot(volumes, id, { name: 'kept' });
 */
export async function updateSnapshot(
  client: BlockStorageClient,
  snapshotId: string,
  params: { name?: string | undefined; description?: string | undefined },
  options?: MicroversionRequestOptions,
): Promise<Snapshot> {
  requireString(snapshotId, 'snapshotId');
  if (!params || (params.name === undefined && params.description === undefined)) {
    throw new ValidationError('give name or description to update', 'params');
  }
  const names = await nameFields(client, params.name, params.description, options?.signal);
  const res = await send(client, 'PUT', snapshotUrl(snapshotId), {
    options,
    json: { snapshot: omitUndefined(names) },
    resource: `snapshot "${snapshotId}"`,
  });
  return parseSnapshot(unwrap(res, 'snapshot', SNAPSHOT));
}

/**
 * Deletes a snapshot (asynchronously: wait with {@link waitForSnapshotDeleted}).
 * @example await deleteSnapshot(volumes, id);
 */
export async function deleteSnapshot(
  client: BlockStorageClient,
  snapshotId: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(snapshotId, 'snapshotId');
  await send(client, 'DELETE', snapshotUrl(snapshotId), { options, resource: `snapshot "${snapshotId}"` });
}

/** Statuses that fail {@link waitForSnapshotStatus} unless `failOn` says otherwise. */
export const SNAPSHOT_FAILURE_STATUSES: readonly SnapshotStatus[] = ['error', 'error_deleting'];

/**
 * Waits until a snapshot reaches one of `status`; fails at once on `error` / `error_deleting`.
 * @example await waitForSnapshotStatus(volumes, id, 'available');
 */
export function waitForSnapshotStatus(
  client: BlockStorageClient,
  snapshotId: string,
  status: SnapshotStatus | (string & {}) | readonly (SnapshotStatus | (string & {}))[],
  options: StatusWaiterOptions<SnapshotStatus | (string & {}), Snapshot> = {},
): Promise<Snapshot> {
  requireString(snapshotId, 'snapshotId');
  return pollForStatus<Snapshot, string>({
    ...options,
    status,
    defaultFailOn: SNAPSHOT_FAILURE_STATUSES,
    resource: `snapshot "${snapshotId}"`,
    fetch: (signal) => getSnapshot(client, snapshotId, { ...options.request, signal }),
    statusOf: (s) => s.status,
    failureDetail: (s) => `of volume ${s.volumeId}${s.progress ? `, progress ${s.progress}` : ''}`,
  });
}

/**
 * Waits until a deleted snapshot is gone (404); fails at once on `error_deleting`.
 * @example await waitForSnapshotDeleted(volumes, id);
 */
export function waitForSnapshotDeleted(
  client: BlockStorageClient,
  snapshotId: string,
  options: WaiterOptions<Snapshot> = {},
): Promise<void> {
  requireString(snapshotId, 'snapshotId');
  return pollUntilGone<Snapshot>({
    ...options,
    description: `snapshot "${snapshotId}" to be deleted`,
    fetch: (signal) => getSnapshot(client, snapshotId, { signal }),
    failure: (s) =>
      s.status === 'error_deleting' ? `snapshot "${snapshotId}" is error_deleting` : undefined,
  });
}

const ops = metadataOps('snapshots', 'snapshot');

/**
 * Reads a snapshot's metadata.
 * @example const meta = await getSnapshotMetadata(volumes, id);
 */
export function getSnapshotMetadata(
  client: BlockStorageClient,
  snapshotId: string,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  return ops.get(client, snapshotId, options);
}

/**
 * Merges keys into a snapshot's metadata; returns the whole set.
 * @example await setSnapshotMetadata(volumes, id, { reason: 'upgrade' });
 */
export function setSnapshotMetadata(
  client: BlockStorageClient,
  snapshotId: string,
  metadata: Record<string, string>,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  return ops.set(client, snapshotId, metadata, options);
}

/**
 * Replaces a snapshot's whole metadata set.
 * @example await replaceSnapshotMetadata(volumes, id, { reason: 'upgrade' });
 */
export function replaceSnapshotMetadata(
  client: BlockStorageClient,
  snapshotId: string,
  metadata: Record<string, string>,
  options?: MicroversionRequestOptions,
): Promise<Record<string, string>> {
  return ops.replace(client, snapshotId, metadata, options);
}

/**
 * Removes the named keys from a snapshot's metadata.
 * @example await deleteSnapshotMetadata(volumes, id, ['reason']);
 */
export function deleteSnapshotMetadata(
  client: BlockStorageClient,
  snapshotId: string,
  keys: readonly string[],
  options?: MicroversionRequestOptions,
): Promise<void> {
  return ops.delete(client, snapshotId, keys, options);
}

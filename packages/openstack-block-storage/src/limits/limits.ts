import type { MicroversionRequestOptions } from '@cloud/core';
import {
  number,
  object,
  optional,
  recordOf,
  requireString,
  stringOrNumber,
  unknownValue,
  unwrap,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';
import { seg, send } from '../internal/common.js';

/**
 * The project's absolute limits and usage (`GET /limits`); `-1` means unlimited.
 * @example const { maxTotalVolumeGigabytes, totalGigabytesUsed } = await getBlockStorageLimits(volumes);
 */
export interface BlockStorageLimits {
  maxTotalVolumes?: number | undefined;
  maxTotalSnapshots?: number | undefined;
  maxTotalVolumeGigabytes?: number | undefined;
  maxTotalBackups?: number | undefined;
  maxTotalBackupGigabytes?: number | undefined;
  totalVolumesUsed?: number | undefined;
  totalGigabytesUsed?: number | undefined;
  totalSnapshotsUsed?: number | undefined;
  totalBackupsUsed?: number | undefined;
  totalBackupGigabytesUsed?: number | undefined;
  /** Every absolute limit as sent, unknown ones included. */
  absolute: Record<string, number>;
  /** Rate limits, as sent (usually empty). */
  rate: unknown[];
}

const LIMITS = object<{ absolute: Record<string, number>; rate?: unknown[] }>({
  absolute: recordOf(number),
  rate: optional(unknownValue) as never,
});

/**
 * Gets the project's absolute limits and usage.
 * @example
 * ```ts
 * const l = await getBlockStorageLimits(volumes);
 * console.log(`${l.totalGigabytesUsed}/${l.maxTotalVolumeGigabytes} GiB`);
 * ```
 */
export async function getBlockStorageLimits(
  client: BlockStorageClient,
  options?: MicroversionRequestOptions,
): Promise<BlockStorageLimits> {
  const res = await send(client, 'GET', 'limits', { options });
  const w = unwrap(res, 'limits', LIMITS);
  const a = w.absolute;
  return {
    maxTotalVolumes: a.maxTotalVolumes,
    maxTotalSnapshots: a.maxTotalSnapshots,
    maxTotalVolumeGigabytes: a.maxTotalVolumeGigabytes,
    maxTotalBackups: a.maxTotalBackups,
    maxTotalBackupGigabytes: a.maxTotalBackupGigabytes,
    totalVolumesUsed: a.totalVolumesUsed,
    totalGigabytesUsed: a.totalGigabytesUsed,
    totalSnapshotsUsed: a.totalSnapshotsUsed,
    totalBackupsUsed: a.totalBackupsUsed,
    totalBackupGigabytesUsed: a.totalBackupGigabytesUsed,
    absolute: { ...a },
    rate: Array.isArray(w.rate) ? w.rate : [],
  };
}

/**
 * One quota with its usage (`usage=true`). `limit` -1 means unlimited.
 * @example const { limit, inUse } = (await getBlockStorageQuotas(volumes)).volumes;
 */
export interface BlockStorageQuotaUsage {
  limit: number;
  inUse: number;
  reserved: number;
  allocated?: number | undefined;
}

/**
 * A project's quotas with usage: the well-known ones by name, and every quota (per volume type
 * ones such as `gigabytes_SATA` included) in `all`.
 * @example const q = await getBlockStorageQuotas(volumes); console.log(q.gigabytes?.inUse);
 */
export interface BlockStorageQuotas {
  projectId: string;
  volumes?: BlockStorageQuotaUsage | undefined;
  snapshots?: BlockStorageQuotaUsage | undefined;
  gigabytes?: BlockStorageQuotaUsage | undefined;
  backups?: BlockStorageQuotaUsage | undefined;
  backupGigabytes?: BlockStorageQuotaUsage | undefined;
  perVolumeGigabytes?: BlockStorageQuotaUsage | undefined;
  groups?: BlockStorageQuotaUsage | undefined;
  all: Record<string, BlockStorageQuotaUsage>;
}

const USAGE = object<{ limit: number; in_use: number; reserved?: number; allocated?: number }>({
  limit: number,
  in_use: number,
  reserved: optional(number),
  allocated: optional(number),
});

async function projectOf(client: BlockStorageClient, projectId: string | undefined, signal?: AbortSignal) {
  if (projectId !== undefined) return requireString(projectId, 'projectId');
  const auth = await client.session.authenticate({ signal });
  return requireString(auth.project?.id, 'projectId');
}

/**
 * Gets a project's quotas with their usage (`os-quota-sets/{project}?usage=true`). Defaults to
 * the session's project.
 * @example const q = await getBlockStorageQuotas(volumes);
 */
export async function getBlockStorageQuotas(
  client: BlockStorageClient,
  params: { projectId?: string | undefined } = {},
  options?: MicroversionRequestOptions,
): Promise<BlockStorageQuotas> {
  const projectId = await projectOf(client, params.projectId, options?.signal);
  const res = await send(client, 'GET', `os-quota-sets/${seg(projectId)}`, {
    options,
    searchParams: { usage: 'true' },
    resource: `quotas of project "${projectId}"`,
  });
  const set = unwrap(res, 'quota_set', recordOf(unknownValue));
  const all: Record<string, BlockStorageQuotaUsage> = {};
  for (const [k, v] of Object.entries(set)) {
    if (k === 'id') continue;
    const problem = USAGE.problem(v, `quota_set.${k}`);
    if (problem) continue; // not a usage entry
    const u = v as { limit: number; in_use: number; reserved?: number; allocated?: number };
    all[k] = {
      limit: u.limit,
      inUse: u.in_use,
      reserved: u.reserved ?? 0,
      ...(u.allocated !== undefined ? { allocated: u.allocated } : {}),
    };
  }
  return {
    projectId,
    volumes: all.volumes,
    snapshots: all.snapshots,
    gigabytes: all.gigabytes,
    backups: all.backups,
    backupGigabytes: all.backup_gigabytes,
    perVolumeGigabytes: all.per_volume_gigabytes,
    groups: all.groups,
    all,
  };
}

/**
 * Gets the default quotas new projects get (limits only).
 * @example const d = await getDefaultBlockStorageQuotas(volumes); console.log(d.volumes);
 */
export async function getDefaultBlockStorageQuotas(
  client: BlockStorageClient,
  params: { projectId?: string | undefined } = {},
  options?: MicroversionRequestOptions,
): Promise<Record<string, number>> {
  const projectId = await projectOf(client, params.projectId, options?.signal);
  const res = await send(client, 'GET', `os-quota-sets/${seg(projectId)}/defaults`, { options });
  const set = unwrap(res, 'quota_set', recordOf(unknownValue));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(set)) {
    if (k !== 'id' && !stringOrNumber.problem(v, k) && typeof v === 'number') out[k] = v;
  }
  return out;
}

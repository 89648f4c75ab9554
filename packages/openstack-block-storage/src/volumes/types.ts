import {
  arrayOf,
  boolean,
  number,
  object,
  oneOf,
  optional,
  recordOf,
  string,
  stringOrNumber,
  unknownValue,
} from '@cloud/core/service';
import { type BlockStorageLink, dateOf, LINKS, type LinkWire, parseLinks } from '../internal/common.js';

/** Volume statuses Cinder documents; clouds may add their own, so `string` is accepted too. */
export type VolumeStatus =
  | 'creating'
  | 'available'
  | 'reserved'
  | 'attaching'
  | 'detaching'
  | 'in-use'
  | 'maintenance'
  | 'deleting'
  | 'awaiting-transfer'
  | 'error'
  | 'error_deleting'
  | 'backing-up'
  | 'restoring-backup'
  | 'error_backing-up'
  | 'error_restoring'
  | 'error_extending'
  | 'downloading'
  | 'uploading'
  | 'retyping'
  | 'extending';

/**
 * One attachment of a volume, as the volume lists it.
 * @example for (const a of volume.attachments) console.log(a.serverId, a.device);
 */
export interface VolumeAttachmentInfo {
  /** The attachment id. */
  attachmentId?: string | undefined;
  serverId?: string | undefined;
  device?: string | undefined;
  hostName?: string | undefined;
  attachedAt?: Date | undefined;
}

/**
 * A volume in a plain list (`GET /volumes`): id, name and links.
 * @example for await (const v of listVolumes(volumes)) console.log(v.id, v.name);
 */
export interface VolumeSummary {
  id: string;
  name?: string | undefined;
  links: BlockStorageLink[];
}

/**
 * A volume with its details.
 * @example const v = await getVolume(volumes, id); console.log(v.status, v.size, v.volumeType);
 */
export interface Volume extends VolumeSummary {
  status: VolumeStatus | (string & {});
  /** Size in GiB. */
  size: number;
  description?: string | undefined;
  availabilityZone?: string | undefined;
  /** Volume type name. */
  volumeType?: string | undefined;
  /** Volume type id (microversion 3.63+). */
  volumeTypeId?: string | undefined;
  bootable: boolean;
  encrypted?: boolean | undefined;
  multiattach?: boolean | undefined;
  snapshotId?: string | undefined;
  sourceVolumeId?: string | undefined;
  /** The backup it was restored from (3.47+). */
  backupId?: string | undefined;
  metadata: Record<string, string>;
  /** Image properties of a volume made from an image (`volume_image_metadata`). */
  imageMetadata?: Record<string, string> | undefined;
  attachments: VolumeAttachmentInfo[];
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  userId?: string | undefined;
  /** `os-vol-tenant-attr:tenant_id`. */
  projectId?: string | undefined;
  migrationStatus?: string | undefined;
  replicationStatus?: string | undefined;
  groupId?: string | undefined;
  /** The wire object, unknown and extension fields included. */
  raw: Record<string, unknown>;
}

/** Totals of `GET /volumes/summary` (3.12+). */
export interface VolumeSummaryTotals {
  totalSize: number;
  totalCount: number;
  /** Every metadata key with the values seen (3.36+). */
  metadata?: Record<string, string[]> | undefined;
}

/** @internal */
export interface VolumeAttachmentWire {
  id?: string;
  attachment_id?: string;
  server_id?: string;
  device?: string;
  host_name?: string | null;
  attached_at?: string | null;
}

/** @internal */
export interface VolumeWire {
  id: string;
  name?: string | null;
  display_name?: string | null;
  description?: string | null;
  display_description?: string | null;
  status: string;
  size: number;
  availability_zone?: string | null;
  volume_type?: string | null;
  volume_type_id?: string | null;
  bootable?: string | boolean;
  encrypted?: boolean;
  multiattach?: boolean;
  snapshot_id?: string | null;
  source_volid?: string | null;
  backup_id?: string | null;
  metadata?: Record<string, string> | null;
  volume_image_metadata?: Record<string, string> | null;
  attachments?: VolumeAttachmentWire[];
  created_at?: string | null;
  updated_at?: string | null;
  user_id?: string | null;
  'os-vol-tenant-attr:tenant_id'?: string;
  migration_status?: string | null;
  replication_status?: string | null;
  group_id?: string | null;
  links?: LinkWire[];
}

/** @internal */
export const VOLUME_SUMMARY = object<{ id: string; name?: string | null; links?: LinkWire[] }>({
  id: string,
  name: optional(string),
  links: LINKS,
});

/** @internal */
export const VOLUME = object<VolumeWire>({
  id: string,
  name: optional(string),
  display_name: optional(string),
  description: optional(string),
  status: string,
  size: number,
  availability_zone: optional(string),
  volume_type: optional(string),
  bootable: optional(oneOf(string, boolean)) as never,
  encrypted: optional(boolean),
  multiattach: optional(boolean),
  metadata: optional(recordOf(string)),
  volume_image_metadata: optional(recordOf(unknownValue)) as never,
  attachments: optional(arrayOf(object<VolumeAttachmentWire>({ server_id: optional(string) }))),
  created_at: optional(string),
  links: LINKS,
});

/** @internal */
export const VOLUME_TOTALS = object<{
  total_size: number;
  total_count: number;
  metadata?: Record<string, string[]>;
}>({
  total_size: stringOrNumber as never,
  total_count: number,
  metadata: optional(recordOf(arrayOf(string))),
});

/** @internal */
export const parseVolumeSummary = (w: {
  id: string;
  name?: string | null;
  display_name?: string | null;
  links?: LinkWire[];
}): VolumeSummary => ({
  id: w.id,
  name: w.name ?? w.display_name ?? undefined,
  links: parseLinks(w.links),
});

const stringsOf = (r: Record<string, unknown> | null | undefined): Record<string, string> | undefined =>
  r
    ? Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      )
    : undefined;

/** @internal */
export const parseVolume = (w: VolumeWire): Volume => ({
  ...parseVolumeSummary(w),
  status: w.status,
  size: w.size,
  description: w.description ?? w.display_description ?? undefined,
  availabilityZone: w.availability_zone ?? undefined,
  volumeType: w.volume_type ?? undefined,
  volumeTypeId: w.volume_type_id ?? undefined,
  bootable: w.bootable === true || String(w.bootable).toLowerCase() === 'true',
  encrypted: w.encrypted,
  multiattach: w.multiattach,
  snapshotId: w.snapshot_id ?? undefined,
  sourceVolumeId: w.source_volid ?? undefined,
  backupId: w.backup_id ?? undefined,
  metadata: { ...(w.metadata ?? {}) },
  imageMetadata: stringsOf(w.volume_image_metadata),
  attachments: (w.attachments ?? []).map((a) => ({
    attachmentId: a.attachment_id ?? a.id,
    serverId: a.server_id,
    device: a.device,
    hostName: a.host_name ?? undefined,
    attachedAt: dateOf(a.attached_at),
  })),
  createdAt: dateOf(w.created_at),
  updatedAt: dateOf(w.updated_at),
  userId: w.user_id ?? undefined,
  projectId: w['os-vol-tenant-attr:tenant_id'],
  migrationStatus: w.migration_status ?? undefined,
  replicationStatus: w.replication_status ?? undefined,
  groupId: w.group_id ?? undefined,
  raw: w as unknown as Record<string, unknown>,
});

import { number, object, optional, recordOf, string } from '@cloud/core/service';
import { type BlockStorageLink, dateOf, LINKS, type LinkWire, parseLinks } from '../internal/common.js';

/** Snapshot statuses Cinder documents; clouds may add their own. */
export type SnapshotStatus =
  | 'creating'
  | 'available'
  | 'backing-up'
  | 'deleting'
  | 'error'
  | 'deleted'
  | 'unmanaging'
  | 'restoring'
  | 'error_deleting';

/**
 * A snapshot of a volume.
 * @example const s = await getSnapshot(volumes, id); console.log(s.volumeId, s.status);
 */
export interface Snapshot {
  id: string;
  name?: string | undefined;
  description?: string | undefined;
  status: SnapshotStatus | (string & {});
  /** Size in GiB. */
  size: number;
  volumeId: string;
  metadata: Record<string, string>;
  /** `os-extended-snapshot-attributes:progress`, e.g. `100%`. */
  progress?: string | undefined;
  /** `os-extended-snapshot-attributes:project_id`. */
  projectId?: string | undefined;
  userId?: string | undefined;
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  links: BlockStorageLink[];
  /** The wire object, unknown fields included. */
  raw: Record<string, unknown>;
}

/** @internal */
export interface SnapshotWire {
  id: string;
  name?: string | null;
  display_name?: string | null;
  description?: string | null;
  display_description?: string | null;
  status: string;
  size: number;
  volume_id: string;
  metadata?: Record<string, string> | null;
  'os-extended-snapshot-attributes:progress'?: string;
  'os-extended-snapshot-attributes:project_id'?: string;
  user_id?: string;
  created_at?: string | null;
  updated_at?: string | null;
  links?: LinkWire[];
}

/** @internal */
export const SNAPSHOT = object<SnapshotWire>({
  id: string,
  name: optional(string),
  display_name: optional(string),
  description: optional(string),
  status: string,
  size: number,
  volume_id: string,
  metadata: optional(recordOf(string)),
  created_at: optional(string),
  links: LINKS,
});

/** @internal */
export const parseSnapshot = (w: SnapshotWire): Snapshot => ({
  id: w.id,
  name: w.name ?? w.display_name ?? undefined,
  description: w.description ?? w.display_description ?? undefined,
  status: w.status,
  size: w.size,
  volumeId: w.volume_id,
  metadata: { ...(w.metadata ?? {}) },
  progress: w['os-extended-snapshot-attributes:progress'],
  projectId: w['os-extended-snapshot-attributes:project_id'],
  userId: w.user_id,
  createdAt: dateOf(w.created_at),
  updatedAt: dateOf(w.updated_at),
  links: parseLinks(w.links),
  raw: w as unknown as Record<string, unknown>,
});

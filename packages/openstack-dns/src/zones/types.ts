import {
  arrayOf,
  boolean,
  number,
  object,
  optional,
  recordOf,
  string,
  unknownValue,
} from '@cloud/core/service';
import { type DnsLinks, LINKS, optionalDate } from '../internal/common.js';

/**
 * Statuses of a zone, recordset or PTR record: `PENDING` while a change is applied, then
 * `ACTIVE` or `ERROR`; a floating IP whose PTR record was unset is `INACTIVE`.
 */
export type KnownDnsStatus = 'ACTIVE' | 'PENDING' | 'ERROR' | 'DELETED' | 'INACTIVE' | 'SUCCESS' | 'NO_ZONE';
/** A status, known or not. */
export type DnsStatus = KnownDnsStatus | (string & {});
/** What the pending change is: `CREATE`, `UPDATE`, `DELETE`, or `NONE` once applied. */
export type DnsAction = 'NONE' | 'CREATE' | 'UPDATE' | 'DELETE' | (string & {});
/** `PRIMARY` zones are edited through the API; `SECONDARY` zones are transferred from `masters`. */
export type ZoneType = 'PRIMARY' | 'SECONDARY';

/**
 * A DNS zone.
 * @example const zone = await getZone(dns, id); console.log(zone.name, zone.status, zone.serial);
 */
export interface Zone {
  id: string;
  /** Fully qualified, with the trailing dot: `example.com.`. */
  name: string;
  /** The zone owner's contact address (in the SOA record). */
  email: string | undefined;
  ttl: number | undefined;
  serial: number;
  status: DnsStatus;
  action: DnsAction;
  type: ZoneType | (string & {});
  description: string | undefined;
  /** Servers a SECONDARY zone is transferred from (`192.0.2.1:53`). */
  masters: string[];
  poolId: string | undefined;
  projectId: string;
  version: number | undefined;
  attributes: Record<string, string>;
  /** True when the zone is shared with other projects (Designate 2023.1 and later). */
  shared: boolean | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  transferredAt: Date | undefined;
  links: DnsLinks;
  /** The zone as Designate sent it, unknown fields included. */
  raw: ZoneWire;
}

/** @internal wire shape */
export interface ZoneWire {
  id: string;
  name: string;
  email?: string | null;
  ttl?: number | null;
  serial: number;
  status: string;
  action: string;
  type: string;
  description?: string | null;
  masters?: string[] | null;
  pool_id?: string | null;
  project_id: string;
  version?: number | null;
  attributes?: Record<string, string> | null;
  shared?: boolean | null;
  created_at?: string | null;
  updated_at?: string | null;
  transferred_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const ZONE = object<ZoneWire>({
  id: string,
  name: string,
  email: optional(string),
  ttl: optional(number),
  serial: number,
  status: string,
  action: string,
  type: string,
  description: optional(string),
  masters: optional(arrayOf(string)),
  pool_id: optional(string),
  project_id: string,
  version: optional(number),
  attributes: optional(recordOf(unknownValue)) as never,
  shared: optional(boolean),
  created_at: optional(string),
  updated_at: optional(string),
  transferred_at: optional(string),
  links: optional(LINKS),
});

/** @internal */
export const parseZone = (w: ZoneWire): Zone => ({
  id: w.id,
  name: w.name,
  email: w.email ?? undefined,
  ttl: w.ttl ?? undefined,
  serial: w.serial,
  status: w.status,
  action: w.action,
  type: w.type,
  description: w.description ?? undefined,
  masters: w.masters ?? [],
  poolId: w.pool_id ?? undefined,
  projectId: w.project_id,
  version: w.version ?? undefined,
  attributes: w.attributes ?? {},
  shared: w.shared ?? undefined,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  transferredAt: optionalDate(w.transferred_at),
  links: w.links ?? {},
  raw: w,
});

/**
 * A name server of a zone.
 * @example const [ns] = await listZoneNameservers(dns, zoneId); console.log(ns?.hostname);
 */
export interface ZoneNameserver {
  hostname: string;
  priority: number;
}

/** @internal */
export const NAMESERVER = object<ZoneNameserver>({ hostname: string, priority: number });

/** Statuses of an export or import task: `PENDING`, then `COMPLETE` or `ERROR`. */
export type ZoneTaskStatus = 'PENDING' | 'COMPLETE' | 'ERROR' | (string & {});

/**
 * A zone export task; once `COMPLETE`, {@link downloadZoneExport} returns the BIND text.
 * @example const task = await createZoneExport(dns, zoneId); console.log(task.status);
 */
export interface ZoneExport {
  id: string;
  zoneId: string;
  status: ZoneTaskStatus;
  /** Why it failed, when `ERROR`. */
  message: string | undefined;
  /** Where the export is stored: `designate://v2/zones/tasks/exports/<id>/export` for Designate's own store. */
  location: string | undefined;
  projectId: string | undefined;
  version: number | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: ZoneTaskWire;
}

/**
 * A zone import task; once `COMPLETE`, `zoneId` names the zone it created.
 * @example const task = await createZoneImport(dns, bindText); console.log(task.status);
 */
export interface ZoneImport {
  id: string;
  /** The created zone, once the import is `COMPLETE`. */
  zoneId: string | undefined;
  status: ZoneTaskStatus;
  message: string | undefined;
  projectId: string | undefined;
  version: number | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: ZoneTaskWire;
}

/** @internal wire shape of exports and imports */
export interface ZoneTaskWire {
  id: string;
  status: string;
  zone_id?: string | null;
  message?: string | null;
  location?: string | null;
  project_id?: string | null;
  version?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const ZONE_TASK = object<ZoneTaskWire>({
  id: string,
  status: string,
  zone_id: optional(string),
  message: optional(string),
  location: optional(string),
  project_id: optional(string),
  version: optional(number),
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

const taskCommon = (w: ZoneTaskWire) => ({
  id: w.id,
  status: w.status,
  message: w.message ?? undefined,
  projectId: w.project_id ?? undefined,
  version: w.version ?? undefined,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

/** @internal */
export const parseZoneExport = (w: ZoneTaskWire): ZoneExport => ({
  ...taskCommon(w),
  zoneId: w.zone_id ?? '',
  location: w.location ?? undefined,
});

/** @internal */
export const parseZoneImport = (w: ZoneTaskWire): ZoneImport => ({
  ...taskCommon(w),
  zoneId: w.zone_id ?? undefined,
});

/**
 * An offer to transfer a zone to another project. The `key` must reach the receiving project
 * by other means; it accepts with {@link acceptZoneTransfer}.
 * @example const req = await createZoneTransferRequest(dns, zoneId, { targetProjectId: 'p-2' });
 */
export interface ZoneTransferRequest {
  id: string;
  zoneId: string;
  zoneName: string | undefined;
  /** The secret the receiving project presents; shown to the owning project only. */
  key: string | undefined;
  /** Only this project may accept; any project when unset. */
  targetProjectId: string | undefined;
  projectId: string | undefined;
  description: string | undefined;
  status: DnsStatus;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: ZoneTransferRequestWire;
}

/** @internal wire shape */
export interface ZoneTransferRequestWire {
  id: string;
  zone_id: string;
  zone_name?: string | null;
  key?: string | null;
  target_project_id?: string | null;
  project_id?: string | null;
  description?: string | null;
  status: string;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const ZONE_TRANSFER_REQUEST = object<ZoneTransferRequestWire>({
  id: string,
  zone_id: string,
  zone_name: optional(string),
  key: optional(string),
  target_project_id: optional(string),
  project_id: optional(string),
  description: optional(string),
  status: string,
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

/** @internal */
export const parseZoneTransferRequest = (w: ZoneTransferRequestWire): ZoneTransferRequest => ({
  id: w.id,
  zoneId: w.zone_id,
  zoneName: w.zone_name ?? undefined,
  key: w.key ?? undefined,
  targetProjectId: w.target_project_id ?? undefined,
  projectId: w.project_id ?? undefined,
  description: w.description ?? undefined,
  status: w.status,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

/**
 * An accepted zone transfer: once `COMPLETE`, the zone belongs to the accepting project.
 * @example const accept = await acceptZoneTransfer(dns, { transferRequestId, key });
 */
export interface ZoneTransferAccept {
  id: string;
  zoneId: string | undefined;
  transferRequestId: string | undefined;
  status: ZoneTaskStatus;
  projectId: string | undefined;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: ZoneTransferAcceptWire;
}

/** @internal wire shape */
export interface ZoneTransferAcceptWire {
  id: string;
  zone_id?: string | null;
  zone_transfer_request_id?: string | null;
  status: string;
  project_id?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const ZONE_TRANSFER_ACCEPT = object<ZoneTransferAcceptWire>({
  id: string,
  zone_id: optional(string),
  zone_transfer_request_id: optional(string),
  status: string,
  project_id: optional(string),
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

/** @internal */
export const parseZoneTransferAccept = (w: ZoneTransferAcceptWire): ZoneTransferAccept => ({
  id: w.id,
  zoneId: w.zone_id ?? undefined,
  transferRequestId: w.zone_transfer_request_id ?? undefined,
  status: w.status,
  projectId: w.project_id ?? undefined,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

/**
 * A zone shared with another project (Designate 2023.1 and later), which may then create
 * recordsets in it.
 * @example const share = await shareZone(dns, zoneId, { targetProjectId: 'p-2' });
 */
export interface ZoneShare {
  id: string;
  zoneId: string;
  projectId: string | undefined;
  targetProjectId: string;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  links: DnsLinks;
  raw: ZoneShareWire;
}

/** @internal wire shape */
export interface ZoneShareWire {
  id: string;
  zone_id: string;
  project_id?: string | null;
  target_project_id: string;
  created_at?: string | null;
  updated_at?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const ZONE_SHARE = object<ZoneShareWire>({
  id: string,
  zone_id: string,
  project_id: optional(string),
  target_project_id: string,
  created_at: optional(string),
  updated_at: optional(string),
  links: optional(LINKS),
});

/** @internal */
export const parseZoneShare = (w: ZoneShareWire): ZoneShare => ({
  id: w.id,
  zoneId: w.zone_id,
  projectId: w.project_id ?? undefined,
  targetProjectId: w.target_project_id,
  createdAt: optionalDate(w.created_at),
  updatedAt: optionalDate(w.updated_at),
  links: w.links ?? {},
  raw: w,
});

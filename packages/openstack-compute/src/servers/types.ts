import {
  arrayOf,
  boolean,
  number,
  object,
  oneOf,
  optional,
  parseTimestamp,
  recordOf,
  string,
} from '@cloud/core/service';
import { LINKS, type LinkWire, parseLinks } from '../internal/common.js';
import { METADATA } from '../internal/metadata.js';
import type { ComputeLink, ComputeMetadata } from '../types.js';

/**
 * Server statuses Nova documents, the one list the {@link ServerStatus} type is derived from.
 * Other strings may appear on some clouds.
 * @example if (!SERVER_STATUSES.includes(s.status as ServerStatus)) console.warn('new status', s.status);
 */
export const SERVER_STATUSES = [
  'ACTIVE',
  'BUILD',
  'DELETED',
  'ERROR',
  'HARD_REBOOT',
  'MIGRATING',
  'PASSWORD',
  'PAUSED',
  'REBOOT',
  'REBUILD',
  'RESCUE',
  'RESIZE',
  'REVERT_RESIZE',
  'SHELVED',
  'SHELVED_OFFLOADED',
  'SHUTOFF',
  'SOFT_DELETED',
  'SUSPENDED',
  'UNKNOWN',
  'VERIFY_RESIZE',
] as const;

/**
 * A server status Nova documents; see {@link SERVER_STATUSES}.
 * @example const done: ServerStatus[] = ['ACTIVE', 'SHUTOFF'];
 */
export type ServerStatus = (typeof SERVER_STATUSES)[number];

/**
 * A server as returned by {@link listServers}: id, name and links only.
 * @example for await (const { id, name } of listServers(compute)) console.log(id, name);
 */
export interface ServerSummary {
  id: string;
  name: string;
  links: ComputeLink[];
}

/**
 * One IP address of a server on one network.
 * @example const v4 = (await getServerAddressesByNetwork(compute, id, 'public')).find((a) => a.version === 4)?.address;
 */
export interface ServerAddress {
  address: string;
  version: 4 | 6;
  /** `fixed` or `floating` (`OS-EXT-IPS:type`), when the cloud reports it. */
  type?: string | undefined;
  /** MAC address of the port (`OS-EXT-IPS-MAC:mac_addr`), when reported. */
  macAddress?: string | undefined;
}

/**
 * A server's addresses by network name (label).
 * @example const byNet: ServerAddresses = await getServerAddresses(compute, id);
 */
export type ServerAddresses = Record<string, ServerAddress[]>;

/**
 * Why a server is in `ERROR`.
 * @example const why = (await getServer(compute, id)).fault?.message;
 */
export interface ServerFault {
  code: number;
  message: string;
  created?: Date | undefined;
  /** Stack trace; only shown to administrators. */
  details?: string | undefined;
}

/**
 * The image a server was booted from.
 * @example const imageId = (await getServer(compute, id)).image?.id; // undefined when booted from a volume
 */
export interface ServerImageRef {
  id: string;
  links: ComputeLink[];
}

/**
 * The flavor of a server. Before microversion 2.47 it is a reference (`id`, `links`); from 2.47 it
 * is a copy of the flavor's properties at boot time and has no `id`.
 * @example const { flavor } = await getServer(compute, id); console.log(flavor.id ?? flavor.originalName);
 */
export interface ServerFlavorRef {
  id?: string | undefined;
  links?: ComputeLink[] | undefined;
  /**
   * Name of the flavor the server was booted with.
   * @remarks Requires compute microversion 2.47
   */
  originalName?: string | undefined;
  /** @remarks Requires compute microversion 2.47 */
  vcpus?: number | undefined;
  /** RAM in MiB. @remarks Requires compute microversion 2.47 */
  ram?: number | undefined;
  /** Root disk in GiB. @remarks Requires compute microversion 2.47 */
  disk?: number | undefined;
  /** @remarks Requires compute microversion 2.47 */
  ephemeral?: number | undefined;
  /** Swap in MiB. @remarks Requires compute microversion 2.47 */
  swap?: number | undefined;
  /** @remarks Requires compute microversion 2.47 */
  extraSpecs?: Record<string, string> | undefined;
}

/**
 * A volume attached to a server, as listed in the server's details.
 * @example const volumeIds = (await getServer(compute, id)).volumesAttached?.map((v) => v.id);
 */
export interface ServerAttachedVolume {
  id: string;
  /** @remarks Requires compute microversion 2.3 */
  deleteOnTermination?: boolean | undefined;
}

/**
 * A server with its details, as returned by {@link getServer} and {@link listServersDetail}.
 * @example const { status, addresses, fault } = await getServer(compute, id);
 */
export interface Server {
  id: string;
  name: string;
  status: ServerStatus | (string & {});
  tenantId: string;
  userId: string;
  /** Opaque id of the host, unique per project. */
  hostId: string;
  /** Undefined for a server booted from a volume. */
  image?: ServerImageRef | undefined;
  flavor: ServerFlavorRef;
  created: Date;
  updated: Date;
  addresses: ServerAddresses;
  accessIPv4?: string | undefined;
  accessIPv6?: string | undefined;
  metadata: ComputeMetadata;
  links: ComputeLink[];
  /** Build or resize progress, 0-100. */
  progress?: number | undefined;
  keyName?: string | undefined;
  configDrive?: boolean | undefined;
  availabilityZone?: string | undefined;
  /** `AUTO` or `MANUAL` (`OS-DCF:diskConfig`). */
  diskConfig?: string | undefined;
  /** `OS-EXT-STS:task_state`, e.g. `spawning`, `deleting`. */
  taskState?: string | undefined;
  /** `OS-EXT-STS:vm_state`, e.g. `active`, `error`. */
  vmState?: string | undefined;
  /** `OS-EXT-STS:power_state`: 0 no state, 1 running, 3 paused, 4 shutdown, 6 crashed, 7 suspended. */
  powerState?: number | undefined;
  launchedAt?: Date | undefined;
  terminatedAt?: Date | undefined;
  /** Names of the security groups. */
  securityGroups?: string[] | undefined;
  volumesAttached?: ServerAttachedVolume[] | undefined;
  /** Set when the server is in `ERROR` (and sometimes after a failed operation). */
  fault?: ServerFault | undefined;
  /** @remarks Requires compute microversion 2.9 */
  locked?: boolean | undefined;
  /** @remarks Requires compute microversion 2.16 */
  hostStatus?: string | undefined;
  /** @remarks Requires compute microversion 2.19 */
  description?: string | undefined;
  /** @remarks Requires compute microversion 2.26 */
  tags?: string[] | undefined;
  /** @remarks Requires compute microversion 2.63 */
  trustedImageCertificates?: string[] | undefined;
  /** @remarks Requires compute microversion 2.71 */
  serverGroups?: string[] | undefined;
  /** @remarks Requires compute microversion 2.73 */
  lockedReason?: string | undefined;
  /** The hostname the guest sees (`OS-EXT-SRV-ATTR:hostname`). @remarks Requires compute microversion 2.90 for non-admins */
  hostname?: string | undefined;
}

/** @internal wire shape */
export interface ServerSummaryWire {
  id: string;
  name: string;
  links?: LinkWire[];
}

/** @internal wire shape */
export interface AddressWire {
  addr: string;
  version: number;
  'OS-EXT-IPS:type'?: string;
  'OS-EXT-IPS-MAC:mac_addr'?: string;
}

/** @internal wire shape */
export interface ServerWire extends ServerSummaryWire {
  status: string;
  tenant_id: string;
  user_id: string;
  hostId: string;
  /** An object, or `""` when booted from a volume. */
  image?: { id: string; links?: LinkWire[] } | string | null;
  flavor: {
    id?: string;
    links?: LinkWire[];
    original_name?: string;
    vcpus?: number;
    ram?: number;
    disk?: number;
    ephemeral?: number;
    swap?: number;
    extra_specs?: Record<string, string>;
  };
  created: string;
  updated: string;
  addresses?: Record<string, AddressWire[]>;
  accessIPv4?: string;
  accessIPv6?: string;
  metadata?: ComputeMetadata;
  progress?: number;
  key_name?: string | null;
  config_drive?: string | boolean;
  'OS-EXT-AZ:availability_zone'?: string;
  'OS-DCF:diskConfig'?: string;
  'OS-EXT-STS:task_state'?: string | null;
  'OS-EXT-STS:vm_state'?: string;
  'OS-EXT-STS:power_state'?: number;
  'OS-SRV-USG:launched_at'?: string | null;
  'OS-SRV-USG:terminated_at'?: string | null;
  'OS-EXT-SRV-ATTR:hostname'?: string;
  security_groups?: { name: string }[];
  'os-extended-volumes:volumes_attached'?: { id: string; delete_on_termination?: boolean }[];
  fault?: { code: number; message: string; created?: string; details?: string };
  locked?: boolean;
  host_status?: string;
  description?: string | null;
  tags?: string[];
  trusted_image_certificates?: string[] | null;
  server_groups?: string[];
  locked_reason?: string | null;
}

/** @internal */
export const SERVER_SUMMARY = object<ServerSummaryWire>({ id: string, name: string, links: LINKS });

/** @internal */
export const ADDRESS = object<AddressWire>({
  addr: string,
  version: number,
  'OS-EXT-IPS:type': optional(string),
  'OS-EXT-IPS-MAC:mac_addr': optional(string),
});

/** @internal */
export const ADDRESSES = recordOf(arrayOf(ADDRESS));

/** @internal */
export const SERVER = object<ServerWire>({
  id: string,
  name: string,
  links: LINKS,
  status: string,
  tenant_id: string,
  user_id: string,
  hostId: string,
  image: optional(oneOf(object<{ id: string; links?: LinkWire[] }>({ id: string, links: LINKS }), string)),
  flavor: object<ServerWire['flavor']>({
    id: optional(string),
    links: LINKS,
    original_name: optional(string),
    vcpus: optional(number),
    ram: optional(number),
    disk: optional(number),
    ephemeral: optional(number),
    swap: optional(number),
    extra_specs: optional(recordOf(string)),
  }),
  created: string,
  updated: string,
  addresses: optional(ADDRESSES),
  accessIPv4: optional(string),
  accessIPv6: optional(string),
  metadata: optional(METADATA),
  progress: optional(number),
  key_name: optional(string),
  config_drive: optional(oneOf(string, boolean)),
  'OS-EXT-STS:power_state': optional(number),
  'OS-SRV-USG:launched_at': optional(string),
  'OS-SRV-USG:terminated_at': optional(string),
  security_groups: optional(arrayOf(object<{ name: string }>({ name: string }))),
  'os-extended-volumes:volumes_attached': optional(
    arrayOf(
      object<{ id: string; delete_on_termination?: boolean }>({
        id: string,
        delete_on_termination: optional(boolean),
      }),
    ),
  ),
  fault: optional(
    object<NonNullable<ServerWire['fault']>>({
      code: number,
      message: string,
      created: optional(string),
      details: optional(string),
    }),
  ),
  locked: optional(boolean),
  tags: optional(arrayOf(string)),
  trusted_image_certificates: optional(arrayOf(string)),
  server_groups: optional(arrayOf(string)),
});

const opt = <T, R>(v: T | null | undefined | '', f: (x: T) => R): R | undefined =>
  v === undefined || v === null || v === '' ? undefined : f(v);

/** @internal */
export const parseServerSummary = (w: ServerSummaryWire): ServerSummary => ({
  id: w.id,
  name: w.name,
  links: parseLinks(w.links),
});

/** @internal */
export const parseAddresses = (w: Record<string, AddressWire[]> | undefined): ServerAddresses => {
  const out: ServerAddresses = {};
  for (const [net, list] of Object.entries(w ?? {})) {
    out[net] = list.map((a) => ({
      address: a.addr,
      version: a.version as 4 | 6,
      ...(a['OS-EXT-IPS:type'] ? { type: a['OS-EXT-IPS:type'] } : {}),
      ...(a['OS-EXT-IPS-MAC:mac_addr'] ? { macAddress: a['OS-EXT-IPS-MAC:mac_addr'] } : {}),
    }));
  }
  return out;
};

const parseFlavorRef = (f: ServerWire['flavor']): ServerFlavorRef => {
  const out: ServerFlavorRef = {};
  if (f.id !== undefined) out.id = f.id;
  if (f.links) out.links = parseLinks(f.links);
  if (f.original_name !== undefined) out.originalName = f.original_name;
  if (f.vcpus !== undefined) out.vcpus = f.vcpus;
  if (f.ram !== undefined) out.ram = f.ram;
  if (f.disk !== undefined) out.disk = f.disk;
  if (f.ephemeral !== undefined) out.ephemeral = f.ephemeral;
  if (f.swap !== undefined) out.swap = f.swap;
  if (f.extra_specs !== undefined) out.extraSpecs = f.extra_specs;
  return out;
};

/** @internal */
export function parseServer(w: ServerWire): Server {
  const s: Server = {
    id: w.id,
    name: w.name,
    status: w.status,
    tenantId: w.tenant_id,
    userId: w.user_id,
    hostId: w.hostId,
    flavor: parseFlavorRef(w.flavor ?? {}),
    created: parseTimestamp(w.created),
    updated: parseTimestamp(w.updated),
    addresses: parseAddresses(w.addresses),
    metadata: w.metadata ?? {},
    links: parseLinks(w.links),
  };
  if (w.image && typeof w.image === 'object') s.image = { id: w.image.id, links: parseLinks(w.image.links) };
  const extra: Partial<Server> = {
    accessIPv4: opt(w.accessIPv4, String),
    accessIPv6: opt(w.accessIPv6, String),
    progress: w.progress,
    keyName: opt(w.key_name, String),
    configDrive: opt(w.config_drive, (v) => v === true || String(v).toLowerCase() === 'true'),
    availabilityZone: opt(w['OS-EXT-AZ:availability_zone'], String),
    diskConfig: opt(w['OS-DCF:diskConfig'], String),
    taskState: opt(w['OS-EXT-STS:task_state'], String),
    vmState: opt(w['OS-EXT-STS:vm_state'], String),
    powerState: w['OS-EXT-STS:power_state'],
    launchedAt: opt(w['OS-SRV-USG:launched_at'], parseTimestamp),
    terminatedAt: opt(w['OS-SRV-USG:terminated_at'], parseTimestamp),
    securityGroups: w.security_groups?.map((g) => g.name),
    volumesAttached: w['os-extended-volumes:volumes_attached']?.map((v) => ({
      id: v.id,
      ...(v.delete_on_termination !== undefined ? { deleteOnTermination: v.delete_on_termination } : {}),
    })),
    fault: opt(w.fault, (f) => ({
      code: f.code,
      message: f.message,
      ...(f.created ? { created: parseTimestamp(f.created) } : {}),
      ...(f.details ? { details: f.details } : {}),
    })),
    locked: w.locked,
    hostStatus: opt(w.host_status, String),
    description: opt(w.description, String),
    tags: w.tags,
    trustedImageCertificates: opt(w.trusted_image_certificates, (v) => v),
    serverGroups: w.server_groups,
    lockedReason: opt(w.locked_reason, String),
    hostname: opt(w['OS-EXT-SRV-ATTR:hostname'], String),
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (s as any)[k] = v;
  return s;
}

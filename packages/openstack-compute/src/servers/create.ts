import { isIP } from 'node:net';
import { type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  object,
  omitUndefined,
  optional,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  requireString,
  requireUuid,
  string,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { LINKS, type LinkWire, parseLinks, toBase64 } from '../internal/common.js';
import { validateMetadata } from '../internal/metadata.js';
import { rejectFromMicroversion, requireMicroversion } from '../internal/microversion.js';
import type { ComputeLink, ComputeMetadata } from '../types.js';
import { serversPath } from './urls.js';

/**
 * A network interface of a new server, as Nova takes them: a network (optionally with a fixed IP
 * on it) or an existing port (Neutron ports come from `@cloud/openstack-network`'s `createPort`).
 * `uuid` is an alias of `network`, the name of Nova's wire field; give one of them, not both.
 * @example const nets: ServerNetwork[] = [{ network: netId, fixedIp: '10.0.0.9' }, { port: portId }];
 */
export type ServerNetwork =
  | {
      /** Network UUID. */
      network: string;
      /**
       * An IPv4 or IPv6 address of the network's subnets to give the server. Neutron's default
       * policy lets only the network's owner (or an administrator) choose one: on a shared
       * network of another project the build fails and the server ends in `ERROR`.
       */
      fixedIp?: string | undefined;
      /** @remarks Requires compute microversion 2.32 */
      tag?: string | undefined;
    }
  | {
      /** Network UUID: alias of `network` (Nova's wire name). */
      uuid: string;
      fixedIp?: string | undefined;
      /** @remarks Requires compute microversion 2.32 */
      tag?: string | undefined;
    }
  | {
      /** Port UUID; the server takes the port's network and addresses. */
      port: string;
      /** @remarks Requires compute microversion 2.32 */
      tag?: string | undefined;
    };

/**
 * One block device of a new server (block device mapping v2), e.g. a boot volume.
 * @example const boot: BlockDeviceMapping = { bootIndex: 0, sourceType: 'image', uuid: imageId, destinationType: 'volume', volumeSize: 20, deleteOnTermination: true };
 */
export interface BlockDeviceMapping {
  /** `0` marks the boot device; other disks get 1, 2... or `null` (not bootable). */
  bootIndex?: number | null | undefined;
  sourceType: 'image' | 'volume' | 'snapshot' | 'blank';
  /** `volume` (Cinder) or `local` (hypervisor disk). */
  destinationType?: 'volume' | 'local' | undefined;
  /** UUID of the source image, volume or snapshot (not for `blank`). */
  uuid?: string | undefined;
  /** Size in GiB of a volume created from an image, snapshot or blank. */
  volumeSize?: number | undefined;
  deleteOnTermination?: boolean | undefined;
  deviceName?: string | undefined;
  deviceType?: string | undefined;
  diskBus?: string | undefined;
  guestFormat?: string | undefined;
  /** @remarks Requires compute microversion 2.67 */
  volumeType?: string | undefined;
  /** @remarks Requires compute microversion 2.42 */
  tag?: string | undefined;
}

/**
 * A file injected into a new server.
 * @example await createServer(compute, { name: 'a', flavor: '1', image: imageId, personality: [{ path: '/etc/motd', contents: 'hi' }] });
 */
export interface PersonalityFile {
  path: string;
  /** Text (UTF-8) or bytes; base64-encoded for you. */
  contents: string | Uint8Array;
}

/**
 * Parameters of {@link createServer}.
 * @example await createServer(compute, { name: 'web-01', flavor: '2', image: imageId, networks: [{ network: netId }] });
 */
export interface CreateServerParams {
  name: string;
  /** Flavor id (`1`, `m1.small`'s id, Rackspace `general1-1`...). */
  flavor: string;
  /** Image UUID. May be omitted when a block device mapping has `bootIndex: 0` (boot from volume). */
  image?: string | undefined;
  keyName?: string | undefined;
  /** Cloud-init user data: a string (UTF-8) or bytes, base64-encoded for you (65535 bytes at most once encoded). */
  userData?: string | Uint8Array | undefined;
  metadata?: ComputeMetadata | undefined;
  /**
   * Network interfaces: `[{ network, fixedIp? }, { port }]`, or `'auto'` (Nova allocates a network
   * if the project has none) or `'none'` (no interface). `'auto'` and `'none'` require microversion
   * 2.37, from which Nova also requires this field. Below 2.37, leaving it out attaches the server
   * to the networks Nova picks for the project.
   */
  networks?: ServerNetwork[] | 'auto' | 'none' | undefined;
  /** Security group names. */
  securityGroups?: string[] | undefined;
  availabilityZone?: string | undefined;
  /** Block device mapping v2, e.g. boot from volume. */
  blockDeviceMappings?: BlockDeviceMapping[] | undefined;
  configDrive?: boolean | undefined;
  /**
   * Files injected at boot, where the cloud supports it.
   * @deprecated Removed at compute microversion 2.57 (rejected by the client from 2.57); use `userData`.
   */
  personality?: PersonalityFile[] | undefined;
  /** Root password to set; generated by the server when omitted. */
  adminPass?: string | undefined;
  accessIPv4?: string | undefined;
  accessIPv6?: string | undefined;
  /** `AUTO` or `MANUAL` disk partitioning (`OS-DCF:diskConfig`, Rackspace and most clouds). */
  diskConfig?: 'AUTO' | 'MANUAL' | undefined;
  /** Scheduler hints (`os:scheduler_hints`), e.g. `{ group: serverGroupId }`. */
  schedulerHints?: Record<string, unknown> | undefined;
  /** @remarks Requires compute microversion 2.19 */
  description?: string | undefined;
  /** @remarks Requires compute microversion 2.52 */
  tags?: string[] | undefined;
  /** @remarks Requires compute microversion 2.90 */
  hostname?: string | undefined;
}

/**
 * What {@link createServer} returns: the new server's id, and the generated root password.
 * @example const { id, adminPass } = await createServer(compute, { name: 'web-01', flavor: '2', image: imageId });
 */
export interface CreatedServer {
  id: string;
  links: ComputeLink[];
  /**
   * The root password. Returned only by this call (and only when the cloud sets one): keep it if
   * you need it. The SDK never logs it.
   */
  adminPass?: string | undefined;
  diskConfig?: string | undefined;
  securityGroups?: string[] | undefined;
}

/** @internal wire shape */
interface CreatedServerWire {
  id: string;
  links?: LinkWire[];
  adminPass?: string;
  'OS-DCF:diskConfig'?: string;
  security_groups?: { name: string }[];
}

const CREATED_SERVER = object<CreatedServerWire>({
  id: string,
  links: LINKS,
  adminPass: optional(string),
  'OS-DCF:diskConfig': optional(string),
  security_groups: optional(arrayOf(object<{ name: string }>({ name: string }))),
});

const MAX_USER_DATA = 65535;
const SOURCE_TYPES = ['image', 'volume', 'snapshot', 'blank'] as const;

function networksWire(client: ComputeClient, networks: CreateServerParams['networks']) {
  if (networks === undefined) return undefined;
  if (networks === 'auto' || networks === 'none') {
    requireMicroversion(client, '2.37', `networks "${networks}"`);
    return networks;
  }
  if (!Array.isArray(networks)) {
    throw new ValidationError('networks must be an array, "auto" or "none"', 'networks');
  }
  return networks.map((n, i) => networkWire(client, n, `networks[${i}]`));
}

/** One entry of `networks`: `{ port }`, or `{ network | uuid, fixedIp? }`, checked and renamed. */
function networkWire(client: ComputeClient, n: ServerNetwork, f: string) {
  if (typeof n !== 'object' || n === null) {
    throw new ValidationError(`${f} must be an object with "network" or "port"`, f);
  }
  const e = n as { network?: unknown; uuid?: unknown; port?: unknown; fixedIp?: unknown; tag?: unknown };
  if (e.tag !== undefined) {
    requireString(e.tag, `${f}.tag`);
    requireMicroversion(client, '2.32', `${f}.tag`);
  }
  if (e.port !== undefined) {
    const other = (['network', 'uuid', 'fixedIp'] as const).find((k) => e[k] !== undefined);
    if (other) {
      throw new ValidationError(
        `${f} has both port and ${other}: a port already has its network and addresses`,
        `${f}.${other}`,
      );
    }
    return omitUndefined({ port: requireUuid(e.port, `${f}.port`), tag: e.tag });
  }
  if (e.network !== undefined && e.uuid !== undefined && e.network !== e.uuid) {
    throw new ValidationError(
      `${f} has both network and uuid (its alias) with different values`,
      `${f}.uuid`,
    );
  }
  const field = e.network !== undefined ? 'network' : e.uuid !== undefined ? 'uuid' : undefined;
  if (!field) throw new ValidationError(`${f} needs a network (UUID) or a port (UUID)`, `${f}.network`);
  const uuid = requireUuid(e[field], `${f}.${field}`);
  if (e.fixedIp !== undefined && (typeof e.fixedIp !== 'string' || isIP(e.fixedIp) === 0)) {
    throw new ValidationError(
      `${f}.fixedIp must be an IPv4 or IPv6 address, got ${JSON.stringify(e.fixedIp)}`,
      `${f}.fixedIp`,
    );
  }
  return omitUndefined({ uuid, fixed_ip: e.fixedIp as string | undefined, tag: e.tag });
}

function blockDevicesWire(client: ComputeClient, bdms: BlockDeviceMapping[]) {
  return bdms.map((b, i) => {
    const f = `blockDeviceMappings[${i}]`;
    requireOneOf(b.sourceType, SOURCE_TYPES, `${f}.sourceType`);
    if (b.destinationType !== undefined) {
      requireOneOf(b.destinationType, ['volume', 'local'] as const, `${f}.destinationType`);
    }
    if (b.sourceType !== 'blank') requireUuid(b.uuid, `${f}.uuid`);
    if (b.volumeSize !== undefined) requireInteger(b.volumeSize, `${f}.volumeSize`, 1);
    if (b.volumeType !== undefined) requireMicroversion(client, '2.67', `${f}.volumeType`);
    if (b.tag !== undefined) requireMicroversion(client, '2.42', `${f}.tag`);
    return omitUndefined({
      boot_index: b.bootIndex,
      uuid: b.uuid,
      source_type: b.sourceType,
      destination_type: b.destinationType,
      volume_size: b.volumeSize,
      delete_on_termination: b.deleteOnTermination,
      device_name: b.deviceName,
      device_type: b.deviceType,
      disk_bus: b.diskBus,
      guest_format: b.guestFormat,
      volume_type: b.volumeType,
      tag: b.tag,
    });
  });
}

/** Checks the name, flavor and boot source (an image, or a block device with bootIndex 0). */
function checkBootSource(p: CreateServerParams): void {
  requireNonBlank(p.name, 'name');
  if (p.name.length > 255) throw new ValidationError('name must be at most 255 characters', 'name');
  requireString(p.flavor, 'flavor');
  const bdms = p.blockDeviceMappings;
  if (bdms !== undefined && !Array.isArray(bdms)) {
    throw new ValidationError('blockDeviceMappings must be an array', 'blockDeviceMappings');
  }
  const bootsFromVolume = bdms?.some((b) => b.bootIndex === 0) ?? false;
  if (p.image === undefined || p.image === '') {
    if (!bootsFromVolume) {
      throw new ValidationError(
        'image is required unless a block device mapping has bootIndex 0 (boot from volume)',
        'image',
      );
    }
  } else {
    requireUuid(p.image, 'image');
  }
}

/** Checks the plain optional fields: key pair, metadata, disk config and security groups. */
function checkOptionalFields(p: CreateServerParams): void {
  if (p.keyName !== undefined) requireString(p.keyName, 'keyName');
  if (p.metadata !== undefined) validateMetadata(p.metadata);
  if (p.diskConfig !== undefined) requireOneOf(p.diskConfig, ['AUTO', 'MANUAL'] as const, 'diskConfig');
  if (p.securityGroups !== undefined) {
    p.securityGroups.forEach((g, i) => {
      requireString(g, `securityGroups[${i}]`);
    });
  }
}

/** Base64 of the user data, within Nova's size limit. */
function userDataWire(userData: CreateServerParams['userData']): string | undefined {
  if (userData === undefined) return undefined;
  const encoded = toBase64(userData);
  if (encoded.length > MAX_USER_DATA) {
    throw new ValidationError(
      `userData is ${encoded.length} bytes once base64-encoded; the limit is ${MAX_USER_DATA}`,
      'userData',
    );
  }
  return encoded;
}

/** Injected files, base64-encoded; removed at microversion 2.57. */
function personalityWire(client: ComputeClient, files: CreateServerParams['personality']) {
  if (files === undefined) return undefined;
  rejectFromMicroversion(client, '2.57', 'personality', 'pass files through userData instead');
  return files.map((f, i) => ({
    path: requireString(f.path, `personality[${i}].path`),
    contents: toBase64(f.contents),
  }));
}

/** Fields that need a newer microversion than the base 2.1. */
function checkMicroversionFields(client: ComputeClient, p: CreateServerParams): void {
  if (p.description !== undefined) requireMicroversion(client, '2.19', 'description');
  if (p.tags !== undefined) requireMicroversion(client, '2.52', 'tags');
  if (p.hostname !== undefined) requireMicroversion(client, '2.90', 'hostname');
}

/** Validates the parameters and builds the `server` object of the request. @internal */
export function createServerBody(client: ComputeClient, p: CreateServerParams): Record<string, unknown> {
  if (typeof p !== 'object' || p === null) throw new ValidationError('params are required', 'params');
  checkBootSource(p);
  checkOptionalFields(p);
  const userData = userDataWire(p.userData);
  const personality = personalityWire(client, p.personality);
  checkMicroversionFields(client, p);
  return omitUndefined({
    name: p.name,
    flavorRef: p.flavor,
    imageRef: p.image || undefined,
    key_name: p.keyName,
    user_data: userData,
    metadata: p.metadata,
    networks: networksWire(client, p.networks),
    security_groups: p.securityGroups?.map((name) => ({ name })),
    availability_zone: p.availabilityZone,
    block_device_mapping_v2: p.blockDeviceMappings
      ? blockDevicesWire(client, p.blockDeviceMappings)
      : undefined,
    config_drive: p.configDrive,
    personality,
    adminPass: p.adminPass,
    accessIPv4: p.accessIPv4,
    accessIPv6: p.accessIPv6,
    'OS-DCF:diskConfig': p.diskConfig,
    description: p.description,
    tags: p.tags,
    hostname: p.hostname,
  });
}

/**
 * Creates (boots) a server. The server starts in `BUILD`: wait for it with
 * {@link waitForServerStatus}. User data and personality contents are base64-encoded for you.
 * @example
 * ```ts
 * const { id, adminPass } = await createServer(compute, {
 *   name: 'web-01', flavor: '2', image: '70a599e0-31e7-49b7-b260-868f441e862b',
 *   keyName: 'deploy', networks: [{ network: netId }], userData: '#cloud-config\npackages: [nginx]\n',
 * });
 * const server = await waitForServerStatus(compute, id, 'ACTIVE');
 * ```
 */
export async function createServer(
  client: ComputeClient,
  params: CreateServerParams,
  options?: RequestOptions,
): Promise<CreatedServer> {
  const server = createServerBody(client, params);
  const hints = params.schedulerHints;
  const res = await client.request('POST', serversPath(), {
    ...options,
    json: hints ? { server, 'os:scheduler_hints': hints } : { server },
  });
  const w = unwrap(res, 'server', CREATED_SERVER);
  return omitUndefined({
    id: w.id,
    links: parseLinks(w.links),
    adminPass: w.adminPass,
    diskConfig: w['OS-DCF:diskConfig'],
    securityGroups: w.security_groups?.map((g) => g.name),
  });
}

import { ValidationError } from '@cloud/core';
import {
  type MicroversionGate,
  omitUndefined,
  requireInteger,
  requireOneOf,
  requireString,
  requireUuid,
} from '@cloud/core/service';
import type { GateCheck } from '../internal/microversion.js';

/**
 * One block device of a new server (block device mapping v2): the boot disk, or an extra disk.
 * The builders {@link bootFromVolume}, {@link bootFromImageToVolume},
 * {@link bootFromSnapshotToVolume}, {@link volumeDevice} and {@link blankVolumeDevice} make the
 * common ones.
 * @example const boot: BlockDeviceMapping = { bootIndex: 0, sourceType: 'image', uuid: imageId, destinationType: 'volume', volumeSize: 20, deleteOnTermination: true };
 */
export interface BlockDeviceMapping {
  /** `0` marks the boot device; other disks get 1, 2... or `null` (not bootable). */
  bootIndex?: number | null | undefined;
  sourceType: 'image' | 'volume' | 'snapshot' | 'blank';
  /** `volume` (Cinder) or `local` (hypervisor disk). A `volume` source needs `volume`. */
  destinationType?: 'volume' | 'local' | undefined;
  /** UUID of the source image, volume or snapshot (not for `blank`). */
  uuid?: string | undefined;
  /**
   * Size in GiB of a volume created from an image, snapshot or blank; required for an image or
   * blank source with a `volume` destination.
   */
  volumeSize?: number | undefined;
  /**
   * Delete the Cinder volume when the server is deleted. Nova's default is `false` (the volume
   * stays, `available`, after the server is gone).
   */
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
 * Options of the block-device builders: what happens to the volume with the server, and the
 * device's placement.
 * @example bootFromVolume(volumeId, { deleteOnTermination: true });
 */
export interface BlockDeviceOptions {
  /** Delete the volume with the server (default `false`: the volume survives it). */
  deleteOnTermination?: boolean | undefined;
  deviceName?: string | undefined;
  diskBus?: string | undefined;
  /** @remarks Requires compute microversion 2.42 */
  tag?: string | undefined;
}

/**
 * Options of the builders that create a new volume (from an image, a snapshot, or blank).
 * @example bootFromImageToVolume(imageId, { volumeSize: 20, volumeType: 'ssd', deleteOnTermination: true });
 */
export interface NewVolumeDeviceOptions extends BlockDeviceOptions {
  /** Cinder volume type of the new volume. @remarks Requires compute microversion 2.67 */
  volumeType?: string | undefined;
}

/**
 * Boots a server from an existing bootable Cinder volume (`source volume → volume`, boot index 0).
 * The volume must be `available`; it is `in-use` while the server runs.
 * @example
 * ```ts
 * await createServer(compute, { name: 'bfv', flavor, networks, blockDeviceMappings: [bootFromVolume(volumeId)] });
 * ```
 */
export function bootFromVolume(volumeId: string, options: BlockDeviceOptions = {}): BlockDeviceMapping {
  return omitUndefined({
    ...deviceOptions(options),
    bootIndex: 0,
    sourceType: 'volume',
    destinationType: 'volume',
    uuid: requireUuid(volumeId, 'volumeId'),
  }) as BlockDeviceMapping;
}

/**
 * Boots a server from a new Cinder volume that Nova creates from an image (`source image →
 * volume`, boot index 0), of `volumeSize` GiB (at least the image's `min_disk`).
 * @example
 * ```ts
 * await createServer(compute, {
 *   name: 'web', flavor, networks,
 *   blockDeviceMappings: [bootFromImageToVolume(imageId, { volumeSize: 20, deleteOnTermination: true })],
 * });
 * ```
 */
export function bootFromImageToVolume(
  imageId: string,
  options: NewVolumeDeviceOptions & { volumeSize: number },
): BlockDeviceMapping {
  return omitUndefined({
    ...newVolumeOptions(options),
    bootIndex: 0,
    sourceType: 'image',
    destinationType: 'volume',
    uuid: requireUuid(imageId, 'imageId'),
    volumeSize: requireInteger(options?.volumeSize, 'volumeSize', 1),
  }) as BlockDeviceMapping;
}

/**
 * Boots a server from a new volume made from a Cinder volume snapshot (`source snapshot → volume`,
 * boot index 0); `volumeSize` defaults to the snapshot's size.
 * @example createServer(compute, { name, flavor, networks, blockDeviceMappings: [bootFromSnapshotToVolume(snapshotId)] });
 */
export function bootFromSnapshotToVolume(
  snapshotId: string,
  options: NewVolumeDeviceOptions & { volumeSize?: number | undefined } = {},
): BlockDeviceMapping {
  return omitUndefined({
    ...newVolumeOptions(options),
    bootIndex: 0,
    sourceType: 'snapshot',
    destinationType: 'volume',
    uuid: requireUuid(snapshotId, 'snapshotId'),
    volumeSize:
      options.volumeSize === undefined ? undefined : requireInteger(options.volumeSize, 'volumeSize', 1),
  }) as BlockDeviceMapping;
}

/**
 * An existing Cinder volume attached at boot as an extra (non-boot) disk.
 * @example blockDeviceMappings: [bootFromImageToVolume(imageId, { volumeSize: 10 }), volumeDevice(dataVolumeId)]
 */
export function volumeDevice(volumeId: string, options: BlockDeviceOptions = {}): BlockDeviceMapping {
  return omitUndefined({
    ...deviceOptions(options),
    bootIndex: null,
    sourceType: 'volume',
    destinationType: 'volume',
    uuid: requireUuid(volumeId, 'volumeId'),
  }) as BlockDeviceMapping;
}

/**
 * A new empty Cinder volume of `volumeSize` GiB, created and attached at boot as an extra disk.
 * @example blockDeviceMappings: [bootFromVolume(rootId), blankVolumeDevice(50, { deleteOnTermination: true })]
 */
export function blankVolumeDevice(
  volumeSize: number,
  options: NewVolumeDeviceOptions = {},
): BlockDeviceMapping {
  return omitUndefined({
    ...newVolumeOptions(options),
    bootIndex: null,
    sourceType: 'blank',
    destinationType: 'volume',
    volumeSize: requireInteger(volumeSize, 'volumeSize', 1),
  }) as BlockDeviceMapping;
}

function deviceOptions(o: BlockDeviceOptions): Partial<BlockDeviceMapping> {
  if (typeof o !== 'object' || o === null) throw new ValidationError('options must be an object', 'options');
  if (o.deleteOnTermination !== undefined && typeof o.deleteOnTermination !== 'boolean') {
    throw new ValidationError('deleteOnTermination must be true or false', 'deleteOnTermination');
  }
  return {
    deleteOnTermination: o.deleteOnTermination,
    deviceName: o.deviceName === undefined ? undefined : requireString(o.deviceName, 'deviceName'),
    diskBus: o.diskBus === undefined ? undefined : requireString(o.diskBus, 'diskBus'),
    tag: o.tag === undefined ? undefined : requireString(o.tag, 'tag'),
  };
}

const newVolumeOptions = (o: NewVolumeDeviceOptions): Partial<BlockDeviceMapping> => ({
  ...deviceOptions(o),
  volumeType: o.volumeType === undefined ? undefined : requireString(o.volumeType, 'volumeType'),
});

const SOURCE_TYPES = ['image', 'volume', 'snapshot', 'blank'] as const;

/** Checks one mapping against the rules Nova enforces, before any request. */
const BLOCK_DEVICE_GATES: MicroversionGate[] = [
  { field: 'volumeType', since: '2.67' },
  { field: 'tag', since: '2.42' },
];

function checkBlockDevice(check: GateCheck, b: BlockDeviceMapping, f: string): void {
  if (typeof b !== 'object' || b === null) throw new ValidationError(`${f} must be an object`, f);
  requireOneOf(b.sourceType, SOURCE_TYPES, `${f}.sourceType`);
  if (b.destinationType !== undefined) {
    requireOneOf(b.destinationType, ['volume', 'local'] as const, `${f}.destinationType`);
  }
  if (b.bootIndex !== undefined && b.bootIndex !== null) requireInteger(b.bootIndex, `${f}.bootIndex`, -1);
  if (b.sourceType !== 'blank') requireUuid(b.uuid, `${f}.uuid`);
  if (b.volumeSize !== undefined) requireInteger(b.volumeSize, `${f}.volumeSize`, 1);
  if (b.sourceType === 'volume' && b.destinationType !== 'volume') {
    throw new ValidationError(`${f}: a volume source needs destinationType "volume"`, `${f}.destinationType`);
  }
  if (
    (b.sourceType === 'image' || b.sourceType === 'blank') &&
    b.destinationType === 'volume' &&
    b.volumeSize === undefined
  ) {
    throw new ValidationError(
      `${f}: a new volume from ${b.sourceType === 'image' ? 'an image' : 'blank'} needs volumeSize (GiB)`,
      `${f}.volumeSize`,
    );
  }
  if (b.deleteOnTermination !== undefined && typeof b.deleteOnTermination !== 'boolean') {
    throw new ValidationError(`${f}.deleteOnTermination must be true or false`, `${f}.deleteOnTermination`);
  }
  check(BLOCK_DEVICE_GATES, b, f);
}

/** Checks the mappings and builds `block_device_mapping_v2`. @internal */
export function blockDevicesWire(check: GateCheck, bdms: BlockDeviceMapping[]) {
  const boots = bdms.filter((b) => b?.bootIndex === 0).length;
  if (boots > 1) {
    throw new ValidationError(
      `blockDeviceMappings has ${boots} entries with bootIndex 0; a server boots from one`,
      'blockDeviceMappings',
    );
  }
  return bdms.map((b, i) => {
    checkBlockDevice(check, b, `blockDeviceMappings[${i}]`);
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

import { type RequestOptions, toArray, ValidationError, type WaiterOptions } from '@cloud/core';
import {
  type BlockStorageClient,
  createBlockStorageClient,
  createSnapshot,
  createVolume,
  deleteSnapshot,
  deleteVolume,
  getSnapshot,
  getVolume,
  getVolumeType,
  listSnapshots,
  listVolumesDetail,
  listVolumeTypes,
  type Snapshot,
  updateVolume,
  type Volume,
  type VolumeType,
  waitForSnapshotDeleted,
  waitForSnapshotStatus,
  waitForVolumeDeleted,
  waitForVolumeStatus,
} from '@cloud/openstack-block-storage';
import {
  normalizeSnapshotStatus,
  normalizeVolumeStatus,
  type ProviderSnapshot,
  type ProviderVolume,
  type ProviderVolumeStatus,
  type ProviderVolumeType,
  volumeStatusesOf,
} from './block-storage-models.js';
import type { ProviderName } from './options.js';
import { idOf, optionalIdOf, type ProviderIdRef, requireParams } from './refs.js';
import type { ProviderContext } from './session.js';

/** Parameters of {@link ProviderBlockStorageClient.createVolume}. */
export interface ProviderCreateVolumeParams {
  /** Size in GiB, a positive integer (Rackspace: 75–1024 for SATA, 50–1024 for SSD). */
  size: number;
  name?: string | undefined;
  description?: string | undefined;
  /** Volume type name or id, e.g. from `getVolumeTypes()`; the cloud's default when omitted. */
  volumeType?: ProviderIdRef | undefined;
  /** Create from this snapshot. */
  snapshot?: ProviderIdRef | undefined;
  metadata?: Record<string, string> | undefined;
}

/** Parameters of {@link ProviderBlockStorageClient.createSnapshot}. */
export interface ProviderCreateSnapshotParams {
  /** The volume to snapshot. */
  volume: ProviderIdRef;
  name?: string | undefined;
  description?: string | undefined;
  /** Snapshot even while the volume is attached (`in-use`). */
  force?: boolean | undefined;
}

/** Options of {@link ProviderBlockStorageClient.waitForVolume}. */
export interface ProviderVolumeWaitOptions extends WaiterOptions {
  /** The status to wait for: `AVAILABLE` (default) or `IN_USE`. */
  status?: 'AVAILABLE' | 'IN_USE' | undefined;
}

/**
 * Volumes, snapshots and volume types, the same on every provider (OpenStack Cinder v3, Rackspace
 * Cloud Block Storage v1). Writes answer at once; the `waitFor…` methods poll until the volume or
 * snapshot is ready and fail at once on an error status. Lists are collected into arrays.
 * @example
 * ```ts
 * const storage = providers.rackspace.blockStorage({ username, apiKey, region: 'IAD' });
 * const volume = await storage.createVolume({ size: 100, name: 'data', volumeType: 'SSD' });
 * await storage.waitForVolume(volume.id);
 * ```
 */
export interface ProviderBlockStorageClient {
  /** Which cloud this client talks to. */
  readonly provider: ProviderName;
  /** The underlying client, for everything else `@cloud/openstack-block-storage` offers. */
  readonly client: BlockStorageClient;
  /** Lists the project's volumes with their details. */
  getVolumes(options?: RequestOptions): Promise<ProviderVolume[]>;
  /** @throws NotFoundError when there is no such volume. */
  getVolume(volume: ProviderIdRef, options?: RequestOptions): Promise<ProviderVolume>;
  /**
   * Creates a volume; it starts `CREATING`, see {@link ProviderBlockStorageClient.waitForVolume}.
   * @throws ValidationError before any request for a size that is not a positive integer or a
   *   volume type name the cloud does not have.
   */
  createVolume(params: ProviderCreateVolumeParams, options?: RequestOptions): Promise<ProviderVolume>;
  /** Renames a volume or changes its description. */
  updateVolume(
    volume: ProviderIdRef,
    params: { name?: string | undefined; description?: string | undefined },
    options?: RequestOptions,
  ): Promise<ProviderVolume>;
  /** Deletes a volume (it must not be attached or have snapshots). */
  destroyVolume(volume: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Polls until the volume is `AVAILABLE` (or `IN_USE`); fails at once on `ERROR`. */
  waitForVolume(volume: ProviderIdRef, options?: ProviderVolumeWaitOptions): Promise<ProviderVolume>;
  /** Polls until the volume is gone. */
  waitForVolumeDeleted(volume: ProviderIdRef, options?: WaiterOptions): Promise<void>;
  /** Lists snapshots, optionally of one volume. */
  getSnapshots(
    params?: { volume?: ProviderIdRef | undefined },
    options?: RequestOptions,
  ): Promise<ProviderSnapshot[]>;
  /** @throws NotFoundError when there is no such snapshot. */
  getSnapshot(snapshot: ProviderIdRef, options?: RequestOptions): Promise<ProviderSnapshot>;
  /** Snapshots a volume; it starts `CREATING`. */
  createSnapshot(params: ProviderCreateSnapshotParams, options?: RequestOptions): Promise<ProviderSnapshot>;
  destroySnapshot(snapshot: ProviderIdRef, options?: RequestOptions): Promise<void>;
  /** Polls until the snapshot is `AVAILABLE`; fails at once on `ERROR`. */
  waitForSnapshot(snapshot: ProviderIdRef, options?: WaiterOptions): Promise<ProviderSnapshot>;
  /** Polls until the snapshot is gone (its volume can be deleted then). */
  waitForSnapshotDeleted(snapshot: ProviderIdRef, options?: WaiterOptions): Promise<void>;
  /** Lists the volume types (Rackspace: `SATA`, `SSD`). */
  getVolumeTypes(options?: RequestOptions): Promise<ProviderVolumeType[]>;
  /** @throws NotFoundError when there is no such type. */
  getVolumeType(id: string, options?: RequestOptions): Promise<ProviderVolumeType>;
}

const toVolume = (provider: ProviderName, v: Volume): ProviderVolume => ({
  provider,
  id: v.id,
  name: v.name,
  description: v.description,
  status: normalizeVolumeStatus(v.status),
  providerStatus: v.status,
  size: v.size,
  volumeType: v.volumeType,
  bootable: v.bootable,
  snapshotId: v.snapshotId,
  attachments: v.attachments.map((a) => ({ serverId: a.serverId, device: a.device })),
  metadata: { ...v.metadata },
  created: v.createdAt,
});

const toSnapshot = (provider: ProviderName, s: Snapshot): ProviderSnapshot => ({
  provider,
  id: s.id,
  name: s.name,
  description: s.description,
  status: normalizeSnapshotStatus(s.status),
  providerStatus: s.status,
  size: s.size,
  volumeId: s.volumeId,
  created: s.createdAt,
});

const toType = (provider: ProviderName, t: VolumeType): ProviderVolumeType => ({
  provider,
  id: t.id,
  name: t.name,
});

const WAITABLE: readonly ProviderVolumeStatus[] = ['AVAILABLE', 'IN_USE'];

/** Builds the provider-neutral block storage client over `@cloud/openstack-block-storage`. @internal */
export function createProviderBlockStorage(ctx: ProviderContext): ProviderBlockStorageClient {
  const { provider } = ctx;
  const client = createBlockStorageClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  const vol = (v: Volume) => toVolume(provider, v);
  const snap = (s: Snapshot) => toSnapshot(provider, s);
  return {
    provider,
    client,
    getVolumes: async (options) => (await toArray(listVolumesDetail(client, {}, options))).map(vol),
    getVolume: async (volume, options) => vol(await getVolume(client, idOf(volume, 'volume'), options)),
    async createVolume(params, options) {
      requireParams(params);
      const created = await createVolume(
        client,
        {
          size: params.size,
          name: params.name,
          description: params.description,
          volumeType: optionalIdOf(params.volumeType, 'volumeType'),
          snapshotId: optionalIdOf(params.snapshot, 'snapshot'),
          metadata: params.metadata,
        },
        options,
      );
      return vol(created);
    },
    async updateVolume(volume, params, options) {
      requireParams(params);
      const id = idOf(volume, 'volume');
      return vol(
        await updateVolume(client, id, { name: params.name, description: params.description }, options),
      );
    },
    destroyVolume: (volume, options) => deleteVolume(client, idOf(volume, 'volume'), {}, options),
    async waitForVolume(volume, options = {}) {
      const { status = 'AVAILABLE', ...waiter } = options;
      if (!WAITABLE.includes(status)) {
        throw new ValidationError(`status must be one of ${WAITABLE.join(', ')}`, 'status');
      }
      return vol(await waitForVolumeStatus(client, idOf(volume, 'volume'), volumeStatusesOf(status), waiter));
    },
    waitForVolumeDeleted: (volume, options) => waitForVolumeDeleted(client, idOf(volume, 'volume'), options),
    async getSnapshots(params = {}, options) {
      const volumeId = optionalIdOf(params.volume, 'volume');
      return (await toArray(listSnapshots(client, { volumeId }, options))).map(snap);
    },
    getSnapshot: async (snapshot, options) =>
      snap(await getSnapshot(client, idOf(snapshot, 'snapshot'), options)),
    async createSnapshot(params, options) {
      requireParams(params);
      const created = await createSnapshot(
        client,
        {
          volumeId: idOf(params.volume, 'volume'),
          name: params.name,
          description: params.description,
          force: params.force,
        },
        options,
      );
      return snap(created);
    },
    destroySnapshot: (snapshot, options) => deleteSnapshot(client, idOf(snapshot, 'snapshot'), options),
    waitForSnapshot: async (snapshot, options) =>
      snap(await waitForSnapshotStatus(client, idOf(snapshot, 'snapshot'), 'available', options)),
    waitForSnapshotDeleted: (snapshot, options) =>
      waitForSnapshotDeleted(client, idOf(snapshot, 'snapshot'), options),
    getVolumeTypes: async (options) =>
      (await toArray(listVolumeTypes(client, {}, options))).map((t) => toType(provider, t)),
    getVolumeType: async (id, options) =>
      toType(provider, await getVolumeType(client, idOf(id, 'id'), options)),
  };
}

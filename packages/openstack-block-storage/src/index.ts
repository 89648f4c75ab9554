/**
 * `@cloud/openstack-block-storage`: OpenStack Cinder v3 (and Rackspace Cloud Block Storage v1).
 * @packageDocumentation
 */

export {
  type Attachment,
  type CreateAttachmentParams,
  completeAttachment,
  createAttachment,
  deleteAttachment,
  getAttachment,
  listAttachments,
  updateAttachment,
} from './attachments/attachments.js';
export {
  type BlockStorageAvailabilityZone,
  listBlockStorageAvailabilityZones,
} from './availability-zones/availability-zones.js';
export {
  BACKUP_FAILURE_STATUSES,
  type Backup,
  type BackupRecord,
  type BackupRef,
  type BackupRestore,
  type BackupStatus,
  type CreateBackupParams,
  createBackup,
  deleteBackup,
  exportBackupRecord,
  getBackup,
  importBackupRecord,
  type ListBackupsParams,
  listBackups,
  type RestoreBackupParams,
  restoreBackup,
  waitForBackupDeleted,
  waitForBackupStatus,
} from './backups/backups.js';
export {
  BLOCK_STORAGE_MICROVERSIONS,
  BLOCK_STORAGE_SERVICE_TYPES,
  type BlockStorageClient,
  type BlockStorageClientOptions,
  createBlockStorageClient,
} from './client.js';
export type { BlockStorageLink } from './internal/common.js';
export {
  type BlockStorageLimits,
  type BlockStorageQuotas,
  type BlockStorageQuotaUsage,
  getBlockStorageLimits,
  getBlockStorageQuotas,
  getDefaultBlockStorageQuotas,
} from './limits/limits.js';
export {
  type CreateSnapshotParams,
  createSnapshot,
  deleteSnapshot,
  deleteSnapshotMetadata,
  getSnapshot,
  getSnapshotMetadata,
  type ListSnapshotsParams,
  listSnapshots,
  listSnapshotsSummary,
  replaceSnapshotMetadata,
  SNAPSHOT_FAILURE_STATUSES,
  setSnapshotMetadata,
  updateSnapshot,
  waitForSnapshotDeleted,
  waitForSnapshotStatus,
} from './snapshots/snapshots.js';
export type { Snapshot, SnapshotStatus } from './snapshots/types.js';
export {
  acceptVolumeTransfer,
  type CreateVolumeTransferParams,
  createVolumeTransfer,
  deleteVolumeTransfer,
  getVolumeTransfer,
  listVolumeTransfers,
  type VolumeTransfer,
} from './transfers/transfers.js';
export { getBlockStorageApiVersion, listBlockStorageApiVersions } from './versions/versions.js';
export {
  addVolumeTypeAccess,
  type CreateVolumeTypeParams,
  createVolumeType,
  deleteVolumeType,
  deleteVolumeTypeExtraSpecs,
  getDefaultVolumeType,
  getVolumeType,
  getVolumeTypeExtraSpecs,
  listVolumeTypeAccess,
  listVolumeTypes,
  removeVolumeTypeAccess,
  setVolumeTypeExtraSpecs,
  type VolumeType,
  type VolumeTypeAccess,
} from './volume-types/volume-types.js';
export {
  extendVolume,
  type RetypeVolumeParams,
  retypeVolume,
  setVolumeBootable,
  setVolumeReadonly,
  type UploadVolumeToImageParams,
  uploadVolumeToImage,
  type VolumeImageUpload,
} from './volumes/actions.js';
export {
  deleteVolumeMetadata,
  getVolumeMetadata,
  replaceVolumeMetadata,
  setVolumeMetadata,
} from './volumes/metadata.js';
export type {
  Volume,
  VolumeAttachmentInfo,
  VolumeStatus,
  VolumeSummary,
  VolumeSummaryTotals,
} from './volumes/types.js';
export {
  type CreateVolumeParams,
  countVolumes,
  createVolume,
  type DeleteVolumeParams,
  deleteVolume,
  getVolume,
  getVolumeSummary,
  type ListVolumesParams,
  listVolumes,
  listVolumesDetail,
  type UpdateVolumeParams,
  updateVolume,
} from './volumes/volumes.js';
export { VOLUME_FAILURE_STATUSES, waitForVolumeDeleted, waitForVolumeStatus } from './volumes/waiters.js';

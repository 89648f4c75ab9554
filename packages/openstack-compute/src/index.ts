export {
  type AvailabilityZone,
  listAvailabilityZones,
} from './availability-zones/availability-zones.js';
export {
  COMPUTE_MICROVERSIONS,
  type ComputeClient,
  type ComputeClientOptions,
  createComputeClient,
} from './client.js';
export {
  getFlavor,
  getFlavorExtraSpecs,
  type ListFlavorsParams,
  listFlavors,
  listFlavorsDetail,
} from './flavors/flavors.js';
export type { Flavor, FlavorSummary } from './flavors/types.js';
export {
  type AssociateFloatingIpParams,
  allocateFloatingIp,
  associateFloatingIp,
  disassociateFloatingIp,
  getFloatingIp,
  listFloatingIps,
  releaseFloatingIp,
} from './floating-ips/floating-ips.js';
export type { FloatingIp } from './floating-ips/types.js';
export {
  deleteImage,
  getImage,
  type ListImagesParams,
  listImages,
  listImagesDetail,
} from './images/images.js';
export {
  deleteImageMetadata,
  deleteImageMetadataItem,
  getImageMetadata,
  getImageMetadataItem,
  replaceImageMetadata,
  setImageMetadata,
  setImageMetadataItem,
} from './images/metadata.js';
export type { Image, ImageSummary } from './images/types.js';
export {
  type CreateKeypairParams,
  createKeypair,
  deleteKeypair,
  getKeypair,
  type ImportKeypairParams,
  importKeypair,
  type KeypairOwnerParams,
  type ListKeypairsParams,
  listKeypairs,
} from './keypairs/keypairs.js';
export type { CreatedKeypair, Keypair } from './keypairs/types.js';
export { getComputeLimits } from './limits/limits.js';
export type {
  ComputeAbsoluteLimits,
  ComputeLimits,
  ComputeRateLimit,
  ComputeRateLimitEntry,
} from './limits/types.js';
export {
  addServerSecurityGroup,
  type CreateSecurityGroupRuleParams,
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  getSecurityGroup,
  listSecurityGroups,
  listServerSecurityGroups,
  removeServerSecurityGroup,
} from './security-groups/security-groups.js';
export type { SecurityGroup, SecurityGroupRule } from './security-groups/types.js';
export {
  confirmServerResize,
  getServerConsoleOutput,
  type LockServerParams,
  lockServer,
  pauseServer,
  type RebootServerParams,
  type RebuildServerParams,
  type RebuiltServer,
  type RescueServerParams,
  type ResizeServerParams,
  rebootServer,
  rebuildServer,
  rescueServer,
  resizeServer,
  resumeServer,
  revertServerResize,
  startServer,
  stopServer,
  suspendServer,
  unlockServer,
  unpauseServer,
  unrescueServer,
} from './servers/actions.js';
export { getServerAddresses, getServerAddressesByNetwork } from './servers/addresses.js';
export {
  type BlockDeviceMapping,
  type BlockDeviceOptions,
  blankVolumeDevice,
  bootFromImageToVolume,
  bootFromSnapshotToVolume,
  bootFromVolume,
  type NewVolumeDeviceOptions,
  volumeDevice,
} from './servers/block-devices.js';
export {
  type CreatedServer,
  type CreateServerParams,
  createServer,
  type PersonalityFile,
  type ServerNetwork,
} from './servers/create.js';
export {
  deleteServerMetadata,
  deleteServerMetadataItem,
  getServerMetadata,
  getServerMetadataItem,
  replaceServerMetadata,
  setServerMetadata,
  setServerMetadataItem,
} from './servers/metadata.js';
export {
  deleteServer,
  getServer,
  type ListServersParams,
  listServers,
  listServersDetail,
  type UpdateServerParams,
  updateServer,
} from './servers/servers.js';
export {
  type CreateServerImageParams,
  changeServerPassword,
  createServerImage,
} from './servers/snapshot.js';
export {
  SERVER_STATUSES,
  type Server,
  type ServerAddress,
  type ServerAddresses,
  type ServerAttachedVolume,
  type ServerFault,
  type ServerFlavorRef,
  type ServerImageRef,
  type ServerStatus,
  type ServerSummary,
} from './servers/types.js';
export {
  type WaitForServerDeletedOptions,
  type WaitForServerStatusOptions,
  waitForServerDeleted,
  waitForServerStatus,
} from './servers/waiters.js';
export type { ComputeLink, ComputeMetadata } from './types.js';
export type { ComputeApiVersion } from './versions/types.js';
export { getComputeApiVersion, listComputeApiVersions } from './versions/versions.js';
export type { VolumeAttachment } from './volume-attachments/types.js';
export {
  type AttachVolumeParams,
  attachVolume,
  detachVolume,
  getVolumeAttachment,
  listVolumeAttachments,
} from './volume-attachments/volume-attachments.js';
export {
  type VolumeAttachmentWaiterOptions,
  waitForServerVolumeAttachment,
  waitForServerVolumeDetached,
} from './volume-attachments/waiters.js';

export {
  getAccountMetadata,
  removeAccountMetadata,
  setAccountMetadata,
  setAccountTempUrlKey,
} from './account/account.js';
export {
  type ArchiveFormat,
  type BulkDeleteItem,
  type BulkDeleteParams,
  type BulkDeleteResult,
  bulkDelete,
  type ExtractArchiveParams,
  type ExtractArchiveResult,
  extractArchive,
} from './account/bulk.js';
export { getSwiftInfo } from './account/info.js';
export type { AccountInfo, StoragePolicyUsage, SwiftInfo } from './account/types.js';
export { fromSwiftTempAuth, type SwiftTempAuthOptions } from './auth/temp-auth.js';
export {
  type CdnSettings,
  disableContainerCdn,
  enableContainerCdn,
  getContainerCdn,
  type ListCdnContainersParams,
  listCdnContainers,
  purgeCdnObject,
  updateContainerCdn,
} from './cdn/cdn.js';
export type { CdnContainer } from './cdn/types.js';
export {
  createSwiftClient,
  DEFAULT_LARGE_OBJECT_THRESHOLD,
  DEFAULT_SEGMENT_CONCURRENCY,
  DEFAULT_SEGMENT_SIZE,
  type LargeObjectDefaults,
  MAX_SEGMENT_SIZE,
  MIN_SEGMENT_SIZE,
  type SwiftCdnOptions,
  type SwiftClient,
  type SwiftClientOptions,
} from './client.js';
export {
  type CreateContainerParams,
  createContainer,
  type DeleteContainerParams,
  deleteContainer,
  getContainerMetadata,
  type ListContainersParams,
  listContainers,
  removeContainerMetadata,
  setContainerMetadata,
} from './containers/containers.js';
export {
  setContainerAcl,
  setContainerQuota,
  setContainerTempUrlKey,
  setContainerVersioning,
} from './containers/settings.js';
export {
  type Container,
  type ContainerAcl,
  type ContainerInfo,
  type ContainerQuota,
  type ContainerVersioning,
  SWIFT_PUBLIC_READ_ACL,
} from './containers/types.js';
export {
  type BulkFailure,
  SwiftBulkOperationError,
  SwiftUploadUnconfirmedError,
  TempUrlKeyMissingError,
} from './errors.js';
export type { UploadBody } from './internal/body.js';
export { MAX_CONTAINER_NAME_BYTES, MAX_OBJECT_NAME_BYTES } from './internal/validate.js';
export { DEFAULT_CONTENT_TYPE, guessContentType } from './objects/content-type.js';
export {
  type ByteRange,
  type DownloadObjectParams,
  type DownloadObjectResult,
  type DownloadObjectToFileParams,
  type DownloadObjectToFileResult,
  downloadObject,
  downloadObjectToBuffer,
  downloadObjectToFile,
} from './objects/download.js';
export {
  type BuildFormPostParams,
  buildFormPost,
  createFormPost,
  type FormPostForm,
  type FormPostOptions,
} from './objects/form-post.js';
export type { ObjectWriteParams } from './objects/headers.js';
export {
  createDynamicLargeObject,
  type DeleteLargeObjectParams,
  deleteLargeObject,
  getStaticLargeObjectManifest,
  type LargeObjectSegment,
  type UploadLargeObjectParams,
  uploadLargeObject,
} from './objects/large-object.js';
export {
  type ObjectPropertiesParams,
  removeObjectMetadata,
  replaceObjectMetadata,
  setObjectMetadata,
} from './objects/metadata.js';
export {
  type CopyObjectParams,
  type CopyObjectResult,
  copyObject,
  deleteObject,
  getObjectMetadata,
  type ListObjectsParams,
  listObjects,
} from './objects/objects.js';
export { DEFAULT_MAX_SEGMENTS, type LargeObjectParams } from './objects/segments.js';
export {
  type BuildTempUrlParams,
  buildTempUrl,
  type CreateTempUrlParams,
  createTempUrl,
  getTempUrlKey,
  type SignatureExpiry,
  type TempUrlDigest,
  type TempUrlMethod,
  type TempUrlOptions,
} from './objects/temp-url.js';
export type { SwiftListEntry, SwiftObject, SwiftObjectInfo, SwiftPseudoFolder } from './objects/types.js';
export {
  type UploadObjectParams,
  type UploadObjectResult,
  uploadObject,
  uploadObjectFromFile,
} from './objects/upload.js';

/**
 * `@cloud/openstack-image`: the OpenStack Image service (Glance v2) for Node.js — images, JSON
 * Patch updates, streamed data upload and download, interoperable import, sharing, schemas and
 * tasks.
 * @packageDocumentation
 */

export { createImageClient, type ImageClient, type ImageClientOptions } from './client.js';
export {
  type DownloadImageDataParams,
  type DownloadImageDataResult,
  type DownloadImageToFileParams,
  type DownloadImageToFileResult,
  downloadImageData,
  downloadImageToFile,
} from './data/download.js';
export {
  stageImageData,
  type UploadImageDataParams,
  type UploadImageDataResult,
  type UploadImageDataToStoreParams,
  uploadImageData,
  uploadImageDataFromFile,
} from './data/upload.js';
export { ImageDataUnavailableError } from './errors.js';
export {
  type CreateGlanceImageParams,
  createGlanceImage,
  deactivateImage,
  deleteGlanceImage,
  type GlanceComparisonOperator,
  type GlanceSortKey,
  type GlanceTimeFilter,
  getGlanceImage,
  type ListGlanceImagesParams,
  listGlanceImages,
  reactivateImage,
} from './images/images.js';
export {
  addImageTag,
  buildImagePatch,
  type CommonImageProperties,
  deleteImageProperties,
  deleteImageTag,
  type GlanceImageUpdate,
  getImageProperties,
  IMAGE_PATCH_CONTENT_TYPE,
  type ImagePatchOperation,
  imagePatchPath,
  replaceImageProperties,
  replaceImageTags,
  setImageProperties,
  updateGlanceImage,
} from './images/patch.js';
export type {
  GlanceContainerFormat,
  GlanceDiskFormat,
  GlanceImage,
  GlanceImageLocation,
  GlanceImageStatus,
  GlanceImageVisibility,
} from './images/types.js';
export {
  DEFAULT_IMAGE_FAIL_ON,
  waitForGlanceImageDeleted,
  waitForGlanceImageStatus,
} from './images/waiters.js';
export {
  getImageImportInfo,
  type ImageImportInfo,
  type ImageImportMethod,
  type ImageStore,
  type ImportImageParams,
  importImage,
  listImageStores,
  type WaitForImageImportOptions,
  waitForImageImport,
} from './imports/imports.js';
export type { ImageUploadBody } from './internal/body.js';
export {
  addImageMember,
  deleteImageMember,
  getImageMember,
  type ImageMember,
  type ImageMemberStatus,
  listImageMembers,
  updateImageMemberStatus,
} from './members/members.js';
export {
  type GlanceSchema,
  type GlanceSchemaName,
  getGlanceTaskSchema,
  getImageMemberSchema,
  getImageSchema,
  getImagesSchema,
} from './schemas/schemas.js';
export {
  type GlanceTask,
  type GlanceTaskStatus,
  getGlanceTask,
  type ListGlanceTasksParams,
  listGlanceTasks,
  listImageTasks,
} from './tasks/tasks.js';

/**
 * `@cloud/providers`: the provider-neutral interface, types only. Each cloud's adapter implements
 * these clients (`@cloud/sdk/providers` for OpenStack and Rackspace, `@cloud/provider-amazon`
 * for S3 and EC2) and proves it with the checks of `@cloud/providers/conformance`.
 * @example
 * ```ts
 * import type { ProviderStorageClient } from '@cloud/providers';
 *
 * async function backup(storage: ProviderStorageClient, file: string) {
 *   await storage.createContainer('backups');
 *   return storage.upload({ container: 'backups', remote: 'db.tar.gz', file });
 * }
 * ```
 * @packageDocumentation
 */
export type {
  ProviderComputeClient,
  ProviderCreateServerParams,
  ProviderRef,
  ProviderWaitOptions,
} from './compute.js';
export type {
  ProviderCreateInstanceParams,
  ProviderCreateUserParams,
  ProviderDatabasesClient,
  ProviderDatastore,
  ProviderInstanceRef,
} from './databases.js';
export { UnsupportedOperationError } from './errors.js';
export type {
  ProviderContainer,
  ProviderDatabase,
  ProviderDatabaseFlavor,
  ProviderDatabaseInstance,
  ProviderDatabaseUser,
  ProviderFile,
  ProviderFlavor,
  ProviderImage,
  ProviderServer,
  ProviderServerStatus,
} from './models.js';
export type { ProviderName } from './names.js';
export type {
  ProviderContainerRef,
  ProviderCopyParams,
  ProviderDownload,
  ProviderDownloadParams,
  ProviderFileRef,
  ProviderStorageCapabilities,
  ProviderStorageClient,
  ProviderTemporaryUrlParams,
  ProviderUploadParams,
} from './storage.js';

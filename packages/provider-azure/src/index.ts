/**
 * `@cloud/provider-azure`: Azure Blob Storage behind the provider-neutral interface of
 * `@cloud/providers`, on the official Azure SDK for JavaScript (`@azure/storage-blob`, which signs
 * every request and every SAS).
 * @example
 * ```ts
 * import { azure } from '@cloud/provider-azure';
 *
 * const storage = azure.storage({ accountName: 'mystore', accountKey: process.env.AZURE_STORAGE_KEY });
 * ```
 * @packageDocumentation
 */
import { type AzureStorageClient, type AzureStorageOptions, azureStorage } from './storage/storage.js';

export { type AzureCall, toCloudError } from './errors.js';
export type { AzureCredential, AzureProviderOptions } from './options.js';
export {
  type AzureStorageClient,
  type AzureStorageOptions,
  azureStorage,
  type TemporaryUrlParams,
} from './storage/storage.js';

/**
 * The Azure factories with the same shape as `providers.openstack` in `@cloud/sdk/providers`.
 * @example
 * ```ts
 * const storage = azure.storage({ connectionString: process.env.AZURE_STORAGE_CONNECTION_STRING });
 * ```
 */
export const azure: {
  readonly storage: (options: AzureStorageOptions) => AzureStorageClient;
} = { storage: azureStorage };

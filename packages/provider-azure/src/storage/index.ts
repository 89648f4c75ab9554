/**
 * `@cloud/provider-azure/storage`: Azure Blob Storage behind the neutral `ProviderStorageClient`.
 * @example
 * ```ts
 * import { azureStorage } from '@cloud/provider-azure/storage';
 *
 * const storage = azureStorage({ connectionString: process.env.AZURE_STORAGE_CONNECTION_STRING });
 * await storage.upload({ container: 'backups', remote: 'a.txt', buffer: 'hi' });
 * ```
 * @packageDocumentation
 */

export { type AzureCall, toCloudError } from '../errors.js';
export type { AzureCredential, AzureProviderOptions } from '../options.js';
export {
  type AzureStorageClient,
  type AzureStorageOptions,
  azureStorage,
  type TemporaryUrlParams,
} from './storage.js';

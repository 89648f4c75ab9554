/**
 * `@cloud/provider-amazon/storage`: Amazon S3 behind the neutral `ProviderStorageClient`. Imports
 * only the S3 parts of the AWS SDK, so a handler using it bundles no EC2 code.
 * @example
 * ```ts
 * import { amazonStorage } from '@cloud/provider-amazon/storage';
 *
 * const storage = amazonStorage({ region: 'eu-west-1' });
 * await storage.upload({ container: 'my-bucket', remote: 'a.txt', buffer: 'hi' });
 * ```
 * @packageDocumentation
 */

export { type AwsCall, toCloudError } from '../errors.js';
export type { AmazonCredentials, AmazonProviderOptions } from '../options.js';
export {
  type AmazonStorageClient,
  type AmazonStorageOptions,
  amazonStorage,
  type TemporaryUrlParams,
} from './storage.js';

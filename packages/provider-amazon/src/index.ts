/**
 * `@cloud/provider-amazon`: Amazon S3 and EC2 behind the provider-neutral interface of
 * `@cloud/providers`, on the official AWS SDK for JavaScript v3 (which signs every request).
 * Import `@cloud/provider-amazon/storage` or `/compute` to bundle only one AWS client.
 * @example
 * ```ts
 * import { amazon } from '@cloud/provider-amazon';
 *
 * const storage = amazon.storage({ region: 'us-east-1' });
 * const compute = amazon.compute({ region: 'us-east-1' });
 * ```
 * @packageDocumentation
 */
import { type AmazonCompute, type AmazonComputeOptions, amazonCompute } from './compute/compute.js';
import { type AmazonStorageClient, type AmazonStorageOptions, amazonStorage } from './storage/storage.js';

export {
  type AmazonCompute,
  type AmazonComputeOptions,
  amazonCompute,
  normalizeEc2State,
} from './compute/compute.js';
export { type AwsCall, toCloudError } from './errors.js';
export type { AmazonCredentials, AmazonProviderOptions } from './options.js';
export {
  type AmazonStorageClient,
  type AmazonStorageOptions,
  amazonStorage,
  type TemporaryUrlParams,
} from './storage/storage.js';

/**
 * The Amazon factories with the same shape as `providers.openstack` in `@cloud/sdk/providers`.
 * @example
 * ```ts
 * const storage = amazon.storage({ region: 'eu-west-1' });
 * ```
 */
export const amazon: {
  readonly storage: (options?: AmazonStorageOptions) => AmazonStorageClient;
  readonly compute: (options?: AmazonComputeOptions) => AmazonCompute;
} = { storage: amazonStorage, compute: amazonCompute };

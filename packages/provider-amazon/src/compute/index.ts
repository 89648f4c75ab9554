/**
 * `@cloud/provider-amazon/compute`: Amazon EC2 behind the neutral `ProviderComputeClient`.
 * Imports only the EC2 parts of the AWS SDK.
 * @example
 * ```ts
 * import { amazonCompute } from '@cloud/provider-amazon/compute';
 *
 * const compute = amazonCompute({ region: 'us-east-1' });
 * console.log((await compute.getServers()).map((s) => [s.name, s.status]));
 * ```
 * @packageDocumentation
 */
export { type AwsCall, toCloudError } from '../errors.js';
export type { AmazonCredentials, AmazonProviderOptions } from '../options.js';
export {
  type AmazonCompute,
  type AmazonComputeOptions,
  amazonCompute,
  normalizeEc2State,
} from './compute.js';

import { CloudError } from '@cloud/core';
import type { ProviderName } from './names.js';

/**
 * The cloud behind a provider client cannot do this operation, as its `capabilities` declare
 * (e.g. container metadata on an S3-compatible store without bucket tagging). Thrown before any
 * request is sent.
 * @example
 * ```ts
 * try {
 *   await storage.setContainerMetadata('logs', { owner: 'ops' });
 * } catch (e) {
 *   if (e instanceof UnsupportedOperationError) console.warn(e.provider, e.operation, 'is not supported');
 * }
 * ```
 */
export class UnsupportedOperationError extends CloudError {
  /** The provider that cannot do it. */
  readonly provider: ProviderName;
  /** The neutral operation, e.g. `setContainerMetadata`. */
  readonly operation: string;
  constructor(provider: ProviderName, operation: string, reason: string) {
    super(`${provider}: ${operation} is not supported: ${reason}`, 'UNSUPPORTED_OPERATION');
    this.provider = provider;
    this.operation = operation;
  }
}

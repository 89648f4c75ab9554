import type { RequestOptions } from '@cloud/core';
import { ValidationError } from '@cloud/core';
import type { ProviderContainerRef } from '@cloud/providers';

/** Azure's container naming rules: 3-63 lowercase letters, digits and single hyphens. */
const CONTAINER = /^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
/** Metadata names are C# identifiers (sent as `x-ms-meta-<name>` headers). */
const METADATA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The container name of a reference, checked against Azure's rules. @internal */
export function containerOf(ref: ProviderContainerRef | undefined, field = 'container'): string {
  const name = typeof ref === 'string' ? ref : ref?.name;
  if (typeof name !== 'string' || name === '') {
    throw new ValidationError(`${field} must be a name or an object with a name`, field);
  }
  if (name !== '$root' && !CONTAINER.test(name)) {
    throw new ValidationError(
      `${field} "${name}" is not a valid Azure container name (3-63 lowercase letters, digits and single "-")`,
      field,
    );
  }
  return name;
}

/** A blob name, checked (1-1024 characters). @internal */
export function blobOf(remote: unknown, field = 'remote'): string {
  if (typeof remote !== 'string' || remote === '')
    throw new ValidationError(`${field} must be a name`, field);
  if (remote.length > 1024) throw new ValidationError(`${field} is longer than 1024 characters`, field);
  return remote;
}

/** Metadata checked against Azure's rules; `undefined` stays `undefined`. @internal */
export function metadataOf(
  metadata: Record<string, string> | undefined,
  field = 'metadata',
): Record<string, string> | undefined {
  if (metadata === undefined) return undefined;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new ValidationError(`${field} must be an object of strings`, field);
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (!METADATA_NAME.test(key)) {
      throw new ValidationError(
        `${field} name "${key}" is not allowed on Azure (letters, digits and "_", not starting with a digit)`,
        field,
      );
    }
    if (typeof value !== 'string') throw new ValidationError(`${field}.${key} must be a string`, field);
  }
  return metadata;
}

/** The abort signal of one call (`signal` and `timeoutMs` together), and whether the timeout fired. @internal */
export function callSignal(options: RequestOptions | undefined): {
  abortSignal: AbortSignal | undefined;
  timedOut: () => boolean;
} {
  const timeoutMs = options?.timeoutMs;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new ValidationError('timeoutMs must be a positive number', 'timeoutMs');
  }
  const timer = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  const signals = [options?.signal, timer].filter((s): s is AbortSignal => s !== undefined);
  return {
    abortSignal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
    timedOut: () => timer?.aborted === true && options?.signal?.aborted !== true,
  };
}

/** Content-MD5 bytes as the lowercase hex the neutral `etag` carries. @internal */
export const md5Hex = (md5: Uint8Array | undefined): string | undefined =>
  md5 && md5.length > 0 ? Buffer.from(md5).toString('hex') : undefined;

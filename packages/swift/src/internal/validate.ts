import { ValidationError } from '@cloud/core';
import { byteLength } from '@cloud/core/service';

/**
 * Longest container name Swift accepts, in UTF-8 bytes.
 * @example const ok = Buffer.byteLength(name) <= MAX_CONTAINER_NAME_BYTES && !name.includes('/');
 */
export const MAX_CONTAINER_NAME_BYTES = 256;
/**
 * Longest object name Swift accepts, in UTF-8 bytes.
 * @example const ok = Buffer.byteLength(name) <= MAX_OBJECT_NAME_BYTES;
 */
export const MAX_OBJECT_NAME_BYTES = 1024;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** @internal Throws unless `name` is a valid container name (non-empty, no `/`, at most 256 bytes). */
export function checkContainerName(name: unknown, field = 'container'): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ValidationError(`${field} must be a non-empty string`, field);
  }
  if (name.includes('/')) throw new ValidationError(`${field} must not contain "/", got "${name}"`, field);
  if (byteLength(name) > MAX_CONTAINER_NAME_BYTES) {
    throw new ValidationError(
      `${field} must be at most ${MAX_CONTAINER_NAME_BYTES} bytes of UTF-8, got ${byteLength(name)}`,
      field,
    );
  }
  return name;
}

/** @internal Throws unless `name` is a valid object name (non-empty, at most 1024 bytes). */
export function checkObjectName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ValidationError(`${field} must be a non-empty string`, field);
  }
  if (byteLength(name) > MAX_OBJECT_NAME_BYTES) {
    throw new ValidationError(
      `${field} must be at most ${MAX_OBJECT_NAME_BYTES} bytes of UTF-8, got ${byteLength(name)}`,
      field,
    );
  }
  return name;
}

/** @internal Throws unless `value` is undefined or a non-negative safe integer. */
export function checkOptionalSize(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(`${field} must be a non-negative integer, got ${String(value)}`, field);
  }
  return value;
}

/** @internal Throws unless `value` is undefined or an integer within [min, max]. */
export function checkOptionalInt(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ValidationError(
      `${field} must be an integer between ${min} and ${max}, got ${String(value)}`,
      field,
    );
  }
  return value;
}

/**
 * @internal Throws unless the metadata would come back from Swift exactly as given (apart from the
 * keys' case): keys are HTTP tokens without `_` (Swift returns it as `-`) and unique ignoring case
 * (keys come back lower-cased); values are strings without line breaks, NUL or surrounding
 * spaces or tabs (HTTP drops them).
 */
export function checkMetadata(metadata: unknown, field = 'metadata'): Record<string, string> {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ValidationError(`${field} must be an object of string values`, field);
  }
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(metadata)) {
    checkMetadataKey(key, field, `${field}.${key}`);
    const lower = key.toLowerCase();
    const other = seen.get(lower);
    if (other !== undefined) {
      throw new ValidationError(
        `${field} keys "${other}" and "${key}" are the same key to Swift (keys are not case-sensitive)`,
        `${field}.${key}`,
      );
    }
    seen.set(lower, key);
    if (typeof value !== 'string') {
      throw new ValidationError(`${field}.${key} must be a string, got ${typeof value}`, `${field}.${key}`);
    }
    if (/[\r\n\0]/.test(value)) {
      throw new ValidationError(`${field}.${key} must not contain line breaks or NUL`, `${field}.${key}`);
    }
    if (/^[ \t]|[ \t]$/.test(value)) {
      throw new ValidationError(
        `${field}.${key} must not start or end with whitespace (Swift would drop it)`,
        `${field}.${key}`,
      );
    }
  }
  return metadata as Record<string, string>;
}

function checkMetadataKey(key: unknown, field: string, name: string): void {
  if (typeof key !== 'string' || !TOKEN.test(key)) {
    throw new ValidationError(
      `${field} holds an invalid key ${JSON.stringify(key)}: use letters, digits and !#$%&'*+-.^\`|~`,
      name,
    );
  }
  if (key.includes('_')) {
    throw new ValidationError(
      `${field} key "${key}" contains "_", which Swift returns as "-"; use "${key.replaceAll('_', '-')}"`,
      name,
    );
  }
}

/** @internal Throws unless every key is a valid metadata key (see {@link checkMetadata}). */
export function checkMetadataKeys(keys: unknown, field = 'keys'): string[] {
  if (!Array.isArray(keys)) throw new ValidationError(`${field} must be an array of metadata keys`, field);
  for (const key of keys) checkMetadataKey(key, field, field);
  return keys as string[];
}

/** @internal Throws unless `value` is a safe header value. */
export function checkHeaderValue(value: unknown, field: string): string {
  if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
    throw new ValidationError(`${field} must be a string without line breaks`, field);
  }
  return value;
}

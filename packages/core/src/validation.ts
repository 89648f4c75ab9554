import { ValidationError } from './errors/errors.js';

/** Throws {@link ValidationError} unless `value` is a non-empty string. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(
      `${field} must be a non-empty string${value === undefined ? ' (it is missing)' : ''}`,
      field,
    );
  }
  return value;
}

/**
 * Throws {@link ValidationError} unless `value` is a string with at least one non-whitespace
 * character (a name, a description that must say something). The value is returned as given.
 * @example
 * ```ts
 * requireNonBlank(params.name, 'name'); // '  ' -> ValidationError: name must not be blank
 * ```
 */
export function requireNonBlank(value: unknown, field: string): string {
  const s = requireString(value, field);
  if (s.trim() === '') throw new ValidationError(`${field} must not be blank`, field);
  return s;
}

/** Throws {@link ValidationError} unless `value` is an integer within [min, max]. */
export function requireInteger(
  value: unknown,
  field: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range =
      min === Number.MIN_SAFE_INTEGER
        ? ''
        : max === Number.MAX_SAFE_INTEGER
          ? ` >= ${min}`
          : ` between ${min} and ${max}`;
    throw new ValidationError(`${field} must be an integer${range}, got ${String(value)}`, field);
  }
  return value;
}

/** Throws {@link ValidationError} unless `value` is one of `allowed`. */
export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ValidationError(`${field} must be one of ${allowed.join(', ')}, got ${String(value)}`, field);
  }
  return value as T;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Throws {@link ValidationError} unless `value` is a UUID (with or without dashes). */
export function requireUuid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new ValidationError(
      `${field} must be a UUID, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

/** UTF-8 length of a string. */
export const byteLength = (value: string): number => Buffer.byteLength(value, 'utf8');

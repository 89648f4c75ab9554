import { ValidationError } from '@cloud/core';
import { requireUuid } from '@cloud/core/service';

/** `undefined`, or a string (empty allowed: Neutron accepts `""` names). @internal */
export function optString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`${field} must be a string`, field);
  if (value.length > 255) throw new ValidationError(`${field} must be at most 255 characters`, field);
  return value;
}

/** `undefined`, or a boolean. @internal */
export function optBool(value: unknown, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new ValidationError(`${field} must be true or false`, field);
  return value;
}

/** `undefined`, or an integer in [min, max]. @internal */
export function optInt(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(
      `${field} must be an integer between ${min} and ${max}, got ${String(value)}`,
      field,
    );
  }
  return value;
}

/** `undefined`, or a UUID. @internal */
export const optUuid = (value: unknown, field: string): string | undefined =>
  value === undefined ? undefined : requireUuid(value, field);

/** `undefined`, or an array of UUIDs. @internal */
export function optUuids(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be an array of ids`, field);
  return value.map((v, i) => requireUuid(v, `${field}[${i}]`));
}

/** `undefined`, or an array of non-empty strings. @internal */
export function optStrings(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be an array of strings`, field);
  return value.map((v, i) => {
    if (typeof v !== 'string' || !v)
      throw new ValidationError(`${field}[${i}] must be a non-empty string`, `${field}[${i}]`);
    return v;
  });
}

/** Requires a params object (not `null`, not an array). @internal */
export function requireParams<T extends object>(value: unknown, field = 'params'): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${field} must be an object`, field);
  }
  return value as T;
}

/** Requires at least one field to change in an update. @internal */
export function requireChange(body: Record<string, unknown>, what: string): void {
  if (Object.values(body).every((v) => v === undefined)) {
    throw new ValidationError(`the ${what} update has nothing to change`, 'params');
  }
}

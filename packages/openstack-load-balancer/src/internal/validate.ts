import { isIP } from 'node:net';
import { ValidationError } from '@cloud/core';
import { requireUuid } from '@cloud/core/service';

/** `undefined`, or a string of at most `max` characters (empty allowed). @internal */
export function optString(value: unknown, field: string, max = 255): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`${field} must be a string`, field);
  if (value.length > max) throw new ValidationError(`${field} must be at most ${max} characters`, field);
  return value;
}

/** `undefined`, `null` (kept: it clears the field), or a string. @internal */
export function optNullableString(value: unknown, field: string, max = 255): string | null | undefined {
  return value === null ? null : optString(value, field, max);
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

/** A TCP/UDP/SCTP port, 1–65535. @internal */
export function requirePort(value: unknown, field: string): number {
  if (value === undefined) throw new ValidationError(`${field} is required (a port 1-65535)`, field);
  return optInt(value, field, 1, 65535)!;
}

/** `undefined`, `null` (clears it), or a port. @internal */
export const optPort = (value: unknown, field: string): number | null | undefined =>
  value === undefined || value === null ? value : requirePort(value, field);

/** One of `allowed` (required). @internal */
export function requireEnum<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (value === undefined)
    throw new ValidationError(`${field} is required (one of ${allowed.join(', ')})`, field);
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ValidationError(`${field} must be one of ${allowed.join(', ')}, got ${String(value)}`, field);
  }
  return value as T;
}

/** `undefined`, or one of `allowed`. @internal */
export const optEnum = <T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T | undefined => (value === undefined ? undefined : requireEnum(value, allowed, field));

/** An IPv4 or IPv6 address. @internal */
export function requireIp(value: unknown, field: string): string {
  if (typeof value !== 'string' || isIP(value) === 0) {
    throw new ValidationError(`${field} must be an IP address, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** `undefined`, `null` (clears it), or an IP address. @internal */
export const optIp = (value: unknown, field: string): string | null | undefined =>
  value === undefined || value === null ? value : requireIp(value, field);

/** A CIDR such as `10.0.0.0/8` or `2001:db8::/32`. @internal */
export function requireCidr(value: unknown, field: string): string {
  const bad = () =>
    new ValidationError(`${field} must be a CIDR such as 192.0.2.0/24, got ${JSON.stringify(value)}`, field);
  if (typeof value !== 'string') throw bad();
  const [addr, prefix, extra] = value.split('/');
  const v = isIP(addr ?? '');
  if (v === 0 || extra !== undefined || !/^\d{1,3}$/.test(prefix ?? '')) throw bad();
  if (Number(prefix) > (v === 4 ? 32 : 128)) throw bad();
  return value;
}

/** `undefined`, `null` (clears it), or a UUID. @internal */
export const optUuid = (value: unknown, field: string): string | null | undefined =>
  value === undefined || value === null ? value : requireUuid(value, field);

/** `undefined`, or an array checked item by item. @internal */
export function optArray<T>(
  value: unknown,
  field: string,
  item: (v: unknown, field: string) => T,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be an array`, field);
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

/** A non-empty string. @internal */
export function requireText(value: unknown, field: string, max = 255): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty string`, field);
  }
  if (value.length > max) throw new ValidationError(`${field} must be at most ${max} characters`, field);
  return value;
}

/** Tags: 1–255 characters each, no commas (the filter separator). @internal */
export function requireTag(value: unknown, field: string): string {
  const t = requireText(value, field);
  if (t.includes(',')) throw new ValidationError(`${field} must not contain a comma`, field);
  return t;
}

/** `undefined`, or tags. @internal */
export const optTags = (value: unknown, field: string): string[] | undefined =>
  optArray(value, field, requireTag);

/** `undefined`, or an object of string values. @internal */
export function optStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${field} must be an object of strings`, field);
  }
  for (const [k, v] of Object.entries(value)) {
    if (!k || typeof v !== 'string') {
      throw new ValidationError(`${field}.${k} must be a string`, `${field}.${k}`);
    }
  }
  return value as Record<string, string>;
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

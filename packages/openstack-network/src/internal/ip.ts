import { isIP } from 'node:net';
import { ValidationError } from '@cloud/core';

/** Throws unless `value` is an IPv4 or IPv6 address (of `version`, when given). @internal */
export function requireIp(value: unknown, field: string, version?: 4 | 6): string {
  const v = typeof value === 'string' ? isIP(value) : 0;
  if (v === 0) {
    throw new ValidationError(`${field} must be an IP address, got ${JSON.stringify(value)}`, field);
  }
  if (version !== undefined && v !== version) {
    throw new ValidationError(`${field} must be an IPv${version} address, got ${String(value)}`, field);
  }
  return value as string;
}

/**
 * Throws unless `value` is a CIDR such as `10.0.0.0/24` or `2001:db8::/64` (of `version`, when
 * given), and returns its IP version. @internal
 */
export function requireCidr(value: unknown, field: string, version?: 4 | 6): 4 | 6 {
  const bad = () =>
    new ValidationError(`${field} must be a CIDR such as 10.0.0.0/24, got ${JSON.stringify(value)}`, field);
  if (typeof value !== 'string') throw bad();
  const slash = value.indexOf('/');
  if (slash < 0) throw bad();
  const v = isIP(value.slice(0, slash));
  const prefix = value.slice(slash + 1);
  if (v === 0 || !/^\d{1,3}$/.test(prefix) || Number(prefix) > (v === 4 ? 32 : 128)) throw bad();
  if (version !== undefined && v !== version) {
    throw new ValidationError(`${field} must be an IPv${version} CIDR, got ${value}`, field);
  }
  return v as 4 | 6;
}

/** Throws unless `value` is a MAC address such as `fa:16:3e:00:00:01`. @internal */
export function requireMac(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/i.test(value)) {
    throw new ValidationError(`${field} must be a MAC address, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

import { ValidationError } from '@cloud/core';
import { encodeHeaderValue } from '../internal/headers.js';
import { checkContainerName, checkOptionalSize } from '../internal/validate.js';
import type { ContainerAcl, ContainerQuota, ContainerVersioning } from './types.js';

const aclValue = (v: string | readonly string[], field: string): string =>
  encodeHeaderValue(typeof v === 'string' ? v : v.join(','), field);

/** @internal Headers that set (or with `null`, remove) a container's ACLs. */
export function aclHeaders(acl: ContainerAcl): Record<string, string> {
  const out: Record<string, string> = {};
  if (acl.read === null) out['x-remove-container-read'] = 'x';
  else if (acl.read !== undefined) out['x-container-read'] = aclValue(acl.read, 'acl.read');
  if (acl.write === null) out['x-remove-container-write'] = 'x';
  else if (acl.write !== undefined) out['x-container-write'] = aclValue(acl.write, 'acl.write');
  return out;
}

/** @internal Headers that set (or with `null`, remove) a container's quotas. */
export function quotaHeaders(quota: ContainerQuota): Record<string, string> {
  const out: Record<string, string> = {};
  if (quota.bytes === null) out['x-remove-container-meta-quota-bytes'] = 'x';
  else if (quota.bytes !== undefined) {
    out['x-container-meta-quota-bytes'] = String(checkOptionalSize(quota.bytes, 'quota.bytes'));
  }
  if (quota.count === null) out['x-remove-container-meta-quota-count'] = 'x';
  else if (quota.count !== undefined) {
    out['x-container-meta-quota-count'] = String(checkOptionalSize(quota.count, 'quota.count'));
  }
  return out;
}

/** @internal Headers that set (or with `null`, switch off) versioning. */
export function versioningHeaders(v: ContainerVersioning | null): Record<string, string> {
  if (v === null) {
    return { 'x-remove-versions-location': 'x', 'x-remove-history-location': 'x' };
  }
  if (v.mode === 'enabled') return { 'x-versions-enabled': String(v.enabled) };
  if (v.mode !== 'stack' && v.mode !== 'history') {
    throw new ValidationError(
      `versioning.mode must be one of stack, history, enabled, got ${String((v as { mode: unknown }).mode)}`,
      'versioning.mode',
    );
  }
  const location = encodeURIComponent(checkContainerName(v.location, 'versioning.location'));
  return v.mode === 'stack' ? { 'x-versions-location': location } : { 'x-history-location': location };
}

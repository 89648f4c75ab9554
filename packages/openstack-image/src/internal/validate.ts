import { ValidationError } from '@cloud/core';
import { requireNonBlank, requireUuid } from '@cloud/core/service';

/** @internal An image id: Glance ids are UUIDs. */
export const checkImageId = (value: unknown, field = 'imageId'): string => requireUuid(value, field);

/** @internal A member (project) id: Keystone ids are not always UUIDs. */
export function checkMemberId(value: unknown, field = 'memberId'): string {
  const id = requireNonBlank(value, field);
  if (id.includes('/')) throw new ValidationError(`${field} must not contain "/"`, field);
  return id;
}

/** @internal An optional byte count: a non-negative safe integer. */
export function checkOptionalSize(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(`${field} must be a non-negative integer, got ${String(value)}`, field);
  }
  return value;
}

/** @internal A non-empty file path. */
export function checkFilePath(value: unknown, field = 'filePath'): string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(`${field} must be a non-empty string`, field);
  }
  return value;
}

/** @internal An optional boolean. */
export function checkOptionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new ValidationError(`${field} must be a boolean, got ${typeof value}`, field);
  }
  return value;
}

import { ValidationError } from '@cloud/core';
import { encodeHeaderValue, metadataToHeaders } from '../internal/headers.js';
import { checkMetadata } from '../internal/validate.js';

/**
 * Properties that can be written with an object (upload, copy, metadata update).
 * @example await uploadObject(swift, 'c', 'o.txt', 'hi', { contentType: 'text/plain', deleteAfter: 86_400 });
 */
export interface ObjectWriteParams {
  /** Content type. Uploads guess it from the name when omitted. */
  contentType?: string | undefined;
  /** User metadata (`X-Object-Meta-*`). Values may be any Unicode text. */
  metadata?: Record<string, string> | undefined;
  contentDisposition?: string | undefined;
  contentEncoding?: string | undefined;
  cacheControl?: string | undefined;
  /** Swift deletes the object at this time (a Date or Unix seconds). */
  deleteAt?: Date | number | undefined;
  /** Swift deletes the object this many seconds after the write. */
  deleteAfter?: number | undefined;
}

/** @internal Unix seconds of an expiry. */
export function toUnixSeconds(value: Date | number, field: string): number {
  const n = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new ValidationError(
      `${field} must be a valid Date or non-negative Unix seconds, got ${String(value)}`,
      field,
    );
  }
  return n;
}

/** @internal Validates write parameters and turns them into request headers. */
export function objectWriteHeaders(p: ObjectWriteParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.metadata) Object.assign(out, metadataToHeaders('x-object-meta-', checkMetadata(p.metadata)));
  if (p.contentType !== undefined) out['content-type'] = encodeHeaderValue(p.contentType, 'contentType');
  if (p.contentDisposition !== undefined) {
    out['content-disposition'] = encodeHeaderValue(p.contentDisposition, 'contentDisposition');
  }
  if (p.contentEncoding !== undefined) {
    out['content-encoding'] = encodeHeaderValue(p.contentEncoding, 'contentEncoding');
  }
  if (p.cacheControl !== undefined) out['cache-control'] = encodeHeaderValue(p.cacheControl, 'cacheControl');
  if (p.deleteAt !== undefined && p.deleteAfter !== undefined) {
    throw new ValidationError('give deleteAt or deleteAfter, not both', 'deleteAfter');
  }
  if (p.deleteAt !== undefined) out['x-delete-at'] = String(toUnixSeconds(p.deleteAt, 'deleteAt'));
  if (p.deleteAfter !== undefined) {
    if (!Number.isSafeInteger(p.deleteAfter) || p.deleteAfter < 0) {
      throw new ValidationError(
        `deleteAfter must be a non-negative number of seconds, got ${String(p.deleteAfter)}`,
        'deleteAfter',
      );
    }
    out['x-delete-after'] = String(p.deleteAfter);
  }
  return out;
}

import { ValidationError } from '@cloud/core';
import {
  arrayOf,
  object,
  omitUndefined,
  optional,
  parseTimestamp,
  requireString,
  string,
} from '@cloud/core/service';

/** @internal wire shape of a link */
export interface LinkWire {
  href: string;
  rel: string;
}

/**
 * Trove writes times as `2014-10-30T12:30:00`, in UTC but without a zone (read as UTC by core's
 * `parseTimestamp`); a missing or unreadable time gives `undefined`. @internal
 */
export function parseTroveDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = parseTimestamp(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A non-blank id such as an instance, backup or configuration id. @internal */
export function requireId(value: unknown, field: string): string {
  const s = requireString(value, field);
  if (s.trim() !== s || s.trim() === '') {
    throw new ValidationError(`${field} must not be blank or padded with spaces`, field);
  }
  return s;
}

/** Maps a `{ id, links }` reference to its id, keeping integer ids as strings. @internal */
export const idOf = (ref: { id?: string | number | null } | undefined): string | undefined =>
  ref?.id === undefined || ref.id === null ? undefined : String(ref.id);

/** An optional string field: `undefined` stays so, anything else must be a non-empty string. @internal */
export const optionalString = (value: unknown, field: string): string | undefined =>
  value === undefined ? undefined : requireString(value, field);

/** Validates a `{ type, version? }` datastore choice and builds its wire shape. @internal */
export function toDatastoreWire(
  datastore: { type: string; version?: string | undefined; versionNumber?: string | undefined } | undefined,
): { type: string; version?: string; version_number?: string } | undefined {
  if (datastore === undefined) return undefined;
  return omitUndefined({
    type: requireString(datastore?.type, 'datastore.type'),
    version: optionalString(datastore.version, 'datastore.version'),
    version_number: optionalString(datastore.versionNumber, 'datastore.versionNumber'),
  });
}

/** Shape of an optional links array. @internal */
export const LINKS = optional(arrayOf(object<LinkWire>({ href: string, rel: string })));

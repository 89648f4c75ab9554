import { ValidationError } from '@cloud/core';
import { MAX_DATABASE_NAME_LENGTH, RESERVED_DATABASE_NAMES } from '../validation.js';

/**
 * Trove's rule for MySQL database names: letters, digits, `_` and `-` at both ends, and one run of
 * spaces, `?`, `#` or `@` allowed inside. So at least two characters, and no `.`, `/`, `\`, quotes,
 * backquotes, semicolons or commas anywhere.
 */
const DATABASE_NAME = /^[A-Za-z0-9_-]+[ ?#@]*[A-Za-z0-9_-]+$/;

/** Characters Trove refuses anywhere in user names and passwords. */
const FORBIDDEN_IN_USER_STRINGS = /['"`;,/\\]/;
// Control and other non-printable characters (Trove refuses what Python's repr escapes).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const NON_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u2028\u2029]/;

const describe = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : typeof value;

/**
 * Throws {@link ValidationError} unless `value` is a database name Trove accepts (see
 * {@link MAX_DATABASE_NAME_LENGTH} and the rule above); `reserved` also refuses system databases.
 * @internal
 */
export function requireDatabaseName(value: unknown, field: string, reserved = true): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty database name, got ${describe(value)}`, field);
  }
  if (value.length > MAX_DATABASE_NAME_LENGTH) {
    throw new ValidationError(
      `${field} must be at most ${MAX_DATABASE_NAME_LENGTH} characters, got ${value.length}`,
      field,
    );
  }
  if (!DATABASE_NAME.test(value)) {
    throw new ValidationError(
      `${field} ${JSON.stringify(value)} is not a valid database name: use at least two letters, digits, ` +
        `"_" or "-"; spaces, "?", "#" and "@" are allowed only inside the name, and ".", "/", "\\", ` +
        'quotes, backquotes, semicolons and commas not at all',
      field,
    );
  }
  if (reserved && RESERVED_DATABASE_NAMES.includes(value.toLowerCase())) {
    throw new ValidationError(`${field} "${value}" is a reserved system database`, field);
  }
  return value;
}

/** Checks what user names and passwords have in common; the message never repeats `value`. */
function userStringProblem(value: string): string | undefined {
  if (value.trim() !== value) return 'must not start or end with whitespace';
  if (FORBIDDEN_IN_USER_STRINGS.test(value)) {
    return 'must not contain quotes, backquotes, semicolons, commas, "/" or "\\"';
  }
  if (NON_PRINTABLE.test(value)) return 'must not contain control characters';
  return undefined;
}

/**
 * Throws {@link ValidationError} unless `value` is a MySQL user name Trove accepts: 1 to
 * `maxLength` characters (16 on MySQL 5.x), no spaces at either end, no quotes, backquotes,
 * semicolons, commas, `/` or `\`, and no `@`, `?` or `#` at either end. @internal
 */
export function requireUserName(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty user name, got ${describe(value)}`, field);
  }
  if (value.length > maxLength) {
    throw new ValidationError(
      `${field} ${JSON.stringify(value)} is longer than ${maxLength} characters (the MySQL limit; see maxUserNameLength)`,
      field,
    );
  }
  const problem =
    userStringProblem(value) ??
    (/^[@?#]|[@?#]$/.test(value) ? 'must not start or end with "@", "?" or "#"' : undefined);
  if (problem) throw new ValidationError(`${field} ${JSON.stringify(value)} ${problem}`, field);
  return value;
}

/**
 * Throws {@link ValidationError} unless `value` is a password Trove accepts: not empty, no
 * whitespace at either end, no quotes, backquotes, semicolons, commas, `/` or `\`. The message
 * names `field`, never the password. @internal
 */
export function requirePassword(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty string`, field);
  }
  const problem = userStringProblem(value);
  if (problem) throw new ValidationError(`${field} ${problem}`, field);
  return value;
}

/**
 * Throws {@link ValidationError} unless `value` is a MySQL host pattern: `%` (anywhere, the
 * default), a host name or an address with `%` wildcards. @internal
 */
export function requireHost(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty host such as "%" or "10.0.0.%"`, field);
  }
  if (/[\s@'"`;,/\\]/.test(value) || NON_PRINTABLE.test(value)) {
    throw new ValidationError(
      `${field} ${JSON.stringify(value)} is not a valid host: no whitespace, "@", "/", "\\", quotes, semicolons or commas`,
      field,
    );
  }
  return value;
}

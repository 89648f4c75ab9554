/**
 * Longest database name MySQL and Trove accept.
 * @example if (name.length > MAX_DATABASE_NAME_LENGTH) throw new Error('name too long');
 */
export const MAX_DATABASE_NAME_LENGTH = 64;

/**
 * Database names Trove reserves for the system: they can be neither created nor deleted through
 * the API.
 * @example const usable = names.filter((n) => !RESERVED_DATABASE_NAMES.includes(n));
 */
export const RESERVED_DATABASE_NAMES: readonly string[] = [
  'mysql',
  'information_schema',
  'performance_schema',
  'sys',
  'lost+found',
];

/**
 * User names Trove keeps for itself (`root` is enabled with `enableRootUser`).
 * @example const usable = users.filter((u) => !RESERVED_DATABASE_USER_NAMES.includes(u.name));
 */
export const RESERVED_DATABASE_USER_NAMES: readonly string[] = ['root', 'os_admin'];

import { inspect } from 'node:util';
import { REDACTED } from '@cloud/core/service';

/**
 * The root account of an instance, as `enableRootUser` returns it. `password` is readable but not
 * enumerable, and `util.inspect`, `console.log` and `JSON.stringify` show it as `[REDACTED]`, so
 * logging the object never leaks it.
 * @example const { name, password } = await enableRootUser(db, instanceId);
 */
export interface RootUserCredentials {
  readonly name: string;
  readonly password: string;
}

/** @internal wire shape; holds a password */
export interface RootUserWire {
  user: { name: string; password: string };
}

/** @internal */
export function parseRootUser(w: RootUserWire): RootUserCredentials {
  const name = w.user.name;
  const shown = { name, password: REDACTED };
  const creds = { name } as RootUserCredentials;
  Object.defineProperty(creds, 'password', { value: w.user.password, enumerable: false });
  Object.defineProperty(creds, inspect.custom, { value: () => ({ ...shown }), enumerable: false });
  Object.defineProperty(creds, 'toJSON', { value: () => ({ ...shown }), enumerable: false });
  return Object.freeze(creds);
}

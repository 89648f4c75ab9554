import { ValidationError } from '@cloud/core';

/**
 * A resource given by id or as an object with an `id` (e.g. one a `get…` method returned).
 * @example const ref: ProviderIdRef = { id: network.id };
 */
export type ProviderIdRef =
  | string
  | {
      /** The resource's id. */
      id: string;
    };

/** The id of a reference; `ValidationError` naming `field` when there is none. @internal */
export function idOf(ref: ProviderIdRef | undefined | null, field: string): string {
  const id = typeof ref === 'string' ? ref : ref?.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw new ValidationError(`${field} must be an id or an object with an id`, field);
  }
  return id;
}

/** The id of an optional reference. @internal */
export const optionalIdOf = (ref: ProviderIdRef | undefined, field: string): string | undefined =>
  ref === undefined ? undefined : idOf(ref, field);

/** Rejects a missing or non-object parameter bag before any request. @internal */
export function requireParams<T>(params: T | undefined, field = 'params'): asserts params is T {
  if (!params || typeof params !== 'object') throw new ValidationError(`${field} are required`, field);
}

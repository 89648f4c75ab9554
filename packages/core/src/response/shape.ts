import { InvalidResponseError } from '../errors/errors.js';
import { headerValue, type ResponseHeaders } from '../http/headers.js';

/**
 * A check of one value of a response body. Shapes only look: the value is returned as it came,
 * unknown extra fields included, so a parser pays no copy for the check.
 * @example
 * ```ts
 * const LINK = object<LinkWire>({ href: string, rel: optional(string) });
 * ```
 */
export interface Shape<T> {
  /** What the shape accepts, for error messages (`a string`, `an array`). */
  readonly expected: string;
  /** Returns a description of the first problem found under `path`, or `undefined`. */
  problem(value: unknown, path: string): string | undefined;
  /** Carries the type only. */
  readonly _type?: T;
}

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return /^\s*</.test(value) ? 'text that looks like HTML' : 'a string';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
};

const leaf = <T>(expected: string, test: (v: unknown) => boolean): Shape<T> => ({
  expected,
  problem: (value, path) =>
    test(value) ? undefined : `${path}: expected ${expected}, got ${describe(value)}`,
});

/** A string. */
export const string: Shape<string> = leaf('a string', (v) => typeof v === 'string');
/** A finite number. */
export const number: Shape<number> = leaf('a number', (v) => typeof v === 'number' && Number.isFinite(v));
/** A boolean. */
export const boolean: Shape<boolean> = leaf('a boolean', (v) => typeof v === 'boolean');
/** Anything, including `null` (a field the parser handles itself). */
export const unknownValue: Shape<unknown> = { expected: 'anything', problem: () => undefined };
/** A string or a number (ids and sizes some services send either way). */
export const stringOrNumber: Shape<string | number> = leaf(
  'a string or a number',
  (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
);

/**
 * A value that may be missing: `undefined` and `null` pass (services write `null` for "not set").
 * @example object<ServerWire>({ id: string, key_name: optional(string) })
 */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return {
    expected: `${shape.expected} or nothing`,
    problem: (value, path) =>
      value === undefined || value === null ? undefined : shape.problem(value, path),
  };
}

/**
 * An array whose every item has `item`'s shape.
 * @example arrayOf(object<LinkWire>({ href: string }))
 */
export function arrayOf<T>(item: Shape<T>): Shape<T[]> {
  return {
    expected: 'an array',
    problem(value, path) {
      if (!Array.isArray(value)) return `${path}: expected an array, got ${describe(value)}`;
      for (let i = 0; i < value.length; i++) {
        const p = item.problem(value[i], `${path}[${i}]`);
        if (p) return p;
      }
      return undefined;
    },
  };
}

/**
 * An object used as a map: every value has `item`'s shape.
 * @example recordOf(string) // metadata
 */
export function recordOf<T>(item: Shape<T>): Shape<Record<string, T>> {
  return {
    expected: 'an object',
    problem(value, path) {
      if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
      for (const [k, v] of Object.entries(value)) {
        const p = item.problem(v, `${path}.${k}`);
        if (p) return p;
      }
      return undefined;
    },
  };
}

/** The checked fields of an object shape; fields left out are not checked (and still kept). */
export type ShapeFields<T> = { [K in keyof T]?: Shape<T[K]> };

/**
 * A JSON object with the given fields. Fields not listed are kept unchecked.
 * @example
 * ```ts
 * const SERVER = object<ServerWire>({ id: string, name: string, status: string, metadata: optional(recordOf(string)) });
 * ```
 */
export function object<T extends object>(fields: ShapeFields<T>): Shape<T> {
  const entries = Object.entries(fields) as [string, Shape<unknown>][];
  return {
    expected: 'an object',
    problem(value, path) {
      if (!isPlainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
      for (const [key, shape] of entries) {
        const p = shape.problem((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (p) return p;
      }
      return undefined;
    },
  };
}

/**
 * One of several shapes (e.g. Nova's `image`, an object or `""` when booted from a volume).
 * @example oneOf(object<ImageRefWire>({ id: string }), string)
 */
export function oneOf<A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> {
  return {
    expected: `${a.expected} or ${b.expected}`,
    problem(value, path) {
      const pa = a.problem(value, path);
      if (!pa) return undefined;
      return b.problem(value, path)
        ? `${path}: expected ${a.expected} or ${b.expected}, got ${describe(value)}`
        : undefined;
    },
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts of a response an error about it needs. `ServiceResponse` has them all. */
export interface ResponseLike {
  status: number;
  headers: ResponseHeaders;
  url: string;
  method?: string | undefined;
  body: unknown;
}

const SNIPPET = 300;

/**
 * The typed error for a response that is not what the API documents, naming the problem and
 * carrying the status, request id and a redacted start of the body.
 * @example
 * ```ts
 * if (!res.headers.etag) throw invalidResponse(res, 'the response has no ETag');
 * ```
 */
export function invalidResponse(res: ResponseLike, problem: string): InvalidResponseError {
  const requestId =
    headerValue(res.headers, 'x-openstack-request-id') ??
    headerValue(res.headers, 'x-trans-id') ??
    headerValue(res.headers, 'x-compute-request-id');
  let snippet: string | undefined;
  if (typeof res.body === 'string') snippet = res.body.slice(0, SNIPPET);
  else if (Buffer.isBuffer(res.body)) snippet = res.body.subarray(0, SNIPPET).toString('utf8');
  else if (res.body !== undefined) snippet = (JSON.stringify(res.body) ?? '').slice(0, SNIPPET);
  const where = `${res.method ? `${res.method} ` : ''}${res.url}`;
  return new InvalidResponseError(
    `unexpected response from ${where} (${res.status}${requestId ? `, request ${requestId}` : ''}): ${problem}`,
    { status: res.status, method: res.method, url: res.url, requestId, snippet },
  );
}

/**
 * Checks a whole response body against `shape` and returns it typed; anything else throws
 * {@link InvalidResponseError}.
 * @example
 * ```ts
 * const rows = parseResponse(res, arrayOf(CONTAINER_ROW));
 * ```
 */
export function parseResponse<T>(res: ResponseLike, shape: Shape<T>): T {
  const p = shape.problem(res.body, 'body');
  if (p) throw invalidResponse(res, p);
  return res.body as T;
}

/**
 * Reads the wrapper key of a JSON response (`{"server": {…}}`), checked against `shape`;
 * a missing wrapper, `null`, HTML or a wrong field type throws {@link InvalidResponseError}.
 * @example
 * ```ts
 * const res = await client.request('GET', `servers/${id}`);
 * return parseServer(unwrap(res, 'server', SERVER));
 * ```
 */
export function unwrap<T>(res: ResponseLike, key: string, shape: Shape<T>): T {
  const body = res.body;
  if (!isPlainObject(body))
    throw invalidResponse(res, `expected an object with "${key}", got ${describe(body)}`);
  if (!(key in body)) throw invalidResponse(res, `the body has no "${key}"`);
  const p = shape.problem(body[key], key);
  if (p) throw invalidResponse(res, p);
  return body[key] as T;
}

/**
 * Response headers as Node gives them: lower-cased names, a string or (for repeated headers such
 * as `set-cookie`) an array of strings.
 * @example const etag = headerValue(res.headers, 'etag');
 */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * The first value of a response header, or `undefined`. `name` is matched as given, so pass it in
 * lower case (Node lower-cases response header names).
 * @example
 * ```ts
 * const requestId = headerValue(res.headers, 'x-openstack-request-id');
 * ```
 */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

import { arrayOf, parseResponse, type ResponseLike, type Shape } from '@cloud/core/service';

/**
 * @internal The rows of a JSON listing, checked against `row`. An empty answer (Swift's 204 for
 * an empty listing) is no rows; HTML, `null`, an object or rows of the wrong shape throw
 * `InvalidResponseError`.
 */
export function listingRows<T>(res: ResponseLike, row: Shape<T>): T[] {
  if (res.body === undefined) return [];
  return parseResponse(res, arrayOf(row));
}

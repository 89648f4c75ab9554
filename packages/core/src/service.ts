/**
 * `@cloud/core/service`: what service packages are built from. Users of the SDK need none of it;
 * it is a separate entry point so that the root `@cloud/core` stays the user-facing surface.
 * @packageDocumentation
 */
export {
  arrayOf,
  boolean,
  invalidResponse,
  number,
  object,
  oneOf,
  optional,
  parseResponse,
  type ResponseLike,
  recordOf,
  type Shape,
  type ShapeFields,
  string,
  stringOrNumber,
  unknownValue,
  unwrap,
} from './response/shape.js';
export { type PollForStatusOptions, pollForStatus } from './waiters/status.js';

/**
 * `@cloud/core/service`: what service packages are built from. Users of the SDK need none of it;
 * it is a separate entry point so that the root `@cloud/core` stays the user-facing surface.
 * @packageDocumentation
 */

export { identityVersionOf, versionedAuthUrl } from './auth/keystone.js';
export {
  normalizeInterface,
  parseV2Catalog,
  parseV3Catalog,
  SERVICE_TYPE_ALIASES,
} from './catalog/catalog.js';
export {
  extractFaultMessage,
  type FailedExchange,
  parseRetryAfter,
  toHttpError,
} from './errors/http-errors.js';
export { headerValue, type ResponseHeaders } from './http/headers.js';
export { REDACTED, redactHeaders, redactText, redactUrl, scrubSecrets } from './http/redact.js';
export {
  type CheckedStreamOptions,
  checkedStream,
  type MeteredUpload,
  meterUpload,
  streamError,
  toBuffer,
} from './http/streams.js';
export { buildQuery, encodePath, encodeSegment, joinUrl, type SearchParamValue } from './http/url.js';
export {
  checkMicroversionGates,
  compareMicroversions,
  createMicroversions,
  getApiVersion,
  isMicroversion,
  LATEST_MICROVERSION,
  listApiVersions,
  type MicroversionClientOptions,
  type MicroversionGate,
  type MicroversionRequestOptions,
  type MicroversionSpec,
  type Microversions,
  microversionAtLeast,
  microversionHeaders,
  negotiateMicroversion,
  type ParsedMicroversion,
  parseMicroversion,
  pickApiVersion,
  type ServiceApiVersion,
  selectMicroversion,
  versionRootUrl,
} from './microversion/index.js';
export { type PaginateByLinksOptions, paginateByLinks } from './pagination/links.js';
export {
  nextLinkOf,
  type Page,
  type PageCursor,
  type PaginateOptions,
  paginate,
  singlePage,
} from './pagination/paginate.js';
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
export {
  createServiceClient,
  type ResponseType,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceRequest,
  type ServiceResponse,
} from './service-client.js';
export {
  byteLength,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  requireString,
  requireUuid,
} from './validation.js';
export { type PollUntilGoneOptions, pollUntilGone } from './waiters/gone.js';
export { type PollOptions, poll } from './waiters/poll.js';
export { type PollForStatusOptions, pollForStatus } from './waiters/status.js';
export { omitUndefined, parseTimestamp } from './wire.js';

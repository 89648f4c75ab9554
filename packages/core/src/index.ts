export { identityVersionOf, versionedAuthUrl } from './auth/keystone.js';
export {
  type ApplicationCredentialOptions,
  fromApplicationCredential,
  fromPassword,
  fromRackspaceApiKey,
  fromToken,
  type PasswordOptions,
  RACKSPACE_AUTH_URL,
  RACKSPACE_REGIONS,
  type RackspaceApiKeyOptions,
  type ScopeOptions,
  type TokenOptions,
} from './auth/providers.js';
export {
  type AuthContext,
  type AuthResult,
  type AuthUser,
  type CredentialProvider,
  createAuthResult,
  type IdentityVersion,
  type ProjectScope,
} from './auth/types.js';
export {
  type CatalogEntry,
  type Endpoint,
  type EndpointInterface,
  type EndpointQuery,
  listCatalogRegions,
  normalizeInterface,
  parseV2Catalog,
  parseV3Catalog,
  resolveEndpoint,
  SERVICE_TYPE_ALIASES,
  type ServiceCatalog,
} from './catalog/catalog.js';
export {
  type AuthConfig,
  type CloudConfig,
  chain,
  cloudsYamlSearchPath,
  configFromEnv,
  credentialsFromConfig,
  fromCloudsYaml,
  fromEnv,
  type LoadCloudConfigOptions,
  loadCloudConfig,
  redactAuth,
} from './config/config.js';
export {
  AbortError,
  AuthenticationError,
  BadRequestError,
  CloudError,
  type CloudErrorOptions,
  ConflictError,
  CredentialsUnavailableError,
  EndpointNotFoundError,
  ForbiddenError,
  HttpError,
  type HttpErrorDetails,
  IntegrityError,
  type InvalidResponseDetails,
  InvalidResponseError,
  isCloudError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
  ValidationError,
  WaiterFailureError,
  WaiterTimeoutError,
} from './errors/errors.js';
export {
  extractFaultMessage,
  type FailedExchange,
  parseRetryAfter,
  toHttpError,
} from './errors/http-errors.js';
export type { ProxyOption, ProxySettings } from './http/proxy.js';
export { REDACTED, redactHeaders, redactText, redactUrl, scrubSecrets } from './http/redact.js';
export type { TlsOptions } from './http/tls.js';
export {
  type ConnectionOptions,
  createTransport,
  DEFAULT_TIMEOUTS,
  DEFAULT_USER_AGENT,
  type HttpLogEvent,
  type HttpLogger,
  type HttpOptions,
  type HttpRequest,
  type HttpResponse,
  type HttpStreamResponse,
  type Middleware,
  type Next,
  type PipelineRequest,
  type PipelineResponse,
  type RequestBody,
  type RequestOptions,
  type RetryOptions,
  SDK_VERSION,
  stderrLogger,
  type TimeoutOptions,
  type TransferProgress,
  type Transport,
  type TransportOptions,
} from './http/transport.js';
export { buildQuery, encodePath, encodeSegment, joinUrl, type SearchParamValue } from './http/url.js';
export {
  compareMicroversions,
  type MicroversionClientOptions,
  type MicroversionNotSupportedDetails,
  MicroversionNotSupportedError,
  type MicroversionRequestOptions,
  type ServiceApiVersion,
} from './microversion/index.js';
export { type PaginateByLinksOptions, paginateByLinks } from './pagination/links.js';
export {
  type ItemPage,
  nextLinkOf,
  type Page,
  type PageCursor,
  type PagedIterable,
  type PageSettings,
  type PaginateOptions,
  paginate,
  singlePage,
  toArray,
} from './pagination/paginate.js';
export {
  createServiceClient,
  type ResponseType,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceRequest,
  type ServiceResponse,
} from './service-client.js';
export { type AuthenticateOptions, createSession, type Session, type SessionOptions } from './session.js';
export {
  byteLength,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  requireString,
  requireUuid,
} from './validation.js';
export { type PollUntilGoneOptions, pollUntilGone } from './waiters/gone.js';
export { type PollOptions, poll, type WaiterOptions } from './waiters/poll.js';
export type { StatusWaiterOptions } from './waiters/status.js';
export { omitUndefined, parseTimestamp } from './wire.js';

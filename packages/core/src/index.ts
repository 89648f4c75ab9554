export {
  fromApplicationCredential,
  fromPassword,
  fromRackspaceApiKey,
  fromToken,
  RACKSPACE_AUTH_URL,
  RACKSPACE_REGIONS,
  type ApplicationCredentialOptions,
  type PasswordOptions,
  type RackspaceApiKeyOptions,
  type ScopeOptions,
  type TokenOptions,
} from './auth/providers.js';
export { identityVersionOf, versionedAuthUrl } from './auth/keystone.js';
export {
  createAuthResult,
  type AuthContext,
  type AuthResult,
  type AuthUser,
  type CredentialProvider,
  type IdentityVersion,
  type ProjectScope,
} from './auth/types.js';
export {
  listCatalogRegions,
  normalizeInterface,
  parseV2Catalog,
  parseV3Catalog,
  resolveEndpoint,
  SERVICE_TYPE_ALIASES,
  type CatalogEntry,
  type Endpoint,
  type EndpointInterface,
  type EndpointQuery,
  type ServiceCatalog,
} from './catalog/catalog.js';
export {
  chain,
  cloudsYamlSearchPath,
  configFromEnv,
  credentialsFromConfig,
  fromCloudsYaml,
  fromEnv,
  loadCloudConfig,
  redactAuth,
  type AuthConfig,
  type CloudConfig,
  type LoadCloudConfigOptions,
} from './config/config.js';
export {
  AbortError,
  AuthenticationError,
  BadRequestError,
  CloudError,
  ConflictError,
  CredentialsUnavailableError,
  EndpointNotFoundError,
  ForbiddenError,
  HttpError,
  IntegrityError,
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
  type CloudErrorOptions,
  type HttpErrorDetails,
} from './errors/errors.js';
export { extractFaultMessage, parseRetryAfter, toHttpError, type FailedExchange } from './errors/http-errors.js';
export { REDACTED, redactHeaders, redactText, redactUrl } from './http/redact.js';
export {
  createTransport,
  DEFAULT_USER_AGENT,
  SDK_VERSION,
  type HttpLogEvent,
  type HttpLogger,
  type HttpRequest,
  type HttpResponse,
  type HttpStreamResponse,
  type RequestBody,
  type RequestOptions,
  type RetryOptions,
  type TimeoutOptions,
  type TransferProgress,
  type Transport,
  type TransportOptions,
} from './http/transport.js';
export { buildQuery, encodePath, encodeSegment, joinUrl, type SearchParamValue } from './http/url.js';
export {
  nextLinkOf,
  paginate,
  toArray,
  type Page,
  type PageCursor,
  type PagedIterable,
  type PaginateOptions,
} from './pagination/paginate.js';
export {
  createServiceClient,
  type ResponseType,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceRequest,
  type ServiceResponse,
} from './service-client.js';
export { createSession, type AuthenticateOptions, type Session, type SessionOptions } from './session.js';
export { byteLength, requireInteger, requireOneOf, requireString, requireUuid } from './validation.js';
export { poll, type PollOptions, type WaiterOptions } from './waiters/poll.js';

import { redactText } from '../http/redact.js';

const BRAND = Symbol.for('@cloud/error');

/** Options accepted by every {@link CloudError} constructor. */
export interface CloudErrorOptions {
  /** The underlying error, already stripped of secrets. */
  cause?: unknown;
}

/**
 * Base class of every error thrown by the SDK.
 *
 * `instanceof` works across duplicate installs of `@cloud/core` because the check uses a global
 * brand rather than the prototype chain alone.
 *
 * @example
 * ```ts
 * try { await getServer(compute, id); }
 * catch (e) { if (isCloudError(e)) console.error(e.code, e.message); }
 * ```
 */
export class CloudError extends Error {
  /** A stable, machine-readable code such as `NOT_FOUND` or `VALIDATION`. */
  readonly code: string;

  constructor(message: string, code = 'CLOUD_ERROR', options: CloudErrorOptions = {}) {
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    if (this === CloudError) return (value as Record<symbol, unknown>)[BRAND] === true;
    return Function.prototype[Symbol.hasInstance].call(this, value) || sameNamedBrand(this, value);
  }
}

/** Errors from a second copy of core keep their class name; match those by name on the brand. */
function sameNamedBrand(cls: Function, value: object): boolean {
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  for (let p = Object.getPrototypeOf(value); p; p = Object.getPrototypeOf(p)) {
    if (p.constructor?.name === cls.name) return true;
  }
  return false;
}

/** True for any error thrown by the SDK, whichever copy of `@cloud/core` threw it. */
export function isCloudError(value: unknown): value is CloudError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Details of a failed HTTP exchange. */
export interface HttpErrorDetails extends CloudErrorOptions {
  status: number;
  method: string;
  /** Request URL with secrets (temp URL signatures, tokens in queries) redacted. */
  url: string;
  requestId?: string | undefined;
  /** The start of the response body, redacted and truncated. */
  responseBody?: string | undefined;
  /** Response headers, secrets removed. */
  headers?: Record<string, string> | undefined;
}

/**
 * The service answered with an HTTP error status. Subclasses exist for the common statuses.
 * @example
 * ```ts
 * catch (e) { if (e instanceof HttpError) console.log(e.status, e.requestId); }
 * ```
 */
export class HttpError extends CloudError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly responseBody: string | undefined;
  readonly headers: Record<string, string>;

  constructor(message: string, details: HttpErrorDetails, code = 'HTTP_ERROR') {
    super(message, code, details);
    this.status = details.status;
    this.method = details.method;
    this.url = redactText(details.url);
    this.requestId = details.requestId;
    this.responseBody = details.responseBody === undefined ? undefined : redactText(details.responseBody);
    this.headers = details.headers ?? {};
  }
}

/** 400: the service rejected the request. */
export class BadRequestError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'BAD_REQUEST');
  }
}
/** 401: the token was missing, expired or revoked (after one re-authentication). */
export class UnauthorizedError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'UNAUTHORIZED');
  }
}
/** 403: authenticated, but not allowed. */
export class ForbiddenError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'FORBIDDEN');
  }
}
/** 404: the resource does not exist. */
export class NotFoundError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'NOT_FOUND');
  }
}
/** 409: the resource is in a state that conflicts with the request (e.g. a non-empty container). */
export class ConflictError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'CONFLICT');
  }
}
/** 412: a precondition header (If-Match, If-None-Match) failed. */
export class PreconditionFailedError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'PRECONDITION_FAILED');
  }
}
/** 422: the body did not match what was declared (e.g. a Swift ETag mismatch). */
export class UnprocessableEntityError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'UNPROCESSABLE_ENTITY');
  }
}
/** 413 or 429: over a rate limit or quota. `retryAfterMs` comes from `Retry-After`. */
export class RateLimitError extends HttpError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: HttpErrorDetails & { retryAfterMs?: number | undefined }) {
    super(message, details, 'RATE_LIMITED');
    this.retryAfterMs = details.retryAfterMs;
  }
}
/** 503: the service is unavailable. */
export class ServiceUnavailableError extends HttpError {
  constructor(message: string, details: HttpErrorDetails) {
    super(message, details, 'SERVICE_UNAVAILABLE');
  }
}

/** Authentication with the identity service failed (bad credentials, wrong scope, malformed answer). */
export class AuthenticationError extends CloudError {
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  constructor(message: string, options: CloudErrorOptions & { status?: number; requestId?: string } = {}) {
    super(message, 'AUTHENTICATION', options);
    this.status = options.status;
    this.requestId = options.requestId;
  }
}

/** A credentials provider has nothing to offer (e.g. no `OS_*` variables); `chain()` then tries the next. */
export class CredentialsUnavailableError extends CloudError {
  constructor(message: string, options: CloudErrorOptions = {}) {
    super(message, 'CREDENTIALS_UNAVAILABLE', options);
  }
}

/** No catalog endpoint matched; the message lists what the catalog does offer. */
export class EndpointNotFoundError extends CloudError {
  readonly serviceType: string;
  readonly availableRegions: string[];
  readonly availableInterfaces: string[];
  constructor(
    message: string,
    details: { serviceType: string; availableRegions?: string[]; availableInterfaces?: string[] },
  ) {
    super(message, 'ENDPOINT_NOT_FOUND');
    this.serviceType = details.serviceType;
    this.availableRegions = details.availableRegions ?? [];
    this.availableInterfaces = details.availableInterfaces ?? [];
  }
}

/** The request never got an HTTP answer (DNS, refused connection, reset socket). */
export class NetworkError extends CloudError {
  constructor(message: string, options: CloudErrorOptions & { code?: string } = {}) {
    super(message, options.code ?? 'NETWORK', options);
  }
}

/** Where an unexpected response came from. */
export interface InvalidResponseDetails extends CloudErrorOptions {
  /** HTTP status of the response, when there was one. */
  status?: number | undefined;
  method?: string | undefined;
  /** Request URL, secrets redacted. */
  url?: string | undefined;
  requestId?: string | undefined;
  /** The start of the body, redacted and truncated. */
  snippet?: string | undefined;
}

/**
 * The service answered, but not with what its API documents: HTML where JSON was expected,
 * truncated JSON, `null`, a body without its wrapper (`{"server": …}`) or a field of the wrong type.
 * `message` says which field was wrong; `snippet` holds the start of the body, redacted.
 * @example
 * ```ts
 * try { await getServer(compute, id); }
 * catch (e) { if (e instanceof InvalidResponseError) console.error(e.status, e.requestId, e.snippet); }
 * ```
 */
export class InvalidResponseError extends CloudError {
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly requestId: string | undefined;
  readonly snippet: string | undefined;
  constructor(message: string, details: InvalidResponseDetails = {}) {
    super(message, 'INVALID_RESPONSE', details);
    this.status = details.status;
    this.method = details.method;
    this.url = details.url === undefined ? undefined : redactText(details.url);
    this.requestId = details.requestId;
    this.snippet = details.snippet === undefined ? undefined : redactText(details.snippet);
  }
}

/** A request took longer than its timeout. */
export class TimeoutError extends CloudError {
  constructor(message: string, options: CloudErrorOptions = {}) {
    super(message, 'TIMEOUT', options);
  }
}

/** Bad input, detected before any request is sent. `field` names what was wrong. */
export class ValidationError extends CloudError {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message, 'VALIDATION');
    this.field = field;
  }
}

/** The operation was cancelled through its `AbortSignal`. */
export class AbortError extends CloudError {
  constructor(message = 'The operation was aborted', options: CloudErrorOptions = {}) {
    super(message, 'ABORTED', options);
  }
}

/** Transferred bytes did not match the expected checksum or length. */
export class IntegrityError extends CloudError {
  readonly expected: string;
  readonly actual: string;
  constructor(message: string, details: { expected: string; actual: string }) {
    super(message, 'INTEGRITY');
    this.expected = details.expected;
    this.actual = details.actual;
  }
}

/** A waiter ran out of time; `lastValue` is the last observed resource. */
export class WaiterTimeoutError<T = unknown> extends CloudError {
  readonly lastValue: T | undefined;
  constructor(message: string, lastValue?: T) {
    super(message, 'WAITER_TIMEOUT');
    this.lastValue = lastValue;
  }
}

/** A waiter saw a failure state (e.g. a server in `ERROR`); `lastValue` is that resource. */
export class WaiterFailureError<T = unknown> extends CloudError {
  readonly lastValue: T;
  constructor(message: string, lastValue: T) {
    super(message, 'WAITER_FAILURE');
    this.lastValue = lastValue;
  }
}

import {
  AbortError,
  AuthenticationError,
  BadRequestError,
  type CloudError,
  ConflictError,
  ForbiddenError,
  HttpError,
  type HttpErrorDetails,
  InvalidResponseError,
  isCloudError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
} from '@cloud/core';

/** The request an Azure error belongs to, for the message and the error's `method`/`url`. @internal */
export interface AzureCall {
  /** The HTTP method of the operation, e.g. `HEAD` for getting a blob's properties. */
  method: string;
  /** What was addressed, without any SAS: e.g. `https://acct.blob.core.windows.net/container/blob`. */
  url: string;
}

/** Storage error codes (`x-ms-error-code`) by the class they map to. */
const NOT_FOUND = /^(ContainerNotFound|BlobNotFound|ResourceNotFound|CannotVerifyCopySource)$/;
const CONFLICT =
  /^(ContainerAlreadyExists|ContainerBeingDeleted|ContainerDisabled|BlobAlreadyExists|BlobArchived|BlobBeingRehydrated|LeaseAlreadyPresent|LeaseIdMissing|LeaseIsBreakingAndCannotBeAcquired|PendingCopyOperation|SnapshotsPresent|ResourceAlreadyExists|ResourceTypeMismatch)$/;
const FORBIDDEN =
  /^(AuthorizationFailure|AuthorizationPermissionMismatch|AuthorizationResourceTypeMismatch|AuthorizationServiceMismatch|AuthorizationSourceIPMismatch|AuthorizationProtocolMismatch|InsufficientAccountPermissions|AccountIsDisabled)$/;
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EPIPE|ETIMEDOUT|EHOSTUNREACH|UND_ERR_\w+)$/;
/** Text of a refused signature, whichever code the service uses for it (Azurite: AuthorizationFailure). */
const BAD_SIGNATURE = /failed to authenticate|signature|authentication information is not given/i;

/** Azure SAS signatures (`sig=`) and Shared Key headers in free text. */
const SAS_SIG = /([?&]sig=)[^&#\s"'<]*/gi;
const SHARED_KEY = /(SharedKey(?:Lite)?\s+[^:\s]+:)[^\s"'<]+/gi;

/** Removes SAS signatures and Shared Key signatures from a text. @internal */
export const redactAzure = (text: string): string =>
  text.replace(SAS_SIG, '$1[REDACTED]').replace(SHARED_KEY, '$1[REDACTED]');

interface RestErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  details?: Record<string, unknown> & { errorCode?: string; authenticationErrorDetail?: unknown };
  response?: { headers?: { get(name: string): string | undefined }; bodyAsText?: string | null };
  cause?: unknown;
}

/**
 * The service's explanation of a refused signature quotes the signature it received and the text it
 * signed: drop it from the original error before it becomes a `cause` anyone may print.
 */
function scrub(e: RestErrorLike): void {
  const details = e.details;
  if (details && typeof details === 'object') {
    for (const key of Object.keys(details)) {
      if (/authenticationErrorDetail|signature/i.test(key)) details[key] = '[REDACTED]';
    }
  }
  if (typeof e.message === 'string') {
    try {
      (e as { message: string }).message = redactAzure(e.message);
    } catch {
      // A frozen error keeps its message; ours is redacted anyway.
    }
  }
}

const retryAfterMs = (value: string | undefined): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
};

/**
 * Turns an error of the Azure SDK (a `RestError`, an `AbortError`, a socket error) into the SDK's
 * typed error classes, with the original as `cause`: `ContainerNotFound`/`BlobNotFound`/404 →
 * `NotFoundError`, a refused signature → `AuthenticationError`, other 403s → `ForbiddenError`,
 * `ContainerAlreadyExists`/`ContainerBeingDeleted`/409 → `ConflictError`, `ConditionNotMet`/412 →
 * `PreconditionFailedError`, `ServerBusy`/429 → `RateLimitError`, other 503s →
 * `ServiceUnavailableError`, a body the SDK could not parse → `InvalidResponseError`, a refused
 * connection → `NetworkError`. SAS and Shared Key signatures are removed from the messages and
 * from the original error. Errors of this SDK pass through.
 * @example
 * ```ts
 * try { await container.getProperties(); }
 * catch (e) { throw toCloudError(e, { method: 'HEAD', url: container.url }); }
 * ```
 */
export function toCloudError(error: unknown, call: AzureCall): CloudError {
  if (isCloudError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as RestErrorLike;
  scrub(e);
  const url = redactAzure(call.url.replace(/[?#].*$/, ''));
  const where = `${call.method} ${url}`;
  const code = e.details?.errorCode ?? e.response?.headers?.get('x-ms-error-code') ?? e.code ?? '';
  const said = redactAzure((e.message ?? '').split('\n')[0] ?? '');
  const text = `${where}: ${code || e.name || 'error'}${said && said !== code ? `: ${said}` : ''}`;
  const cause = { cause: error };
  const status = e.statusCode;

  if (e.name === 'AbortError') {
    return /timed? ?out|timeout/i.test(said) ? new TimeoutError(text, cause) : new AbortError(text, cause);
  }
  if (e.name === 'TimeoutError') return new TimeoutError(text, cause);
  const sysCode = (e as { code?: string }).code;
  const causeCode = (e.cause as { code?: string } | undefined)?.code;
  if (status === undefined) {
    // The SDK reads fields of the parsed body without checking them: HTML or an XML document of
    // another kind fails there as a TypeError, before any status reaches us.
    if (
      code === 'PARSE_ERROR' ||
      e.name === 'TypeError' ||
      e.name === 'SyntaxError' ||
      (e.name === 'RangeError' && /response/i.test(said))
    ) {
      return new InvalidResponseError(text, {
        ...call,
        url,
        cause: error,
        snippet: e.response?.bodyAsText?.slice(0, 200) ?? undefined,
      });
    }
    const net = [sysCode, causeCode].find((c) => c && NETWORK.test(c));
    return new NetworkError(text, { ...cause, code: net ?? 'NETWORK' });
  }
  const requestId = e.response?.headers?.get('x-ms-request-id');
  const details: HttpErrorDetails = { status, method: call.method, url, requestId, cause: error };
  if (status >= 200 && status < 300) {
    // A success status whose body the SDK could not read (HTML, truncated XML...).
    return new InvalidResponseError(text, {
      ...call,
      url,
      status,
      requestId,
      cause: error,
      snippet: e.response?.bodyAsText?.slice(0, 200) ?? undefined,
    });
  }
  if (code === 'AuthenticationFailed' || status === 401 || (status === 403 && BAD_SIGNATURE.test(said))) {
    return new AuthenticationError(text, { ...cause, status, requestId });
  }
  if (NOT_FOUND.test(code) || status === 404) return new NotFoundError(text, details);
  if (FORBIDDEN.test(code) || status === 403) return new ForbiddenError(text, details);
  if (code === 'ServerBusy' || code === 'TooManyRequests' || status === 429) {
    return new RateLimitError(text, {
      ...details,
      retryAfterMs: retryAfterMs(e.response?.headers?.get('retry-after')),
    });
  }
  if (CONFLICT.test(code) || status === 409) return new ConflictError(text, details);
  if (code === 'ConditionNotMet' || status === 412) return new PreconditionFailedError(text, details);
  if (status === 503) return new ServiceUnavailableError(text, details);
  if (status === 400) return new BadRequestError(text, details);
  return new HttpError(text, details);
}

/** Runs one Azure call and maps whatever it throws; an abort caused by `timedOut` is a timeout. @internal */
export async function azure<T>(call: AzureCall, run: () => Promise<T>, timedOut?: () => boolean): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const mapped = toCloudError(error, call);
    if (mapped instanceof AbortError && timedOut?.()) {
      return Promise.reject(
        new TimeoutError(mapped.message.replace(/AbortError/, 'timed out'), { cause: error }),
      );
    }
    throw mapped;
  }
}

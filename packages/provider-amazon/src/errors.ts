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

/** The request an AWS error belongs to, for the message and the error's `method`/`url`. @internal */
export interface AwsCall {
  /** The HTTP method of the operation, e.g. `GET` for GetObject. */
  method: string;
  /** What was addressed, e.g. `s3://bucket/key` or `ec2:DescribeInstances`. */
  url: string;
}

/** Error codes (the `name` of an AWS SDK error) that mean "no such thing". */
const NOT_FOUND =
  /^(NoSuchBucket|NoSuchKey|NoSuchUpload|NotFound|Invalid\w+(ID|Id)\.(NotFound|Malformed)|InvalidInstanceType|InvalidAMIID\.Unavailable|InvalidKeyPair\.NotFound|InvalidGroup\.NotFound)$/;
const AUTHENTICATION =
  /^(InvalidAccessKeyId|SignatureDoesNotMatch|AuthFailure|ExpiredToken|InvalidClientTokenId|UnrecognizedClientException|InvalidToken|CredentialsProviderError)$/;
const FORBIDDEN = /^(AccessDenied|UnauthorizedOperation|AllAccessDisabled|AccountProblem)$/;
const CONFLICT =
  /^(BucketNotEmpty|BucketAlreadyExists|OperationAborted|IncorrectInstanceState|InvalidKeyPair\.Duplicate|IdempotentParameterMismatch)$/;
const RATE_LIMIT =
  /^(SlowDown|Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException)$/;
const UNAVAILABLE = /^(ServiceUnavailable|InternalError|Unavailable|InsufficientInstanceCapacity)$/;
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EPIPE|ETIMEDOUT|EHOSTUNREACH)$/;

interface AwsErrorLike {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  $response?: { statusCode?: number; headers?: Record<string, string> };
  $responseBodyText?: string;
}

/**
 * Turns an error of the AWS SDK (or of the socket under it) into the SDK's typed error classes,
 * with the original as `cause`: `NoSuchBucket`/`NoSuchKey`/`*.NotFound` → `NotFoundError`, bad
 * credentials → `AuthenticationError`, `AccessDenied` → `ForbiddenError`, `BucketNotEmpty` →
 * `ConflictError`, `SlowDown`/`Throttling` → `RateLimitError`, a response the SDK could not parse
 * → `InvalidResponseError`, a refused connection → `NetworkError`. Errors of this SDK pass through.
 * @example
 * ```ts
 * try { await s3.send(new HeadBucketCommand({ Bucket })); }
 * catch (e) { throw toCloudError(e, { method: 'HEAD', url: `s3://${Bucket}` }); }
 * ```
 */
export function toCloudError(error: unknown, call: AwsCall): CloudError {
  if (isCloudError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as AwsErrorLike;
  const name = e.name ?? e.Code ?? '';
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const where = `${call.method} ${call.url}`;
  const text = `${where}: ${name || 'error'}${e.message && e.message !== name ? `: ${e.message}` : ''}`;
  const cause = { cause: error };

  if (name === 'AbortError' || name === 'RequestAbortedError') return new AbortError(text, cause);
  if (name === 'TimeoutError' || name === 'RequestTimeout') return new TimeoutError(text, cause);
  if (NETWORK.test(e.code ?? '') || NETWORK.test(name))
    return new NetworkError(text, { ...cause, code: e.code ?? name });
  if (AUTHENTICATION.test(name) || status === 401) {
    return new AuthenticationError(text, { ...cause, status, requestId: e.$metadata?.requestId });
  }
  if (status === undefined) {
    // No HTTP status and no known code: the SDK failed to read what the service sent.
    if (e.$responseBodyText !== undefined || /deserializ|parse|xml|json/i.test(e.message ?? '')) {
      return new InvalidResponseError(text, {
        ...call,
        cause: error,
        snippet: e.$responseBodyText?.slice(0, 200),
      });
    }
    return new NetworkError(text, { ...cause, code: e.code });
  }
  const details: HttpErrorDetails = {
    status,
    method: call.method,
    url: call.url,
    requestId: e.$metadata?.requestId,
    cause: error,
  };
  if (NOT_FOUND.test(name) || status === 404) return new NotFoundError(text, details);
  if (FORBIDDEN.test(name) || status === 403) return new ForbiddenError(text, details);
  if (RATE_LIMIT.test(name) || status === 429) return new RateLimitError(text, details);
  if (CONFLICT.test(name) || status === 409) return new ConflictError(text, details);
  if (status === 412) return new PreconditionFailedError(text, details);
  if (UNAVAILABLE.test(name) || status === 503) return new ServiceUnavailableError(text, details);
  if (status >= 200 && status < 300) {
    // A success status with a body the SDK could not read (HTML, truncated XML...).
    return new InvalidResponseError(text, {
      ...call,
      status,
      cause: error,
      snippet: e.$responseBodyText?.slice(0, 200),
    });
  }
  if (status === 400) return new BadRequestError(text, details);
  return new HttpError(text, details);
}

/** Runs one AWS call and maps whatever it throws. @internal */
export async function aws<T>(call: AwsCall, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toCloudError(error, call);
  }
}

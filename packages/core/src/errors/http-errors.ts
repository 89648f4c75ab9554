import { headerValue } from '../http/headers.js';
import { redactHeaders, redactText, scrubSecrets } from '../http/redact.js';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  HttpError,
  type HttpErrorDetails,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './errors.js';

const MAX_BODY = 2048;

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Pulls a human message out of the error bodies OpenStack services send. */
export function extractFaultMessage(body: string | undefined): string | undefined {
  if (!body) return undefined;
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as Record<string, unknown>;
      // Nova/Trove: {"itemNotFound": {"message": "...", "code": 404}}; Keystone: {"error": {"message": ...}}
      for (const value of Object.values(parsed)) {
        if (
          value &&
          typeof value === 'object' &&
          typeof (value as { message?: unknown }).message === 'string'
        ) {
          return (value as { message: string }).message;
        }
      }
      if (typeof parsed.message === 'string') return parsed.message;
      if (typeof parsed.description === 'string') return parsed.description;
    } catch {
      // not JSON after all
    }
  }
  // Swift answers with short HTML such as <html><h1>Not Found</h1><p>The resource could not be found.</p></html>
  const text = trimmed
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text.slice(0, 300) : undefined;
}

/** What `toHttpError` needs to know about a failed exchange. */
export interface FailedExchange {
  status: number;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: string | undefined;
  /** Names the resource in 404 messages, e.g. `server 1234`. */
  resource?: string | undefined;
  /** Values (such as the token sent) to scrub from the body and every header should the server echo them. */
  secrets?: readonly string[] | undefined;
}

const scrub = scrubSecrets;

/** Maps an HTTP error status to the matching {@link HttpError} subclass. */
export function toHttpError(x: FailedExchange): HttpError {
  const requestId =
    headerValue(x.headers, 'x-openstack-request-id') ??
    headerValue(x.headers, 'x-trans-id') ??
    headerValue(x.headers, 'x-compute-request-id');
  const body = x.body === undefined ? undefined : redactText(scrub(x.body.slice(0, MAX_BODY), x.secrets));
  const fault = extractFaultMessage(body);
  const what = x.resource ? `${x.resource}: ` : '';
  const base = `${x.method} ${redactText(x.url)} failed with ${x.status}`;
  const message = `${what}${fault ? fault : base}${fault ? ` (${base})` : ''}${requestId ? ` [request ${requestId}]` : ''}`;
  const details: HttpErrorDetails = {
    status: x.status,
    method: x.method,
    url: x.url,
    requestId,
    responseBody: body,
    headers: redactHeaders(x.headers, x.secrets),
  };
  switch (x.status) {
    case 400:
      return new BadRequestError(message, details);
    case 401:
      return new UnauthorizedError(message, details);
    case 403:
      return new ForbiddenError(message, details);
    case 404:
      return new NotFoundError(x.resource ? `${x.resource} was not found (${base})` : message, details);
    case 409:
      return new ConflictError(message, details);
    case 412:
      return new PreconditionFailedError(message, details);
    case 422:
      return new UnprocessableEntityError(message, details);
    case 413:
    case 429:
      return new RateLimitError(message, {
        ...details,
        retryAfterMs: parseRetryAfter(headerValue(x.headers, 'retry-after')),
      });
    case 503:
      return new ServiceUnavailableError(message, details);
    default:
      return new HttpError(message, details);
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { NetworkError, TimeoutError } from '../errors/errors.js';
import { parseRetryAfter } from '../errors/http-errors.js';
import { abortedError } from './deadline.js';
import { headerValue } from './headers.js';
import { discard, isReplayableBody, type Middleware, type PipelineRequest } from './pipeline.js';
import { redactUrl } from './redact.js';
import type { HttpLogger } from './transport.js';
import { buildQuery } from './url.js';

/** The retry policy with every default filled in. */
export interface RetryPolicy {
  limit: number;
  baseDelayMs: number;
  maxDelayMs: number;
  statusCodes: ReadonlySet<number>;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'COPY']);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
]);

/** The low-level code behind a transport error (`ECONNRESET`, `ETIMEDOUT`), if it may be retried. */
function retryCode(error: unknown): string | undefined {
  if (error instanceof TimeoutError) return 'ETIMEDOUT';
  if (error instanceof NetworkError) return error.code.replace(/^NETWORK_/, '');
  return undefined;
}

/**
 * Retries idempotent requests (and any 429, and refused connections) with exponential backoff and
 * `Retry-After`, while the call's signal (its deadline included) allows. Streamed request bodies
 * are replayed only when given as a function that opens a fresh stream per attempt.
 */
export function retryMiddleware(policy: RetryPolicy, log?: HttpLogger): Middleware {
  function shouldRetry(req: PipelineRequest, limit: number, status?: number, code?: string): boolean {
    if (req.attempt > limit || req.signal?.aborted || !isReplayableBody(req.body)) return false;
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method.toUpperCase());
    if (status !== undefined) {
      if (!policy.statusCodes.has(status)) return false;
      return idempotent || status === 429;
    }
    if (!code || !RETRY_CODES.has(code)) return false;
    return idempotent || code === 'ECONNREFUSED';
  }

  function backoff(attempt: number, headers?: Record<string, string | string[] | undefined>): number {
    const after = headers ? parseRetryAfter(headerValue(headers, 'retry-after')) : undefined;
    if (after !== undefined) return Math.min(after, policy.maxDelayMs);
    const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(cap / 2 + Math.random() * (cap / 2));
  }

  async function wait(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, undefined, signal ? { signal } : undefined);
    } catch {
      throw abortedError(signal);
    }
  }

  return async (first, next) => {
    const limit = first.retryLimit ?? policy.limit;
    const url = redactUrl(first.url + buildQuery(first.searchParams));
    for (let attempt = first.attempt; ; attempt++) {
      const req: PipelineRequest = { ...first, attempt };
      let delayMs: number;
      try {
        const res = await next(req);
        if (!shouldRetry(req, limit, res.status)) return res;
        delayMs = backoff(attempt, res.headers);
        discard(res);
        log?.({ type: 'retry', method: req.method, url, attempt, status: res.status, delayMs });
      } catch (error) {
        if (!shouldRetry(req, limit, undefined, retryCode(error))) throw error;
        delayMs = backoff(attempt);
        log?.({ type: 'retry', method: req.method, url, attempt, delayMs });
      }
      await wait(delayMs, req.signal);
    }
  };
}

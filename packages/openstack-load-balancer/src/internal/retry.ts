import { setTimeout as sleep } from 'node:timers/promises';
import { AbortError, ConflictError, ValidationError } from '@cloud/core';

/**
 * Timing of the retry of writes Octavia refuses because the load balancer is busy (`PENDING_*`).
 * @example createLoadBalancerClient(session, { retryImmutable: { timeoutMs: 120_000, minDelayMs: 500 } });
 */
export interface ImmutableRetryOptions {
  /** Give up (and throw the last `ConflictError`) after this long. Default 5 minutes. */
  timeoutMs?: number | undefined;
  /** First delay between attempts. Default 1 s. */
  minDelayMs?: number | undefined;
  /** Largest delay between attempts. Default 15 s. */
  maxDelayMs?: number | undefined;
}

const DEFAULTS = { timeoutMs: 5 * 60_000, minDelayMs: 1_000, maxDelayMs: 15_000 };

/** Checks a `retryImmutable` setting: `false`/`undefined` = off, `true` = defaults. @internal */
export function requireImmutableRetry(value: unknown, field: string): false | ImmutableRetryOptions {
  if (value === undefined || value === false) return false;
  if (value === true) return { ...DEFAULTS };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${field} must be a boolean or { timeoutMs, minDelayMs, maxDelayMs }`, field);
  }
  const o = value as ImmutableRetryOptions;
  for (const k of ['timeoutMs', 'minDelayMs', 'maxDelayMs'] as const) {
    const v = o[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      throw new ValidationError(`${field}.${k} must be a non-negative number`, `${field}.${k}`);
    }
  }
  return {
    timeoutMs: o.timeoutMs ?? DEFAULTS.timeoutMs,
    minDelayMs: o.minDelayMs ?? DEFAULTS.minDelayMs,
    maxDelayMs: Math.max(o.maxDelayMs ?? DEFAULTS.maxDelayMs, o.minDelayMs ?? 0),
  };
}

/** The faults of a write refused because an object is `PENDING_*`. */
const BUSY = /immutable|invalid state PENDING_/i;

/**
 * True for Octavia's answer to a write on a busy load balancer: 409 whose fault says the object
 * is immutable (`Load Balancer <id> is immutable and cannot be updated.`) or in a pending state
 * (`Invalid state PENDING_UPDATE of loadbalancer resource <id>`, Octavia's answer to an update
 * of the load balancer itself). Other conflicts (a listener port already used, a duplicate
 * member) are not retried.
 * @example if (isImmutableConflict(error)) await waitForLoadBalancerStatus(client, id, 'ACTIVE');
 */
export function isImmutableConflict(error: unknown): error is ConflictError {
  return error instanceof ConflictError && BUSY.test(`${error.message} ${error.responseBody ?? ''}`);
}

/** Sends `send` again after each immutable 409, with jittered exponential backoff. @internal */
export async function withImmutableRetry<T>(
  send: () => Promise<T>,
  retry: ImmutableRetryOptions,
  signal: AbortSignal | undefined,
): Promise<T> {
  const min = retry.minDelayMs ?? DEFAULTS.minDelayMs;
  const max = Math.max(min, retry.maxDelayMs ?? DEFAULTS.maxDelayMs);
  const deadline = Date.now() + (retry.timeoutMs ?? DEFAULTS.timeoutMs);
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const remaining = deadline - Date.now();
      if (!isImmutableConflict(error) || remaining <= 0) throw error;
      const cap = Math.min(max, min * 2 ** attempt);
      const delay = Math.min(remaining, Math.max(min, Math.round(cap / 2 + (Math.random() * cap) / 2)));
      try {
        await sleep(delay, undefined, signal ? { signal } : undefined);
      } catch {
        throw new AbortError('The write was aborted while waiting for the load balancer to accept it');
      }
    }
  }
}

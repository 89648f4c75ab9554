import { setTimeout as sleep } from 'node:timers/promises';
import { AbortError, type RequestOptions, UnprocessableEntityError, ValidationError } from '@cloud/core';
import type { ServiceRequest, ServiceResponse } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';

/**
 * How writes refused with 422 "immutable" (the load balancer is still `BUILD` or
 * `PENDING_UPDATE` from an earlier write) are sent again. A refused write changed nothing, so
 * sending it again once the load balancer is `ACTIVE` is safe.
 * @example
 * ```ts
 * const clb = createRackspaceLoadBalancersClient(session, { immutableRetry: { timeoutMs: 300_000 } });
 * ```
 */
export interface ClbImmutableRetryOptions {
  /** Give up (rethrowing the last 422) after this long. Default 5 minutes. */
  timeoutMs?: number | undefined;
  /** First wait before sending again. Default 2 s. */
  minDelayMs?: number | undefined;
  /** Largest wait between attempts (it doubles, with jitter). Default 10 s. */
  maxDelayMs?: number | undefined;
  /** Called before each wait, with the attempt that was refused (from 1) and its error. */
  onRetry?: ((attempt: number, error: UnprocessableEntityError) => void) | undefined;
}

/**
 * Options of every write (`POST`, `PUT`, `DELETE`) of this package: the usual request options,
 * plus `immutableRetry`, which overrides the client's setting for this call (`false` turns it off).
 * @example
 * ```ts
 * await addClbNodes(clb, lbId, [{ address: '10.1.1.5', port: 80 }], { immutableRetry: { timeoutMs: 60_000 } });
 * ```
 */
export interface ClbWriteOptions extends RequestOptions {
  immutableRetry?: ClbImmutableRetryOptions | false | undefined;
}

const CLIENT_RETRY = new WeakMap<object, ClbImmutableRetryOptions | false>();

/** @internal records the client's default */
export function setClientImmutableRetry(
  client: RackspaceLoadBalancersClient,
  retry: ClbImmutableRetryOptions | false | undefined,
): void {
  if (retry !== undefined && retry !== false) checkRetry(retry, 'immutableRetry');
  CLIENT_RETRY.set(client, retry ?? false);
}

function checkRetry(r: ClbImmutableRetryOptions, field: string): void {
  if (r === null || typeof r !== 'object')
    throw new ValidationError(`${field} must be an object or false`, field);
  for (const k of ['timeoutMs', 'minDelayMs', 'maxDelayMs'] as const) {
    const v = r[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0))
      throw new ValidationError(`${field}.${k} must be a number of milliseconds`, `${field}.${k}`);
  }
}

/**
 * True for the 422 Cloud Load Balancers answers while a load balancer is not in a state that
 * allows a change (`immutableEntity`, "… is considered immutable"). Other 422s (e.g. deleting
 * session persistence that is not enabled) are not.
 * @example
 * ```ts
 * try { await updateClbLoadBalancer(clb, id, { name: 'web' }); }
 * catch (e) { if (isClbImmutableError(e)) await waitForClbLoadBalancerStatus(clb, id, 'ACTIVE'); }
 * ```
 */
export function isClbImmutableError(error: unknown): error is UnprocessableEntityError {
  return (
    error instanceof UnprocessableEntityError &&
    /immutable/i.test(`${error.responseBody ?? ''} ${error.message}`)
  );
}

/**
 * @internal Sends a write; with immutable-retry on (client default or per call), a 422
 * "immutable" is waited out with exponential backoff and sent again until `timeoutMs`.
 */
export async function clbWrite<T = unknown>(
  client: RackspaceLoadBalancersClient,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  req: ServiceRequest,
  options: ClbWriteOptions | undefined,
): Promise<ServiceResponse<T>> {
  const { immutableRetry, ...requestOptions } = options ?? {};
  if (immutableRetry !== undefined && immutableRetry !== false)
    checkRetry(immutableRetry, 'options.immutableRetry');
  const retry = immutableRetry ?? CLIENT_RETRY.get(client) ?? false;
  const send = () => client.request<T>(method, path, { ...requestOptions, ...req });
  if (retry === false) return send();
  const timeoutMs = retry.timeoutMs ?? 300_000;
  const minDelay = retry.minDelayMs ?? 2_000;
  const maxDelay = Math.max(minDelay, retry.maxDelayMs ?? 10_000);
  const deadline = Date.now() + timeoutMs;
  const signal = requestOptions.signal;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isClbImmutableError(error)) throw error;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw error;
      retry.onRetry?.(attempt, error);
      const cap = Math.min(maxDelay, minDelay * 2 ** (attempt - 1));
      const delay = Math.min(remaining, Math.max(minDelay, Math.round(cap / 2 + (Math.random() * cap) / 2)));
      try {
        await sleep(delay, undefined, signal ? { signal } : undefined);
      } catch {
        throw new AbortError(
          `${method} ${path} was aborted while waiting for the load balancer to accept changes`,
        );
      }
    }
  }
}

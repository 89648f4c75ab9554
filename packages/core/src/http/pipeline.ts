import type { Readable } from 'node:stream';
import type { HttpRequest, RequestBody } from './transport.js';

/**
 * One request as it travels through the middlewares of a transport. `attempt` counts from 1 and
 * grows with each retry; `mode` says whether the caller reads the whole body (`buffer`) or
 * receives it as a stream.
 */
export interface PipelineRequest extends HttpRequest {
  readonly mode: 'buffer' | 'stream';
  readonly attempt: number;
}

/**
 * A response as middlewares see it. In `buffer` mode the body is already read; in `stream` mode a
 * middleware that drops a response (a retry) must `destroy()` its body.
 */
export interface PipelineResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  url: string;
  body: Buffer | Readable;
}

/** The rest of the pipeline, from a middleware's point of view. */
export type Next = (req: PipelineRequest) => Promise<PipelineResponse>;

/**
 * A step of the request pipeline: it may change the request, call `next` (once, several times, or
 * not at all) and change or replace the response. Errors are SDK errors (`NetworkError`,
 * `TimeoutError`, `AbortError`); HTTP error statuses arrive as responses.
 * @example
 * ```ts
 * const tracing: Middleware = async (req, next) => {
 *   const started = performance.now();
 *   const res = await next({ ...req, headers: { ...req.headers, traceparent: newTraceParent() } });
 *   metrics.record(req.method, res.status, performance.now() - started);
 *   return res;
 * };
 * const session = createSession({ credentials, middleware: [tracing] });
 * ```
 */
export type Middleware = (req: PipelineRequest, next: Next) => Promise<PipelineResponse>;

/** Chains middlewares, outermost first, around the innermost step. */
export function compose(middlewares: readonly Middleware[], innermost: Next): Next {
  return middlewares.reduceRight<Next>((next, middleware) => (req) => middleware(req, next), innermost);
}

/** Releases a dropped response's connection. */
export function discard(res: PipelineResponse): void {
  if (!Buffer.isBuffer(res.body)) res.body.destroy();
}

/** True for a body that can be sent again: in memory, or a function opening a fresh stream. */
export const isReplayableBody = (body: RequestBody | undefined): boolean =>
  body === undefined || typeof body === 'string' || body instanceof Uint8Array || typeof body === 'function';

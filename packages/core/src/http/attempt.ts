import * as http from 'node:http';
import * as https from 'node:https';
import { PassThrough, Readable } from 'node:stream';
import got, { type Got, type OptionsInit, RequestError, type RequestFunction } from 'got';
import { CloudError, NetworkError, TimeoutError } from '../errors/errors.js';
import { abortedError } from './deadline.js';
import type { Next, PipelineRequest, PipelineResponse } from './pipeline.js';
import { redactUrl } from './redact.js';
import { buildQuery } from './url.js';

/**
 * Connection-level got options: agents, TLS and the like. This is the one place where they enter
 * the innermost attempt; nothing here may change how answers are handled.
 */
export type ConnectionOptions = Pick<
  OptionsInit,
  | 'agent'
  | 'https'
  | 'dnsLookup'
  | 'dnsCache'
  | 'dnsLookupIpVersion'
  | 'localAddress'
  | 'cookieJar'
  | 'setHost'
  | 'maxHeaderSize'
  | 'headers'
  | 'context'
>;

/** What the SDK itself adds at connection level: the above, plus the proxy's per-request hook. */
export type SdkConnectionOptions = ConnectionOptions & Pick<OptionsInit, 'hooks'>;

/** Per-attempt limits in milliseconds (see `TimeoutOptions`). */
export interface AttemptLimits {
  connect: number;
  response: number;
  idle: number;
  attempt?: number | undefined;
}

/** What the innermost attempt is built from. */
export interface AttemptOptions {
  userAgent: string;
  limits: AttemptLimits;
  /** Merged into every got call before the SDK's own settings, which always win. */
  connection: SdkConnectionOptions;
}

/** In-memory bodies above this size are sent as a stream of slices (see `bodyOf`). */
const SLICE = 64 * 1024;

const toBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Views of `buf` in slices of {@link SLICE} bytes, without copying. */
function* slices(buf: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < buf.length; offset += SLICE) yield buf.subarray(offset, offset + SLICE);
}

/** True when the path holds `.` or `..` segments that WHATWG URL parsing would collapse. */
const hasDotSegments = (pathname: string): boolean => /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(pathname);

/** The got body and headers of a request. A fresh body per attempt keeps it replayable. */
function bodyOf(req: PipelineRequest): {
  body?: string | Buffer | Readable;
  headers: Record<string, string>;
} {
  const headers: Record<string, string> = { ...req.headers };
  if (req.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    return { body: JSON.stringify(req.json), headers };
  }
  const b = typeof req.body === 'function' ? req.body() : req.body;
  if (b === undefined) return { headers };
  if (typeof b === 'string') return { body: b, headers };
  if (b instanceof Uint8Array && b.byteLength <= SLICE) return { body: toBuffer(b), headers };
  if (b instanceof Uint8Array) {
    // got 16 structuredClone()s an object body on every request (a full copy of the bytes); a
    // stream of views over the same memory is not copied.
    const bytes = toBuffer(b);
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) {
      headers['content-length'] = String(bytes.length);
    }
    return { body: Readable.from(slices(bytes), { objectMode: false }), headers };
  }
  if (b instanceof Readable) return { body: b, headers };
  return { body: Readable.from(b, { objectMode: false }), headers };
}

/** WHATWG URLs collapse "." and ".." segments; such paths are sent verbatim. */
function verbatimPath(url: string): RequestFunction | undefined {
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  if (!hasDotSegments(path.split('?')[0] ?? '')) return undefined;
  return (u, opts, cb) => (u.protocol === 'https:' ? https : http).request(u, { ...opts, path }, cb);
}

/**
 * Some servers send a body after a response that has none: real Swift answers `HEAD` with a 401
 * that carries `Transfer-Encoding: chunked` and an empty chunk. Node's parser reads the headers,
 * then rejects the stray bytes (`HPE_INVALID_CONSTANT`). A `HEAD` response has no body by
 * definition, and a 401 is acted on by its status alone (re-authentication), so such a parse
 * error does not lose the answer.
 */
const strayBodyOf = (error: unknown, method: string, status: number): boolean =>
  error instanceof RequestError &&
  error.code.startsWith('HPE_') &&
  (method.toUpperCase() === 'HEAD' || status === 401);

/**
 * The innermost step of the pipeline: one typed got call. Its errors are SDK errors; HTTP
 * statuses are responses. In `buffer` mode it reads the whole body, so a failure mid-body is a
 * failure of this attempt (and may be retried).
 */
export function createAttempt(options: AttemptOptions): Next {
  const { limits, connection } = options;
  const instance: Got = got.extend({
    ...connection,
    // What the SDK relies on comes after the connection options, so they cannot override it.
    headers: { 'user-agent': options.userAgent, ...connection.headers },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    decompress: true,
    timeout: {
      connect: limits.connect,
      secureConnect: limits.connect,
      response: limits.response,
      socket: limits.idle,
      ...(limits.attempt ? { request: limits.attempt } : {}),
    },
  });

  return (req) =>
    new Promise<PipelineResponse>((resolve, reject) => {
      const url = req.url + buildQuery(req.searchParams);
      const safeUrl = redactUrl(url);
      const fail = (error: unknown) => mapError(error, req.method, safeUrl, req.signal);
      const { body, headers } = bodyOf(req);
      const gotOptions: OptionsInit = {
        method: req.method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(req.decompress === false ? { decompress: false } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
        ...(req.attemptTimeoutMs ? { timeout: { request: req.attemptTimeoutMs } } : {}),
      };
      const request = verbatimPath(url);
      if (request) gotOptions.request = request;
      const s = instance.stream(url, gotOptions);
      // A got stream is a duplex: without a body in its options it waits for one to be written.
      if (body === undefined && !s.writableEnded) s.end();
      if (req.onUploadProgress) {
        const cb = req.onUploadProgress;
        s.on('uploadProgress', (p) => cb({ transferred: p.transferred, total: p.total || undefined }));
      }
      const onError = (error: unknown) => reject(fail(error));
      s.once('error', onError);
      s.once('response', (res: http.IncomingMessage & { url?: string }) => {
        s.off('error', onError);
        const head = { status: res.statusCode ?? 0, headers: res.headers, url: res.url ?? url };
        if (req.mode === 'stream') {
          resolve({ ...head, body: mappedBody(s, fail) });
          return;
        }
        const chunks: Buffer[] = [];
        s.on('data', (chunk: Buffer) => chunks.push(chunk));
        s.once('end', () => resolve({ ...head, body: Buffer.concat(chunks) }));
        s.once('error', (error) => {
          if (strayBodyOf(error, req.method, head.status)) resolve({ ...head, body: Buffer.alloc(0) });
          else reject(fail(error));
        });
      });
    });
}

/**
 * The body of a streamed response, whose errors are SDK errors: a stall past the idle limit or
 * the call's deadline is a {@link TimeoutError}, a reset a {@link NetworkError}, an abort an
 * `AbortError`. Destroying it releases the connection.
 */
function mappedBody(source: Readable, map: (error: unknown) => CloudError): Readable {
  const body = new PassThrough();
  // The caller attaches its own handlers only after the response promise settles. An error in that
  // gap (a reset socket, a short body) must not crash the process: it stays on `body.errored`,
  // which pipeline(), finished() and async iteration report.
  body.on('error', () => {});
  source.on('error', (error) => body.destroy(map(error)));
  body.on('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  source.pipe(body);
  return body;
}

/** Converts got and Node errors to SDK errors without carrying request options (which hold tokens). */
export function mapError(error: unknown, method: string, safeUrl: string, signal?: AbortSignal): CloudError {
  if (error instanceof CloudError) return error;
  const e = error instanceof Error ? error : new Error(String(error));
  const code = error instanceof RequestError ? error.code : errnoOf(error);
  const plainCause = new Error(e.message);
  if (code) Object.assign(plainCause, { code });
  if (signal?.aborted || e.name === 'AbortError' || code === 'ABORT_ERR' || code === 'ERR_ABORTED') {
    return abortedError(signal, `${method} ${safeUrl}`, plainCause);
  }
  if (e.name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return new TimeoutError(`${method} ${safeUrl} timed out: ${e.message}`, { cause: plainCause });
  }
  return new NetworkError(`${method} ${safeUrl} failed: ${e.message}`, {
    cause: plainCause,
    code: code ? `NETWORK_${code}` : 'NETWORK',
  });
}

const errnoOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

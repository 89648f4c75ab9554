import * as http from 'node:http';
import * as https from 'node:https';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import got, { type Got, type Response as GotResponse, type OptionsInit, RequestError } from 'got';
import { CloudError, NetworkError, TimeoutError } from '../errors/errors.js';
import { parseRetryAfter } from '../errors/http-errors.js';
import { abortedError, callSignal } from './deadline.js';
import { redactHeaders, redactUrl, scrubSecrets, secretValuesOf } from './redact.js';
import { buildQuery, type SearchParamValue } from './url.js';

/** A request body: kept in memory (string, bytes) or streamed (Readable, async iterable). */
export type RequestBody = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** Progress of an upload or download. `total` is unknown for chunked transfers. */
export interface TransferProgress {
  transferred: number;
  total?: number | undefined;
}

/** Per-call transport options every SDK operation accepts. */
export interface RequestOptions {
  /** Cancels the call; the promise rejects with {@link AbortError}. */
  signal?: AbortSignal | undefined;
  /**
   * Time limit of the whole call in milliseconds: authentication, every attempt, the waits between
   * retries and the body transfer included. When it passes, the call rejects with
   * {@link TimeoutError} (a streamed body is destroyed with it). Default: none.
   */
  timeoutMs?: number | undefined;
  /** Time limit of one attempt (each retry gets a new one), body included. Default: the session's `timeout.attempt`. */
  attemptTimeoutMs?: number | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
  /** Overrides the session's retry limit for this call. */
  retryLimit?: number | undefined;
}

/** A fully described HTTP request. */
export interface HttpRequest extends RequestOptions {
  method: string;
  url: string;
  searchParams?: Record<string, SearchParamValue> | undefined;
  json?: unknown;
  body?: RequestBody | undefined;
  /** Retry even though the method is not idempotent (only safe when the server dedupes). */
  idempotent?: boolean | undefined;
  onUploadProgress?: ((p: TransferProgress) => void) | undefined;
  /** Set `false` to receive the body exactly as sent (no gzip/deflate/br decoding). Default true. */
  decompress?: boolean | undefined;
  /** Secret values besides the secret headers' (keys, passwords), scrubbed from every log event. */
  secrets?: readonly string[] | undefined;
}

/** An HTTP response with its body fully read. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  url: string;
}

/** An HTTP response whose body is still a stream. The caller must consume or destroy `body`. */
export interface HttpStreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
  url: string;
}

/** One event of the debug log. URLs and headers are already redacted. */
export interface HttpLogEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  method: string;
  url: string;
  attempt: number;
  status?: number | undefined;
  durationMs?: number | undefined;
  requestId?: string | undefined;
  headers?: Record<string, string> | undefined;
  delayMs?: number | undefined;
  error?: string | undefined;
}

/** Receives debug log events. Secrets are never part of an event. */
export type HttpLogger = (event: HttpLogEvent) => void;

/**
 * A logger that writes one line per event to stderr. Sessions use it when `CLOUD_SDK_DEBUG=1`.
 * @example
 * ```ts
 * const session = createSession({ credentials, logger: stderrLogger });
 * ```
 */
export const stderrLogger: HttpLogger = (e) => {
  const parts = [`[cloud-sdk] ${e.type}`, e.method, e.url, `attempt=${e.attempt}`];
  if (e.status !== undefined) parts.push(`status=${e.status}`);
  if (e.durationMs !== undefined) parts.push(`${e.durationMs}ms`);
  if (e.requestId) parts.push(`request-id=${e.requestId}`);
  if (e.delayMs !== undefined) parts.push(`retry-in=${e.delayMs}ms`);
  if (e.error) parts.push(`error=${JSON.stringify(e.error)}`);
  process.stderr.write(`${parts.join(' ')}\n`);
};

/** Retry policy for idempotent requests. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Base of the exponential backoff. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap of one delay, also applied to `Retry-After`. Default 20 s. */
  maxDelayMs?: number;
  /** Statuses that are retried. Default 408, 429, 500, 502, 503, 504. */
  statusCodes?: number[];
}

/**
 * Per-attempt limits of the transport, in milliseconds. Each retry starts them afresh. The limit
 * of a whole call is `timeoutMs` of {@link RequestOptions}.
 *
 * With the defaults, a server that accepts connections but never answers fails an idempotent call
 * after about 3 × 30 s (the first attempt and two retries).
 */
export interface TimeoutOptions {
  /** Establishing the TCP/TLS connection. Default 10 s. */
  connect?: number;
  /** Waiting for the response headers once the request is sent. Default 30 s. */
  response?: number;
  /** Socket idle time during a transfer (no byte sent or received). Default 60 s. */
  idle?: number;
  /** One whole attempt, body transfer included. Default none (bodies may be huge). */
  attempt?: number;
}

/** Default per-attempt limits, see {@link TimeoutOptions}. */
export const DEFAULT_TIMEOUTS = { connect: 10_000, response: 30_000, idle: 60_000 } as const;

/**
 * Extra got options: agents, TLS, DNS, local address, default headers. Only these keys are
 * used; the SDK's own error handling, retries, redirects, timeouts and body handling cannot be
 * changed through them (other keys are ignored).
 */
export type HttpOptions = Pick<
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

/** Options of {@link createTransport}. */
export interface TransportOptions {
  userAgent?: string;
  retry?: RetryOptions;
  timeout?: TimeoutOptions;
  logger?: HttpLogger | undefined;
  /** Extra got options (agents, TLS, DNS). An escape hatch: prefer the typed options. */
  httpOptions?: HttpOptions | undefined;
}

/** Keeps only the {@link HttpOptions} keys of user-given got options (plain JS callers may pass more). */
function connectionLevel(o: HttpOptions | undefined): HttpOptions {
  if (!o) return {};
  const picked: HttpOptions = {
    agent: o.agent,
    https: o.https,
    dnsLookup: o.dnsLookup,
    dnsCache: o.dnsCache,
    dnsLookupIpVersion: o.dnsLookupIpVersion,
    localAddress: o.localAddress,
    cookieJar: o.cookieJar,
    setHost: o.setHost,
    maxHeaderSize: o.maxHeaderSize,
    headers: o.headers,
    context: o.context,
  };
  for (const key of Object.keys(picked) as (keyof HttpOptions)[]) {
    if (picked[key] === undefined) delete picked[key];
  }
  return picked;
}

/** Sends HTTP requests with retries, timeouts, abort and redacted logging. */
export interface Transport {
  /** Sends a request and reads the whole body. Never throws for HTTP statuses. */
  send(req: HttpRequest): Promise<HttpResponse>;
  /** Sends a request and resolves once response headers arrived. Never throws for HTTP statuses. */
  stream(req: HttpRequest): Promise<HttpStreamResponse>;
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
const DEFAULT_STATUSES = [408, 429, 500, 502, 503, 504];

/** Package version, sent in the User-Agent. */
export const SDK_VERSION = '0.1.0';
/** The default User-Agent header. */
export const DEFAULT_USER_AGENT = `cloud-sdk/${SDK_VERSION} node/${process.versions.node}`;

const toBuffer = (b: Uint8Array | undefined): Buffer =>
  !b ? Buffer.alloc(0) : Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** In-memory bodies above this size are sent as a stream of slices (see `gotOptions`). */
const SLICE = 64 * 1024;

/** Views of `buf` in slices of {@link SLICE} bytes, without copying. */
function* slices(buf: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < buf.length; offset += SLICE) yield buf.subarray(offset, offset + SLICE);
}

const isReplayable = (body: RequestBody | undefined): boolean =>
  body === undefined || typeof body === 'string' || body instanceof Uint8Array;

const firstHeader = (h: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** True when the path holds `.` or `..` segments that WHATWG URL parsing would collapse. */
const hasDotSegments = (pathname: string): boolean => /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(pathname);

/**
 * Creates the HTTP transport a session uses: one got instance, our retry loop, abort and redacted
 * debug logging.
 * @example
 * ```ts
 * const t = createTransport({ logger: (e) => console.error(e) });
 * const res = await t.send({ method: 'GET', url: 'http://127.0.0.1:8080/info' });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const retry = {
    limit: options.retry?.limit ?? 2,
    baseDelayMs: options.retry?.baseDelayMs ?? 300,
    maxDelayMs: options.retry?.maxDelayMs ?? 20_000,
    statusCodes: new Set(options.retry?.statusCodes ?? DEFAULT_STATUSES),
  };
  const t = options.timeout ?? {};
  const user = connectionLevel(options.httpOptions);
  const instance: Got = got.extend({
    ...user,
    // What the SDK relies on comes after the user's options, so they cannot override it.
    headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, ...user.headers },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    decompress: true,
    timeout: {
      connect: t.connect ?? DEFAULT_TIMEOUTS.connect,
      secureConnect: t.connect ?? DEFAULT_TIMEOUTS.connect,
      response: t.response ?? DEFAULT_TIMEOUTS.response,
      socket: t.idle ?? DEFAULT_TIMEOUTS.idle,
      ...(t.attempt ? { request: t.attempt } : {}),
    },
  } as never);
  const log = options.logger;

  function gotOptions(req: HttpRequest, rawUrl: string): Record<string, unknown> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    let body: unknown;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    } else if (req.body !== undefined) {
      const b = req.body;
      if (typeof b === 'string') body = b;
      else if (b instanceof Uint8Array && b.byteLength <= SLICE) body = toBuffer(b);
      else if (b instanceof Uint8Array) {
        // got 16 structuredClone()s an object body on every request (a full copy of the bytes);
        // a stream of views over the same memory is not copied. A fresh stream per attempt keeps
        // the body replayable for retries.
        const bytes = toBuffer(b);
        if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-length')) {
          headers['content-length'] = String(bytes.length);
        }
        body = Readable.from(slices(bytes), { objectMode: false });
      } else if (b instanceof Readable) body = b;
      else body = Readable.from(b as AsyncIterable<Uint8Array>, { objectMode: false });
    }
    const o: Record<string, unknown> = { method: req.method, headers };
    if (req.decompress === false) o.decompress = false;
    if (body !== undefined) o.body = body;
    if (req.signal) o.signal = req.signal;
    if (req.attemptTimeoutMs) o.timeout = { request: req.attemptTimeoutMs };
    // WHATWG URLs collapse "." and ".." segments; send such paths verbatim.
    if (hasDotSegments(rawUrl.replace(/^https?:\/\/[^/]+/i, '').split('?')[0] ?? '')) {
      const verbatim = rawUrl.replace(/^https?:\/\/[^/]+/i, '');
      o.request = (u: URL, opts: http.RequestOptions, cb?: (res: http.IncomingMessage) => void) =>
        (u.protocol === 'https:' ? https : http).request(u, { ...opts, path: verbatim }, cb);
    }
    return o;
  }

  function shouldRetry(
    req: HttpRequest,
    attempt: number,
    limit: number,
    status?: number,
    code?: string,
  ): boolean {
    if (attempt > limit) return false;
    if (req.signal?.aborted) return false;
    if (!isReplayable(req.body)) return false;
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method.toUpperCase());
    if (status !== undefined) {
      if (!retry.statusCodes.has(status)) return false;
      return idempotent || status === 429;
    }
    if (!code || !RETRY_CODES.has(code)) return false;
    return idempotent || code === 'ECONNREFUSED';
  }

  function backoff(attempt: number, headers?: Record<string, string | string[] | undefined>): number {
    const after = headers ? parseRetryAfter(firstHeader(headers, 'retry-after')) : undefined;
    if (after !== undefined) return Math.min(after, retry.maxDelayMs);
    const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(cap / 2 + Math.random() * (cap / 2));
  }

  async function wait(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, undefined, signal ? { signal } : undefined);
    } catch {
      throw abortedError(signal);
    }
  }

  async function run<T extends { status: number; headers: HttpResponse['headers'] }>(
    call: HttpRequest,
    once: (req: HttpRequest, url: string, attempt: number) => Promise<T>,
    discard: (res: T) => void,
  ): Promise<T> {
    // `timeoutMs` is a deadline over every attempt and every wait between them.
    const req = { ...call, signal: callSignal(call.signal, call.timeoutMs), timeoutMs: undefined };
    if (req.signal?.aborted) throw abortedError(req.signal);
    const url = req.url + buildQuery(req.searchParams);
    const secrets = [...secretValuesOf(req.headers), ...(req.secrets ?? [])];
    const safeUrl = scrubSecrets(redactUrl(url), secrets);
    const limit = req.retryLimit ?? retry.limit;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      log?.({
        type: 'request',
        method: req.method,
        url: safeUrl,
        attempt,
        headers: redactHeaders(req.headers ?? {}, secrets),
      });
      try {
        const res = await once(req, url, attempt);
        const requestId =
          firstHeader(res.headers, 'x-openstack-request-id') ?? firstHeader(res.headers, 'x-trans-id');
        log?.({
          type: 'response',
          method: req.method,
          url: safeUrl,
          attempt,
          status: res.status,
          durationMs: Date.now() - started,
          requestId,
          headers: redactHeaders(res.headers, secrets),
        });
        if (shouldRetry(req, attempt, limit, res.status)) {
          const delayMs = backoff(attempt, res.headers);
          discard(res);
          log?.({ type: 'retry', method: req.method, url: safeUrl, attempt, status: res.status, delayMs });
          await wait(delayMs, req.signal);
          continue;
        }
        return res;
      } catch (error) {
        const mapped = mapError(error, req.method, safeUrl, req.signal);
        log?.({
          type: 'error',
          method: req.method,
          url: safeUrl,
          attempt,
          error: scrubSecrets(mapped.message, secrets),
        });
        if (mapped instanceof NetworkError || mapped instanceof TimeoutError) {
          if (shouldRetry(req, attempt, limit, undefined, (error as { code?: string }).code)) {
            const delayMs = backoff(attempt);
            log?.({ type: 'retry', method: req.method, url: safeUrl, attempt, delayMs });
            await wait(delayMs, req.signal);
            continue;
          }
        }
        throw mapped;
      }
    }
  }

  return {
    async send(req) {
      return run(
        req,
        async (req, url) => {
          const promise = instance(url, {
            ...gotOptions(req, url),
            responseType: 'buffer',
          } as never) as unknown as Promise<GotResponse<Buffer>> & {
            on(event: string, fn: (p: { transferred: number; total?: number }) => void): unknown;
          };
          if (req.onUploadProgress) {
            const cb = req.onUploadProgress;
            promise.on('uploadProgress', (p) =>
              cb({ transferred: p.transferred, total: p.total || undefined }),
            );
          }
          try {
            const res = await promise;
            return {
              status: res.statusCode,
              headers: res.headers,
              body: toBuffer(res.rawBody),
              url: res.url,
            };
          } catch (error) {
            const answered = answeredDespiteParseError(error, req.method);
            if (answered) return answered;
            throw error;
          }
        },
        () => {},
      );
    },
    async stream(req) {
      return run(
        req,
        (req, url) =>
          new Promise<HttpStreamResponse>((resolve, reject) => {
            const s = instance.stream(url, gotOptions(req, url) as never);
            const onError = (e: unknown) => reject(e);
            s.once('error', onError);
            s.once('response', (res: http.IncomingMessage & { url?: string }) => {
              s.off('error', onError);
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: mappedBody(s, (e) => mapError(e, req.method, redactUrl(url), req.signal)),
                url: res.url ?? url,
              });
            });
          }),
        (res) => res.body.destroy(),
      );
    },
  };
}

/**
 * The body of a streamed response, whose errors are SDK errors: a stall past the idle limit or
 * the call's deadline is a {@link TimeoutError}, a reset a {@link NetworkError}, an abort an
 * {@link AbortError}. Destroying it releases the connection.
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

/**
 * Some servers send a body after a response that has none: real Swift answers `HEAD` with a 401
 * that carries `Transfer-Encoding: chunked` and an empty chunk. Node's parser reads the headers,
 * then rejects the stray bytes (`HPE_INVALID_CONSTANT`), and got reports that parse error although
 * the status is known. A `HEAD` response has no body by definition, and a 401 is acted on by its
 * status alone (re-authentication), so both are returned with an empty body rather than lost.
 */
function answeredDespiteParseError(error: unknown, method: string): HttpResponse | undefined {
  if (!(error instanceof RequestError) || !error.response || !error.code.startsWith('HPE_')) return undefined;
  const { statusCode, headers, url } = error.response;
  if (method.toUpperCase() !== 'HEAD' && statusCode !== 401) return undefined;
  return { status: statusCode, headers, body: Buffer.alloc(0), url };
}

/** Converts got and Node errors to SDK errors without carrying request options (which hold tokens). */
export function mapError(error: unknown, method: string, safeUrl: string, signal?: AbortSignal): CloudError {
  if (error instanceof CloudError) return error;
  const e = error as { name?: string; code?: string; message?: string };
  const plainCause = new Error(String(e.message ?? error));
  if (e.code) Object.assign(plainCause, { code: e.code });
  if (signal?.aborted || e.name === 'AbortError' || e.code === 'ABORT_ERR' || e.code === 'ERR_ABORTED') {
    return abortedError(signal, `${method} ${safeUrl}`, plainCause);
  }
  if (e.name === 'TimeoutError' || e.code === 'ETIMEDOUT') {
    return new TimeoutError(`${method} ${safeUrl} timed out: ${e.message ?? ''}`, { cause: plainCause });
  }
  return new NetworkError(`${method} ${safeUrl} failed: ${e.message ?? String(error)}`, {
    cause: plainCause,
    code: e.code ? `NETWORK_${e.code}` : 'NETWORK',
  });
}

import { Readable } from 'node:stream';
import { type AttemptLimits, type ConnectionOptions, createAttempt } from './attempt.js';
import { connectionGotOptions } from './connection.js';
import { abortedError, callSignal } from './deadline.js';
import { loggingMiddleware } from './logging.js';
import { compose, type Middleware, type PipelineRequest, type PipelineResponse } from './pipeline.js';
import type { ProxyOption } from './proxy.js';
import { retryMiddleware } from './retry.js';
import type { TlsOptions } from './tls.js';
import type { SearchParamValue } from './url.js';

/**
 * A request body: kept in memory (string, bytes) or streamed (Readable, async iterable). A function
 * that returns a fresh stream each time it is called (a byte range of a file, say) is a streamed
 * body that can be sent again: it is called once per attempt, so retries and re-authentication
 * replay it, which a stream given directly never is.
 */
export type RequestBody =
  | string
  | Uint8Array
  | Readable
  | AsyncIterable<Uint8Array>
  | (() => Readable | AsyncIterable<Uint8Array>);

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
export type HttpOptions = ConnectionOptions;

/** Options of {@link createTransport}. */
export interface TransportOptions {
  userAgent?: string;
  retry?: RetryOptions;
  timeout?: TimeoutOptions;
  logger?: HttpLogger | undefined;
  /** CAs to trust, client certificate, `verify: false`. Files are read when the transport is created. */
  tls?: TlsOptions | undefined;
  /** Forward proxy. Default: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`; `false` connects directly. */
  proxy?: ProxyOption | undefined;
  /** Extra got options (agents, TLS, DNS). An escape hatch: prefer the typed options. */
  httpOptions?: HttpOptions | undefined;
  /**
   * Connection-level got options the SDK itself derives (agents for proxies, TLS material). They
   * are merged into the innermost attempt together with `httpOptions`, and win over them.
   */
  connection?: ConnectionOptions | undefined;
  /**
   * Your own steps of the request pipeline (tracing, metrics, custom headers). They run once per
   * attempt, inside the retry loop and outside the debug log, in the order given.
   */
  middleware?: readonly Middleware[] | undefined;
}

/** Sends HTTP requests through the pipeline: retries, your middleware, debug log, one got attempt. */
export interface Transport {
  /** Sends a request and reads the whole body. Never throws for HTTP statuses. */
  send(req: HttpRequest): Promise<HttpResponse>;
  /** Sends a request and resolves once response headers arrived. Never throws for HTTP statuses. */
  stream(req: HttpRequest): Promise<HttpStreamResponse>;
}

const DEFAULT_STATUSES = [408, 429, 500, 502, 503, 504];

/** Package version, sent in the User-Agent. */
export const SDK_VERSION = '0.1.0';
/** The default User-Agent header. */
export const DEFAULT_USER_AGENT = `cloud-sdk/${SDK_VERSION} node/${process.versions.node}`;

/** Keeps only the {@link HttpOptions} keys of user-given got options (plain JS callers may pass more). */
function connectionLevel(o: HttpOptions | undefined): ConnectionOptions {
  if (!o) return {};
  const picked: ConnectionOptions = {
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
  // got rejects keys that are present but undefined.
  return Object.fromEntries(Object.entries(picked).filter(([, value]) => value !== undefined));
}

/**
 * Creates the HTTP transport a session uses. Each call runs through a list of middlewares
 * `(request, next) => Promise<response>`: retries (with backoff and `Retry-After`), then your
 * `middleware`, then the redacted debug log, then one typed got attempt. `timeoutMs` is a deadline
 * over all of it.
 * @example
 * ```ts
 * const t = createTransport({ logger: (e) => console.error(e) });
 * const res = await t.send({ method: 'GET', url: 'http://127.0.0.1:8080/info' });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const t = options.timeout ?? {};
  const limits: AttemptLimits = {
    connect: t.connect ?? DEFAULT_TIMEOUTS.connect,
    response: t.response ?? DEFAULT_TIMEOUTS.response,
    idle: t.idle ?? DEFAULT_TIMEOUTS.idle,
    attempt: t.attempt,
  };
  const attempt = createAttempt({
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    limits,
    connection: {
      ...connectionLevel(options.httpOptions),
      // TLS material and the proxy hook; files are read now, so a bad CA file fails here
      ...connectionGotOptions({ tls: options.tls, proxy: options.proxy }),
      ...options.connection,
    },
  });
  const log = options.logger;
  const pipeline = compose(
    [
      retryMiddleware(
        {
          limit: options.retry?.limit ?? 2,
          baseDelayMs: options.retry?.baseDelayMs ?? 300,
          maxDelayMs: options.retry?.maxDelayMs ?? 20_000,
          statusCodes: new Set(options.retry?.statusCodes ?? DEFAULT_STATUSES),
        },
        log,
      ),
      ...(options.middleware ?? []),
      ...(log ? [loggingMiddleware(log)] : []),
    ],
    attempt,
  );

  async function run(req: HttpRequest, mode: PipelineRequest['mode']): Promise<PipelineResponse> {
    // `timeoutMs` is a deadline over every attempt and every wait between them.
    const signal = callSignal(req.signal, req.timeoutMs);
    if (signal?.aborted) throw abortedError(signal);
    return pipeline({ ...req, signal, timeoutMs: undefined, mode, attempt: 1 });
  }

  return {
    async send(req) {
      const res = await run(req, 'buffer');
      const body = Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
      return { status: res.status, headers: res.headers, url: res.url, body };
    },
    async stream(req) {
      const res = await run(req, 'stream');
      const body = Buffer.isBuffer(res.body) ? Readable.from([res.body]) : res.body;
      return { status: res.status, headers: res.headers, url: res.url, body };
    },
  };
}

export type { ConnectionOptions } from './attempt.js';
export { mapError } from './attempt.js';
export type { Middleware, Next, PipelineRequest, PipelineResponse } from './pipeline.js';

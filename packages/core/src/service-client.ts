import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import type { AuthResult } from './auth/types.js';
import type { EndpointInterface } from './catalog/catalog.js';
import { toHttpError } from './errors/http-errors.js';
import { callSignal } from './http/deadline.js';
import { headerValue } from './http/headers.js';
import {
  compose,
  discard,
  isReplayableBody,
  type Middleware,
  type Next,
  type PipelineRequest,
  type PipelineResponse,
} from './http/pipeline.js';
import type { HttpRequest, HttpResponse, HttpStreamResponse } from './http/transport.js';
import { joinUrl, normalizeBaseUrl } from './http/url.js';
import { invalidResponse } from './response/shape.js';
import type { Session } from './session.js';

/** Options of {@link createServiceClient}. */
export interface ServiceClientOptions {
  /** Catalog service type, e.g. `object-store`. */
  type: string;
  /** Catalog service name, when a catalog has several services of the type. */
  name?: string | undefined;
  /** Overrides the session's region for this client. */
  region?: string | undefined;
  /** Overrides the session's interface for this client. */
  interface?: EndpointInterface | string | undefined;
  /** A fixed base URL, skipping the catalog. */
  endpoint?: string | undefined;
  /** Headers sent with every request of this client (e.g. a microversion). */
  headers?: Record<string, string> | undefined;
}

/** How a response body is returned by {@link ServiceClient.request}. */
export type ResponseType = 'json' | 'text' | 'buffer';

/** One service request. `path` is relative to the endpoint and already encoded, or an absolute link. */
export interface ServiceRequest extends Omit<HttpRequest, 'method' | 'url'> {
  /** Default `json` (an empty body yields `undefined`). */
  responseType?: ResponseType | undefined;
  /** Names the resource in error messages, e.g. `container "logs"`. */
  resource?: string | undefined;
  /** Statuses to return rather than throw (besides 2xx). */
  okStatuses?: number[] | undefined;
  /**
   * Secret values this request carries (a temp-URL key, a password): scrubbed, like the token, from
   * error bodies, error headers and debug logs should the server echo them.
   */
  secrets?: readonly string[] | undefined;
}

/** A service response. Headers keep Node's lower-cased names. */
export interface ServiceResponse<T> {
  status: number;
  /** The request method, for error messages about this response. */
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  url: string;
}

/** A small client bound to one service of a session: endpoint resolution, auth headers, error mapping. */
export interface ServiceClient {
  readonly session: Session;
  readonly type: string;
  /** The base URL requests go to (memoized after the first resolution). */
  endpoint(signal?: AbortSignal): Promise<string>;
  /** Sends a request and reads its body. HTTP errors become {@link HttpError} subclasses. */
  request<T = unknown>(method: string, path: string, req?: ServiceRequest): Promise<ServiceResponse<T>>;
  /**
   * Sends a request and resolves with the body as a stream once the headers are in; an error
   * status throws instead. Consume or `destroy()` the body, or the socket is not released.
   */
  stream(method: string, path: string, req?: ServiceRequest): Promise<HttpStreamResponse>;
}

function parseBody<T>(res: HttpResponse, method: string, type: ResponseType): T {
  if (type === 'buffer') return res.body as T;
  const text = res.body.toString('utf8');
  if (type === 'text') return text as T;
  if (text.trim() === '') return undefined as T;
  const ct = headerValue(res.headers, 'content-type') ?? '';
  if (!/json/i.test(ct) && !/^\s*[[{]/.test(text)) return text as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw invalidResponse(
      { status: res.status, headers: res.headers, url: res.url, method, body: text },
      `the body is not valid JSON (${(error as Error).message})`,
    );
  }
}

async function readLimited(
  stream: NodeJS.ReadableStream & { destroy(): void },
  limit = 64 * 1024,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // the error body is best effort
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request with `timeoutMs` turned into a deadline signal covering auth, attempts and retries. */
const withCallSignal = (req: ServiceRequest): ServiceRequest => ({
  ...req,
  signal: callSignal(req.signal, req.timeoutMs),
  timeoutMs: undefined,
});

/**
 * Binds a session to one service. Service packages build their clients on this.
 * @example
 * ```ts
 * const swift = createServiceClient(session, { type: 'object-store' });
 * const { headers } = await swift.request('HEAD', '');
 * ```
 */
export function createServiceClient(session: Session, options: ServiceClientOptions): ServiceClient {
  const fixed = options.endpoint ? normalizeBaseUrl(options.endpoint, 'endpoint') : undefined;
  let base: Promise<string> | undefined;
  const endpoint = (signal?: AbortSignal): Promise<string> => {
    if (fixed) return Promise.resolve(fixed);
    if (!base) {
      base = session.endpoint(
        { type: options.type, name: options.name, region: options.region, interface: options.interface },
        signal,
      );
      base.catch(() => {
        base = undefined;
      });
    }
    return base;
  };

  /** The request as the pipeline sees it; headers and token are added by the middlewares below. */
  async function prepare(
    method: string,
    path: string,
    req: ServiceRequest,
    mode: PipelineRequest['mode'],
  ): Promise<PipelineRequest> {
    const url = await endpoint(req.signal);
    return {
      mode,
      attempt: 1,
      method,
      url: joinUrl(url, path),
      searchParams: req.searchParams,
      json: req.json,
      body: req.body,
      signal: req.signal,
      attemptTimeoutMs: req.attemptTimeoutMs,
      retryLimit: req.retryLimit,
      idempotent: req.idempotent,
      onUploadProgress: req.onUploadProgress,
      decompress: req.decompress,
      secrets: req.secrets,
      headers: req.headers,
    };
  }

  /** Headers of every request of this client (`accept`, a microversion), under the call's own. */
  const clientHeaders: Middleware = (req, next) =>
    next({ ...req, headers: { accept: 'application/json', ...options.headers, ...req.headers } });

  /**
   * Adds the session's token; on a 401, re-authenticates once and replays (when the body can be
   * sent again). `used` receives the token last sent, to scrub from errors.
   */
  const authenticated =
    (used: { token: string }, initial?: AuthResult): Middleware =>
    async (req, next) => {
      const send = async (known?: AuthResult) => {
        const auth = known ?? (await session.authenticate({ signal: req.signal }));
        used.token = auth.token;
        return next({ ...req, headers: { ...req.headers, 'x-auth-token': auth.token } });
      };
      const res = await send(initial);
      if (res.status !== 401 || !replayable(req)) return res;
      discard(res);
      await session.authenticate({ forceRefresh: true, staleToken: used.token, signal: req.signal });
      return send();
    };

  const toTransport: Next = (req) =>
    req.mode === 'buffer' ? session.transport.send(req) : session.transport.stream(req);

  const replayable = (req: Pick<ServiceRequest, 'body'>) => isReplayableBody(req.body);

  const isOk = (status: number, req: ServiceRequest) =>
    (status >= 200 && status < 300) || (req.okStatuses?.includes(status) ?? false);

  async function withReauth(
    method: string,
    path: string,
    req: ServiceRequest,
    mode: PipelineRequest['mode'],
  ): Promise<{ res: PipelineResponse; token: string }> {
    const used = { token: '' };
    const [prepared, auth] = await Promise.all([
      prepare(method, path, req, mode),
      // Authenticate while the endpoint resolves (both need the token on first use).
      session.authenticate({ signal: req.signal }),
    ]);
    const res = await compose([clientHeaders, authenticated(used, auth)], toTransport)(prepared);
    return { res, token: used.token };
  }

  const client: ServiceClient = {
    session,
    type: options.type,
    endpoint,
    async request<T>(method: string, path: string, call: ServiceRequest = {}) {
      const req = withCallSignal(call);
      const { res, token } = await withReauth(method, path, req, 'buffer');
      const body = Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
      if (!isOk(res.status, req)) {
        throw toHttpError({
          status: res.status,
          method,
          url: res.url || path,
          headers: res.headers,
          body: body.toString('utf8'),
          resource: req.resource,
          secrets: [token, ...(req.secrets ?? [])],
        });
      }
      return {
        status: res.status,
        method,
        headers: res.headers,
        url: res.url,
        body: parseBody<T>({ ...res, body }, method, req.responseType ?? 'json'),
      };
    },
    async stream(method, path, call = {}) {
      const req = withCallSignal(call);
      const { res: piped, token } = await withReauth(method, path, req, 'stream');
      const res: HttpStreamResponse = {
        ...piped,
        body: Buffer.isBuffer(piped.body) ? Readable.from([piped.body]) : piped.body,
      };
      if (!isOk(res.status, req)) {
        const body = await readLimited(res.body);
        throw toHttpError({
          status: res.status,
          method,
          url: res.url || path,
          headers: res.headers,
          body,
          resource: req.resource,
          secrets: [token, ...(req.secrets ?? [])],
        });
      }
      return res;
    },
  };
  Object.defineProperty(client, inspect.custom, {
    value: () =>
      `ServiceClient { type: ${options.type}${options.region ? `, region: ${options.region}` : ''} }`,
    enumerable: false,
  });
  return client;
}

import { inspect } from 'node:util';
import type { AuthResult, CredentialProvider } from './auth/types.js';
import {
  type EndpointInterface,
  type EndpointQuery,
  listCatalogRegions,
  normalizeInterface,
  resolveEndpoint,
} from './catalog/catalog.js';
import { type CloudConfig, credentialsFromConfig, loadCloudConfig } from './config/config.js';
import { deferredTransport } from './http/connection.js';
import { abortedError } from './http/deadline.js';
import type { ProxyOption } from './http/proxy.js';
import { mergeTls, type TlsOptions, tlsFromEnv } from './http/tls.js';
import {
  createTransport,
  type HttpLogger,
  type HttpOptions,
  type Middleware,
  type RetryOptions,
  stderrLogger,
  type TimeoutOptions,
  type Transport,
} from './http/transport.js';
import { normalizeBaseUrl } from './http/url.js';

/** Options of {@link createSession}. */
export interface SessionOptions {
  /**
   * Where tokens come from. When omitted, configuration is loaded on first use from `clouds.yaml`
   * (`cloud` or `OS_CLOUD`) and `OS_*` variables.
   */
  credentials?: CredentialProvider | undefined;
  /** Named cloud in `clouds.yaml`, used when `credentials` is omitted. */
  cloud?: string | undefined;
  /** Default region of every service client. Falls back to config, then the user's default region. */
  region?: string | undefined;
  /** Default interface: `public` (default), `internal` (Rackspace ServiceNet) or `admin`. */
  interface?: EndpointInterface | string | undefined;
  /** Fixed base URLs by service type, e.g. `{ 'object-store': 'https://swift.example.com/v1/AUTH_x' }`. */
  endpointOverrides?: Record<string, string> | undefined;
  /** Refresh tokens this long before they expire. Default 5 minutes. */
  refreshBeforeMs?: number | undefined;
  userAgent?: string | undefined;
  retry?: RetryOptions | undefined;
  timeout?: TimeoutOptions | undefined;
  /** Debug log of every request, response and retry, with secrets redacted. `CLOUD_SDK_DEBUG=1` logs to stderr. */
  logger?: HttpLogger | undefined;
  /**
   * CAs to trust (`cacert`), client certificate (`cert`, `key`) and `verify: false`. Field by field
   * these win over the cloud's clouds.yaml entry (when the session reads it), which wins over
   * `OS_CACERT`, `OS_CERT`, `OS_KEY` and `OS_INSECURE`. An unreadable file is a ValidationError.
   */
  tls?: TlsOptions | undefined;
  /** Forward proxy URL, or `false` for none. Default: `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`. */
  proxy?: ProxyOption | undefined;
  /**
   * Extra got options: agents, TLS, DNS, local address (see {@link HttpOptions}). They can never
   * change how the SDK handles answers, retries, redirects or timeouts.
   */
  httpOptions?: HttpOptions | undefined;
  /**
   * Your own steps of the request pipeline (tracing, metrics, custom headers), run once per attempt
   * of every request of this session, authentication included. See {@link Middleware}.
   */
  middleware?: readonly Middleware[] | undefined;
  /** A ready transport (tests, custom stacks). Overrides userAgent, retry, timeout, logger, tls, proxy, httpOptions and middleware. */
  transport?: Transport | undefined;
}

/** Options of {@link Session.authenticate}. */
export interface AuthenticateOptions {
  forceRefresh?: boolean | undefined;
  /** With `forceRefresh`: only refresh if the cached token is still this one (several callers saw the same 401). */
  staleToken?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * An authenticated connection to one cloud: a cached token and catalog, region and interface
 * defaults, and the HTTP transport every service client shares.
 */
export interface Session {
  /** Returns the cached auth, authenticating when there is none or it is about to expire. */
  authenticate(options?: AuthenticateOptions): Promise<AuthResult>;
  /** Resolves a service's base URL from overrides or the catalog, with the session's region/interface defaults. */
  endpoint(query: EndpointQuery, signal?: AbortSignal): Promise<string>;
  /** The regions the catalog names (for `type`, only those offering that service). */
  listRegions(type?: string, signal?: AbortSignal): Promise<string[]>;
  /** The effective default region (configured, or the identity's default region once authenticated). */
  region(signal?: AbortSignal): Promise<string | undefined>;
  /** Drops the cached token; the next call authenticates again. */
  invalidate(): void;
  readonly transport: Transport;
}

const DEFAULT_REFRESH_BEFORE = 5 * 60_000;

async function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) throw abortedError(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * When to refresh a token just received, on the monotonic clock. The lifetime comes from the
 * identity service's own clock ({@link AuthResult.lifetimeMs}), so a skewed local clock neither
 * expires a fresh token nor keeps a stale one. The margin is `refreshBefore`, but at most half the
 * lifetime, so short-lived tokens are still reused. Unknown lifetime: no timed refresh (a 401
 * re-authenticates).
 */
function refreshTime(auth: AuthResult, refreshBefore: number): number {
  let lifetime = auth.lifetimeMs;
  if (lifetime === undefined && auth.expiresAt && !Number.isNaN(auth.expiresAt.getTime())) {
    const local = auth.expiresAt.getTime() - Date.now();
    if (local > 0) lifetime = local;
  }
  if (lifetime === undefined || !Number.isFinite(lifetime)) return Number.POSITIVE_INFINITY;
  if (lifetime <= 0) return Number.NEGATIVE_INFINITY;
  return performance.now() + lifetime - Math.min(refreshBefore, lifetime / 2);
}

/**
 * Creates a session. Nothing is sent until the first call needs a token.
 *
 * Tokens are cached and refreshed `refreshBeforeMs` before expiry; concurrent callers share one
 * in-flight authentication; a 401 on a service call re-authenticates once and replays the request.
 * @example
 * ```ts
 * const session = createSession({
 *   credentials: fromPassword({ authUrl: 'http://127.0.0.1:5000/v3', username: 'demo', password,
 *     projectName: 'demo' }),
 *   region: 'RegionOne',
 * });
 * console.log(await session.listRegions());
 * ```
 */
export function createSession(options: SessionOptions = {}): Session {
  const makeTransport = (tls: TlsOptions | undefined) =>
    createTransport({
      userAgent: options.userAgent,
      retry: options.retry,
      timeout: options.timeout,
      logger: options.logger ?? (process.env.CLOUD_SDK_DEBUG ? stderrLogger : undefined),
      tls,
      proxy: options.proxy,
      httpOptions: options.httpOptions,
      middleware: options.middleware,
    });
  // With explicit credentials the TLS files are read now; otherwise once clouds.yaml was read.
  const transport =
    options.transport ??
    (options.credentials
      ? makeTransport(mergeTls(tlsFromEnv(), options.tls))
      : deferredTransport(async () => makeTransport(mergeTls((await getConfig()).tls, options.tls))));
  const refreshBefore = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE;
  if (options.interface) normalizeInterface(options.interface);
  const overrides: Record<string, string> = {};
  for (const [type, url] of Object.entries(options.endpointOverrides ?? {})) {
    overrides[type] = normalizeBaseUrl(url, `endpointOverrides.${type}`);
  }

  let config:
    | Promise<
        Pick<CloudConfig, 'region' | 'interface' | 'endpointOverrides' | 'tls'> & {
          credentials: CredentialProvider;
        }
      >
    | undefined;
  const getConfig = () => {
    config ??= options.credentials
      ? Promise.resolve({ credentials: options.credentials })
      : loadCloudConfig({ cloud: options.cloud }).then((c) => ({
          ...c,
          credentials: credentialsFromConfig(c),
        }));
    config.catch(() => {
      config = undefined;
    });
    return config;
  };

  let cached: AuthResult | undefined;
  /** When the cached token is due for refresh, on the monotonic clock; `Infinity` when never. */
  let refreshAt = Number.POSITIVE_INFINITY;
  let inflight: Promise<AuthResult> | undefined;

  const fresh = (a: AuthResult | undefined): a is AuthResult => !!a && performance.now() < refreshAt;

  async function authenticate(o: AuthenticateOptions = {}): Promise<AuthResult> {
    const wantsRefresh = o.forceRefresh && (!o.staleToken || cached?.token === o.staleToken);
    if (!wantsRefresh && fresh(cached)) return cached;
    if (!inflight) {
      inflight = (async () => {
        try {
          const { credentials } = await getConfig();
          // The shared authentication is not bound to one caller's signal; each caller races its own.
          const result = await credentials({ transport, forceRefresh: !!o.forceRefresh });
          cached = result;
          refreshAt = refreshTime(result, refreshBefore);
          return result;
        } finally {
          inflight = undefined;
        }
      })();
    }
    return raceAbort(inflight, o.signal);
  }

  async function region(signal?: AbortSignal): Promise<string | undefined> {
    if (options.region) return options.region;
    const c = await raceAbort(getConfig(), signal);
    if (c.region) return c.region;
    const auth = await authenticate({ signal });
    return auth.defaultRegion;
  }

  const session: Session = {
    authenticate,
    async endpoint(query, signal) {
      const c = await raceAbort(getConfig(), signal);
      const override = overrides[query.type] ?? c.endpointOverrides?.[query.type];
      if (override) return normalizeBaseUrl(override, `endpointOverrides.${query.type}`);
      const auth = await authenticate({ signal });
      return resolveEndpoint(auth.catalog, {
        ...query,
        region: query.region ?? options.region ?? c.region ?? auth.defaultRegion,
        interface: query.interface ?? options.interface ?? c.interface ?? 'public',
      });
    },
    async listRegions(type, signal) {
      const auth = await authenticate({ signal });
      return listCatalogRegions(auth.catalog, type);
    },
    region,
    invalidate() {
      cached = undefined;
      refreshAt = Number.POSITIVE_INFINITY;
    },
    transport,
  };
  Object.defineProperty(session, inspect.custom, {
    value: () =>
      `Session { region: ${options.region ?? '(from config)'}, authenticated: ${!!cached}, expiresAt: ${cached?.expiresAt?.toISOString() ?? '-'} }`,
    enumerable: false,
  });
  return session;
}

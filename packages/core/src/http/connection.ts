import { type ProxyGotOptions, type ProxyOption, proxyGotOptions } from './proxy.js';
import { type TlsGotOptions, type TlsOptions, tlsGotOptions } from './tls.js';
import type { HttpRequest, Transport } from './transport.js';

/** Connection settings of a transport: TLS trust and client certificate, forward proxy. */
export interface ConnectionSettings {
  /** CAs, client certificate and verification; see {@link TlsOptions}. */
  tls?: TlsOptions | undefined;
  /** Forward proxy; undefined reads `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`. See {@link ProxyOption}. */
  proxy?: ProxyOption | undefined;
}

/**
 * The got options a transport merges in for its connection settings: `https` (CAs, client
 * certificate, `rejectUnauthorized`) and a `beforeRequest` hook that picks a proxy agent per target.
 * Files are read now, so a bad CA file fails before any request.
 * @throws ValidationError for an unreadable or unusable file or a malformed proxy URL.
 * @example
 * ```ts
 * const client = got.extend(connectionGotOptions({ tls: { cacert: 'ca.pem' }, proxy: false }), defaults);
 * ```
 */
export function connectionGotOptions(
  options: ConnectionSettings,
  env: Record<string, string | undefined> = process.env,
): TlsGotOptions & ProxyGotOptions {
  return { ...tlsGotOptions(options.tls), ...proxyGotOptions(options.proxy, env) };
}

/**
 * A transport that is created on its first request, for sessions whose TLS settings come from a
 * `clouds.yaml` file read on first use. A failed creation (an unreadable CA file) rejects that call
 * and is tried again by the next.
 * @example
 * ```ts
 * const transport = deferredTransport(async () => createTransport({ tls: (await loadCloudConfig()).tls }));
 * ```
 */
export function deferredTransport(create: () => Promise<Transport>): Transport {
  let pending: Promise<Transport> | undefined;
  const get = (): Promise<Transport> => {
    if (!pending) {
      const p = create();
      pending = p;
      p.catch(() => {
        if (pending === p) pending = undefined;
      });
    }
    return pending;
  };
  return {
    send: async (req: HttpRequest) => (await get()).send(req),
    stream: async (req: HttpRequest) => (await get()).stream(req),
  };
}

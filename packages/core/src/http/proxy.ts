import type { Agent } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { BeforeRequestHook } from 'got';
import { ValidationError } from '../errors/errors.js';

/** An explicit proxy with its own exclusion list. */
export interface ProxySettings {
  /** `http://[user:password@]host:port` (or `https://`) of the forward proxy, used for http and https targets. */
  url: string;
  /** Hosts reached directly, in `NO_PROXY` syntax. Default: the `NO_PROXY` variable. */
  noProxy?: string | readonly string[] | undefined;
}

/**
 * Which forward proxy a session uses. Undefined (the default) reads `HTTPS_PROXY`, `HTTP_PROXY`
 * and `NO_PROXY` (lower-case names first); a URL or {@link ProxySettings} sends every request
 * through that proxy except the `NO_PROXY` hosts; `false` connects directly whatever the
 * environment says.
 */
export type ProxyOption = string | false | ProxySettings;

/** The proxies and exclusions in force, after the environment was read. */
export interface ResolvedProxy {
  http?: URL | undefined;
  https?: URL | undefined;
  noProxy: NoProxyRule[];
}

/** One parsed `NO_PROXY` entry. */
export type NoProxyRule =
  | { kind: 'all' }
  | { kind: 'host'; host: string; port?: number | undefined }
  | { kind: 'ip'; ip: string; port?: number | undefined }
  | { kind: 'cidr'; list: BlockList };

/** A proxy URL for display: without its credentials. */
export const redactProxyUrl = (url: URL): string => `${url.protocol}//${url.host}`;

function parseProxyUrl(raw: string, field: string): URL {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new ValidationError(`${field} is not a valid proxy URL`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(
      `${field}: only http:// and https:// proxies are supported, not ${url.protocol}//${url.host}`,
      field,
    );
  }
  return url;
}

const PORT = /^(.*):(\d{1,5})$/;

/**
 * Parses a `NO_PROXY` list: entries separated by commas or spaces, case-insensitive. `*` matches
 * every host; `example.com`, `.example.com` and `*.example.com` match that domain and its
 * subdomains; an IP literal matches that address (`[::1]` or `::1` for IPv6); `10.0.0.0/8` a
 * subnet; a `:port` suffix restricts an entry to one port. Loopback is not special: list
 * `localhost,127.0.0.1` to reach local services directly.
 * @example
 * ```ts
 * parseNoProxy('localhost,.internal.example.com,10.0.0.0/8,proxy.example.com:8080');
 * ```
 */
export function parseNoProxy(value: string | readonly string[] | undefined): NoProxyRule[] {
  const entries = (typeof value === 'string' ? [value] : (value ?? []))
    .flatMap((v) => v.split(/[\s,]+/))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  const rules: NoProxyRule[] = [];
  for (const entry of entries) {
    if (entry === '*') {
      rules.push({ kind: 'all' });
      continue;
    }
    const slash = entry.indexOf('/');
    if (slash > 0) {
      const ip = entry.slice(0, slash);
      const bits = Number(entry.slice(slash + 1));
      const family = isIP(ip);
      if (family && Number.isInteger(bits) && bits >= 0 && bits <= (family === 4 ? 32 : 128)) {
        const list = new BlockList();
        list.addSubnet(ip, bits, family === 4 ? 'ipv4' : 'ipv6');
        rules.push({ kind: 'cidr', list });
      }
      continue;
    }
    if (isIP(entry)) {
      rules.push({ kind: 'ip', ip: entry });
      continue;
    }
    const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
    if (bracketed?.[1] && isIP(bracketed[1])) {
      rules.push({ kind: 'ip', ip: bracketed[1], port: bracketed[2] ? Number(bracketed[2]) : undefined });
      continue;
    }
    const withPort = PORT.exec(entry);
    const name = withPort?.[1] ?? entry;
    const port = withPort?.[2] ? Number(withPort[2]) : undefined;
    if (isIP(name)) {
      rules.push({ kind: 'ip', ip: name, port });
      continue;
    }
    const host = name.replace(/^\*?\./, '');
    if (host) rules.push({ kind: 'host', host, port });
  }
  return rules;
}

const defaultPort = (url: URL): number => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/**
 * True when `url` is to be reached directly according to `rules`.
 * @example
 * ```ts
 * bypassesProxy(new URL('https://api.internal.example.com/v3'), parseNoProxy('.example.com')); // true
 * ```
 */
export function bypassesProxy(url: URL, rules: readonly NoProxyRule[]): boolean {
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  const port = defaultPort(url);
  const family = isIP(host);
  for (const rule of rules) {
    if (rule.kind === 'all') return true;
    if (rule.kind === 'cidr') {
      if (family && rule.list.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true;
      continue;
    }
    if (rule.port !== undefined && rule.port !== port) continue;
    if (rule.kind === 'ip') {
      if (family && sameIp(host, rule.ip)) return true;
      continue;
    }
    if (!family && (host === rule.host || host.endsWith(`.${rule.host}`))) return true;
  }
  return false;
}

function sameIp(a: string, b: string): boolean {
  if (a === b) return true;
  const family = isIP(a);
  if (family !== isIP(b)) return false;
  const list = new BlockList();
  list.addAddress(b, family === 4 ? 'ipv4' : 'ipv6');
  return list.check(a, family === 4 ? 'ipv4' : 'ipv6');
}

const envValue = (env: Record<string, string | undefined>, name: string): [string, string] | undefined => {
  for (const n of [name.toLowerCase(), name.toUpperCase()]) {
    const v = env[n]?.trim();
    if (v) return [n, v];
  }
  return undefined;
};

/**
 * Resolves a proxy option against the environment (`https_proxy`/`HTTPS_PROXY` for https targets,
 * `http_proxy`/`HTTP_PROXY` for http targets, `no_proxy`/`NO_PROXY`). Undefined means no proxy.
 * @throws ValidationError (naming the option or variable) for a malformed or non-HTTP proxy URL.
 * @example
 * ```ts
 * resolveProxy(undefined, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost' });
 * ```
 */
export function resolveProxy(
  option: ProxyOption | undefined,
  env: Record<string, string | undefined> = process.env,
): ResolvedProxy | undefined {
  if (option === false) return undefined;
  const envNoProxy = envValue(env, 'no_proxy')?.[1];
  if (option !== undefined) {
    const settings = typeof option === 'string' ? { url: option } : option;
    if (!settings.url) throw new ValidationError('proxy needs a URL (or false for no proxy)', 'proxy');
    const url = parseProxyUrl(settings.url, 'proxy');
    return { http: url, https: url, noProxy: parseNoProxy(settings.noProxy ?? envNoProxy) };
  }
  const httpsVar = envValue(env, 'https_proxy');
  const httpVar = envValue(env, 'http_proxy');
  if (!httpsVar && !httpVar) return undefined;
  return {
    https: httpsVar ? parseProxyUrl(httpsVar[1], httpsVar[0]) : undefined,
    http: httpVar ? parseProxyUrl(httpVar[1], httpVar[0]) : undefined,
    noProxy: parseNoProxy(envNoProxy),
  };
}

type Hpagent = typeof import('hpagent');
let hpagent: Promise<Hpagent> | undefined;

/**
 * Loads `hpagent` only when a request actually goes through a proxy. The specifier is not a
 * literal, so bundlers leave the package (CommonJS that `require`s node:http, which an ESM bundle
 * cannot do) out of serverless bundles; a bundle that uses a proxy needs `hpagent` kept external.
 */
function loadHpagent(): Promise<Hpagent> {
  const specifier = ['hp', 'agent'].join('');
  hpagent ??= (import(specifier) as Promise<Hpagent>).catch((e: unknown) => {
    hpagent = undefined;
    throw new ValidationError(
      `Using a proxy needs the "hpagent" package, which could not be loaded (${(e as Error).message}). ` +
        'In a bundle, mark "hpagent" as external.',
      'proxy',
    );
  });
  return hpagent;
}

/** The connection-level got options {@link proxyGotOptions} computes. */
export interface ProxyGotOptions {
  hooks?: { beforeRequest: BeforeRequestHook[] };
}

/**
 * Computes got options that route each request through the configured forward proxy (HTTP
 * `CONNECT` tunnels by `hpagent`, with keep-alive), or directly for `NO_PROXY` hosts. TLS settings
 * of the request (CAs, client certificate, `rejectUnauthorized`) still apply to the target server
 * inside the tunnel. Empty when no proxy is in force.
 * @throws ValidationError for a malformed proxy URL.
 * @example
 * ```ts
 * const client = got.extend(proxyGotOptions('http://proxy.example.com:3128'));
 * ```
 */
export function proxyGotOptions(
  option: ProxyOption | undefined,
  env: Record<string, string | undefined> = process.env,
): ProxyGotOptions {
  const proxy = resolveProxy(option, env);
  if (!proxy) return {};
  const agents = new Map<string, Agent>();
  const agentFor = async (target: 'http' | 'https', url: URL): Promise<Agent> => {
    const id = `${target} ${url.href}`;
    let agent = agents.get(id);
    if (!agent) {
      const { HttpProxyAgent, HttpsProxyAgent } = await loadHpagent();
      agent = agents.get(id);
      if (!agent) {
        const Kind = target === 'https' ? HttpsProxyAgent : HttpProxyAgent;
        agent = new Kind({ proxy: url, keepAlive: true }) as Agent;
        agents.set(id, agent);
      }
    }
    return agent;
  };
  return {
    hooks: {
      beforeRequest: [
        async (options) => {
          const url = options.url;
          if (!(url instanceof URL)) return;
          const target = url.protocol === 'https:' ? 'https' : 'http';
          const via = proxy[target];
          if (!via || bypassesProxy(url, proxy.noProxy)) return;
          options.agent = { [target]: await agentFor(target, via) };
        },
      ],
    },
  };
}

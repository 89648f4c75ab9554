/**
 * A fault-injecting HTTP proxy for tests against real services on 127.0.0.1: it forwards to an
 * upstream and, for requests matching a rule, resets the connection, stalls, truncates the
 * response, answers a status of its own, forwards and then drops the answer, or delays.
 * Only node:http and node:net; every socket is closed by `close()`.
 * @packageDocumentation
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What to do with a matching request.
 * - `reset`: close the client connection at once; nothing reaches the upstream.
 * - `status`: answer `status` (with `headers`, `body`) without forwarding, e.g. 503, 401, or 429
 *   with `{ 'retry-after': '1' }`.
 * - `drop-response`: forward, let the upstream answer in full, then reset the client connection:
 *   the server acted, the client never learns it.
 * - `stall`: forward; hold the answer `ms` (default: until `close()`) before its headers, or, with
 *   `afterBytes`, after that many body bytes.
 * - `truncate`: forward; send the headers as they came and `afterBytes` body bytes, then reset.
 * - `delay`: wait `ms`, then forward normally.
 * @example proxy.setFault({ method: 'PUT', path: /multipart-manifest=put/, fault: { kind: 'drop-response' } });
 */
export type Fault =
  | { kind: 'reset' }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'drop-response' }
  | { kind: 'stall'; ms?: number; afterBytes?: number }
  | { kind: 'truncate'; afterBytes: number }
  | { kind: 'delay'; ms: number };

/**
 * When a fault applies: every request whose method and path (with query) match, or only the
 * `nth` match (1-based), or the first `times` matches.
 * @example { method: 'PUT', path: '/segments/', nth: 2, fault: { kind: 'reset' } }
 */
export interface FaultRule {
  /** HTTP method, any case. Default: any. */
  method?: string | undefined;
  /** A substring of, or a pattern tested against, the request target (path and query). */
  path?: string | RegExp | undefined;
  /** Only this match (1-based). */
  nth?: number | undefined;
  /** At most this many matches (from the first, or from `nth`). */
  times?: number | undefined;
  fault: Fault;
}

/**
 * One request the proxy saw, and the fault it applied.
 * @example expect(proxy.requests.filter((r) => r.fault === 'reset')).toHaveLength(1);
 */
export interface SeenRequest {
  method: string;
  /** The request target as sent (path and query). */
  path: string;
  /** The fault applied, or `undefined` when forwarded untouched. */
  fault?: Fault['kind'] | undefined;
}

/**
 * A running proxy.
 * @example const proxy = await startFaultProxy({ target: 'http://127.0.0.1:8080' });
 */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every request seen, in arrival order. */
  readonly requests: SeenRequest[];
  /** Replaces the rules (the first matching rule applies). Match counts start again. */
  setFault(rules: FaultRule | readonly FaultRule[]): void;
  /** Removes every rule and forgets the requests seen. */
  clear(): void;
  /** Stops listening and closes every connection (stalled ones included). */
  close(): Promise<void>;
}

/**
 * Options of {@link startFaultProxy}.
 * @example await startFaultProxy({ target: 'http://127.0.0.1:8080', host: '127.0.0.1' });
 */
export interface FaultProxyOptions {
  /** Upstream origin, e.g. `http://127.0.0.1:8080`. Only `http:` is supported. */
  target: string;
  /** Address to listen on. Default 127.0.0.1 (a random free port is used). */
  host?: string | undefined;
}

interface ActiveRule {
  rule: FaultRule;
  matched: number;
  applied: number;
}

/**
 * Starts a fault-injecting proxy in front of `target`.
 * @example
 * ```ts
 * const proxy = await startFaultProxy({ target: 'http://127.0.0.1:8080' });
 * proxy.setFault({ method: 'GET', fault: { kind: 'truncate', afterBytes: 100 } });
 * // ... point a client at proxy.url ...
 * await proxy.close();
 * ```
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:') throw new Error('the fault proxy forwards to http: targets only');
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const requests: SeenRequest[] = [];
  let rules: ActiveRule[] = [];
  const closing = new AbortController();

  const pick = (method: string, path: string): Fault | undefined => {
    for (const active of rules) {
      const { rule } = active;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (typeof rule.path === 'string' && !path.includes(rule.path)) continue;
      if (rule.path instanceof RegExp && !rule.path.test(path)) continue;
      active.matched++;
      if (rule.nth !== undefined && active.matched < rule.nth) continue;
      if (rule.times !== undefined && active.applied >= rule.times) continue;
      if (rule.nth !== undefined && rule.times === undefined && active.matched !== rule.nth) continue;
      active.applied++;
      return rule.fault;
    }
    return undefined;
  };

  const wait = (ms: number | undefined) =>
    sleep(ms ?? 2 ** 31 - 1, undefined, { signal: closing.signal }).catch(() => {});

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const fault = pick(req.method ?? 'GET', path);
    requests.push({ method: req.method ?? 'GET', path, fault: fault?.kind });
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      req.resume();
      const body = fault.body ?? '';
      res.writeHead(fault.status, {
        'content-type': 'text/plain',
        'content-length': String(Buffer.byteLength(body)),
        ...fault.headers,
      });
      res.end(body);
      return;
    }
    if (fault?.kind === 'delay') await wait(fault.ms);
    const upstream = await forward(req);
    if (!upstream) {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'drop-response') {
      upstream.resume();
      await new Promise((resolve) => upstream.once('close', resolve));
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'stall' && fault.afterBytes === undefined) await wait(fault.ms);
    if (closing.signal.aborted) return;
    res.writeHead(upstream.statusCode ?? 502, upstream.statusMessage, upstream.rawHeaders);
    const limit =
      fault?.kind === 'truncate' || (fault?.kind === 'stall' && fault.afterBytes !== undefined)
        ? fault.afterBytes
        : undefined;
    if (limit === undefined) {
      upstream.pipe(res);
      return;
    }
    let sent = 0;
    let hit = false;
    res.flushHeaders();
    for await (const chunk of upstream as AsyncIterable<Buffer>) {
      if (hit || sent + chunk.length <= limit) {
        sent += chunk.length;
        res.write(chunk);
        continue;
      }
      hit = true;
      res.write(chunk.subarray(0, limit - sent));
      // Let the bytes written so far reach the client first.
      await new Promise<void>((resolve) => res.write('', () => resolve()));
      if (fault?.kind === 'truncate') {
        upstream.destroy();
        req.socket.destroy();
        return;
      }
      await wait(fault?.kind === 'stall' ? fault.ms : undefined);
      if (closing.signal.aborted) return;
      res.write(chunk.subarray(limit - sent));
      sent += chunk.length;
    }
    res.end();
  }

  function forward(req: IncomingMessage): Promise<IncomingMessage | undefined> {
    return new Promise((resolve) => {
      const headers = { ...req.headers, host: target.host };
      const out = httpRequest(
        {
          host: target.hostname,
          port: target.port || 80,
          method: req.method,
          path: req.url,
          headers,
          agent,
        },
        resolve,
      );
      out.on('error', () => resolve(undefined));
      req.on('error', () => out.destroy());
      req.pipe(out);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    requests,
    setFault(next) {
      rules = (Array.isArray(next) ? next : [next]).map((rule: FaultRule) => ({
        rule,
        matched: 0,
        applied: 0,
      }));
    },
    clear() {
      rules = [];
      requests.length = 0;
    },
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      agent.destroy();
      await closed;
    },
  };
}

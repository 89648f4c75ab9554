/** Transport behaviour that needs real sockets (no msw): resets, refused connections, verbatim paths. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  createAuthResult,
  createSession,
  createTransport,
  fromToken,
  NetworkError,
  TimeoutError,
} from '../src/index.js';
import { createServiceClient } from '../src/service.js';

let server: Server | undefined;

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

let tcp: TcpServer | undefined;
const rawSockets: Socket[] = [];

/** A server that writes raw bytes, for answers Node's own http server would never produce. */
async function listenRaw(answer: (head: string) => string): Promise<string> {
  tcp = createTcpServer((socket) => {
    rawSockets.push(socket);
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let end = buffered.indexOf('\r\n\r\n');
      while (end >= 0) {
        socket.write(answer(buffered.slice(0, end)));
        buffered = buffered.slice(end + 4);
        end = buffered.indexOf('\r\n\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => tcp!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(tcp!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  for (const socket of rawSockets.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (tcp ? tcp.close(() => resolve()) : resolve()));
  tcp = undefined;
});

/** What real Swift sends for `HEAD` of an object with a revoked token: a chunked "body" on a HEAD. */
const SWIFT_HEAD_401 =
  'HTTP/1.1 401 Unauthorized\r\nContent-Type: text/html; charset=UTF-8\r\n' +
  'Www-Authenticate: Swift realm="AUTH_a"\r\nX-Trans-Id: tx1\r\nTransfer-Encoding: chunked\r\n' +
  'Connection: keep-alive\r\n\r\n0\r\n\r\n';

describe('a 401 whose body breaks the HTTP parser', () => {
  it('re-authenticates and replays a HEAD answered like real Swift', async () => {
    const tokens: string[] = [];
    const url = await listenRaw((head) => {
      const token = /x-auth-token: (\S+)/i.exec(head)?.[1] ?? '';
      tokens.push(token);
      if (token === 'revoked') return SWIFT_HEAD_401;
      return 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nEtag: abc\r\nConnection: keep-alive\r\n\r\n';
    });
    let issued = 0;
    const session = createSession({
      credentials: async () => createAuthResult({ token: issued++ === 0 ? 'revoked' : 'fresh', catalog: [] }),
      endpointOverrides: { 'object-store': `${url}/v1/AUTH_a` },
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    const res = await swift.request('HEAD', 'c/o');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('abc');
    expect(tokens).toEqual(['revoked', 'fresh']);
    expect(issued).toBe(2);
  });

  it('returns the status of such a HEAD from the bare transport', async () => {
    const url = await listenRaw(() => SWIFT_HEAD_401);
    const res = await createTransport({ retry: { limit: 0 } }).send({ method: 'HEAD', url: `${url}/x` });
    expect(res.status).toBe(401);
    expect(res.headers['x-trans-id']).toBe('tx1');
  });
});

describe('transport over real sockets', () => {
  it('retries an idempotent request after the connection is reset', async () => {
    let n = 0;
    const url = await listen((req, res) => {
      n++;
      if (n === 1) {
        req.socket.destroy();
        return;
      }
      res.end('ok');
    });
    const t = createTransport({ retry: { limit: 2, baseDelayMs: 1 } });
    const res = await t.send({ method: 'GET', url: `${url}/x` });
    expect(res.body.toString()).toBe('ok');
    expect(n).toBe(2);
  });

  it('does not retry a POST whose connection was reset mid-request', async () => {
    let n = 0;
    const url = await listen((req) => {
      n++;
      req.socket.destroy();
    });
    const t = createTransport({ retry: { limit: 2, baseDelayMs: 1 } });
    await expect(t.send({ method: 'POST', url: `${url}/x`, json: { a: 1 } })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(n).toBe(1);
  });

  it('reports a refused connection as NetworkError after retrying', async () => {
    const url = await listen((_req, res) => res.end());
    const { port } = server!.address() as AddressInfo;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const events: string[] = [];
    const t = createTransport({ retry: { limit: 1, baseDelayMs: 1 }, logger: (e) => events.push(e.type) });
    const err = await t.send({ method: 'GET', url: `${url}/x` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).message).toContain(`127.0.0.1:${port}`);
    expect(events.filter((e) => e === 'retry')).toHaveLength(1);
  });

  it('sends "." and ".." path segments verbatim instead of collapsing them', async () => {
    const seen: string[] = [];
    const url = await listen((req, res) => {
      seen.push(req.url ?? '');
      res.end();
    });
    const session = createSession({
      credentials: fromToken({ token: 't' }),
      endpointOverrides: { 'object-store': `${url}/v1/AUTH_a` },
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    await swift.request('PUT', 'c/%2E%2E/x/%2E/y', { body: '' });
    await swift.request('GET', 'c/a%20b', { searchParams: { q: '1' } });
    expect(seen).toEqual(['/v1/AUTH_a/c/%2E%2E/x/%2E/y', '/v1/AUTH_a/c/a%20b?q=1']);
  });
});

describe('errors in the middle of a streamed body', () => {
  /** A server that sends the headers of 1000 bytes and the first 10, then `then` the socket. */
  async function partial(then: 'stall' | 'reset'): Promise<string> {
    return listen((req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(Buffer.alloc(10));
      if (then === 'reset') setTimeout(() => req.socket.destroy(), 50);
    });
  }

  async function read(body: NodeJS.ReadableStream): Promise<unknown> {
    try {
      for await (const _ of body) {
        // drain
      }
      return undefined;
    } catch (error) {
      return error;
    }
  }

  const client = (url: string, timeout = {}) =>
    createServiceClient(
      createSession({
        credentials: fromToken({ token: 't' }),
        endpointOverrides: { 'object-store': url },
        timeout,
      }),
      { type: 'object-store' },
    );

  it('a stall past timeoutMs is a TimeoutError', async () => {
    const url = await partial('stall');
    const res = await client(url).stream('GET', 'c/o', { timeoutMs: 800 });
    expect(await read(res.body)).toBeInstanceOf(TimeoutError);
  });

  it('a stall past the idle limit is a TimeoutError', async () => {
    const url = await partial('stall');
    const res = await client(url, { idle: 300 }).stream('GET', 'c/o');
    expect(await read(res.body)).toBeInstanceOf(TimeoutError);
  });

  it('a reset is a NetworkError', async () => {
    const url = await partial('reset');
    const res = await client(url).stream('GET', 'c/o');
    expect(await read(res.body)).toBeInstanceOf(NetworkError);
  });
});

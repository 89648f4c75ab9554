/** Transport behaviour that needs real sockets (no msw): resets, refused connections, verbatim paths. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  createServiceClient,
  createSession,
  createTransport,
  fromToken,
  NetworkError,
} from '../src/index.js';

let server: Server | undefined;

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
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

/**
 * `timeoutMs` is a deadline for the whole call: authentication, every attempt and the waits between
 * retries. Real sockets that accept and never answer stand in for a stalled service.
 */

import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createSession, createTransport, fromPassword, fromToken, TimeoutError } from '../src/index.js';
import { createServiceClient } from '../src/service.js';

const servers: Server[] = [];
const sockets: Socket[] = [];

/** A server that reads requests and answers each with `answer` (or never, when it returns undefined). */
async function listen(answer?: () => string | undefined): Promise<string> {
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', () => {
      const reply = answer?.();
      if (reply) socket.write(reply);
    });
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Runs `call` and returns what it rejected with and how long it took. */
async function settle(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

// A correctness bound, not a benchmark: the per-attempt defaults alone would take 30 s or more.
const BOUND_MS = 5_000;

describe('timeoutMs bounds the whole call', () => {
  it('when the service never answers the headers', async () => {
    const url = await listen();
    const session = createSession({
      credentials: fromToken({ token: 't' }),
      endpointOverrides: { 'object-store': url },
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    const { error, ms } = await settle(() => swift.request('GET', 'c', { timeoutMs: 1_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('when Keystone itself stalls', async () => {
    const keystone = await listen();
    const session = createSession({
      credentials: fromPassword({ authUrl: `${keystone}/v3`, username: 'u', password: 'p' }),
      endpointOverrides: { 'object-store': 'http://127.0.0.1:9/never-used' },
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    const { error, ms } = await settle(() => swift.request('GET', 'c', { timeoutMs: 1_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('across retries and their Retry-After waits', async () => {
    let attempts = 0;
    const url = await listen(() => {
      attempts++;
      return 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\nContent-Length: 0\r\n\r\n';
    });
    const session = createSession({
      credentials: fromToken({ token: 't' }),
      endpointOverrides: { 'object-store': url },
      retry: { limit: 5 },
    });
    const swift = createServiceClient(session, { type: 'object-store' });
    const { error, ms } = await settle(() => swift.request('GET', 'c', { timeoutMs: 1_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(attempts).toBe(1);
  });

  it('on the bare transport too', async () => {
    const url = await listen();
    const { error, ms } = await settle(() =>
      createTransport().send({ method: 'GET', url: `${url}/x`, timeoutMs: 1_000 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('attemptTimeoutMs limits each attempt and the attempts are retried', async () => {
    let attempts = 0;
    const url = await listen(() => {
      attempts++;
      return undefined;
    });
    const t = createTransport({ retry: { limit: 1, baseDelayMs: 1 } });
    const { error } = await settle(() => t.send({ method: 'GET', url: `${url}/x`, attemptTimeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(2);
  });
});

import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type FaultProxy, startFaultProxy } from '../src/index.js';

const BODY = Buffer.alloc(200_000, 'x');
let upstream: Server;
let proxy: FaultProxy;
/** Requests the upstream received (method, path, body length). */
const received: { method: string; path: string; bytes: number }[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', bytes });
      if (req.url?.startsWith('/big')) {
        res.writeHead(200, { 'content-length': String(BODY.length) });
        // Two writes, so the body arrives in more than one chunk.
        res.write(BODY.subarray(0, 100_000));
        setTimeout(() => res.end(BODY.subarray(100_000)), 20);
        return;
      }
      res.writeHead(201, { 'content-type': 'text/plain', 'x-seen': String(bytes) });
      res.end(`ok ${req.method} ${req.url}`);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startFaultProxy({ target: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
});
afterEach(() => {
  proxy.clear();
  received.length = 0;
});
afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => upstream.close(resolve));
});

interface Answer {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body: Buffer;
  error?: string;
}

/** One request through the proxy; a connection failure is reported, not thrown. */
function send(method: string, path: string, body?: string, timeoutMs = 5000): Promise<Answer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let headers: Answer['headers'];
    const req = request(`${proxy.url}${path}`, { method, agent: false, timeout: timeoutMs }, (res) => {
      status = res.statusCode;
      headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status, headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ status, headers, body: Buffer.concat(chunks), error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (e) => resolve({ status, headers, body: Buffer.concat(chunks), error: e.message }));
    req.end(body);
  });
}

describe('startFaultProxy', () => {
  it('forwards requests and answers untouched without rules', async () => {
    const res = await send('PUT', '/c/o?x=1', 'hello');
    expect(res).toMatchObject({ status: 201, body: Buffer.from('ok PUT /c/o?x=1') });
    expect(res.headers?.['x-seen']).toBe('5');
    expect(received).toEqual([{ method: 'PUT', path: '/c/o?x=1', bytes: 5 }]);
    expect(proxy.requests).toEqual([{ method: 'PUT', path: '/c/o?x=1', fault: undefined }]);
  });

  it('resets matching requests before the upstream sees them', async () => {
    proxy.setFault({ method: 'put', path: '/seg', fault: { kind: 'reset' } });
    const res = await send('PUT', '/seg/1', 'data');
    expect(res.error).toBeDefined();
    expect(res.status).toBeUndefined();
    expect(received).toHaveLength(0);
    expect((await send('GET', '/seg/1')).status).toBe(201);
  });

  it('answers a status of its own (429 with Retry-After) without forwarding', async () => {
    proxy.setFault({
      path: /^\/busy/,
      fault: { kind: 'status', status: 429, headers: { 'retry-after': '2' } },
    });
    const res = await send('GET', '/busy');
    expect(res.status).toBe(429);
    expect(res.headers?.['retry-after']).toBe('2');
    expect(received).toHaveLength(0);
  });

  it('forwards and then drops the answer: the server acted, the client never hears', async () => {
    proxy.setFault({ method: 'PUT', fault: { kind: 'drop-response' } });
    const res = await send('PUT', '/manifest', '[1,2]');
    expect(res.error).toBeDefined();
    expect(res.status).toBeUndefined();
    expect(received).toEqual([{ method: 'PUT', path: '/manifest', bytes: 5 }]);
  });

  it('truncates a body after some bytes and closes the connection', async () => {
    proxy.setFault({ method: 'GET', path: '/big', fault: { kind: 'truncate', afterBytes: 150_000 } });
    const res = await send('GET', '/big');
    expect(res.status).toBe(200);
    expect(res.headers?.['content-length']).toBe(String(BODY.length));
    expect(res.error).toBeDefined();
    expect(res.body.length).toBe(150_000);
  });

  it('stalls before the headers (a client timeout fires) and mid-body for a while', async () => {
    proxy.setFault({ path: '/slow', fault: { kind: 'stall' } });
    const stalled = await send('GET', '/slow', undefined, 300);
    expect(stalled.error).toBe('client timeout');
    expect(received.map((r) => r.path)).toEqual(['/slow']);
    proxy.setFault({ path: '/big', fault: { kind: 'stall', afterBytes: 1000, ms: 50 } });
    const slow = await send('GET', '/big');
    expect(slow.error).toBeUndefined();
    expect(slow.body.equals(BODY)).toBe(true);
  });

  it('applies a rule to the nth match only, or to the first `times` matches, and delays', async () => {
    proxy.setFault([
      { path: '/n', nth: 2, fault: { kind: 'status', status: 503 } },
      { path: '/t', times: 2, fault: { kind: 'status', status: 500 } },
      { path: '/d', fault: { kind: 'delay', ms: 10 } },
    ]);
    const n = [await send('GET', '/n'), await send('GET', '/n'), await send('GET', '/n')];
    expect(n.map((r) => r.status)).toEqual([201, 503, 201]);
    const t = [await send('GET', '/t'), await send('GET', '/t'), await send('GET', '/t')];
    expect(t.map((r) => r.status)).toEqual([500, 500, 201]);
    expect((await send('GET', '/d')).status).toBe(201);
    expect(proxy.requests.map((r) => r.fault)).toEqual([
      undefined,
      'status',
      undefined,
      'status',
      'status',
      undefined,
      'delay',
    ]);
  });
});

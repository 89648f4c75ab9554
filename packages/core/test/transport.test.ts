import { Readable } from 'node:stream';
import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { delay, HttpResponse, http } from 'msw';
import {
  AbortError,
  type HttpLogEvent,
  type HttpOptions,
  type Middleware,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
} from '../src/index.js';
import { createServiceClient } from '../src/service.js';

const cloud = setupMockCloud();
const base = mockEndpoints('RegionOne').objectStore;
const fastRetry = { limit: 2, baseDelayMs: 1, maxDelayMs: 5 };

function counting(status: number[], headers: Record<string, string> = {}) {
  const seen: number[] = [];
  const handler = (method: 'get' | 'post' | 'put') =>
    http[method](`${base}/c`, () => {
      const s = status[Math.min(seen.length, status.length - 1)]!;
      seen.push(s);
      return s < 300 ? HttpResponse.json({ ok: true }) : new HttpResponse('busy', { status: s, headers });
    });
  return { seen, handler };
}

describe('retries', () => {
  it('retries an idempotent GET on 503 and succeeds', async () => {
    const { seen, handler } = counting([503, 502, 200]);
    cloud.use(handler('get'));
    const swift = createServiceClient(cloud.session({ retry: fastRetry }), { type: 'object-store' });
    expect((await swift.request('GET', 'c')).body).toEqual({ ok: true });
    expect(seen).toEqual([503, 502, 200]);
  });

  it('stops after the retry limit and throws the mapped error', async () => {
    const { seen, handler } = counting([503]);
    cloud.use(handler('get'));
    const swift = createServiceClient(cloud.session({ retry: fastRetry }), { type: 'object-store' });
    await expect(swift.request('GET', 'c')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(seen).toHaveLength(3);
  });

  it('honours Retry-After on 429 and exposes it on the final error', async () => {
    const { seen, handler } = counting([429], { 'retry-after': '0' });
    cloud.use(handler('get'));
    const swift = createServiceClient(cloud.session({ retry: { limit: 1, baseDelayMs: 10_000 } }), {
      type: 'object-store',
    });
    const err = (await swift.request('GET', 'c').catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(0);
    expect(seen).toHaveLength(2);
  });

  it('never retries a POST on a 5xx', async () => {
    const { seen, handler } = counting([503, 200]);
    cloud.use(handler('post'));
    const swift = createServiceClient(cloud.session({ retry: fastRetry }), { type: 'object-store' });
    await expect(swift.request('POST', 'c', { json: {} })).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(seen).toEqual([503]);
  });

  it('never retries a request whose body was a stream', async () => {
    const { seen, handler } = counting([503, 200]);
    cloud.use(handler('put'));
    const swift = createServiceClient(cloud.session({ retry: fastRetry }), { type: 'object-store' });
    await expect(
      swift.request('PUT', 'c', { body: Readable.from([Buffer.from('abc')]) }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(seen).toEqual([503]);
  });

  it('replays a streamed body given as a function, opening a fresh stream per attempt', async () => {
    const bodies: string[] = [];
    cloud.use(
      http.put(`${base}/c`, async ({ request }) => {
        bodies.push(await request.text());
        return bodies.length < 2
          ? new HttpResponse(null, { status: 503 })
          : new HttpResponse(null, { status: 201 });
      }),
    );
    let opened = 0;
    const open = () => {
      opened++;
      return Readable.from([Buffer.from('part '), Buffer.from(`${opened}`)]);
    };
    const swift = createServiceClient(cloud.session({ retry: fastRetry }), { type: 'object-store' });
    expect((await swift.request('PUT', 'c', { body: open })).status).toBe(201);
    expect(opened).toBe(2);
    expect(bodies).toEqual(['part 1', 'part 2']);
  });

  it('retries a PUT with an in-memory body', async () => {
    const bodies: string[] = [];
    cloud.use(
      http.put(`${base}/c`, async ({ request }) => {
        bodies.push(await request.text());
        return bodies.length < 2
          ? new HttpResponse(null, { status: 500 })
          : new HttpResponse(null, { status: 201 });
      }),
    );
    const swift = createServiceClient(cloud.session({ retry: fastRetry }), { type: 'object-store' });
    expect((await swift.request('PUT', 'c', { body: 'hello' })).status).toBe(201);
    expect(bodies).toEqual(['hello', 'hello']);
  });
});

describe('abort and timeouts', () => {
  it('rejects with AbortError before sending when the signal is already aborted', async () => {
    const swift = createServiceClient(cloud.session(), { type: 'object-store', endpoint: base });
    await expect(swift.request('GET', 'c', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(cloud.requests.filter((r) => r.url.pathname.endsWith('/c'))).toHaveLength(0);
  });

  it('aborts an in-flight request', async () => {
    cloud.use(
      http.get(`${base}/slow`, async () => {
        await delay(2_000);
        return HttpResponse.json([]);
      }),
    );
    const swift = createServiceClient(cloud.session(), { type: 'object-store' });
    const controller = new AbortController();
    const pending = swift.request('GET', 'slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it('maps an elapsed timeoutMs to TimeoutError', async () => {
    cloud.use(
      http.get(`${base}/slow`, async () => {
        await delay(2_000);
        return HttpResponse.json([]);
      }),
    );
    const swift = createServiceClient(cloud.session(), { type: 'object-store' });
    await expect(swift.request('GET', 'slow', { timeoutMs: 100 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('maps a failed connection to NetworkError', async () => {
    cloud.use(http.get(`${base}/down`, () => HttpResponse.error()));
    const swift = createServiceClient(cloud.session(), { type: 'object-store' });
    await expect(swift.request('GET', 'down')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('debug logging', () => {
  it('logs requests, responses and retries with the token redacted', async () => {
    const events: HttpLogEvent[] = [];
    const { handler } = counting([500, 200]);
    cloud.use(handler('get'));
    const session = cloud.session({ retry: fastRetry, logger: (e) => events.push(e) });
    const swift = createServiceClient(session, { type: 'object-store' });
    await swift.request('GET', 'c', { searchParams: { temp_url_sig: 'abcdef', format: 'json' } });
    const token = (await session.authenticate()).token;
    const text = JSON.stringify(events);
    expect(events.map((e) => e.type)).toEqual([
      'request',
      'response',
      'request',
      'response',
      'retry',
      'request',
      'response',
    ]);
    expect(text).not.toContain(token);
    expect(text).not.toContain('abcdef');
    expect(text).not.toContain('secret');
    const sent = events.find((e) => e.type === 'request' && e.url.includes('/c?'));
    expect(sent?.headers?.['x-auth-token']).toBe('[REDACTED]');
    expect(sent?.url).toContain('temp_url_sig=[REDACTED]');
  });
});

describe('user agent and headers', () => {
  it('sends the SDK user agent, the client headers and the query string', async () => {
    const swift = createServiceClient(cloud.session({ userAgent: 'my-app/1.0' }), {
      type: 'object-store',
      headers: { 'x-extra': 'yes' },
    });
    cloud.use(http.get(`${base}/c`, () => HttpResponse.json([])));
    await swift.request('GET', 'c', {
      searchParams: { prefix: 'a b', limit: 2, skip: undefined, tag: ['x', 'y'] },
    });
    const req = cloud.requests.find((r) => r.url.pathname.endsWith('/c'))!;
    expect(req.headers.get('user-agent')).toBe('my-app/1.0');
    expect(req.headers.get('x-extra')).toBe('yes');
    expect(req.url.search).toBe('?prefix=a+b&limit=2&tag=x&tag=y');
  });
});

describe('user httpOptions', () => {
  // What a plain-JS caller might pass: options that would change the SDK's own error handling.
  const hostile = {
    headers: { 'x-from-user': 'yes' },
    throwHttpErrors: true,
    retry: { limit: 4 },
    followRedirect: true,
    responseType: 'json',
    resolveBodyOnly: true,
    timeout: { request: 1 },
    hooks: { afterResponse: [() => Promise.reject(new Error('user hook'))] },
  };
  const httpOptions: HttpOptions = hostile;

  it('cannot turn a 404 into a NetworkError or add got retries', async () => {
    let calls = 0;
    cloud.use(
      http.get(`${base}/missing`, () => {
        calls++;
        return new HttpResponse('gone', { status: 404 });
      }),
      http.get(`${base}/busy`, () => {
        calls++;
        return new HttpResponse('busy', { status: 503 });
      }),
    );
    const swift = createServiceClient(cloud.session({ httpOptions }), { type: 'object-store' });
    await expect(swift.request('GET', 'missing')).rejects.toBeInstanceOf(NotFoundError);
    expect(calls).toBe(1);
    await expect(swift.request('GET', 'busy')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(calls).toBe(2);
  });

  it('cannot make the SDK follow redirects or change how bodies are read, but adds its headers', async () => {
    cloud.use(
      http.get(
        `${base}/moved`,
        () => new HttpResponse(null, { status: 302, headers: { location: `${base}/c` } }),
      ),
      http.get(`${base}/c`, () => HttpResponse.json({ ok: true })),
    );
    const swift = createServiceClient(cloud.session({ httpOptions }), { type: 'object-store' });
    const moved = await swift.request('GET', 'moved', { okStatuses: [302] });
    expect(moved.status).toBe(302);
    const res = await swift.request('GET', 'c');
    expect(res.body).toEqual({ ok: true });
    expect(cloud.requests.filter((r) => r.url.pathname.endsWith('/c'))).toHaveLength(1);
    expect(cloud.requests.find((r) => r.url.pathname.endsWith('/c'))?.headers.get('x-from-user')).toBe('yes');
  });
});

describe('user middleware', () => {
  it('runs once per attempt, inside retries, and can add headers and observe statuses', async () => {
    const { seen, handler } = counting([503, 200]);
    cloud.use(handler('get'));
    const observed: [number, number][] = [];
    const tracing: Middleware = async (req, next) => {
      const res = await next({ ...req, headers: { ...req.headers, traceparent: `trace-${req.attempt}` } });
      if (req.url.endsWith('/c')) observed.push([req.attempt, res.status]);
      return res;
    };
    const events: HttpLogEvent[] = [];
    const session = cloud.session({ retry: fastRetry, middleware: [tracing], logger: (e) => events.push(e) });
    await createServiceClient(session, { type: 'object-store' }).request('GET', 'c');
    expect(seen).toEqual([503, 200]);
    expect(observed).toEqual([
      [1, 503],
      [2, 200],
    ]);
    const sent = cloud.requests
      .filter((r) => r.url.pathname.endsWith('/c'))
      .map((r) => r.headers.get('traceparent'));
    expect(sent).toEqual(['trace-1', 'trace-2']);
    const logged = events
      .filter((e) => e.type === 'request' && e.url.endsWith('/c'))
      .map((e) => e.headers?.traceparent);
    expect(logged).toEqual(['trace-1', 'trace-2']);
  });

  it('can answer without calling next', async () => {
    const cached: Middleware = async (req, next) =>
      req.method === 'GET' ? { status: 200, headers: {}, url: req.url, body: Buffer.from('[1]') } : next(req);
    const swift = createServiceClient(cloud.session({ middleware: [cached] }), { type: 'object-store' });
    expect((await swift.request('GET', 'anything')).body).toEqual([1]);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  AbortError,
  toArray,
  ValidationError,
  WaiterFailureError,
  WaiterTimeoutError,
} from '../src/index.js';
import {
  buildQuery,
  encodePath,
  encodeSegment,
  joinUrl,
  nextLinkOf,
  type PageCursor,
  paginate,
  poll,
  requireInteger,
  requireOneOf,
  requireString,
  requireUuid,
} from '../src/service.js';

describe('paginate', () => {
  const rows = Array.from({ length: 7 }, (_, i) => `item-${i}`);
  const byMarker = (calls: PageCursor[]) => async (c: PageCursor) => {
    calls.push(c);
    const start = c.marker ? rows.indexOf(c.marker) + 1 : 0;
    const items = rows.slice(start, start + (c.limit ?? 1000));
    return { items, nextMarker: items.at(-1) };
  };

  it('is lazy and walks marker/limit pages until a short page', async () => {
    const calls: PageCursor[] = [];
    const it = paginate({ pageSize: 3, fetchPage: byMarker(calls) });
    expect(calls).toHaveLength(0);
    expect(await toArray(it)).toEqual(rows);
    expect(calls).toEqual([
      { marker: undefined, limit: 3 },
      { marker: 'item-2', limit: 3 },
      { marker: 'item-5', limit: 3 },
    ]);
  });

  it('stops on an empty page when the last page was full', async () => {
    const calls: PageCursor[] = [];
    expect(await toArray(paginate({ pageSize: 7, fetchPage: byMarker(calls) }))).toHaveLength(7);
    expect(calls).toHaveLength(2);
  });

  it('follows next links and exposes whole pages with byPage()', async () => {
    const pages: Record<string, { items: number[]; nextLink?: string }> = {
      first: { items: [1, 2], nextLink: 'http://x/p2' },
      'http://x/p2': { items: [3, 4], nextLink: 'http://x/p3' },
      'http://x/p3': { items: [5] },
    };
    const seen: (string | undefined)[] = [];
    const it = paginate<number>({
      pageSize: 2,
      fetchPage: async (c) => {
        seen.push(c.next);
        return pages[c.next ?? 'first']!;
      },
    });
    const collected: number[][] = [];
    for await (const page of it.byPage()) collected.push(page);
    expect(collected).toEqual([[1, 2], [3, 4], [5]]);
    expect(seen).toEqual([undefined, 'http://x/p2', 'http://x/p3']);
  });

  it('starts byPage() at a marker with its own limit, and honours maxPages', async () => {
    const calls: PageCursor[] = [];
    const it = paginate({ fetchPage: byMarker(calls), maxPages: 1 });
    const pages: string[][] = [];
    for await (const p of it.byPage({ marker: 'item-4', limit: 2 })) pages.push(p);
    expect(pages).toEqual([['item-5', 'item-6']]);
  });

  it('toArray caps the number of items; bad limits are rejected', async () => {
    expect(await toArray(paginate({ pageSize: 2, fetchPage: byMarker([]) }), { max: 3 })).toEqual(
      rows.slice(0, 3),
    );
    expect(() => paginate({ pageSize: 0, fetchPage: byMarker([]) })).toThrow(ValidationError);
  });

  it('nextLinkOf finds rel=next', () => {
    expect(
      nextLinkOf([
        { rel: 'self', href: 'a' },
        { rel: 'next', href: 'b' },
      ]),
    ).toBe('b');
    expect(nextLinkOf(undefined)).toBeUndefined();
  });
});

describe('poll', () => {
  it('returns the value once done', async () => {
    const states = ['BUILD', 'BUILD', 'ACTIVE'];
    let i = 0;
    const v = await poll({
      description: 'x',
      fetch: async () => states[i++]!,
      done: (s) => s === 'ACTIVE',
      minDelayMs: 1,
    });
    expect(v).toBe('ACTIVE');
    expect(i).toBe(3);
  });

  it('fails fast with WaiterFailureError carrying the last value', async () => {
    const err = (await poll({
      description: 'server 1 to become ACTIVE',
      fetch: async () => ({ status: 'ERROR', fault: 'No valid host' }),
      done: (s) => s.status === 'ACTIVE',
      failure: (s) => (s.status === 'ERROR' ? s.fault : undefined),
      minDelayMs: 1,
    }).catch((e: unknown) => e)) as WaiterFailureError<{ status: string }>;
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.message).toBe('Waiting for server 1 to become ACTIVE failed: No valid host');
    expect(err.lastValue.status).toBe('ERROR');
  });

  it('times out with WaiterTimeoutError', async () => {
    const err = (await poll({
      description: 'x',
      fetch: async () => 'BUILD',
      done: () => false,
      minDelayMs: 1,
      maxDelayMs: 5,
      timeoutMs: 30,
    }).catch((e: unknown) => e)) as WaiterTimeoutError<string>;
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    expect(err.lastValue).toBe('BUILD');
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    let n = 0;
    const p = poll({
      description: 'x',
      fetch: async () => {
        if (++n === 2) controller.abort();
        return 'BUILD';
      },
      done: () => false,
      minDelayMs: 1,
      signal: controller.signal,
    });
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(n).toBe(2);
  });
});

describe('url helpers', () => {
  it('encodes segments so names round-trip', () => {
    expect(encodeSegment('a b%?#+&')).toBe('a%20b%25%3F%23%2B%26');
    expect(encodeSegment("it's (x)*!")).toBe('it%27s%20%28x%29%2A%21');
    expect(encodeSegment('..')).toBe('%2E%2E');
    expect(encodeSegment('ünï')).toBe('%C3%BCn%C3%AF');
    expect(encodePath('dir/sub dir/../f')).toBe('dir/sub%20dir/%2E%2E/f');
    expect(decodeURIComponent(encodeSegment('a b%?#+&'))).toBe('a b%?#+&');
  });

  it('joins bases and paths and builds queries', () => {
    expect(joinUrl('http://h/v1/AUTH_x/', 'c/o')).toBe('http://h/v1/AUTH_x/c/o');
    expect(joinUrl('http://h/v1/AUTH_x', '')).toBe('http://h/v1/AUTH_x');
    expect(joinUrl('http://h/v1', 'https://other/next')).toBe('https://other/next');
    expect(buildQuery({ a: 1, b: undefined, c: null, d: true, e: ['x', 'y'] })).toBe('?a=1&d=true&e=x&e=y');
    expect(buildQuery({})).toBe('');
  });
});

describe('validation helpers', () => {
  it('name the field', () => {
    expect(() => requireString('', 'name')).toThrow(/name must be a non-empty string/);
    expect(() => requireString(undefined, 'name')).toThrow(/missing/);
    expect(() => requireInteger(-1, 'size', 0)).toThrow(/size must be an integer >= 0, got -1/);
    expect(() => requireInteger(1.5, 'size', 1, 10)).toThrow(/between 1 and 10/);
    expect(() => requireOneOf('MEDIUM', ['SOFT', 'HARD'], 'type')).toThrow(
      /type must be one of SOFT, HARD, got MEDIUM/,
    );
    expect(() => requireUuid('abc', 'imageRef')).toThrow(/imageRef must be a UUID/);
    expect(requireUuid('70a599e0-31e7-49b7-b260-868f441e862b', 'id')).toBe(
      '70a599e0-31e7-49b7-b260-868f441e862b',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createSession, fromToken, InvalidResponseError } from '../src/index.js';
import {
  arrayOf,
  boolean,
  createServiceClient,
  invalidResponse,
  number,
  object,
  oneOf,
  optional,
  parseResponse,
  recordOf,
  string,
  unwrap,
} from '../src/service.js';

interface ItemWire {
  id: string;
  size: number;
  enabled?: boolean;
  tags?: string[];
  meta?: Record<string, string>;
  image?: { id: string } | string;
}
const ITEM = object<ItemWire>({
  id: string,
  size: number,
  enabled: optional(boolean),
  tags: optional(arrayOf(string)),
  meta: optional(recordOf(string)),
  image: optional(oneOf(object<{ id: string }>({ id: string }), string)),
});

const res = (body: unknown) => ({
  status: 200,
  method: 'GET',
  url: 'http://127.0.0.1:1/v1/items/1?temp_url_sig=abc',
  headers: { 'x-openstack-request-id': 'req-1' },
  body,
});

const problemOf = (fn: () => unknown): InvalidResponseError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidResponseError) return e;
    throw e;
  }
  throw new Error('no error thrown');
};

describe('shapes', () => {
  it('returns the very body it checked, extra fields kept', () => {
    const body = { item: { id: 'a', size: 1, extra: { x: 1 }, image: '' } };
    const item = unwrap(res(body), 'item', ITEM);
    expect(item).toBe(body.item);
    expect((item as unknown as { extra: unknown }).extra).toEqual({ x: 1 });
  });

  it('accepts null and missing optional fields', () => {
    expect(unwrap(res({ item: { id: 'a', size: 0, enabled: null, tags: undefined } }), 'item', ITEM).id).toBe(
      'a',
    );
  });

  it.each([
    [
      'HTML',
      '<html><body>Bad Gateway</body></html>',
      'expected an object with "item", got text that looks like HTML',
    ],
    ['null', null, 'expected an object with "item", got null'],
    ['an empty object', {}, 'the body has no "item"'],
    ['an array', [], 'expected an object with "item", got an array'],
    ['a null wrapper', { item: null }, 'item: expected an object, got null'],
    ['a wrong type', { item: { id: 'a', size: '1' } }, 'item.size: expected a number, got a string'],
    ['a missing field', { item: { size: 1 } }, 'item.id: expected a string, got nothing'],
    [
      'a wrong item in an array',
      { item: { id: 'a', size: 1, tags: ['x', 2] } },
      'item.tags[1]: expected a string, got a number',
    ],
    [
      'a wrong map value',
      { item: { id: 'a', size: 1, meta: { k: {} } } },
      'item.meta.k: expected a string, got an object',
    ],
    [
      'neither of two shapes',
      { item: { id: 'a', size: 1, image: 3 } },
      'item.image: expected an object or a string, got a number',
    ],
  ])('turns %s into InvalidResponseError naming the problem', (_what, body, problem) => {
    const e = problemOf(() => unwrap(res(body), 'item', ITEM));
    expect(e.code).toBe('INVALID_RESPONSE');
    expect(e.message).toContain(problem);
    expect(e.status).toBe(200);
    expect(e.requestId).toBe('req-1');
    expect(e.message).not.toContain('temp_url_sig=abc');
  });

  it('checks whole bodies with parseResponse', () => {
    expect(parseResponse(res([{ id: 'a', size: 1 }]), arrayOf(ITEM))).toHaveLength(1);
    expect(problemOf(() => parseResponse(res({ rows: [] }), arrayOf(ITEM))).message).toContain(
      'body: expected an array, got an object',
    );
  });

  it('redacts secrets in the snippet', () => {
    const e = invalidResponse(res({ token: 'tok-secret-1234', password: 'p4ssw0rd-x' }), 'odd');
    expect(e.snippet).toBeDefined();
    expect(e.snippet).not.toContain('p4ssw0rd-x');
    expect(e.snippet).not.toContain('tok-secret-1234');
  });
});

describe('service client bodies', () => {
  const server = setupServer(
    http.get('http://svc.test/v1/truncated', () =>
      HttpResponse.text('{"item": {"id": "a", "si', { headers: { 'content-type': 'application/json' } }),
    ),
  );
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  it('turns truncated JSON into InvalidResponseError, not SyntaxError', async () => {
    const session = createSession({
      credentials: fromToken({ token: 'tok-1234567' }),
      endpointOverrides: { thing: 'http://svc.test/v1' },
    });
    const client = createServiceClient(session, { type: 'thing' });
    const err = await client.request('GET', 'truncated').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect((err as InvalidResponseError).message).toContain('not valid JSON');
    expect((err as InvalidResponseError).method).toBe('GET');
  });
});

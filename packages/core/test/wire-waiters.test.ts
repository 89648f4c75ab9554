import { describe, expect, it } from '@jest/globals';
import {
  AbortError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
  WaiterFailureError,
  WaiterTimeoutError,
} from '../src/index.js';
import { omitUndefined, parseTimestamp, pollUntilGone, requireNonBlank } from '../src/service.js';

const notFound = () =>
  new NotFoundError('server "s" was not found', { status: 404, method: 'GET', url: 'x' });

/** A fetch that answers the given states in turn, then 404 once they run out. */
function states<T>(list: T[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fetch: async (): Promise<T> => {
      const next = list[calls++];
      if (next === undefined) throw notFound();
      return next;
    },
  };
}

describe('pollUntilGone', () => {
  it('polls until the fetch answers 404', async () => {
    const s = states(['SHUTDOWN', 'SHUTDOWN']);
    await expect(pollUntilGone({ description: 'x', fetch: s.fetch, minDelayMs: 1 })).resolves.toBeUndefined();
    expect(s.calls).toBe(3);
  });

  it('ends early when gone() says a returned resource counts as deleted', async () => {
    const s = states([{ status: 'ACTIVE' }, { status: 'DELETED' }, { status: 'DELETED' }]);
    await pollUntilGone({
      description: 'x',
      fetch: s.fetch,
      gone: (v) => v.status === 'DELETED',
      minDelayMs: 1,
    });
    expect(s.calls).toBe(2);
  });

  it('fails with WaiterFailureError carrying the resource when failure() names a problem', async () => {
    const s = states([{ status: 'DELETING' }, { status: 'ERROR' }]);
    const err = (await pollUntilGone({
      description: 'volume "v" to be deleted',
      fetch: s.fetch,
      failure: (v) => (v.status === 'ERROR' ? 'the volume is ERROR' : undefined),
      minDelayMs: 1,
    }).catch((e: unknown) => e)) as WaiterFailureError<{ status: string }>;
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.message).toBe('Waiting for volume "v" to be deleted failed: the volume is ERROR');
    expect(err.lastValue).toEqual({ status: 'ERROR' });
  });

  it('times out with the last resource, and passes other errors and aborts through', async () => {
    const timeout = (await pollUntilGone({
      description: 'x',
      fetch: async () => ({ status: 'ACTIVE' }),
      minDelayMs: 1,
      maxDelayMs: 2,
      timeoutMs: 20,
    }).catch((e: unknown) => e)) as WaiterTimeoutError<{ status: string }>;
    expect(timeout).toBeInstanceOf(WaiterTimeoutError);
    expect(timeout.lastValue).toEqual({ status: 'ACTIVE' });

    const unavailable = new ServiceUnavailableError('down', { status: 503, method: 'GET', url: 'x' });
    await expect(
      pollUntilGone({ description: 'x', fetch: () => Promise.reject(unavailable), minDelayMs: 1 }),
    ).rejects.toBe(unavailable);

    const controller = new AbortController();
    controller.abort();
    await expect(
      pollUntilGone({ description: 'x', fetch: async () => 'ACTIVE', signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
  });
});

describe('omitUndefined', () => {
  it('drops undefined entries only, without touching the input', () => {
    const input = { a: 'x', b: undefined, c: null, d: 0, e: false, f: '', g: { h: undefined } };
    expect(omitUndefined(input)).toEqual({ a: 'x', c: null, d: 0, e: false, f: '', g: { h: undefined } });
    expect(Object.keys(omitUndefined(input))).toEqual(['a', 'c', 'd', 'e', 'f', 'g']);
    expect('b' in input).toBe(true);
  });
});

describe('parseTimestamp', () => {
  it('reads a timestamp without a zone as UTC and keeps explicit zones', () => {
    expect(parseTimestamp('2014-10-30T12:30:00').toISOString()).toBe('2014-10-30T12:30:00.000Z');
    expect(parseTimestamp('2013-09-23T13:53:12.000000').toISOString()).toBe('2013-09-23T13:53:12.000Z');
    expect(parseTimestamp('2014-10-30T12:30:00Z').toISOString()).toBe('2014-10-30T12:30:00.000Z');
    expect(parseTimestamp('2014-10-30T12:30:00+02:00').toISOString()).toBe('2014-10-30T10:30:00.000Z');
    expect(parseTimestamp('2014-10-30T12:30:00-0500').toISOString()).toBe('2014-10-30T17:30:00.000Z');
    expect(Number.isNaN(parseTimestamp('soon').getTime())).toBe(true);
  });
});

describe('requireNonBlank', () => {
  it('accepts a name with text and names the field otherwise', () => {
    expect(requireNonBlank(' web ', 'name')).toBe(' web ');
    expect(() => requireNonBlank('   ', 'name')).toThrow(/^name must not be blank$/);
    expect(() => requireNonBlank('', 'name')).toThrow(/name must be a non-empty string/);
    expect(() => requireNonBlank(undefined, 'name')).toThrow(/missing/);
    const err = (() => {
      try {
        requireNonBlank('\t', 'description');
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('description');
  });
});

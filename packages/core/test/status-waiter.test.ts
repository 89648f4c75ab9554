import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError, WaiterFailureError, WaiterTimeoutError } from '../src/index.js';
import { pollForStatus, pollUntilGone } from '../src/service.js';

interface Thing {
  status: string;
  fault?: string;
}

/** A resource that walks through `states`, staying on the last one. */
function walker(states: Thing[]) {
  let i = 0;
  const fetch = async () => {
    const s = states[Math.min(i, states.length - 1)]!;
    i++;
    return s;
  };
  return { fetch, calls: () => i };
}

const base = { minDelayMs: 1, maxDelayMs: 2, resource: 'thing "t1"', statusOf: (t: Thing) => t.status };

describe('pollForStatus', () => {
  it('returns the resource once it reaches one of the statuses, reporting each poll', async () => {
    const w = walker([{ status: 'BUILD' }, { status: 'BUILD' }, { status: 'READY' }]);
    const seen: [string, number][] = [];
    const done = await pollForStatus({
      ...base,
      fetch: w.fetch,
      status: ['READY', 'DONE'],
      defaultFailOn: ['ERROR'],
      onPoll: (t, attempt) => seen.push([t.status, attempt]),
    });
    expect(done.status).toBe('READY');
    expect(seen).toEqual([
      ['BUILD', 1],
      ['BUILD', 2],
      ['READY', 3],
    ]);
  });

  it('fails at once on a failOn status with the detail and the resource as lastValue', async () => {
    const w = walker([{ status: 'BUILD' }, { status: 'ERROR', fault: 'no valid host' }, { status: 'READY' }]);
    const err = await pollForStatus({
      ...base,
      fetch: w.fetch,
      status: 'READY',
      defaultFailOn: ['ERROR'],
      failureDetail: (t) => t.fault,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect((err as WaiterFailureError<Thing>).message).toContain('thing "t1" is ERROR: no valid host');
    expect((err as WaiterFailureError<Thing>).lastValue).toEqual({ status: 'ERROR', fault: 'no valid host' });
    expect(w.calls()).toBe(2);
  });

  it('a status that is awaited is never a failure, even when failOn names it', async () => {
    const w = walker([{ status: 'ERROR' }]);
    const got = await pollForStatus({ ...base, fetch: w.fetch, status: 'ERROR', defaultFailOn: ['ERROR'] });
    expect(got.status).toBe('ERROR');
  });

  it('an explicit failOn replaces the default', async () => {
    const w = walker([{ status: 'SHUTOFF' }]);
    await expect(
      pollForStatus({
        ...base,
        fetch: w.fetch,
        status: 'ACTIVE',
        defaultFailOn: ['ERROR'],
        failOn: ['SHUTOFF'],
      }),
    ).rejects.toBeInstanceOf(WaiterFailureError);
  });

  it('times out with the last state', async () => {
    const w = walker([{ status: 'BUILD' }]);
    const err = await pollForStatus({
      ...base,
      timeoutMs: 20,
      fetch: w.fetch,
      status: 'READY',
      defaultFailOn: [],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    expect((err as WaiterTimeoutError<Thing>).lastValue).toEqual({ status: 'BUILD' });
  });

  it.each([
    ['missing', undefined],
    ['empty', []],
    ['blank', ''],
    ['unknown', 'SLEEPING'],
  ])('rejects a %s status before any request', async (_what, status) => {
    const w = walker([{ status: 'READY' }]);
    await expect(
      pollForStatus({
        ...base,
        fetch: w.fetch,
        status: status as unknown as string,
        defaultFailOn: [],
        knownStatuses: ['READY', 'BUILD', 'ERROR'],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(w.calls()).toBe(0);
  });

  it('rejects an unknown failOn status before any request', async () => {
    const w = walker([{ status: 'READY' }]);
    const err = await pollForStatus({
      ...base,
      fetch: w.fetch,
      status: 'READY',
      defaultFailOn: [],
      failOn: ['NOPE'],
      knownStatuses: ['READY', 'ERROR'],
    }).catch((e: unknown) => e);
    expect((err as ValidationError).field).toBe('failOn[0]');
    expect(w.calls()).toBe(0);
  });
});

describe('pollUntilGone progress', () => {
  it('reports the states seen while the resource still exists, not the final 404', async () => {
    const states = [{ status: 'DELETING' }, { status: 'DELETING' }];
    let i = 0;
    const seen: string[] = [];
    await pollUntilGone<Thing>({
      description: 'thing to be deleted',
      minDelayMs: 1,
      fetch: async () => {
        const s = states[i++];
        if (!s) throw new NotFoundError('gone', { status: 404, method: 'GET', url: 'http://x' });
        return s;
      },
      onPoll: (t) => seen.push(t.status),
    });
    expect(seen).toEqual(['DELETING', 'DELETING']);
  });
});

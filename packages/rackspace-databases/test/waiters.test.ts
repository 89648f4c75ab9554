import {
  AbortError,
  NotFoundError,
  ValidationError,
  WaiterFailureError,
  WaiterTimeoutError,
} from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { createFakeTrove, troveFault, troveInstance } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createDatabaseInstance,
  type DatabaseInstance,
  deleteDatabaseInstance,
  resizeDatabaseInstanceVolume,
  waitForDatabaseInstanceDeleted,
  waitForDatabaseInstanceStatus,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, rejectionOf } from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };
const ID = '44b277eb-39be-4921-be31-3d61b43651d7';

/** Serves the given statuses to successive GETs of instance ID (the last one repeats). */
function statuses(...seq: (string | 404)[]) {
  let n = 0;
  return http.get(`${DB_URL}/instances/${ID}`, () => {
    const s = seq[Math.min(n++, seq.length - 1)]!;
    return s === 404
      ? troveFault(404, 'itemNotFound', 'The resource could not be found.')
      : HttpResponse.json({
          instance: troveInstance(DB_URL, {
            status: s,
            ...(s === 'ERROR' ? { fault: { message: 'Volume attach failed' } } : {}),
          }),
        });
  });
}

describe('waitForDatabaseInstanceStatus', () => {
  it('polls through BUILD until ACTIVE on the stateful fake', async () => {
    const fake = createFakeTrove({ baseUrl: DB_URL, transitionPolls: 2 });
    cloud.use(...fake.handlers);
    const db = dbClient(cloud);
    const created = await createDatabaseInstance(db, { name: 'orders', flavorRef: '1', volumeSize: 2 });
    expect(created.status).toBe('BUILD');
    const ready = await waitForDatabaseInstanceStatus(db, created.id, 'ACTIVE', fast);
    expect(ready.status).toBe('ACTIVE');
    expect(ready.volume?.used).toBeGreaterThan(0);
    // POST, then GETs seeing BUILD twice, then ACTIVE
    expect(dbRequests(cloud).map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
  });

  it('treats RESIZE and REBOOT as transitional', async () => {
    cloud.use(statuses('RESIZE', 'REBOOT', 'ACTIVE'));
    const i = await waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', fast);
    expect(i.status).toBe('ACTIVE');
    expect(dbRequests(cloud)).toHaveLength(3);
  });

  it('waits out a volume resize on the fake', async () => {
    const fake = createFakeTrove({ baseUrl: DB_URL });
    cloud.use(...fake.handlers);
    const db = dbClient(cloud);
    const { id } = await createDatabaseInstance(db, { name: 'orders', flavorRef: '1', volumeSize: 2 });
    await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', fast);
    await resizeDatabaseInstanceVolume(db, id, 10);
    expect(fake.instances.get(id)?.wire.status).toBe('RESIZE');
    const done = await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', fast);
    expect(done.volume?.size).toBe(10);
  });

  it('fails fast on ERROR with WaiterFailureError carrying the instance and its fault', async () => {
    cloud.use(statuses('BUILD', 'ERROR', 'ACTIVE'));
    const err = await rejectionOf<WaiterFailureError<DatabaseInstance>>(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', fast),
    );
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.message).toContain(`database instance "${ID}" is ERROR: Volume attach failed`);
    expect(err.lastValue.status).toBe('ERROR');
    expect(dbRequests(cloud)).toHaveLength(2);
  });

  it('fails on a custom failOn status and can wait for ERROR itself', async () => {
    cloud.use(statuses('BUILD', 'SHUTDOWN'));
    await expect(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', { ...fast, failOn: ['SHUTDOWN'] }),
    ).rejects.toBeInstanceOf(WaiterFailureError);
    cloud.use(statuses('BUILD', 'ERROR'));
    expect((await waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ERROR', fast)).status).toBe('ERROR');
  });

  it('times out with WaiterTimeoutError holding the last status', async () => {
    cloud.use(statuses('BUILD'));
    const err = await rejectionOf<WaiterTimeoutError<DatabaseInstance>>(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', { ...fast, timeoutMs: 30 }),
    );
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    expect(err.lastValue?.status).toBe('BUILD');
    expect(err.message).toContain(`database instance "${ID}" to become ACTIVE`);
  });

  it('stops with AbortError when the signal fires', async () => {
    const controller = new AbortController();
    let polls = 0;
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}`, () => {
        if (++polls === 2) controller.abort();
        return HttpResponse.json({ instance: troveInstance(DB_URL, { status: 'BUILD' }) });
      }),
    );
    const err = await rejectionOf(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', { ...fast, signal: controller.signal }),
    );
    expect(err).toBeInstanceOf(AbortError);
    expect(polls).toBe(2);
  });

  it('throws NotFoundError when the instance does not exist', async () => {
    cloud.use(statuses(404));
    await expect(waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', fast)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('rejects unknown statuses before any request', async () => {
    const err = await rejectionOf<ValidationError>(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'READY' as never, fast),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('status');
    await expect(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', { ...fast, failOn: ['OOPS' as never] }),
    ).rejects.toThrow(/failOn\[0\]/);
    await expect(waitForDatabaseInstanceStatus(dbClient(cloud), '', 'ACTIVE', fast)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it('requires a status: none, an empty list or a blank one is rejected before any request', async () => {
    for (const status of [undefined, [], '', ['ACTIVE', 'NOPE']]) {
      const err = await rejectionOf<ValidationError>(
        waitForDatabaseInstanceStatus(dbClient(cloud), ID, status as never, fast),
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.field).toMatch(/^status/);
    }
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it('waits for one of several statuses', async () => {
    cloud.use(statuses('BUILD', 'SHUTDOWN'));
    const i = await waitForDatabaseInstanceStatus(dbClient(cloud), ID, ['ACTIVE', 'SHUTDOWN'], fast);
    expect(i.status).toBe('SHUTDOWN');
  });

  it('reports every poll to onPoll, in order, before deciding', async () => {
    cloud.use(statuses('BUILD', 'RESIZE', 'ACTIVE'));
    const seen: [string, number][] = [];
    await waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', {
      ...fast,
      onPoll: (i, attempt) => seen.push([i.status, attempt]),
    });
    expect(seen).toEqual([
      ['BUILD', 1],
      ['RESIZE', 2],
      ['ACTIVE', 3],
    ]);
    cloud.use(statuses('ERROR'));
    const failed: string[] = [];
    await expect(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', {
        ...fast,
        onPoll: (i) => failed.push(i.status),
      }),
    ).rejects.toBeInstanceOf(WaiterFailureError);
    expect(failed).toEqual(['ERROR']);
  });

  it('ends the wait with the error onPoll throws', async () => {
    cloud.use(statuses('BUILD'));
    await expect(
      waitForDatabaseInstanceStatus(dbClient(cloud), ID, 'ACTIVE', {
        ...fast,
        onPoll: () => {
          throw new Error('stop here');
        },
      }),
    ).rejects.toThrow('stop here');
    expect(dbRequests(cloud)).toHaveLength(1);
  });
});

describe('waitForDatabaseInstanceDeleted', () => {
  it('treats 404 as success after the fake shows SHUTDOWN', async () => {
    const fake = createFakeTrove({ baseUrl: DB_URL, transitionPolls: 0, deletePolls: 2 });
    cloud.use(...fake.handlers);
    const db = dbClient(cloud);
    const { id } = await createDatabaseInstance(db, { name: 'gone-soon', flavorRef: '1', volumeSize: 1 });
    await deleteDatabaseInstance(db, id);
    await expect(waitForDatabaseInstanceDeleted(db, id, fast)).resolves.toBeUndefined();
    expect(fake.instances.has(id)).toBe(false);
    // DELETE, then two GETs seeing SHUTDOWN, then the 404
    expect(dbRequests(cloud).map((r) => r.method)).toEqual(['POST', 'DELETE', 'GET', 'GET', 'GET']);
  });

  it('keeps waiting through ERROR by default but can fail on it', async () => {
    cloud.use(statuses('ERROR', 404));
    await expect(waitForDatabaseInstanceDeleted(dbClient(cloud), ID, fast)).resolves.toBeUndefined();
    cloud.use(statuses('ERROR', 404));
    await expect(
      waitForDatabaseInstanceDeleted(dbClient(cloud), ID, { ...fast, failOn: ['ERROR'] }),
    ).rejects.toBeInstanceOf(WaiterFailureError);
  });

  it('times out while the instance stays', async () => {
    cloud.use(statuses('SHUTDOWN'));
    await expect(
      waitForDatabaseInstanceDeleted(dbClient(cloud), ID, { ...fast, timeoutMs: 20 }),
    ).rejects.toBeInstanceOf(WaiterTimeoutError);
  });

  it('reports the instances still seen to onPoll, not the final 404', async () => {
    cloud.use(statuses('SHUTDOWN', 'SHUTDOWN', 404));
    const seen: [string, number][] = [];
    await waitForDatabaseInstanceDeleted(dbClient(cloud), ID, {
      ...fast,
      onPoll: (i, attempt) => seen.push([i.status, attempt]),
    });
    expect(seen).toEqual([
      ['SHUTDOWN', 1],
      ['SHUTDOWN', 2],
    ]);
  });

  it('rejects an unknown failOn status before any request', async () => {
    const err = await rejectionOf<ValidationError>(
      waitForDatabaseInstanceDeleted(dbClient(cloud), ID, { ...fast, failOn: ['GONE' as never] }),
    );
    expect(err.field).toBe('failOn[0]');
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it('passes other errors through', async () => {
    cloud.use(http.get(`${DB_URL}/instances/${ID}`, () => troveFault(500, 'instanceFault', 'boom')));
    await expect(waitForDatabaseInstanceDeleted(dbClient(cloud), ID, fast)).rejects.toThrow('boom');
  });
});

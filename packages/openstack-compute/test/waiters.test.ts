import {
  AbortError,
  NotFoundError,
  ValidationError,
  WaiterFailureError,
  WaiterTimeoutError,
} from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { serverFixture } from '@cloud/testing/compute';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { type Server, waitForServerDeleted, waitForServerStatus } from '../src/index.js';
import { BASE, computeOf, computeRequests, handleServerStatuses, SERVER_ID } from './fixtures/compute.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };

describe('waitForServerStatus', () => {
  it('polls until the server is ACTIVE and returns it', async () => {
    cloud.use(handleServerStatuses(['BUILD', 'BUILD', 'ACTIVE']));
    const s = await waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', fast);
    expect(s.status).toBe('ACTIVE');
    expect(s.id).toBe(SERVER_ID);
    expect(computeRequests(cloud).map((r) => r.url.pathname)).toEqual(
      Array(3).fill(`/v2.1/servers/${SERVER_ID}`),
    );
  });

  it('accepts one of several statuses', async () => {
    cloud.use(handleServerStatuses(['REBUILD', 'SHUTOFF']));
    const s = await waitForServerStatus(computeOf(cloud), SERVER_ID, ['ACTIVE', 'SHUTOFF'], fast);
    expect(s.status).toBe('SHUTOFF');
  });

  it('fails fast on ERROR with the fault message', async () => {
    cloud.use(
      handleServerStatuses([
        'BUILD',
        {
          status: 'ERROR',
          fault: { code: 500, message: 'No valid host was found. There are not enough hosts available.' },
        },
        'ACTIVE',
      ]),
    );
    const err = await waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', fast).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WaiterFailureError);
    const failure = err as WaiterFailureError<Server>;
    expect(failure.message).toBe(
      `Waiting for server "${SERVER_ID}" to become ACTIVE failed: server "${SERVER_ID}" is ERROR: No valid host was found. There are not enough hosts available.`,
    );
    expect(failure.lastValue.status).toBe('ERROR');
    expect(computeRequests(cloud)).toHaveLength(2);
  });

  it('fails on custom failOn statuses, and waiting for ERROR itself succeeds', async () => {
    cloud.use(handleServerStatuses(['RESIZE', 'SHUTOFF']));
    await expect(
      waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', { ...fast, failOn: ['ERROR', 'SHUTOFF'] }),
    ).rejects.toThrow(new RegExp(`server "${SERVER_ID}" is SHUTOFF$`));
    cloud.use(handleServerStatuses(['ERROR']));
    await expect(waitForServerStatus(computeOf(cloud), SERVER_ID, 'ERROR', fast)).resolves.toMatchObject({
      status: 'ERROR',
    });
  });

  it('times out with WaiterTimeoutError carrying the last server', async () => {
    cloud.use(handleServerStatuses(['BUILD']));
    const err = await waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', {
      ...fast,
      timeoutMs: 30,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaiterTimeoutError);
    expect((err as Error).message).toMatch(/Timed out after 30 ms waiting for server ".+" to become ACTIVE/);
    expect((err as WaiterTimeoutError<Server>).lastValue?.status).toBe('BUILD');
  });

  it('stops with AbortError when the signal fires', async () => {
    const controller = new AbortController();
    let polls = 0;
    cloud.use(
      http.get(`${BASE}/servers/${SERVER_ID}`, () => {
        polls += 1;
        if (polls === 2) controller.abort();
        return HttpResponse.json({ server: serverFixture({ id: SERVER_ID, status: 'BUILD' }) });
      }),
    );
    const err = await waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', {
      ...fast,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(polls).toBe(2);
  });

  it('propagates NotFoundError when the server vanishes', async () => {
    cloud.use(handleServerStatuses(['BUILD', 404]));
    await expect(waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', fast)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('rejects a bad id before polling', async () => {
    await expect(waitForServerStatus(computeOf(cloud), 'web', 'ACTIVE', fast)).rejects.toThrow(
      ValidationError,
    );
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('requires a status: none, an empty list or a blank one is rejected before any request', async () => {
    for (const status of [undefined, [], '', ['ACTIVE', '']]) {
      const err = await waitForServerStatus(computeOf(cloud), SERVER_ID, status as never, fast).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toMatch(/^status/);
    }
    const bad = await waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', {
      ...fast,
      failOn: [42 as never],
    }).catch((e: unknown) => e);
    expect((bad as ValidationError).field).toBe('failOn[0]');
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('reports every poll to onPoll, in order, before deciding', async () => {
    cloud.use(handleServerStatuses(['BUILD', 'BUILD', 'ACTIVE']));
    const seen: [string, number][] = [];
    await waitForServerStatus(computeOf(cloud), SERVER_ID, 'ACTIVE', {
      ...fast,
      onPoll: (s, attempt) => seen.push([s.status, attempt]),
    });
    expect(seen).toEqual([
      ['BUILD', 1],
      ['BUILD', 2],
      ['ACTIVE', 3],
    ]);
  });
});

describe('waitForServerDeleted', () => {
  it('treats a 404 as success', async () => {
    cloud.use(handleServerStatuses([{ status: 'ACTIVE', 'OS-EXT-STS:task_state': 'deleting' }, 404]));
    await expect(waitForServerDeleted(computeOf(cloud), SERVER_ID, fast)).resolves.toBeUndefined();
    expect(computeRequests(cloud)).toHaveLength(2);
  });

  it('treats the DELETED status as success', async () => {
    cloud.use(handleServerStatuses(['DELETED']));
    await expect(waitForServerDeleted(computeOf(cloud), SERVER_ID, fast)).resolves.toBeUndefined();
  });

  it('keeps waiting through ERROR by default (an ERROR server can still be deleted)', async () => {
    cloud.use(handleServerStatuses(['ERROR', 'ERROR', 404]));
    await waitForServerDeleted(computeOf(cloud), SERVER_ID, fast);
    expect(computeRequests(cloud)).toHaveLength(3);
  });

  it('fails on failOn statuses when asked', async () => {
    cloud.use(handleServerStatuses([{ status: 'ERROR', fault: { code: 500, message: 'delete failed' } }]));
    await expect(
      waitForServerDeleted(computeOf(cloud), SERVER_ID, { ...fast, failOn: ['ERROR'] }),
    ).rejects.toThrow(`to be deleted failed: server "${SERVER_ID}" is ERROR: delete failed`);
  });

  it('reports the servers still seen to onPoll, not the final 404', async () => {
    cloud.use(handleServerStatuses(['ACTIVE', 'ACTIVE', 404]));
    const seen: number[] = [];
    await waitForServerDeleted(computeOf(cloud), SERVER_ID, {
      ...fast,
      onPoll: (_s, attempt) => seen.push(attempt),
    });
    expect(seen).toEqual([1, 2]);
  });

  it('rejects a malformed failOn before any request', async () => {
    const err = await waitForServerDeleted(computeOf(cloud), SERVER_ID, {
      ...fast,
      failOn: 'ERROR' as never,
    }).catch((e: unknown) => e);
    expect((err as ValidationError).field).toBe('failOn');
    expect(computeRequests(cloud)).toHaveLength(0);
  });

  it('times out when the server stays', async () => {
    cloud.use(handleServerStatuses(['ACTIVE']));
    await expect(
      waitForServerDeleted(computeOf(cloud), SERVER_ID, { ...fast, timeoutMs: 20 }),
    ).rejects.toBeInstanceOf(WaiterTimeoutError);
  });

  it('stops with AbortError when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      waitForServerDeleted(computeOf(cloud), SERVER_ID, { ...fast, signal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(computeRequests(cloud)).toHaveLength(0);
  });
});

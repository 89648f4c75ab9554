import { NotFoundError, ValidationError, WaiterFailureError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  waitForRecordsetDeleted,
  waitForRecordsetStatus,
  waitForZoneDeleted,
  waitForZoneStatus,
  type Zone,
} from '../src/index.js';
import {
  dnsClient,
  dnsRequests,
  fault,
  RS_ID,
  recordsetWire,
  rejectionOf,
  V2,
  ZONE_ID,
  zoneWire,
} from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };

/** Serves the given [status, action] pairs to successive GETs (the last repeats); 404 for gone. */
function sequence(
  path: string,
  wire: (o: Record<string, unknown>) => Record<string, unknown>,
  seq: ([string, string] | 404)[],
) {
  let n = 0;
  return http.get(path, () => {
    const s = seq[Math.min(n++, seq.length - 1)]!;
    return s === 404
      ? HttpResponse.json(fault(404, 'zone_not_found', 'Could not find Zone'), { status: 404 })
      : HttpResponse.json(wire({ status: s[0], action: s[1] }));
  });
}

describe('waitForZoneStatus', () => {
  it('waits through PENDING, and for action NONE even when the status says ACTIVE', async () => {
    cloud.use(
      sequence(`${V2}/zones/${ZONE_ID}`, zoneWire, [
        ['PENDING', 'CREATE'],
        ['ACTIVE', 'UPDATE'],
        ['ACTIVE', 'NONE'],
      ]),
    );
    const seen: string[] = [];
    const z = await waitForZoneStatus(dnsClient(cloud), ZONE_ID, 'ACTIVE', {
      ...fast,
      onPoll: (zone: Zone) => seen.push(`${zone.status}/${zone.action}`),
    });
    expect(z.action).toBe('NONE');
    expect(seen).toEqual(['PENDING/CREATE', 'ACTIVE/UPDATE', 'ACTIVE/NONE']);
  });

  it('fails at once on ERROR, naming the failed action, with the zone as lastValue', async () => {
    cloud.use(
      sequence(`${V2}/zones/${ZONE_ID}`, zoneWire, [
        ['PENDING', 'CREATE'],
        ['ERROR', 'CREATE'],
      ]),
    );
    const err = await rejectionOf<WaiterFailureError<Zone>>(
      waitForZoneStatus(dnsClient(cloud), ZONE_ID, 'ACTIVE', fast),
    );
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.message).toContain('ERROR');
    expect(err.message).toContain('CREATE');
    expect(err.lastValue?.status).toBe('ERROR');
    expect(dnsRequests(cloud)).toHaveLength(2);
  });

  it('requires a status', async () => {
    await expect(waitForZoneStatus(dnsClient(cloud), ZONE_ID, [] as never, fast)).rejects.toThrow(
      ValidationError,
    );
    expect(dnsRequests(cloud)).toHaveLength(0);
  });

  it('raises NotFoundError when the zone disappears', async () => {
    cloud.use(sequence(`${V2}/zones/${ZONE_ID}`, zoneWire, [404]));
    await expect(waitForZoneStatus(dnsClient(cloud), ZONE_ID, 'ACTIVE', fast)).rejects.toThrow(NotFoundError);
  });
});

describe('waitForZoneDeleted', () => {
  it('treats the final 404 as success after the zone lingers', async () => {
    cloud.use(
      sequence(`${V2}/zones/${ZONE_ID}`, zoneWire, [['PENDING', 'DELETE'], ['PENDING', 'DELETE'], 404]),
    );
    await waitForZoneDeleted(dnsClient(cloud), ZONE_ID, fast);
    expect(dnsRequests(cloud)).toHaveLength(3);
  });

  it('fails when the deletion errors', async () => {
    cloud.use(sequence(`${V2}/zones/${ZONE_ID}`, zoneWire, [['ERROR', 'DELETE']]));
    const err = await rejectionOf(waitForZoneDeleted(dnsClient(cloud), ZONE_ID, fast));
    expect(err).toBeInstanceOf(WaiterFailureError);
    expect(err.message).toContain('DELETE');
  });
});

describe('recordset waiters', () => {
  const path = `${V2}/zones/${ZONE_ID}/recordsets/${RS_ID}`;
  it('waits for ACTIVE/NONE', async () => {
    cloud.use(
      sequence(path, recordsetWire, [
        ['PENDING', 'UPDATE'],
        ['ACTIVE', 'NONE'],
      ]),
    );
    expect((await waitForRecordsetStatus(dnsClient(cloud), ZONE_ID, RS_ID, 'ACTIVE', fast)).status).toBe(
      'ACTIVE',
    );
  });

  it('fails on ERROR and succeeds on 404 after delete', async () => {
    cloud.use(sequence(path, recordsetWire, [['ERROR', 'CREATE']]));
    await expect(waitForRecordsetStatus(dnsClient(cloud), ZONE_ID, RS_ID, 'ACTIVE', fast)).rejects.toThrow(
      WaiterFailureError,
    );
    cloud.use(sequence(path, recordsetWire, [['PENDING', 'DELETE'], 404]));
    await waitForRecordsetDeleted(dnsClient(cloud), ZONE_ID, RS_ID, fast);
  });
});

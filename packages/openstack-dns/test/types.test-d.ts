/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  createDnsClient,
  createRecordset,
  createZone,
  type DnsClient,
  listZones,
  type Recordset,
  waitForZoneStatus,
  type Zone,
} from '../src/index.js';

declare const session: Session;
const dns: DnsClient = createDnsClient(session, { allProjects: true });

export async function checks(): Promise<void> {
  const zones: PagedIterable<Zone> = listZones(dns, { status: 'ACTIVE', sortDir: 'asc' });
  void zones;
  // @ts-expect-error sortDir is asc or desc
  listZones(dns, { sortDir: 'up' });
  // @ts-expect-error name is required
  await createZone(dns, { email: 'a@example.org' });
  // @ts-expect-error zone type is PRIMARY or SECONDARY
  await createZone(dns, { name: 'a.org.', type: 'FORWARD' });
  const rs: Recordset = await createRecordset(dns, 'id', {
    name: 'a.org.',
    type: 'A',
    records: ['192.0.2.1'],
  });
  // @ts-expect-error records is a list of strings
  await createRecordset(dns, 'id', { name: 'a.org.', type: 'A', records: '192.0.2.1' });
  // @ts-expect-error a waiter always names the awaited status
  await waitForZoneStatus(dns, rs.zoneId);
  const z: Zone = await waitForZoneStatus(dns, rs.zoneId, ['ACTIVE'], { failOn: ['ERROR'], minDelayMs: 1 });
  void z.raw.id;
}

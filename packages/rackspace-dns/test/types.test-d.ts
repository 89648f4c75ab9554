/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  createDomain,
  createDomainRecords,
  createRackspaceDnsClient,
  type DnsDomain,
  type DnsDomainExport,
  type DnsDomainRecord,
  exportDomain,
  listDomains,
  waitForDnsJob,
} from '../src/index.js';

declare const session: Session;
const dns = createRackspaceDnsClient(session);

export async function checks(): Promise<void> {
  const domains: PagedIterable<DnsDomain> = listDomains(dns, { name: 'example.com' });
  void domains;
  // @ts-expect-error emailAddress is required
  await createDomain(dns, { name: 'example.com' });
  const created = await waitForDnsJob(
    dns,
    await createDomain(dns, { name: 'example.com', emailAddress: 'a@example.com' }),
  );
  const first: DnsDomain | undefined = created.response?.[0];
  void first;
  const records = await waitForDnsJob(
    dns,
    await createDomainRecords(dns, '1', [{ name: 'a.example.com', type: 'A', data: '192.0.2.1' }]),
  );
  const r: DnsDomainRecord[] | undefined = records.response;
  void r;
  const exported = await waitForDnsJob(dns, await exportDomain(dns, '1'));
  const text: DnsDomainExport | undefined = exported.response;
  void text;
  // @ts-expect-error records must be a list
  await createDomainRecords(dns, '1', { name: 'a.example.com', type: 'A', data: '192.0.2.1' });
}

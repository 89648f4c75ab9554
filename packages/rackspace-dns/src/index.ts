/**
 * `@cloud/rackspace-dns`: Rackspace Cloud DNS (API v1.0): domains with records and subdomains,
 * BIND 9 import and export, PTR records of Cloud Servers and Load Balancers, limits, and the
 * asynchronous jobs every write returns ({@link waitForDnsJob}).
 * @packageDocumentation
 */
export {
  createRackspaceDnsClient,
  type RackspaceDnsClient,
  type RackspaceDnsClientOptions,
} from './client.js';
export {
  type CreateDomainParams,
  createDomain,
  createDomains,
  deleteDomain,
  exportDomain,
  type GetDomainParams,
  getDomain,
  importDomain,
  type ListDomainsParams,
  listDomains,
  listSubdomains,
  type UpdateDomainParams,
  updateDomain,
} from './domains/domains.js';
export type { DnsDomain, DnsDomainExport } from './domains/types.js';
export { DnsJobError, type DnsJobFailedItem } from './errors.js';
export { RACKSPACE_DNS_MIN_TTL } from './internal/common.js';
export { getDnsJob, listDnsJobs, type WaitForDnsJobOptions, waitForDnsJob } from './jobs/jobs.js';
export type { DnsJob, DnsJobErrorWire, DnsJobStatus } from './jobs/types.js';
export { getRackspaceDnsLimits, type RackspaceDnsLimits } from './limits/limits.js';
export {
  createPtrRecords,
  deletePtrRecords,
  getPtrRecord,
  listPtrRecords,
  type PtrDevice,
  type PtrRecordInput,
  type PtrService,
  updatePtrRecords,
} from './ptr/ptr.js';
export {
  createDomainRecords,
  deleteDomainRecords,
  getDomainRecord,
  type ListDomainRecordsParams,
  listDomainRecords,
  type UpdateDomainRecordParams,
  updateDomainRecord,
} from './records/records.js';
export type { DnsDomainRecord, DnsRecordInput } from './records/types.js';

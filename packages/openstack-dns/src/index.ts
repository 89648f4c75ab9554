/**
 * `@cloud/openstack-dns`: OpenStack Designate (DNS API v2): zones, recordsets, exports and
 * imports, transfers, shares, reverse DNS of floating IPs, quotas, limits, TLDs and service
 * statuses. Every write is asynchronous in Designate: waiters poll until `ACTIVE` or gone.
 * @packageDocumentation
 */
export { createDnsClient, type DnsClient, type DnsClientOptions } from './client.js';
export {
  type DnsLinks,
  type DnsRequestOptions,
  type DnsSortParams,
  MAX_TTL as DNS_MAX_TTL,
} from './internal/common.js';
export { type DnsLimits, getDnsLimits } from './limits/limits.js';
export {
  type DnsQuotas,
  getDnsQuotas,
  resetDnsQuotas,
  type UpdateDnsQuotasParams,
  updateDnsQuotas,
} from './quotas/quotas.js';
export {
  type CaaRecordFields,
  caaRecordData,
  mxRecordData,
  type SrvRecordFields,
  srvRecordData,
  txtRecordData,
} from './recordsets/data.js';
export {
  type CreateRecordsetParams,
  createRecordset,
  deleteRecordset,
  getRecordset,
  type ListRecordsetsAcrossZonesParams,
  type ListRecordsetsParams,
  listRecordsets,
  listRecordsetsAcrossZones,
  type UpdateRecordsetParams,
  updateRecordset,
  type WaitForRecordsetStatusOptions,
  waitForRecordsetDeleted,
  waitForRecordsetStatus,
} from './recordsets/recordsets.js';
export { DNS_RECORD_TYPES, type DnsRecordType, type Recordset } from './recordsets/types.js';
export {
  getFloatingIpPtr,
  listFloatingIpPtrs,
  type SetFloatingIpPtrParams,
  setFloatingIpPtr,
  unsetFloatingIpPtr,
  type WaitForFloatingIpPtrStatusOptions,
  waitForFloatingIpPtrStatus,
} from './reverse/reverse.js';
export type { FloatingIpPtr } from './reverse/types.js';
export {
  type DnsServiceStatus,
  getDnsServiceStatus,
  listDnsServiceStatuses,
} from './service-statuses/service-statuses.js';
export {
  type CreateTldParams,
  createTld,
  deleteTld,
  getTld,
  listTlds,
  type Tld,
  updateTld,
} from './tlds/tlds.js';
export {
  createZoneExport,
  createZoneImport,
  deleteZoneExport,
  deleteZoneImport,
  downloadZoneExport,
  getZoneExport,
  getZoneImport,
  listZoneExports,
  listZoneImports,
  type WaitForZoneTaskStatusOptions,
  waitForZoneExportStatus,
  waitForZoneImportStatus,
} from './zones/exchange.js';
export {
  getZoneShare,
  listZoneShares,
  type ShareZoneParams,
  shareZone,
  unshareZone,
} from './zones/shares.js';
export {
  type AcceptZoneTransferParams,
  acceptZoneTransfer,
  type CreateZoneTransferRequestParams,
  createZoneTransferRequest,
  deleteZoneTransferRequest,
  getZoneTransferAccept,
  getZoneTransferRequest,
  listZoneTransferAccepts,
  listZoneTransferRequests,
  updateZoneTransferRequest,
} from './zones/transfers.js';
export type {
  DnsAction,
  DnsStatus,
  KnownDnsStatus,
  Zone,
  ZoneExport,
  ZoneImport,
  ZoneNameserver,
  ZoneShare,
  ZoneTaskStatus,
  ZoneTransferAccept,
  ZoneTransferRequest,
  ZoneType,
} from './zones/types.js';
export {
  type WaitForZoneDeletedOptions,
  type WaitForZoneStatusOptions,
  waitForZoneDeleted,
  waitForZoneStatus,
} from './zones/waiters.js';
export {
  abandonZone,
  type CreateZoneParams,
  createZone,
  deleteZone,
  getZone,
  type ListZonesParams,
  listZoneNameservers,
  listZones,
  type UpdateZoneParams,
  updateZone,
} from './zones/zones.js';

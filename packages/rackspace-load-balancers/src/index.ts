/**
 * `@cloud/rackspace-load-balancers`: Rackspace Cloud Load Balancers (API v1.0): load balancers
 * with nodes and virtual IPs, health monitors, session persistence, connection logging and
 * throttling, access lists, SSL termination and certificate mappings, content caching, error
 * pages, metadata, usage, statistics and limits. Every write puts a load balancer in
 * `PENDING_UPDATE`: wait with {@link waitForClbLoadBalancerStatus}, or let writes refused as
 * "immutable" be sent again (`immutableRetry`).
 * @packageDocumentation
 */
export {
  addClbAccessListItems,
  deleteClbAccessList,
  deleteClbAccessListItems,
  getClbAccessList,
} from './access-list/access-list.js';
export {
  CLB_ACCESS_TYPES,
  type ClbAccessType,
  type ClbNetworkItem,
  type ClbNetworkItemInput,
} from './access-list/types.js';
export {
  createRackspaceLoadBalancersClient,
  type RackspaceLoadBalancersClient,
  type RackspaceLoadBalancersClientOptions,
} from './client.js';
export {
  deleteClbHealthMonitor,
  getClbHealthMonitor,
  setClbHealthMonitor,
} from './health-monitor/health-monitor.js';
export {
  CLB_HEALTH_MONITOR_TYPES,
  type ClbHealthMonitor,
  type ClbHealthMonitorInput,
  type ClbHealthMonitorType,
} from './health-monitor/types.js';
export {
  CLB_ALGORITHMS,
  CLB_DEFAULT_LIMITS,
  CLB_PROTOCOLS,
  type ClbAlgorithm,
  type ClbProtocol,
} from './internal/common.js';
export {
  type ClbImmutableRetryOptions,
  type ClbWriteOptions,
  isClbImmutableError,
} from './internal/write.js';
export {
  type ClbProtocolInfo,
  type ClbRateLimit,
  type ClbSourceAddressSet,
  getClbAbsoluteLimits,
  getClbClusterSourceAddresses,
  getClbRateLimits,
  getClbRegionalSourceAddresses,
  listClbAlgorithms,
  listClbAllowedDomains,
  listClbProtocols,
} from './limits/limits.js';
export {
  type CreateClbLoadBalancerParams,
  createClbLoadBalancer,
  deleteClbLoadBalancer,
  deleteClbLoadBalancers,
  getClbLoadBalancer,
  type ListClbBillableLoadBalancersParams,
  type ListClbLoadBalancersParams,
  listClbBillableLoadBalancers,
  listClbLoadBalancers,
  type UpdateClbLoadBalancerParams,
  updateClbLoadBalancer,
  waitForClbLoadBalancerDeleted,
  waitForClbLoadBalancerStatus,
} from './load-balancers/load-balancers.js';
export {
  CLB_LOAD_BALANCER_STATUSES,
  type ClbLoadBalancer,
  type ClbLoadBalancerStatus,
  type ClbSourceAddresses,
} from './load-balancers/types.js';
export {
  deleteClbLoadBalancerMetadata,
  deleteClbNodeMetadata,
  getClbLoadBalancerMetadata,
  getClbNodeMetadata,
  listClbLoadBalancerMetadataItems,
  listClbNodeMetadataItems,
  replaceClbLoadBalancerMetadata,
  replaceClbNodeMetadata,
  setClbLoadBalancerMetadata,
  setClbNodeMetadata,
} from './metadata/metadata.js';
export type { ClbMetadataItem } from './metadata/types.js';
export {
  addClbNodes,
  getClbNode,
  listClbNodeServiceEvents,
  listClbNodes,
  removeClbNode,
  removeClbNodes,
  type UpdateClbNodeParams,
  updateClbNode,
  updateClbNodes,
} from './nodes/nodes.js';
export {
  CLB_NODE_CONDITIONS,
  CLB_NODE_TYPES,
  type ClbNode,
  type ClbNodeCondition,
  type ClbNodeInput,
  type ClbNodeServiceEvent,
  type ClbNodeType,
} from './nodes/types.js';
export {
  CLB_ERROR_PAGE_MAX_LENGTH,
  deleteClbConnectionThrottle,
  deleteClbErrorPage,
  disableClbSessionPersistence,
  enableClbSessionPersistence,
  getClbConnectionLogging,
  getClbConnectionThrottle,
  getClbContentCaching,
  getClbErrorPage,
  getClbSessionPersistence,
  setClbConnectionLogging,
  setClbConnectionThrottle,
  setClbContentCaching,
  setClbErrorPage,
} from './settings/settings.js';
export {
  CLB_PERSISTENCE_TYPES,
  type ClbConnectionThrottle,
  type ClbConnectionThrottleInput,
  type ClbPersistenceType,
} from './settings/types.js';
export {
  type AddClbCertificateMappingParams,
  addClbCertificateMapping,
  deleteClbCertificateMapping,
  deleteClbSslTermination,
  getClbCertificateMapping,
  getClbSslTermination,
  listClbCertificateMappings,
  listClbCiphers,
  type UpdateClbSslTerminationParams,
  updateClbCertificateMapping,
  updateClbSslTermination,
} from './ssl-termination/ssl-termination.js';
export {
  CLB_SECURITY_PROTOCOLS,
  type ClbCertificateMapping,
  type ClbSecurityProtocolName,
  type ClbSslTermination,
} from './ssl-termination/types.js';
export {
  type ClbAccountUsage,
  type ClbLoadBalancerStats,
  type ClbUsageRecord,
  type ClbUsageWindow,
  getClbAccountUsage,
  getClbCurrentUsage,
  getClbLoadBalancerStats,
  getClbUsage,
} from './usage/usage.js';
export {
  CLB_IP_VERSIONS,
  CLB_VIRTUAL_IP_TYPES,
  type ClbIpVersion,
  type ClbVirtualIp,
  type ClbVirtualIpInput,
  type ClbVirtualIpType,
} from './virtual-ips/types.js';
export { addClbIpv6VirtualIp, listClbVirtualIps, removeClbVirtualIps } from './virtual-ips/virtual-ips.js';

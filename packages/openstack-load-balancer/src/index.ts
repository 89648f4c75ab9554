/**
 * `@cloud/openstack-load-balancer`: OpenStack Octavia (load-balancer API v2): load balancers,
 * listeners, pools, members (with the batch update), health monitors, L7 policies and rules,
 * quotas, providers, flavors, availability zones and amphorae. Every write is asynchronous: the
 * load balancer goes `PENDING_*` and refuses other writes (409) until it is `ACTIVE` again; wait
 * with {@link waitForLoadBalancerStatus} or let the client retry (`retryImmutable`).
 * @packageDocumentation
 */
export {
  type Amphora,
  type AmphoraStats,
  getAmphora,
  getAmphoraStats,
  type ListAmphoraeParams,
  listAmphorae,
} from './amphorae/amphorae.js';
export {
  getLoadBalancerAvailabilityZone,
  getLoadBalancerAvailabilityZoneProfile,
  type LoadBalancerAvailabilityZone,
  type LoadBalancerAvailabilityZoneProfile,
  listLoadBalancerAvailabilityZoneProfiles,
  listLoadBalancerAvailabilityZones,
} from './availability-zones/availability-zones.js';
export {
  createLoadBalancerClient,
  type LoadBalancerClient,
  type LoadBalancerClientOptions,
} from './client.js';
export {
  getLoadBalancerFlavor,
  getLoadBalancerFlavorProfile,
  type ListLoadBalancerFlavorsParams,
  type LoadBalancerFlavor,
  type LoadBalancerFlavorProfile,
  listLoadBalancerFlavorProfiles,
  listLoadBalancerFlavors,
} from './flavors/flavors.js';
export {
  type CreateHealthMonitorParams,
  createHealthMonitor,
  deleteHealthMonitor,
  getHealthMonitor,
  type HealthMonitorParams,
  type ListHealthMonitorsParams,
  listHealthMonitors,
  type UpdateHealthMonitorParams,
  updateHealthMonitor,
  waitForHealthMonitorDeleted,
  waitForHealthMonitorStatus,
} from './health-monitors/health-monitors.js';
export {
  HEALTH_MONITOR_HTTP_METHODS,
  HEALTH_MONITOR_TYPES,
  type HealthMonitor,
  type HealthMonitorType,
} from './health-monitors/types.js';
export {
  type LoadBalancerDeletionWaiterOptions,
  type LoadBalancerListParams,
  type LoadBalancerRequestOptions,
  type LoadBalancerSort,
  type LoadBalancingObject,
  type OperatingStatus,
  PROVISIONING_STATUSES,
  type ProvisioningStatus,
  type ProvisioningWaiterOptions,
} from './internal/common.js';
export { type ImmutableRetryOptions, isImmutableConflict } from './internal/retry.js';
export {
  type CreateL7PolicyParams,
  createL7Policy,
  deleteL7Policy,
  getL7Policy,
  type L7PolicyParams,
  type ListL7PoliciesParams,
  listL7Policies,
  type UpdateL7PolicyParams,
  updateL7Policy,
  waitForL7PolicyDeleted,
  waitForL7PolicyStatus,
} from './l7-policies/l7-policies.js';
export {
  type CreateL7RuleParams,
  createL7Rule,
  deleteL7Rule,
  getL7Rule,
  type L7RuleParams,
  type ListL7RulesParams,
  listL7Rules,
  type UpdateL7RuleParams,
  updateL7Rule,
  waitForL7RuleStatus,
} from './l7-policies/l7-rules.js';
export {
  L7_COMPARE_TYPES,
  L7_POLICY_ACTIONS,
  L7_RULE_TYPES,
  type L7Policy,
  type L7PolicyAction,
  type L7Rule,
  type L7RuleCompareType,
  type L7RuleType,
} from './l7-policies/types.js';
export {
  type CreateListenerParams,
  createListener,
  deleteListener,
  getListener,
  getListenerStats,
  type ListenerParams,
  type ListListenersParams,
  listListeners,
  type UpdateListenerParams,
  updateListener,
  waitForListenerDeleted,
  waitForListenerStatus,
} from './listeners/listeners.js';
export {
  LISTENER_PROTOCOLS,
  type Listener,
  type ListenerProtocol,
  type LoadBalancerTlsVersion,
  TLS_VERSIONS as LOAD_BALANCER_TLS_VERSIONS,
} from './listeners/types.js';
export {
  type CreateLoadBalancerParams,
  createLoadBalancer,
  type DeleteLoadBalancerOptions,
  deleteLoadBalancer,
  failoverLoadBalancer,
  getLoadBalancer,
  getLoadBalancerStats,
  getLoadBalancerStatusTree,
  type ListLoadBalancersParams,
  listLoadBalancers,
  type UpdateLoadBalancerParams,
  updateLoadBalancer,
  waitForLoadBalancerDeleted,
  waitForLoadBalancerStatus,
} from './load-balancers/load-balancers.js';
export type {
  LoadBalancer,
  LoadBalancerAdditionalVip,
  LoadBalancerStats,
  LoadBalancerStatusL7Policy,
  LoadBalancerStatusListener,
  LoadBalancerStatusMember,
  LoadBalancerStatusNode,
  LoadBalancerStatusPool,
  LoadBalancerStatusTree,
} from './load-balancers/types.js';
export {
  type CreateMemberParams,
  createMember,
  deleteMember,
  getMember,
  type ListMembersParams,
  listMembers,
  type MemberParams,
  type ReplacePoolMembersOptions,
  replacePoolMembers,
  type UpdateMemberParams,
  updateMember,
  waitForMemberDeleted,
  waitForMemberStatus,
} from './members/members.js';
export type { Member } from './members/types.js';
export {
  type CreatePoolParams,
  createPool,
  deletePool,
  getPool,
  type ListPoolsParams,
  listPools,
  type PoolParams,
  type UpdatePoolParams,
  updatePool,
  waitForPoolDeleted,
  waitForPoolStatus,
} from './pools/pools.js';
export {
  LB_ALGORITHMS,
  type LoadBalancerAlgorithm,
  POOL_PROTOCOLS,
  type Pool,
  type PoolProtocol,
  SESSION_PERSISTENCE_TYPES,
  type SessionPersistence,
} from './pools/types.js';
export {
  type LoadBalancerProvider,
  listLoadBalancerProviders,
  listProviderAvailabilityZoneCapabilities,
  listProviderFlavorCapabilities,
} from './providers/providers.js';
export {
  getLoadBalancerDefaultQuotas,
  getLoadBalancerQuotas,
  type LoadBalancerQuotas,
  listLoadBalancerQuotas,
  resetLoadBalancerQuotas,
  type UpdateLoadBalancerQuotasParams,
  updateLoadBalancerQuotas,
} from './quotas/quotas.js';

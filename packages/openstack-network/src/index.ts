/**
 * OpenStack Networking (Neutron, API v2.0): networks, subnets, subnet pools, ports, routers,
 * floating IPs and port forwardings, security groups and rules, tags, quotas, availability
 * zones, extensions and IP availability.
 * @packageDocumentation
 */

export {
  type ListNetworkAvailabilityZonesParams,
  listNetworkAvailabilityZones,
  type NetworkAvailabilityZone,
} from './availability-zones/availability-zones.js';
export { createNetworkClient, type NetworkClient, type NetworkClientOptions } from './client.js';
export type {
  NetworkDeletionWaiterOptions,
  NetworkListParams,
  NetworkRevisionGuard,
  NetworkSort,
  NetworkStandardAttributes,
  OneOrMany,
} from './common.js';
export { NetworkRevisionConflictError, ServerPortError, type ServerPortProblem } from './errors.js';
export {
  getNetworkExtension,
  hasNetworkExtension,
  listNetworkExtensions,
  type NetworkExtension,
} from './extensions/extensions.js';
export {
  associateNetworkFloatingIp,
  type CreateNetworkFloatingIpParams,
  createNetworkFloatingIp,
  deleteNetworkFloatingIp,
  disassociateNetworkFloatingIp,
  getNetworkFloatingIp,
  type ListNetworkFloatingIpsParams,
  listNetworkFloatingIps,
  type UpdateNetworkFloatingIpParams,
  updateNetworkFloatingIp,
  waitForNetworkFloatingIpDeleted,
  waitForNetworkFloatingIpStatus,
} from './floating-ips/floating-ips.js';
export {
  type CreateFloatingIpPortForwardingParams,
  createFloatingIpPortForwarding,
  deleteFloatingIpPortForwarding,
  type FloatingIpPortForwardingParams,
  getFloatingIpPortForwarding,
  type ListFloatingIpPortForwardingsParams,
  listFloatingIpPortForwardings,
  updateFloatingIpPortForwarding,
} from './floating-ips/port-forwardings.js';
export {
  type AssignServerFloatingIpParams,
  assignServerFloatingIp,
  type ReleaseServerFloatingIpsParams,
  releaseServerFloatingIps,
  type ServerFloatingIpWaitOptions,
} from './floating-ips/server-floating-ips.js';
export type {
  FloatingIpPortForwarding,
  NetworkFloatingIp,
  NetworkFloatingIpStatus,
} from './floating-ips/types.js';
export {
  getNetworkIpAvailability,
  type ListNetworkIpAvailabilitiesParams,
  listNetworkIpAvailabilities,
  type NetworkIpAvailability,
  type SubnetIpAvailability,
} from './ip-availability/ip-availability.js';
export {
  type CreateNetworkParams,
  createNetwork,
  createNetworks,
  deleteNetwork,
  getNetwork,
  type ListNetworksParams,
  listNetworks,
  type NetworkParams,
  type UpdateNetworkParams,
  updateNetwork,
  waitForNetworkDeleted,
} from './networks/networks.js';
export type { Network, NetworkSegment, NetworkStatus } from './networks/types.js';
export {
  type CreatePortParams,
  createPort,
  createPorts,
  deletePort,
  getPort,
  type ListPortsParams,
  listPorts,
  type PortFixedIpRequest,
  type PortParams,
  type UpdatePortParams,
  updatePort,
  waitForPortDeleted,
  waitForPortStatus,
} from './ports/ports.js';
export { type ListServerPortsParams, listServerPorts } from './ports/server-ports.js';
export type { AllowedAddressPair, Port, PortFixedIp, PortStatus, PortVnicType } from './ports/types.js';
export { getNetworkQuotas, getNetworkQuotaUsage } from './quotas/quotas.js';
export type { NetworkQuotas, NetworkQuotaUsage } from './quotas/types.js';
export {
  addRouterInterface,
  addRouterRoutes,
  type CreateRouterParams,
  createRouter,
  deleteRouter,
  getRouter,
  type ListRoutersParams,
  listRouters,
  type RouterGatewayParams,
  type RouterInterfaceParams,
  type RouterParams,
  removeRouterInterface,
  removeRouterRoutes,
  type UpdateRouterParams,
  updateRouter,
  waitForRouterDeleted,
  waitForRouterStatus,
} from './routers/routers.js';
export type { Router, RouterExternalGateway, RouterInterface, RouterStatus } from './routers/types.js';
export {
  type CreateNetworkSecurityGroupRuleParams,
  createNetworkSecurityGroupRule,
  createNetworkSecurityGroupRules,
  deleteNetworkSecurityGroupRule,
  getNetworkSecurityGroupRule,
  type ListNetworkSecurityGroupRulesParams,
  listNetworkSecurityGroupRules,
  NETWORK_SECURITY_GROUP_RULE_PROTOCOLS,
  type NetworkSecurityGroupRuleProtocol,
} from './security-groups/rules.js';
export {
  type CreateNetworkSecurityGroupParams,
  createNetworkSecurityGroup,
  deleteNetworkSecurityGroup,
  getNetworkSecurityGroup,
  type ListNetworkSecurityGroupsParams,
  listNetworkSecurityGroups,
  type UpdateNetworkSecurityGroupParams,
  updateNetworkSecurityGroup,
} from './security-groups/security-groups.js';
export type {
  NetworkSecurityGroup,
  NetworkSecurityGroupRule,
  NetworkSecurityGroupRuleDirection,
} from './security-groups/types.js';
export {
  type CreateSubnetPoolParams,
  createSubnetPool,
  deleteSubnetPool,
  getSubnetPool,
  type ListSubnetPoolsParams,
  listSubnetPools,
  type SubnetPoolParams,
  type UpdateSubnetPoolParams,
  updateSubnetPool,
} from './subnet-pools/subnet-pools.js';
export type { SubnetPool } from './subnet-pools/types.js';
export {
  type CreateSubnetParams,
  createSubnet,
  deleteSubnet,
  getSubnet,
  type ListSubnetsParams,
  listSubnets,
  type SubnetParams,
  type UpdateSubnetParams,
  updateSubnet,
} from './subnets/subnets.js';
export type { AllocationPool, HostRoute, Ipv6Mode, Subnet } from './subnets/types.js';
export {
  addNetworkingTag,
  clearNetworkingTags,
  getNetworkingTags,
  NETWORKING_TAGGABLE,
  type NetworkingTaggable,
  removeNetworkingTag,
  replaceNetworkingTags,
  setNetworkingTags,
} from './tags/tags.js';

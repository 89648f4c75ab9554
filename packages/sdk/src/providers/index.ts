/**
 * `@cloud/sdk/providers`: one interface for servers, storage and databases whichever the cloud,
 * in the spirit of pkgcloud but with promises. `providers.openstack` and `providers.rackspace`
 * offer the same three factories; their clients have the same methods and return the same models.
 *
 * `providers.<cloud>.<service>` brings every service's code into a bundle; import the flat
 * factories (`rackspaceStorage`, `openstackCompute`...) to bundle only the services you use.
 * @example
 * ```ts
 * import { providers } from '@cloud/sdk/providers';
 *
 * const compute = process.env.RACKSPACE_API_KEY
 *   ? providers.rackspace.compute({ username: process.env.RACKSPACE_USERNAME, apiKey: process.env.RACKSPACE_API_KEY })
 *   : providers.openstack.compute({ authUrl: process.env.OS_AUTH_URL, username: process.env.OS_USERNAME,
 *       password: process.env.OS_PASSWORD, projectName: process.env.OS_PROJECT_NAME });
 * const server = await compute.createServer({ name: 'web-1', flavor: flavorId, image: imageId });
 * ```
 * @packageDocumentation
 */
import type { ProviderBlockStorageClient } from './block-storage.js';
import type { ProviderComputeClient } from './compute.js';
import type { ProviderDatabasesClient } from './databases.js';
import type { ProviderDnsClient } from './dns.js';
import type { ProviderLoadBalancersClient } from './load-balancers.js';
import type { ProviderNetworkClient } from './network.js';
import {
  openstackBlockStorage,
  openstackCompute,
  openstackDatabases,
  openstackDns,
  openstackLoadBalancers,
  openstackNetwork,
  openstackStorage,
} from './openstack.js';
import type { OpenStackProviderOptions, ProviderName, RackspaceProviderOptions } from './options.js';
import {
  rackspaceBlockStorage,
  rackspaceCompute,
  rackspaceDatabases,
  rackspaceDns,
  rackspaceLoadBalancers,
  rackspaceNetwork,
  rackspaceStorage,
} from './rackspace.js';
import type { ProviderStorageClient } from './storage.js';

export type {
  ProviderBlockStorageClient,
  ProviderCreateSnapshotParams,
  ProviderCreateVolumeParams,
  ProviderVolumeWaitOptions,
} from './block-storage.js';
export type {
  ProviderSnapshot,
  ProviderSnapshotStatus,
  ProviderVolume,
  ProviderVolumeStatus,
  ProviderVolumeType,
} from './block-storage-models.js';
export type {
  ProviderComputeClient,
  ProviderCreateServerParams,
  ProviderRef,
  ProviderWaitOptions,
} from './compute.js';
export type {
  ProviderCreateInstanceParams,
  ProviderCreateUserParams,
  ProviderDatabasesClient,
  ProviderDatastore,
  ProviderInstanceRef,
} from './databases.js';
export type {
  ProviderCreateRecordParams,
  ProviderCreateZoneParams,
  ProviderDnsClient,
  ProviderDnsRecordRef,
  ProviderDnsRequestOptions,
  ProviderDnsZoneRef,
  ProviderRecordFilter,
  ProviderUpdateRecordParams,
  ProviderUpdateZoneParams,
} from './dns.js';
export type {
  DnsCapabilitiesOf,
  OpenStackDnsCapabilities,
  ProviderDnsCapabilities,
  ProviderDnsRecord,
  ProviderDnsRecordType,
  ProviderDnsStatus,
  ProviderDnsZone,
  RackspaceDnsCapabilities,
} from './dns-models.js';
export type {
  ProviderCreateLoadBalancerParams,
  ProviderHealthCheckParams,
  ProviderLoadBalancerNodeParams,
  ProviderLoadBalancerNodeRef,
  ProviderLoadBalancerRef,
  ProviderLoadBalancerRequestOptions,
  ProviderLoadBalancersClient,
  ProviderUpdateLoadBalancerParams,
  ProviderUpdateNodeParams,
} from './load-balancers.js';
export type {
  LoadBalancerCapabilitiesOf,
  OpenStackLoadBalancerCapabilities,
  ProviderHealthCheck,
  ProviderHealthCheckType,
  ProviderLoadBalancer,
  ProviderLoadBalancerAlgorithm,
  ProviderLoadBalancerCapabilities,
  ProviderLoadBalancerNode,
  ProviderLoadBalancerProtocol,
  ProviderLoadBalancerStatus,
  ProviderNodeCondition,
  RackspaceLoadBalancerCapabilities,
} from './load-balancers-models.js';
export type {
  ProviderContainer,
  ProviderDatabase,
  ProviderDatabaseFlavor,
  ProviderDatabaseInstance,
  ProviderDatabaseUser,
  ProviderFile,
  ProviderFlavor,
  ProviderImage,
  ProviderServer,
  ProviderServerStatus,
} from './models.js';
export type {
  ProviderCreateNetworkParams,
  ProviderCreatePortParams,
  ProviderCreateSecurityGroupParams,
  ProviderCreateSecurityGroupRuleParams,
  ProviderCreateSubnetParams,
  ProviderFixedIpRequest,
  ProviderFloatingIpOperations,
  ProviderNetworkClient,
  ProviderPortFilter,
  ProviderUpdateNetworkParams,
  ProviderUpdatePortParams,
  ProviderUpdateSubnetParams,
} from './network.js';
export type {
  NetworkCapabilitiesOf,
  OpenStackNetworkCapabilities,
  ProviderAllocationPool,
  ProviderFixedIp,
  ProviderFloatingIp,
  ProviderHostRoute,
  ProviderNetwork,
  ProviderNetworkCapabilities,
  ProviderNetworkStatus,
  ProviderPort,
  ProviderRuleDirection,
  ProviderSecurityGroup,
  ProviderSecurityGroupRule,
  ProviderSubnet,
  RackspaceNetworkCapabilities,
} from './network-models.js';
export type {
  OpenStackProviderOptions,
  ProviderConnectionOptions,
  ProviderName,
  RackspaceProviderOptions,
} from './options.js';
export type { ProviderIdRef } from './refs.js';
export type {
  ProviderContainerRef,
  ProviderCopyParams,
  ProviderDownload,
  ProviderDownloadParams,
  ProviderFileRef,
  ProviderStorageCapabilities,
  ProviderStorageClient,
  ProviderTemporaryUrlParams,
  ProviderUploadParams,
} from './storage.js';
export {
  openstackBlockStorage,
  openstackCompute,
  openstackDatabases,
  openstackDns,
  openstackLoadBalancers,
  openstackNetwork,
  openstackStorage,
  rackspaceBlockStorage,
  rackspaceCompute,
  rackspaceDatabases,
  rackspaceDns,
  rackspaceLoadBalancers,
  rackspaceNetwork,
  rackspaceStorage,
};

/**
 * The factories of one cloud. `P` narrows what depends on the provider (e.g. the network
 * client's typed capabilities).
 * @example
 * ```ts
 * const cloud: ProviderFactories<RackspaceProviderOptions> = providers.rackspace;
 * const compute = cloud.compute({ username: 'me', apiKey });
 * ```
 */
export interface ProviderFactories<O, P extends ProviderName = ProviderName> {
  compute(options: O): ProviderComputeClient;
  storage(options: O): ProviderStorageClient;
  databases(options: O): ProviderDatabasesClient;
  network(options: O): ProviderNetworkClient<P>;
  blockStorage(options: O): ProviderBlockStorageClient;
  dns(options: O): ProviderDnsClient<P>;
  loadBalancers(options: O): ProviderLoadBalancersClient<P>;
}

/**
 * The clouds, by name: `providers.openstack` and `providers.rackspace`, each with the same
 * factories (`compute`, `storage`, `databases`, `network`, `blockStorage`, `dns`, `loadBalancers`).
 * @example
 * ```ts
 * const storage = providers.rackspace.storage({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'IAD' });
 * await storage.createContainer('photos');
 * ```
 */
export const providers: {
  readonly openstack: ProviderFactories<OpenStackProviderOptions, 'openstack'>;
  readonly rackspace: ProviderFactories<RackspaceProviderOptions, 'rackspace'>;
} = {
  openstack: {
    compute: openstackCompute,
    storage: openstackStorage,
    databases: openstackDatabases,
    network: openstackNetwork,
    blockStorage: openstackBlockStorage,
    dns: openstackDns,
    loadBalancers: openstackLoadBalancers,
  },
  rackspace: {
    compute: rackspaceCompute,
    storage: rackspaceStorage,
    databases: rackspaceDatabases,
    network: rackspaceNetwork,
    blockStorage: rackspaceBlockStorage,
    dns: rackspaceDns,
    loadBalancers: rackspaceLoadBalancers,
  },
};

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
import type { ProviderComputeClient } from './compute.js';
import type { ProviderDatabasesClient } from './databases.js';
import { openstackCompute, openstackDatabases, openstackStorage } from './openstack.js';
import type { OpenStackProviderOptions, RackspaceProviderOptions } from './options.js';
import { rackspaceCompute, rackspaceDatabases, rackspaceStorage } from './rackspace.js';
import type { ProviderStorageClient } from './storage.js';

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
  OpenStackProviderOptions,
  ProviderConnectionOptions,
  ProviderName,
  RackspaceProviderOptions,
} from './options.js';
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
  openstackCompute,
  openstackDatabases,
  openstackStorage,
  rackspaceCompute,
  rackspaceDatabases,
  rackspaceStorage,
};

/**
 * The factories of one cloud.
 * @example
 * ```ts
 * const cloud: ProviderFactories<RackspaceProviderOptions> = providers.rackspace;
 * const compute = cloud.compute({ username: 'me', apiKey });
 * ```
 */
export interface ProviderFactories<O> {
  compute(options: O): ProviderComputeClient;
  storage(options: O): ProviderStorageClient;
  databases(options: O): ProviderDatabasesClient;
}

/**
 * The clouds, by name: `providers.openstack` and `providers.rackspace`, each with `compute`,
 * `storage` and `databases` factories.
 * @example
 * ```ts
 * const storage = providers.rackspace.storage({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'IAD' });
 * await storage.createContainer('photos');
 * ```
 */
export const providers: {
  readonly openstack: ProviderFactories<OpenStackProviderOptions>;
  readonly rackspace: ProviderFactories<RackspaceProviderOptions>;
} = {
  openstack: { compute: openstackCompute, storage: openstackStorage, databases: openstackDatabases },
  rackspace: { compute: rackspaceCompute, storage: rackspaceStorage, databases: rackspaceDatabases },
};

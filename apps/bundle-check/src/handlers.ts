/** One serverless handler to bundle, and the `@cloud/*` packages allowed to contribute code to it. */
export interface HandlerSpec {
  /** Short name, also the key in `budget.json`. */
  name: string;
  /** Entry file, relative to the app folder. */
  file: string;
  /** What the handler imports, for the report. */
  imports: string;
  /** `@cloud/*` packages whose code may appear; code from any other `@cloud/*` package is a violation. */
  allow: string[];
  /**
   * Code put before the bundle, as a user's build would for this handler (e.g. a `require` for
   * CommonJS dependencies that an ESM bundle cannot `require()` otherwise).
   */
  banner?: string | undefined;
}

/**
 * An ESM bundle inlines CommonJS dependencies whose `require('os')` esbuild cannot turn into
 * imports: they need a real `require`, which Node gives ESM through `createRequire`.
 */
const REQUIRE_BANNER =
  "import { createRequire as __cjsRequire } from 'node:module'; const require = __cjsRequire(import.meta.url);";

const CORE = '@cloud/core';
const SWIFT = '@cloud/swift';
const COMPUTE = '@cloud/openstack-compute';
const DATABASES = '@cloud/rackspace-databases';
const IMAGE = '@cloud/openstack-image';
const BLOCK_STORAGE = '@cloud/openstack-block-storage';
const NETWORK = '@cloud/openstack-network';
const DNS = '@cloud/openstack-dns';
const RACKSPACE_DNS = '@cloud/rackspace-dns';
const RACKSPACE_LOAD_BALANCERS = '@cloud/rackspace-load-balancers';
const LOAD_BALANCER = '@cloud/openstack-load-balancer';
const SDK = '@cloud/sdk';
const PROVIDERS = '@cloud/providers';
const AMAZON = '@cloud/provider-amazon';
const AZURE = '@cloud/provider-azure';

/** The bundles the check builds. */
export const HANDLERS: HandlerSpec[] = [
  {
    name: 'swift-upload',
    file: 'handlers/swift-upload.ts',
    imports: "uploadObject from '@cloud/swift'",
    allow: [CORE, SWIFT],
  },
  {
    name: 'compute-list',
    file: 'handlers/compute-list.ts',
    imports: "listServers from '@cloud/openstack-compute'",
    allow: [CORE, COMPUTE],
  },
  {
    name: 'databases-list',
    file: 'handlers/databases-list.ts',
    imports: "listDatabaseInstances from '@cloud/rackspace-databases'",
    allow: [CORE, DATABASES],
  },
  {
    name: 'block-storage-list',
    file: 'handlers/block-storage-list.ts',
    imports: "listVolumesDetail from '@cloud/openstack-block-storage'",
    allow: [CORE, BLOCK_STORAGE],
  },
  {
    name: 'network-list',
    file: 'handlers/network-list.ts',
    imports: "listNetworks from '@cloud/openstack-network'",
    allow: [CORE, NETWORK],
  },
  {
    name: 'dns-list',
    file: 'handlers/dns-list.ts',
    imports: "listZones from '@cloud/openstack-dns'",
    allow: [CORE, DNS],
  },
  {
    name: 'rackspace-dns-list',
    file: 'handlers/rackspace-dns-list.ts',
    imports: "listDomains from '@cloud/rackspace-dns'",
    allow: [CORE, RACKSPACE_DNS],
  },
  {
    name: 'rackspace-load-balancers-list',
    file: 'handlers/rackspace-load-balancers-list.ts',
    imports: "listClbLoadBalancers from '@cloud/rackspace-load-balancers'",
    allow: [CORE, RACKSPACE_LOAD_BALANCERS],
  },
  {
    name: 'load-balancer-list',
    file: 'handlers/load-balancer-list.ts',
    imports: "listLoadBalancers from '@cloud/openstack-load-balancer'",
    allow: [CORE, LOAD_BALANCER],
  },
  {
    name: 'sdk-swift-upload',
    file: 'handlers/sdk-swift-upload.ts',
    imports: "uploadObject from '@cloud/sdk'",
    allow: [CORE, SWIFT],
  },
  {
    name: 'sdk-compute-list',
    file: 'handlers/sdk-compute-list.ts',
    imports: "listServers from '@cloud/sdk'",
    allow: [CORE, COMPUTE],
  },
  {
    name: 'sdk-databases-list',
    file: 'handlers/sdk-databases-list.ts',
    imports: "listDatabaseInstances from '@cloud/sdk'",
    allow: [CORE, DATABASES],
  },
  {
    name: 'image-upload',
    file: 'handlers/image-upload.ts',
    imports: "uploadImageData from '@cloud/openstack-image'",
    allow: [CORE, IMAGE],
  },
  {
    name: 'sdk-image-upload',
    file: 'handlers/sdk-image-upload.ts',
    imports: "uploadImageData from '@cloud/sdk'",
    allow: [CORE, IMAGE],
  },
  {
    name: 'sdk-block-storage-list',
    file: 'handlers/sdk-block-storage-list.ts',
    imports: "listVolumesDetail from '@cloud/sdk'",
    allow: [CORE, BLOCK_STORAGE],
  },
  {
    // The `providers` object holds every factory, so every service is expected in this bundle.
    name: 'providers-object',
    file: 'handlers/providers-storage.ts',
    imports: "providers.openstack.storage from '@cloud/sdk/providers'",
    allow: [
      CORE,
      SWIFT,
      COMPUTE,
      DATABASES,
      IMAGE,
      BLOCK_STORAGE,
      NETWORK,
      DNS,
      RACKSPACE_DNS,
      LOAD_BALANCER,
      RACKSPACE_LOAD_BALANCERS,
      SDK,
    ],
  },
  {
    name: 'providers-rackspace-storage',
    file: 'handlers/providers-rackspace-storage.ts',
    imports: "rackspaceStorage from '@cloud/sdk/providers'",
    allow: [CORE, SWIFT, SDK],
  },
  {
    // Only the S3 half of the Amazon provider: no EC2 client, no OpenStack service, no got.
    name: 'amazon-storage',
    file: 'handlers/amazon-storage.ts',
    imports: "amazonStorage from '@cloud/provider-amazon/storage'",
    allow: [CORE, PROVIDERS, AMAZON],
    // The AWS SDK's Node parts are CommonJS and require node builtins, as in a user's ESM build.
    banner: REQUIRE_BANNER,
  },
  {
    // Only Azure Blob Storage through the neutral interface: no OpenStack service, no got.
    name: 'azure-storage',
    file: 'handlers/azure-storage.ts',
    imports: "azureStorage from '@cloud/provider-azure/storage'",
    allow: [CORE, PROVIDERS, AZURE],
    // The Azure SDK's proxy agent (https-proxy-agent → debug) is CommonJS and requires node builtins.
    banner: REQUIRE_BANNER,
  },
];

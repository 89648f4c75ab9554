import { toArray, ValidationError } from '@cloud/core';
import {
  type ComputeClient,
  createComputeClient,
  createServer,
  deleteServer,
  type Flavor,
  getFlavor,
  getServer,
  listFlavorsDetail,
  listServersDetail,
  rebootServer,
  type Server,
  waitForServerStatus,
} from '@cloud/openstack-compute';
import type {
  ProviderComputeClient as NeutralComputeClient,
  ProviderFlavor,
  ProviderImage,
  ProviderRef,
  ProviderServer,
  ProviderServerStatus,
} from '@cloud/providers';
import { createProviderImages } from './images.js';
import { normalizeServerStatus, providerStatusesOf } from './models.js';
import type { ProviderName } from './options.js';
import type { ProviderContext } from './session.js';

export type { ProviderCreateServerParams, ProviderRef, ProviderWaitOptions } from '@cloud/providers';

/**
 * Servers, flavors and images, the same on every provider; `client` is the underlying compute
 * client, for everything else `@cloud/openstack-compute` offers. Lists are collected into arrays.
 * @example
 * ```ts
 * const compute = providers.rackspace.compute({ username, apiKey, region: 'IAD' });
 * const server = await compute.createServer({ name: 'web-1', flavor: 'general1-1', image: imageId });
 * await compute.waitForServer(server.id);
 * ```
 */
export interface ProviderComputeClient extends NeutralComputeClient<ComputeClient> {}

const PUBLIC_NETWORKS = new Set(['public', 'public_net', 'external', 'ext-net']);

/** Sorts a server's addresses into public (floating, `public` network, access IPs) and private. @internal */
export function splitAddresses(s: Server): ProviderServer['addresses'] {
  const pub: string[] = [];
  const priv: string[] = [];
  for (const [network, list] of Object.entries(s.addresses ?? {})) {
    for (const a of list) {
      const isPublic = a.type === 'floating' || PUBLIC_NETWORKS.has(network.toLowerCase());
      (isPublic ? pub : priv).push(a.address);
    }
  }
  for (const ip of [s.accessIPv4, s.accessIPv6]) if (ip && !pub.includes(ip)) pub.push(ip);
  return { public: pub, private: priv };
}

/** @internal */
export const toProviderServer = (provider: ProviderName, s: Server): ProviderServer => ({
  provider,
  id: s.id,
  name: s.name,
  status: normalizeServerStatus(s.status),
  providerStatus: s.status,
  flavorId: s.flavor?.id,
  imageId: s.image?.id,
  addresses: splitAddresses(s),
  metadata: { ...s.metadata },
  progress: s.progress,
  created: s.created,
  updated: s.updated,
});

const toProviderFlavor = (provider: ProviderName, f: Flavor): ProviderFlavor => ({
  provider,
  id: f.id,
  name: f.name,
  ram: f.ram,
  disk: f.disk,
  vcpus: f.vcpus,
});

const refId = (ref: ProviderRef | undefined, field: string): string => {
  const id = typeof ref === 'string' ? ref : ref?.id;
  if (typeof id !== 'string' || id === '') {
    throw new ValidationError(`${field} must be an id or an object with an id`, field);
  }
  return id;
};

/** The provider-neutral statuses a server can be awaited in (the others are transitional or final). */
const AWAITABLE: readonly ProviderServerStatus[] = ['RUNNING', 'STOPPED', 'ERROR'];

/** Builds the provider-neutral compute client over `@cloud/openstack-compute`. @internal */
export function createProviderCompute(ctx: ProviderContext): ProviderComputeClient {
  const { provider } = ctx;
  const client = createComputeClient(ctx.session, { region: ctx.region, interface: ctx.interface });
  return {
    provider,
    client,
    async createServer(params, options) {
      if (!params || typeof params !== 'object') throw new ValidationError('params are required', 'params');
      const created = await createServer(
        client,
        {
          name: params.name,
          flavor: refId(params.flavor, 'flavor'),
          image: refId(params.image, 'image'),
          keyName: params.keyName,
          metadata: params.metadata,
          userData: params.userData,
          networks: params.networks?.map((uuid) => ({ uuid })),
          adminPass: params.adminPass,
        },
        options,
      );
      const server = toProviderServer(provider, await getServer(client, created.id, options));
      return created.adminPass ? { ...server, adminPass: created.adminPass } : server;
    },
    async getServers(options) {
      return (await toArray(listServersDetail(client, {}, options))).map((s) =>
        toProviderServer(provider, s),
      );
    },
    async getServer(id, options) {
      return toProviderServer(provider, await getServer(client, id, options));
    },
    destroyServer: (id, options) => deleteServer(client, id, options),
    rebootServer: (id, params, options) => rebootServer(client, id, params ?? {}, options),
    async waitForServer(id, options = {}) {
      const { status = 'RUNNING', ...waiter } = options;
      if (!AWAITABLE.includes(status)) {
        throw new ValidationError(`status must be one of ${AWAITABLE.join(', ')}`, 'status');
      }
      const wanted = providerStatusesOf(status);
      return toProviderServer(provider, await waitForServerStatus(client, id, wanted, waiter));
    },
    async getFlavors(options) {
      return (await toArray(listFlavorsDetail(client, {}, options))).map((f) =>
        toProviderFlavor(provider, f),
      );
    },
    async getFlavor(id, options) {
      return toProviderFlavor(provider, await getFlavor(client, id, options));
    },
    ...createProviderImages(ctx, client),
  };
}

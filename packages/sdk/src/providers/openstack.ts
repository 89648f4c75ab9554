import { createProviderBlockStorage, type ProviderBlockStorageClient } from './block-storage.js';
import { createProviderCompute, type ProviderComputeClient } from './compute.js';
import { createProviderDatabases, type ProviderDatabasesClient } from './databases.js';
import { createProviderDns, type ProviderDnsClient } from './dns.js';
import { createProviderLoadBalancers, type ProviderLoadBalancersClient } from './load-balancers.js';
import { createProviderNetwork, type ProviderNetworkClient } from './network.js';
import type { OpenStackProviderOptions } from './options.js';
import { openstackContext } from './session.js';
import { createProviderStorage, type ProviderStorageClient } from './storage.js';

/**
 * A provider-neutral compute client for an OpenStack cloud (Nova).
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const compute = openstackCompute({ authUrl: 'https://keystone.example.com/v3', username: 'demo',
 *   password: process.env.OS_PASSWORD!, projectName: 'demo', region: 'RegionOne' });
 * console.log((await compute.getFlavors()).map((f) => f.name));
 * ```
 */
export function openstackCompute(options: OpenStackProviderOptions): ProviderComputeClient {
  return createProviderCompute(openstackContext(options));
}

/**
 * A provider-neutral storage client for an OpenStack cloud (Swift).
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const storage = openstackStorage({ authUrl, username: 'demo', password, projectName: 'demo' });
 * for (const c of await storage.getContainers()) console.log(c.name, c.count, c.bytes);
 * ```
 */
export function openstackStorage(options: OpenStackProviderOptions): ProviderStorageClient {
  return createProviderStorage(openstackContext(options));
}

/**
 * A provider-neutral databases client for an OpenStack cloud (Trove).
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const db = openstackDatabases({ authUrl, username: 'demo', password, projectName: 'demo' });
 * console.log(await db.getInstances());
 * ```
 */
export function openstackDatabases(options: OpenStackProviderOptions): ProviderDatabasesClient {
  return createProviderDatabases(openstackContext(options));
}

/**
 * A provider-neutral network client for an OpenStack cloud (Neutron): networks, subnets, ports,
 * security groups and floating IPs.
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const network = openstackNetwork({ authUrl, username: 'demo', password, projectName: 'demo' });
 * const external = (await network.getNetworks()).find((n) => n.external);
 * const fip = await network.floatingIps.create({ network: external!.id });
 * ```
 */
export function openstackNetwork(options: OpenStackProviderOptions): ProviderNetworkClient<'openstack'> {
  return createProviderNetwork({ ...openstackContext(options), provider: 'openstack' });
}

/**
 * A provider-neutral block storage client for an OpenStack cloud (Cinder v3, found in the catalog
 * as `block-storage`, `volumev3` or `volume`): volumes, snapshots and volume types.
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const storage = openstackBlockStorage({ authUrl, username: 'demo', password, projectName: 'demo' });
 * const volume = await storage.createVolume({ size: 1, name: 'scratch' });
 * await storage.waitForVolume(volume.id);
 * ```
 */
export function openstackBlockStorage(options: OpenStackProviderOptions): ProviderBlockStorageClient {
  return createProviderBlockStorage(openstackContext(options));
}

/**
 * A provider-neutral DNS client for an OpenStack cloud (Designate v2, catalog type `dns`): zones
 * and records. Writes return once the zone or recordset is `ACTIVE` (deletes: once it is gone).
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const dns = openstackDns({ authUrl, username: 'demo', password, projectName: 'demo' });
 * const zone = await dns.createZone({ name: 'example.com', email: 'hostmaster@example.com' });
 * await dns.createRecord(zone, { name: 'www.example.com', type: 'A', data: '192.0.2.10' });
 * ```
 */
export function openstackDns(options: OpenStackProviderOptions): ProviderDnsClient<'openstack'> {
  return createProviderDns({ ...openstackContext(options), provider: 'openstack' });
}

/**
 * A provider-neutral load-balancer client for an OpenStack cloud (Octavia v2, catalog type
 * `load-balancer`): a neutral load balancer is an Octavia load balancer with one listener and
 * one pool; every write waits for it to be `ACTIVE` before the next. `createLoadBalancer` needs
 * the VIP's `subnetId` (or `network`).
 * @throws ValidationError at once when `authUrl`, `username` or `password` is missing.
 * @example
 * ```ts
 * const lbs = openstackLoadBalancers({ authUrl, username: 'demo', password, projectName: 'demo' });
 * const lb = await lbs.createLoadBalancer({ name: 'web', protocol: 'HTTP', port: 80, subnetId,
 *   nodes: [{ address: '10.0.0.11', port: 8080 }] });
 * ```
 */
export function openstackLoadBalancers(
  options: OpenStackProviderOptions,
): ProviderLoadBalancersClient<'openstack'> {
  return createProviderLoadBalancers({ ...openstackContext(options), provider: 'openstack' });
}

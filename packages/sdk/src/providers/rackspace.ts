import { createProviderBlockStorage, type ProviderBlockStorageClient } from './block-storage.js';
import { createProviderCompute, type ProviderComputeClient } from './compute.js';
import { createProviderDatabases, type ProviderDatabasesClient } from './databases.js';
import { createProviderDns, type ProviderDnsClient } from './dns.js';
import { createProviderLoadBalancers, type ProviderLoadBalancersClient } from './load-balancers.js';
import { createProviderNetwork, type ProviderNetworkClient } from './network.js';
import type { RackspaceProviderOptions } from './options.js';
import { rackspaceContext } from './session.js';
import { createProviderStorage, type ProviderStorageClient } from './storage.js';

/**
 * A provider-neutral compute client for Rackspace Cloud Servers.
 * @throws ValidationError at once when `username`, or both `apiKey` and `password`, are missing.
 * @example
 * ```ts
 * const compute = rackspaceCompute({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'IAD' });
 * for (const s of await compute.getServers()) console.log(s.name, s.status, s.addresses.public);
 * ```
 */
export function rackspaceCompute(options: RackspaceProviderOptions): ProviderComputeClient {
  return createProviderCompute(rackspaceContext(options));
}

/**
 * A provider-neutral storage client for Rackspace Cloud Files.
 * @throws ValidationError at once when `username`, or both `apiKey` and `password`, are missing.
 * @example
 * ```ts
 * const storage = rackspaceStorage({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'ORD' });
 * await storage.upload({ container: 'site', remote: 'index.html', buffer: '<h1>hi</h1>' });
 * ```
 */
export function rackspaceStorage(options: RackspaceProviderOptions): ProviderStorageClient {
  return createProviderStorage(rackspaceContext(options));
}

/**
 * A provider-neutral databases client for Rackspace Cloud Databases.
 * @throws ValidationError at once when `username`, or both `apiKey` and `password`, are missing.
 * @example
 * ```ts
 * const db = rackspaceDatabases({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'DFW' });
 * const instance = await db.createInstance({ name: 'orders', flavor: '1', size: 2 });
 * ```
 */
export function rackspaceDatabases(options: RackspaceProviderOptions): ProviderDatabasesClient {
  return createProviderDatabases(rackspaceContext(options));
}

/**
 * A provider-neutral network client for Rackspace Cloud Networks (catalog type `network`, name
 * `cloudNetworks`, a Neutron v2.0 API): networks, subnets, ports and inbound security groups.
 * Rackspace has no floating IPs or routers: `floatingIps` is `undefined` and `capabilities` says so.
 * @throws ValidationError at once when `username`, or both `apiKey` and `password`, are missing.
 * @example
 * ```ts
 * const network = rackspaceNetwork({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'IAD' });
 * const net = await network.createNetwork({ name: 'backend' });
 * await network.createSubnet({ network: net, cidr: '192.168.10.0/24' });
 * ```
 */
export function rackspaceNetwork(options: RackspaceProviderOptions): ProviderNetworkClient<'rackspace'> {
  return createProviderNetwork({ ...rackspaceContext(options), provider: 'rackspace' });
}

/**
 * A provider-neutral block storage client for Rackspace Cloud Block Storage (catalog type `volume`,
 * name `cloudBlockStorage`, the v1 API with `display_name` fields, types `SATA` and `SSD`).
 * @throws ValidationError at once when `username`, or both `apiKey` and `password`, are missing.
 * @example
 * ```ts
 * const storage = rackspaceBlockStorage({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'IAD' });
 * const volume = await storage.createVolume({ size: 100, name: 'data', volumeType: 'SSD' });
 * ```
 */
export function rackspaceBlockStorage(options: RackspaceProviderOptions): ProviderBlockStorageClient {
  return createProviderBlockStorage(rackspaceContext(options));
}

/**
 * A provider-neutral DNS client for Rackspace Cloud DNS (catalog type `rax:dns`, one global
 * endpoint): zones (Cloud DNS domains) and records. Writes return once their asynchronous job is
 * `COMPLETED`; a failed job throws `DnsJobError`. TTLs start at 300 seconds (`capabilities.minTtl`).
 * @throws ValidationError at once when `username`, or both `apiKey` and `password`, are missing.
 * @example
 * ```ts
 * const dns = rackspaceDns({ username: 'me', apiKey: process.env.RAX_API_KEY! });
 * const zone = await dns.createZone({ name: 'example.com', email: 'hostmaster@example.com', ttl: 3600 });
 * await dns.createRecord(zone, { name: 'example.com', type: 'MX', data: 'mail.example.com', priority: 10 });
 * ```
 */
export function rackspaceDns(options: RackspaceProviderOptions): ProviderDnsClient<'rackspace'> {
  return createProviderDns({ ...rackspaceContext(options), provider: 'rackspace' });
}

/**
 * A provider-neutral load-balancer client for Rackspace Cloud Load Balancers (v1.0, catalog type
 * `rax:load-balancer`): one Cloud Load Balancer per neutral load balancer, with a public VIP.
 * Every write waits for it to be `ACTIVE` again.
 * @throws ValidationError at once when `username` or `apiKey`/`password` is missing.
 * @example
 * ```ts
 * const lbs = rackspaceLoadBalancers({ username: 'me', apiKey: process.env.RAX_API_KEY!, region: 'DFW' });
 * const lb = await lbs.createLoadBalancer({ name: 'web', protocol: 'HTTP', port: 80,
 *   nodes: [{ address: '10.180.1.5', port: 80, condition: 'ENABLED' }] });
 * ```
 */
export function rackspaceLoadBalancers(
  options: RackspaceProviderOptions,
): ProviderLoadBalancersClient<'rackspace'> {
  return createProviderLoadBalancers({ ...rackspaceContext(options), provider: 'rackspace' });
}

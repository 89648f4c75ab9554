/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  createHealthMonitor,
  createListener,
  createLoadBalancerClient,
  createPool,
  type LoadBalancer,
  type LoadBalancerClient,
  listLoadBalancers,
  replacePoolMembers,
  waitForLoadBalancerStatus,
} from '../src/index.js';

declare const session: Session;
const client: LoadBalancerClient = createLoadBalancerClient(session, {
  retryImmutable: { timeoutMs: 60_000 },
});

export async function checks(): Promise<void> {
  const lbs: PagedIterable<LoadBalancer> = listLoadBalancers(client, { provisioningStatus: 'ACTIVE' });
  void lbs;
  const lb: LoadBalancer = await waitForLoadBalancerStatus(client, 'id', ['ACTIVE'], { failOn: ['ERROR'] });
  void lb;
  // @ts-expect-error FTP is no listener protocol
  await createListener(client, { loadBalancerId: 'l', protocol: 'FTP', protocolPort: 21 });
  // @ts-expect-error lbAlgorithm is required
  await createPool(client, { listenerId: 'l', protocol: 'HTTP' });
  // @ts-expect-error RANDOM is no algorithm
  await createPool(client, { listenerId: 'l', protocol: 'HTTP', lbAlgorithm: 'RANDOM' });
  // @ts-expect-error ICMP is no health monitor type
  await createHealthMonitor(client, { poolId: 'p', type: 'ICMP', delay: 1, timeout: 1, maxRetries: 1 });
  // @ts-expect-error a member needs its protocol port
  await replacePoolMembers(client, 'p', [{ address: '192.0.2.1' }], { additiveOnly: true });
}

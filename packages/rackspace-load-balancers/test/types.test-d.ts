/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  addClbNodes,
  type ClbLoadBalancer,
  type ClbNode,
  createClbLoadBalancer,
  createRackspaceLoadBalancersClient,
  listClbLoadBalancers,
  updateClbNode,
  waitForClbLoadBalancerStatus,
} from '../src/index.js';

declare const session: Session;
const clb = createRackspaceLoadBalancersClient(session, { immutableRetry: { timeoutMs: 60_000 } });

export async function checks(): Promise<void> {
  const lbs: PagedIterable<ClbLoadBalancer> = listClbLoadBalancers(clb, { status: 'ACTIVE' });
  void lbs;
  // @ts-expect-error virtualIps are required
  await createClbLoadBalancer(clb, { name: 'a', protocol: 'HTTP' });
  // @ts-expect-error an unknown protocol
  await createClbLoadBalancer(clb, { name: 'a', protocol: 'HTTP2', virtualIps: [{ type: 'PUBLIC' }] });
  const lb = await createClbLoadBalancer(clb, { name: 'a', protocol: 'HTTP', virtualIps: [{ id: 15 }] });
  const nodes: ClbNode[] = await addClbNodes(clb, lb.id, [{ address: '10.0.0.1', port: 80 }], {
    immutableRetry: false,
  });
  void nodes;
  // @ts-expect-error an unknown condition
  await updateClbNode(clb, lb.id, '1', { condition: 'ON' });
  // @ts-expect-error an unknown status
  await waitForClbLoadBalancerStatus(clb, lb.id, 'READY');
}

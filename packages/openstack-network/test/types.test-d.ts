/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  addRouterInterface,
  createNetworkClient,
  createNetworkSecurityGroupRule,
  createSubnet,
  listNetworks,
  type Network,
  type NetworkClient,
  type Port,
  replaceNetworkingTags,
  waitForPortStatus,
} from '../src/index.js';

declare const session: Session;
const network: NetworkClient = createNetworkClient(session, { region: 'RegionOne' });

export async function checks(): Promise<void> {
  const nets: PagedIterable<Network> = listNetworks(network, {
    routerExternal: true,
    status: ['ACTIVE', 'DOWN'],
  });
  void nets;
  // @ts-expect-error networkId is required
  await createSubnet(network, { cidr: '10.0.0.0/24' });
  // @ts-expect-error an interface is added by subnet or by port, not both
  await addRouterInterface(network, 'r', { subnetId: 's', portId: 'p' });
  // @ts-expect-error direction is ingress or egress
  await createNetworkSecurityGroupRule(network, { securityGroupId: 's', direction: 'inbound' });
  // @ts-expect-error only taggable collections
  await replaceNetworkingTags(network, 'servers', 'id', []);
  // statuses outside the documented ones are allowed (drivers add their own)
  const p: Port = await waitForPortStatus(network, 'id', ['ACTIVE', 'BUILD']);
  void p.status;
}

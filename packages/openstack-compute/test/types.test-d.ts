/** Compile-only checks of the public types (run by `pnpm typecheck`, never executed). */
import type { PagedIterable, Session } from '@cloud/core';
import {
  type ComputeClient,
  type CreateServerParams,
  createComputeClient,
  createServer,
  listServers,
  listServersDetail,
  rebootServer,
  type Server,
  type ServerSummary,
  waitForServerStatus,
} from '../src/index.js';

declare const session: Session;
const compute: ComputeClient = createComputeClient(session, { microversion: '2.79' });

export async function checks(): Promise<void> {
  const summaries: PagedIterable<ServerSummary> = listServers(compute);
  const details: PagedIterable<Server> = listServersDetail(compute);
  void summaries;
  void details;

  // @ts-expect-error flavor is required
  const noFlavor: CreateServerParams = { name: 'a', image: 'x' };
  void noFlavor;
  // @ts-expect-error networks is a list, 'auto' or 'none'
  await createServer(compute, { name: 'a', flavor: '1', networks: 'some' });
  // @ts-expect-error reboot types are SOFT or HARD
  await rebootServer(compute, 'id', { type: 'WARM' });

  // statuses outside the known list are allowed (clouds add their own)
  const s: Server = await waitForServerStatus(compute, 'id', ['ACTIVE', 'PREP_RESIZE']);
  // @ts-expect-error a summary has no status
  void (null as unknown as ServerSummary).status;
  void s.status;
}

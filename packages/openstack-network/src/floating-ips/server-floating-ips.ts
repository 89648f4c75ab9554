import {
  ConflictError,
  type RequestOptions,
  type StatusWaiterOptions,
  toArray,
  ValidationError,
} from '@cloud/core';
import { requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import { ServerPortError } from '../errors.js';
import { requireIp } from '../internal/ip.js';
import { optUuid, requireParams } from '../internal/validate.js';
import { listServerPorts } from '../ports/server-ports.js';
import type { Port } from '../ports/types.js';
import {
  associateNetworkFloatingIp,
  createNetworkFloatingIp,
  deleteNetworkFloatingIp,
  disassociateNetworkFloatingIp,
  getNetworkFloatingIp,
  listNetworkFloatingIps,
  waitForNetworkFloatingIpStatus,
} from './floating-ips.js';
import type { NetworkFloatingIp, NetworkFloatingIpStatus } from './types.js';

/**
 * How {@link assignServerFloatingIp} waits once the floating IP is associated: for `status`
 * (default `ACTIVE`), with the usual waiter options.
 * @example { status: 'ACTIVE', timeoutMs: 60_000 }
 */
export interface ServerFloatingIpWaitOptions
  extends StatusWaiterOptions<NetworkFloatingIpStatus, NetworkFloatingIp> {
  /** The status to wait for; default `ACTIVE`. */
  status?: NetworkFloatingIpStatus | readonly NetworkFloatingIpStatus[] | undefined;
}

/**
 * Parameters of {@link assignServerFloatingIp}: where the address comes from (an external network,
 * or one floating IP of the project) and, when the server has several ports, which one gets it.
 * @example await assignServerFloatingIp(network, serverId, { floatingNetworkId: ext.id });
 */
export interface AssignServerFloatingIpParams {
  /**
   * The external network (`router:external`): an unassociated floating IP of the project on it is
   * reused, else a new one is allocated. Give this or `floatingIpId`.
   */
  floatingNetworkId?: string | undefined;
  /**
   * With `floatingNetworkId`: reuse an unassociated floating IP of the project (default `true`).
   * `false` always allocates a new one, leaving free addresses alone (they may be kept for
   * something else).
   */
  reuse?: boolean | undefined;
  /** This floating IP of the project, instead of one found or made on `floatingNetworkId`. */
  floatingIpId?: string | undefined;
  /** The server's port to use; needed when the server has several ports and `fixedIp` does not choose. */
  portId?: string | undefined;
  /** The server's address to map the floating IP to; it also chooses the port that has it. */
  fixedIp?: string | undefined;
  /**
   * Wait after associating. Default: no wait for `ACTIVE`: the association is in place when the
   * call returns (Neutron answers with the associated floating IP), but the status turns `ACTIVE`
   * only once an L3 agent (or an SDN back end) has programmed the address; Neutron without one
   * leaves it `DOWN`. `true` waits for `ACTIVE` with the default waiter options; an object picks
   * the status and the timeout.
   */
  wait?: boolean | ServerFloatingIpWaitOptions | undefined;
}

/** The checked params. */
interface AssignPlan {
  floatingNetworkId: string | undefined;
  floatingIpId: string | undefined;
  portId: string | undefined;
  fixedIp: string | undefined;
  reuse: boolean;
  wait: ServerFloatingIpWaitOptions | undefined;
}

function checkAssignParams(params: AssignServerFloatingIpParams): AssignPlan {
  const p = requireParams<AssignServerFloatingIpParams>(params);
  const floatingNetworkId = optUuid(p.floatingNetworkId, 'floatingNetworkId');
  const floatingIpId = optUuid(p.floatingIpId, 'floatingIpId');
  if ((floatingNetworkId === undefined) === (floatingIpId === undefined)) {
    throw new ValidationError(
      'give exactly one of floatingNetworkId (find or make a floating IP there) and floatingIpId',
      'floatingNetworkId',
    );
  }
  if (p.reuse !== undefined && typeof p.reuse !== 'boolean') {
    throw new ValidationError('reuse must be true or false', 'reuse');
  }
  if (
    p.wait !== undefined &&
    typeof p.wait !== 'boolean' &&
    (typeof p.wait !== 'object' || p.wait === null)
  ) {
    throw new ValidationError('wait must be true, false or waiter options', 'wait');
  }
  return {
    floatingNetworkId,
    floatingIpId,
    portId: optUuid(p.portId, 'portId'),
    fixedIp: p.fixedIp === undefined ? undefined : requireIp(p.fixedIp, 'fixedIp'),
    reuse: p.reuse ?? true,
    wait: p.wait === true ? {} : p.wait === false ? undefined : p.wait,
  };
}

/** The server's port that `portId` / `fixedIp` chooses, or its only one. */
function choosePort(serverId: string, ports: Port[], plan: Pick<AssignPlan, 'portId' | 'fixedIp'>): Port {
  const portIds = ports.map((p) => p.id);
  const fail = (problem: ServerPortError['problem'], message: string) =>
    new ServerPortError(message, { problem, serverId, portIds });
  if (ports.length === 0) {
    throw fail('no-port', `server "${serverId}" has no port (was it booted with networks "none"?)`);
  }
  let candidates = ports;
  if (plan.portId !== undefined) {
    candidates = candidates.filter((p) => p.id === plan.portId);
    if (candidates.length === 0) {
      throw fail(
        'port-not-on-server',
        `port "${plan.portId}" is not a port of server "${serverId}" (its ports: ${portIds.join(', ')})`,
      );
    }
  }
  if (plan.fixedIp !== undefined) {
    candidates = candidates.filter((p) => p.fixedIps.some((f) => f.ipAddress === plan.fixedIp));
    if (candidates.length === 0) {
      throw fail('no-port-with-address', `server "${serverId}" has no port with the address ${plan.fixedIp}`);
    }
  }
  if (candidates.length > 1) {
    const list = candidates.map((p) => `${p.id} (${p.fixedIps.map((f) => f.ipAddress).join(', ')})`);
    throw fail(
      'several-ports',
      `server "${serverId}" has ${candidates.length} ports, ${list.join('; ')}: choose one with portId or fixedIp`,
    );
  }
  return candidates[0]!;
}

/** Unassociated floating IPs of the port's project on the external network, then a new one. */
async function associateFromNetwork(
  client: NetworkClient,
  port: Port,
  plan: AssignPlan,
  options: RequestOptions | undefined,
): Promise<NetworkFloatingIp> {
  const { fixedIp } = plan;
  const floatingNetworkId = plan.floatingNetworkId!;
  const existing = await toArray(
    listNetworkFloatingIps(client, { floatingNetworkId, portId: port.id }, options),
  );
  const already = existing.find((f) => fixedIp === undefined || f.fixedIpAddress === fixedIp);
  if (already) return already;
  const free = plan.reuse
    ? await toArray(
        listNetworkFloatingIps(
          client,
          { floatingNetworkId, ...(port.projectId ? { projectId: port.projectId } : {}) },
          options,
        ),
      )
    : [];
  for (const candidate of free.filter((f) => f.portId === undefined)) {
    try {
      return await associateNetworkFloatingIp(
        client,
        candidate.id,
        port.id,
        fixedIp === undefined ? {} : { fixedIpAddress: fixedIp },
        options,
      );
    } catch (error) {
      // taken by someone else since the list: try the next one
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return createNetworkFloatingIp(
    client,
    { floatingNetworkId, portId: port.id, ...(fixedIp === undefined ? {} : { fixedIpAddress: fixedIp }) },
    options,
  );
}

/**
 * Gives a compute server a floating IP in one call: finds the server's Neutron port (its only
 * one, or the one `portId` / `fixedIp` chooses), then associates a floating IP with it — the one
 * given, the port's own if it already has one on that network, an unassociated one of the project
 * on the external network (unless `reuse: false`), or a newly allocated one — and returns it.
 * The port's network must be routed to the external network (a router with that external
 * gateway and an interface on the port's subnet).
 *
 * On waiting: by default the call does not wait for `ACTIVE`. The association is done when it
 * returns, but Neutron marks a floating IP `ACTIVE` only once an L3 agent (or an SDN back end) has
 * set it up; without one (the local test cloud, some SDN clouds) it stays `DOWN` for good. Pass
 * `wait: true` (or `{ status: 'ACTIVE', timeoutMs }`) on clouds with L3 agents to return only once
 * traffic can flow.
 * @throws ValidationError for bad ids or address, or both / neither of `floatingNetworkId` and `floatingIpId`.
 * @throws ServerPortError when the server has no port, or several and none was chosen, or the
 *   chosen port or address is not the server's.
 * @throws ConflictError (from Neutron) when `floatingIpId` is associated with another port;
 *   NotFoundError when the port's network has no router to the external network.
 * @example
 * ```ts
 * const fip = await assignServerFloatingIp(network, serverId, { floatingNetworkId: external.id, wait: true });
 * console.log(`ssh cirros@${fip.floatingIpAddress}`);
 * ```
 */
export async function assignServerFloatingIp(
  client: NetworkClient,
  serverId: string,
  params: AssignServerFloatingIpParams,
  options?: RequestOptions,
): Promise<NetworkFloatingIp> {
  requireUuid(serverId, 'serverId');
  const plan = checkAssignParams(params);
  const port = choosePort(serverId, await toArray(listServerPorts(client, serverId, {}, options)), plan);
  let fip: NetworkFloatingIp;
  if (plan.floatingIpId !== undefined) {
    const current = await getNetworkFloatingIp(client, plan.floatingIpId, options);
    const same =
      current.portId === port.id && (plan.fixedIp === undefined || current.fixedIpAddress === plan.fixedIp);
    fip = same
      ? current
      : await associateNetworkFloatingIp(
          client,
          plan.floatingIpId,
          port.id,
          plan.fixedIp === undefined ? {} : { fixedIpAddress: plan.fixedIp },
          options,
        );
  } else {
    fip = await associateFromNetwork(client, port, plan, options);
  }
  if (!plan.wait) return fip;
  const { status = 'ACTIVE', ...waiter } = plan.wait;
  return waitForNetworkFloatingIpStatus(client, fip.id, status, {
    ...waiter,
    request: { ...options, ...waiter.request },
  });
}

/**
 * Options of {@link releaseServerFloatingIps}.
 * @example { delete: true }
 */
export interface ReleaseServerFloatingIpsParams {
  /** Also delete the floating IPs (give the addresses back to the pool); default: only disassociate. */
  delete?: boolean | undefined;
  /** Only the floating IPs of this port of the server. */
  portId?: string | undefined;
}

/**
 * Takes a server's floating IPs away: every floating IP associated with one of the server's ports
 * (or with `portId`) is disassociated, or deleted with `delete: true`. Returns them as they were
 * before (addresses, ids), so a caller can reuse or report them; a server without floating IPs
 * returns `[]`.
 * @throws ValidationError for a bad server or port id.
 * @example
 * ```ts
 * const released = await releaseServerFloatingIps(network, serverId, { delete: true });
 * console.log(released.map((f) => f.floatingIpAddress));
 * ```
 */
export async function releaseServerFloatingIps(
  client: NetworkClient,
  serverId: string,
  params: ReleaseServerFloatingIpsParams = {},
  options?: RequestOptions,
): Promise<NetworkFloatingIp[]> {
  requireUuid(serverId, 'serverId');
  const p = requireParams<ReleaseServerFloatingIpsParams>(params);
  const portId = optUuid(p.portId, 'portId');
  if (p.delete !== undefined && typeof p.delete !== 'boolean') {
    throw new ValidationError('delete must be true or false', 'delete');
  }
  const ports = (await toArray(listServerPorts(client, serverId, {}, options))).filter(
    (port) => portId === undefined || port.id === portId,
  );
  if (ports.length === 0) return [];
  const fips = await toArray(
    listNetworkFloatingIps(client, { portId: ports.map((port) => port.id) }, options),
  );
  for (const fip of fips) {
    if (p.delete) await deleteNetworkFloatingIp(client, fip.id, options);
    else await disassociateNetworkFloatingIp(client, fip.id, options);
  }
  return fips;
}

import { CloudError, type HttpErrorDetails, PreconditionFailedError } from '@cloud/core';

/**
 * A compare-and-swap update (`ifRevision`) lost: the resource's `revision_number` was no longer
 * the one given, because something else changed it since it was read. Neutron answers `412`;
 * read the resource again, re-apply the change and retry with the new revision.
 * @example
 * ```ts
 * const net = await getNetwork(network, id);
 * try { await updateNetwork(network, id, { name: 'web', ifRevision: net.revisionNumber }); }
 * catch (e) { if (e instanceof NetworkRevisionConflictError) console.log('changed meanwhile; expected', e.expectedRevision); }
 * ```
 */
export class NetworkRevisionConflictError extends PreconditionFailedError {
  /** The revision number the update was conditional on. */
  readonly expectedRevision: number;
  constructor(message: string, details: HttpErrorDetails & { expectedRevision: number }) {
    super(message, details);
    this.expectedRevision = details.expectedRevision;
  }
}

/** Why {@link ServerPortError} was thrown. */
export type ServerPortProblem = 'no-port' | 'several-ports' | 'port-not-on-server' | 'no-port-with-address';

/**
 * The port of a server to work on could not be chosen: the server has no port (booted with
 * `networks: 'none'`, or not yet wired), several and none was chosen (`portId` or `fixedIp`), or the
 * chosen one is not the server's. Carries the server's ports so the caller can choose.
 * @example
 * ```ts
 * try { await assignServerFloatingIp(network, serverId, { floatingNetworkId }); }
 * catch (e) { if (e instanceof ServerPortError && e.problem === 'several-ports') console.log(e.portIds); }
 * ```
 */
export class ServerPortError extends CloudError {
  readonly problem: ServerPortProblem;
  readonly serverId: string;
  /** The ids of the server's ports (Neutron ports with `device_id` = the server). */
  readonly portIds: string[];
  constructor(message: string, details: { problem: ServerPortProblem; serverId: string; portIds: string[] }) {
    super(message, 'SERVER_PORT');
    this.problem = details.problem;
    this.serverId = details.serverId;
    this.portIds = details.portIds;
  }
}

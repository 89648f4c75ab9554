import { type HttpErrorDetails, PreconditionFailedError } from '@cloud/core';

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

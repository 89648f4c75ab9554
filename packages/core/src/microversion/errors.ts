import { CloudError } from '../errors/errors.js';

/** What {@link MicroversionNotSupportedError} knows about the failed negotiation. */
export interface MicroversionNotSupportedDetails {
  /** The header's service name, e.g. `volume` or `compute`. */
  service: string;
  /** The version that was asked for (`"3.59"`, `"latest"`). */
  wanted: string;
  /** Lowest microversion the server supports; undefined when it supports none. */
  minVersion?: string | undefined;
  /** Highest microversion the server supports; undefined when it supports none. */
  maxVersion?: string | undefined;
  /** The version document that was read. */
  url: string;
}

/**
 * Negotiation found no microversion that both the SDK call and the server support: the wanted
 * version is older than the server's minimum, or the server has no microversions at all
 * (Rackspace, a v2 endpoint). Carries the server's range.
 * @example
 * ```ts
 * try { await negotiateBlockStorageMicroversion(volumes, '3.0'); }
 * catch (e) { if (e instanceof MicroversionNotSupportedError) console.log(e.minVersion, e.maxVersion); }
 * ```
 */
export class MicroversionNotSupportedError extends CloudError {
  readonly service: string;
  readonly wanted: string;
  readonly minVersion: string | undefined;
  readonly maxVersion: string | undefined;
  readonly url: string;

  constructor(message: string, details: MicroversionNotSupportedDetails) {
    super(message, 'MICROVERSION_NOT_SUPPORTED');
    this.service = details.service;
    this.wanted = details.wanted;
    this.minVersion = details.minVersion;
    this.maxVersion = details.maxVersion;
    this.url = details.url;
  }
}

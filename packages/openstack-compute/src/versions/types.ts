import type { ComputeLink } from '../types.js';

/**
 * A major version of the compute API and the microversions it supports.
 * @example const { minVersion, maxVersion } = await getComputeApiVersion(compute);
 */
export interface ComputeApiVersion {
  /** `v2.0` or `v2.1`. */
  id: string;
  /** `CURRENT`, `SUPPORTED` or `DEPRECATED`. */
  status: string;
  /** Lowest microversion; undefined when the version has no microversions (v2.0, Rackspace). */
  minVersion?: string | undefined;
  /** Highest microversion; undefined when the version has no microversions. */
  maxVersion?: string | undefined;
  updated?: Date | undefined;
  links: ComputeLink[];
}

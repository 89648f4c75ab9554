import { object, optional, string } from '@cloud/core/service';
import { LINKS, type LinkWire, parseLinks } from '../internal/common.js';
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

/** @internal wire shape */
export interface ComputeApiVersionWire {
  id: string;
  status: string;
  version?: string;
  min_version?: string;
  updated?: string;
  links?: LinkWire[];
}

/** @internal */
export const parseComputeApiVersion = (w: ComputeApiVersionWire): ComputeApiVersion => ({
  id: w.id,
  status: w.status,
  ...(w.min_version ? { minVersion: w.min_version } : {}),
  ...(w.version ? { maxVersion: w.version } : {}),
  ...(w.updated ? { updated: new Date(w.updated) } : {}),
  links: parseLinks(w.links),
});

/** @internal */
export const COMPUTE_API_VERSION = object<ComputeApiVersionWire>({
  id: string,
  status: string,
  version: optional(string),
  min_version: optional(string),
  updated: optional(string),
  links: LINKS,
});

import {
  boolean,
  number,
  object,
  oneOf,
  optional,
  recordOf,
  string,
  stringOrNumber,
} from '@cloud/core/service';
import { LINKS, type LinkWire, parseLinks } from '../internal/common.js';
import type { ComputeLink } from '../types.js';

/**
 * A flavor as returned by {@link listFlavors}.
 * @example for await (const { id, name } of listFlavors(compute)) console.log(id, name);
 */
export interface FlavorSummary {
  id: string;
  name: string;
  links: ComputeLink[];
  /** @remarks Requires compute microversion 2.55 */
  description?: string | undefined;
}

/**
 * A flavor (a server size) with its details.
 * @example const { vcpus, ram, disk } = await getFlavor(compute, '2');
 */
export interface Flavor extends FlavorSummary {
  /** RAM in MiB. */
  ram: number;
  /** Root disk in GiB (0: the image's size, as with boot from volume). */
  disk: number;
  vcpus: number;
  /** Swap in MiB (0 when none). */
  swap: number;
  /** Ephemeral disk in GiB (`OS-FLV-EXT-DATA:ephemeral`). */
  ephemeral: number;
  /** `os-flavor-access:is_public`; true when the cloud does not say. */
  isPublic: boolean;
  /** `OS-FLV-DISABLED:disabled`. */
  disabled?: boolean | undefined;
  rxtxFactor?: number | undefined;
  /** @remarks Requires compute microversion 2.61 */
  extraSpecs?: Record<string, string> | undefined;
}

/** @internal wire shape */
export interface FlavorSummaryWire {
  id: string | number;
  name: string;
  links?: LinkWire[];
  description?: string | null;
}

/** @internal wire shape */
export interface FlavorWire extends FlavorSummaryWire {
  ram: number;
  disk: number;
  vcpus: number;
  swap?: number | string;
  'OS-FLV-EXT-DATA:ephemeral'?: number;
  'os-flavor-access:is_public'?: boolean;
  'OS-FLV-DISABLED:disabled'?: boolean;
  rxtx_factor?: number;
  extra_specs?: Record<string, string>;
}

/** @internal */
export const parseFlavorSummary = (w: FlavorSummaryWire): FlavorSummary => ({
  id: String(w.id),
  name: w.name,
  links: parseLinks(w.links),
  ...(typeof w.description === 'string' ? { description: w.description } : {}),
});

/** @internal */
export const parseFlavor = (w: FlavorWire): Flavor => ({
  ...parseFlavorSummary(w),
  ram: w.ram,
  disk: w.disk,
  vcpus: w.vcpus,
  swap: w.swap === '' || w.swap === undefined ? 0 : Number(w.swap),
  ephemeral: w['OS-FLV-EXT-DATA:ephemeral'] ?? 0,
  isPublic: w['os-flavor-access:is_public'] ?? true,
  ...(w['OS-FLV-DISABLED:disabled'] !== undefined ? { disabled: w['OS-FLV-DISABLED:disabled'] } : {}),
  ...(w.rxtx_factor !== undefined ? { rxtxFactor: w.rxtx_factor } : {}),
  ...(w.extra_specs !== undefined ? { extraSpecs: w.extra_specs } : {}),
});

/** @internal */
export const FLAVOR_SUMMARY = object<FlavorSummaryWire>({
  id: stringOrNumber,
  name: string,
  links: LINKS,
  description: optional(string),
});

/** @internal */
export const FLAVOR = object<FlavorWire>({
  id: stringOrNumber,
  name: string,
  links: LINKS,
  description: optional(string),
  ram: number,
  disk: number,
  vcpus: number,
  swap: optional(oneOf(number, string)),
  'OS-FLV-EXT-DATA:ephemeral': optional(number),
  'os-flavor-access:is_public': optional(boolean),
  'OS-FLV-DISABLED:disabled': optional(boolean),
  rxtx_factor: optional(number),
  extra_specs: optional(recordOf(string)),
});

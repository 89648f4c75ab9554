import { number, object, optional, parseTimestamp, string } from '@cloud/core/service';
import { LINKS, type LinkWire, parseLinks } from '../internal/common.js';
import { METADATA } from '../internal/metadata.js';
import type { ComputeLink, ComputeMetadata } from '../types.js';

/**
 * An image as returned by {@link listImages}.
 * @example for await (const { id, name } of listImages(compute)) console.log(id, name);
 */
export interface ImageSummary {
  id: string;
  name: string;
  links: ComputeLink[];
}

/**
 * An image as the compute image API shows it.
 * @example const { status, minDisk } = await getImage(compute, imageId);
 */
export interface Image extends ImageSummary {
  /** `ACTIVE`, `SAVING`, `DELETED`, `ERROR` or `UNKNOWN`. */
  status: string;
  /** Progress of a snapshot, 0-100. */
  progress: number;
  /** Minimum root disk in GiB. */
  minDisk: number;
  /** Minimum RAM in MiB. */
  minRam: number;
  created?: Date | undefined;
  updated?: Date | undefined;
  metadata: ComputeMetadata;
  /** Size in bytes (`OS-EXT-IMG-SIZE:size`). */
  size?: number | undefined;
  /** The server a snapshot was taken from. */
  serverId?: string | undefined;
}

/** @internal wire shape */
export interface ImageSummaryWire {
  id: string;
  name: string;
  links?: LinkWire[];
}

/** @internal wire shape */
export interface ImageWire extends ImageSummaryWire {
  status: string;
  progress?: number;
  minDisk?: number;
  minRam?: number;
  created?: string;
  updated?: string;
  metadata?: ComputeMetadata;
  'OS-EXT-IMG-SIZE:size'?: number;
  server?: { id: string };
}

/** @internal */
export const parseImageSummary = (w: ImageSummaryWire): ImageSummary => ({
  id: w.id,
  name: w.name,
  links: parseLinks(w.links),
});

/** @internal */
export const parseImage = (w: ImageWire): Image => ({
  ...parseImageSummary(w),
  status: w.status,
  progress: w.progress ?? 0,
  minDisk: w.minDisk ?? 0,
  minRam: w.minRam ?? 0,
  ...(w.created ? { created: parseTimestamp(w.created) } : {}),
  ...(w.updated ? { updated: parseTimestamp(w.updated) } : {}),
  metadata: w.metadata ?? {},
  ...(w['OS-EXT-IMG-SIZE:size'] !== undefined ? { size: w['OS-EXT-IMG-SIZE:size'] } : {}),
  ...(w.server?.id ? { serverId: w.server.id } : {}),
});

/** @internal */
export const IMAGE_SUMMARY = object<ImageSummaryWire>({ id: string, name: string, links: LINKS });

/** @internal */
export const IMAGE = object<ImageWire>({
  id: string,
  name: string,
  links: LINKS,
  status: string,
  progress: optional(number),
  minDisk: optional(number),
  minRam: optional(number),
  created: optional(string),
  updated: optional(string),
  metadata: optional(METADATA),
  'OS-EXT-IMG-SIZE:size': optional(number),
  server: optional(object<{ id: string }>({ id: string })),
});

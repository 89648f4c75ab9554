import { arrayOf, object, optional, requireUuid, string } from '@cloud/core/service';
import type { ComputeLink } from '../types.js';

/** @internal wire shape of a link */
export interface LinkWire {
  href: string;
  rel: string;
  type?: string;
}

/** @internal */
export const parseLinks = (links: LinkWire[] | undefined): ComputeLink[] =>
  (links ?? []).map((l) => ({ href: l.href, rel: l.rel, ...(l.type ? { type: l.type } : {}) }));

/** Server ids are UUIDs on OpenStack and on Rackspace Next Generation Cloud Servers. @internal */
export const requireServerId = (id: unknown): string => requireUuid(id, 'serverId');

/** Base64 of a string (UTF-8) or bytes. @internal */
export const toBase64 = (data: string | Uint8Array): string =>
  (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

/** Shape of a link. @internal */
export const LINK = object<LinkWire>({ href: string, rel: string, type: optional(string) });
/** Shape of an optional links array. @internal */
export const LINKS = optional(arrayOf(LINK));

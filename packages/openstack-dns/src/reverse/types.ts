import { number, object, optional, string } from '@cloud/core/service';
import { type DnsLinks, LINKS } from '../internal/common.js';
import type { DnsAction, DnsStatus } from '../zones/types.js';

/**
 * The reverse DNS (PTR) record of a Neutron floating IP.
 * @example const ptr = await getFloatingIpPtr(dns, 'RegionOne', fipId); console.log(ptr.ptrdname);
 */
export interface FloatingIpPtr {
  /** `<region>:<floating IP id>`. */
  id: string;
  region: string;
  floatingIpId: string;
  /** The floating IP address. */
  address: string | undefined;
  /** The name the address resolves to, with its trailing dot; `undefined` when unset. */
  ptrdname: string | undefined;
  ttl: number | undefined;
  description: string | undefined;
  status: DnsStatus;
  action: DnsAction;
  links: DnsLinks;
  raw: FloatingIpPtrWire;
}

/** @internal wire shape */
export interface FloatingIpPtrWire {
  id: string;
  address?: string | null;
  ptrdname?: string | null;
  ttl?: number | null;
  description?: string | null;
  status: string;
  action?: string | null;
  links?: DnsLinks | null;
  [field: string]: unknown;
}

/** @internal */
export const FLOATING_IP_PTR = object<FloatingIpPtrWire>({
  id: string,
  address: optional(string),
  ptrdname: optional(string),
  ttl: optional(number),
  description: optional(string),
  status: string,
  action: optional(string),
  links: optional(LINKS),
});

/** @internal */
export const parseFloatingIpPtr = (w: FloatingIpPtrWire): FloatingIpPtr => {
  const i = w.id.lastIndexOf(':');
  return {
    id: w.id,
    region: i < 0 ? '' : w.id.slice(0, i),
    floatingIpId: i < 0 ? w.id : w.id.slice(i + 1),
    address: w.address ?? undefined,
    ptrdname: w.ptrdname ?? undefined,
    ttl: w.ttl ?? undefined,
    description: w.description ?? undefined,
    status: w.status,
    action: w.action ?? 'NONE',
    links: w.links ?? {},
    raw: w,
  };
};

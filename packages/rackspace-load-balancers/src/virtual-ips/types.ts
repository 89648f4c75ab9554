import { object, optional, string, stringOrNumber } from '@cloud/core/service';
import { idOf } from '../internal/common.js';

/** Virtual IP types: `PUBLIC` (Internet) or `SERVICENET` (Rackspace's private network, IPv4 only). */
export const CLB_VIRTUAL_IP_TYPES = ['PUBLIC', 'SERVICENET'] as const;
/** A virtual IP type. */
export type ClbVirtualIpType = (typeof CLB_VIRTUAL_IP_TYPES)[number];
/** IP versions of a virtual IP. */
export const CLB_IP_VERSIONS = ['IPV4', 'IPV6'] as const;
/** An IP version. */
export type ClbIpVersion = (typeof CLB_IP_VERSIONS)[number];

/**
 * A virtual IP a load balancer answers on.
 * @example const [vip] = await toArray(listClbVirtualIps(clb, lbId)); console.log(vip?.address, vip?.ipVersion);
 */
export interface ClbVirtualIp {
  id: string;
  address: string | undefined;
  type: ClbVirtualIpType | string | undefined;
  ipVersion: ClbIpVersion | string | undefined;
  raw: ClbVirtualIpWire;
}

/** @internal */
export interface ClbVirtualIpWire {
  id: string | number;
  address?: string;
  type?: string;
  ipVersion?: string;
  [field: string]: unknown;
}

/** @internal */
export const VIRTUAL_IP = object<ClbVirtualIpWire>({
  id: stringOrNumber,
  address: optional(string),
  type: optional(string),
  ipVersion: optional(string),
});

/** @internal */
export const parseVirtualIp = (w: ClbVirtualIpWire): ClbVirtualIp => ({
  id: idOf(w.id),
  address: w.address,
  type: w.type,
  ipVersion: w.ipVersion,
  raw: w,
});

/**
 * A virtual IP of a new load balancer: a new address of a type (and version: both versions when
 * a `PUBLIC` type gives none), or the id of another load balancer's virtual IP to share (the two
 * load balancers then need different ports).
 * @example [{ type: 'PUBLIC' }] or [{ type: 'SERVICENET', ipVersion: 'IPV4' }] or [{ id: '9000137' }]
 */
export type ClbVirtualIpInput =
  | { type: ClbVirtualIpType; ipVersion?: ClbIpVersion | undefined; id?: undefined }
  | { id: string | number; type?: undefined; ipVersion?: undefined };

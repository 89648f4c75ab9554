import { object, string, stringOrNumber } from '@cloud/core/service';
import { idOf } from '../internal/common.js';

/** Access-list item types: `ALLOW` items always take precedence over `DENY` items. */
export const CLB_ACCESS_TYPES = ['ALLOW', 'DENY'] as const;
/** An access-list item type. */
export type ClbAccessType = (typeof CLB_ACCESS_TYPES)[number];

/**
 * One network item of a load balancer's access list.
 * @example for (const item of await getClbAccessList(clb, lbId)) console.log(item.id, item.type, item.address);
 */
export interface ClbNetworkItem {
  id: string;
  /** An IP address or a CIDR network. */
  address: string;
  type: ClbAccessType | string;
  raw: ClbNetworkItemWire;
}

/** @internal */
export interface ClbNetworkItemWire {
  id: string | number;
  address: string;
  type: string;
  [field: string]: unknown;
}

/** @internal */
export const NETWORK_ITEM = object<ClbNetworkItemWire>({ id: stringOrNumber, address: string, type: string });

/** @internal */
export const parseNetworkItem = (w: ClbNetworkItemWire): ClbNetworkItem => ({
  id: idOf(w.id),
  address: w.address,
  type: w.type,
  raw: w,
});

/**
 * A network item to add: to admit only some clients, `DENY` `0.0.0.0/0` and `ALLOW` them.
 * @example [{ address: '0.0.0.0/0', type: 'DENY' }, { address: '192.0.2.0/24', type: 'ALLOW' }]
 */
export interface ClbNetworkItemInput {
  address: string;
  type: ClbAccessType;
}

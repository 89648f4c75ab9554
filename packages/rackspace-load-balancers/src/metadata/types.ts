import { object, string, stringOrNumber } from '@cloud/core/service';
import { idOf } from '../internal/common.js';

/**
 * One metadata item of a load balancer or node, with the id the service gave it.
 * @example const items = await listClbLoadBalancerMetadataItems(clb, lbId); console.log(items[0]?.id, items[0]?.key);
 */
export interface ClbMetadataItem {
  id: string;
  key: string;
  value: string;
}

/** @internal */
export interface ClbMetadataItemWire {
  id: string | number;
  key: string;
  value: string;
  [field: string]: unknown;
}

/** @internal */
export const METADATA_ITEM = object<ClbMetadataItemWire>({ id: stringOrNumber, key: string, value: string });

/** @internal */
export const parseMetadataItem = (w: ClbMetadataItemWire): ClbMetadataItem => ({
  id: idOf(w.id),
  key: w.key,
  value: w.value,
});

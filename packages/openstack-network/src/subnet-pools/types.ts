import { arrayOf, boolean, optional, type ShapeFields, string, stringOrNumber } from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import { SUBNET_POOLS_PATH } from './urls.js';

/**
 * A subnet pool: prefixes subnets take their ranges from.
 * @example const pool = await getSubnetPool(network, id); console.log(pool.prefixes, pool.defaultPrefixLength);
 */
export interface SubnetPool extends NetworkStandardAttributes {
  name: string;
  ipVersion: 4 | 6;
  prefixes: string[];
  defaultPrefixLength: number | undefined;
  minPrefixLength: number | undefined;
  maxPrefixLength: number | undefined;
  addressScopeId: string | undefined;
  shared: boolean;
  isDefault: boolean;
  /** Addresses (IPv4) or /64 prefixes (IPv6) one project may take; unset means no quota. */
  defaultQuota: number | undefined;
}

/** @internal */
export interface SubnetPoolWire extends StandardWire {
  name: string;
  ip_version: string | number;
  prefixes: string[];
  default_prefixlen?: string | number;
  min_prefixlen?: string | number;
  max_prefixlen?: string | number;
  address_scope_id?: string;
  shared?: boolean;
  is_default?: boolean;
  default_quota?: string | number;
}

const FIELDS: ShapeFields<SubnetPoolWire> = {
  ...STANDARD_FIELDS,
  name: string,
  ip_version: stringOrNumber,
  prefixes: arrayOf(string),
  default_prefixlen: optional(stringOrNumber),
  min_prefixlen: optional(stringOrNumber),
  max_prefixlen: optional(stringOrNumber),
  address_scope_id: optional(string),
  shared: optional(boolean),
  is_default: optional(boolean),
  default_quota: optional(stringOrNumber),
};

const num = (v: string | number | null | undefined): number | undefined =>
  v === undefined || v === null || v === '' ? undefined : Number(v);

/** @internal */
export function parseSubnetPool(w: SubnetPoolWire): SubnetPool {
  return {
    ...parseStandard(w),
    name: w.name,
    ipVersion: Number(w.ip_version) === 6 ? 6 : 4,
    prefixes: w.prefixes ?? [],
    defaultPrefixLength: num(w.default_prefixlen),
    minPrefixLength: num(w.min_prefixlen),
    maxPrefixLength: num(w.max_prefixlen),
    addressScopeId: w.address_scope_id ?? undefined,
    shared: w.shared ?? false,
    isDefault: w.is_default ?? false,
    defaultQuota: num(w.default_quota),
  };
}

/** @internal */
export const SUBNET_POOL = resourceKind<SubnetPoolWire, SubnetPool>({
  singular: 'subnetpool',
  plural: 'subnetpools',
  path: SUBNET_POOLS_PATH,
  label: 'subnet pool',
  fields: FIELDS,
  parse: parseSubnetPool,
});

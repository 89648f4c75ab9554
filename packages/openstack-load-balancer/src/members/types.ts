import { boolean, number, optional, type ShapeFields, string } from '@cloud/core/service';
import { BASE_FIELDS, type BaseWire, type LoadBalancingObject, parseBase } from '../internal/common.js';
import { resourceKind } from '../internal/rest.js';

/**
 * A member of a pool: one back-end address and port.
 * @example const m = await getMember(client, poolId, id); console.log(m.address, m.protocolPort, m.weight);
 */
export interface Member extends LoadBalancingObject {
  address: string;
  protocolPort: number;
  /** 0–256; 0 takes no new connections. */
  weight: number | undefined;
  /** Receives traffic only when every non-backup member is down. */
  backup: boolean | undefined;
  subnetId: string | undefined;
  monitorAddress: string | undefined;
  monitorPort: number | undefined;
  vnicType: string | undefined;
}

/** @internal */
export interface MemberWire extends BaseWire {
  address: string;
  protocol_port: number;
  weight?: number;
  backup?: boolean;
  subnet_id?: string;
  monitor_address?: string;
  monitor_port?: number;
  vnic_type?: string;
}

const FIELDS: ShapeFields<MemberWire> = {
  ...BASE_FIELDS,
  address: string,
  protocol_port: number,
  weight: optional(number),
  backup: optional(boolean),
  subnet_id: optional(string),
  monitor_address: optional(string),
  monitor_port: optional(number),
  vnic_type: optional(string),
};

/** @internal */
export function parseMember(w: MemberWire): Member {
  return {
    ...parseBase(w),
    address: w.address,
    protocolPort: w.protocol_port,
    weight: w.weight ?? undefined,
    backup: w.backup ?? undefined,
    subnetId: w.subnet_id ?? undefined,
    monitorAddress: w.monitor_address ?? undefined,
    monitorPort: w.monitor_port ?? undefined,
    vnicType: w.vnic_type ?? undefined,
  };
}

/** @internal */
export const MEMBER = resourceKind<MemberWire, Member>({
  singular: 'member',
  plural: 'members',
  label: 'member',
  fields: FIELDS,
  parse: parseMember,
});

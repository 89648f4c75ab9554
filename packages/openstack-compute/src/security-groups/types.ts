import { arrayOf, number, object, optional, string, stringOrNumber } from '@cloud/core/service';

/**
 * A rule of a compute security group.
 * @example const open = (await getSecurityGroup(compute, groupId)).rules.filter((r) => r.cidr === '0.0.0.0/0');
 */
export interface SecurityGroupRule {
  id: string;
  parentGroupId: string;
  /** `tcp`, `udp` or `icmp`; undefined for any protocol. */
  ipProtocol?: string | undefined;
  fromPort?: number | undefined;
  toPort?: number | undefined;
  /** Source CIDR, e.g. `0.0.0.0/0`. */
  cidr?: string | undefined;
  /** Source group, when the rule allows a group rather than a CIDR. */
  group?: { name: string; tenantId?: string | undefined } | undefined;
}

/**
 * A security group as the compute API shows it (`os-security-groups`).
 * @example const { name, rules } = await getSecurityGroup(compute, groupId);
 */
export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  tenantId: string;
  rules: SecurityGroupRule[];
}

/** @internal wire shape */
export interface SecurityGroupRuleWire {
  id: string | number;
  parent_group_id: string | number;
  ip_protocol?: string | null;
  from_port?: number | null;
  to_port?: number | null;
  ip_range?: { cidr?: string };
  group?: { name?: string; tenant_id?: string };
}

/** @internal wire shape */
export interface SecurityGroupWire {
  id: string | number;
  name: string;
  description?: string;
  tenant_id: string;
  rules?: SecurityGroupRuleWire[];
}

/** @internal */
export const parseSecurityGroupRule = (w: SecurityGroupRuleWire): SecurityGroupRule => ({
  id: String(w.id),
  parentGroupId: String(w.parent_group_id),
  ...(w.ip_protocol ? { ipProtocol: w.ip_protocol } : {}),
  ...(typeof w.from_port === 'number' ? { fromPort: w.from_port } : {}),
  ...(typeof w.to_port === 'number' ? { toPort: w.to_port } : {}),
  ...(w.ip_range?.cidr ? { cidr: w.ip_range.cidr } : {}),
  ...(w.group?.name
    ? { group: { name: w.group.name, ...(w.group.tenant_id ? { tenantId: w.group.tenant_id } : {}) } }
    : {}),
});

/** @internal */
export const parseSecurityGroup = (w: SecurityGroupWire): SecurityGroup => ({
  id: String(w.id),
  name: w.name,
  description: w.description ?? '',
  tenantId: w.tenant_id,
  rules: (w.rules ?? []).map(parseSecurityGroupRule),
});

/** @internal */
export const SECURITY_GROUP_RULE = object<SecurityGroupRuleWire>({
  id: stringOrNumber,
  parent_group_id: stringOrNumber,
  ip_protocol: optional(string),
  from_port: optional(number),
  to_port: optional(number),
  ip_range: optional(object<{ cidr?: string }>({ cidr: optional(string) })),
  group: optional(
    object<{ name?: string; tenant_id?: string }>({ name: optional(string), tenant_id: optional(string) }),
  ),
});

/** @internal */
export const SECURITY_GROUP = object<SecurityGroupWire>({
  id: stringOrNumber,
  name: string,
  description: optional(string),
  tenant_id: string,
  rules: optional(arrayOf(SECURITY_GROUP_RULE)),
});

/** @internal */
export const SECURITY_GROUPS = arrayOf(SECURITY_GROUP);

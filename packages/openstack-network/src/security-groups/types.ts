import { arrayOf, boolean, number, object, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  type NetworkStandardAttributes,
  parseStandard,
  STANDARD_FIELDS,
  type StandardWire,
} from '../common.js';
import { resourceKind } from '../internal/rest.js';
import { SECURITY_GROUP_RULES_PATH, SECURITY_GROUPS_PATH } from './urls.js';

/**
 * Direction of a rule: traffic into (`ingress`) or out of (`egress`) the ports of the group.
 * @example const d: NetworkSecurityGroupRuleDirection = 'ingress';
 */
export type NetworkSecurityGroupRuleDirection = 'ingress' | 'egress';

/**
 * A security group rule.
 * @example rule.protocol === 'tcp' && rule.portRangeMin === 22
 */
export interface NetworkSecurityGroupRule extends NetworkStandardAttributes {
  securityGroupId: string;
  direction: NetworkSecurityGroupRuleDirection | (string & {});
  ethertype: 'IPv4' | 'IPv6' | (string & {});
  /** `undefined` matches any protocol. */
  protocol: string | undefined;
  /** For ICMP, the type. */
  portRangeMin: number | undefined;
  /** For ICMP, the code. */
  portRangeMax: number | undefined;
  remoteIpPrefix: string | undefined;
  remoteGroupId: string | undefined;
  remoteAddressGroupId: string | undefined;
}

/**
 * A security group with its rules.
 * @example const sg = await getNetworkSecurityGroup(network, id); console.log(sg.rules.length);
 */
export interface NetworkSecurityGroup extends NetworkStandardAttributes {
  name: string;
  /** Stateful (default) or stateless (`stateful-security-group` extension). */
  stateful: boolean | undefined;
  shared: boolean | undefined;
  rules: NetworkSecurityGroupRule[];
}

/** @internal */
export interface SecurityGroupRuleWire extends StandardWire {
  security_group_id: string;
  direction: string;
  ethertype: string;
  protocol?: string;
  port_range_min?: number;
  port_range_max?: number;
  remote_ip_prefix?: string;
  remote_group_id?: string;
  remote_address_group_id?: string;
}

/** @internal */
export interface SecurityGroupWire extends StandardWire {
  name: string;
  stateful?: boolean;
  shared?: boolean;
  security_group_rules?: SecurityGroupRuleWire[];
}

const RULE_FIELDS: ShapeFields<SecurityGroupRuleWire> = {
  ...STANDARD_FIELDS,
  security_group_id: string,
  direction: string,
  ethertype: string,
  protocol: optional(string),
  port_range_min: optional(number),
  port_range_max: optional(number),
  remote_ip_prefix: optional(string),
  remote_group_id: optional(string),
  remote_address_group_id: optional(string),
};

/** @internal */
export function parseSecurityGroupRule(w: SecurityGroupRuleWire): NetworkSecurityGroupRule {
  return {
    ...parseStandard(w),
    securityGroupId: w.security_group_id,
    direction: w.direction,
    ethertype: w.ethertype,
    protocol: w.protocol ?? undefined,
    portRangeMin: w.port_range_min ?? undefined,
    portRangeMax: w.port_range_max ?? undefined,
    remoteIpPrefix: w.remote_ip_prefix ?? undefined,
    remoteGroupId: w.remote_group_id ?? undefined,
    remoteAddressGroupId: w.remote_address_group_id ?? undefined,
  };
}

/** @internal */
export function parseSecurityGroup(w: SecurityGroupWire): NetworkSecurityGroup {
  return {
    ...parseStandard(w),
    name: w.name,
    stateful: w.stateful ?? undefined,
    shared: w.shared ?? undefined,
    rules: (w.security_group_rules ?? []).map(parseSecurityGroupRule),
  };
}

/** @internal */
export const SECURITY_GROUP_RULE = resourceKind<SecurityGroupRuleWire, NetworkSecurityGroupRule>({
  singular: 'security_group_rule',
  plural: 'security_group_rules',
  path: SECURITY_GROUP_RULES_PATH,
  label: 'security group rule',
  fields: RULE_FIELDS,
  parse: parseSecurityGroupRule,
});

/** @internal */
export const SECURITY_GROUP = resourceKind<SecurityGroupWire, NetworkSecurityGroup>({
  singular: 'security_group',
  plural: 'security_groups',
  path: SECURITY_GROUPS_PATH,
  label: 'security group',
  fields: {
    ...STANDARD_FIELDS,
    name: string,
    stateful: optional(boolean),
    shared: optional(boolean),
    security_group_rules: optional(arrayOf(object<SecurityGroupRuleWire>(RULE_FIELDS))),
  },
  parse: parseSecurityGroup,
});

import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireOneOf, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams, OneOrMany } from '../common.js';
import { requireCidr } from '../internal/ip.js';
import {
  createResource,
  createResources,
  deleteResource,
  getResource,
  listResources,
  requireBatch,
} from '../internal/rest.js';
import { optString, optUuid, requireParams } from '../internal/validate.js';
import {
  type NetworkSecurityGroupRule,
  type NetworkSecurityGroupRuleDirection,
  SECURITY_GROUP_RULE,
} from './types.js';

/**
 * Protocol names Neutron accepts in a rule; a number 0–255 is accepted too.
 * @example await createNetworkSecurityGroupRule(network, { securityGroupId, direction: 'ingress', protocol: 'tcp', portRangeMin: 443, portRangeMax: 443 });
 */
export const NETWORK_SECURITY_GROUP_RULE_PROTOCOLS = [
  'any',
  'ah',
  'dccp',
  'egp',
  'esp',
  'gre',
  'hopopt',
  'icmp',
  'igmp',
  'ipip',
  'ipv6-encap',
  'ipv6-frag',
  'ipv6-icmp',
  'icmpv6',
  'ipv6-nonxt',
  'ipv6-opts',
  'ipv6-route',
  'ospf',
  'pgm',
  'rsvp',
  'sctp',
  'tcp',
  'udp',
  'udplite',
  'vrrp',
] as const;

/**
 * A protocol of a rule: a name of {@link NETWORK_SECURITY_GROUP_RULE_PROTOCOLS} or an IP protocol number.
 * @example const p: NetworkSecurityGroupRuleProtocol = 'tcp';
 */
export type NetworkSecurityGroupRuleProtocol =
  | (typeof NETWORK_SECURITY_GROUP_RULE_PROTOCOLS)[number]
  | number;

/** Protocols with ports (by name and number), and ICMP ones (type/code). */
const WITH_PORTS = new Set(['tcp', 'udp', 'sctp', 'dccp', 'udplite', '6', '17', '132', '33', '136']);
const ICMP = new Set(['icmp', 'ipv6-icmp', 'icmpv6', '1', '58']);

/**
 * Filters of {@link listNetworkSecurityGroupRules}; arrays mean "any of".
 * @example listNetworkSecurityGroupRules(network, { securityGroupId: sg.id, direction: 'ingress' });
 */
export interface ListNetworkSecurityGroupRulesParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  securityGroupId?: OneOrMany<string> | undefined;
  direction?: NetworkSecurityGroupRuleDirection | undefined;
  ethertype?: 'IPv4' | 'IPv6' | undefined;
  protocol?: OneOrMany<string> | undefined;
  remoteGroupId?: OneOrMany<string> | undefined;
  remoteIpPrefix?: OneOrMany<string> | undefined;
  projectId?: OneOrMany<string> | undefined;
}

/**
 * Lists security group rules, lazily.
 * @example for await (const r of listNetworkSecurityGroupRules(network, { securityGroupId })) console.log(r.direction, r.protocol);
 */
export function listNetworkSecurityGroupRules(
  client: NetworkClient,
  params?: ListNetworkSecurityGroupRulesParams,
  options?: RequestOptions,
): PagedIterable<NetworkSecurityGroupRule> {
  const p = params ?? {};
  return listResources(
    client,
    SECURITY_GROUP_RULE,
    params,
    {
      id: p.id,
      security_group_id: p.securityGroupId,
      direction: p.direction,
      ethertype: p.ethertype,
      protocol: p.protocol,
      remote_group_id: p.remoteGroupId,
      remote_ip_prefix: p.remoteIpPrefix,
      project_id: p.projectId,
    },
    options,
  );
}

/**
 * Reads one security group rule.
 * @example const rule = await getNetworkSecurityGroupRule(network, id);
 */
export async function getNetworkSecurityGroupRule(
  client: NetworkClient,
  ruleId: string,
  options?: RequestOptions,
): Promise<NetworkSecurityGroupRule> {
  requireUuid(ruleId, 'ruleId');
  return getResource(client, SECURITY_GROUP_RULE, ruleId, options);
}

/**
 * Parameters of {@link createNetworkSecurityGroupRule}. Give at most one remote: a CIDR, a group or an
 * address group; none means "from/to anywhere".
 * @example
 * ```ts
 * { securityGroupId: sg.id, direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '203.0.113.0/24' }
 * ```
 */
export interface CreateNetworkSecurityGroupRuleParams {
  securityGroupId: string;
  direction: NetworkSecurityGroupRuleDirection;
  /** Default `IPv4`. */
  ethertype?: 'IPv4' | 'IPv6' | undefined;
  /** Omit for any protocol. */
  protocol?: NetworkSecurityGroupRuleProtocol | undefined;
  /** First port (TCP, UDP, SCTP…) or ICMP type. */
  portRangeMin?: number | undefined;
  /** Last port, or ICMP code. */
  portRangeMax?: number | undefined;
  /** Remote CIDR, of the rule's ethertype. */
  remoteIpPrefix?: string | undefined;
  remoteGroupId?: string | undefined;
  remoteAddressGroupId?: string | undefined;
  description?: string | undefined;
}

function protocolOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 255) {
      throw new ValidationError(`protocol number must be between 0 and 255, got ${value}`, 'protocol');
    }
    return String(value);
  }
  if (typeof value === 'string' && /^\d{1,3}$/.test(value) && Number(value) <= 255) return value;
  return requireOneOf(value, NETWORK_SECURITY_GROUP_RULE_PROTOCOLS, 'protocol');
}

function ruleBody(input: unknown, field = 'params'): Record<string, unknown> {
  const p = requireParams<CreateNetworkSecurityGroupRuleParams>(input, field);
  requireUuid(p.securityGroupId, 'securityGroupId');
  requireOneOf(p.direction, ['ingress', 'egress'] as const, 'direction');
  const ethertype = p.ethertype ?? 'IPv4';
  requireOneOf(ethertype, ['IPv4', 'IPv6'] as const, 'ethertype');
  const protocol = protocolOf(p.protocol);
  const { portRangeMin: min, portRangeMax: max } = p;
  if (min !== undefined || max !== undefined) {
    if (protocol !== undefined && WITH_PORTS.has(protocol)) {
      for (const [f, v] of [
        ['portRangeMin', min],
        ['portRangeMax', max],
      ] as const) {
        if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 65535)) {
          throw new ValidationError(`${f} must be a port between 1 and 65535, got ${String(v)}`, f);
        }
      }
      if (min !== undefined && max !== undefined && min > max) {
        throw new ValidationError(
          `portRangeMin (${min}) must not be above portRangeMax (${max})`,
          'portRangeMin',
        );
      }
    } else if (protocol !== undefined && ICMP.has(protocol)) {
      for (const [f, v] of [
        ['portRangeMin', min],
        ['portRangeMax', max],
      ] as const) {
        if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 255)) {
          throw new ValidationError(
            `${f} (ICMP ${f === 'portRangeMin' ? 'type' : 'code'}) must be between 0 and 255`,
            f,
          );
        }
      }
      if (min === undefined)
        throw new ValidationError('an ICMP code (portRangeMax) needs a type (portRangeMin)', 'portRangeMin');
    } else {
      throw new ValidationError(
        `port ranges apply to TCP, UDP, SCTP, DCCP, UDP-Lite and ICMP only, not to protocol ${protocol ?? 'any'}`,
        min !== undefined ? 'portRangeMin' : 'portRangeMax',
      );
    }
  }
  if (ethertype === 'IPv4' && (protocol === 'ipv6-icmp' || protocol === 'icmpv6' || protocol === '58')) {
    throw new ValidationError(`protocol ${protocol} needs ethertype IPv6`, 'protocol');
  }
  const remotes = [p.remoteIpPrefix, p.remoteGroupId, p.remoteAddressGroupId].filter((r) => r !== undefined);
  if (remotes.length > 1) {
    throw new ValidationError(
      'give at most one of remoteIpPrefix, remoteGroupId, remoteAddressGroupId',
      'remoteIpPrefix',
    );
  }
  if (p.remoteIpPrefix !== undefined)
    requireCidr(p.remoteIpPrefix, 'remoteIpPrefix', ethertype === 'IPv4' ? 4 : 6);
  return omitUndefined({
    security_group_id: p.securityGroupId,
    direction: p.direction,
    ethertype,
    protocol,
    port_range_min: min,
    port_range_max: max,
    remote_ip_prefix: p.remoteIpPrefix,
    remote_group_id: optUuid(p.remoteGroupId, 'remoteGroupId'),
    remote_address_group_id: optUuid(p.remoteAddressGroupId, 'remoteAddressGroupId'),
    description: optString(p.description, 'description'),
  });
}

/**
 * Adds a rule to a security group. The rule is checked before any request: a known protocol,
 * ports 1–65535 with min ≤ max (ICMP: type and code 0–255), a CIDR of the rule's ethertype, at
 * most one remote.
 * @throws ValidationError for bad input; ConflictError when the same rule exists.
 * @example
 * ```ts
 * await createNetworkSecurityGroupRule(network, {
 *   securityGroupId: sg.id, direction: 'ingress', protocol: 'tcp', portRangeMin: 443, portRangeMax: 443, remoteIpPrefix: '0.0.0.0/0',
 * });
 * ```
 */
export async function createNetworkSecurityGroupRule(
  client: NetworkClient,
  params: CreateNetworkSecurityGroupRuleParams,
  options?: RequestOptions,
): Promise<NetworkSecurityGroupRule> {
  return createResource(client, SECURITY_GROUP_RULE, ruleBody(params), options);
}

/**
 * Adds several rules in one request (all or none).
 * @example await createNetworkSecurityGroupRules(network, [{ securityGroupId, direction: 'ingress', protocol: 'icmp' }, { securityGroupId, direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22 }]);
 */
export async function createNetworkSecurityGroupRules(
  client: NetworkClient,
  rules: readonly CreateNetworkSecurityGroupRuleParams[],
  options?: RequestOptions,
): Promise<NetworkSecurityGroupRule[]> {
  const items = requireBatch<CreateNetworkSecurityGroupRuleParams>(rules, 'rules');
  return createResources(
    client,
    SECURITY_GROUP_RULE,
    items.map((r, i) => ruleBody(r, `rules[${i}]`)),
    options,
  );
}

/**
 * Deletes a security group rule (rules cannot be updated: delete and create).
 * @example await deleteNetworkSecurityGroupRule(network, id);
 */
export async function deleteNetworkSecurityGroupRule(
  client: NetworkClient,
  ruleId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(ruleId, 'ruleId');
  await deleteResource(client, SECURITY_GROUP_RULE, ruleId, options);
}

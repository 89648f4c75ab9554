import { type MicroversionRequestOptions, type PagedIterable, ValidationError } from '@cloud/core';
import {
  type MicroversionGate,
  omitUndefined,
  requireInteger,
  requireNonBlank,
  requireOneOf,
  requireString,
  singlePage,
  unwrap,
} from '@cloud/core/service';
import type { ComputeClient } from '../client.js';
import { requireServerId } from '../internal/common.js';
import { checkComputeGates } from '../internal/microversion.js';
import { serverAction } from '../servers/actions.js';
import { serverSecurityGroupsPath } from '../servers/urls.js';
import {
  parseSecurityGroup,
  parseSecurityGroupRule,
  SECURITY_GROUP,
  SECURITY_GROUP_RULE,
  SECURITY_GROUPS,
  type SecurityGroup,
  type SecurityGroupRule,
} from './types.js';
import {
  securityGroupPath,
  securityGroupRulePath,
  securityGroupRulesPath,
  securityGroupsPath,
} from './urls.js';

/** `os-security-groups` and `os-security-group-rules` are proxies removed at 2.36. */
const proxyGates = (api: string): MicroversionGate[] => [
  {
    field: api,
    until: '2.36',
    advice: 'use the networking service (Neutron) security group API instead',
    operation: true,
  },
];
const GROUP_GATES = proxyGates('os-security-groups');
const RULE_GATES = proxyGates('os-security-group-rules');
const requireProxy = (
  client: ComputeClient,
  gates: MicroversionGate[],
  options?: MicroversionRequestOptions,
) => checkComputeGates(client, gates, undefined, options);

const idOf = (id: unknown, field: string): string => {
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  return requireString(id, field);
};

/**
 * Lists the project's security groups with their rules.
 * @remarks Deprecated proxy API, removed at compute microversion 2.36: prefer Neutron.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`listNetworkSecurityGroups`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * for await (const g of listSecurityGroups(compute)) console.log(g.name, g.rules.length);
 * ```
 */
export function listSecurityGroups(
  client: ComputeClient,
  params: { /** Administrators: every project's groups. */ allTenants?: boolean | undefined } = {},
  options?: MicroversionRequestOptions,
): PagedIterable<SecurityGroup> {
  requireProxy(client, GROUP_GATES, options);
  return singlePage(async () => {
    const res = await client.request('GET', securityGroupsPath(), {
      ...options,
      searchParams: { all_tenants: params.allTenants ? 'true' : undefined },
    });
    return unwrap(res, 'security_groups', SECURITY_GROUPS).map(parseSecurityGroup);
  });
}

/**
 * Gets one security group.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`getNetworkSecurityGroup`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * const g = await getSecurityGroup(compute, groupId);
 * ```
 */
export async function getSecurityGroup(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<SecurityGroup> {
  requireProxy(client, GROUP_GATES, options);
  const gid = idOf(id, 'securityGroupId');
  const res = await client.request('GET', securityGroupPath(gid), {
    ...options,
    resource: `security group "${gid}"`,
  });
  return parseSecurityGroup(unwrap(res, 'security_group', SECURITY_GROUP));
}

/**
 * Creates a security group (without rules).
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`createNetworkSecurityGroup`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * const g = await createSecurityGroup(compute, { name: 'web', description: 'HTTP in' });
 * ```
 */
export async function createSecurityGroup(
  client: ComputeClient,
  params: { name: string; description?: string | undefined },
  options?: MicroversionRequestOptions,
): Promise<SecurityGroup> {
  requireProxy(client, GROUP_GATES, options);
  requireNonBlank(params?.name, 'name');
  const res = await client.request('POST', securityGroupsPath(), {
    ...options,
    json: { security_group: { name: params.name, description: params.description ?? '' } },
  });
  return parseSecurityGroup(unwrap(res, 'security_group', SECURITY_GROUP));
}

/**
 * Deletes a security group.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`deleteNetworkSecurityGroup`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * await deleteSecurityGroup(compute, groupId);
 * ```
 */
export async function deleteSecurityGroup(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireProxy(client, GROUP_GATES, options);
  const gid = idOf(id, 'securityGroupId');
  await client.request('DELETE', securityGroupPath(gid), { ...options, resource: `security group "${gid}"` });
}

/**
 * Parameters of {@link createSecurityGroupRule}. Give `cidr` or `groupId`, not both.
 * @example await createSecurityGroupRule(compute, { parentGroupId, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/8' });
 */
export interface CreateSecurityGroupRuleParams {
  /** The group the rule belongs to. */
  parentGroupId: string;
  ipProtocol: 'tcp' | 'udp' | 'icmp';
  /** First port (or ICMP type; -1 for any). */
  fromPort: number;
  /** Last port (or ICMP code; -1 for any). */
  toPort: number;
  /** Allowed source range, e.g. `0.0.0.0/0`. */
  cidr?: string | undefined;
  /** Allowed source group. */
  groupId?: string | undefined;
}

/**
 * Adds an ingress rule to a security group.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`createNetworkSecurityGroupRule`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * await createSecurityGroupRule(compute, { parentGroupId: g.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' });
 * ```
 */
export async function createSecurityGroupRule(
  client: ComputeClient,
  params: CreateSecurityGroupRuleParams,
  options?: MicroversionRequestOptions,
): Promise<SecurityGroupRule> {
  requireProxy(client, RULE_GATES, options);
  const parent = idOf(params?.parentGroupId, 'parentGroupId');
  requireOneOf(params.ipProtocol, ['tcp', 'udp', 'icmp'] as const, 'ipProtocol');
  const min = params.ipProtocol === 'icmp' ? -1 : 1;
  const max = params.ipProtocol === 'icmp' ? 255 : 65535;
  requireInteger(params.fromPort, 'fromPort', min, max);
  requireInteger(params.toPort, 'toPort', min, max);
  if (params.ipProtocol !== 'icmp' && params.fromPort > params.toPort) {
    throw new ValidationError('fromPort must not be greater than toPort', 'fromPort');
  }
  if (params.cidr !== undefined && params.groupId !== undefined) {
    throw new ValidationError('give cidr or groupId, not both', 'cidr');
  }
  const rule = omitUndefined({
    parent_group_id: parent,
    ip_protocol: params.ipProtocol,
    from_port: params.fromPort,
    to_port: params.toPort,
    cidr: params.cidr,
    group_id: params.groupId === undefined ? undefined : idOf(params.groupId, 'groupId'),
  });
  const res = await client.request('POST', securityGroupRulesPath(), {
    ...options,
    json: { security_group_rule: rule },
    resource: `security group "${parent}"`,
  });
  return parseSecurityGroupRule(unwrap(res, 'security_group_rule', SECURITY_GROUP_RULE));
}

/**
 * Deletes a security group rule.
 * @remarks Removed at compute microversion 2.36.
 * @deprecated Nova's networking proxy: use `@cloud/openstack-network` (`deleteNetworkSecurityGroupRule`) on clouds with Neutron. Kept for old clouds.
 * @example
 * ```ts
 * await deleteSecurityGroupRule(compute, ruleId);
 * ```
 */
export async function deleteSecurityGroupRule(
  client: ComputeClient,
  id: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireProxy(client, RULE_GATES, options);
  const rid = idOf(id, 'ruleId');
  await client.request('DELETE', securityGroupRulePath(rid), {
    ...options,
    resource: `security group rule "${rid}"`,
  });
}

/**
 * Lists the security groups of a server. Available at every microversion.
 * @example
 * ```ts
 * for await (const g of listServerSecurityGroups(compute, serverId)) console.log(g.name);
 * ```
 */
export function listServerSecurityGroups(
  client: ComputeClient,
  serverId: string,
  options?: MicroversionRequestOptions,
): PagedIterable<SecurityGroup> {
  requireServerId(serverId);
  return singlePage(async () => {
    const res = await client.request('GET', serverSecurityGroupsPath(serverId), {
      ...options,
      resource: `server "${serverId}"`,
    });
    return unwrap(res, 'security_groups', SECURITY_GROUPS).map(parseSecurityGroup);
  });
}

/**
 * Adds a security group (by name) to a server (`addSecurityGroup`). Available at every microversion.
 * @example
 * ```ts
 * await addServerSecurityGroup(compute, serverId, 'web');
 * ```
 */
export async function addServerSecurityGroup(
  client: ComputeClient,
  serverId: string,
  name: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(name, 'name');
  await serverAction(client, serverId, { addSecurityGroup: { name } }, options);
}

/**
 * Removes a security group (by name) from a server (`removeSecurityGroup`).
 * @example
 * ```ts
 * await removeServerSecurityGroup(compute, serverId, 'web');
 * ```
 */
export async function removeServerSecurityGroup(
  client: ComputeClient,
  serverId: string,
  name: string,
  options?: MicroversionRequestOptions,
): Promise<void> {
  requireString(name, 'name');
  await serverAction(client, serverId, { removeSecurityGroup: { name } }, options);
}

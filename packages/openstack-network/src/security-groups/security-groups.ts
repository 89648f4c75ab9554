import type { PagedIterable, RequestOptions } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams, NetworkRevisionGuard, OneOrMany } from '../common.js';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  requireRevision,
  updateResource,
} from '../internal/rest.js';
import { optBool, optString, requireChange, requireParams } from '../internal/validate.js';
import { type NetworkSecurityGroup, SECURITY_GROUP } from './types.js';

/**
 * Filters of {@link listNetworkSecurityGroups}; arrays mean "any of".
 * @example listNetworkSecurityGroups(network, { name: 'default' });
 */
export interface ListNetworkSecurityGroupsParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  projectId?: OneOrMany<string> | undefined;
  stateful?: boolean | undefined;
}

/**
 * Lists security groups with their rules, lazily.
 * @example for await (const sg of listNetworkSecurityGroups(network)) console.log(sg.name, sg.rules.length);
 */
export function listNetworkSecurityGroups(
  client: NetworkClient,
  params?: ListNetworkSecurityGroupsParams,
  options?: RequestOptions,
): PagedIterable<NetworkSecurityGroup> {
  const p = params ?? {};
  return listResources(
    client,
    SECURITY_GROUP,
    params,
    { id: p.id, name: p.name, project_id: p.projectId, stateful: p.stateful },
    options,
  );
}

/**
 * Reads one security group with its rules.
 * @throws NotFoundError when there is no such group.
 * @example const sg = await getNetworkSecurityGroup(network, id);
 */
export async function getNetworkSecurityGroup(
  client: NetworkClient,
  securityGroupId: string,
  options?: RequestOptions,
): Promise<NetworkSecurityGroup> {
  requireUuid(securityGroupId, 'securityGroupId');
  return getResource(client, SECURITY_GROUP, securityGroupId, options);
}

/**
 * Parameters of {@link createNetworkSecurityGroup}.
 * @example await createNetworkSecurityGroup(network, { name: 'web', stateful: true });
 */
export interface CreateNetworkSecurityGroupParams {
  name: string;
  description?: string | undefined;
  /** `false` makes a stateless group (no connection tracking). Default true. */
  stateful?: boolean | undefined;
  projectId?: string | undefined;
}

/**
 * Creates a security group. Neutron adds two egress rules (IPv4 and IPv6, anything) to it.
 * @example const sg = await createNetworkSecurityGroup(network, { name: 'web', description: 'HTTP in' });
 */
export async function createNetworkSecurityGroup(
  client: NetworkClient,
  params: CreateNetworkSecurityGroupParams,
  options?: RequestOptions,
): Promise<NetworkSecurityGroup> {
  const p = requireParams<CreateNetworkSecurityGroupParams>(params);
  const body = omitUndefined({
    name: optString(p.name, 'name') ?? '',
    description: optString(p.description, 'description'),
    stateful: optBool(p.stateful, 'stateful'),
    project_id: optString(p.projectId, 'projectId'),
  });
  return createResource(client, SECURITY_GROUP, body, options);
}

/**
 * Parameters of {@link updateNetworkSecurityGroup}.
 * @example await updateNetworkSecurityGroup(network, id, { name: 'web-v2', ifRevision: sg.revisionNumber });
 */
export interface UpdateNetworkSecurityGroupParams extends NetworkRevisionGuard {
  name?: string | undefined;
  description?: string | undefined;
  stateful?: boolean | undefined;
}

/**
 * Updates a security group's name, description or statefulness.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updateNetworkSecurityGroup(network, id, { description: 'HTTP and HTTPS in' });
 */
export async function updateNetworkSecurityGroup(
  client: NetworkClient,
  securityGroupId: string,
  params: UpdateNetworkSecurityGroupParams,
  options?: RequestOptions,
): Promise<NetworkSecurityGroup> {
  requireUuid(securityGroupId, 'securityGroupId');
  const p = requireParams<UpdateNetworkSecurityGroupParams>(params);
  const revision = requireRevision(p);
  const body = {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    stateful: optBool(p.stateful, 'stateful'),
  };
  requireChange(body, 'security group');
  return updateResource(client, SECURITY_GROUP, securityGroupId, omitUndefined(body), revision, options);
}

/**
 * Deletes a security group (refused while ports use it).
 * @example await deleteNetworkSecurityGroup(network, id);
 */
export async function deleteNetworkSecurityGroup(
  client: NetworkClient,
  securityGroupId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(securityGroupId, 'securityGroupId');
  await deleteResource(client, SECURITY_GROUP, securityGroupId, options);
}

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
import { SECURITY_GROUP, type SecurityGroup } from './types.js';

/**
 * Filters of {@link listSecurityGroups}; arrays mean "any of".
 * @example listSecurityGroups(network, { name: 'default' });
 */
export interface ListSecurityGroupsParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  projectId?: OneOrMany<string> | undefined;
  stateful?: boolean | undefined;
}

/**
 * Lists security groups with their rules, lazily.
 * @example for await (const sg of listSecurityGroups(network)) console.log(sg.name, sg.rules.length);
 */
export function listSecurityGroups(
  client: NetworkClient,
  params?: ListSecurityGroupsParams,
  options?: RequestOptions,
): PagedIterable<SecurityGroup> {
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
 * @example const sg = await getSecurityGroup(network, id);
 */
export async function getSecurityGroup(
  client: NetworkClient,
  securityGroupId: string,
  options?: RequestOptions,
): Promise<SecurityGroup> {
  requireUuid(securityGroupId, 'securityGroupId');
  return getResource(client, SECURITY_GROUP, securityGroupId, options);
}

/**
 * Parameters of {@link createSecurityGroup}.
 * @example await createSecurityGroup(network, { name: 'web', stateful: true });
 */
export interface CreateSecurityGroupParams {
  name: string;
  description?: string | undefined;
  /** `false` makes a stateless group (no connection tracking). Default true. */
  stateful?: boolean | undefined;
  projectId?: string | undefined;
}

/**
 * Creates a security group. Neutron adds two egress rules (IPv4 and IPv6, anything) to it.
 * @example const sg = await createSecurityGroup(network, { name: 'web', description: 'HTTP in' });
 */
export async function createSecurityGroup(
  client: NetworkClient,
  params: CreateSecurityGroupParams,
  options?: RequestOptions,
): Promise<SecurityGroup> {
  const p = requireParams<CreateSecurityGroupParams>(params);
  const body = omitUndefined({
    name: optString(p.name, 'name') ?? '',
    description: optString(p.description, 'description'),
    stateful: optBool(p.stateful, 'stateful'),
    project_id: optString(p.projectId, 'projectId'),
  });
  return createResource(client, SECURITY_GROUP, body, options);
}

/**
 * Parameters of {@link updateSecurityGroup}.
 * @example await updateSecurityGroup(network, id, { name: 'web-v2', ifRevision: sg.revisionNumber });
 */
export interface UpdateSecurityGroupParams extends NetworkRevisionGuard {
  name?: string | undefined;
  description?: string | undefined;
  stateful?: boolean | undefined;
}

/**
 * Updates a security group's name, description or statefulness.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updateSecurityGroup(network, id, { description: 'HTTP and HTTPS in' });
 */
export async function updateSecurityGroup(
  client: NetworkClient,
  securityGroupId: string,
  params: UpdateSecurityGroupParams,
  options?: RequestOptions,
): Promise<SecurityGroup> {
  requireUuid(securityGroupId, 'securityGroupId');
  const p = requireParams<UpdateSecurityGroupParams>(params);
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
 * @example await deleteSecurityGroup(network, id);
 */
export async function deleteSecurityGroup(
  client: NetworkClient,
  securityGroupId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(securityGroupId, 'securityGroupId');
  await deleteResource(client, SECURITY_GROUP, securityGroupId, options);
}

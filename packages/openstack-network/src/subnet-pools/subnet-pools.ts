import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams, NetworkRevisionGuard, OneOrMany } from '../common.js';
import { requireCidr } from '../internal/ip.js';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  requireRevision,
  updateResource,
} from '../internal/rest.js';
import { optBool, optInt, optString, optUuid, requireChange, requireParams } from '../internal/validate.js';
import { SUBNET_POOL, type SubnetPool } from './types.js';

/**
 * Filters of {@link listSubnetPools}; arrays mean "any of".
 * @example listSubnetPools(network, { ipVersion: 6, isDefault: true });
 */
export interface ListSubnetPoolsParams extends NetworkListParams {
  id?: OneOrMany<string> | undefined;
  name?: OneOrMany<string> | undefined;
  ipVersion?: 4 | 6 | undefined;
  shared?: boolean | undefined;
  isDefault?: boolean | undefined;
  addressScopeId?: OneOrMany<string> | undefined;
  projectId?: OneOrMany<string> | undefined;
}

/**
 * Lists subnet pools, lazily.
 * @example for await (const pool of listSubnetPools(network)) console.log(pool.name, pool.prefixes);
 */
export function listSubnetPools(
  client: NetworkClient,
  params?: ListSubnetPoolsParams,
  options?: RequestOptions,
): PagedIterable<SubnetPool> {
  const p = params ?? {};
  return listResources(
    client,
    SUBNET_POOL,
    params,
    {
      id: p.id,
      name: p.name,
      ip_version: p.ipVersion,
      shared: p.shared,
      is_default: p.isDefault,
      address_scope_id: p.addressScopeId,
      project_id: p.projectId,
    },
    options,
  );
}

/**
 * Reads one subnet pool.
 * @example const pool = await getSubnetPool(network, id);
 */
export async function getSubnetPool(
  client: NetworkClient,
  subnetPoolId: string,
  options?: RequestOptions,
): Promise<SubnetPool> {
  requireUuid(subnetPoolId, 'subnetPoolId');
  return getResource(client, SUBNET_POOL, subnetPoolId, options);
}

/**
 * The updatable attributes of a subnet pool. Prefixes can only grow.
 * @example { prefixes: ['10.0.0.0/16', '10.1.0.0/16'], defaultPrefixLength: 24 }
 */
export interface SubnetPoolParams {
  name?: string | undefined;
  description?: string | undefined;
  /** The pool's ranges, all of one IP version. */
  prefixes?: readonly string[] | undefined;
  defaultPrefixLength?: number | undefined;
  minPrefixLength?: number | undefined;
  maxPrefixLength?: number | undefined;
  addressScopeId?: string | null | undefined;
  isDefault?: boolean | undefined;
  defaultQuota?: number | undefined;
}

/**
 * Parameters of {@link createSubnetPool}.
 * @example await createSubnetPool(network, { name: 'v6', prefixes: ['2001:db8::/48'], defaultPrefixLength: 64 });
 */
export interface CreateSubnetPoolParams extends SubnetPoolParams {
  name: string;
  prefixes: readonly string[];
  /** Share with every project (administrators). */
  shared?: boolean | undefined;
  projectId?: string | undefined;
}

function poolBody(p: SubnetPoolParams & { shared?: boolean; projectId?: string }): Record<string, unknown> {
  let version: 4 | 6 | undefined;
  let prefixes: string[] | undefined;
  if (p.prefixes !== undefined) {
    if (!Array.isArray(p.prefixes) || p.prefixes.length === 0) {
      throw new ValidationError('prefixes must be a non-empty array of CIDRs', 'prefixes');
    }
    prefixes = p.prefixes.map((c, i) => {
      version = requireCidr(c, `prefixes[${i}]`, version);
      return c;
    });
  }
  const max = version === 4 ? 32 : 128;
  const body = {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    prefixes,
    default_prefixlen: optInt(p.defaultPrefixLength, 'defaultPrefixLength', 0, max),
    min_prefixlen: optInt(p.minPrefixLength, 'minPrefixLength', 0, max),
    max_prefixlen: optInt(p.maxPrefixLength, 'maxPrefixLength', 0, max),
    address_scope_id: p.addressScopeId === null ? null : optUuid(p.addressScopeId, 'addressScopeId'),
    is_default: optBool(p.isDefault, 'isDefault'),
    default_quota: optInt(p.defaultQuota, 'defaultQuota', 0, Number.MAX_SAFE_INTEGER),
    shared: optBool(p.shared, 'shared'),
    project_id: optString(p.projectId, 'projectId'),
  };
  const { min_prefixlen: lo, max_prefixlen: hi, default_prefixlen: def } = body;
  if (lo !== undefined && hi !== undefined && lo > hi) {
    throw new ValidationError('minPrefixLength must not be above maxPrefixLength', 'minPrefixLength');
  }
  if (def !== undefined && ((lo !== undefined && def < lo) || (hi !== undefined && def > hi))) {
    throw new ValidationError(
      'defaultPrefixLength must lie between minPrefixLength and maxPrefixLength',
      'defaultPrefixLength',
    );
  }
  return body;
}

/**
 * Creates a subnet pool.
 * @throws ValidationError for an invalid CIDR, mixed IP versions or inconsistent prefix lengths.
 * @example const pool = await createSubnetPool(network, { name: 'tenant-v4', prefixes: ['10.0.0.0/8'], defaultPrefixLength: 24 });
 */
export async function createSubnetPool(
  client: NetworkClient,
  params: CreateSubnetPoolParams,
  options?: RequestOptions,
): Promise<SubnetPool> {
  const p = requireParams<CreateSubnetPoolParams>(params);
  if (typeof p.name !== 'string') throw new ValidationError('name must be a string', 'name');
  if (p.prefixes === undefined) throw new ValidationError('prefixes is required', 'prefixes');
  return createResource(client, SUBNET_POOL, omitUndefined(poolBody(p)), options);
}

/**
 * Parameters of {@link updateSubnetPool}.
 * @example await updateSubnetPool(network, id, { prefixes: [...pool.prefixes, '10.9.0.0/16'], ifRevision: pool.revisionNumber });
 */
export interface UpdateSubnetPoolParams extends SubnetPoolParams, NetworkRevisionGuard {}

/**
 * Updates a subnet pool.
 * @throws NetworkRevisionConflictError when `ifRevision` no longer matches.
 * @example await updateSubnetPool(network, id, { defaultQuota: 1024 });
 */
export async function updateSubnetPool(
  client: NetworkClient,
  subnetPoolId: string,
  params: UpdateSubnetPoolParams,
  options?: RequestOptions,
): Promise<SubnetPool> {
  requireUuid(subnetPoolId, 'subnetPoolId');
  const p = requireParams<UpdateSubnetPoolParams>(params);
  const revision = requireRevision(p);
  const body = poolBody({ ...p, shared: undefined, projectId: undefined });
  requireChange(body, 'subnet pool');
  return updateResource(client, SUBNET_POOL, subnetPoolId, omitUndefined(body), revision, options);
}

/**
 * Deletes a subnet pool (refused while subnets use it).
 * @example await deleteSubnetPool(network, id);
 */
export async function deleteSubnetPool(
  client: NetworkClient,
  subnetPoolId: string,
  options?: RequestOptions,
): Promise<void> {
  requireUuid(subnetPoolId, 'subnetPoolId');
  await deleteResource(client, SUBNET_POOL, subnetPoolId, options);
}

import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
import type { LoadBalancerClient, LoadBalancerServiceRequest } from '../client.js';
import type {
  LoadBalancerDeletionWaiterOptions,
  LoadBalancerListParams,
  LoadBalancerRequestOptions,
  OperatingStatus,
  ProvisioningStatus,
  ProvisioningWaiterOptions,
} from '../internal/common.js';
import {
  deleteResource,
  getResource,
  itemPath,
  listResources,
  waitForGone,
  waitForProvisioning,
  writeResource,
} from '../internal/rest.js';
import {
  optBool,
  optInt,
  optIp,
  optPort,
  optString,
  optTags,
  optUuid,
  requireChange,
  requireIp,
  requireParams,
  requirePort,
} from '../internal/validate.js';
import { POOLS_PATH } from '../pools/types.js';
import { MEMBER, type Member } from './types.js';

const membersPath = (poolId: string) => `${itemPath(POOLS_PATH, poolId)}/members`;
const path = (poolId: string, id: string) => itemPath(membersPath(poolId), id);
const what = (poolId: string, id: string) => `member "${id}" of pool "${poolId}"`;

/**
 * Filters of {@link listMembers}. Any other attribute goes in `filters`.
 * @example listMembers(client, poolId, { operatingStatus: 'ERROR' });
 */
export interface ListMembersParams extends LoadBalancerListParams {
  name?: string | undefined;
  projectId?: string | undefined;
  address?: string | undefined;
  protocolPort?: number | undefined;
  subnetId?: string | undefined;
  weight?: number | undefined;
  backup?: boolean | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
  operatingStatus?: OperatingStatus | undefined;
}

/**
 * Lists the members of a pool, lazily, following `members_links`.
 * @example for await (const m of listMembers(client, poolId)) console.log(m.address, m.operatingStatus);
 */
export function listMembers(
  client: LoadBalancerClient,
  poolId: string,
  params?: ListMembersParams,
  options?: RequestOptions,
): PagedIterable<Member> {
  requireUuid(poolId, 'poolId');
  const p = params ?? {};
  return listResources(
    client,
    MEMBER,
    membersPath(poolId),
    params,
    {
      name: optString(p.name, 'name'),
      project_id: optString(p.projectId, 'projectId'),
      address: optIp(p.address, 'address') ?? undefined,
      protocol_port: optPort(p.protocolPort, 'protocolPort') ?? undefined,
      subnet_id: optUuid(p.subnetId, 'subnetId') ?? undefined,
      weight: optInt(p.weight, 'weight', 0, 256),
      backup: optBool(p.backup, 'backup'),
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
      operating_status: optString(p.operatingStatus, 'operatingStatus'),
    },
    options,
  );
}

/**
 * Reads one member of a pool.
 * @throws NotFoundError when there is no such member.
 * @example const m = await getMember(client, poolId, memberId);
 */
export async function getMember(
  client: LoadBalancerClient,
  poolId: string,
  memberId: string,
  options?: RequestOptions,
): Promise<Member> {
  requireUuid(poolId, 'poolId');
  requireUuid(memberId, 'memberId');
  return getResource(client, MEMBER, path(poolId, memberId), what(poolId, memberId), options);
}

/**
 * What {@link updateMember} accepts (and {@link createMember} besides the address and port).
 * @example const p: MemberParams = { weight: 0 }; // drain
 */
export interface MemberParams {
  name?: string | undefined;
  adminStateUp?: boolean | undefined;
  /** 0–256 (default 1); 0 = no new connections. */
  weight?: number | undefined;
  backup?: boolean | undefined;
  /** Health-check this address instead (`null` = the member's own). */
  monitorAddress?: string | null | undefined;
  /** Health-check this port instead (`null` = the member's own). */
  monitorPort?: number | null | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Parameters of {@link createMember}, and one entry of {@link replacePoolMembers}.
 * @example await createMember(client, poolId, { address: '192.0.2.10', protocolPort: 8080, subnetId });
 */
export interface CreateMemberParams extends MemberParams {
  /** The member's IP address (IPv4 or IPv6). */
  address: string;
  protocolPort: number;
  /** Subnet the address is reached on (the VIP subnet when left out). */
  subnetId?: string | undefined;
  /** Request an SR-IOV VF for the member port (API 2.29+). */
  requestSriov?: boolean | undefined;
  /** Administrators: another project. */
  projectId?: string | undefined;
}

function memberBody(p: MemberParams): Record<string, unknown> {
  return {
    name: optString(p.name, 'name'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    weight: optInt(p.weight, 'weight', 0, 256),
    backup: optBool(p.backup, 'backup'),
    monitor_address: optIp(p.monitorAddress, 'monitorAddress'),
    monitor_port: optPort(p.monitorPort, 'monitorPort'),
    tags: optTags(p.tags, 'tags'),
  };
}

function createBody(input: unknown, field?: string): Record<string, unknown> {
  const prefix = field ? `${field}.` : '';
  const p = requireParams<CreateMemberParams>(input, field);
  try {
    return omitUndefined({
      address: requireIp(p.address, 'address'),
      protocol_port: requirePort(p.protocolPort, 'protocolPort'),
      subnet_id: optUuid(p.subnetId, 'subnetId') ?? undefined,
      request_sriov: optBool(p.requestSriov, 'requestSriov'),
      project_id: optString(p.projectId, 'projectId'),
      ...memberBody(p),
    });
  } catch (error) {
    if (!prefix || !(error instanceof ValidationError)) throw error;
    throw new ValidationError(`${prefix}${error.message}`, `${prefix}${error.field ?? ''}`);
  }
}

/**
 * Adds a member to a pool.
 * @example
 * ```ts
 * await createMember(client, pool.id, { address: '192.0.2.10', protocolPort: 80, weight: 10 });
 * await waitForLoadBalancerStatus(client, lbId, 'ACTIVE');
 * ```
 */
export async function createMember(
  client: LoadBalancerClient,
  poolId: string,
  params: CreateMemberParams,
  options?: LoadBalancerRequestOptions,
): Promise<Member> {
  requireUuid(poolId, 'poolId');
  return writeResource(client, MEMBER, 'POST', membersPath(poolId), createBody(params), options);
}

/**
 * Parameters of {@link updateMember}.
 * @example await updateMember(client, poolId, memberId, { weight: 0 });
 */
export interface UpdateMemberParams extends MemberParams {}

/**
 * Updates a member (weight, backup, monitor address/port, admin state, name, tags).
 * @example await updateMember(client, poolId, memberId, { adminStateUp: false });
 */
export async function updateMember(
  client: LoadBalancerClient,
  poolId: string,
  memberId: string,
  params: UpdateMemberParams,
  options?: LoadBalancerRequestOptions,
): Promise<Member> {
  requireUuid(poolId, 'poolId');
  requireUuid(memberId, 'memberId');
  const body = memberBody(requireParams<UpdateMemberParams>(params));
  requireChange(body, 'member');
  return writeResource(
    client,
    MEMBER,
    'PUT',
    path(poolId, memberId),
    omitUndefined(body),
    options,
    what(poolId, memberId),
  );
}

/**
 * Removes a member from its pool (asynchronous).
 * @example await deleteMember(client, poolId, memberId);
 */
export async function deleteMember(
  client: LoadBalancerClient,
  poolId: string,
  memberId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(poolId, 'poolId');
  requireUuid(memberId, 'memberId');
  await deleteResource(client, path(poolId, memberId), what(poolId, memberId), options);
}

/**
 * Options of {@link replacePoolMembers}.
 * @example await replacePoolMembers(client, poolId, members, { additiveOnly: true });
 */
export interface ReplacePoolMembersOptions extends LoadBalancerRequestOptions {
  /** Create and update only: members missing from the list are kept (API 2.11+). */
  additiveOnly?: boolean | undefined;
}

/**
 * Batch update: makes `members` the pool's whole member set in one asynchronous request (202).
 * Members are matched by address and port: new ones are created, listed ones updated, and the
 * others deleted (unless `additiveOnly`). An empty list removes every member.
 * @example
 * ```ts
 * await replacePoolMembers(client, pool.id, [
 *   { address: '192.0.2.10', protocolPort: 80 },
 *   { address: '192.0.2.11', protocolPort: 80, weight: 5 },
 * ]);
 * await waitForLoadBalancerStatus(client, lbId, 'ACTIVE');
 * ```
 */
export async function replacePoolMembers(
  client: LoadBalancerClient,
  poolId: string,
  members: readonly CreateMemberParams[],
  options?: ReplacePoolMembersOptions,
): Promise<void> {
  requireUuid(poolId, 'poolId');
  if (!Array.isArray(members)) throw new ValidationError('members must be an array', 'members');
  const body = members.map((m, i) => createBody(m, `members[${i}]`));
  const seen = new Set<string>();
  body.forEach((m, i) => {
    const key = `${m.address}:${m.protocol_port}`;
    if (seen.has(key)) {
      throw new ValidationError(`members[${i}] repeats ${key}`, `members[${i}]`);
    }
    seen.add(key);
  });
  const { additiveOnly, ...rest } = options ?? {};
  const additive = optBool(additiveOnly, 'additiveOnly');
  const req: LoadBalancerServiceRequest = {
    ...rest,
    json: { members: body },
    searchParams: additive ? { additive_only: true } : undefined,
    resource: `pool "${poolId}"`,
  };
  await client.request('PUT', membersPath(poolId), req);
}

/**
 * Polls a member until its `provisioning_status` is one of `status`; `ERROR` fails (default
 * `failOn`).
 * @example await waitForMemberStatus(client, poolId, memberId, 'ACTIVE');
 */
export async function waitForMemberStatus(
  client: LoadBalancerClient,
  poolId: string,
  memberId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<Member> = {},
): Promise<Member> {
  requireUuid(poolId, 'poolId');
  requireUuid(memberId, 'memberId');
  return waitForProvisioning(
    what(poolId, memberId),
    (signal, request) => getMember(client, poolId, memberId, { ...request, signal }),
    status,
    options,
  );
}

/**
 * Polls until a member is gone (404); `ERROR` fails.
 * @example await waitForMemberDeleted(client, poolId, memberId);
 */
export async function waitForMemberDeleted(
  client: LoadBalancerClient,
  poolId: string,
  memberId: string,
  options: LoadBalancerDeletionWaiterOptions<Member> = {},
): Promise<void> {
  requireUuid(poolId, 'poolId');
  requireUuid(memberId, 'memberId');
  await waitForGone(
    what(poolId, memberId),
    (signal, request) => getMember(client, poolId, memberId, { ...request, signal }),
    options,
  );
}

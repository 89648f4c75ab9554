import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import type {
  LoadBalancerDeletionWaiterOptions,
  LoadBalancerListParams,
  LoadBalancerRequestOptions,
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
  optEnum,
  optInt,
  optNullableString,
  optString,
  optTags,
  optUuid,
  requireChange,
  requireEnum,
  requireParams,
} from '../internal/validate.js';
import {
  L7_POLICIES_PATH,
  L7_POLICY,
  L7_POLICY_ACTIONS,
  type L7Policy,
  type L7PolicyAction,
} from './types.js';

const path = (id: string) => itemPath(L7_POLICIES_PATH, id);
const what = (id: string) => `L7 policy "${id}"`;
const REDIRECT_CODES = [301, 302, 303, 307, 308];

/**
 * Filters of {@link listL7Policies}. Any other attribute goes in `filters`.
 * @example listL7Policies(client, { listenerId: listener.id });
 */
export interface ListL7PoliciesParams extends LoadBalancerListParams {
  name?: string | undefined;
  projectId?: string | undefined;
  listenerId?: string | undefined;
  action?: L7PolicyAction | undefined;
  position?: number | undefined;
  redirectPoolId?: string | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
}

/**
 * Lists L7 policies, lazily, following `l7policies_links`.
 * @example for await (const p of listL7Policies(client, { listenerId })) console.log(p.position, p.action);
 */
export function listL7Policies(
  client: LoadBalancerClient,
  params?: ListL7PoliciesParams,
  options?: RequestOptions,
): PagedIterable<L7Policy> {
  const p = params ?? {};
  return listResources(
    client,
    L7_POLICY,
    L7_POLICIES_PATH,
    params,
    {
      name: optString(p.name, 'name'),
      project_id: optString(p.projectId, 'projectId'),
      listener_id: optUuid(p.listenerId, 'listenerId') ?? undefined,
      action: optEnum(p.action, L7_POLICY_ACTIONS, 'action'),
      position: optInt(p.position, 'position', 1, 2 ** 31 - 1),
      redirect_pool_id: optUuid(p.redirectPoolId, 'redirectPoolId') ?? undefined,
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
    },
    options,
  );
}

/**
 * Reads one L7 policy.
 * @throws NotFoundError when there is no such policy.
 * @example const policy = await getL7Policy(client, id);
 */
export async function getL7Policy(
  client: LoadBalancerClient,
  l7PolicyId: string,
  options?: RequestOptions,
): Promise<L7Policy> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  return getResource(client, L7_POLICY, path(l7PolicyId), what(l7PolicyId), options);
}

/**
 * What {@link createL7Policy} and {@link updateL7Policy} accept in common. The redirect target
 * must fit the action: `redirectPoolId` for `REDIRECT_TO_POOL`, `redirectUrl` for
 * `REDIRECT_TO_URL`, `redirectPrefix` for `REDIRECT_PREFIX`.
 * @example const p: L7PolicyParams = { action: 'REDIRECT_TO_URL', redirectUrl: 'https://example.com', redirectHttpCode: 301 };
 */
export interface L7PolicyParams {
  name?: string | undefined;
  description?: string | undefined;
  adminStateUp?: boolean | undefined;
  action?: L7PolicyAction | undefined;
  /** 1-based; the end when left out. */
  position?: number | undefined;
  redirectPoolId?: string | null | undefined;
  redirectUrl?: string | null | undefined;
  redirectPrefix?: string | null | undefined;
  /** 301, 302 (default), 303, 307 or 308. */
  redirectHttpCode?: number | null | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Parameters of {@link createL7Policy}.
 * @example await createL7Policy(client, { listenerId, action: 'REDIRECT_TO_POOL', redirectPoolId: pool.id });
 */
export interface CreateL7PolicyParams extends L7PolicyParams {
  listenerId: string;
  action: L7PolicyAction;
  /** Administrators: another project. */
  projectId?: string | undefined;
}

function requireUrl(value: unknown, field: string): string | null | undefined {
  const s = optNullableString(value, field, 2048);
  if (typeof s === 'string' && !/^https?:\/\/[^\s]+$/i.test(s)) {
    throw new ValidationError(`${field} must be an http(s) URL`, field);
  }
  return s;
}

function policyBody(p: L7PolicyParams): Record<string, unknown> {
  const action = optEnum(p.action, L7_POLICY_ACTIONS, 'action');
  const code = p.redirectHttpCode;
  if (code !== undefined && code !== null && !REDIRECT_CODES.includes(code)) {
    throw new ValidationError(
      `redirectHttpCode must be one of ${REDIRECT_CODES.join(', ')}`,
      'redirectHttpCode',
    );
  }
  const need: Partial<Record<L7PolicyAction, keyof L7PolicyParams>> = {
    REDIRECT_TO_POOL: 'redirectPoolId',
    REDIRECT_TO_URL: 'redirectUrl',
    REDIRECT_PREFIX: 'redirectPrefix',
  };
  const required = action && need[action];
  if (required && !p[required]) throw new ValidationError(`${action} needs ${required}`, required);
  return {
    name: optString(p.name, 'name'),
    description: optString(p.description, 'description'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    action,
    position: optInt(p.position, 'position', 1, 2 ** 31 - 1),
    redirect_pool_id: optUuid(p.redirectPoolId, 'redirectPoolId'),
    redirect_url: requireUrl(p.redirectUrl, 'redirectUrl'),
    redirect_prefix: requireUrl(p.redirectPrefix, 'redirectPrefix'),
    redirect_http_code: code,
    tags: optTags(p.tags, 'tags'),
  };
}

/**
 * Creates an L7 policy on a listener (HTTP and TERMINATED_HTTPS listeners).
 * @example
 * ```ts
 * const policy = await createL7Policy(client, {
 *   listenerId: listener.id, action: 'REDIRECT_TO_URL', redirectUrl: 'https://example.com/', position: 1,
 * });
 * ```
 */
export async function createL7Policy(
  client: LoadBalancerClient,
  params: CreateL7PolicyParams,
  options?: LoadBalancerRequestOptions,
): Promise<L7Policy> {
  const p = requireParams<CreateL7PolicyParams>(params);
  requireEnum(p.action, L7_POLICY_ACTIONS, 'action');
  const body = {
    listener_id: requireUuid(p.listenerId, 'listenerId'),
    project_id: optString(p.projectId, 'projectId'),
    ...policyBody(p),
  };
  return writeResource(client, L7_POLICY, 'POST', L7_POLICIES_PATH, omitUndefined(body), options);
}

/**
 * Parameters of {@link updateL7Policy}.
 * @example await updateL7Policy(client, id, { position: 1 });
 */
export interface UpdateL7PolicyParams extends L7PolicyParams {}

/**
 * Updates an L7 policy.
 * @example await updateL7Policy(client, id, { action: 'REJECT' });
 */
export async function updateL7Policy(
  client: LoadBalancerClient,
  l7PolicyId: string,
  params: UpdateL7PolicyParams,
  options?: LoadBalancerRequestOptions,
): Promise<L7Policy> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  const body = policyBody(requireParams<UpdateL7PolicyParams>(params));
  requireChange(body, 'L7 policy');
  return writeResource(
    client,
    L7_POLICY,
    'PUT',
    path(l7PolicyId),
    omitUndefined(body),
    options,
    what(l7PolicyId),
  );
}

/**
 * Deletes an L7 policy with its rules (asynchronous).
 * @example await deleteL7Policy(client, id);
 */
export async function deleteL7Policy(
  client: LoadBalancerClient,
  l7PolicyId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  await deleteResource(client, path(l7PolicyId), what(l7PolicyId), options);
}

/**
 * Polls an L7 policy until its `provisioning_status` is one of `status`; `ERROR` fails (default
 * `failOn`).
 * @example await waitForL7PolicyStatus(client, id, 'ACTIVE');
 */
export async function waitForL7PolicyStatus(
  client: LoadBalancerClient,
  l7PolicyId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<L7Policy> = {},
): Promise<L7Policy> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  return waitForProvisioning(
    what(l7PolicyId),
    (signal, request) => getL7Policy(client, l7PolicyId, { ...request, signal }),
    status,
    options,
  );
}

/**
 * Polls until an L7 policy is gone (404); `ERROR` fails.
 * @example await waitForL7PolicyDeleted(client, id);
 */
export async function waitForL7PolicyDeleted(
  client: LoadBalancerClient,
  l7PolicyId: string,
  options: LoadBalancerDeletionWaiterOptions<L7Policy> = {},
): Promise<void> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  await waitForGone(
    what(l7PolicyId),
    (signal, request) => getL7Policy(client, l7PolicyId, { ...request, signal }),
    options,
  );
}

import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, requireUuid } from '@cloud/core/service';
import type { LoadBalancerClient } from '../client.js';
import type {
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
  waitForProvisioning,
  writeResource,
} from '../internal/rest.js';
import {
  optBool,
  optEnum,
  optNullableString,
  optString,
  optTags,
  requireChange,
  requireEnum,
  requireParams,
  requireText,
} from '../internal/validate.js';
import {
  L7_COMPARE_TYPES,
  L7_POLICIES_PATH,
  L7_RULE,
  L7_RULE_TYPES,
  type L7Rule,
  type L7RuleCompareType,
  type L7RuleType,
} from './types.js';

const rulesPath = (policyId: string) => `${itemPath(L7_POLICIES_PATH, policyId)}/rules`;
const path = (policyId: string, id: string) => itemPath(rulesPath(policyId), id);
const what = (policyId: string, id: string) => `L7 rule "${id}" of L7 policy "${policyId}"`;
/** Rule types that compare the value of a named cookie, header or DN field. */
const KEYED: readonly string[] = ['COOKIE', 'HEADER', 'SSL_DN_FIELD'];

/**
 * Filters of {@link listL7Rules}. Any other attribute goes in `filters`.
 * @example listL7Rules(client, policyId, { type: 'PATH' });
 */
export interface ListL7RulesParams extends LoadBalancerListParams {
  type?: L7RuleType | undefined;
  compareType?: L7RuleCompareType | undefined;
  value?: string | undefined;
  key?: string | undefined;
  invert?: boolean | undefined;
  provisioningStatus?: ProvisioningStatus | undefined;
}

/**
 * Lists the rules of an L7 policy, lazily, following `rules_links`.
 * @example for await (const r of listL7Rules(client, policyId)) console.log(r.type, r.value);
 */
export function listL7Rules(
  client: LoadBalancerClient,
  l7PolicyId: string,
  params?: ListL7RulesParams,
  options?: RequestOptions,
): PagedIterable<L7Rule> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  const p = params ?? {};
  return listResources(
    client,
    L7_RULE,
    rulesPath(l7PolicyId),
    params,
    {
      type: optEnum(p.type, L7_RULE_TYPES, 'type'),
      compare_type: optEnum(p.compareType, L7_COMPARE_TYPES, 'compareType'),
      value: optString(p.value, 'value'),
      key: optString(p.key, 'key'),
      invert: optBool(p.invert, 'invert'),
      provisioning_status: optString(p.provisioningStatus, 'provisioningStatus'),
    },
    options,
  );
}

/**
 * Reads one L7 rule.
 * @throws NotFoundError when there is no such rule.
 * @example const rule = await getL7Rule(client, policyId, ruleId);
 */
export async function getL7Rule(
  client: LoadBalancerClient,
  l7PolicyId: string,
  l7RuleId: string,
  options?: RequestOptions,
): Promise<L7Rule> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  requireUuid(l7RuleId, 'l7RuleId');
  return getResource(client, L7_RULE, path(l7PolicyId, l7RuleId), what(l7PolicyId, l7RuleId), options);
}

/**
 * What {@link updateL7Rule} accepts.
 * @example const p: L7RuleParams = { value: '/api', compareType: 'STARTS_WITH' };
 */
export interface L7RuleParams {
  type?: L7RuleType | undefined;
  compareType?: L7RuleCompareType | undefined;
  value?: string | undefined;
  /** Cookie or header name for `COOKIE`, `HEADER` and `SSL_DN_FIELD` rules; `null` removes it. */
  key?: string | null | undefined;
  invert?: boolean | undefined;
  adminStateUp?: boolean | undefined;
  /** Replaces the tags. */
  tags?: readonly string[] | undefined;
}

/**
 * Parameters of {@link createL7Rule}.
 * @example await createL7Rule(client, policyId, { type: 'HOST_NAME', compareType: 'EQUAL_TO', value: 'api.example.com' });
 */
export interface CreateL7RuleParams extends L7RuleParams {
  type: L7RuleType;
  compareType: L7RuleCompareType;
  value: string;
  /** Administrators: another project. */
  projectId?: string | undefined;
}

function ruleBody(p: L7RuleParams): Record<string, unknown> {
  const type = optEnum(p.type, L7_RULE_TYPES, 'type');
  if (type && KEYED.includes(type) && !p.key) throw new ValidationError(`a ${type} rule needs key`, 'key');
  return {
    type,
    compare_type: optEnum(p.compareType, L7_COMPARE_TYPES, 'compareType'),
    value: p.value === undefined ? undefined : requireText(p.value, 'value'),
    key: optNullableString(p.key, 'key'),
    invert: optBool(p.invert, 'invert'),
    admin_state_up: optBool(p.adminStateUp, 'adminStateUp'),
    tags: optTags(p.tags, 'tags'),
  };
}

/**
 * Adds a rule to an L7 policy; the policy applies when all its rules match.
 * @example
 * ```ts
 * await createL7Rule(client, policy.id, { type: 'PATH', compareType: 'STARTS_WITH', value: '/static' });
 * await waitForLoadBalancerStatus(client, lbId, 'ACTIVE');
 * ```
 */
export async function createL7Rule(
  client: LoadBalancerClient,
  l7PolicyId: string,
  params: CreateL7RuleParams,
  options?: LoadBalancerRequestOptions,
): Promise<L7Rule> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  const p = requireParams<CreateL7RuleParams>(params);
  requireEnum(p.type, L7_RULE_TYPES, 'type');
  requireEnum(p.compareType, L7_COMPARE_TYPES, 'compareType');
  requireText(p.value, 'value');
  const body = { project_id: optString(p.projectId, 'projectId'), ...ruleBody(p) };
  return writeResource(client, L7_RULE, 'POST', rulesPath(l7PolicyId), omitUndefined(body), options);
}

/**
 * Parameters of {@link updateL7Rule}.
 * @example await updateL7Rule(client, policyId, ruleId, { invert: true });
 */
export interface UpdateL7RuleParams extends L7RuleParams {}

/**
 * Updates an L7 rule.
 * @example await updateL7Rule(client, policyId, ruleId, { value: '/v2' });
 */
export async function updateL7Rule(
  client: LoadBalancerClient,
  l7PolicyId: string,
  l7RuleId: string,
  params: UpdateL7RuleParams,
  options?: LoadBalancerRequestOptions,
): Promise<L7Rule> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  requireUuid(l7RuleId, 'l7RuleId');
  const body = ruleBody(requireParams<UpdateL7RuleParams>(params));
  requireChange(body, 'L7 rule');
  return writeResource(
    client,
    L7_RULE,
    'PUT',
    path(l7PolicyId, l7RuleId),
    omitUndefined(body),
    options,
    what(l7PolicyId, l7RuleId),
  );
}

/**
 * Deletes an L7 rule (asynchronous).
 * @example await deleteL7Rule(client, policyId, ruleId);
 */
export async function deleteL7Rule(
  client: LoadBalancerClient,
  l7PolicyId: string,
  l7RuleId: string,
  options?: LoadBalancerRequestOptions,
): Promise<void> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  requireUuid(l7RuleId, 'l7RuleId');
  await deleteResource(client, path(l7PolicyId, l7RuleId), what(l7PolicyId, l7RuleId), options);
}

/**
 * Polls an L7 rule until its `provisioning_status` is one of `status`; `ERROR` fails (default
 * `failOn`).
 * @example await waitForL7RuleStatus(client, policyId, ruleId, 'ACTIVE');
 */
export async function waitForL7RuleStatus(
  client: LoadBalancerClient,
  l7PolicyId: string,
  l7RuleId: string,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<L7Rule> = {},
): Promise<L7Rule> {
  requireUuid(l7PolicyId, 'l7PolicyId');
  requireUuid(l7RuleId, 'l7RuleId');
  return waitForProvisioning(
    what(l7PolicyId, l7RuleId),
    (signal, request) => getL7Rule(client, l7PolicyId, l7RuleId, { ...request, signal }),
    status,
    options,
  );
}

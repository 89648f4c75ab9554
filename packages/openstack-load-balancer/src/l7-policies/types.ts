import { boolean, number, optional, type ShapeFields, string } from '@cloud/core/service';
import {
  BASE_FIELDS,
  type BaseWire,
  ID_REFS,
  ids,
  type LoadBalancingObject,
  parseBase,
} from '../internal/common.js';
import { resourceKind } from '../internal/rest.js';

/** Actions of an L7 policy. */
export const L7_POLICY_ACTIONS = [
  'REDIRECT_TO_POOL',
  'REDIRECT_TO_URL',
  'REDIRECT_PREFIX',
  'REJECT',
] as const;

/**
 * What an L7 policy does with a matching request.
 * @example const action: L7PolicyAction = 'REDIRECT_TO_POOL';
 */
export type L7PolicyAction = (typeof L7_POLICY_ACTIONS)[number];

/** Types of L7 rule. */
export const L7_RULE_TYPES = [
  'COOKIE',
  'FILE_TYPE',
  'HEADER',
  'HOST_NAME',
  'PATH',
  'SSL_CONN_HAS_CERT',
  'SSL_VERIFY_RESULT',
  'SSL_DN_FIELD',
] as const;

/**
 * What an L7 rule looks at.
 * @example const type: L7RuleType = 'HOST_NAME';
 */
export type L7RuleType = (typeof L7_RULE_TYPES)[number];

/** Comparisons of an L7 rule. */
export const L7_COMPARE_TYPES = ['CONTAINS', 'ENDS_WITH', 'EQUAL_TO', 'REGEX', 'STARTS_WITH'] as const;

/**
 * How an L7 rule compares.
 * @example const compareType: L7RuleCompareType = 'STARTS_WITH';
 */
export type L7RuleCompareType = (typeof L7_COMPARE_TYPES)[number];

/**
 * An L7 policy of a listener: when all its rules match, redirect or reject.
 * @example const p = await getL7Policy(client, id); console.log(p.action, p.position, p.rules);
 */
export interface L7Policy extends LoadBalancingObject {
  listenerId: string;
  action: L7PolicyAction | (string & {});
  /** 1-based position among the listener's policies. */
  position: number | undefined;
  redirectPoolId: string | undefined;
  redirectUrl: string | undefined;
  redirectPrefix: string | undefined;
  redirectHttpCode: number | undefined;
  /** Ids of its rules. */
  rules: string[];
}

/** @internal */
export interface L7PolicyWire extends BaseWire {
  listener_id: string;
  action: string;
  position?: number;
  redirect_pool_id?: string;
  redirect_url?: string;
  redirect_prefix?: string;
  redirect_http_code?: number;
  rules?: { id: string }[];
}

/** @internal */
export function parseL7Policy(w: L7PolicyWire): L7Policy {
  return {
    ...parseBase(w),
    listenerId: w.listener_id,
    action: w.action,
    position: w.position ?? undefined,
    redirectPoolId: w.redirect_pool_id ?? undefined,
    redirectUrl: w.redirect_url ?? undefined,
    redirectPrefix: w.redirect_prefix ?? undefined,
    redirectHttpCode: w.redirect_http_code ?? undefined,
    rules: ids(w.rules),
  };
}

/** @internal */
export const L7_POLICY = resourceKind<L7PolicyWire, L7Policy>({
  singular: 'l7policy',
  plural: 'l7policies',
  label: 'L7 policy',
  fields: {
    ...BASE_FIELDS,
    listener_id: string,
    action: string,
    position: optional(number),
    redirect_pool_id: optional(string),
    redirect_url: optional(string),
    redirect_prefix: optional(string),
    redirect_http_code: optional(number),
    rules: ID_REFS,
  } satisfies ShapeFields<L7PolicyWire>,
  parse: parseL7Policy,
});

/**
 * An L7 rule of an L7 policy.
 * @example const r = await getL7Rule(client, policyId, id); console.log(r.type, r.compareType, r.value);
 */
export interface L7Rule extends LoadBalancingObject {
  type: L7RuleType | (string & {});
  compareType: L7RuleCompareType | (string & {});
  value: string;
  /** Cookie or header name (`COOKIE`, `HEADER`, `SSL_DN_FIELD`). */
  key: string | undefined;
  /** Match when the comparison fails. */
  invert: boolean;
}

/** @internal */
export interface L7RuleWire extends BaseWire {
  type: string;
  compare_type: string;
  value: string;
  key?: string;
  invert?: boolean;
}

/** @internal */
export function parseL7Rule(w: L7RuleWire): L7Rule {
  return {
    ...parseBase(w),
    type: w.type,
    compareType: w.compare_type,
    value: w.value,
    key: w.key ?? undefined,
    invert: w.invert ?? false,
  };
}

/** @internal */
export const L7_RULE = resourceKind<L7RuleWire, L7Rule>({
  singular: 'rule',
  plural: 'rules',
  label: 'L7 rule',
  fields: {
    ...BASE_FIELDS,
    type: string,
    compare_type: string,
    value: string,
    key: optional(string),
    invert: optional(boolean),
  } satisfies ShapeFields<L7RuleWire>,
  parse: parseL7Rule,
});

/** Collection path of L7 policies. @internal */
export const L7_POLICIES_PATH = 'lbaas/l7policies';

import { type RequestOptions, ValidationError } from '@cloud/core';
import { object, omitUndefined, optional, string, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import {
  FLAG,
  lbResource,
  requireBoolean,
  requireClbId,
  requireEnum,
  requireParams,
  requireRange,
  toFlag,
} from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import {
  CLB_PERSISTENCE_TYPES,
  type ClbConnectionThrottle,
  type ClbConnectionThrottleInput,
  type ClbPersistenceType,
  CONNECTION_THROTTLE,
  parseConnectionThrottle,
} from './types.js';

/** Largest custom error page, in characters. */
export const CLB_ERROR_PAGE_MAX_LENGTH = 65_536;

const ENABLED = object<{ enabled: boolean | string }>({ enabled: FLAG });

async function readEnabled(
  client: RackspaceLoadBalancersClient,
  id: string,
  path: string,
  key: string,
  options: RequestOptions | undefined,
): Promise<boolean> {
  const res = await client.request('GET', `loadbalancers/${id}/${path}`, {
    ...options,
    resource: lbResource(id),
  });
  return toFlag(unwrap(res, key, ENABLED).enabled) as boolean;
}

async function writeEnabled(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  path: string,
  key: string,
  enabled: boolean,
  options: ClbWriteOptions | undefined,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  requireBoolean(enabled, 'enabled');
  const json = { [key]: { enabled } };
  await clbWrite(client, 'PUT', `loadbalancers/${id}/${path}`, { json, resource: lbResource(id) }, options);
}

/**
 * Reads the session persistence mode; `undefined` when it is off.
 * @example const mode = await getClbSessionPersistence(clb, lbId); // 'HTTP_COOKIE' | 'SOURCE_IP' | 'SSL_ID' | undefined
 */
export async function getClbSessionPersistence(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbPersistenceType | string | undefined> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/sessionpersistence`, {
    ...options,
    resource: lbResource(id),
  });
  return unwrap(
    res,
    'sessionPersistence',
    object<{ persistenceType?: string }>({ persistenceType: optional(string) }),
  ).persistenceType;
}

/**
 * Turns session persistence on in the given mode (one mode per load balancer; changing the
 * protocol turns it off).
 * @example await enableClbSessionPersistence(clb, lbId, 'HTTP_COOKIE');
 */
export async function enableClbSessionPersistence(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  persistenceType: ClbPersistenceType,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  requireEnum(persistenceType, CLB_PERSISTENCE_TYPES, 'persistenceType');
  const json = { sessionPersistence: { persistenceType } };
  await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/sessionpersistence`,
    { json, resource: lbResource(id) },
    options,
  );
}

/**
 * Turns session persistence off (the service answers 422 when it already is).
 * @example await disableClbSessionPersistence(clb, lbId);
 */
export async function disableClbSessionPersistence(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/sessionpersistence`,
    { resource: lbResource(id) },
    options,
  );
}

/**
 * Tells whether connection logging (to Cloud Files) is on.
 * @example if (await getClbConnectionLogging(clb, lbId)) console.log('logging');
 */
export async function getClbConnectionLogging(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<boolean> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return readEnabled(client, id, 'connectionlogging', 'connectionLogging', options);
}

/**
 * Turns connection logging on or off (not available for UDP protocols).
 * @example await setClbConnectionLogging(clb, lbId, true);
 */
export async function setClbConnectionLogging(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  enabled: boolean,
  options?: ClbWriteOptions,
): Promise<void> {
  await writeEnabled(client, loadBalancerId, 'connectionlogging', 'connectionLogging', enabled, options);
}

/**
 * Tells whether content caching is on.
 * @example const caching = await getClbContentCaching(clb, lbId);
 */
export async function getClbContentCaching(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<boolean> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  return readEnabled(client, id, 'contentcaching', 'contentCaching', options);
}

/**
 * Turns content caching on or off (HTTP load balancers only).
 * @example await setClbContentCaching(clb, lbId, true);
 */
export async function setClbContentCaching(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  enabled: boolean,
  options?: ClbWriteOptions,
): Promise<void> {
  await writeEnabled(client, loadBalancerId, 'contentcaching', 'contentCaching', enabled, options);
}

/**
 * Reads connection throttling; `undefined` when none is set.
 * @example const t = await getClbConnectionThrottle(clb, lbId); console.log(t?.maxConnections);
 */
export async function getClbConnectionThrottle(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbConnectionThrottle | undefined> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/connectionthrottle`, {
    ...options,
    resource: lbResource(id),
  });
  return parseConnectionThrottle(unwrap(res, 'connectionThrottle', CONNECTION_THROTTLE));
}

/** @internal connection throttling, checked, in its wire form */
export function connectionThrottleBody(t: ClbConnectionThrottleInput, at: string): Record<string, unknown> {
  requireParams(t, at);
  if (t.maxConnections !== undefined) {
    if (t.maxConnections !== 0) requireRange(t.maxConnections, `${at}.maxConnections`, 1, 100_000);
  }
  for (const k of ['minConnections', 'maxConnectionRate', 'rateInterval'] as const)
    if (t[k] !== undefined) requireRange(t[k], `${at}.${k}`, 0, 100_000);
  const body = omitUndefined({
    maxConnections: t.maxConnections,
    minConnections: t.minConnections,
    maxConnectionRate: t.maxConnectionRate,
    rateInterval: t.rateInterval,
  });
  if (Object.keys(body).length === 0) throw new ValidationError(`${at} must set at least maxConnections`, at);
  return body;
}

/**
 * Creates or changes connection throttling (when creating it, the service may ask for every
 * field; later writes may change any one).
 * @throws ValidationError before any request: maxConnections other than 0 or 1–100000.
 * @example await setClbConnectionThrottle(clb, lbId, { maxConnections: 100 });
 */
export async function setClbConnectionThrottle(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  throttle: ClbConnectionThrottleInput,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const json = { connectionThrottle: connectionThrottleBody(throttle, 'throttle') };
  await clbWrite(
    client,
    'PUT',
    `loadbalancers/${id}/connectionthrottle`,
    { json, resource: lbResource(id) },
    options,
  );
}

/**
 * Removes connection throttling.
 * @example await deleteClbConnectionThrottle(clb, lbId);
 */
export async function deleteClbConnectionThrottle(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(
    client,
    'DELETE',
    `loadbalancers/${id}/connectionthrottle`,
    { resource: lbResource(id) },
    options,
  );
}

/**
 * Reads the error page the load balancer serves (Rackspace's default one when none is set).
 * @example const html = await getClbErrorPage(clb, lbId);
 */
export async function getClbErrorPage(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<string> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  const res = await client.request('GET', `loadbalancers/${id}/errorpage`, {
    ...options,
    resource: lbResource(id),
  });
  return unwrap(res, 'errorpage', object<{ content: string }>({ content: string })).content;
}

/**
 * Sets a custom error page (HTML of at most 65536 characters).
 * @example await setClbErrorPage(clb, lbId, '<html><body>Back soon</body></html>');
 */
export async function setClbErrorPage(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  content: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  if (typeof content !== 'string' || content.trim() === '' || content.length > CLB_ERROR_PAGE_MAX_LENGTH)
    throw new ValidationError(
      `content must be non-blank HTML of at most ${CLB_ERROR_PAGE_MAX_LENGTH} characters`,
      'content',
    );
  const json = { errorpage: { content } };
  await clbWrite(client, 'PUT', `loadbalancers/${id}/errorpage`, { json, resource: lbResource(id) }, options);
}

/**
 * Removes the custom error page (the default one is served again).
 * @example await deleteClbErrorPage(clb, lbId);
 */
export async function deleteClbErrorPage(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: ClbWriteOptions,
): Promise<void> {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  await clbWrite(client, 'DELETE', `loadbalancers/${id}/errorpage`, { resource: lbResource(id) }, options);
}

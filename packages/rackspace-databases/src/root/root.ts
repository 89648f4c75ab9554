import type { RequestOptions } from '@cloud/core';
import { boolean, object, oneOf, REDACTED, type ResponseLike, string, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { parseRootUser, type RootUserCredentials, type RootUserWire } from './types.js';
import { rootPath } from './urls.js';

const ROOT_USER = object<RootUserWire['user']>({ name: string, password: string });

function withoutPassword(res: ResponseLike): ResponseLike {
  const body = res.body as { user?: { password?: unknown } } | null | undefined;
  const user = body && typeof body === 'object' ? body.user : undefined;
  if (!user || typeof user !== 'object' || user.password === undefined) return res;
  return {
    ...res,
    body: { ...body, user: { ...user, password: typeof user.password === 'string' ? REDACTED : 0 } },
  };
}

/**
 * Enables the `root` account of an instance (reachable from any host) and returns its new,
 * generated password. Each call generates a new password. The password is in the returned object
 * only: it is never logged or put in errors, and inspecting the object shows `[REDACTED]`.
 *
 * Once enabled, root cannot be disabled on Rackspace, and changes made as root can break the
 * service's management of the instance.
 * @example
 * ```ts
 * const root = await enableRootUser(db, instanceId);
 * await connectMysql({ host, user: root.name, password: root.password });
 * ```
 */
export async function enableRootUser(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<RootUserCredentials> {
  requireId(instanceId, 'instanceId');
  const res = await client.request('POST', rootPath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
  // Check a copy with the password masked, so an error quoting the body cannot carry it.
  unwrap(withoutPassword(res), 'user', ROOT_USER);
  return parseRootUser(res.body as RootUserWire);
}

/**
 * Tells whether root has ever been enabled on an instance: the service answers from its record of
 * `enableRootUser` calls.
 * @example
 * ```ts
 * if (await isRootEnabled(db, instanceId)) console.warn('root is enabled');
 * ```
 */
export async function isRootEnabled(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<boolean> {
  requireId(instanceId, 'instanceId');
  const res = await client.request('GET', rootPath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
  const v = unwrap(res, 'rootEnabled', oneOf(boolean, string));
  return v === true || v === 'True' || v === 'true';
}

/**
 * Disables the `root` account of an instance (`DELETE .../root`, OpenStack Trove). Rackspace
 * Cloud Databases does not offer it: there root stays enabled once enabled.
 * @example await disableRootUser(db, instanceId);
 */
export async function disableRootUser(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  await client.request('DELETE', rootPath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
}

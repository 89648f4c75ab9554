import type { RequestOptions } from '@cloud/core';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../common.js';
import { parseRootUser, type RootUserCredentials, type RootUserWire } from './types.js';
import { rootPath } from './urls.js';

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
  const res = await client.request<RootUserWire>('POST', rootPath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
  return parseRootUser(res.body);
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
  const res = await client.request<{ rootEnabled: boolean | string }>('GET', rootPath(instanceId), {
    ...options,
    resource: `database instance "${instanceId}"`,
  });
  const v = res.body.rootEnabled;
  return v === true || v === 'True' || v === 'true';
}

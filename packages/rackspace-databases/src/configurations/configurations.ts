import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { omitUndefined, paginateByLinks, requireNonBlank, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { instancePath } from '../instances/urls.js';
import { optionalString, requireId, toDatastoreWire } from '../internal/common.js';
import type { DatabaseListParams } from '../types.js';
import {
  CONFIGURATION_GROUP,
  CONFIGURATION_GROUP_INSTANCE,
  type ConfigurationGroup,
  type ConfigurationGroupInstance,
  type ConfigurationGroupWire,
  type ConfigurationValue,
  type CreateConfigurationGroupParams,
  parseConfigurationGroup,
  type ReplaceConfigurationGroupParams,
} from './types.js';
import { configurationInstancesPath, configurationPath, configurationsPath } from './urls.js';

function requireValues(values: unknown, field = 'values'): Record<string, ConfigurationValue> {
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw new ValidationError(`${field} must be an object of settings, e.g. { max_connections: 200 }`, field);
  }
  const entries = Object.entries(values);
  if (entries.length === 0) throw new ValidationError(`${field} must name at least one setting`, field);
  for (const [key, value] of entries) {
    if (key.trim() === '') throw new ValidationError(`${field} has an empty setting name`, field);
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new ValidationError(`${field}.${key} must be a string, number or boolean`, `${field}.${key}`);
    }
  }
  return { ...(values as Record<string, ConfigurationValue>) };
}

const resource = (id: string) => `configuration group "${id}"`;

/**
 * Lists the configuration groups of the account, lazily, following the service's `next` links.
 * @example
 * ```ts
 * for await (const g of listConfigurationGroups(db)) console.log(g.id, g.name, g.datastoreName);
 * ```
 */
export function listConfigurationGroups(
  client: DatabaseClient,
  params: DatabaseListParams = {},
  options?: RequestOptions,
): PagedIterable<ConfigurationGroup> {
  return paginateByLinks<ConfigurationGroupWire, ConfigurationGroup>({
    client,
    path: configurationsPath(),
    key: 'configurations',
    limit: params.limit,
    marker: params.marker,
    map: parseConfigurationGroup,
    shape: CONFIGURATION_GROUP,
    options,
  });
}

/**
 * Gets a configuration group with its values.
 * @throws NotFoundError naming the group.
 * @example
 * ```ts
 * const { values } = await getConfigurationGroup(db, groupId);
 * ```
 */
export async function getConfigurationGroup(
  client: DatabaseClient,
  configurationId: string,
  options?: RequestOptions,
): Promise<ConfigurationGroup> {
  requireId(configurationId, 'configurationId');
  const res = await client.request('GET', configurationPath(configurationId), {
    ...options,
    resource: resource(configurationId),
  });
  return parseConfigurationGroup(unwrap(res, 'configuration', CONFIGURATION_GROUP));
}

/**
 * Creates a configuration group. Attach it to instances with `attachConfigurationGroup` or the
 * `configuration` parameter of `createDatabaseInstance`.
 * @example
 * ```ts
 * const group = await createConfigurationGroup(db, {
 *   name: 'busy', values: { max_connections: 400 }, datastore: { type: 'mysql', version: '5.7' },
 * });
 * ```
 */
export async function createConfigurationGroup(
  client: DatabaseClient,
  params: CreateConfigurationGroupParams,
  options?: RequestOptions,
): Promise<ConfigurationGroup> {
  if (!params || typeof params !== 'object') throw new ValidationError('params must be an object', 'params');
  const configuration = omitUndefined({
    name: requireNonBlank(params.name, 'name'),
    description: optionalString(params.description, 'description'),
    values: requireValues(params.values),
    datastore: toDatastoreWire(params.datastore),
  });
  const res = await client.request('POST', configurationsPath(), {
    ...options,
    json: { configuration },
  });
  return parseConfigurationGroup(unwrap(res, 'configuration', CONFIGURATION_GROUP));
}

/**
 * Changes some settings of a configuration group and keeps the others (`PATCH`). Instances using it
 * get the new values; some settings need a restart (status `RESTART_REQUIRED`).
 * @example
 * ```ts
 * await updateConfigurationGroup(db, groupId, { max_connections: 500 });
 * ```
 */
export async function updateConfigurationGroup(
  client: DatabaseClient,
  configurationId: string,
  values: Record<string, ConfigurationValue>,
  options?: RequestOptions,
): Promise<void> {
  requireId(configurationId, 'configurationId');
  await client.request('PATCH', configurationPath(configurationId), {
    ...options,
    json: { configuration: { values: requireValues(values) } },
    resource: resource(configurationId),
  });
}

/**
 * Replaces all settings of a configuration group (`PUT`), optionally renaming it.
 * @example
 * ```ts
 * await replaceConfigurationGroup(db, groupId, { values: { max_connections: 200 }, name: 'calm' });
 * ```
 */
export async function replaceConfigurationGroup(
  client: DatabaseClient,
  configurationId: string,
  params: ReplaceConfigurationGroupParams,
  options?: RequestOptions,
): Promise<void> {
  requireId(configurationId, 'configurationId');
  if (!params || typeof params !== 'object') throw new ValidationError('params must be an object', 'params');
  const configuration = omitUndefined({
    values: requireValues(params.values),
    name: optionalString(params.name, 'name'),
    description: optionalString(params.description, 'description'),
  });
  await client.request('PUT', configurationPath(configurationId), {
    ...options,
    json: { configuration },
    resource: resource(configurationId),
  });
}

/**
 * Deletes a configuration group (detach it from its instances first).
 * @example
 * ```ts
 * await deleteConfigurationGroup(db, groupId);
 * ```
 */
export async function deleteConfigurationGroup(
  client: DatabaseClient,
  configurationId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(configurationId, 'configurationId');
  await client.request('DELETE', configurationPath(configurationId), {
    ...options,
    resource: resource(configurationId),
  });
}

/**
 * Lists the instances a configuration group is attached to, lazily.
 * @example
 * ```ts
 * for await (const i of listConfigurationGroupInstances(db, groupId)) console.log(i.id, i.name);
 * ```
 */
export function listConfigurationGroupInstances(
  client: DatabaseClient,
  configurationId: string,
  params: DatabaseListParams = {},
  options?: RequestOptions,
): PagedIterable<ConfigurationGroupInstance> {
  requireId(configurationId, 'configurationId');
  return paginateByLinks<ConfigurationGroupInstance, ConfigurationGroupInstance>({
    client,
    path: configurationInstancesPath(configurationId),
    key: 'instances',
    limit: params.limit,
    marker: params.marker,
    map: (w) => ({ id: w.id, name: w.name }),
    shape: CONFIGURATION_GROUP_INSTANCE,
    resource: resource(configurationId),
    options,
  });
}

/**
 * Attaches a configuration group to an instance (replacing any attached one).
 * @example
 * ```ts
 * await attachConfigurationGroup(db, instanceId, groupId);
 * ```
 */
export async function attachConfigurationGroup(
  client: DatabaseClient,
  instanceId: string,
  configurationId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  requireId(configurationId, 'configurationId');
  await client.request('PUT', instancePath(instanceId), {
    ...options,
    json: { instance: { configuration: configurationId } },
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Detaches the configuration group of an instance, going back to the datastore defaults.
 * @example
 * ```ts
 * await detachConfigurationGroup(db, instanceId);
 * ```
 */
export async function detachConfigurationGroup(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  await client.request('PUT', instancePath(instanceId), {
    ...options,
    json: { instance: {} },
    resource: `database instance "${instanceId}"`,
  });
}

import { boolean, number, object, oneOf, optional, recordOf, string } from '@cloud/core/service';
import { parseTroveDate } from '../internal/common.js';

/**
 * A configuration value: MySQL settings are numbers, strings or booleans.
 * @example const values: Record<string, ConfigurationValue> = { max_connections: 400, local_infile: false };
 */
export type ConfigurationValue = string | number | boolean;

/**
 * A configuration group: a named set of datastore settings attached to instances.
 * @example const { values } = await getConfigurationGroup(db, groupId);
 */
export interface ConfigurationGroup {
  id: string;
  name: string;
  description?: string | undefined;
  /** Datastore type, e.g. `mysql`. */
  datastoreName?: string | undefined;
  datastoreVersionId?: string | undefined;
  datastoreVersionName?: string | undefined;
  /** Full version number of the datastore version (newer Trove), e.g. `5.7.29`. */
  datastoreVersionNumber?: string | undefined;
  /** The settings (returned by `getConfigurationGroup`, not by the list). */
  values?: Record<string, ConfigurationValue> | undefined;
  /** Number of instances using it, when reported. */
  instanceCount?: number | undefined;
  created?: Date | undefined;
  updated?: Date | undefined;
}

/**
 * An instance a configuration group is attached to.
 * @example for await (const { id, name } of listConfigurationGroupInstances(db, groupId)) console.log(id, name);
 */
export interface ConfigurationGroupInstance {
  id: string;
  name: string;
}

/**
 * Parameters of `createConfigurationGroup`.
 * @example await createConfigurationGroup(db, { name: 'busy', values: { max_connections: 400 } });
 */
export interface CreateConfigurationGroupParams {
  name: string;
  /** Settings, e.g. `{ connect_timeout: 120, max_connections: 200 }`. */
  values: Record<string, ConfigurationValue>;
  description?: string | undefined;
  /**
   * Datastore the settings are for; the service's default when omitted. `versionNumber` picks
   * one of several versions sharing a name (newer Trove).
   */
  datastore?: { type: string; version?: string | undefined; versionNumber?: string | undefined } | undefined;
}

/**
 * Parameters of `replaceConfigurationGroup`.
 * @example await replaceConfigurationGroup(db, groupId, { values: { max_connections: 200 } });
 */
export interface ReplaceConfigurationGroupParams {
  /** The complete new settings; settings left out are removed. */
  values: Record<string, ConfigurationValue>;
  name?: string | undefined;
  description?: string | undefined;
}

/** @internal wire shape */
export interface ConfigurationGroupWire {
  id: string;
  name: string;
  description?: string | null;
  datastore_name?: string;
  datastore_version_id?: string;
  datastore_version_name?: string;
  datastore_version_number?: string;
  values?: Record<string, ConfigurationValue>;
  instance_count?: number;
  created?: string;
  updated?: string;
}

/** @internal */
export const parseConfigurationGroup = (w: ConfigurationGroupWire): ConfigurationGroup => ({
  id: w.id,
  name: w.name,
  ...(w.description ? { description: w.description } : {}),
  ...(w.datastore_name ? { datastoreName: w.datastore_name } : {}),
  ...(w.datastore_version_id ? { datastoreVersionId: w.datastore_version_id } : {}),
  ...(w.datastore_version_name ? { datastoreVersionName: w.datastore_version_name } : {}),
  ...(w.datastore_version_number ? { datastoreVersionNumber: w.datastore_version_number } : {}),
  ...(w.values ? { values: { ...w.values } } : {}),
  ...(typeof w.instance_count === 'number' ? { instanceCount: w.instance_count } : {}),
  ...(w.created ? { created: parseTroveDate(w.created) } : {}),
  ...(w.updated ? { updated: parseTroveDate(w.updated) } : {}),
});

/** A value of a configuration group: Trove sends strings, numbers and booleans. @internal */
export const CONFIGURATION_VALUE = oneOf(oneOf(string, number), boolean);

/** @internal */
export const CONFIGURATION_GROUP = object<ConfigurationGroupWire>({
  id: string,
  name: string,
  description: optional(string),
  datastore_name: optional(string),
  datastore_version_id: optional(string),
  datastore_version_name: optional(string),
  datastore_version_number: optional(string),
  values: optional(recordOf(CONFIGURATION_VALUE)),
  instance_count: optional(number),
  created: optional(string),
  updated: optional(string),
});

/** @internal */
export const CONFIGURATION_GROUP_INSTANCE = object<ConfigurationGroupInstance>({ id: string, name: string });

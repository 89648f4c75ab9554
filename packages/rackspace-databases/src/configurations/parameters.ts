import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  boolean,
  number,
  object,
  oneOf,
  optional,
  parseResponse,
  singlePage,
  string,
  unwrap,
} from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { datastoreVersionPath } from '../datastores/urls.js';
import { requireId } from '../internal/common.js';
import type { ConfigurationValue } from './types.js';

/**
 * Types Trove gives configuration parameters, the one list {@link ConfigurationParameterType}
 * derives from.
 * @example if (!CONFIGURATION_PARAMETER_TYPES.includes(p.type as ConfigurationParameterType)) console.warn(p.type);
 */
export const CONFIGURATION_PARAMETER_TYPES = ['integer', 'string', 'boolean', 'float'] as const;

/**
 * A parameter type; see {@link CONFIGURATION_PARAMETER_TYPES}.
 * @example const t: ConfigurationParameterType = 'integer';
 */
export type ConfigurationParameterType = (typeof CONFIGURATION_PARAMETER_TYPES)[number];

/**
 * A setting a configuration group may hold for one datastore version, with its type and range.
 * @example const p = await getConfigurationParameter(db, 'mysql', '5.7', 'max_connections');
 */
export interface ConfigurationParameter {
  name: string;
  /** `integer`, `string`, `boolean` or `float`; other words a service may add are kept. */
  type: ConfigurationParameterType | (string & {});
  /** Smallest value accepted (numeric types). */
  min?: number | undefined;
  /** Largest value accepted (numeric types). */
  max?: number | undefined;
  /** True when changing it needs an instance restart. */
  restartRequired: boolean;
  datastoreVersionId?: string | undefined;
}

interface ConfigurationParameterWire {
  name: string;
  type: string;
  min?: number | null;
  max?: number | null;
  restart_required?: boolean | number;
  datastore_version_id?: string;
}

const PARAMETER = object<ConfigurationParameterWire>({
  name: string,
  type: string,
  min: optional(number),
  max: optional(number),
  restart_required: optional(oneOf(boolean, number)),
  datastore_version_id: optional(string),
});

const parseParameter = (w: ConfigurationParameterWire): ConfigurationParameter => ({
  name: w.name,
  type: w.type,
  ...(typeof w.min === 'number' ? { min: w.min } : {}),
  ...(typeof w.max === 'number' ? { max: w.max } : {}),
  restartRequired: Boolean(w.restart_required),
  ...(w.datastore_version_id ? { datastoreVersionId: w.datastore_version_id } : {}),
});

const parametersPath = (datastore: string, version: string) =>
  `${datastoreVersionPath(datastore, version)}/parameters`;

/**
 * Lists the settings configuration groups may hold for one datastore version (one request), with
 * their types and ranges: what {@link validateConfigurationValues} checks against.
 * @throws NotFoundError naming the datastore version.
 * @example
 * ```ts
 * const params = await toArray(listConfigurationParameters(db, 'mysql', '5.7'));
 * validateConfigurationValues({ max_connections: 400 }, params);
 * ```
 */
export function listConfigurationParameters(
  client: DatabaseClient,
  datastore: string,
  version: string,
  options?: RequestOptions,
): PagedIterable<ConfigurationParameter> {
  requireId(datastore, 'datastore');
  requireId(version, 'version');
  return singlePage(async () => {
    const res = await client.request('GET', parametersPath(datastore, version), {
      ...options,
      resource: `version "${version}" of datastore "${datastore}"`,
    });
    return unwrap(res, 'configuration-parameters', arrayOf(PARAMETER)).map(parseParameter);
  });
}

/**
 * Gets one configuration parameter of a datastore version. Trove answers with the bare
 * parameter, not wrapped.
 * @throws NotFoundError naming the parameter.
 * @example
 * ```ts
 * const { min, max } = await getConfigurationParameter(db, 'mysql', '5.7', 'max_connections');
 * ```
 */
export async function getConfigurationParameter(
  client: DatabaseClient,
  datastore: string,
  version: string,
  name: string,
  options?: RequestOptions,
): Promise<ConfigurationParameter> {
  requireId(datastore, 'datastore');
  requireId(version, 'version');
  requireId(name, 'name');
  const res = await client.request(
    'GET',
    `${parametersPath(datastore, version)}/${encodeURIComponent(name)}`,
    {
      ...options,
      resource: `configuration parameter "${name}" of ${datastore} ${version}`,
    },
  );
  return parseParameter(parseResponse(res, PARAMETER));
}

/** Why `value` does not fit `p`, or undefined when it does. */
function mismatch(p: ConfigurationParameter, value: unknown): string | undefined {
  switch (p.type) {
    case 'integer':
    case 'float': {
      if (typeof value !== 'number' || Number.isNaN(value)) return `must be a number (${p.type})`;
      if (p.type === 'integer' && !Number.isInteger(value)) return 'must be an integer';
      if (p.min !== undefined && value < p.min) return `must be at least ${p.min}`;
      if (p.max !== undefined && value > p.max) return `must be at most ${p.max}`;
      return undefined;
    }
    case 'boolean':
      // MySQL booleans are written as true/false or 0/1 (the parameter list gives them min 0, max 1).
      return typeof value === 'boolean' || value === 0 || value === 1 ? undefined : 'must be a boolean';
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    default:
      return undefined; // a type this SDK does not know: leave it to the service
  }
}

/**
 * Checks configuration values against the parameters of their datastore version before they are
 * sent: unknown names, wrong types and values out of range are a `ValidationError` naming
 * `values.<name>`.
 * @example
 * ```ts
 * const params = await toArray(listConfigurationParameters(db, 'mysql', '5.7'));
 * validateConfigurationValues(values, params);
 * await createConfigurationGroup(db, { name: 'busy', values, datastore: { type: 'mysql', version: '5.7' } });
 * ```
 */
export function validateConfigurationValues(
  values: Record<string, ConfigurationValue>,
  parameters: readonly ConfigurationParameter[],
): void {
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw new ValidationError('values must be an object', 'values');
  }
  const byName = new Map(parameters.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(values)) {
    const p = byName.get(name);
    if (!p)
      throw new ValidationError(
        `values.${name} is not a configuration parameter of this datastore version`,
        `values.${name}`,
      );
    const problem = mismatch(p, value);
    if (problem)
      throw new ValidationError(`values.${name} ${problem}, got ${JSON.stringify(value)}`, `values.${name}`);
  }
}

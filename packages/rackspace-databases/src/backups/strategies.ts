import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, object, optional, singlePage, string, unwrap } from '@cloud/core/service';
import type { DatabaseClient } from '../client.js';
import { optionalString, requireId } from '../internal/common.js';

/**
 * Where a project's (or one instance's) backups go (OpenStack Trove backup strategies).
 * @example for await (const s of listDatabaseBackupStrategies(db)) console.log(s.instanceId ?? 'project', s.swiftContainer);
 */
export interface DatabaseBackupStrategy {
  /** Storage backend, e.g. `swift`. */
  backend: string;
  /** The Swift container backups are written to. */
  swiftContainer?: string | undefined;
  /** The instance it applies to; absent for the project-wide strategy. */
  instanceId?: string | undefined;
  projectId?: string | undefined;
}

/**
 * Parameters of {@link createDatabaseBackupStrategy}.
 * @example await createDatabaseBackupStrategy(db, { instanceId, swiftContainer: 'db-backups' });
 */
export interface CreateDatabaseBackupStrategyParams {
  /** Limits the strategy to one instance; project-wide when left out. */
  instanceId?: string | undefined;
  /** The Swift container to write backups to. */
  swiftContainer: string;
}

interface StrategyWire {
  backend: string;
  swift_container?: string | null;
  instance_id?: string | null;
  project_id?: string | null;
}

const STRATEGY = object<StrategyWire>({
  backend: string,
  swift_container: optional(string),
  instance_id: optional(string),
  project_id: optional(string),
});

const parseStrategy = (w: StrategyWire): DatabaseBackupStrategy => ({
  backend: w.backend,
  ...(w.swift_container ? { swiftContainer: w.swift_container } : {}),
  ...(w.instance_id ? { instanceId: w.instance_id } : {}),
  ...(w.project_id ? { projectId: w.project_id } : {}),
});

const PATH = 'backup_strategies';

/**
 * Lists the backup strategies of the project (one request).
 * @example
 * ```ts
 * const strategies = await toArray(listDatabaseBackupStrategies(db, { instanceId }));
 * ```
 */
export function listDatabaseBackupStrategies(
  client: DatabaseClient,
  params: { instanceId?: string | undefined } = {},
  options?: RequestOptions,
): PagedIterable<DatabaseBackupStrategy> {
  const instanceId = optionalString(params.instanceId, 'instanceId');
  return singlePage(async () => {
    const res = await client.request('GET', PATH, {
      ...options,
      searchParams: instanceId ? { instance_id: instanceId } : undefined,
    });
    return unwrap(res, 'backup_strategies', arrayOf(STRATEGY)).map(parseStrategy);
  });
}

/**
 * Creates (or replaces) the backup strategy of the project or of one instance.
 * @throws ValidationError before any request for a missing container.
 * @example
 * ```ts
 * await createDatabaseBackupStrategy(db, { instanceId, swiftContainer: 'orders-backups' });
 * ```
 */
export async function createDatabaseBackupStrategy(
  client: DatabaseClient,
  params: CreateDatabaseBackupStrategyParams,
  options?: RequestOptions,
): Promise<DatabaseBackupStrategy> {
  if (!params || typeof params !== 'object') throw new ValidationError('params must be an object', 'params');
  const body = {
    swift_container: requireId(params.swiftContainer, 'swiftContainer'),
    ...(params.instanceId === undefined ? {} : { instance_id: requireId(params.instanceId, 'instanceId') }),
  };
  const res = await client.request('POST', PATH, { ...options, json: { backup_strategy: body } });
  return parseStrategy(unwrap(res, 'backup_strategy', STRATEGY));
}

/**
 * Deletes the backup strategy of the project, or of one instance.
 * @example await deleteDatabaseBackupStrategy(db, { instanceId });
 */
export async function deleteDatabaseBackupStrategy(
  client: DatabaseClient,
  params: { instanceId?: string | undefined } = {},
  options?: RequestOptions,
): Promise<void> {
  const instanceId = optionalString(params.instanceId, 'instanceId');
  await client.request('DELETE', PATH, {
    ...options,
    searchParams: instanceId ? { instance_id: instanceId } : undefined,
  });
}

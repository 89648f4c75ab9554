import type { RequestOptions } from '@cloud/core';
import type { DatabaseClient } from '../client.js';
import { requireId } from '../internal/common.js';
import { requireFlavorRef, requireVolumeSize } from './instances.js';
import { instanceActionPath } from './urls.js';

async function action(
  client: DatabaseClient,
  instanceId: string,
  body: Record<string, unknown>,
  options: RequestOptions | undefined,
): Promise<void> {
  await client.request('POST', instanceActionPath(instanceId), {
    ...options,
    json: body,
    resource: `database instance "${instanceId}"`,
  });
}

/**
 * Restarts the database service of an instance. The instance goes to `REBOOT`, then back to
 * `ACTIVE`; wait with `waitForDatabaseInstanceStatus`.
 * @example
 * ```ts
 * await restartDatabaseInstance(db, instanceId);
 * await waitForDatabaseInstanceStatus(db, instanceId, 'ACTIVE');
 * ```
 */
export async function restartDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  await action(client, instanceId, { restart: {} }, options);
}

/**
 * Moves an instance to another flavor (memory/CPU). The instance goes to `RESIZE`, then back to
 * `ACTIVE`.
 * @example
 * ```ts
 * await resizeDatabaseInstance(db, instanceId, '3');
 * await waitForDatabaseInstanceStatus(db, instanceId, 'ACTIVE');
 * ```
 */
export async function resizeDatabaseInstance(
  client: DatabaseClient,
  instanceId: string,
  flavorRef: string | number,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const ref = requireFlavorRef(flavorRef);
  await action(client, instanceId, { resize: { flavorRef: ref } }, options);
}

/**
 * Grows the volume of an instance to `sizeGb` (1 to the client's `maxVolumeSizeGb`; volumes
 * cannot shrink, which the service enforces). The instance goes to `RESIZE`, then back to `ACTIVE`.
 * @example
 * ```ts
 * await resizeDatabaseInstanceVolume(db, instanceId, 20);
 * ```
 */
export async function resizeDatabaseInstanceVolume(
  client: DatabaseClient,
  instanceId: string,
  sizeGb: number,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  const size = requireVolumeSize(client, sizeGb, 'sizeGb');
  await action(client, instanceId, { resize: { volume: { size } } }, options);
}

/**
 * Promotes a replica to be the replication source: the old source becomes a replica of it.
 * Only for a healthy source; after a failed source use {@link ejectDatabaseReplicaSource}.
 * @example
 * ```ts
 * await promoteDatabaseReplicaToSource(db, replicaId);
 * await waitForDatabaseInstanceStatus(db, replicaId, ['ACTIVE', 'HEALTHY']);
 * ```
 */
export async function promoteDatabaseReplicaToSource(
  client: DatabaseClient,
  replicaId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(replicaId, 'replicaId');
  await action(client, replicaId, { promote_to_replica_source: {} }, options);
}

/**
 * Ejects a replication source that has failed: the replica with the most recent data becomes the
 * new source. Call it on the failed source.
 * @example await ejectDatabaseReplicaSource(db, failedSourceId);
 */
export async function ejectDatabaseReplicaSource(
  client: DatabaseClient,
  sourceId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(sourceId, 'sourceId');
  await action(client, sourceId, { eject_replica_source: {} }, options);
}

/**
 * Resets an instance stuck in a task (e.g. `BUILD` or `ERROR` after a failed operation) so it can
 * be deleted or retried. Trove allows it to admins and, for some statuses, the owner.
 * @example await resetDatabaseInstanceStatus(db, id);
 */
export async function resetDatabaseInstanceStatus(
  client: DatabaseClient,
  instanceId: string,
  options?: RequestOptions,
): Promise<void> {
  requireId(instanceId, 'instanceId');
  await action(client, instanceId, { reset_status: {} }, options);
}

/** The operations of issue 20 against the stateful fake Trove: replication, updates, parameters. */
import { toArray, ValidationError } from '@cloud/core';
import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeTrove } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import {
  createDatabaseInstance,
  createDatabaseUser,
  detachDatabaseReplica,
  disableRootUser,
  enableRootUser,
  getDatabaseInstance,
  getDatabaseInstanceDefaultConfiguration,
  getDatabaseLimits,
  getDatabaseUser,
  isRootEnabled,
  listConfigurationParameters,
  listDatabaseInstancesDetail,
  listDatastoreVersionFlavors,
  promoteDatabaseReplicaToSource,
  renameDatabaseInstance,
  resetDatabaseInstanceStatus,
  updateDatabaseUser,
  upgradeDatabaseInstance,
  validateConfigurationValues,
  waitForDatabaseInstanceStatus,
} from '../src/index.js';
import { dbClient } from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };

function setup() {
  const fake = createFakeTrove({ baseUrl: mockEndpoints('RegionOne').database });
  cloud.use(...fake.handlers);
  return { fake, db: dbClient(cloud) };
}

describe('the fake Trove, for the newer operations', () => {
  it('creates a replica, promotes it and detaches it', async () => {
    const { db } = setup();
    const source = await createDatabaseInstance(db, { name: 'src', flavorRef: '2', volumeSize: 3 });
    await waitForDatabaseInstanceStatus(db, source.id, 'ACTIVE', fast);
    const replica = await createDatabaseInstance(db, { name: 'src-r1', replicaOf: source.id });
    const ready = await waitForDatabaseInstanceStatus(db, replica.id, 'ACTIVE', fast);
    expect(ready.replicaOf?.id).toBe(source.id);
    expect(ready.flavorId).toBe('2');
    expect((await getDatabaseInstance(db, source.id)).replicas?.map((r) => r.id)).toEqual([replica.id]);

    await promoteDatabaseReplicaToSource(db, replica.id);
    const seen: string[] = [];
    await waitForDatabaseInstanceStatus(db, replica.id, 'ACTIVE', {
      ...fast,
      onPoll: (i) => seen.push(i.status),
    });
    expect(seen[0]).toBe('PROMOTE');

    await detachDatabaseReplica(db, replica.id);
    expect((await getDatabaseInstance(db, replica.id)).replicaOf).toBeUndefined();
    expect((await getDatabaseInstance(db, source.id)).replicas).toEqual([]);
  });

  it('renames, upgrades through UPGRADE, resets a stuck instance and lists details', async () => {
    const { fake, db } = setup();
    const { id } = await createDatabaseInstance(db, {
      name: 'old',
      flavorRef: '1',
      volumeSize: 1,
      datastore: { type: 'mysql', version: '5.6' },
    });
    await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', fast);
    await renameDatabaseInstance(db, id, 'new');
    await upgradeDatabaseInstance(db, id, '5.7');
    expect(fake.instances.get(id)?.wire.status).toBe('UPGRADE');
    const upgraded = await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', fast);
    expect([upgraded.name, upgraded.datastore]).toEqual([
      'new',
      { type: 'mysql', version: '5.7', versionNumber: '5.7.29' },
    ]);
    fake.setStatus(id, 'ERROR', 'Volume attach failed');
    await resetDatabaseInstanceStatus(db, id);
    expect((await getDatabaseInstance(db, id)).status).toBe('ACTIVE');
    expect((await toArray(listDatabaseInstancesDetail(db))).map((i) => i.name)).toEqual(['new']);
    expect((await getDatabaseInstanceDefaultConfiguration(db, id)).max_connections).toBe(100);
  });

  it('disables root and updates users', async () => {
    const { fake, db } = setup();
    const { id } = await createDatabaseInstance(db, { name: 'u', flavorRef: '1', volumeSize: 1 });
    await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', fast);
    await enableRootUser(db, id);
    await disableRootUser(db, id);
    expect(await isRootEnabled(db, id)).toBe(false);
    await createDatabaseUser(db, id, { name: 'app', password: 'first' });
    await updateDatabaseUser(db, id, 'app', { name: 'app_rw', host: '10.0.0.%', password: 'second' });
    expect((await getDatabaseUser(db, id, { name: 'app_rw', host: '10.0.0.%' })).name).toBe('app_rw');
    expect(fake.instances.get(id)?.users.get('app_rw@10.0.0.%')?.password).toBe('second');
  });

  it('serves configuration parameters to validate against, version flavors and limits', async () => {
    const { db } = setup();
    const params = await toArray(listConfigurationParameters(db, 'mysql', '5.7'));
    expect(params.find((p) => p.name === 'innodb_buffer_pool_size')?.restartRequired).toBe(true);
    expect(() => validateConfigurationValues({ max_connections: 0 }, params)).toThrow(ValidationError);
    expect((await toArray(listDatastoreVersionFlavors(db, 'mysql', '5.7'))).length).toBeGreaterThan(0);
    expect((await getDatabaseLimits(db)).absolute.max_instances).toBe(10);
  });
});

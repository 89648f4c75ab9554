import { createSession, fromRackspaceApiKey, toArray, UnprocessableEntityError } from '@cloud/core';
import { MOCK_V2_AUTH_URL, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeTrove } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import {
  attachConfigurationGroup,
  changeDatabaseUserPassword,
  createConfigurationGroup,
  createDatabase,
  createDatabaseBackup,
  createDatabaseClient,
  createDatabaseInstance,
  createDatabaseUser,
  deleteDatabase,
  deleteDatabaseInstance,
  detachConfigurationGroup,
  enableRootUser,
  getDatabaseBackup,
  getDatabaseUser,
  grantDatabaseAccess,
  isRootEnabled,
  listConfigurationGroupInstances,
  listDatabaseAccess,
  listDatabaseInstances,
  listDatabases,
  listDatabaseUsers,
  resizeDatabaseInstance,
  revokeDatabaseAccess,
  waitForDatabaseInstanceDeleted,
  waitForDatabaseInstanceStatus,
} from '../src/index.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2 };

/** A Rackspace-style session (v2.0 catalog with rax:database) talking to the fake in RegionOne. */
function rackspace() {
  const fake = createFakeTrove({ baseUrl: mockEndpoints('RegionOne').database, maxPageSize: 2 });
  cloud.use(...fake.handlers);
  const session = createSession({
    credentials: fromRackspaceApiKey({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', apiKey: 'key' }),
    retry: { limit: 0 },
  });
  return { fake, db: createDatabaseClient(session) };
}

describe('against the stateful fake Trove', () => {
  it('runs an instance through databases, users, access, root and deletion', async () => {
    const { fake, db } = rackspace();
    const created = await createDatabaseInstance(db, {
      name: 'orders',
      flavorRef: '1',
      volumeSize: 2,
      databases: [{ name: 'orders' }],
      users: [{ name: 'app', password: 'pa55', host: '10.0.0.%', databases: ['orders'] }],
    });
    // the instance is still building: user operations are refused as Trove does
    await expect(enableRootUser(db, created.id)).rejects.toBeInstanceOf(UnprocessableEntityError);
    await waitForDatabaseInstanceStatus(db, created.id, 'ACTIVE', fast);

    await createDatabase(db, created.id, { name: 'audit log' });
    await createDatabase(db, created.id, { name: 'metrics' });
    expect((await toArray(listDatabases(db, created.id))).map((d) => d.name)).toEqual([
      'orders',
      'audit log',
      'metrics',
    ]);

    await createDatabaseUser(db, created.id, { name: 'svc.reader', password: 'r', host: 'db.example.com' });
    await createDatabaseUser(db, created.id, { name: 'ops', password: 'o' });
    // three users over pages of two: the second page starts at Trove's double-encoded marker
    const users = await toArray(listDatabaseUsers(db, created.id));
    expect(users.map((u) => `${u.name}@${u.host}`)).toEqual([
      'app@10.0.0.%',
      'svc.reader@db.example.com',
      'ops@%',
    ]);

    const app = { name: 'app', host: '10.0.0.%' };
    await grantDatabaseAccess(db, created.id, app, ['audit log']);
    expect(await toArray(listDatabaseAccess(db, created.id, 'app@10.0.0.%'))).toEqual([
      'orders',
      'audit log',
    ]);
    await revokeDatabaseAccess(db, created.id, app, 'orders');
    expect((await getDatabaseUser(db, created.id, app)).databases).toEqual(['audit log']);
    await changeDatabaseUserPassword(db, created.id, { name: 'svc.reader', host: 'db.example.com' }, 'n3w');
    expect(fake.instances.get(created.id)?.users.get('svc.reader@db.example.com')?.password).toBe('n3w');
    await deleteDatabase(db, created.id, 'metrics');

    expect(await isRootEnabled(db, created.id)).toBe(false);
    const root = await enableRootUser(db, created.id);
    expect(root.name).toBe('root');
    expect(root.password.length).toBeGreaterThan(8);
    expect(await isRootEnabled(db, created.id)).toBe(true);

    await resizeDatabaseInstance(db, created.id, '2');
    expect((await waitForDatabaseInstanceStatus(db, created.id, 'ACTIVE', fast)).flavorId).toBe('2');

    await deleteDatabaseInstance(db, created.id);
    await waitForDatabaseInstanceDeleted(db, created.id, fast);
    expect(await toArray(listDatabaseInstances(db))).toEqual([]);
  });

  it('backs up and attaches configuration groups', async () => {
    const { db } = rackspace();
    const { id } = await createDatabaseInstance(db, { name: 'cfg', flavorRef: '1', volumeSize: 1 });
    await waitForDatabaseInstanceStatus(db, id, 'ACTIVE', fast);

    const backup = await createDatabaseBackup(db, { instanceId: id, name: 'first' });
    expect(backup.status).toBe('NEW');
    expect((await getDatabaseBackup(db, backup.id)).status).toBe('NEW');
    expect((await getDatabaseBackup(db, backup.id)).status).toBe('COMPLETED');

    const group = await createConfigurationGroup(db, { name: 'busy', values: { max_connections: 400 } });
    await attachConfigurationGroup(db, id, group.id);
    expect(await toArray(listConfigurationGroupInstances(db, group.id))).toEqual([{ id, name: 'cfg' }]);
    await detachConfigurationGroup(db, id);
    expect(await toArray(listConfigurationGroupInstances(db, group.id))).toEqual([]);
  });
});

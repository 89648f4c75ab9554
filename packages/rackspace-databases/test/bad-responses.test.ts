/**
 * Every public operation that reads a response body, served bodies that are not what Trove
 * documents: each must fail with one typed InvalidResponseError (status, request id, snippet),
 * never a raw TypeError or SyntaxError, and never a silently empty result.
 *
 * Adding an operation means adding a row to OPERATIONS (or, when it reads no body, its name to
 * READS_NO_BODY): the last tests fail for an exported function found in neither.
 */
import { inspect } from 'node:util';
import { InvalidResponseError, toArray } from '@cloud/core';
import { describeBadResponses, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import type { DatabaseClient } from '../src/index.js';
import * as api from '../src/index.js';
import { DB_URL, dbClient } from './support.js';

const cloud = setupMockCloud();
const fast = { minDelayMs: 1, maxDelayMs: 2, timeoutMs: 5_000 };
const ID = 'a0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b';
const INSTANCE = `/instances/${ID}`;

interface Operation {
  /** The exported function. */
  name: keyof typeof api;
  method: 'get' | 'post' | 'put' | 'patch';
  /** Route to poison, relative to the database endpoint. */
  path: string;
  /** Wrapper key of the documented body, for the wrong-type bodies. */
  key: string;
  call(c: DatabaseClient): Promise<unknown>;
}

const list = <T>(l: AsyncIterable<T>) => toArray(l);

const OPERATIONS: Operation[] = [
  {
    name: 'createDatabaseInstance',
    method: 'post',
    path: '/instances',
    key: 'instance',
    call: (c) => api.createDatabaseInstance(c, { name: 'db', flavorRef: 1, volumeSize: 2 }),
  },
  {
    name: 'getDatabaseInstance',
    method: 'get',
    path: INSTANCE,
    key: 'instance',
    call: (c) => api.getDatabaseInstance(c, ID),
  },
  {
    name: 'listDatabaseInstances',
    method: 'get',
    path: '/instances',
    key: 'instances',
    call: (c) => list(api.listDatabaseInstances(c)),
  },
  {
    name: 'waitForDatabaseInstanceStatus',
    method: 'get',
    path: INSTANCE,
    key: 'instance',
    call: (c) => api.waitForDatabaseInstanceStatus(c, ID, 'ACTIVE', fast),
  },
  {
    name: 'createDatabaseBackup',
    method: 'post',
    path: '/backups',
    key: 'backup',
    call: (c) => api.createDatabaseBackup(c, { instanceId: ID, name: 'nightly' }),
  },
  {
    name: 'getDatabaseBackup',
    method: 'get',
    path: `/backups/${ID}`,
    key: 'backup',
    call: (c) => api.getDatabaseBackup(c, ID),
  },
  {
    name: 'listDatabaseBackups',
    method: 'get',
    path: '/backups',
    key: 'backups',
    call: (c) => list(api.listDatabaseBackups(c)),
  },
  {
    name: 'listDatabaseInstanceBackups',
    method: 'get',
    path: `${INSTANCE}/backups`,
    key: 'backups',
    call: (c) => list(api.listDatabaseInstanceBackups(c, ID)),
  },
  {
    name: 'listConfigurationGroups',
    method: 'get',
    path: '/configurations',
    key: 'configurations',
    call: (c) => list(api.listConfigurationGroups(c)),
  },
  {
    name: 'getConfigurationGroup',
    method: 'get',
    path: `/configurations/${ID}`,
    key: 'configuration',
    call: (c) => api.getConfigurationGroup(c, ID),
  },
  {
    name: 'createConfigurationGroup',
    method: 'post',
    path: '/configurations',
    key: 'configuration',
    call: (c) => api.createConfigurationGroup(c, { name: 'busy', values: { max_connections: 400 } }),
  },
  {
    name: 'listConfigurationGroupInstances',
    method: 'get',
    path: `/configurations/${ID}/instances`,
    key: 'instances',
    call: (c) => list(api.listConfigurationGroupInstances(c, ID)),
  },
  {
    name: 'listDatabases',
    method: 'get',
    path: `${INSTANCE}/databases`,
    key: 'databases',
    call: (c) => list(api.listDatabases(c, ID)),
  },
  {
    name: 'listDatastores',
    method: 'get',
    path: '/datastores',
    key: 'datastores',
    call: (c) => list(api.listDatastores(c)),
  },
  {
    name: 'getDatastore',
    method: 'get',
    path: '/datastores/mysql',
    key: 'datastore',
    call: (c) => api.getDatastore(c, 'mysql'),
  },
  {
    name: 'listDatastoreVersions',
    method: 'get',
    path: '/datastores/mysql/versions',
    key: 'versions',
    call: (c) => list(api.listDatastoreVersions(c, 'mysql')),
  },
  {
    name: 'getDatastoreVersion',
    method: 'get',
    path: '/datastores/mysql/versions/5.7',
    key: 'version',
    call: (c) => api.getDatastoreVersion(c, 'mysql', '5.7'),
  },
  {
    name: 'listDatabaseFlavors',
    method: 'get',
    path: '/flavors',
    key: 'flavors',
    call: (c) => list(api.listDatabaseFlavors(c)),
  },
  {
    name: 'getDatabaseFlavor',
    method: 'get',
    path: '/flavors/1',
    key: 'flavor',
    call: (c) => api.getDatabaseFlavor(c, '1'),
  },
  {
    name: 'enableRootUser',
    method: 'post',
    path: `${INSTANCE}/root`,
    key: 'user',
    call: (c) => api.enableRootUser(c, ID),
  },
  {
    name: 'isRootEnabled',
    method: 'get',
    path: `${INSTANCE}/root`,
    key: 'rootEnabled',
    call: (c) => api.isRootEnabled(c, ID),
  },
  {
    name: 'listDatabaseUsers',
    method: 'get',
    path: `${INSTANCE}/users`,
    key: 'users',
    call: (c) => list(api.listDatabaseUsers(c, ID)),
  },
  {
    name: 'getDatabaseUser',
    method: 'get',
    path: `${INSTANCE}/users/app`,
    key: 'user',
    call: (c) => api.getDatabaseUser(c, ID, 'app'),
  },
  {
    name: 'listDatabaseAccess',
    method: 'get',
    path: `${INSTANCE}/users/app/databases`,
    key: 'databases',
    call: (c) => list(api.listDatabaseAccess(c, ID, 'app')),
  },
  {
    name: 'listDatabaseInstancesDetail',
    method: 'get',
    path: '/instances/detail',
    key: 'instances',
    call: (c) => list(api.listDatabaseInstancesDetail(c)),
  },
  {
    name: 'getDatabaseInstanceDefaultConfiguration',
    method: 'get',
    path: `${INSTANCE}/configuration`,
    key: 'instance',
    call: (c) => api.getDatabaseInstanceDefaultConfiguration(c, ID),
  },
  {
    name: 'listConfigurationParameters',
    method: 'get',
    path: '/datastores/mysql/versions/5.7/parameters',
    key: 'configuration-parameters',
    call: (c) => list(api.listConfigurationParameters(c, 'mysql', '5.7')),
  },
  {
    name: 'getConfigurationParameter',
    method: 'get',
    path: '/datastores/mysql/versions/5.7/parameters/max_connections',
    // the parameter comes unwrapped: poison its name
    key: 'name',
    call: (c) => api.getConfigurationParameter(c, 'mysql', '5.7', 'max_connections'),
  },
  {
    name: 'listDatastoreVersionFlavors',
    method: 'get',
    path: '/datastores/mysql/versions/5.7/flavors',
    key: 'flavors',
    call: (c) => list(api.listDatastoreVersionFlavors(c, 'mysql', '5.7')),
  },
  {
    name: 'getDatabaseLimits',
    method: 'get',
    path: '/limits',
    key: 'limits',
    call: (c) => api.getDatabaseLimits(c),
  },
  {
    name: 'listDatabaseApiVersions',
    method: 'get',
    path: `${new URL(DB_URL).origin}/`,
    key: 'versions',
    call: (c) => list(api.listDatabaseApiVersions(c)),
  },
  {
    name: 'listDatabaseBackupStrategies',
    method: 'get',
    path: '/backup_strategies',
    key: 'backup_strategies',
    call: (c) => list(api.listDatabaseBackupStrategies(c)),
  },
  {
    name: 'createDatabaseBackupStrategy',
    method: 'post',
    path: '/backup_strategies',
    key: 'backup_strategy',
    call: (c) => api.createDatabaseBackupStrategy(c, { swiftContainer: 'db-backups' }),
  },
];

/** Exported functions that send a request but read no body (or are not operations). */
const READS_NO_BODY = new Set<string>([
  'createDatabaseClient',
  'deleteDatabaseInstance',
  'restartDatabaseInstance',
  'resizeDatabaseInstance',
  'resizeDatabaseInstanceVolume',
  'deleteDatabaseBackup',
  'updateConfigurationGroup',
  'replaceConfigurationGroup',
  'deleteConfigurationGroup',
  'attachConfigurationGroup',
  'detachConfigurationGroup',
  'createDatabase',
  'createDatabases',
  'deleteDatabase',
  'createDatabaseUser',
  'createDatabaseUsers',
  'deleteDatabaseUser',
  'changeDatabaseUserPassword',
  'changeDatabaseUserPasswords',
  'grantDatabaseAccess',
  'revokeDatabaseAccess',
  // polls getDatabaseInstance and treats its 404 as success; covered by that row
  'waitForDatabaseInstanceDeleted',
  'updateDatabaseInstance',
  'renameDatabaseInstance',
  'detachDatabaseReplica',
  'upgradeDatabaseInstance',
  'updateDatabaseInstanceAccess',
  'promoteDatabaseReplicaToSource',
  'ejectDatabaseReplicaSource',
  'resetDatabaseInstanceStatus',
  'disableRootUser',
  'updateDatabaseUser',
  'deleteDatabaseBackupStrategy',
  // checks values against parameters already read; sends nothing
  'validateConfigurationValues',
]);

describeBadResponses('database operations reject bodies Trove does not send', {
  cloud,
  client: () => dbClient(cloud),
  operations: OPERATIONS.map((op) => ({
    ...op,
    url: op.path.startsWith('http') ? op.path : `${DB_URL}${op.path}`,
  })),
  coverage: { api, readsNoBody: READS_NO_BODY },
});

describe('database errors on bad bodies', () => {
  it('never puts the root password of a malformed answer in the error', async () => {
    const password = 'Zq9-very-secret-root-password';
    cloud.use(
      http.post(`${DB_URL}${INSTANCE}/root`, () => HttpResponse.json({ user: { name: 7, password } })),
    );
    const err = (await api.enableRootUser(dbClient(cloud), ID).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect(`${err.message} ${inspect(err)} ${JSON.stringify(err)}`).not.toContain('very-secret');
  });
});

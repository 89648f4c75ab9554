/**
 * The Trove operations and fields of issue 20, against bodies written from the Trove api-ref
 * (api-ref/source/*.inc and samples/); ids and values are made up.
 */
import { inspect } from 'node:util';
import { toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createConfigurationGroup,
  createDatabaseBackupStrategy,
  createDatabaseInstance,
  deleteDatabaseBackupStrategy,
  detachDatabaseReplica,
  disableRootUser,
  ejectDatabaseReplicaSource,
  getConfigurationGroup,
  getConfigurationParameter,
  getDatabaseBackup,
  getDatabaseInstance,
  getDatabaseInstanceDefaultConfiguration,
  getDatabaseLimits,
  listConfigurationParameters,
  listDatabaseApiVersions,
  listDatabaseBackupStrategies,
  listDatabaseInstancesDetail,
  listDatastoreVersionFlavors,
  promoteDatabaseReplicaToSource,
  renameDatabaseInstance,
  resetDatabaseInstanceStatus,
  updateDatabaseInstance,
  updateDatabaseInstanceAccess,
  updateDatabaseUser,
  upgradeDatabaseInstance,
  validateConfigurationValues,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, rejectionOf, relPath } from './support.js';

const cloud = setupMockCloud();
const ID = '5b6a7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const SOURCE = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';
const VERSION_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

const accepted = () => new HttpResponse(null, { status: 202 });

describe('instance changes (PATCH / PUT /instances/{id})', () => {
  const sent = async () => {
    const r = dbRequests(cloud).at(-1)!;
    return { method: r.method, path: relPath(r), body: await jsonBody(r) };
  };

  it('renames, detaches a replica and upgrades with PATCH, as every Trove release accepts', async () => {
    cloud.use(http.patch(`${DB_URL}/instances/${ID}`, accepted));
    await renameDatabaseInstance(dbClient(cloud), ID, 'orders-eu');
    expect(await sent()).toEqual({
      method: 'PATCH',
      path: `/instances/${ID}`,
      body: { instance: { name: 'orders-eu' } },
    });
    await detachDatabaseReplica(dbClient(cloud), ID);
    expect((await sent()).body).toEqual({ instance: { replica_of: null } });
    await upgradeDatabaseInstance(dbClient(cloud), ID, '5.7.29');
    expect((await sent()).body).toEqual({ instance: { datastore_version: '5.7.29' } });
  });

  it('changes access with PUT, checking each CIDR', async () => {
    cloud.use(http.put(`${DB_URL}/instances/${ID}`, accepted));
    await updateDatabaseInstanceAccess(dbClient(cloud), ID, {
      isPublic: true,
      allowedCidrs: ['10.0.0.0/24'],
    });
    expect(await sent()).toEqual({
      method: 'PUT',
      path: `/instances/${ID}`,
      body: { instance: { access: { is_public: true, allowed_cidrs: ['10.0.0.0/24'] } } },
    });
    const err = await rejectionOf<ValidationError>(
      updateDatabaseInstanceAccess(dbClient(cloud), ID, { allowedCidrs: ['10.0.0.0/33'] }),
    );
    expect(err.field).toBe('access.allowedCidrs[0]');
  });

  it('sends a name with one other change, detaches configuration with null', async () => {
    cloud.use(http.patch(`${DB_URL}/instances/${ID}`, accepted));
    await updateDatabaseInstance(dbClient(cloud), ID, { name: 'x', configuration: null });
    expect((await sent()).body).toEqual({ instance: { name: 'x', configuration: null } });
  });

  it('rejects an empty update and two changes at once before any request', async () => {
    const db = dbClient(cloud);
    expect((await rejectionOf<ValidationError>(updateDatabaseInstance(db, ID, {}))).field).toBe('params');
    const two = await rejectionOf<ValidationError>(
      updateDatabaseInstance(db, ID, { configuration: null, datastoreVersion: '5.7' }),
    );
    expect(two).toBeInstanceOf(ValidationError);
    expect(two.field).toBe('datastoreVersion');
    await expect(updateDatabaseInstance(db, ID, { detachReplica: false as never })).rejects.toThrow(
      /detachReplica/,
    );
    expect(dbRequests(cloud)).toHaveLength(0);
  });
});

describe('replica and status actions (POST /instances/{id}/action)', () => {
  it.each([
    ['promote', promoteDatabaseReplicaToSource, { promote_to_replica_source: {} }],
    ['eject', ejectDatabaseReplicaSource, { eject_replica_source: {} }],
    ['reset_status', resetDatabaseInstanceStatus, { reset_status: {} }],
  ] as const)('%s sends its documented body', async (_name, op, body) => {
    cloud.use(http.post(`${DB_URL}/instances/${ID}/action`, accepted));
    await op(dbClient(cloud), ID);
    const r = onlyRequest(cloud);
    expect(relPath(r)).toBe(`/instances/${ID}/action`);
    expect(await jsonBody(r)).toEqual(body);
  });

  it('creates a replica without flavor or volume, and refuses databases on one', async () => {
    cloud.use(
      http.post(`${DB_URL}/instances`, () =>
        HttpResponse.json({ instance: { id: ID, name: 'orders-r1', status: 'BUILD', links: [] } }),
      ),
    );
    await createDatabaseInstance(dbClient(cloud), {
      name: 'orders-r1',
      replicaOf: SOURCE,
      replicaCount: 2,
      locality: 'anti-affinity',
    });
    expect(await jsonBody(onlyRequest(cloud))).toEqual({
      instance: { name: 'orders-r1', replica_of: SOURCE, replica_count: 2, locality: 'anti-affinity' },
    });
    await expect(
      createDatabaseInstance(dbClient(cloud), { name: 'r', replicaOf: SOURCE, databases: [{ name: 'a1' }] }),
    ).rejects.toThrow(ValidationError);
    await expect(
      createDatabaseInstance(dbClient(cloud), { name: 'r', replicaCount: 2 } as never),
    ).rejects.toThrow(/replicaCount/);
  });
});

describe('instance reads', () => {
  it('lists instances/detail and keeps each address network and the volume used_percent', async () => {
    const detail = {
      id: ID,
      name: 'orders',
      status: 'ACTIVE',
      flavor: { id: '3' },
      volume: { size: 4, used: 0.5, used_percent: 12.5 },
      addresses: [
        { address: '10.2.0.7', type: 'private', network: '0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a' },
        { address: '198.51.100.9', type: 'public' },
      ],
      links: [],
    };
    cloud.use(http.get(`${DB_URL}/instances/detail`, () => HttpResponse.json({ instances: [detail] })));
    const [i] = await toArray(listDatabaseInstancesDetail(dbClient(cloud)));
    expect(i?.addresses[0]).toEqual({
      address: '10.2.0.7',
      type: 'private',
      network: '0d1c2b3a-4f5e-4d6c-8b7a-9f8e7d6c5b4a',
    });
    expect(i?.volume).toEqual({ size: 4, used: 0.5, usedPercent: 12.5 });
  });

  it('reads the default configuration of an instance', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}/configuration`, () =>
        HttpResponse.json({ instance: { configuration: { max_connections: 800, tmpdir: '/var/tmp' } } }),
      ),
    );
    expect(await getDatabaseInstanceDefaultConfiguration(dbClient(cloud), ID)).toEqual({
      max_connections: 800,
      tmpdir: '/var/tmp',
    });
  });

  it('still reads an instance shown without the new fields', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}`, () =>
        HttpResponse.json({ instance: { id: ID, name: 'a', status: 'ACTIVE', volume: { size: 1 } } }),
      ),
    );
    expect((await getDatabaseInstance(dbClient(cloud), ID)).volume).toEqual({ size: 1 });
  });
});

describe('root and users', () => {
  it('disables root with DELETE', async () => {
    cloud.use(http.delete(`${DB_URL}/instances/${ID}/root`, () => new HttpResponse(null, { status: 204 })));
    await disableRootUser(dbClient(cloud), ID);
    expect(onlyRequest(cloud).method).toBe('DELETE');
  });

  it('updates a user by name@host, never showing the password in errors', async () => {
    const password = 'Wq8-secret-next-password';
    cloud.use(http.put(`${DB_URL}/instances/${ID}/users/:user`, accepted));
    await updateDatabaseUser(dbClient(cloud), ID, { name: 'app', host: '%' }, { host: '10.0.0.%', password });
    const r = onlyRequest(cloud);
    expect(relPath(r)).toBe(`/instances/${ID}/users/app%40%25`);
    expect(await jsonBody(r)).toEqual({ user: { host: '10.0.0.%', password } });
    const bad = await rejectionOf<ValidationError>(
      updateDatabaseUser(dbClient(cloud), ID, 'app', { password: `${password}'` }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(`${bad.message} ${inspect(bad)}`).not.toContain('secret-next');
    await expect(updateDatabaseUser(dbClient(cloud), ID, 'app', {})).rejects.toThrow(/changes/);
    await expect(updateDatabaseUser(dbClient(cloud), ID, 'app', { name: 'root' })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe('configuration parameters', () => {
  const params = [
    {
      datastore_version_id: VERSION_ID,
      name: 'max_connections',
      type: 'integer',
      min: 1,
      max: 100000,
      restart_required: false,
    },
    {
      datastore_version_id: VERSION_ID,
      name: 'innodb_buffer_pool_size',
      type: 'integer',
      min: 0,
      max: 68719476736,
      restart_required: true,
    },
    {
      datastore_version_id: VERSION_ID,
      name: 'autocommit',
      type: 'boolean',
      min: 0,
      max: 1,
      restart_required: false,
    },
    { datastore_version_id: VERSION_ID, name: 'sql_mode', type: 'string', restart_required: false },
  ];

  it('lists and gets parameters with types and ranges', async () => {
    cloud.use(
      http.get(`${DB_URL}/datastores/mysql/versions/5.7/parameters`, () =>
        HttpResponse.json({ 'configuration-parameters': params }),
      ),
      http.get(`${DB_URL}/datastores/mysql/versions/5.7/parameters/max_connections`, () =>
        HttpResponse.json(params[0]),
      ),
    );
    const list = await toArray(listConfigurationParameters(dbClient(cloud), 'mysql', '5.7'));
    expect(list[1]).toEqual({
      name: 'innodb_buffer_pool_size',
      type: 'integer',
      min: 0,
      max: 68719476736,
      restartRequired: true,
      datastoreVersionId: VERSION_ID,
    });
    expect(list[3]).toEqual({
      name: 'sql_mode',
      type: 'string',
      restartRequired: false,
      datastoreVersionId: VERSION_ID,
    });
    const one = await getConfigurationParameter(dbClient(cloud), 'mysql', '5.7', 'max_connections');
    expect([one.min, one.max]).toEqual([1, 100000]);
  });

  it('validates values against them, naming the value', async () => {
    cloud.use(
      http.get(`${DB_URL}/datastores/mysql/versions/5.7/parameters`, () =>
        HttpResponse.json({ 'configuration-parameters': params }),
      ),
    );
    const list = await toArray(listConfigurationParameters(dbClient(cloud), 'mysql', '5.7'));
    expect(() =>
      validateConfigurationValues(
        { max_connections: 400, autocommit: true, sql_mode: 'STRICT_ALL_TABLES' },
        list,
      ),
    ).not.toThrow();
    const field = (values: Record<string, string | number | boolean>) => {
      try {
        validateConfigurationValues(values, list);
      } catch (e) {
        return (e as ValidationError).field;
      }
      return 'accepted';
    };
    expect(field({ max_connections: 0 })).toBe('values.max_connections');
    expect(field({ max_connections: 1.5 })).toBe('values.max_connections');
    expect(field({ max_connections: '400' })).toBe('values.max_connections');
    expect(field({ autocommit: 'yes' })).toBe('values.autocommit');
    expect(field({ sql_mode: 3 })).toBe('values.sql_mode');
    expect(field({ no_such_setting: 1 })).toBe('values.no_such_setting');
  });
});

describe('configuration groups and backups', () => {
  it('reads datastore_version_number and instance_count, and sends version_number on create', async () => {
    const group = {
      id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      name: 'tuned',
      description: null,
      datastore_name: 'mysql',
      datastore_version_id: VERSION_ID,
      datastore_version_name: 'mysql-5.7',
      datastore_version_number: '5.7.29',
      values: { connect_timeout: 30 },
      instance_count: 2,
      created: '2025-02-01T08:00:00',
      updated: '2025-02-01T08:00:00',
    };
    cloud.use(
      http.get(`${DB_URL}/configurations/${group.id}`, () => HttpResponse.json({ configuration: group })),
      http.post(`${DB_URL}/configurations`, () => HttpResponse.json({ configuration: group })),
    );
    const g = await getConfigurationGroup(dbClient(cloud), group.id);
    expect([g.datastoreVersionNumber, g.instanceCount]).toEqual(['5.7.29', 2]);
    await createConfigurationGroup(dbClient(cloud), {
      name: 'tuned',
      values: { connect_timeout: 30 },
      datastore: { type: 'mysql', version: 'mysql-5.7', versionNumber: '5.7.29' },
    });
    expect((await jsonBody(dbRequests(cloud).at(-1)!)).configuration.datastore).toEqual({
      type: 'mysql',
      version: 'mysql-5.7',
      version_number: '5.7.29',
    });
  });

  it('keeps a backup type, source, storage driver and unknown fields', async () => {
    const backup = {
      id: '6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908',
      name: 'weekly',
      description: null,
      instance_id: ID,
      status: 'COMPLETED',
      size: 0.3,
      locationRef: 'https://swift.example.test/v1/AUTH_p/database_backups/6e5d4c3b.xbstream.gz.enc',
      parent_id: null,
      datastore: { type: 'mysql', version: '5.7', version_id: VERSION_ID },
      type: 'InnoBackupEx',
      source: { id: SOURCE, type: 'ha' },
      storage_driver: 'swift',
      created: '2025-02-02T03:00:00',
      updated: '2025-02-02T03:04:00',
      project_id: '0a1b2c3d',
    };
    cloud.use(http.get(`${DB_URL}/backups/${backup.id}`, () => HttpResponse.json({ backup })));
    const b = await getDatabaseBackup(dbClient(cloud), backup.id);
    expect(b).toMatchObject({
      type: 'InnoBackupEx',
      source: { id: SOURCE, type: 'ha' },
      storageDriver: 'swift',
      datastore: { type: 'mysql', version: '5.7', versionId: VERSION_ID },
      extra: { project_id: '0a1b2c3d' },
    });
  });

  it('lists, creates and deletes backup strategies', async () => {
    const strategy = {
      backend: 'swift',
      instance_id: ID,
      project_id: 'p-1',
      swift_container: 'orders-backups',
    };
    cloud.use(
      http.get(`${DB_URL}/backup_strategies`, () => HttpResponse.json({ backup_strategies: [strategy] })),
      http.post(`${DB_URL}/backup_strategies`, () => HttpResponse.json({ backup_strategy: strategy })),
      http.delete(`${DB_URL}/backup_strategies`, () => new HttpResponse(null, { status: 202 })),
    );
    const db = dbClient(cloud);
    expect(await toArray(listDatabaseBackupStrategies(db, { instanceId: ID }))).toEqual([
      { backend: 'swift', instanceId: ID, projectId: 'p-1', swiftContainer: 'orders-backups' },
    ]);
    await createDatabaseBackupStrategy(db, { instanceId: ID, swiftContainer: 'orders-backups' });
    await deleteDatabaseBackupStrategy(db, { instanceId: ID });
    const [list, create, del] = dbRequests(cloud);
    expect(list?.url.searchParams.get('instance_id')).toBe(ID);
    expect(await jsonBody(create!)).toEqual({
      backup_strategy: { swift_container: 'orders-backups', instance_id: ID },
    });
    expect([del?.method, del?.url.searchParams.get('instance_id')]).toEqual(['DELETE', ID]);
    await expect(createDatabaseBackupStrategy(db, { swiftContainer: '' })).rejects.toThrow(ValidationError);
  });
});

describe('catalog, limits and versions', () => {
  it('lists the flavors of a datastore version', async () => {
    cloud.use(
      http.get(`${DB_URL}/datastores/mysql/versions/5.7/flavors`, () =>
        HttpResponse.json({ flavors: [{ id: 2, str_id: '2', name: 'm1.small', ram: 2048, links: [] }] }),
      ),
    );
    const [f] = await toArray(listDatastoreVersionFlavors(dbClient(cloud), 'mysql', '5.7'));
    expect([f?.id, f?.ram]).toEqual(['2', 2048]);
  });

  it('reads absolute and rate limits', async () => {
    cloud.use(
      http.get(`${DB_URL}/limits`, () =>
        HttpResponse.json({
          limits: [
            { verb: 'ABSOLUTE', max_instances: 8, max_volumes: 30, max_backups: 40 },
            {
              verb: 'POST',
              uri: '*',
              regex: '.*',
              value: 120,
              remaining: 118,
              unit: 'MINUTE',
              nextAvailable: '2025-02-03T10:00:00Z',
            },
          ],
        }),
      ),
    );
    const limits = await getDatabaseLimits(dbClient(cloud));
    expect(limits.absolute).toEqual({ max_instances: 8, max_volumes: 30, max_backups: 40 });
    expect(limits.rate).toEqual([
      {
        verb: 'POST',
        uri: '*',
        regex: '.*',
        value: 120,
        remaining: 118,
        unit: 'MINUTE',
        nextAvailable: new Date('2025-02-03T10:00:00Z'),
      },
    ]);
  });

  it('discovers API versions from the root of the endpoint', async () => {
    const root = `${new URL(DB_URL).origin}/`;
    cloud.use(
      http.get(root, () =>
        HttpResponse.json({
          versions: [
            {
              id: 'v1.0',
              status: 'CURRENT',
              updated: '2012-08-01T00:00:00Z',
              links: [{ href: `${root}v1.0/`, rel: 'self' }],
            },
          ],
        }),
      ),
    );
    const [v] = await toArray(listDatabaseApiVersions(dbClient(cloud)));
    expect(v).toEqual({
      id: 'v1.0',
      status: 'CURRENT',
      updated: new Date('2012-08-01T00:00:00Z'),
      links: [{ href: `${root}v1.0/`, rel: 'self' }],
    });
  });
});

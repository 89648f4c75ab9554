import { toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { troveBackup, troveFault } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createDatabaseBackup,
  deleteDatabaseBackup,
  getDatabaseBackup,
  listDatabaseBackups,
  listDatabaseInstanceBackups,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, relPath } from './support.js';

const cloud = setupMockCloud();
const INSTANCE = '44b277eb-39be-4921-be31-3d61b43651d7';
const BACKUP = troveBackup();

describe('createDatabaseBackup', () => {
  it('POSTs name, instance and description and parses the NEW backup', async () => {
    cloud.use(
      http.post(`${DB_URL}/backups`, () =>
        HttpResponse.json(
          { backup: troveBackup({ status: 'NEW', size: null, locationRef: null }) },
          { status: 202 },
        ),
      ),
    );
    const backup = await createDatabaseBackup(dbClient(cloud), {
      instanceId: INSTANCE,
      name: 'nightly',
      description: 'before the upgrade',
    });
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['POST', '/backups']);
    expect(await jsonBody(req)).toEqual({
      backup: { name: 'nightly', instance: INSTANCE, description: 'before the upgrade' },
    });
    expect(backup).toMatchObject({ id: BACKUP.id, status: 'NEW', instanceId: INSTANCE });
    expect(backup).not.toHaveProperty('size');
  });

  it('asks for an incremental backup on a parent', async () => {
    cloud.use(
      http.post(`${DB_URL}/backups`, () => HttpResponse.json({ backup: troveBackup() }, { status: 202 })),
    );
    await createDatabaseBackup(dbClient(cloud), {
      instanceId: INSTANCE,
      name: 'incr',
      incremental: true,
      parentId: BACKUP.id,
    });
    expect(await jsonBody(onlyRequest(cloud))).toEqual({
      backup: { name: 'incr', instance: INSTANCE, parent_id: BACKUP.id, incremental: 1 },
    });
  });

  it('validates before sending', async () => {
    await expect(createDatabaseBackup(dbClient(cloud), { instanceId: '', name: 'x' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createDatabaseBackup(dbClient(cloud), { instanceId: INSTANCE, name: ' ' })).rejects.toThrow(
      /name must not be blank/,
    );
    expect(dbRequests(cloud)).toHaveLength(0);
  });
});

describe('listing and getting backups', () => {
  it('lists the account backups with paging and a datastore filter', async () => {
    cloud.use(
      http.get(`${DB_URL}/backups`, ({ request }) =>
        new URL(request.url).searchParams.get('marker')
          ? HttpResponse.json({ backups: [troveBackup({ id: 'b-2', parent_id: 'b-1' })] })
          : HttpResponse.json({
              backups: [troveBackup({ id: 'b-1' })],
              links: [{ rel: 'next', href: `${DB_URL}/backups?datastore=mysql&limit=1&marker=b-1` }],
            }),
      ),
    );
    const all = await toArray(listDatabaseBackups(dbClient(cloud), { limit: 1, datastore: 'mysql' }));
    expect(all.map((b) => [b.id, b.parentId])).toEqual([
      ['b-1', undefined],
      ['b-2', 'b-1'],
    ]);
    expect(dbRequests(cloud).map((r) => r.url.search)).toEqual([
      '?datastore=mysql&limit=1',
      '?datastore=mysql&limit=1&marker=b-1',
    ]);
  });

  it("lists an instance's backups", async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${INSTANCE}/backups`, () => HttpResponse.json({ backups: [BACKUP] })),
    );
    const all = await toArray(listDatabaseInstanceBackups(dbClient(cloud), INSTANCE));
    expect(all).toHaveLength(1);
    expect(relPath(onlyRequest(cloud))).toBe(`/instances/${INSTANCE}/backups`);
  });

  it('gets a backup with dates read as UTC and size in GB', async () => {
    cloud.use(http.get(`${DB_URL}/backups/${BACKUP.id}`, () => HttpResponse.json({ backup: BACKUP })));
    expect(await getDatabaseBackup(dbClient(cloud), BACKUP.id)).toEqual({
      id: BACKUP.id,
      name: 'nightly',
      description: 'before the upgrade',
      instanceId: INSTANCE,
      status: 'COMPLETED',
      size: 0.14,
      locationRef: BACKUP.locationRef,
      datastore: { type: 'mysql', version: '5.7', versionId: '20000000-0000-4000-8000-000000000057' },
      storageDriver: 'swift',
      created: new Date('2026-11-21T02:00:00Z'),
      updated: new Date('2026-11-21T02:03:10Z'),
    });
  });

  it('deletes a backup and names it on 404', async () => {
    cloud.use(http.delete(`${DB_URL}/backups/${BACKUP.id}`, () => new HttpResponse(null, { status: 202 })));
    await deleteDatabaseBackup(dbClient(cloud), BACKUP.id);
    expect(onlyRequest(cloud).method).toBe('DELETE');
    cloud.use(
      http.get(`${DB_URL}/backups/gone`, () => troveFault(404, 'itemNotFound', 'Backup gone not found')),
    );
    await expect(getDatabaseBackup(dbClient(cloud), 'gone')).rejects.toThrow(
      'database backup "gone" was not found',
    );
  });
});

import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { troveDatastores, troveFault, troveFlavors } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  getDatabaseFlavor,
  getDatastore,
  getDatastoreVersion,
  listDatabaseFlavors,
  listDatastores,
  listDatastoreVersions,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, rejectionOf, relPath } from './support.js';

const cloud = setupMockCloud();
const MYSQL = troveDatastores(DB_URL)[0]!;

describe('listDatabaseFlavors / getDatabaseFlavor', () => {
  it('lists flavors with string ids and self hrefs', async () => {
    cloud.use(http.get(`${DB_URL}/flavors`, () => HttpResponse.json({ flavors: troveFlavors(DB_URL) })));
    const flavors = await toArray(listDatabaseFlavors(dbClient(cloud)));
    expect(flavors[0]).toEqual({
      id: '1',
      name: '512MB Instance',
      ram: 512,
      vcpus: 1,
      href: `${DB_URL}/flavors/1`,
    });
    expect(flavors.map((f) => f.id)).toEqual(['1', '2', '3', '4']);
    expect(relPath(onlyRequest(cloud))).toBe('/flavors');
  });

  it('maps Rackspace integer ids and Trove str_id for custom flavors', async () => {
    cloud.use(
      http.get(`${DB_URL}/flavors`, () =>
        HttpResponse.json({
          flavors: [
            { id: 7, name: '16GB Instance', ram: 16384, links: [] },
            { id: null, str_id: 'custom', name: 'custom.small', ram: 512, vcpus: 10, disk: 5 },
          ],
        }),
      ),
    );
    expect(await toArray(listDatabaseFlavors(dbClient(cloud)))).toEqual([
      { id: '7', name: '16GB Instance', ram: 16384 },
      { id: 'custom', name: 'custom.small', ram: 512, vcpus: 10, disk: 5 },
    ]);
  });

  it('gets one flavor, accepting a number, and names it on 404', async () => {
    cloud.use(http.get(`${DB_URL}/flavors/2`, () => HttpResponse.json({ flavor: troveFlavors(DB_URL)[1] })));
    expect((await getDatabaseFlavor(dbClient(cloud), 2)).name).toBe('1GB Instance');
    expect(relPath(onlyRequest(cloud))).toBe('/flavors/2');
    cloud.use(http.get(`${DB_URL}/flavors/99`, () => troveFault(404, 'itemNotFound', 'Resource not found')));
    const err = await rejectionOf(getDatabaseFlavor(dbClient(cloud), '99'));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('database flavor "99"');
  });
});

describe('datastores', () => {
  it('lists datastores with their versions', async () => {
    cloud.use(
      http.get(`${DB_URL}/datastores`, () => HttpResponse.json({ datastores: troveDatastores(DB_URL) })),
    );
    const all = await toArray(listDatastores(dbClient(cloud)));
    expect(all.map((d) => d.name)).toEqual(['mysql', 'mariadb']);
    expect(all[0]).toEqual({
      id: MYSQL.id,
      name: 'mysql',
      defaultVersion: MYSQL.versions[0]!.id,
      versions: [
        {
          id: MYSQL.versions[0]!.id,
          name: '5.7',
          version: '5.7.29',
          active: true,
          links: MYSQL.versions[0]!.links,
        },
        {
          id: MYSQL.versions[1]!.id,
          name: '5.6',
          version: '5.6.51',
          active: true,
          links: MYSQL.versions[1]!.links,
        },
      ],
      links: MYSQL.links,
    });
  });

  it('gets a datastore by name', async () => {
    cloud.use(http.get(`${DB_URL}/datastores/mysql`, () => HttpResponse.json({ datastore: MYSQL })));
    expect((await getDatastore(dbClient(cloud), 'mysql')).id).toBe(MYSQL.id);
  });

  it('lists and gets versions', async () => {
    const versions = MYSQL.versions.map((v) => ({ ...v, datastore: MYSQL.id }));
    cloud.use(
      http.get(`${DB_URL}/datastores/mysql/versions`, () => HttpResponse.json({ versions })),
      http.get(`${DB_URL}/datastores/mysql/versions/5.7`, () =>
        HttpResponse.json({ version: { ...versions[0], version: '5.7.29', active: false } }),
      ),
    );
    const list = await toArray(listDatastoreVersions(dbClient(cloud), 'mysql'));
    expect(list.map((v) => [v.name, v.datastoreId])).toEqual([
      ['5.7', MYSQL.id],
      ['5.6', MYSQL.id],
    ]);
    const one = await getDatastoreVersion(dbClient(cloud), 'mysql', '5.7');
    expect(one).toEqual({
      id: versions[0]!.id,
      name: '5.7',
      datastoreId: MYSQL.id,
      active: false,
      version: '5.7.29',
      links: versions[0]!.links,
    });
    expect(dbRequests(cloud).map(relPath)).toEqual([
      '/datastores/mysql/versions',
      '/datastores/mysql/versions/5.7',
    ]);
  });

  it('names the version on 404 and validates arguments', async () => {
    cloud.use(
      http.get(`${DB_URL}/datastores/mysql/versions/9.9`, () => troveFault(404, 'itemNotFound', 'x')),
    );
    await expect(getDatastoreVersion(dbClient(cloud), 'mysql', '9.9')).rejects.toThrow(
      'version "9.9" of datastore "mysql" was not found',
    );
    await expect(getDatastore(dbClient(cloud), '')).rejects.toBeInstanceOf(ValidationError);
    expect(() => listDatastoreVersions(dbClient(cloud), '')).toThrow(ValidationError);
  });
});

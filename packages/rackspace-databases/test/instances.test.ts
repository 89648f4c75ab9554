import { BadRequestError, NotFoundError, toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { troveFault, troveInstance } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createDatabaseInstance,
  deleteDatabaseInstance,
  getDatabaseInstance,
  listDatabaseInstances,
  resizeDatabaseInstance,
  resizeDatabaseInstanceVolume,
  restartDatabaseInstance,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, rejectionOf, relPath } from './support.js';

const cloud = setupMockCloud();
const ID = '44b277eb-39be-4921-be31-3d61b43651d7';

describe('createDatabaseInstance', () => {
  it('POSTs the instance with volume, datastore, databases, users, restore point and configuration', async () => {
    cloud.use(
      http.post(`${DB_URL}/instances`, () =>
        HttpResponse.json({ instance: troveInstance(DB_URL, { status: 'BUILD', volume: { size: 5 } }) }),
      ),
    );
    const instance = await createDatabaseInstance(dbClient(cloud), {
      name: 'orders',
      flavorRef: `${DB_URL}/flavors/2`,
      volumeSize: 5,
      datastore: { type: 'mysql', version: '5.7' },
      databases: [
        { name: 'orders', characterSet: 'utf8mb4', collate: 'utf8mb4_general_ci' },
        { name: 'audit' },
      ],
      users: [{ name: 'app', password: 'pa55word', host: '10.0.0.%', databases: ['orders', 'audit'] }],
      backupRef: 'a9832168-7541-4536-b8d9-a8a9b79cf1b4',
      configuration: '1c8a4fdd-690c-4e6e-b2e1-148b8d738770',
      availabilityZone: 'nova',
      nics: [{ netId: 'a5330d7d-0e8c-48b4-9f6c-0f2c4ab1b854' }],
    });
    const req = onlyRequest(cloud);
    expect(req.method).toBe('POST');
    expect(relPath(req)).toBe('/instances');
    expect(req.headers.get('content-type')).toMatch(/application\/json/);
    expect(await jsonBody(req)).toEqual({
      instance: {
        name: 'orders',
        flavorRef: `${DB_URL}/flavors/2`,
        volume: { size: 5 },
        datastore: { type: 'mysql', version: '5.7' },
        databases: [
          { name: 'orders', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' },
          { name: 'audit' },
        ],
        users: [
          {
            name: 'app',
            password: 'pa55word',
            host: '10.0.0.%',
            databases: [{ name: 'orders' }, { name: 'audit' }],
          },
        ],
        restorePoint: { backupRef: 'a9832168-7541-4536-b8d9-a8a9b79cf1b4' },
        configuration: '1c8a4fdd-690c-4e6e-b2e1-148b8d738770',
        availability_zone: 'nova',
        nics: [{ 'net-id': 'a5330d7d-0e8c-48b4-9f6c-0f2c4ab1b854' }],
      },
    });
    expect(instance).toMatchObject({
      id: ID,
      name: 'orders',
      status: 'BUILD',
      flavorId: '1',
      volume: { size: 5 },
    });
    expect(instance.volume).not.toHaveProperty('used');
  });

  it('sends an integer flavor id as is and the minimal body', async () => {
    cloud.use(http.post(`${DB_URL}/instances`, () => HttpResponse.json({ instance: troveInstance(DB_URL) })));
    await createDatabaseInstance(dbClient(cloud), { name: 'tiny', flavorRef: 1, volumeSize: 1 });
    expect(await jsonBody(onlyRequest(cloud))).toEqual({
      instance: { name: 'tiny', flavorRef: 1, volume: { size: 1 } },
    });
  });

  it.each([
    ['a missing flavor', { name: 'x', volumeSize: 1 }, 'flavorRef'],
    ['a blank flavor', { name: 'x', flavorRef: ' ', volumeSize: 1 }, 'flavorRef'],
    ['a flavor id of 0', { name: 'x', flavorRef: 0, volumeSize: 1 }, 'flavorRef'],
    ['a missing name', { flavorRef: '1', volumeSize: 1 }, 'name'],
    ['a volume of 0 GB', { name: 'x', flavorRef: '1', volumeSize: 0 }, 'volumeSize'],
    ['a volume of 151 GB', { name: 'x', flavorRef: '1', volumeSize: 151 }, 'volumeSize'],
    ['a fractional volume', { name: 'x', flavorRef: '1', volumeSize: 1.5 }, 'volumeSize'],
    ['a volume type without size', { name: 'x', flavorRef: '1', volumeType: 'ssd' }, 'volumeSize'],
    [
      'a bad database name',
      { name: 'x', flavorRef: '1', databases: [{ name: 'my.db' }] },
      'databases[0].name',
    ],
    [
      'a repeated database',
      { name: 'x', flavorRef: '1', databases: [{ name: 'ab' }, { name: 'ab' }] },
      'databases[1].name',
    ],
    [
      'a user granted a database not created',
      {
        name: 'x',
        flavorRef: '1',
        databases: [{ name: 'ab' }],
        users: [{ name: 'u', password: 'p', databases: ['cd'] }],
      },
      'users[0].databases[0]',
    ],
    [
      'a user without password',
      { name: 'x', flavorRef: '1', users: [{ name: 'u', password: '' }] },
      'users[0].password',
    ],
    [
      'a nic without network or port',
      { name: 'x', flavorRef: '1', nics: [{ fixedIp: '10.0.0.4' }] },
      'nics[0]',
    ],
    [
      'a missing datastore type',
      { name: 'x', flavorRef: '1', datastore: { version: '5.7' } },
      'datastore.type',
    ],
  ])('rejects %s before any request', async (_what, params, field) => {
    const err = await rejectionOf<ValidationError>(createDatabaseInstance(dbClient(cloud), params as never));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it('allows bigger volumes when the client says so', async () => {
    cloud.use(http.post(`${DB_URL}/instances`, () => HttpResponse.json({ instance: troveInstance(DB_URL) })));
    await createDatabaseInstance(dbClient(cloud, { maxVolumeSizeGb: 500 }), {
      name: 'big',
      flavorRef: '4',
      volumeSize: 300,
    });
    expect((await jsonBody(onlyRequest(cloud))).instance.volume).toEqual({ size: 300 });
  });

  it('turns a fault body into a BadRequestError with the service message', async () => {
    cloud.use(
      http.post(`${DB_URL}/instances`, () =>
        troveFault(400, 'badRequest', 'Volume size 5 exceeds the quota.'),
      ),
    );
    const err = await rejectionOf<BadRequestError>(
      createDatabaseInstance(dbClient(cloud), { name: 'x', flavorRef: '1', volumeSize: 5 }),
    );
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toContain('Volume size 5 exceeds the quota.');
    expect(err.requestId).toMatch(/^req-/);
  });

  it('never puts an invalid password in the validation message', async () => {
    const bad = await rejectionOf<ValidationError>(
      createDatabaseInstance(dbClient(cloud), {
        name: 'x',
        flavorRef: '1',
        users: [{ name: 'u', password: ' hunter2-secret' }],
      }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.field).toBe('users[0].password');
    expect(bad.message).not.toContain('hunter2');
  });
});

describe('getDatabaseInstance', () => {
  it('parses the instance: integer flavor ids, zone-less UTC dates, addresses, configuration, fault', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}`, () =>
        HttpResponse.json({
          instance: troveInstance(DB_URL, {
            status: 'ERROR',
            flavor: { id: 3, links: [] },
            ip: ['10.1.0.62'],
            region: 'RegionOne',
            operating_status: 'SHUTDOWN',
            configuration: { id: 'cfg-1', name: 'busy' },
            fault: { message: 'No valid host was found.', created: '2026-11-20T09:20:00' },
          }),
        }),
      ),
    );
    const i = await getDatabaseInstance(dbClient(cloud), ID);
    expect(relPath(onlyRequest(cloud))).toBe(`/instances/${ID}`);
    expect(i).toMatchObject({
      id: ID,
      status: 'ERROR',
      operatingStatus: 'SHUTDOWN',
      flavorId: '3',
      volume: { size: 2, used: 0.17 },
      datastore: { type: 'mysql', version: '5.7' },
      ipAddresses: ['10.1.0.62'],
      region: 'RegionOne',
      configurationId: 'cfg-1',
      fault: { message: 'No valid host was found.' },
    });
    expect(i.hostname).toMatch(/rackspaceclouddb\.test$/);
    expect(i.created?.toISOString()).toBe('2026-11-20T09:15:00.000Z');
    expect(i.fault?.created?.toISOString()).toBe('2026-11-20T09:20:00.000Z');
  });

  it('reads addresses when there is no ip list', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}`, () =>
        HttpResponse.json({
          instance: troveInstance(DB_URL, { addresses: [{ address: '172.24.5.114', type: 'public' }] }),
        }),
      ),
    );
    expect((await getDatabaseInstance(dbClient(cloud), ID)).ipAddresses).toEqual(['172.24.5.114']);
  });

  it('maps 404 to NotFoundError naming the instance', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/nope`, () =>
        troveFault(404, 'itemNotFound', 'The resource could not be found.'),
      ),
    );
    const err = await rejectionOf<NotFoundError>(getDatabaseInstance(dbClient(cloud), 'nope'));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('database instance "nope"');
    expect(err.status).toBe(404);
  });

  it('encodes the id and rejects a blank one', async () => {
    await expect(getDatabaseInstance(dbClient(cloud), '')).rejects.toBeInstanceOf(ValidationError);
    await expect(getDatabaseInstance(dbClient(cloud), ' x')).rejects.toBeInstanceOf(ValidationError);
    cloud.use(http.get(`${DB_URL}/*`, () => troveFault(404, 'itemNotFound', 'gone')));
    await getDatabaseInstance(dbClient(cloud), 'a/b?c').catch(() => undefined);
    expect(relPath(onlyRequest(cloud))).toBe('/instances/a%2Fb%3Fc');
  });
});

describe('listDatabaseInstances', () => {
  it('follows links rel=next with the marker the service chose, against its own endpoint', async () => {
    const ids = ['i-1', 'i-2', 'i-3'];
    cloud.use(
      http.get(`${DB_URL}/instances`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        const start = marker ? ids.indexOf(marker) + 1 : 0;
        const rows = ids.slice(start, start + 2);
        const more = start + 2 < ids.length;
        return HttpResponse.json({
          instances: rows.map((id) => troveInstance(DB_URL, { id })),
          // a link on another scheme/host must not be followed as is
          ...(more
            ? {
                links: [
                  {
                    rel: 'next',
                    href: `http://internal:8779/v1.0/p/instances?limit=2&marker=${rows.at(-1)}`,
                  },
                ],
              }
            : {}),
        });
      }),
    );
    const all = await toArray(listDatabaseInstances(dbClient(cloud), { limit: 2, includeClustered: true }));
    expect(all.map((i) => i.id)).toEqual(ids);
    const sent = dbRequests(cloud);
    expect(sent.map((r) => r.url.search)).toEqual(['?include_clustered=true&limit=2', '?limit=2&marker=i-2']);
    expect(sent.every((r) => r.url.href.startsWith(DB_URL))).toBe(true);
  });

  it('keeps going when the service caps pages below limit', async () => {
    let calls = 0;
    cloud.use(
      http.get(`${DB_URL}/instances`, () => {
        calls++;
        return HttpResponse.json({
          instances: [troveInstance(DB_URL, { id: `i-${calls}` })],
          ...(calls < 3
            ? { links: [{ rel: 'next', href: `${DB_URL}/instances?marker=i-${calls}&limit=1` }] }
            : {}),
        });
      }),
    );
    const all = await toArray(listDatabaseInstances(dbClient(cloud), { limit: 50 }));
    expect(all.map((i) => i.id)).toEqual(['i-1', 'i-2', 'i-3']);
  });

  it('stops on a link that repeats the marker', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances`, () =>
        HttpResponse.json({
          instances: [troveInstance(DB_URL, { id: 'i-1' })],
          links: [{ rel: 'next', href: `${DB_URL}/instances?marker=i-1` }],
        }),
      ),
    );
    expect(await toArray(listDatabaseInstances(dbClient(cloud), { marker: 'i-1' }))).toHaveLength(1);
    expect(dbRequests(cloud)).toHaveLength(1);
  });

  it('stops on a link without a marker', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances`, () =>
        HttpResponse.json({
          instances: [troveInstance(DB_URL, { id: 'i-1' })],
          links: [{ rel: 'next', href: `${DB_URL}/instances?limit=1` }],
        }),
      ),
    );
    expect(await toArray(listDatabaseInstances(dbClient(cloud), { limit: 1 }))).toHaveLength(1);
    expect(dbRequests(cloud)).toHaveLength(1);
  });

  it('is lazy and validates limit up front', () => {
    expect(() => listDatabaseInstances(dbClient(cloud), { limit: 0 })).toThrow(ValidationError);
    listDatabaseInstances(dbClient(cloud));
    expect(dbRequests(cloud)).toHaveLength(0);
  });
});

describe('instance actions', () => {
  const action = () =>
    http.post(`${DB_URL}/instances/${ID}/action`, () => new HttpResponse(null, { status: 202 }));

  it('restarts with {"restart":{}}', async () => {
    cloud.use(action());
    await restartDatabaseInstance(dbClient(cloud), ID);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['POST', `/instances/${ID}/action`]);
    expect(await jsonBody(req)).toEqual({ restart: {} });
  });

  it('resizes the flavor with {"resize":{"flavorRef"}}', async () => {
    cloud.use(action());
    await resizeDatabaseInstance(dbClient(cloud), ID, '3');
    expect(await jsonBody(onlyRequest(cloud))).toEqual({ resize: { flavorRef: '3' } });
  });

  it('resizes the volume with {"resize":{"volume":{"size"}}} within the limit', async () => {
    cloud.use(action());
    await resizeDatabaseInstanceVolume(dbClient(cloud), ID, 150);
    expect(await jsonBody(onlyRequest(cloud))).toEqual({ resize: { volume: { size: 150 } } });
    await expect(resizeDatabaseInstanceVolume(dbClient(cloud), ID, 151)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(resizeDatabaseInstance(dbClient(cloud), ID, '')).rejects.toBeInstanceOf(ValidationError);
    expect(dbRequests(cloud)).toHaveLength(1);
  });

  it('deletes with DELETE and names the instance on 404', async () => {
    cloud.use(http.delete(`${DB_URL}/instances/${ID}`, () => new HttpResponse(null, { status: 202 })));
    await deleteDatabaseInstance(dbClient(cloud), ID);
    expect(onlyRequest(cloud).method).toBe('DELETE');
    cloud.use(http.delete(`${DB_URL}/instances/gone`, () => troveFault(404, 'itemNotFound', 'not found')));
    await expect(deleteDatabaseInstance(dbClient(cloud), 'gone')).rejects.toThrow('database instance "gone"');
  });

  it('reports 422 while the instance is busy', async () => {
    cloud.use(
      http.post(`${DB_URL}/instances/${ID}/action`, () =>
        troveFault(
          422,
          'unprocessableEntity',
          'Instance is not currently available for an action to be performed.',
        ),
      ),
    );
    await expect(restartDatabaseInstance(dbClient(cloud), ID)).rejects.toThrow(/not currently available/);
  });
});

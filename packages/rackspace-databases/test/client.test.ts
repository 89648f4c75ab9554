import { inspect } from 'node:util';
import {
  createSession,
  EndpointNotFoundError,
  fromRackspaceApiKey,
  toArray,
  ValidationError,
} from '@cloud/core';
import { MOCK_V2_AUTH_URL, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { troveFlavors } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createDatabaseClient, DEFAULT_MAX_VOLUME_SIZE_GB, listDatabaseFlavors } from '../src/index.js';
import { DB_URL } from './support.js';

const cloud = setupMockCloud();

const flavorsAt = (base: string) =>
  http.get(`${base}/flavors`, () => HttpResponse.json({ flavors: troveFlavors(base).slice(0, 1) }));

describe('createDatabaseClient', () => {
  it('finds the `database` service of a Keystone v3 catalog', async () => {
    cloud.use(flavorsAt(DB_URL));
    const db = createDatabaseClient(cloud.session());
    expect(await db.endpoint()).toBe(DB_URL);
    const flavors = await toArray(listDatabaseFlavors(db));
    expect(flavors.map((f) => f.name)).toEqual(['512MB Instance']);
    const sent = cloud.requests.find((r) => r.url.href === `${DB_URL}/flavors`);
    expect(sent?.headers.get('x-auth-token')).toMatch(/^tok-/);
  });

  it('finds Rackspace `rax:database` (cloudDatabases) on a v2.0 API-key session', async () => {
    const two = mockEndpoints('RegionTwo').database;
    cloud.use(flavorsAt(two));
    const session = createSession({
      credentials: fromRackspaceApiKey({ authUrl: MOCK_V2_AUTH_URL, username: 'demo', apiKey: 'key' }),
      region: 'RegionTwo',
      retry: { limit: 0 },
    });
    const db = createDatabaseClient(session);
    expect(await db.endpoint()).toBe(two);
    expect(await toArray(listDatabaseFlavors(db))).toHaveLength(1);
    // the v2.0 catalog really names the service rax:database
    const auth = await session.authenticate();
    expect(auth.catalog.find((c) => c.name === 'cloudDatabases')?.type).toBe('rax:database');
  });

  it('accepts serviceType rax:database on a catalog that says database, and a name filter', async () => {
    const db = createDatabaseClient(cloud.session(), { serviceType: 'rax:database', serviceName: 'trove' });
    expect(await db.endpoint()).toBe(DB_URL);
    const none = createDatabaseClient(cloud.session(), { serviceName: 'cloudDatabases' });
    await expect(none.endpoint()).rejects.toBeInstanceOf(EndpointNotFoundError);
  });

  it('honours region and a fixed endpoint', async () => {
    const db = createDatabaseClient(cloud.session(), { region: 'RegionTwo' });
    expect(await db.endpoint()).toBe(mockEndpoints('RegionTwo').database);
    const fixed = createDatabaseClient(cloud.session(), { endpoint: 'https://trove.example.test/v1.0/abc/' });
    expect(await fixed.endpoint()).toBe('https://trove.example.test/v1.0/abc');
  });

  it('defaults maxVolumeSizeGb to 150 and validates the limits', () => {
    const session = cloud.session();
    expect(createDatabaseClient(session).maxVolumeSizeGb).toBe(DEFAULT_MAX_VOLUME_SIZE_GB);
    expect(DEFAULT_MAX_VOLUME_SIZE_GB).toBe(150);
    expect(createDatabaseClient(session, { maxVolumeSizeGb: 1000 }).maxVolumeSizeGb).toBe(1000);
    expect(createDatabaseClient(session).maxUserNameLength).toBe(16);
    expect(() => createDatabaseClient(session, { maxVolumeSizeGb: 0 })).toThrow(ValidationError);
    expect(() => createDatabaseClient(session, { maxUserNameLength: 2.5 })).toThrow(ValidationError);
  });

  it('inspects without internals', () => {
    const db = createDatabaseClient(cloud.session(), { region: 'RegionOne' });
    expect(inspect(db)).toBe('DatabaseClient { type: database, region: RegionOne }');
  });
});

import { inspect } from 'node:util';
import { type HttpLogEvent, ValidationError } from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { troveFault } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { createDatabaseClient, enableRootUser, isRootEnabled } from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, relPath } from './support.js';

const cloud = setupMockCloud();
const ID = 'i-1';
const PASSWORD = 'Zr8jQ2vXk1pLw9Tb';

describe('enableRootUser', () => {
  it('POSTs /root and returns the generated credentials', async () => {
    cloud.use(
      http.post(`${DB_URL}/instances/${ID}/root`, () =>
        HttpResponse.json({ user: { name: 'root', password: PASSWORD } }),
      ),
    );
    const root = await enableRootUser(dbClient(cloud), ID);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['POST', `/instances/${ID}/root`]);
    expect(root.name).toBe('root');
    expect(root.password).toBe(PASSWORD);
  });

  it('keeps the password out of util.inspect, JSON, spreads and keys', async () => {
    cloud.use(
      http.post(`${DB_URL}/instances/${ID}/root`, () =>
        HttpResponse.json({ user: { name: 'root', password: PASSWORD } }),
      ),
    );
    const root = await enableRootUser(dbClient(cloud), ID);
    expect(inspect(root)).not.toContain(PASSWORD);
    expect(inspect(root)).toContain('[REDACTED]');
    expect(inspect({ nested: { root } }, { depth: 5 })).not.toContain(PASSWORD);
    expect(JSON.stringify(root)).toBe('{"name":"root","password":"[REDACTED]"}');
    expect(JSON.stringify({ ...root })).not.toContain(PASSWORD);
    expect(Object.keys(root)).toEqual(['name']);
    expect(Object.isFrozen(root)).toBe(true);
  });

  it('never logs the password', async () => {
    const events: HttpLogEvent[] = [];
    cloud.use(
      http.post(`${DB_URL}/instances/${ID}/root`, () =>
        HttpResponse.json({ user: { name: 'root', password: PASSWORD } }),
      ),
    );
    const db = createDatabaseClient(cloud.session({ logger: (e) => events.push(e) }));
    await enableRootUser(db, ID);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('names the instance on errors and validates the id first', async () => {
    cloud.use(http.post(`${DB_URL}/instances/gone/root`, () => troveFault(404, 'itemNotFound', 'x')));
    await expect(enableRootUser(dbClient(cloud), 'gone')).rejects.toThrow('database instance "gone"');
    await expect(enableRootUser(dbClient(cloud), '')).rejects.toBeInstanceOf(ValidationError);
    expect(dbRequests(cloud)).toHaveLength(1);
  });
});

describe('isRootEnabled', () => {
  it.each([
    [true, true],
    [false, false],
    ['True', true],
    ['False', false],
  ])('reads rootEnabled %p as %p', async (wire, expected) => {
    cloud.use(http.get(`${DB_URL}/instances/${ID}/root`, () => HttpResponse.json({ rootEnabled: wire })));
    expect(await isRootEnabled(dbClient(cloud), ID)).toBe(expected);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['GET', `/instances/${ID}/root`]);
  });
});

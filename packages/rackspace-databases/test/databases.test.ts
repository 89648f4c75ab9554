import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { troveFault } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createDatabase,
  createDatabases,
  deleteDatabase,
  listDatabases,
  MAX_DATABASE_NAME_LENGTH,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, rejectionOf, relPath } from './support.js';

const cloud = setupMockCloud();
const ID = 'i-1';
const accepted = () => new HttpResponse(null, { status: 202 });

describe('createDatabases / createDatabase', () => {
  it('POSTs several databases with character_set and collate', async () => {
    cloud.use(http.post(`${DB_URL}/instances/${ID}/databases`, accepted));
    await createDatabases(dbClient(cloud), ID, [
      { name: 'orders', characterSet: 'utf8mb4', collate: 'utf8mb4_general_ci' },
      { name: 'audit log' },
    ]);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['POST', `/instances/${ID}/databases`]);
    expect(await jsonBody(req)).toEqual({
      databases: [
        { name: 'orders', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' },
        { name: 'audit log' },
      ],
    });
  });

  it('POSTs a single database as a one-item list', async () => {
    cloud.use(http.post(`${DB_URL}/instances/${ID}/databases`, accepted));
    await createDatabase(dbClient(cloud), ID, { name: 'orders' });
    expect(await jsonBody(onlyRequest(cloud))).toEqual({ databases: [{ name: 'orders' }] });
  });

  it('names the instance when it does not exist', async () => {
    cloud.use(http.post(`${DB_URL}/instances/nope/databases`, () => troveFault(404, 'itemNotFound', 'x')));
    const err = await rejectionOf(createDatabase(dbClient(cloud), 'nope', { name: 'orders' }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('database instance "nope"');
  });
});

describe('database name validation', () => {
  const long = 'a'.repeat(MAX_DATABASE_NAME_LENGTH + 1);
  it.each([
    ['empty', ''],
    ['one character (Trove needs two)', 'a'],
    ['65 characters', long],
    ['a dot', 'my.db'],
    ['a slash', 'a/b'],
    ['a backslash', 'a\\b'],
    ['a single quote', "o'brien"],
    ['a double quote', 'a"b'],
    ['a backquote', 'a`b'],
    ['a semicolon', 'a;b'],
    ['a comma', 'a,b'],
    ['a leading space', ' orders'],
    ['a trailing space', 'orders '],
    ['a leading @', '@orders'],
    ['a trailing ?', 'orders?'],
    ['a leading #', '#orders'],
    ['a tab inside', 'a\tb'],
    ['two separate runs of specials (Trove allows one)', 'a b c'],
    ['a non-ASCII letter', 'commandé'],
    ['the reserved mysql', 'mysql'],
    ['the reserved information_schema', 'INFORMATION_SCHEMA'],
    ['the reserved lost+found', 'lost+found'],
    ['not a string', 42],
  ])('rejects %s', async (_what, name) => {
    const err = await rejectionOf<ValidationError>(
      createDatabase(dbClient(cloud), ID, { name: name as string }),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('databases[0].name');
    await expect(deleteDatabase(dbClient(cloud), ID, name as string)).rejects.toBeInstanceOf(ValidationError);
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it.each([
    ['two characters', 'ab'],
    ['64 characters', 'a'.repeat(64)],
    ['one run of spaces, ?, # and @ inside', 'my ?#@ db'],
    ['hyphens and underscores at the ends', '-_orders_-'],
    ['digits only', '2026'],
  ])('accepts %s', async (_what, name) => {
    cloud.use(http.post(`${DB_URL}/instances/${ID}/databases`, accepted));
    await createDatabase(dbClient(cloud), ID, { name });
    expect((await jsonBody(onlyRequest(cloud))).databases[0].name).toBe(name);
  });

  it('rejects an empty list and a repeated name', async () => {
    await expect(createDatabases(dbClient(cloud), ID, [])).rejects.toThrow('non-empty array');
    await expect(createDatabases(dbClient(cloud), ID, [{ name: 'ab' }, { name: 'ab' }])).rejects.toThrow(
      /listed twice/,
    );
    expect(dbRequests(cloud)).toHaveLength(0);
  });
});

describe('listDatabases', () => {
  it('pages by name through links rel=next', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}/databases`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        return marker === null
          ? HttpResponse.json({
              databases: [{ name: 'alpha' }, { name: 'beta' }],
              links: [{ rel: 'next', href: `${DB_URL}/instances/${ID}/databases?limit=2&marker=beta` }],
            })
          : HttpResponse.json({ databases: [{ name: 'gamma', character_set: 'utf8', collate: 'utf8_bin' }] });
      }),
    );
    const all = await toArray(listDatabases(dbClient(cloud), ID, { limit: 2 }));
    expect(all).toEqual([
      { name: 'alpha' },
      { name: 'beta' },
      { name: 'gamma', characterSet: 'utf8', collate: 'utf8_bin' },
    ]);
    expect(dbRequests(cloud).map((r) => r.url.search)).toEqual(['?limit=2', '?limit=2&marker=beta']);
  });

  it('iterates pages with byPage starting at a marker', async () => {
    cloud.use(
      http.get(`${DB_URL}/instances/${ID}/databases`, () =>
        HttpResponse.json({ databases: [{ name: 'zeta' }] }),
      ),
    );
    const pages = [];
    for await (const p of listDatabases(dbClient(cloud), ID).byPage({ marker: 'omega', limit: 5 }))
      pages.push(p);
    expect(pages).toEqual([[{ name: 'zeta' }]]);
    expect(onlyRequest(cloud).url.search).toBe('?limit=5&marker=omega');
  });
});

describe('deleteDatabase', () => {
  it('DELETEs the encoded name', async () => {
    cloud.use(http.all(`${DB_URL}/*`, accepted));
    await deleteDatabase(dbClient(cloud), ID, 'sales #?@1');
    const req = onlyRequest(cloud);
    expect(req.method).toBe('DELETE');
    expect(relPath(req)).toBe(`/instances/${ID}/databases/sales%20%23%3F%401`);
  });

  it('names the database on 404', async () => {
    cloud.use(
      http.delete(`${DB_URL}/instances/${ID}/databases/gone`, () => troveFault(404, 'itemNotFound', 'x')),
    );
    await expect(deleteDatabase(dbClient(cloud), ID, 'gone')).rejects.toThrow(
      `database "gone" on instance "${ID}" was not found`,
    );
  });
});

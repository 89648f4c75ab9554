import { NotFoundError, toArray, ValidationError } from '@cloud/core';
import { jsonBody, setupMockCloud } from '@cloud/testing';
import { troveFault } from '@cloud/testing/databases';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  changeDatabaseUserPassword,
  changeDatabaseUserPasswords,
  createDatabaseUser,
  createDatabaseUsers,
  deleteDatabaseUser,
  getDatabaseUser,
  grantDatabaseAccess,
  listDatabaseAccess,
  listDatabaseUsers,
  revokeDatabaseAccess,
} from '../src/index.js';
import { DB_URL, dbClient, dbRequests, onlyRequest, rejectionOf, relPath } from './support.js';

const cloud = setupMockCloud();
const ID = 'i-1';
const USERS = `/instances/${ID}/users`;
const accepted = () => new HttpResponse(null, { status: 202 });
const anyRequest = () =>
  http.all(`${DB_URL}/*`, ({ request }) =>
    request.method === 'GET'
      ? HttpResponse.json({ user: { name: 'app', host: '10.0.0.%', databases: [{ name: 'orders' }] } })
      : accepted(),
  );

describe('createDatabaseUsers / createDatabaseUser', () => {
  it('POSTs users with passwords, hosts and their databases', async () => {
    cloud.use(http.post(`${DB_URL}${USERS}`, accepted));
    await createDatabaseUsers(dbClient(cloud), ID, [
      { name: 'app', password: 'pa55 word', databases: ['orders', 'audit'] },
      { name: 'report', password: 'r3port', host: '192.168.1.%' },
    ]);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['POST', USERS]);
    expect(await jsonBody(req)).toEqual({
      users: [
        { name: 'app', password: 'pa55 word', databases: [{ name: 'orders' }, { name: 'audit' }] },
        { name: 'report', password: 'r3port', host: '192.168.1.%' },
      ],
    });
  });

  it('POSTs one user as a one-item list', async () => {
    cloud.use(http.post(`${DB_URL}${USERS}`, accepted));
    await createDatabaseUser(dbClient(cloud), ID, { name: 'app', password: 'x' });
    expect(await jsonBody(onlyRequest(cloud))).toEqual({ users: [{ name: 'app', password: 'x' }] });
  });
});

describe('user validation', () => {
  it.each([
    ['an empty name', { name: '', password: 'p' }, 'users[0].name'],
    ['a 17-character name (MySQL 5.x allows 16)', { name: 'a'.repeat(17), password: 'p' }, 'users[0].name'],
    ['a name with a quote', { name: "o'neil", password: 'p' }, 'users[0].name'],
    ['a name with a slash', { name: 'a/b', password: 'p' }, 'users[0].name'],
    ['a name with a leading space', { name: ' app', password: 'p' }, 'users[0].name'],
    ['a name ending in @', { name: 'app@', password: 'p' }, 'users[0].name'],
    ['a name with a newline', { name: 'a\nb', password: 'p' }, 'users[0].name'],
    ['the reserved root', { name: 'root', password: 'p' }, 'users[0].name'],
    ['an empty password', { name: 'app', password: '' }, 'users[0].password'],
    ['a missing password', { name: 'app' }, 'users[0].password'],
    ['a password with a semicolon', { name: 'app', password: 'a;b' }, 'users[0].password'],
    ['a password with a trailing space', { name: 'app', password: 'secret ' }, 'users[0].password'],
    ['a host with a space', { name: 'app', password: 'p', host: '10.0.0. %' }, 'users[0].host'],
    ['an empty host', { name: 'app', password: 'p', host: '' }, 'users[0].host'],
    ['a bad database', { name: 'app', password: 'p', databases: ['a.b'] }, 'users[0].databases[0]'],
  ])('rejects %s before any request', async (_what, user, field) => {
    const err = await rejectionOf<ValidationError>(createDatabaseUser(dbClient(cloud), ID, user as never));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(dbRequests(cloud)).toHaveLength(0);
  });

  it('accepts 16 characters, and longer names when the client allows them', async () => {
    cloud.use(http.post(`${DB_URL}${USERS}`, accepted));
    await createDatabaseUser(dbClient(cloud), ID, { name: 'a'.repeat(16), password: 'p' });
    await createDatabaseUser(dbClient(cloud, { maxUserNameLength: 32 }), ID, {
      name: 'b'.repeat(32),
      password: 'p',
    });
    expect(dbRequests(cloud)).toHaveLength(2);
  });

  it('rejects repeated users and never echoes a password', async () => {
    await expect(
      createDatabaseUsers(dbClient(cloud), ID, [
        { name: 'app', password: 'a' },
        { name: 'app', password: 'b', host: '%' },
      ]),
    ).rejects.toThrow(/repeats user "app@%"/);
    const err = await rejectionOf(
      createDatabaseUser(dbClient(cloud), ID, { name: 'app', password: 'top"secret' }),
    );
    expect(err.message).not.toContain('top');
    expect(err.message).not.toContain('secret');
  });
});

describe('listDatabaseUsers', () => {
  it('follows links whose marker Trove encoded twice (name@host)', async () => {
    cloud.use(
      http.get(`${DB_URL}${USERS}`, ({ request }) => {
        const url = new URL(request.url);
        return url.searchParams.get('marker') === null
          ? HttpResponse.json({
              users: [
                { name: 'dbuser1', host: '%', databases: [{ name: 'databaseA' }] },
                { name: 'dbuser2', host: '%', databases: [] },
              ],
              links: [{ rel: 'next', href: `${DB_URL}${USERS}?limit=2&marker=dbuser2%2540%2525` }],
            })
          : HttpResponse.json({ users: [{ name: 'dbuser3', databases: [{ name: 'databaseC' }] }] });
      }),
    );
    const users = await toArray(listDatabaseUsers(dbClient(cloud), ID, { limit: 2 }));
    expect(users).toEqual([
      { name: 'dbuser1', host: '%', databases: ['databaseA'] },
      { name: 'dbuser2', host: '%', databases: [] },
      { name: 'dbuser3', host: '%', databases: ['databaseC'] },
    ]);
    // the marker goes back exactly as the service wrote it
    expect(dbRequests(cloud)[1]!.url.search).toBe('?limit=2&marker=dbuser2%2540%2525');
  });
});

describe('user paths (name@host)', () => {
  it.each([
    ['a plain name', 'app', 'app'],
    ['the name@host string form', 'app@10.0.0.%', 'app%4010%2E0%2E0%2E%25'],
    ['an object with a host', { name: 'app', host: '%' }, 'app%40%25'],
    ['a name holding @ (gets an explicit @%)', { name: 'a@b' }, 'a%40b%40%25'],
    ['a dotted name', { name: 'svc.reader', host: 'db.example.com' }, 'svc%2Ereader%40db%2Eexample%2Ecom'],
  ])('GETs %s', async (_what, ref, segment) => {
    cloud.use(anyRequest());
    const user = await getDatabaseUser(dbClient(cloud), ID, ref);
    expect(user).toEqual({ name: 'app', host: '10.0.0.%', databases: ['orders'] });
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['GET', `${USERS}/${segment}`]);
  });

  it('names the user on 404', async () => {
    cloud.use(http.all(`${DB_URL}/*`, () => troveFault(404, 'itemNotFound', 'User does not exist.')));
    const err = await rejectionOf(getDatabaseUser(dbClient(cloud), ID, { name: 'ghost', host: '%' }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('database user "ghost@%" on instance "i-1"');
  });

  it('DELETEs a user, refusing root', async () => {
    cloud.use(anyRequest());
    await deleteDatabaseUser(dbClient(cloud), ID, 'app@%');
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['DELETE', `${USERS}/app%40%25`]);
    await expect(deleteDatabaseUser(dbClient(cloud), ID, 'root')).rejects.toThrow(/reserved/);
    await expect(getDatabaseUser(dbClient(cloud), ID, '@app')).rejects.toBeInstanceOf(ValidationError);
    await expect(getDatabaseUser(dbClient(cloud), ID, { name: 'app', host: 'a/b' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(dbRequests(cloud)).toHaveLength(1);
  });
});

describe('passwords', () => {
  it('PUTs [{name, password, host}] to /users', async () => {
    cloud.use(http.put(`${DB_URL}${USERS}`, accepted));
    await changeDatabaseUserPasswords(dbClient(cloud), ID, [
      { name: 'app', password: 'n3w' },
      { name: 'report', host: '10.%', password: 'n3w2' },
    ]);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['PUT', USERS]);
    expect(await jsonBody(req)).toEqual({
      users: [
        { name: 'app', password: 'n3w' },
        { name: 'report', password: 'n3w2', host: '10.%' },
      ],
    });
  });

  it('changes one password from a user ref', async () => {
    cloud.use(http.put(`${DB_URL}${USERS}`, accepted));
    await changeDatabaseUserPassword(dbClient(cloud), ID, 'app@10.%', 's3cret');
    expect(await jsonBody(onlyRequest(cloud))).toEqual({
      users: [{ name: 'app', host: '10.%', password: 's3cret' }],
    });
    await expect(changeDatabaseUserPassword(dbClient(cloud), ID, 'app', '')).rejects.toThrow(/password/);
    await expect(changeDatabaseUserPasswords(dbClient(cloud), ID, [])).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(dbRequests(cloud)).toHaveLength(1);
  });
});

describe('database access', () => {
  it('grants with PUT /users/{user}/databases', async () => {
    cloud.use(anyRequest());
    await grantDatabaseAccess(dbClient(cloud), ID, { name: 'app', host: '%' }, ['orders', 'audit']);
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['PUT', `${USERS}/app%40%25/databases`]);
    expect(await jsonBody(req)).toEqual({ databases: [{ name: 'orders' }, { name: 'audit' }] });
  });

  it('revokes with DELETE /users/{user}/databases/{db}', async () => {
    cloud.use(anyRequest());
    await revokeDatabaseAccess(dbClient(cloud), ID, 'app', 'audit log');
    const req = onlyRequest(cloud);
    expect([req.method, relPath(req)]).toEqual(['DELETE', `${USERS}/app/databases/audit%20log`]);
  });

  it('lists access', async () => {
    cloud.use(
      http.get(`${DB_URL}${USERS}/app/databases`, () =>
        HttpResponse.json({ databases: [{ name: 'databaseA' }, { name: 'databaseB' }] }),
      ),
    );
    expect(await toArray(listDatabaseAccess(dbClient(cloud), ID, 'app'))).toEqual(['databaseA', 'databaseB']);
  });

  it('validates before sending', async () => {
    await expect(grantDatabaseAccess(dbClient(cloud), ID, 'app', [])).rejects.toThrow(/non-empty/);
    await expect(grantDatabaseAccess(dbClient(cloud), ID, 'app', ['ok', 'mysql'])).rejects.toThrow(
      /reserved/,
    );
    await expect(revokeDatabaseAccess(dbClient(cloud), ID, 'app', '')).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(() => listDatabaseAccess(dbClient(cloud), ID, '')).toThrow(ValidationError);
    expect(dbRequests(cloud)).toHaveLength(0);
  });
});

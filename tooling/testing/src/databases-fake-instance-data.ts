/** Route table of what lives on a fake Trove instance: databases, users, root, its backups. */
import { randomBytes } from 'node:crypto';
import { HttpResponse } from 'msw';
import {
  accepted,
  badMethod,
  type FakeTroveInstance,
  type FakeTroveUser,
  type Json,
  type TroveContext,
  type TroveRequest,
  unquote,
} from './databases-fake-state.js';
import { troveFault } from './databases-fixtures.js';

/** Trove's reading of a user path segment: decoded twice, split at the last `@`. */
function userIdOf(raw: string): string {
  const id = unquote(unquote(raw));
  const at = id.lastIndexOf('@');
  return at <= 0 || at === id.length - 1 ? `${id}@%` : id;
}

const publicUser = (u: Pick<FakeTroveUser, 'name' | 'host' | 'databases'>) => ({
  name: u.name,
  host: u.host,
  databases: [...u.databases].map((name) => ({ name })),
});

/** `/instances/{id}/root`. */
function rootRoutes(req: TroveRequest, inst: FakeTroveInstance): Response {
  if (req.method === 'GET') return HttpResponse.json({ rootEnabled: inst.rootEnabled });
  if (req.method === 'POST') {
    inst.rootEnabled = true;
    return HttpResponse.json({ user: { name: 'root', password: randomBytes(12).toString('base64url') } });
  }
  if (req.method === 'DELETE') {
    inst.rootEnabled = false;
    return new HttpResponse(null, { status: 204 });
  }
  return badMethod(req.method);
}

/** `/instances/{id}/databases[/{name}]`. */
async function databaseRoutes(ctx: TroveContext, req: TroveRequest, inst: FakeTroveInstance) {
  const [, name] = req.rest;
  if (name === undefined && req.method === 'GET') {
    const list = [...inst.databases.values()].map((d) => ({ name: d.name }));
    return ctx.page(req.url, list, (d) => d.name, 'databases');
  }
  if (name === undefined && req.method === 'POST') {
    for (const d of (await req.json()).databases ?? []) inst.databases.set(d.name, { ...d });
    return accepted();
  }
  if (name !== undefined && req.method === 'DELETE') {
    const decoded = unquote(unquote(name));
    if (!inst.databases.delete(decoded)) return ctx.notFound(`Database ${decoded}`);
    for (const u of inst.users.values()) u.databases.delete(decoded);
    return accepted();
  }
  return badMethod(req.method);
}

/** `POST` and `PUT /instances/{id}/users`: creates users, or changes their passwords. */
async function writeUsers(ctx: TroveContext, req: TroveRequest, inst: FakeTroveInstance) {
  const users: Json[] = (await req.json()).users ?? [];
  for (const u of users) {
    const key = `${u.name}@${u.host ?? '%'}`;
    if (req.method === 'POST') {
      const dbs = (u.databases ?? []).map((d: Json) => d.name);
      inst.users.set(key, {
        name: u.name,
        host: u.host ?? '%',
        password: u.password,
        databases: new Set(dbs),
      });
    } else if (req.method === 'PUT') {
      const user = inst.users.get(key);
      if (!user) return ctx.notFound(`User ${key}`);
      user.password = u.password;
    }
  }
  return accepted();
}

/** `/instances/{id}/users[/{name@host}[/databases[/{name}]]]`. */
async function userRoutes(ctx: TroveContext, req: TroveRequest, inst: FakeTroveInstance) {
  const [, arg, sub, subArg] = req.rest;
  const m = req.method;
  if (arg === undefined) {
    if (m !== 'GET') return writeUsers(ctx, req, inst);
    const list = [...inst.users.values()].map(publicUser);
    return ctx.page(req.url, list, (u) => encodeURIComponent(`${u.name}@${u.host}`), 'users');
  }
  const key = userIdOf(arg);
  const user = inst.users.get(key);
  if (!user) return ctx.notFound(`User ${key}`);
  if (sub === undefined && m === 'GET') return HttpResponse.json({ user: publicUser(user) });
  if (sub === undefined && m === 'DELETE') {
    inst.users.delete(key);
    return accepted();
  }
  if (sub === undefined && m === 'PUT') {
    const change: Json = (await req.json()).user ?? {};
    const next = { ...user, ...change };
    const nextKey = `${next.name}@${next.host}`;
    if (nextKey !== key && inst.users.has(nextKey))
      return troveFault(400, 'badRequest', `User ${nextKey} already exists.`);
    inst.users.delete(key);
    inst.users.set(nextKey, next);
    return accepted();
  }
  if (sub === 'databases' && subArg === undefined && m === 'GET') {
    return HttpResponse.json({ databases: publicUser(user).databases });
  }
  if (sub === 'databases' && subArg === undefined && m === 'PUT') {
    for (const d of (await req.json()).databases ?? []) {
      if (!inst.databases.has(d.name)) return ctx.notFound(`Database ${d.name}`);
      user.databases.add(d.name);
    }
    return accepted();
  }
  if (sub === 'databases' && subArg !== undefined && m === 'DELETE') {
    user.databases.delete(unquote(unquote(subArg)));
    return accepted();
  }
  return badMethod(m);
}

/** The route table below one instance (other than the instance itself and its actions). */
export function instanceDataRoutes(ctx: TroveContext) {
  return async (req: TroveRequest, inst: FakeTroveInstance): Promise<Response> => {
    const what = req.rest[0];
    if (what === 'backups' && req.method === 'GET') {
      const list = [...ctx.backups.values()].filter((b) => b.instance_id === inst.wire.id);
      return ctx.page(req.url, list, (b) => b.id, 'backups');
    }
    if (!ctx.ready(inst)) return ctx.unavailable(inst);
    if (what === 'root') return rootRoutes(req, inst);
    if (what === 'databases') return databaseRoutes(ctx, req, inst);
    if (what === 'users') return userRoutes(ctx, req, inst);
    return badMethod(req.method);
  };
}

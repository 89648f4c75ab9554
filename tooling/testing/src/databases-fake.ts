import { randomBytes, randomUUID } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
import {
  troveBackup,
  troveConfiguration,
  troveDatastores,
  troveFault,
  troveFlavors,
  troveInstance,
} from './databases-fixtures.js';

/** One instance of the fake, with what lives on it. */
export interface FakeTroveInstance {
  wire: ReturnType<typeof troveInstance> & Record<string, any>;
  /** Status reached once `polls` more GETs have seen the current one. */
  next?: { status: string; polls: number; apply?: () => void } | undefined;
  /** GETs left before a deleted instance answers 404. */
  deleting?: number | undefined;
  databases: Map<string, { name: string; character_set?: string; collate?: string }>;
  users: Map<string, { name: string; host: string; password: string; databases: Set<string> }>;
  rootEnabled: boolean;
}

/** Options of {@link createFakeTrove}. */
export interface FakeTroveOptions {
  /** The endpoint to serve, e.g. `https://database.regionone.mock.test/v1.0/<project>`. */
  baseUrl: string;
  /** GETs that still see `BUILD` (or `RESIZE`, `REBOOT`) before `ACTIVE`. Default 1. */
  transitionPolls?: number;
  /** GETs that still see a deleted instance (as `SHUTDOWN`) before 404. Default 1. */
  deletePolls?: number;
  /** Largest page the fake returns, whatever `limit` asks. Default 20, as Trove. */
  maxPageSize?: number;
}

/** A stateful fake of Trove v1.0 / Rackspace Cloud Databases as msw handlers. */
export interface FakeTrove {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  readonly instances: Map<string, FakeTroveInstance>;
  readonly backups: Map<string, Record<string, any>>;
  readonly configurations: Map<string, Record<string, any>>;
  /** Puts an instance in a status now (e.g. `ERROR` with a fault message). */
  setStatus(id: string, status: string, faultMessage?: string): void;
}

type Json = Record<string, any>;
const accepted = () => new HttpResponse(null, { status: 202 });

/** Python's `unquote`: decodes valid `%XX` runs and leaves a lone `%` alone. */
const unquote = (s: string) =>
  s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });

/** Trove's reading of a user path segment: decoded twice, split at the last `@`. */
function userIdOf(raw: string): string {
  const id = unquote(unquote(raw));
  const at = id.lastIndexOf('@');
  return at <= 0 || at === id.length - 1 ? `${id}@%` : id;
}

const DB_NAME = /^[A-Za-z0-9_-]+[ ?#@]*[A-Za-z0-9_-]+$/;

/**
 * Creates a fake Trove: instances go `BUILD` -> `ACTIVE` after a poll or two, resize and restart
 * pass through `RESIZE`/`REBOOT`, deleted instances answer 404 after a poll; databases, users
 * (with `name@host` ids), root, flavors, datastores, backups and configuration groups work, with
 * `limit`/`marker` paging and `links` rel=next. Requests without `X-Auth-Token` get 401.
 * @example
 * ```ts
 * const fake = createFakeTrove({ baseUrl: mockEndpoints().database });
 * cloud.use(...fake.handlers);
 * ```
 */
export function createFakeTrove(options: FakeTroveOptions): FakeTrove {
  const base = options.baseUrl.replace(/\/+$/, '');
  const transitionPolls = options.transitionPolls ?? 1;
  const deletePolls = options.deletePolls ?? 1;
  const maxPage = options.maxPageSize ?? 20;
  const instances = new Map<string, FakeTroveInstance>();
  const backups = new Map<string, Json>();
  const configurations = new Map<string, Json>();
  const flavors = troveFlavors(base);
  const datastores = troveDatastores(base);

  function page<T>(url: URL, items: T[], key: (t: T) => string, name: string) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? maxPage) || maxPage, maxPage);
    const marker = url.searchParams.get('marker');
    const start = marker === null ? 0 : items.findIndex((t) => key(t) === marker) + 1;
    const slice = items.slice(start, start + limit);
    const body: Json = { [name]: slice };
    if (start + limit < items.length && slice.length > 0) {
      const next = new URL(url.href);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('marker', key(slice.at(-1)!));
      body.links = [{ href: next.href, rel: 'next' }];
    }
    return HttpResponse.json(body);
  }

  const transition = (inst: FakeTroveInstance, status: string, then: string, apply?: () => void) => {
    inst.wire.status = status;
    inst.next = { status: then, polls: transitionPolls, apply };
  };

  /** Advances an instance by one observation; false once a deleted one is gone. */
  function observe(id: string): FakeTroveInstance | undefined {
    const inst = instances.get(id);
    if (!inst) return undefined;
    if (inst.deleting !== undefined) {
      if (inst.deleting-- <= 0) {
        instances.delete(id);
        return undefined;
      }
      return inst;
    }
    if (inst.next) {
      if (inst.next.polls-- <= 0) {
        inst.wire.status = inst.next.status;
        inst.next.apply?.();
        inst.next = undefined;
        if (inst.wire.volume) inst.wire.volume.used = 0.17;
      }
    }
    return inst;
  }

  const notFound = (what: string) => troveFault(404, 'itemNotFound', `${what} could not be found.`);
  const unavailable = (inst: FakeTroveInstance) =>
    troveFault(
      422,
      'unprocessableEntity',
      `Instance ${inst.wire.id} is not ready (status ${inst.wire.status}); try again when it is ACTIVE.`,
    );
  const ready = (inst: FakeTroveInstance) => inst.wire.status === 'ACTIVE' && inst.deleting === undefined;
  const publicUser = (u: { name: string; host: string; databases: Set<string> }) => ({
    name: u.name,
    host: u.host,
    databases: [...u.databases].map((name) => ({ name })),
  });

  function createInstance(body: Json) {
    const req = body.instance ?? {};
    const flavorId = String(req.flavorRef ?? '')
      .split('/')
      .at(-1);
    if (!req.name) return troveFault(400, 'badRequest', "Validation error: instance['name'] is required.");
    if (!flavors.some((f) => f.str_id === flavorId)) return notFound(`Flavor ${flavorId}`);
    const size = req.volume?.size;
    if (!Number.isInteger(size) || size < 1) {
      return troveFault(400, 'badRequest', 'Volume size must be a positive integer.');
    }
    for (const d of req.databases ?? []) {
      if (!DB_NAME.test(d.name))
        return troveFault(400, 'badRequest', `'${d.name}' is not a valid database name.`);
    }
    const id = randomUUID();
    const inst: FakeTroveInstance = {
      wire: troveInstance(base, {
        id,
        name: req.name,
        status: 'BUILD',
        flavor: { id: flavorId, links: flavors.find((f) => f.str_id === flavorId)!.links },
        volume: { size },
        datastore: { type: req.datastore?.type ?? 'mysql', version: req.datastore?.version ?? '5.7' },
        created: new Date().toISOString().slice(0, 19),
        updated: new Date().toISOString().slice(0, 19),
      }),
      databases: new Map((req.databases ?? []).map((d: Json) => [d.name, { ...d }])),
      users: new Map(),
      rootEnabled: false,
    };
    for (const u of req.users ?? []) {
      const host = u.host ?? '%';
      inst.users.set(`${u.name}@${host}`, {
        name: u.name,
        host,
        password: u.password,
        databases: new Set((u.databases ?? []).map((d: Json) => d.name)),
      });
    }
    if (req.configuration) inst.wire.configuration = { id: req.configuration };
    inst.next = { status: 'ACTIVE', polls: transitionPolls };
    instances.set(id, inst);
    const { used: _used, ...volume } = inst.wire.volume;
    return HttpResponse.json({ instance: { ...inst.wire, volume } });
  }

  function instanceAction(inst: FakeTroveInstance, body: Json) {
    if (!ready(inst)) return unavailable(inst);
    if (body.restart) transition(inst, 'REBOOT', 'ACTIVE');
    else if (body.resize?.flavorRef !== undefined) {
      const flavorId = String(body.resize.flavorRef).split('/').at(-1);
      const flavor = flavors.find((f) => f.str_id === flavorId);
      if (!flavor) return notFound(`Flavor ${flavorId}`);
      transition(inst, 'RESIZE', 'ACTIVE', () => {
        inst.wire.flavor = { id: flavor.str_id, links: flavor.links };
      });
    } else if (body.resize?.volume?.size !== undefined) {
      const size = body.resize.volume.size;
      if (!Number.isInteger(size) || size <= inst.wire.volume.size) {
        return troveFault(400, 'badRequest', 'The new volume size must be larger than the current one.');
      }
      transition(inst, 'RESIZE', 'ACTIVE', () => {
        inst.wire.volume = { size, used: 0.17 };
      });
    } else return troveFault(400, 'badRequest', 'Invalid instance action.');
    return accepted();
  }

  async function instanceSub(request: Request, url: URL, inst: FakeTroveInstance, rest: string[]) {
    const m = request.method;
    const [what, arg, sub, subArg] = rest;
    const json = async () => ((await request.json().catch(() => ({}))) ?? {}) as Json;
    if (what === 'backups' && m === 'GET') {
      const list = [...backups.values()].filter((b) => b.instance_id === inst.wire.id);
      return page(url, list, (b) => b.id, 'backups');
    }
    if (!ready(inst)) return unavailable(inst);
    if (what === 'root') {
      if (m === 'GET') return HttpResponse.json({ rootEnabled: inst.rootEnabled });
      if (m === 'POST') {
        inst.rootEnabled = true;
        return HttpResponse.json({ user: { name: 'root', password: randomBytes(12).toString('base64url') } });
      }
    }
    if (what === 'databases') {
      if (arg === undefined && m === 'GET') {
        const list = [...inst.databases.values()].map((d) => ({ name: d.name }));
        return page(url, list, (d) => d.name, 'databases');
      }
      if (arg === undefined && m === 'POST') {
        for (const d of (await json()).databases ?? []) inst.databases.set(d.name, { ...d });
        return accepted();
      }
      if (arg !== undefined && m === 'DELETE') {
        const name = unquote(unquote(arg));
        if (!inst.databases.delete(name)) return notFound(`Database ${name}`);
        for (const u of inst.users.values()) u.databases.delete(name);
        return accepted();
      }
    }
    if (what === 'users') {
      if (arg === undefined) {
        if (m === 'GET') {
          const list = [...inst.users.values()].map(publicUser);
          return page(url, list, (u) => encodeURIComponent(`${u.name}@${u.host}`), 'users');
        }
        const users: Json[] = (await json()).users ?? [];
        for (const u of users) {
          const key = `${u.name}@${u.host ?? '%'}`;
          if (m === 'POST') {
            const dbs = (u.databases ?? []).map((d: Json) => d.name);
            inst.users.set(key, {
              name: u.name,
              host: u.host ?? '%',
              password: u.password,
              databases: new Set(dbs),
            });
          } else if (m === 'PUT') {
            const user = inst.users.get(key);
            if (!user) return notFound(`User ${key}`);
            user.password = u.password;
          }
        }
        return accepted();
      }
      const key = userIdOf(arg);
      const user = inst.users.get(key);
      if (!user) return notFound(`User ${key}`);
      if (sub === undefined && m === 'GET') return HttpResponse.json({ user: publicUser(user) });
      if (sub === undefined && m === 'DELETE') {
        inst.users.delete(key);
        return accepted();
      }
      if (sub === 'databases' && subArg === undefined && m === 'GET') {
        return HttpResponse.json({ databases: publicUser(user).databases });
      }
      if (sub === 'databases' && subArg === undefined && m === 'PUT') {
        for (const d of (await json()).databases ?? []) {
          if (!inst.databases.has(d.name)) return notFound(`Database ${d.name}`);
          user.databases.add(d.name);
        }
        return accepted();
      }
      if (sub === 'databases' && subArg !== undefined && m === 'DELETE') {
        user.databases.delete(unquote(unquote(subArg)));
        return accepted();
      }
    }
    return troveFault(405, 'badMethod', `${m} is not allowed here.`);
  }

  async function route(request: Request): Promise<Response> {
    if (!request.headers.get('x-auth-token')) {
      return troveFault(401, 'unauthorized', 'This server could not verify that you are authorized.');
    }
    const url = new URL(request.url);
    const m = request.method;
    const [kind, id, ...rest] = url.pathname.slice(new URL(base).pathname.length).split('/').filter(Boolean);
    const json = async () => ((await request.json().catch(() => ({}))) ?? {}) as Json;
    if (kind === 'instances') {
      if (id === undefined && m === 'GET') {
        const list = [...instances.keys()].map((k) => observe(k)?.wire).filter((w) => w !== undefined);
        return page(url, list, (w) => w.id, 'instances');
      }
      if (id === undefined && m === 'POST') return createInstance(await json());
      const inst = id === undefined ? undefined : observe(id);
      if (!inst) return notFound(`Instance ${id}`);
      if (rest.length === 0) {
        if (m === 'GET') return HttpResponse.json({ instance: inst.wire });
        if (m === 'DELETE') {
          inst.wire.status = 'SHUTDOWN';
          inst.deleting = deletePolls;
          return accepted();
        }
        if (m === 'PUT') {
          const conf = (await json()).instance?.configuration;
          if (conf !== undefined && !configurations.has(conf)) return notFound(`Configuration group ${conf}`);
          inst.wire.configuration =
            conf === undefined ? null : { id: conf, name: configurations.get(conf)!.name };
          return accepted();
        }
      }
      if (rest[0] === 'action' && m === 'POST') return instanceAction(inst, await json());
      return instanceSub(request, url, inst, rest);
    }
    if (kind === 'flavors' && m === 'GET') {
      if (id === undefined) return HttpResponse.json({ flavors });
      const f = flavors.find((x) => x.str_id === id);
      return f ? HttpResponse.json({ flavor: f }) : notFound(`Flavor ${id}`);
    }
    if (kind === 'datastores' && m === 'GET') {
      if (id === undefined) return HttpResponse.json({ datastores });
      const ds = datastores.find((d) => d.id === id || d.name === id);
      if (!ds) return notFound(`Datastore ${id}`);
      if (rest[0] !== 'versions') return HttpResponse.json({ datastore: ds });
      const versions = ds.versions.map((v) => ({ ...v, datastore: ds.id }));
      if (rest[1] === undefined) return HttpResponse.json({ versions });
      const v = versions.find((x) => x.id === rest[1] || x.name === rest[1]);
      return v ? HttpResponse.json({ version: v }) : notFound(`Datastore version ${rest[1]}`);
    }
    if (kind === 'backups') {
      if (id === undefined && m === 'GET') return page(url, [...backups.values()], (b) => b.id, 'backups');
      if (id === undefined && m === 'POST') {
        const req = (await json()).backup ?? {};
        const inst = instances.get(req.instance);
        if (!inst) return notFound(`Instance ${req.instance}`);
        if (!ready(inst)) return unavailable(inst);
        const backup = troveBackup({
          id: randomUUID(),
          name: req.name,
          description: req.description ?? null,
          instance_id: req.instance,
          status: 'NEW',
          size: null,
          parent_id: req.parent_id ?? null,
        });
        backups.set(backup.id, backup);
        return HttpResponse.json({ backup }, { status: 202 });
      }
      const backup = id === undefined ? undefined : backups.get(id);
      if (!backup) return notFound(`Backup ${id}`);
      if (m === 'DELETE') {
        backups.delete(backup.id);
        return accepted();
      }
      const shown = { ...backup };
      if (backup.status === 'NEW') Object.assign(backup, { status: 'COMPLETED', size: 0.14 });
      return HttpResponse.json({ backup: shown });
    }
    if (kind === 'configurations') {
      if (id === undefined && m === 'GET') {
        const list = [...configurations.values()].map(({ values: _v, ...c }) => c);
        return page(url, list, (c) => c.id, 'configurations');
      }
      if (id === undefined && m === 'POST') {
        const req = (await json()).configuration ?? {};
        const conf = troveConfiguration({ id: randomUUID(), name: req.name, values: req.values ?? {} });
        configurations.set(conf.id, conf);
        return HttpResponse.json({ configuration: conf });
      }
      const conf = id === undefined ? undefined : configurations.get(id);
      if (!conf) return notFound(`Configuration group ${id}`);
      const attached = [...instances.values()].filter((i) => i.wire.configuration?.id === conf.id);
      if (rest[0] === 'instances' && m === 'GET') {
        return page(
          url,
          attached.map((i) => ({ id: i.wire.id, name: i.wire.name })),
          (i) => i.id,
          'instances',
        );
      }
      if (m === 'GET')
        return HttpResponse.json({ configuration: { ...conf, instance_count: attached.length } });
      if (m === 'DELETE') {
        if (attached.length) return troveFault(400, 'badRequest', 'The configuration group is in use.');
        configurations.delete(conf.id);
        return accepted();
      }
      const req = (await json()).configuration ?? {};
      if (m === 'PATCH') conf.values = { ...conf.values, ...req.values };
      if (m === 'PUT') Object.assign(conf, { ...req, values: { ...req.values } });
      return m === 'PATCH' ? HttpResponse.json({}) : accepted();
    }
    return troveFault(404, 'itemNotFound', `No route for ${m} ${url.pathname}.`);
  }

  return {
    baseUrl: base,
    handlers: [http.all(`${base}/*`, ({ request }) => route(request))],
    instances,
    backups,
    configurations,
    setStatus(id, status, faultMessage) {
      const inst = instances.get(id);
      if (!inst) throw new Error(`no fake instance ${id}`);
      inst.wire.status = status;
      inst.next = undefined;
      if (faultMessage)
        inst.wire.fault = { message: faultMessage, created: new Date().toISOString().slice(0, 19) };
    },
  };
}

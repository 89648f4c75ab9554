/** Route table of the fake Trove's `/instances` (see `createFakeTrove`). */
import { randomUUID } from 'node:crypto';
import { HttpResponse } from 'msw';
import { instanceDataRoutes } from './databases-fake-instance-data.js';
import {
  accepted,
  type FakeTroveInstance,
  type Json,
  type TroveContext,
  type TroveRoutes,
} from './databases-fake-state.js';
import { troveFault, troveInstance } from './databases-fixtures.js';

const DB_NAME = /^[A-Za-z0-9_-]+[ ?#@]*[A-Za-z0-9_-]+$/;

/** `POST /instances`: checks the request like Trove, then starts the instance in `BUILD`. */
function createInstance(ctx: TroveContext, body: Json): Response {
  const req = body.instance ?? {};
  const flavorId = String(req.flavorRef ?? '')
    .split('/')
    .at(-1);
  if (!req.name) return troveFault(400, 'badRequest', "Validation error: instance['name'] is required.");
  const flavor = ctx.flavors.find((f) => f.str_id === flavorId);
  if (!flavor) return ctx.notFound(`Flavor ${flavorId}`);
  const size = req.volume?.size;
  if (!Number.isInteger(size) || size < 1) {
    return troveFault(400, 'badRequest', 'Volume size must be a positive integer.');
  }
  for (const d of req.databases ?? []) {
    if (!DB_NAME.test(d.name))
      return troveFault(400, 'badRequest', `'${d.name}' is not a valid database name.`);
  }
  const id = randomUUID();
  const now = new Date().toISOString().slice(0, 19);
  const inst: FakeTroveInstance = {
    wire: troveInstance(ctx.base, {
      id,
      name: req.name,
      status: 'BUILD',
      flavor: { id: flavorId, links: flavor.links },
      volume: { size },
      datastore: { type: req.datastore?.type ?? 'mysql', version: req.datastore?.version ?? '5.7' },
      created: now,
      updated: now,
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
  ctx.transition(inst, 'BUILD', 'ACTIVE');
  ctx.instances.set(id, inst);
  const { used: _used, ...volume } = inst.wire.volume;
  return HttpResponse.json({ instance: { ...inst.wire, volume } });
}

/** `POST /instances/{id}/action`: restart and the two resizes. */
function instanceAction(ctx: TroveContext, inst: FakeTroveInstance, body: Json): Response {
  if (!ctx.ready(inst)) return ctx.unavailable(inst);
  if (body.restart) ctx.transition(inst, 'REBOOT', 'ACTIVE');
  else if (body.resize?.flavorRef !== undefined) {
    const flavorId = String(body.resize.flavorRef).split('/').at(-1);
    const flavor = ctx.flavors.find((f) => f.str_id === flavorId);
    if (!flavor) return ctx.notFound(`Flavor ${flavorId}`);
    ctx.transition(inst, 'RESIZE', 'ACTIVE', () => {
      inst.wire.flavor = { id: flavor.str_id, links: flavor.links };
    });
  } else if (body.resize?.volume?.size !== undefined) {
    const size = body.resize.volume.size;
    if (!Number.isInteger(size) || size <= inst.wire.volume.size) {
      return troveFault(400, 'badRequest', 'The new volume size must be larger than the current one.');
    }
    ctx.transition(inst, 'RESIZE', 'ACTIVE', () => {
      inst.wire.volume = { size, used: 0.17 };
    });
  } else return troveFault(400, 'badRequest', 'Invalid instance action.');
  return accepted();
}

/** `PUT /instances/{id}`: attaches or detaches a configuration group. */
function updateInstance(ctx: TroveContext, inst: FakeTroveInstance, body: Json): Response {
  const conf = body.instance?.configuration;
  if (conf !== undefined && !ctx.configurations.has(conf)) return ctx.notFound(`Configuration group ${conf}`);
  inst.wire.configuration =
    conf === undefined ? null : { id: conf, name: ctx.configurations.get(conf)!.name };
  return accepted();
}

/** The route table of `/instances` and everything below an instance. */
export function instanceRoutes(ctx: TroveContext): TroveRoutes {
  const data = instanceDataRoutes(ctx);
  return async (req) => {
    const { method: m, id, rest, url } = req;
    if (id === undefined && m === 'GET') {
      const list = [...ctx.instances.keys()].map((k) => ctx.observe(k)?.wire).filter((w) => w !== undefined);
      return ctx.page(url, list, (w) => w.id, 'instances');
    }
    if (id === undefined && m === 'POST') return createInstance(ctx, await req.json());
    const inst = id === undefined ? undefined : ctx.observe(id);
    if (!inst) return ctx.notFound(`Instance ${id}`);
    if (rest.length === 0) {
      if (m === 'GET') return HttpResponse.json({ instance: inst.wire });
      if (m === 'DELETE') {
        inst.wire.status = 'SHUTDOWN';
        inst.deleting = ctx.deletePolls;
        return accepted();
      }
      if (m === 'PUT') return updateInstance(ctx, inst, await req.json());
    }
    if (rest[0] === 'action' && m === 'POST') return instanceAction(ctx, inst, await req.json());
    return data(req, inst);
  };
}

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
  if (req.replica_of) return createReplica(ctx, req);
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

/** `POST /instances` with `replica_of`: a replica takes its source's flavor, volume and datastore. */
function createReplica(ctx: TroveContext, req: Json): Response {
  const source = ctx.instances.get(req.replica_of);
  if (!source) return ctx.notFound(`Instance ${req.replica_of}`);
  if (source.wire.replica_of)
    return troveFault(400, 'badRequest', `Cannot create a replica of a replica ${source.wire.id}`);
  const id = randomUUID();
  const inst: FakeTroveInstance = {
    wire: troveInstance(ctx.base, {
      id,
      name: req.name,
      status: 'BUILD',
      flavor: source.wire.flavor,
      volume: { size: source.wire.volume.size },
      datastore: { ...source.wire.datastore },
      replica_of: { id: source.wire.id, links: source.wire.links },
      ...(req.locality ? { locality: req.locality } : {}),
    }),
    databases: new Map([...source.databases].map(([k, v]) => [k, { ...v }])),
    users: new Map(),
    rootEnabled: false,
  };
  source.wire.replicas = [...(source.wire.replicas ?? []), { id, links: inst.wire.links }];
  ctx.transition(inst, 'BUILD', 'ACTIVE');
  ctx.instances.set(id, inst);
  return HttpResponse.json({ instance: inst.wire });
}

/** `POST /instances/{id}/action`: restart, the two resizes, reset_status and the replica actions. */
function instanceAction(ctx: TroveContext, inst: FakeTroveInstance, body: Json): Response {
  if (body.reset_status) {
    inst.next = undefined;
    inst.wire.status = 'ACTIVE';
    inst.wire.fault = undefined;
    return accepted();
  }
  if (!ctx.ready(inst)) return ctx.unavailable(inst);
  if (body.promote_to_replica_source || body.eject_replica_source) {
    if (!inst.wire.replica_of && !inst.wire.replicas?.length) {
      return troveFault(400, 'badRequest', `Instance ${inst.wire.id} is not part of a replication set.`);
    }
    ctx.transition(inst, body.promote_to_replica_source ? 'PROMOTE' : 'EJECT', 'ACTIVE');
  } else if (body.restart) ctx.transition(inst, 'REBOOT', 'ACTIVE');
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

/**
 * `PUT` and `PATCH /instances/{id}`: the name plus one of configuration (null or `{}` detaches),
 * replica detachment, datastore version upgrade (through `UPGRADE`) and access (PUT only).
 */
function updateInstance(ctx: TroveContext, inst: FakeTroveInstance, method: string, body: Json): Response {
  const change: Json = body.instance ?? {};
  const others = Object.keys(change).filter((k) => k !== 'name');
  if (others.length > 1) {
    return troveFault(400, 'badRequest', "Only one attribute (except 'name') is allowed to update.");
  }
  if (change.access !== undefined && method !== 'PUT')
    return troveFault(400, 'badRequest', 'access needs PUT.');
  if (change.name !== undefined) inst.wire.name = change.name;
  if ('replica_of' in change) {
    const source = inst.wire.replica_of ? ctx.instances.get(inst.wire.replica_of.id) : undefined;
    if (source)
      source.wire.replicas = (source.wire.replicas ?? []).filter((r: Json) => r.id !== inst.wire.id);
    inst.wire.replica_of = undefined;
  }
  if (change.datastore_version !== undefined) {
    const ds = ctx.datastores.find((d) => d.name === inst.wire.datastore.type);
    const v = ds?.versions.find(
      (x) => x.name === change.datastore_version || x.id === change.datastore_version,
    );
    if (!v) return ctx.notFound(`Datastore version ${change.datastore_version}`);
    ctx.transition(inst, 'UPGRADE', 'ACTIVE', () => {
      (inst.wire as Json).datastore = {
        type: inst.wire.datastore.type,
        version: v.name,
        version_number: v.version,
      };
    });
  }
  if (change.access !== undefined) inst.wire.access = { is_public: false, ...change.access };
  if ('configuration' in change || (method === 'PUT' && Object.keys(change).length === 0)) {
    const conf = change.configuration ?? undefined;
    if (conf !== undefined && !ctx.configurations.has(conf))
      return ctx.notFound(`Configuration group ${conf}`);
    inst.wire.configuration =
      conf === undefined ? null : { id: conf, name: ctx.configurations.get(conf)!.name };
  }
  return accepted();
}

/** The defaults an instance runs with (`GET /instances/{id}/configuration`). */
const defaultConfiguration = (inst: FakeTroveInstance) =>
  HttpResponse.json({
    instance: {
      configuration: {
        max_connections: 100 * inst.wire.volume.size,
        connect_timeout: 10,
        tmpdir: '/var/tmp',
      },
    },
  });

/** The route table of `/instances` and everything below an instance. */
export function instanceRoutes(ctx: TroveContext): TroveRoutes {
  const data = instanceDataRoutes(ctx);
  return async (req) => {
    const { method: m, id, rest, url } = req;
    if ((id === undefined || (id === 'detail' && rest.length === 0)) && m === 'GET') {
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
      if (m === 'PUT' || m === 'PATCH') return updateInstance(ctx, inst, m, await req.json());
    }
    if (rest[0] === 'configuration' && rest.length === 1 && m === 'GET') return defaultConfiguration(inst);
    if (rest[0] === 'action' && m === 'POST') return instanceAction(ctx, inst, await req.json());
    return data(req, inst);
  };
}

/** Route tables of the fake Trove's `/backups` and `/configurations`. */
import { randomUUID } from 'node:crypto';
import { HttpResponse } from 'msw';
import { accepted, type TroveContext, type TroveRequest, type TroveRoutes } from './databases-fake-state.js';
import { troveBackup, troveConfiguration, troveFault } from './databases-fixtures.js';

/** `POST /backups`: the instance must be ACTIVE; the backup completes on its first GET. */
async function createBackup(ctx: TroveContext, req: TroveRequest) {
  const body = (await req.json()).backup ?? {};
  const inst = ctx.instances.get(body.instance);
  if (!inst) return ctx.notFound(`Instance ${body.instance}`);
  if (!ctx.ready(inst)) return ctx.unavailable(inst);
  const backup = troveBackup({
    id: randomUUID(),
    name: body.name,
    description: body.description ?? null,
    instance_id: body.instance,
    status: 'NEW',
    size: null,
    parent_id: body.parent_id ?? null,
  });
  ctx.backups.set(backup.id, backup);
  return HttpResponse.json({ backup }, { status: 202 });
}

/** `/backups[/{id}]`. */
export function backupRoutes(ctx: TroveContext): TroveRoutes {
  return async (req) => {
    const { method: m, id, url } = req;
    if (id === undefined && m === 'GET')
      return ctx.page(url, [...ctx.backups.values()], (b) => b.id, 'backups');
    if (id === undefined && m === 'POST') return createBackup(ctx, req);
    const backup = id === undefined ? undefined : ctx.backups.get(id);
    if (!backup) return ctx.notFound(`Backup ${id}`);
    if (m === 'DELETE') {
      ctx.backups.delete(backup.id);
      return accepted();
    }
    const shown = { ...backup };
    if (backup.status === 'NEW') Object.assign(backup, { status: 'COMPLETED', size: 0.14 });
    return HttpResponse.json({ backup: shown });
  };
}

/** `/configurations[/{id}[/instances]]`. */
export function configurationRoutes(ctx: TroveContext): TroveRoutes {
  return async (req) => {
    const { method: m, id, rest, url } = req;
    if (id === undefined && m === 'GET') {
      const list = [...ctx.configurations.values()].map(({ values: _v, ...c }) => c);
      return ctx.page(url, list, (c) => c.id, 'configurations');
    }
    if (id === undefined && m === 'POST') {
      const body = (await req.json()).configuration ?? {};
      const conf = troveConfiguration({ id: randomUUID(), name: body.name, values: body.values ?? {} });
      ctx.configurations.set(conf.id, conf);
      return HttpResponse.json({ configuration: conf });
    }
    const conf = id === undefined ? undefined : ctx.configurations.get(id);
    if (!conf) return ctx.notFound(`Configuration group ${id}`);
    const attached = [...ctx.instances.values()].filter((i) => i.wire.configuration?.id === conf.id);
    if (rest[0] === 'instances' && m === 'GET') {
      const list = attached.map((i) => ({ id: i.wire.id, name: i.wire.name }));
      return ctx.page(url, list, (i) => i.id, 'instances');
    }
    if (m === 'GET')
      return HttpResponse.json({ configuration: { ...conf, instance_count: attached.length } });
    if (m === 'DELETE') {
      if (attached.length) return troveFault(400, 'badRequest', 'The configuration group is in use.');
      ctx.configurations.delete(conf.id);
      return accepted();
    }
    const body = (await req.json()).configuration ?? {};
    if (m === 'PATCH') conf.values = { ...conf.values, ...body.values };
    if (m === 'PUT') Object.assign(conf, { ...body, values: { ...body.values } });
    return m === 'PATCH' ? HttpResponse.json({}) : accepted();
  };
}

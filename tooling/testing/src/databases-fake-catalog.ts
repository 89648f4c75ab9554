/** Route tables of the fake Trove's read-only catalog: `/flavors` and `/datastores`. */
import { HttpResponse } from 'msw';
import { badMethod, type TroveContext, type TroveRoutes } from './databases-fake-state.js';
import { troveConfigurationParameters } from './databases-fixtures.js';

/** `GET /limits`: the absolute quotas, with instances in use counted. */
export function limitRoutes(ctx: TroveContext): TroveRoutes {
  return ({ method }) =>
    method === 'GET'
      ? HttpResponse.json({
          limits: [
            {
              verb: 'ABSOLUTE',
              max_instances: 10,
              max_volumes: 100,
              max_backups: 50,
              instances_used: ctx.instances.size,
            },
          ],
        })
      : badMethod(method);
}

/** `GET /flavors[/{id}]`. */
export function flavorRoutes(ctx: TroveContext): TroveRoutes {
  return ({ method, id }) => {
    if (method !== 'GET') return badMethod(method);
    if (id === undefined) return HttpResponse.json({ flavors: ctx.flavors });
    const f = ctx.flavors.find((x) => x.str_id === id);
    return f ? HttpResponse.json({ flavor: f }) : ctx.notFound(`Flavor ${id}`);
  };
}

/** `GET /datastores[/{id}[/versions[/{id}]]]`. */
export function datastoreRoutes(ctx: TroveContext): TroveRoutes {
  return ({ method, id, rest }) => {
    if (method !== 'GET') return badMethod(method);
    if (id === undefined) return HttpResponse.json({ datastores: ctx.datastores });
    const ds = ctx.datastores.find((d) => d.id === id || d.name === id);
    if (!ds) return ctx.notFound(`Datastore ${id}`);
    if (rest[0] !== 'versions') return HttpResponse.json({ datastore: ds });
    const versions = ds.versions.map((v) => ({ ...v, datastore: ds.id }));
    if (rest[1] === undefined) return HttpResponse.json({ versions });
    const v = versions.find((x) => x.id === rest[1] || x.name === rest[1]);
    if (!v) return ctx.notFound(`Datastore version ${rest[1]}`);
    if (rest[2] === 'flavors') return HttpResponse.json({ flavors: ctx.flavors });
    if (rest[2] !== 'parameters') return HttpResponse.json({ version: v });
    const parameters = troveConfigurationParameters(v.id);
    if (rest[3] === undefined) return HttpResponse.json({ 'configuration-parameters': parameters });
    const p = parameters.find((x) => x.name === rest[3]);
    return p ? HttpResponse.json(p) : ctx.notFound(`Configuration parameter ${rest[3]}`);
  };
}

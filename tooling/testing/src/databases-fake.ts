import { http, type RequestHandler } from 'msw';
import { backupRoutes, configurationRoutes } from './databases-fake-backups.js';
import { datastoreRoutes, flavorRoutes, limitRoutes } from './databases-fake-catalog.js';
import { instanceRoutes } from './databases-fake-instances.js';
import {
  createTroveContext,
  type FakeTroveInstance,
  type FakeTroveOptions,
  type Json,
  type TroveRoutes,
} from './databases-fake-state.js';
import { troveFault } from './databases-fixtures.js';

export type { FakeTroveInstance, FakeTroveOptions } from './databases-fake-state.js';

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

/**
 * Creates a fake Trove: instances go `BUILD` -> `ACTIVE` after a poll or two, resize and restart
 * pass through `RESIZE`/`REBOOT`, deleted instances answer 404 after a poll; databases, users
 * (with `name@host` ids, renames), root (enable, show, disable), flavors, datastores with their
 * versions' flavors and configuration parameters, limits, backups and configuration groups work;
 * instances can be renamed, upgraded, given access, replicated (`replica_of`, promote, eject,
 * detach) and reset, with
 * `limit`/`marker` paging and `links` rel=next. Requests without `X-Auth-Token` get 401.
 * Each resource has its own route table (`databases-fake-*.ts`) over one shared state.
 * @example
 * ```ts
 * const fake = createFakeTrove({ baseUrl: mockEndpoints().database });
 * cloud.use(...fake.handlers);
 * ```
 */
export function createFakeTrove(options: FakeTroveOptions): FakeTrove {
  const ctx = createTroveContext(options);
  const { base } = ctx;
  const routes: Record<string, TroveRoutes> = {
    instances: instanceRoutes(ctx),
    flavors: flavorRoutes(ctx),
    datastores: datastoreRoutes(ctx),
    backups: backupRoutes(ctx),
    configurations: configurationRoutes(ctx),
    limits: limitRoutes(ctx),
  };

  async function route(request: Request): Promise<Response> {
    if (!request.headers.get('x-auth-token')) {
      return troveFault(401, 'unauthorized', 'This server could not verify that you are authorized.');
    }
    const url = new URL(request.url);
    const [kind, id, ...rest] = url.pathname.slice(new URL(base).pathname.length).split('/').filter(Boolean);
    const table = kind === undefined ? undefined : routes[kind];
    if (!table) return troveFault(404, 'itemNotFound', `No route for ${request.method} ${url.pathname}.`);
    const json = async () => ((await request.json().catch(() => ({}))) ?? {}) as Json;
    return table({ request, url, method: request.method, id, rest, json });
  }

  return {
    baseUrl: base,
    handlers: [http.all(`${base}/*`, ({ request }) => route(request))],
    instances: ctx.instances,
    backups: ctx.backups,
    configurations: ctx.configurations,
    setStatus(id, status, faultMessage) {
      const inst = ctx.instances.get(id);
      if (!inst) throw new Error(`no fake instance ${id}`);
      inst.wire.status = status;
      inst.next = undefined;
      if (faultMessage)
        inst.wire.fault = { message: faultMessage, created: new Date().toISOString().slice(0, 19) };
    },
  };
}

/** The state and helpers shared by the route tables of the fake Trove (see `createFakeTrove`). */
import { HttpResponse } from 'msw';
import { troveDatastores, troveFault, troveFlavors, type troveInstance } from './databases-fixtures.js';

/** A JSON object as the fake reads and writes it. */
export type Json = Record<string, any>;

/** A user of a fake instance. */
export interface FakeTroveUser {
  name: string;
  host: string;
  password: string;
  databases: Set<string>;
}

/** One instance of the fake, with what lives on it. */
export interface FakeTroveInstance {
  wire: ReturnType<typeof troveInstance> & Record<string, any>;
  /** Status reached once `polls` more GETs have seen the current one. */
  next?: { status: string; polls: number; apply?: () => void } | undefined;
  /** GETs left before a deleted instance answers 404. */
  deleting?: number | undefined;
  databases: Map<string, { name: string; character_set?: string; collate?: string }>;
  users: Map<string, FakeTroveUser>;
  rootEnabled: boolean;
}

/** Options of `createFakeTrove`. */
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

/** One request as a route table sees it: `/<kind>/<id>/<rest...>` below the endpoint. */
export interface TroveRequest {
  request: Request;
  url: URL;
  method: string;
  id: string | undefined;
  rest: string[];
  /** The JSON body, or `{}` when there is none. */
  json(): Promise<Json>;
}

/** A route table: answers the requests of one resource. */
export type TroveRoutes = (req: TroveRequest) => Promise<Response> | Response;

/** What every route table shares. */
export interface TroveContext {
  base: string;
  deletePolls: number;
  instances: Map<string, FakeTroveInstance>;
  backups: Map<string, Json>;
  configurations: Map<string, Json>;
  flavors: ReturnType<typeof troveFlavors>;
  datastores: ReturnType<typeof troveDatastores>;
  /** One page of `items` under `name`, with `links` rel=next when more follow. */
  page<T>(url: URL, items: T[], key: (t: T) => string, name: string): Response;
  /** Advances an instance by one observation; undefined once a deleted one is gone. */
  observe(id: string): FakeTroveInstance | undefined;
  /** Puts an instance in `status` until `transitionPolls` GETs have seen it, then in `then`. */
  transition(inst: FakeTroveInstance, status: string, then: string, apply?: () => void): void;
  ready(inst: FakeTroveInstance): boolean;
  notFound(what: string): Response;
  unavailable(inst: FakeTroveInstance): Response;
}

/** 202 with no body. */
export const accepted = () => new HttpResponse(null, { status: 202 });

/** The fault of a method a route does not serve. */
export const badMethod = (method: string) => troveFault(405, 'badMethod', `${method} is not allowed here.`);

/** Python's `unquote`: decodes valid `%XX` runs and leaves a lone `%` alone. */
export const unquote = (s: string) =>
  s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });

/** Builds the shared state of one fake. */
export function createTroveContext(options: FakeTroveOptions): TroveContext {
  const base = options.baseUrl.replace(/\/+$/, '');
  const transitionPolls = options.transitionPolls ?? 1;
  const maxPage = options.maxPageSize ?? 20;
  const instances = new Map<string, FakeTroveInstance>();

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
    if (inst.next && inst.next.polls-- <= 0) {
      inst.wire.status = inst.next.status;
      inst.next.apply?.();
      inst.next = undefined;
      if (inst.wire.volume) inst.wire.volume.used = 0.17;
    }
    return inst;
  }

  return {
    base,
    deletePolls: options.deletePolls ?? 1,
    instances,
    backups: new Map(),
    configurations: new Map(),
    flavors: troveFlavors(base),
    datastores: troveDatastores(base),
    page,
    observe,
    transition(inst, status, then, apply) {
      inst.wire.status = status;
      inst.next = { status: then, polls: transitionPolls, apply };
    },
    ready: (inst) => inst.wire.status === 'ACTIVE' && inst.deleting === undefined,
    notFound: (what) => troveFault(404, 'itemNotFound', `${what} could not be found.`),
    unavailable: (inst) =>
      troveFault(
        422,
        'unprocessableEntity',
        `Instance ${inst.wire.id} is not ready (status ${inst.wire.status}); try again when it is ACTIVE.`,
      ),
  };
}

import type { RequestHandler } from 'msw';
import { accountHandlers } from './compute-fake-account.js';
import { catalogHandlers } from './compute-fake-catalog.js';
import { serverHandlers } from './compute-fake-servers.js';
import {
  FAKE_COMPUTE_URL,
  FIXTURE_FLAVORS,
  FIXTURE_IMAGES,
  type Json,
  link,
  novaFault,
} from './compute-fixtures.js';

/** Options of {@link createFakeNova}. */
export interface FakeNovaOptions {
  /** Base URL served (default {@link FAKE_COMPUTE_URL}). */
  baseUrl?: string;
  /** GETs a new server answers `BUILD` before it turns `ACTIVE`. Default 2. */
  buildPolls?: number;
  /** GETs a deleted server still answers (task_state `deleting`) before 404. Default 1. */
  deletePolls?: number;
  /** Returns a fault message to send a new server to `ERROR` instead of `ACTIVE`. */
  failBuild?: (name: string) => string | undefined;
  flavors?: Json[];
  images?: Json[];
  /** Highest microversion accepted. Default 2.96. */
  maxMicroversion?: string;
}

/** One server of the fake, with its pending transition. */
export interface FakeServer {
  wire: Json;
  /** GETs left before `next` applies. */
  pollsLeft: number;
  next?: { status: string; vmState: string; fault?: string } | undefined;
  /** GETs left before a deleted server disappears. */
  deletingPolls?: number | undefined;
}

/** A stateful fake compute service. Register `handlers` with an msw server. */
export interface FakeNova {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  readonly servers: Map<string, FakeServer>;
  readonly keypairs: Map<string, Json>;
  /** `METHOD path` of every request served, in order. */
  readonly calls: string[];
  reset(): void;
}

const mv = (v: string) => v.split('.').map(Number) as [number, number];
const gt = (a: string, b: string) => mv(a)[0] > mv(b)[0] || (mv(a)[0] === mv(b)[0] && mv(a)[1] > mv(b)[1]);

/** Handler of one route: the request and its path parameters. */
export type FakeRoute = (req: Request, params: Record<string, string>) => Promise<Response> | Response;

/** The state and functions shared by the fake's handler groups. */
export interface FakeNovaContext {
  base: string;
  /** The versions document's URL (the endpoint without `/v2.1`). */
  root: string;
  /** Highest microversion the fake accepts. */
  maxMv: string;
  keypairs: Map<string, Json>;
  options: FakeNovaOptions;
  servers: Map<string, FakeServer>;
  flavors: Json[];
  images: Json[];
  /** Records the call, checks the token and microversion, then runs the route. */
  wrap(fn: FakeRoute): (info: { request: Request; params: Record<string, any> }) => Promise<Response>;
  notFound(what: string): Response;
  summary(x: Json): Json;
}

/**
 * Creates a stateful fake Nova: servers go `BUILD` -> `ACTIVE` after `buildPolls` GETs, deletion
 * leads to 404 after `deletePolls` GETs, and simple actions (reboot, start/stop, pause, suspend)
 * move through their statuses. Flavors, images, key pairs, limits, availability zones and the
 * versions document are served too. Requests without `X-Auth-Token` get a 401.
 * @example
 * ```ts
 * const nova = createFakeNova();
 * const server = setupServer(...nova.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 * ```
 */
export function createFakeNova(options: FakeNovaOptions = {}): FakeNova {
  const base = (options.baseUrl ?? FAKE_COMPUTE_URL).replace(/\/+$/, '');
  const root = `${base.replace(/\/v2(\.1)?(\/.*)?$/, '')}/`;
  const maxMv = options.maxMicroversion ?? '2.96';
  const flavors: Json[] =
    options.flavors ?? FIXTURE_FLAVORS.map((f) => ({ ...f, links: link(base, 'flavors', f.id) }));
  const images: Json[] =
    options.images ?? FIXTURE_IMAGES.map((i) => ({ ...i, links: link(base, 'images', i.id) }));
  const servers = new Map<string, FakeServer>();
  const keypairs = new Map<string, Json>();
  const calls: string[] = [];

  const notFound = (what: string) => novaFault(404, 'itemNotFound', `${what} could not be found.`);
  const summary = (x: Json) => ({ id: x.id, name: x.name, links: x.links });

  const wrap: FakeNovaContext['wrap'] =
    (fn) =>
    async ({ request, params }) => {
      const url = new URL(request.url);
      calls.push(`${request.method} ${url.pathname.slice(new URL(base).pathname.length) || '/'}`);
      if (!request.headers.get('x-auth-token'))
        return novaFault(401, 'unauthorized', 'Authentication required');
      const asked = request.headers.get('x-openstack-nova-api-version');
      if (asked && asked !== 'latest' && (!/^\d+\.\d+$/.test(asked) || gt(asked, maxMv))) {
        return novaFault(
          406,
          'computeFault',
          `Version ${asked} is not supported by the API. Minimum is 2.1 and maximum is ${maxMv}.`,
        );
      }
      return fn(request, params as Record<string, string>);
    };

  const ctx: FakeNovaContext = {
    base,
    root,
    maxMv,
    options,
    servers,
    keypairs,
    flavors,
    images,
    wrap,
    notFound,
    summary,
  };
  const handlers: RequestHandler[] = [
    ...catalogHandlers(ctx),
    ...serverHandlers(ctx),
    ...accountHandlers(ctx),
  ];

  return {
    baseUrl: base,
    handlers,
    servers,
    keypairs,
    calls,
    reset() {
      servers.clear();
      keypairs.clear();
      calls.length = 0;
    },
  };
}

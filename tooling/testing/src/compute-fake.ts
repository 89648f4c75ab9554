/** The stateful fake compute service behind `@cloud/testing/compute`. */
import { randomUUID } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
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

  const ctx: FakeNovaContext = { base, options, servers, flavors, images, wrap, notFound, summary };
  const handlers: RequestHandler[] = [
    http.get(
      root,
      wrap(() =>
        HttpResponse.json({
          versions: [
            {
              id: 'v2.0',
              status: 'SUPPORTED',
              version: '',
              min_version: '',
              updated: '2011-01-21T11:33:21Z',
              links: [{ rel: 'self', href: `${root}v2/` }],
            },
            {
              id: 'v2.1',
              status: 'CURRENT',
              version: maxMv,
              min_version: '2.1',
              updated: '2013-07-23T11:33:21Z',
              links: [{ rel: 'self', href: `${root}v2.1/` }],
            },
          ],
        }),
      ),
    ),
    http.get(
      `${base}/flavors`,
      wrap(() => HttpResponse.json({ flavors: flavors.map(summary) })),
    ),
    http.get(
      `${base}/flavors/detail`,
      wrap(() => HttpResponse.json({ flavors })),
    ),
    http.get(
      `${base}/flavors/:id`,
      wrap((_r, p) => {
        const f = flavors.find((x) => x.id === p.id);
        return f ? HttpResponse.json({ flavor: f }) : notFound(`Flavor ${p.id}`);
      }),
    ),
    http.get(
      `${base}/images`,
      wrap(() => HttpResponse.json({ images: images.map(summary) })),
    ),
    http.get(
      `${base}/images/detail`,
      wrap(() => HttpResponse.json({ images })),
    ),
    http.get(
      `${base}/images/:id`,
      wrap((_r, p) => {
        const i = images.find((x) => x.id === p.id);
        return i ? HttpResponse.json({ image: i }) : notFound(`Image ${p.id}`);
      }),
    ),
    ...serverHandlers(ctx),
    http.get(
      `${base}/os-keypairs`,
      wrap(() =>
        HttpResponse.json({
          keypairs: [...keypairs.values()].map(({ name, public_key, fingerprint, type }) => ({
            keypair: { name, public_key, fingerprint, type },
          })),
        }),
      ),
    ),
    http.post(
      `${base}/os-keypairs`,
      wrap(async (req) => {
        const { keypair: k } = (await req.json()) as { keypair: Json };
        if (keypairs.has(k.name))
          return novaFault(409, 'conflictingRequest', `Key pair '${k.name}' already exists.`);
        const kp: Json = {
          name: k.name,
          type: k.type ?? 'ssh',
          public_key:
            k.public_key ?? `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomUUID().replace(/-/g, '')} fake`,
          fingerprint: 'SHA256:fakefingerprint',
          user_id: 'u-1',
          created_at: new Date().toISOString(),
        };
        keypairs.set(k.name, kp);
        const priv = k.public_key
          ? {}
          : { private_key: '-----BEGIN OPENSSH PRIVATE KEY-----\nfake\n-----END OPENSSH PRIVATE KEY-----\n' };
        return HttpResponse.json({ keypair: { ...kp, ...priv } });
      }),
    ),
    http.get(
      `${base}/os-keypairs/:name`,
      wrap((_r, p) => {
        const kp = keypairs.get(p.name!);
        return kp ? HttpResponse.json({ keypair: kp }) : notFound(`Keypair ${p.name}`);
      }),
    ),
    http.delete(
      `${base}/os-keypairs/:name`,
      wrap((_r, p) =>
        keypairs.delete(p.name!) ? new HttpResponse(null, { status: 202 }) : notFound(`Keypair ${p.name}`),
      ),
    ),
    http.get(
      `${base}/limits`,
      wrap(() => {
        const active = [...servers.values()].filter((s) => s.deletingPolls === undefined);
        return HttpResponse.json({
          limits: {
            rate: [],
            absolute: {
              maxTotalCores: 20,
              maxTotalInstances: 10,
              maxTotalRAMSize: 51200,
              maxServerMeta: 128,
              maxTotalKeypairs: 100,
              totalInstancesUsed: active.length,
              totalCoresUsed: active.length,
              totalRAMUsed: active.length * 512,
            },
          },
        });
      }),
    ),
    http.get(
      `${base}/os-availability-zone`,
      wrap(() =>
        HttpResponse.json({
          availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }],
        }),
      ),
    ),
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

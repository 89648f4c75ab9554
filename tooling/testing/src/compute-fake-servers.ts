/** Server handlers of the fake compute service (see `createFakeNova`). */
import { randomUUID } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeNovaContext } from './compute-fake.js';
import { type Json, novaFault, serverFixture } from './compute-fixtures.js';

/** Action -> [status required, status reached, vm_state reached]. */
const TRANSIENT: Record<string, [string, string, string]> = {
  reboot: ['ACTIVE', 'ACTIVE', 'active'],
  'os-stop': ['ACTIVE', 'SHUTOFF', 'stopped'],
  'os-start': ['SHUTOFF', 'ACTIVE', 'active'],
  pause: ['ACTIVE', 'PAUSED', 'paused'],
  unpause: ['PAUSED', 'ACTIVE', 'active'],
  suspend: ['ACTIVE', 'SUSPENDED', 'suspended'],
  resume: ['SUSPENDED', 'ACTIVE', 'active'],
};

/** Handlers of `/servers` and below, over the fake's shared state. */
export function serverHandlers(ctx: FakeNovaContext): RequestHandler[] {
  const { base, servers, flavors, images, wrap, notFound, summary, options } = ctx;
  const buildPolls = options.buildPolls ?? 2;
  const deletePolls = options.deletePolls ?? 1;
  let ipCounter = 10;

  /** Advances a server's state on a read; returns undefined once a deleted server is gone. */
  const observe = (id: string): Json | undefined => {
    const s = servers.get(id);
    if (!s) return undefined;
    if (s.deletingPolls !== undefined) {
      if (s.deletingPolls <= 0) {
        servers.delete(id);
        return undefined;
      }
      s.deletingPolls -= 1;
      return { ...s.wire, 'OS-EXT-STS:task_state': 'deleting' };
    }
    if (s.next) {
      if (s.pollsLeft > 0) s.pollsLeft -= 1;
      else {
        const { status, vmState, fault } = s.next;
        Object.assign(s.wire, { status, 'OS-EXT-STS:vm_state': vmState, 'OS-EXT-STS:task_state': null });
        if (status === 'ACTIVE') s.wire.progress = 100;
        if (fault) s.wire.fault = { code: 500, message: fault, created: new Date().toISOString() };
        s.next = undefined;
      }
    }
    return s.wire;
  };

  const listServers = (detail: boolean) =>
    wrap((req) => {
      const q = new URL(req.url).searchParams;
      for (const id of [...servers.keys()]) if (detail) observe(id);
      let rows = [...servers.values()].filter((s) => s.deletingPolls === undefined).map((s) => s.wire);
      const name = q.get('name');
      if (name) rows = rows.filter((s) => new RegExp(name).test(s.name));
      const status = q.get('status');
      if (status) rows = rows.filter((s) => s.status === status);
      const marker = q.get('marker');
      if (marker) {
        const at = rows.findIndex((s) => s.id === marker);
        if (at < 0) return novaFault(400, 'badRequest', `marker [${marker}] not found`);
        rows = rows.slice(at + 1);
      }
      const limit = Number(q.get('limit') ?? 1000);
      const page = rows.slice(0, limit);
      const body: Json = { servers: page.map((s) => (detail ? s : summary(s))) };
      if (page.length === limit && rows.length > limit) {
        const next = new URLSearchParams(q);
        next.set('marker', page.at(-1)!.id);
        body.servers_links = [{ rel: 'next', href: `${base}/servers${detail ? '/detail' : ''}?${next}` }];
      }
      return HttpResponse.json(body);
    });

  /** `POST /servers`: validates the flavor and image, then builds the server in `BUILD`. */
  async function createServerRoute(req: Request): Promise<Response> {
    const { server: s } = (await req.json()) as { server: Json };
    if (!s?.name)
      return novaFault(
        400,
        'badRequest',
        "Invalid input for field/attribute server. 'name' is a required property",
      );
    const flavor = flavors.find((f) => f.id === s.flavorRef);
    if (!flavor) return novaFault(400, 'badRequest', `Flavor ${s.flavorRef} could not be found.`);
    const bfv = (s.block_device_mapping_v2 ?? []).some((b: Json) => Number(b.boot_index) === 0);
    const image = images.find((i) => i.id === s.imageRef);
    if (!image && !bfv) return novaFault(400, 'badRequest', `Can not find requested image`);
    const id = randomUUID();
    const adminPass = s.adminPass ?? randomUUID().replace(/-/g, '').slice(0, 12);
    const fault = options.failBuild?.(s.name);
    ipCounter += 1;
    const wire = serverFixture(
      {
        id,
        name: s.name,
        status: 'BUILD',
        image: image ? { id: image.id, links: image.links } : '',
        flavor: { id: flavor.id, links: flavor.links },
        created: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        updated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        addresses: { private: [{ version: 4, addr: `10.0.0.${ipCounter}`, 'OS-EXT-IPS:type': 'fixed' }] },
        metadata: s.metadata ?? {},
        key_name: s.key_name ?? null,
        progress: 0,
        'OS-EXT-STS:vm_state': 'building',
        'OS-EXT-STS:task_state': 'spawning',
        'OS-EXT-AZ:availability_zone': s.availability_zone ?? 'nova',
        security_groups: (s.security_groups ?? [{ name: 'default' }]).map((g: Json) => ({
          name: g.name,
        })),
      },
      base,
    );
    servers.set(id, {
      wire,
      pollsLeft: buildPolls,
      next: fault ? { status: 'ERROR', vmState: 'error', fault } : { status: 'ACTIVE', vmState: 'active' },
    });
    return HttpResponse.json(
      {
        server: {
          id,
          links: wire.links,
          adminPass,
          'OS-DCF:diskConfig': 'AUTO',
          security_groups: wire.security_groups,
        },
      },
      { status: 202, headers: { location: `${base}/servers/${id}` } },
    );
  }

  return [
    http.get(`${base}/servers`, listServers(false)),
    http.get(`${base}/servers/detail`, listServers(true)),
    http.post(`${base}/servers`, wrap(createServerRoute)),
    http.get(
      `${base}/servers/:id`,
      wrap((_r, p) => {
        const s = observe(p.id!);
        return s ? HttpResponse.json({ server: s }) : notFound(`Instance ${p.id}`);
      }),
    ),
    http.put(
      `${base}/servers/:id`,
      wrap(async (req, p) => {
        const s = servers.get(p.id!);
        if (!s) return notFound(`Instance ${p.id}`);
        const { server: u } = (await req.json()) as { server: Json };
        Object.assign(s.wire, u, { updated: new Date().toISOString() });
        return HttpResponse.json({ server: s.wire });
      }),
    ),
    http.delete(
      `${base}/servers/:id`,
      wrap((_r, p) => {
        const s = servers.get(p.id!);
        if (!s || s.deletingPolls !== undefined) return notFound(`Instance ${p.id}`);
        s.deletingPolls = deletePolls;
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    ...serverSubresourceHandlers(ctx),
    ...serverActionHandlers(ctx),
  ];
}

/** Handlers of `/servers/{id}/ips` and `/servers/{id}/metadata`. */
function serverSubresourceHandlers(ctx: FakeNovaContext): RequestHandler[] {
  const { base, servers, wrap, notFound } = ctx;
  return [
    http.get(
      `${base}/servers/:id/ips`,
      wrap((_r, p) => {
        const s = servers.get(p.id!);
        return s ? HttpResponse.json({ addresses: s.wire.addresses }) : notFound(`Instance ${p.id}`);
      }),
    ),
    http.get(
      `${base}/servers/:id/ips/:net`,
      wrap((_r, p) => {
        const s = servers.get(p.id!);
        if (!s) return notFound(`Instance ${p.id}`);
        const ips = s.wire.addresses[p.net!];
        return ips ? HttpResponse.json({ [p.net!]: ips }) : notFound(`Network ${p.net}`);
      }),
    ),
    http.get(
      `${base}/servers/:id/metadata`,
      wrap((_r, p) => {
        const s = servers.get(p.id!);
        return s ? HttpResponse.json({ metadata: s.wire.metadata }) : notFound(`Instance ${p.id}`);
      }),
    ),
    ...(['put', 'post'] as const).map((m) =>
      http[m](
        `${base}/servers/:id/metadata`,
        wrap(async (req, p) => {
          const s = servers.get(p.id!);
          if (!s) return notFound(`Instance ${p.id}`);
          const { metadata } = (await req.json()) as { metadata: Json };
          s.wire.metadata = m === 'put' ? { ...metadata } : { ...s.wire.metadata, ...metadata };
          return HttpResponse.json({ metadata: s.wire.metadata });
        }),
      ),
    ),
    http.get(
      `${base}/servers/:id/metadata/:key`,
      wrap((_r, p) => {
        const v = servers.get(p.id!)?.wire.metadata[p.key!];
        return v === undefined
          ? notFound(`Metadata item ${p.key}`)
          : HttpResponse.json({ meta: { [p.key!]: v } });
      }),
    ),
    http.put(
      `${base}/servers/:id/metadata/:key`,
      wrap(async (req, p) => {
        const s = servers.get(p.id!);
        if (!s) return notFound(`Instance ${p.id}`);
        const { meta } = (await req.json()) as { meta: Json };
        Object.assign(s.wire.metadata, meta);
        return HttpResponse.json({ meta });
      }),
    ),
    http.delete(
      `${base}/servers/:id/metadata/:key`,
      wrap((_r, p) => {
        const s = servers.get(p.id!);
        if (!s || !(p.key! in s.wire.metadata)) return notFound(`Metadata item ${p.key}`);
        delete s.wire.metadata[p.key!];
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}

/** Handler of `POST /servers/{id}/action`: the simple actions of {@link TRANSIENT}. */
function serverActionHandlers(ctx: FakeNovaContext): RequestHandler[] {
  const { base, servers, wrap, notFound } = ctx;
  return [
    http.post(
      `${base}/servers/:id/action`,
      wrap(async (req, p) => {
        const s = servers.get(p.id!);
        if (!s || s.deletingPolls !== undefined) return notFound(`Instance ${p.id}`);
        const body = (await req.json()) as Json;
        const action = Object.keys(body)[0] ?? '';
        const t = TRANSIENT[action];
        if (!t) return novaFault(400, 'badRequest', `The fake compute service does not implement ${action}`);
        const [from, to, vmState] = t;
        if (s.wire.status !== from) {
          return novaFault(
            409,
            'conflictingRequest',
            `Cannot '${action}' instance ${p.id} while it is in vm_state ${s.wire['OS-EXT-STS:vm_state']}`,
          );
        }
        if (action === 'reboot') s.wire.status = body.reboot?.type === 'HARD' ? 'HARD_REBOOT' : 'REBOOT';
        s.next = { status: to, vmState };
        s.pollsLeft = 1;
        return new HttpResponse(null, { status: 202 });
      }),
    ),
  ];
}

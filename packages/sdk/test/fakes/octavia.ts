/**
 * A small stateful fake of OpenStack Octavia v2 for msw (load balancers, listeners, pools,
 * members, health monitors), written from the Octavia API reference. Every accepted write puts
 * the load balancer in `PENDING_*`; the next read of the load balancer still reports it, the one
 * after finds it `ACTIVE` (a cascade delete: gone). A write while it is pending is refused with
 * 409 "immutable", as Octavia does, and counted in `refused`.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, type Json, now, unauthorized, uuid } from './common.js';

/** The fake's state and handlers. */
export interface FakeOctavia {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  /** `METHOD /path?query` of every request, relative to the base URL. */
  readonly calls: string[];
  readonly loadBalancers: Map<string, Json>;
  /** Writes refused because the load balancer was not `ACTIVE`. */
  readonly refused: string[];
}

const notFound = (what: string) =>
  HttpResponse.json({ faultcode: 'Client', faultstring: `${what} not found.` }, { status: 404 });

/**
 * Creates the fake at `baseUrl` (`https://lb.…:9876/v2`).
 * @example const octavia = createFakeOctavia({ baseUrl: `${mockEndpoints().loadBalancer}/v2` });
 */
export function createFakeOctavia(options: { baseUrl: string }): FakeOctavia {
  const base = options.baseUrl.replace(/\/$/, '');
  const calls: string[] = [];
  const refused: string[] = [];
  const lbs = new Map<string, Json>();
  const listeners = new Map<string, Json>();
  const pools = new Map<string, Json>();
  const members = new Map<string, Json>();
  const monitors = new Map<string, Json>();
  /** Reads left before a pending load balancer settles. */
  const pending = new Map<string, number>();

  const common = (body: Json) => ({
    id: uuid(),
    name: body.name ?? '',
    description: '',
    project_id: 'p-1',
    provisioning_status: 'ACTIVE',
    operating_status: 'ONLINE',
    admin_state_up: body.admin_state_up ?? true,
    tags: [],
    created_at: now(),
    updated_at: now(),
  });
  const show = (lb: Json): Json => ({
    ...lb,
    listeners: [...listeners.values()].filter((l) => l.lb === lb.id).map((l) => ({ id: l.id })),
    pools: [...pools.values()].filter((p) => p.lb === lb.id).map((p) => ({ id: p.id })),
  });
  const strip = ({ lb: _lb, ...rest }: Json) => rest;
  const showPool = (p: Json) => ({
    ...strip(p),
    loadbalancers: [{ id: p.lb }],
    listeners: p.listener_id ? [{ id: p.listener_id }] : [],
    members: [...members.values()].filter((m) => m.pool_id === p.id).map((m) => ({ id: m.id })),
    healthmonitor_id: [...monitors.values()].find((h) => h.pool === p.id)?.id ?? null,
  });
  const showListener = (l: Json) => ({
    ...strip(l),
    loadbalancers: [{ id: l.lb }],
    default_pool_id: [...pools.values()].find((p) => p.listener_id === l.id)?.id ?? null,
  });
  const showMonitor = ({ pool, ...h }: Json) => ({ ...h, pools: [{ id: pool }] });

  /** Marks `lbId` busy, or answers the 409 Octavia gives while it already is. */
  const write = (request: Request, lbId: string, status = 'PENDING_UPDATE'): Response | undefined => {
    const lb = lbs.get(lbId);
    if (!lb) return notFound('Load Balancer');
    if (lb.provisioning_status !== 'ACTIVE') {
      refused.push(callOf(base, request));
      return HttpResponse.json(
        { faultcode: 'Client', faultstring: `Load Balancer ${lbId} is immutable and cannot be updated.` },
        { status: 409 },
      );
    }
    lb.provisioning_status = status;
    pending.set(lbId, 1);
    return undefined;
  };
  const seen = (request: Request) => {
    calls.push(callOf(base, request));
    return unauthorized(request);
  };
  const body = async (request: Request, key: string) => ((await request.json()) as Json)[key] as Json;

  const handlers = [
    http.get(`${base}/lbaas/loadbalancers`, ({ request }) => {
      const denied = seen(request);
      if (denied) return denied;
      return HttpResponse.json({ loadbalancers: [...lbs.values()].map(show), loadbalancers_links: [] });
    }),
    http.post(`${base}/lbaas/loadbalancers`, async ({ request }) => {
      const denied = seen(request);
      if (denied) return denied;
      const b = await body(request, 'loadbalancer');
      if (!b.vip_subnet_id && !b.vip_network_id)
        return HttpResponse.json(
          { faultstring: 'VIP must contain one of: vip_port_id, vip_network_id, vip_subnet_id.' },
          { status: 400 },
        );
      const lb = {
        ...common(b),
        provisioning_status: 'PENDING_CREATE',
        operating_status: 'OFFLINE',
        vip_address: '10.0.0.100',
        vip_subnet_id: b.vip_subnet_id ?? uuid(),
        vip_network_id: b.vip_network_id ?? uuid(),
        provider: 'amphora',
      };
      lbs.set(lb.id, lb);
      pending.set(lb.id, 1);
      return HttpResponse.json({ loadbalancer: show(lb) }, { status: 201 });
    }),
    http.get(`${base}/lbaas/loadbalancers/:id`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const lb = lbs.get(params.id as string);
      if (!lb) return notFound('Load Balancer');
      const shown = show(lb);
      const left = pending.get(lb.id) ?? 0;
      if (left > 0) pending.set(lb.id, left - 1);
      else if (lb.provisioning_status === 'PENDING_DELETE') lbs.delete(lb.id);
      else lb.provisioning_status = 'ACTIVE';
      return HttpResponse.json({ loadbalancer: shown });
    }),
    http.put(`${base}/lbaas/loadbalancers/:id`, async ({ request, params }) => {
      const denied = seen(request) ?? write(request, params.id as string);
      if (denied) return denied;
      const lb = lbs.get(params.id as string)!;
      Object.assign(lb, await body(request, 'loadbalancer'));
      return HttpResponse.json({ loadbalancer: show(lb) });
    }),
    http.delete(`${base}/lbaas/loadbalancers/:id`, ({ request, params }) => {
      const id = params.id as string;
      const denied = seen(request) ?? write(request, id, 'PENDING_DELETE');
      if (denied) return denied;
      if (
        new URL(request.url).searchParams.get('cascade') !== 'true' &&
        [...listeners.values()].some((l) => l.lb === id)
      )
        return HttpResponse.json(
          { faultstring: 'Cannot delete Load Balancer - it has children' },
          { status: 400 },
        );
      for (const map of [listeners, pools]) for (const [k, v] of map) if (v.lb === id) map.delete(k);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${base}/lbaas/listeners`, ({ request }) => {
      const denied = seen(request);
      if (denied) return denied;
      return HttpResponse.json({ listeners: [...listeners.values()].map(showListener), listeners_links: [] });
    }),
    http.post(`${base}/lbaas/listeners`, async ({ request }) => {
      const b = await body(request.clone(), 'listener');
      const denied = seen(request) ?? write(request, b.loadbalancer_id);
      if (denied) return denied;
      const l = { ...common(b), protocol: b.protocol, protocol_port: b.protocol_port, lb: b.loadbalancer_id };
      listeners.set(l.id, l);
      return HttpResponse.json({ listener: showListener(l) }, { status: 201 });
    }),
    http.get(`${base}/lbaas/listeners/:id`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const l = listeners.get(params.id as string);
      return l ? HttpResponse.json({ listener: showListener(l) }) : notFound('Listener');
    }),
    http.get(`${base}/lbaas/pools`, ({ request }) => {
      const denied = seen(request);
      if (denied) return denied;
      return HttpResponse.json({ pools: [...pools.values()].map(showPool), pools_links: [] });
    }),
    http.post(`${base}/lbaas/pools`, async ({ request }) => {
      const b = await body(request.clone(), 'pool');
      const lbId = listeners.get(b.listener_id)?.lb ?? b.loadbalancer_id;
      const denied = seen(request) ?? write(request, lbId);
      if (denied) return denied;
      const p = {
        ...common(b),
        protocol: b.protocol,
        lb_algorithm: b.lb_algorithm,
        listener_id: b.listener_id,
        lb: lbId,
      };
      pools.set(p.id, p);
      return HttpResponse.json({ pool: showPool(p) }, { status: 201 });
    }),
    http.get(`${base}/lbaas/pools/:id`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const p = pools.get(params.id as string);
      return p ? HttpResponse.json({ pool: showPool(p) }) : notFound('Pool');
    }),
    http.put(`${base}/lbaas/pools/:id`, async ({ request, params }) => {
      const p = pools.get(params.id as string);
      if (!p) return notFound('Pool');
      const denied = seen(request) ?? write(request, p.lb);
      if (denied) return denied;
      Object.assign(p, await body(request, 'pool'));
      return HttpResponse.json({ pool: showPool(p) });
    }),
    http.get(`${base}/lbaas/pools/:pool/members`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const list = [...members.values()].filter((m) => m.pool_id === params.pool);
      return HttpResponse.json({ members: list, members_links: [] });
    }),
    http.post(`${base}/lbaas/pools/:pool/members`, async ({ request, params }) => {
      const p = pools.get(params.pool as string);
      if (!p) return notFound('Pool');
      const denied = seen(request) ?? write(request, p.lb);
      if (denied) return denied;
      const b = await body(request, 'member');
      const m = {
        ...common(b),
        operating_status: 'NO_MONITOR',
        address: b.address,
        protocol_port: b.protocol_port,
        weight: b.weight ?? 1,
        subnet_id: b.subnet_id,
        pool_id: p.id,
      };
      members.set(m.id, m);
      return HttpResponse.json({ member: m }, { status: 201 });
    }),
    http.put(`${base}/lbaas/pools/:pool/members/:id`, async ({ request, params }) => {
      const p = pools.get(params.pool as string);
      const m = members.get(params.id as string);
      if (!p || !m) return notFound('Member');
      const denied = seen(request) ?? write(request, p.lb);
      if (denied) return denied;
      Object.assign(m, await body(request, 'member'));
      return HttpResponse.json({ member: m });
    }),
    http.delete(`${base}/lbaas/pools/:pool/members/:id`, ({ request, params }) => {
      const p = pools.get(params.pool as string);
      if (!p || !members.has(params.id as string)) return notFound('Member');
      const denied = seen(request) ?? write(request, p.lb);
      if (denied) return denied;
      members.delete(params.id as string);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/lbaas/healthmonitors`, async ({ request }) => {
      const b = await body(request.clone(), 'healthmonitor');
      const p = pools.get(b.pool_id);
      if (!p) return notFound('Pool');
      const denied = seen(request) ?? write(request, p.lb);
      if (denied) return denied;
      const { pool_id, ...rest } = b;
      const h = { ...common(b), ...rest, pool: pool_id };
      monitors.set(h.id, h);
      return HttpResponse.json({ healthmonitor: showMonitor(h) }, { status: 201 });
    }),
    http.get(`${base}/lbaas/healthmonitors/:id`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const h = monitors.get(params.id as string);
      return h ? HttpResponse.json({ healthmonitor: showMonitor(h) }) : notFound('Health Monitor');
    }),
    http.delete(`${base}/lbaas/healthmonitors/:id`, ({ request, params }) => {
      const h = monitors.get(params.id as string);
      if (!h) return notFound('Health Monitor');
      const denied = seen(request) ?? write(request, pools.get(h.pool)!.lb);
      if (denied) return denied;
      monitors.delete(h.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { baseUrl: base, handlers, calls, loadBalancers: lbs, refused };
}

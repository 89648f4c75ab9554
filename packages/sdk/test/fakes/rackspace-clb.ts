/**
 * A small stateful fake of Rackspace Cloud Load Balancers v1.0 for msw (load balancers, nodes,
 * health monitor), written from Rackspace's Cloud Load Balancers developer guide. A created load
 * balancer is `BUILD` and every accepted change puts it in `PENDING_UPDATE`; the next read still
 * reports it, the one after finds it `ACTIVE` (a deleted one: `DELETED`, then gone). A write while
 * it is not `ACTIVE` is refused with 422 "immutable", as the service does, and counted in
 * `refused`. Ids are numbers on the wire.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, type Json, now, unauthorized } from './common.js';

/** The fake's state and handlers. */
export interface FakeRackspaceClb {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  /** `METHOD /path?query` of every request, relative to the base URL. */
  readonly calls: string[];
  readonly loadBalancers: Map<string, Json>;
  /** Writes refused because the load balancer was not `ACTIVE`. */
  readonly refused: string[];
}

const notFound = (what: string) =>
  HttpResponse.json({ message: `${what} not found`, code: 404 }, { status: 404 });

/**
 * Creates the fake at `baseUrl` (`…/v1.0/{account}`).
 * @example const clb = createFakeRackspaceClb({ baseUrl: 'https://iad.loadbalancers.rax.mock.test/v1.0/123' });
 */
export function createFakeRackspaceClb(options: { baseUrl: string }): FakeRackspaceClb {
  const base = options.baseUrl.replace(/\/$/, '');
  const calls: string[] = [];
  const refused: string[] = [];
  const lbs = new Map<string, Json>();
  const pending = new Map<string, number>();
  let lastId = 70_000;
  const nextId = () => {
    lastId += 1;
    return lastId;
  };

  const seen = (request: Request) => {
    calls.push(callOf(base, request));
    return unauthorized(request);
  };
  const summary = ({ nodes, healthMonitor: _h, ...lb }: Json) => ({ ...lb, nodeCount: nodes.length });
  const write = (request: Request, id: string, status = 'PENDING_UPDATE'): Response | undefined => {
    const lb = lbs.get(id);
    if (!lb) return notFound('Load balancer');
    if (lb.status !== 'ACTIVE') {
      refused.push(callOf(base, request));
      return HttpResponse.json(
        {
          message: `Load Balancer '${id}' has a status of '${lb.status}' and is considered immutable.`,
          code: 422,
        },
        { status: 422 },
      );
    }
    lb.status = status;
    lb.updated = { time: now() };
    pending.set(id, 1);
    return undefined;
  };
  const node = (n: Json) => ({
    id: nextId(),
    address: n.address,
    port: n.port,
    condition: n.condition ?? 'ENABLED',
    status: 'ONLINE',
    weight: n.weight ?? 1,
    type: 'PRIMARY',
  });
  const accepted = (json: Json = {}) => HttpResponse.json(json, { status: 202 });
  const lbOf = (params: Record<string, unknown>) => lbs.get(String(params.id));

  const handlers = [
    http.get(`${base}/loadbalancers`, ({ request }) => {
      const denied = seen(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const marker = Number(url.searchParams.get('marker') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const rows = [...lbs.values()].filter((lb) => lb.id > marker && lb.status !== 'DELETED');
      return HttpResponse.json({ loadBalancers: rows.slice(0, limit).map(summary) });
    }),
    http.post(`${base}/loadbalancers`, async ({ request }) => {
      const denied = seen(request);
      if (denied) return denied;
      const b = ((await request.json()) as Json).loadBalancer as Json;
      const id = nextId();
      const lb = {
        id,
        name: b.name,
        protocol: b.protocol,
        port: b.port,
        algorithm: b.algorithm ?? 'RANDOM',
        status: 'BUILD',
        timeout: 30,
        virtualIps: [{ id: nextId(), address: '198.51.100.7', type: 'PUBLIC', ipVersion: 'IPV4' }],
        nodes: ((b.nodes ?? []) as Json[]).map(node),
        healthMonitor: {},
        created: { time: now() },
        updated: { time: now() },
      };
      lbs.set(String(id), lb);
      pending.set(String(id), 1);
      return accepted({ loadBalancer: lb });
    }),
    http.get(`${base}/loadbalancers/:id`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const lb = lbOf(params);
      if (!lb) return notFound('Load balancer');
      const shown = { ...lb };
      const left = pending.get(String(lb.id)) ?? 0;
      if (left > 0) pending.set(String(lb.id), left - 1);
      else if (lb.status === 'PENDING_DELETE') lb.status = 'DELETED';
      else if (lb.status === 'DELETED') lbs.delete(String(lb.id));
      else lb.status = 'ACTIVE';
      return HttpResponse.json({ loadBalancer: shown });
    }),
    http.put(`${base}/loadbalancers/:id`, async ({ request, params }) => {
      const denied = seen(request) ?? write(request, String(params.id));
      if (denied) return denied;
      const b = ((await request.json()) as Json).loadBalancer as Json;
      Object.assign(lbOf(params)!, b);
      return accepted();
    }),
    http.delete(`${base}/loadbalancers/:id`, ({ request, params }) => {
      const denied = seen(request) ?? write(request, String(params.id), 'PENDING_DELETE');
      if (denied) return denied;
      return accepted();
    }),
    http.get(`${base}/loadbalancers/:id/nodes`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const lb = lbOf(params);
      return lb ? HttpResponse.json({ nodes: lb.nodes }) : notFound('Load balancer');
    }),
    http.post(`${base}/loadbalancers/:id/nodes`, async ({ request, params }) => {
      const denied = seen(request) ?? write(request, String(params.id));
      if (denied) return denied;
      const added = (((await request.json()) as Json).nodes as Json[]).map(node);
      lbOf(params)!.nodes.push(...added);
      return accepted({ nodes: added });
    }),
    http.put(`${base}/loadbalancers/:id/nodes/:node`, async ({ request, params }) => {
      const n = lbOf(params)?.nodes.find((x: Json) => String(x.id) === params.node);
      if (!n) return notFound('Node');
      const denied = seen(request) ?? write(request, String(params.id));
      if (denied) return denied;
      Object.assign(n, ((await request.json()) as Json).node);
      return accepted();
    }),
    http.delete(`${base}/loadbalancers/:id/nodes/:node`, ({ request, params }) => {
      const lb = lbOf(params);
      if (!lb?.nodes.some((x: Json) => String(x.id) === params.node)) return notFound('Node');
      const denied = seen(request) ?? write(request, String(params.id));
      if (denied) return denied;
      lb.nodes = lb.nodes.filter((x: Json) => String(x.id) !== params.node);
      return accepted();
    }),
    http.get(`${base}/loadbalancers/:id/healthmonitor`, ({ request, params }) => {
      const denied = seen(request);
      if (denied) return denied;
      const lb = lbOf(params);
      return lb ? HttpResponse.json({ healthMonitor: lb.healthMonitor }) : notFound('Load balancer');
    }),
    http.put(`${base}/loadbalancers/:id/healthmonitor`, async ({ request, params }) => {
      const denied = seen(request) ?? write(request, String(params.id));
      if (denied) return denied;
      lbOf(params)!.healthMonitor = ((await request.json()) as Json).healthMonitor;
      return accepted();
    }),
    http.delete(`${base}/loadbalancers/:id/healthmonitor`, ({ request, params }) => {
      const denied = seen(request) ?? write(request, String(params.id));
      if (denied) return denied;
      lbOf(params)!.healthMonitor = {};
      return accepted();
    }),
  ];
  return { baseUrl: base, handlers, calls, loadBalancers: lbs, refused };
}

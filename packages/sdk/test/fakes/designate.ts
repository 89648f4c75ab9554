/**
 * A stateful fake Designate v2 (zones and recordsets) for msw, written from the Designate
 * api-ref: every write answers 202 with the resource `PENDING` (action CREATE/UPDATE/DELETE); the
 * next GET finds the change applied (`ACTIVE`, action `NONE`), or the resource gone after a
 * delete. A new zone gets its SOA and NS recordsets, as Designate creates them.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, type Json, now, unauthorized, uuid } from './common.js';

/** The fake's state and handlers. */
export interface FakeDesignate {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  /** `METHOD /path?query` of every request, relative to the base URL. */
  readonly calls: string[];
  readonly zones: Map<string, Json>;
  /** Recordsets by id. */
  readonly recordsets: Map<string, Json>;
}

const PROJECT = 'p-0123456789';

const notFound = (what: string) =>
  HttpResponse.json(
    { code: 404, type: `${what}_not_found`, message: `Could not find ${what}` },
    { status: 404 },
  );

/**
 * Creates the fake at `baseUrl` (the `…/v2` root).
 * @example const designate = createFakeDesignate({ baseUrl: 'https://dns.regionone.mock.test/v2' });
 */
export function createFakeDesignate(options: { baseUrl: string }): FakeDesignate {
  const base = options.baseUrl.replace(/\/$/, '');
  const calls: string[] = [];
  const zones = new Map<string, Json>();
  const recordsets = new Map<string, Json>();

  const pending = (item: Json, action: string) => {
    item.status = 'PENDING';
    item.action = action;
    item.updated_at = now();
  };
  /** A GET sees the pending change applied; returns undefined once a delete went through. */
  const settle = (map: Map<string, Json>, item: Json): Json | undefined => {
    if (item.action === 'DELETE') {
      map.delete(item.id);
      if (map === zones) for (const [id, r] of recordsets) if (r.zone_id === item.id) recordsets.delete(id);
      return undefined;
    }
    if (item.action !== 'NONE') {
      item.status = 'ACTIVE';
      item.action = 'NONE';
      if (map === recordsets) bumpSerial(item.zone_id);
    }
    return item;
  };
  const bumpSerial = (zoneId: string) => {
    const zone = zones.get(zoneId);
    if (zone) zone.serial += 1;
  };
  const page = (key: string, items: Json[], url: URL) =>
    HttpResponse.json({ [key]: items, links: { self: url.href }, metadata: { total_count: items.length } });
  const recordset = (zone: Json, fields: Json): Json => ({
    id: uuid(),
    zone_id: zone.id,
    zone_name: zone.name,
    project_id: PROJECT,
    name: fields.name,
    type: fields.type,
    records: fields.records,
    ttl: fields.ttl ?? null,
    description: fields.description ?? null,
    status: 'PENDING',
    action: 'CREATE',
    version: 1,
    created_at: now(),
    updated_at: null,
    links: {},
  });

  const handlers = [
    http.all(`${base}/zones`, async ({ request }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const url = new URL(request.url);
      if (request.method === 'GET') {
        const name = url.searchParams.get('name');
        const items = [...zones.values()]
          .filter((z) => !name || z.name === name)
          .map((z) => settle(zones, z));
        return page(
          'zones',
          items.filter((z): z is Json => !!z),
          url,
        );
      }
      if (request.method !== 'POST') return new HttpResponse(null, { status: 405 });
      const body = (await request.json()) as Json;
      if ([...zones.values()].some((z) => z.name === body.name))
        return HttpResponse.json(
          { code: 409, type: 'duplicate_zone', message: 'Duplicate Zone' },
          { status: 409 },
        );
      const zone: Json = {
        id: uuid(),
        name: body.name,
        email: body.email,
        ttl: body.ttl ?? 3600,
        serial: 1_700_000_000,
        status: 'PENDING',
        action: 'CREATE',
        type: body.type ?? 'PRIMARY',
        description: body.description ?? null,
        masters: [],
        pool_id: 'pool-1',
        project_id: PROJECT,
        version: 1,
        attributes: {},
        created_at: now(),
        updated_at: null,
        transferred_at: null,
        links: {},
      };
      zones.set(zone.id, zone);
      for (const managed of [
        {
          name: zone.name,
          type: 'SOA',
          records: [`ns1.example.net. ${body.email.replace('@', '.')}. 1 3584 600 86400 3600`],
        },
        { name: zone.name, type: 'NS', records: ['ns1.example.net.'] },
      ]) {
        const rs = recordset(zone, managed);
        recordsets.set(rs.id, rs);
      }
      return HttpResponse.json(zone, { status: 202 });
    }),
    http.all(`${base}/zones/:zoneId`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const found = zones.get(params.zoneId as string);
      const zone = found && (request.method === 'GET' ? settle(zones, found) : found);
      if (!zone) return notFound('zone');
      if (request.method === 'GET') return HttpResponse.json(zone);
      if (request.method === 'PATCH') {
        const body = (await request.json()) as Json;
        for (const k of ['email', 'ttl', 'description']) if (k in body) zone[k] = body[k];
        pending(zone, 'UPDATE');
        return HttpResponse.json(zone, { status: 202 });
      }
      if (request.method === 'DELETE') {
        pending(zone, 'DELETE');
        return HttpResponse.json(zone, { status: 202 });
      }
      return new HttpResponse(null, { status: 405 });
    }),
    http.all(`${base}/zones/:zoneId/recordsets`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const zone = zones.get(params.zoneId as string);
      if (!zone) return notFound('zone');
      const url = new URL(request.url);
      if (request.method === 'GET') {
        const name = url.searchParams.get('name');
        const type = url.searchParams.get('type');
        const items = [...recordsets.values()]
          .filter((r) => r.zone_id === zone.id && (!name || r.name === name) && (!type || r.type === type))
          .map((r) => settle(recordsets, r));
        return page(
          'recordsets',
          items.filter((r): r is Json => !!r),
          url,
        );
      }
      if (request.method !== 'POST') return new HttpResponse(null, { status: 405 });
      const body = (await request.json()) as Json;
      if (
        [...recordsets.values()].some(
          (r) => r.zone_id === zone.id && r.name === body.name && r.type === body.type,
        )
      )
        return HttpResponse.json(
          { code: 409, type: 'duplicate_recordset', message: 'Duplicate RecordSet' },
          { status: 409 },
        );
      if (!String(body.name).endsWith(zone.name))
        return HttpResponse.json(
          { code: 400, type: 'invalid_object', message: 'RecordSet belongs in a child zone' },
          { status: 400 },
        );
      const rs = recordset(zone, body);
      recordsets.set(rs.id, rs);
      return HttpResponse.json(rs, { status: 202 });
    }),
    http.all(`${base}/zones/:zoneId/recordsets/:id`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const found = recordsets.get(params.id as string);
      const rs =
        found && found.zone_id === params.zoneId
          ? request.method === 'GET'
            ? settle(recordsets, found)
            : found
          : undefined;
      if (!rs) return notFound('recordset');
      if (request.method === 'GET') return HttpResponse.json(rs);
      if (request.method === 'PUT') {
        const body = (await request.json()) as Json;
        for (const k of ['records', 'ttl', 'description']) if (k in body) rs[k] = body[k];
        pending(rs, 'UPDATE');
        return HttpResponse.json(rs, { status: 202 });
      }
      if (request.method === 'DELETE') {
        pending(rs, 'DELETE');
        return HttpResponse.json(rs, { status: 202 });
      }
      return new HttpResponse(null, { status: 405 });
    }),
  ];
  return { baseUrl: base, handlers, calls, zones, recordsets };
}

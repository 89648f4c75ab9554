/**
 * A stateful fake block storage service for msw: Cinder v3, or (`v1: true`) Rackspace Cloud Block
 * Storage v1, which names fields `display_name` / `display_description` and offers the `SATA` and
 * `SSD` types with numeric ids. Volumes and snapshots answer `creating` for `createPolls` GETs,
 * then `available`; a deleted volume answers `deleting` once, then 404. Wire bodies are written
 * from the Cinder api-ref and Rackspace's Cloud Block Storage guide.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, type Json, notFound, now, unauthorized, uuid } from './common.js';

/** The fake's state and handlers. */
export interface FakeCinder {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  readonly calls: string[];
  readonly volumes: Map<string, Json>;
  readonly snapshots: Map<string, Json>;
}

interface Entry {
  wire: Json;
  polls: number;
  deleting?: boolean;
}

/**
 * Creates the fake.
 * @example const cinder = createFakeCinder({ baseUrl }); cloud.use(...cinder.handlers);
 */
export function createFakeCinder(options: {
  baseUrl: string;
  v1?: boolean;
  createPolls?: number;
}): FakeCinder {
  const base = options.baseUrl.replace(/\/$/, '');
  const v1 = options.v1 === true;
  const createPolls = options.createPolls ?? 1;
  const calls: string[] = [];
  const volumes = new Map<string, Entry>();
  const snapshots = new Map<string, Entry>();
  const types = v1
    ? [
        { id: 1, name: 'SATA', extra_specs: {} },
        { id: 2, name: 'SSD', extra_specs: {} },
      ]
    : [
        { id: uuid(), name: '__DEFAULT__', is_public: true, extra_specs: {} },
        { id: uuid(), name: 'lvmdriver-1', is_public: true, extra_specs: {} },
      ];
  const names = (b: Json) =>
    v1
      ? { display_name: b.display_name ?? null, display_description: b.display_description ?? null }
      : { name: b.name ?? null, description: b.description ?? null };

  /** A GET moves a resource on: creating -> available, deleting -> gone. */
  const advance = (map: Map<string, Entry>, id: string): Json | undefined => {
    const e = map.get(id);
    if (!e) return undefined;
    if (e.deleting) {
      map.delete(id);
      return { ...e.wire, status: 'deleting' };
    }
    if (e.wire.status === 'creating' && e.polls-- <= 0) e.wire.status = 'available';
    return e.wire;
  };
  const wrap =
    (fn: (request: Request, params: Record<string, string>) => Promise<Response> | Response) =>
    async ({ request, params }: { request: Request; params: Record<string, any> }) => {
      calls.push(callOf(base, request));
      return unauthorized(request) ?? fn(request, params);
    };
  const filterBy = (items: Json[], query: URLSearchParams) =>
    items.filter((i) => !query.get('volume_id') || i.volume_id === query.get('volume_id'));

  const handlers: RequestHandler[] = [
    http.get(
      `${base}/types`,
      wrap(() => HttpResponse.json({ volume_types: types })),
    ),
    http.get(
      `${base}/types/:id`,
      wrap((_r, p) => {
        const t = types.find((x) => String(x.id) === p.id);
        return t ? HttpResponse.json({ volume_type: t }) : notFound(`Volume type ${p.id}`);
      }),
    ),
    http.post(
      `${base}/volumes`,
      wrap(async (request) => {
        const b = ((await request.json()) as Json).volume as Json;
        const type = b.volume_type
          ? types.find((t) => t.name === b.volume_type || String(t.id) === b.volume_type)
          : types[0];
        if (!type)
          return HttpResponse.json({ badRequest: { code: 400, message: 'no such type' } }, { status: 400 });
        const wire: Json = {
          id: uuid(),
          ...names(b),
          status: 'creating',
          size: b.size,
          volume_type: type.name,
          bootable: 'false',
          snapshot_id: b.snapshot_id ?? null,
          metadata: b.metadata ?? {},
          attachments: [],
          availability_zone: 'nova',
          created_at: now(),
          links: v1 ? undefined : [{ rel: 'self', href: `${base}/volumes/x` }],
        };
        volumes.set(wire.id, { wire, polls: createPolls });
        return HttpResponse.json({ volume: wire }, { status: v1 ? 200 : 202 });
      }),
    ),
    http.get(
      `${base}/volumes/detail`,
      wrap(() =>
        HttpResponse.json({ volumes: [...volumes.values()].filter((e) => !e.deleting).map((e) => e.wire) }),
      ),
    ),
    http.get(
      `${base}/volumes/:id`,
      wrap((_r, p) => {
        const wire = advance(volumes, p.id!);
        return wire ? HttpResponse.json({ volume: wire }) : notFound(`Volume ${p.id}`);
      }),
    ),
    http.put(
      `${base}/volumes/:id`,
      wrap(async (request, p) => {
        const e = volumes.get(p.id!);
        if (!e) return notFound(`Volume ${p.id}`);
        const b = ((await request.json()) as Json).volume as Json;
        for (const k of ['name', 'description', 'display_name', 'display_description'])
          if (k in b) e.wire[k] = b[k];
        return HttpResponse.json({ volume: e.wire });
      }),
    ),
    http.delete(
      `${base}/volumes/:id`,
      wrap((_r, p) => {
        const e = volumes.get(p.id!);
        if (!e) return notFound(`Volume ${p.id}`);
        if ([...snapshots.values()].some((s) => s.wire.volume_id === p.id)) {
          return HttpResponse.json(
            { badRequest: { code: 400, message: 'volume has snapshots' } },
            { status: 400 },
          );
        }
        e.deleting = true;
        return new HttpResponse(null, { status: 202 });
      }),
    ),
    http.post(
      `${base}/snapshots`,
      wrap(async (request) => {
        const b = ((await request.json()) as Json).snapshot as Json;
        const volume = volumes.get(b.volume_id);
        if (!volume) return notFound(`Volume ${b.volume_id}`);
        const wire: Json = {
          id: uuid(),
          ...names(b),
          status: 'creating',
          size: volume.wire.size,
          volume_id: b.volume_id,
          metadata: {},
          created_at: now(),
        };
        snapshots.set(wire.id, { wire, polls: createPolls });
        return HttpResponse.json({ snapshot: wire }, { status: v1 ? 200 : 202 });
      }),
    ),
    http.get(
      `${base}/snapshots/detail`,
      wrap((request) =>
        HttpResponse.json({
          snapshots: filterBy(
            [...snapshots.values()].map((e) => e.wire),
            new URL(request.url).searchParams,
          ),
        }),
      ),
    ),
    http.get(
      `${base}/snapshots/:id`,
      wrap((_r, p) => {
        const wire = advance(snapshots, p.id!);
        return wire ? HttpResponse.json({ snapshot: wire }) : notFound(`Snapshot ${p.id}`);
      }),
    ),
    http.delete(
      `${base}/snapshots/:id`,
      wrap((_r, p) => {
        if (!snapshots.delete(p.id!)) return notFound(`Snapshot ${p.id}`);
        return new HttpResponse(null, { status: 202 });
      }),
    ),
  ];
  return {
    baseUrl: base,
    handlers,
    calls,
    get volumes() {
      return new Map([...volumes].map(([id, e]) => [id, e.wire]));
    },
    get snapshots() {
      return new Map([...snapshots].map(([id, e]) => [id, e.wire]));
    },
  };
}

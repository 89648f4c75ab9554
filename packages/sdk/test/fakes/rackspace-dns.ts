/**
 * A stateful fake Rackspace Cloud DNS v1.0 (domains, records, asynchronous jobs) for msw, written
 * from Rackspace's Cloud DNS developer guide: every write answers 202 with a job
 * (`jobId`, `callbackUrl`, status `RUNNING`); `GET /status/{jobId}?showDetails=true` then finds it
 * `COMPLETED` with its `response`, or `ERROR` with the error. Names carry no trailing dot; the
 * SOA is not listed among a domain's records.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { callOf, type Json, now, unauthorized, uuid } from './common.js';

/** The fake's state and handlers. */
export interface FakeRackspaceDns {
  readonly baseUrl: string;
  readonly handlers: RequestHandler[];
  /** `METHOD /path?query` of every request, relative to the base URL. */
  readonly calls: string[];
  readonly domains: Map<string, Json>;
  /** Records by domain id, then record id. */
  readonly records: Map<string, Map<string, Json>>;
}

const notFound = (what: string) =>
  HttpResponse.json({ itemNotFound: { code: 404, message: `${what} not found` } }, { status: 404 });
const badRequest = (message: string) =>
  HttpResponse.json({ validationErrors: { messages: [message] }, code: 400 }, { status: 400 });

/**
 * Creates the fake at `baseUrl` (`…/v1.0/{account}`).
 * @example const rax = createFakeRackspaceDns({ baseUrl: 'https://dns.rax.mock.test/v1.0/123' });
 */
export function createFakeRackspaceDns(options: { baseUrl: string }): FakeRackspaceDns {
  const base = options.baseUrl.replace(/\/$/, '');
  const calls: string[] = [];
  const domains = new Map<string, Json>();
  const records = new Map<string, Map<string, Json>>();
  const jobs = new Map<string, Json>();
  let lastId = 3_000_000;
  const nextId = () => {
    lastId += 1;
    return lastId;
  };

  /** Runs `work` now and answers its job, which the first status poll finds finished. */
  const job = (request: Request, work: () => Json | undefined | { error: Json }) => {
    const jobId = uuid();
    let done: Json;
    try {
      const response = work();
      done =
        response && 'error' in response
          ? { status: 'ERROR', error: response.error }
          : { status: 'COMPLETED', ...(response ? { response } : {}) };
    } catch (e) {
      done = { status: 'ERROR', error: { code: 500, message: String(e) } };
    }
    const common = {
      jobId,
      callbackUrl: `${base}/status/${jobId}`,
      verb: request.method,
      requestUrl: request.url,
    };
    jobs.set(jobId, { ...common, ...done });
    return HttpResponse.json({ ...common, status: 'RUNNING' }, { status: 202 });
  };
  const showDomain = (d: Json) => ({ ...d, nameservers: [{ name: 'dns1.stabletransit.com' }] });
  const list = (key: string, items: Json[]) =>
    HttpResponse.json({ [key]: items, totalEntries: items.length });

  const handlers = [
    http.get(`${base}/status/:jobId`, ({ request, params }) => {
      calls.push(callOf(base, request));
      const found = jobs.get(params.jobId as string);
      return found ? HttpResponse.json(found) : notFound('job');
    }),
    http.all(`${base}/domains`, async ({ request }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const url = new URL(request.url);
      if (request.method === 'GET') {
        const name = url.searchParams.get('name');
        return list(
          'domains',
          [...domains.values()].filter((d) => !name || d.name.includes(name)),
        );
      }
      if (request.method !== 'POST') return new HttpResponse(null, { status: 405 });
      const body = (await request.json()) as Json;
      const [wanted] = body.domains as Json[];
      if (!wanted?.emailAddress) return badRequest('emailAddress is required');
      return job(request, () => {
        if ([...domains.values()].some((d) => d.name === wanted.name))
          return { error: { code: 409, message: 'Conflict', details: 'Domain already exists' } };
        const domain = {
          id: String(nextId()),
          accountId: 123456,
          name: wanted.name,
          emailAddress: wanted.emailAddress,
          ttl: wanted.ttl ?? 3600,
          ...(wanted.comment ? { comment: wanted.comment } : {}),
          created: now(),
          updated: now(),
        };
        domains.set(domain.id, domain);
        records.set(domain.id, new Map());
        return { domains: [showDomain(domain)] };
      });
    }),
    http.all(`${base}/domains/:id`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const domain = domains.get(params.id as string);
      if (!domain) return notFound('Domain');
      if (request.method === 'GET') return HttpResponse.json(showDomain(domain));
      if (request.method === 'PUT') {
        const body = (await request.json()) as Json;
        return job(request, () => {
          for (const k of ['emailAddress', 'ttl', 'comment']) if (k in body) domain[k] = body[k];
          domain.updated = now();
          return undefined;
        });
      }
      if (request.method === 'DELETE')
        return job(request, () => {
          domains.delete(domain.id);
          records.delete(domain.id);
          return undefined;
        });
      return new HttpResponse(null, { status: 405 });
    }),
    http.all(`${base}/domains/:id/records`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const domain = domains.get(params.id as string);
      const own = records.get(params.id as string);
      if (!domain || !own) return notFound('Domain');
      const url = new URL(request.url);
      if (request.method === 'GET') {
        const name = url.searchParams.get('name');
        const type = url.searchParams.get('type');
        return list(
          'records',
          [...own.values()].filter((r) => (!name || r.name === name) && (!type || r.type === type)),
        );
      }
      if (request.method !== 'POST') return new HttpResponse(null, { status: 405 });
      const body = (await request.json()) as Json;
      for (const r of body.records as Json[]) {
        if (String(r.name).endsWith('.')) return badRequest('name must not end with a dot');
        if ((r.type === 'MX' || r.type === 'SRV') && r.priority === undefined)
          return badRequest('priority is required');
        if (r.ttl !== undefined && r.ttl < 300) return badRequest('ttl must be at least 300');
      }
      return job(request, () => {
        const created = (body.records as Json[]).map((r) => {
          const record = {
            id: `${r.type}-${nextId()}`,
            name: r.name,
            type: r.type,
            data: r.data,
            ttl: r.ttl ?? domain.ttl,
            ...(r.priority !== undefined ? { priority: r.priority } : {}),
            ...(r.comment ? { comment: r.comment } : {}),
            created: now(),
            updated: now(),
          };
          own.set(record.id, record);
          return record;
        });
        return { records: created };
      });
    }),
    http.all(`${base}/domains/:id/records/:recordId`, async ({ request, params }) => {
      calls.push(callOf(base, request));
      const denied = unauthorized(request);
      if (denied) return denied;
      const own = records.get(params.id as string);
      const record = own?.get(params.recordId as string);
      if (!own || !record) return notFound('Record');
      if (request.method === 'GET') return HttpResponse.json(record);
      if (request.method === 'PUT') {
        const body = (await request.json()) as Json;
        return job(request, () => {
          for (const k of ['name', 'data', 'ttl', 'priority', 'comment']) if (k in body) record[k] = body[k];
          record.updated = now();
          return undefined;
        });
      }
      if (request.method === 'DELETE')
        return job(request, () => {
          own.delete(record.id);
          return undefined;
        });
      return new HttpResponse(null, { status: 405 });
    }),
  ];
  return { baseUrl: base, handlers, calls, domains, records };
}

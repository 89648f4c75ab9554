import { faultResponse, type MockCloud, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { InvalidResponseError, NotFoundError, toArray } from '../src/index.js';
import {
  createServiceClient,
  object,
  paginateByLinks,
  type ServiceClient,
  singlePage,
  string,
} from '../src/service.js';

const cloud = setupMockCloud();
const DB = mockEndpoints('RegionOne').database;
const NOVA = mockEndpoints('RegionOne').compute;

interface Row {
  id: string;
}
const asId = (w: Row) => w.id;

const trove = (c: MockCloud): ServiceClient => createServiceClient(c.session(), { type: 'database' });
const nova = (c: MockCloud): ServiceClient => createServiceClient(c.session(), { type: 'compute' });
/** Requests sent to one endpoint (identity requests left out). */
const sentTo = (base: string) => cloud.requests.filter((r) => r.url.href.startsWith(base));

describe('paginateByLinks', () => {
  it('with a row shape, a page that is HTML, null, lacks its key or has a wrong row is an InvalidResponseError', async () => {
    const bodies: (() => Response)[] = [
      () => new HttpResponse('<html>proxy error</html>', { headers: { 'content-type': 'text/html' } }),
      () => HttpResponse.json(null),
      () => HttpResponse.json({}),
      () => HttpResponse.json({ instances: [{ id: 7 }] }),
      () => HttpResponse.json({ instances: [], links: 'next' }),
    ];
    for (const body of bodies) {
      cloud.use(http.get(`${DB}/instances`, body));
      const list = paginateByLinks<Row, string>({
        client: trove(cloud),
        path: 'instances',
        key: 'instances',
        map: asId,
        shape: object<Row>({ id: string }),
      });
      await expect(toArray(list)).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });

  it('follows links rel=next across three pages, sending each link’s query to the client’s endpoint', async () => {
    const ids = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'];
    cloud.use(
      http.get(`${DB}/instances`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const marker = q.get('marker');
        const start = marker ? ids.indexOf(marker) + 1 : 0;
        const rows = ids.slice(start, start + 2);
        const last = start + 2 >= ids.length;
        return HttpResponse.json({
          instances: rows.map((id) => ({ id })),
          // an internal host name and plain http, as behind a TLS proxy: only the query is used
          links: last
            ? []
            : [
                { rel: 'self', href: `${DB}/instances` },
                { rel: 'next', href: `http://internal:8779/v1.0/p/instances?limit=2&marker=${rows.at(-1)}` },
              ],
        });
      }),
    );
    const got = await toArray(
      paginateByLinks<Row, string>({
        client: trove(cloud),
        path: 'instances',
        key: 'instances',
        query: { include_clustered: true, skipped: undefined },
        limit: 2,
        map: asId,
      }),
    );
    expect(got).toEqual(ids);
    const sent = sentTo(DB);
    expect(sent.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      'GET /v1.0/p-0123456789/instances?include_clustered=true&limit=2',
      'GET /v1.0/p-0123456789/instances?limit=2&marker=i-2',
      'GET /v1.0/p-0123456789/instances?limit=2&marker=i-4',
    ]);
    expect(sent.every((r) => r.url.origin === new URL(DB).origin)).toBe(true);
  });

  it('reads Nova’s <key>_links and starts at the given marker', async () => {
    cloud.use(
      http.get(`${NOVA}/servers`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        return marker === 'a'
          ? HttpResponse.json({
              servers: [{ id: 'b' }],
              servers_links: [{ rel: 'next', href: `${NOVA}/servers?status=ACTIVE&limit=1&marker=b` }],
            })
          : HttpResponse.json({ servers: [{ id: 'c' }] });
      }),
    );
    const pages: string[][] = [];
    const list = paginateByLinks<Row, string>({
      client: nova(cloud),
      path: 'servers',
      key: 'servers',
      linksKey: 'servers_links',
      query: { status: 'ACTIVE' },
      limit: 1,
      marker: 'a',
      map: asId,
    });
    for await (const page of list.byPage()) pages.push(page);
    expect(pages).toEqual([['b'], ['c']]);
    expect(sentTo(NOVA).map((r) => r.url.search)).toEqual([
      '?status=ACTIVE&limit=1&marker=a',
      '?status=ACTIVE&limit=1&marker=b',
    ]);
  });

  it('sends a marker back exactly as the service encoded it', async () => {
    cloud.use(
      http.get(`${DB}/users`, ({ request }) =>
        new URL(request.url).searchParams.get('marker') === null
          ? HttpResponse.json({
              users: [{ id: 'u1@%' }],
              links: [{ rel: 'next', href: `${DB}/users?limit=1&marker=u1%2540%2525` }],
            })
          : HttpResponse.json({ users: [{ id: 'u2' }], links: [] }),
      ),
    );
    const list = paginateByLinks<Row, string>({
      client: trove(cloud),
      path: 'users',
      key: 'users',
      map: asId,
    });
    expect(await toArray(list)).toEqual(['u1@%', 'u2']);
    expect(sentTo(DB)[1]!.url.search).toBe('?limit=1&marker=u1%2540%2525');
  });

  it.each([
    ['repeats the marker just sent', 'i-1', `${DB}/instances?marker=i-1`],
    ['has no marker', undefined, `${DB}/instances?limit=1`],
  ])('stops on a next link that %s (it would fetch the same page forever)', async (_case, marker, href) => {
    let calls = 0;
    cloud.use(
      http.get(`${DB}/instances`, () => {
        calls++;
        return HttpResponse.json({ instances: [{ id: 'i-2' }], links: [{ rel: 'next', href }] });
      }),
    );
    const list = paginateByLinks<Row, string>({
      client: trove(cloud),
      path: 'instances',
      key: 'instances',
      marker,
      map: asId,
    });
    expect(await toArray(list)).toEqual(['i-2']);
    expect(calls).toBe(1);
  });

  it('ends at an empty page even when it names a next link, and keeps going after a short page', async () => {
    cloud.use(
      http.get(`${DB}/backups`, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        if (marker === null) {
          // shorter than the limit (the service caps it), yet with a next link: keep going
          return HttpResponse.json({
            backups: [{ id: 'b-1' }],
            links: [{ rel: 'next', href: `${DB}/backups?limit=5&marker=b-1` }],
          });
        }
        return HttpResponse.json({
          backups: [],
          links: [{ rel: 'next', href: `${DB}/backups?limit=5&marker=b-9` }],
        });
      }),
    );
    const list = paginateByLinks<Row, string>({
      client: trove(cloud),
      path: 'backups',
      key: 'backups',
      limit: 5,
      map: asId,
    });
    expect(await toArray(list)).toEqual(['b-1']);
    expect(sentTo(DB).map((r) => r.url.search)).toEqual(['?limit=5', '?limit=5&marker=b-1']);
  });

  it('yields nothing for an empty listing or an empty body', async () => {
    cloud.use(
      http.get(`${DB}/configurations`, () => HttpResponse.json({ configurations: [], links: [] })),
      http.get(`${DB}/flavors`, () => new HttpResponse(null, { status: 200 })),
    );
    const client = trove(cloud);
    const conf = paginateByLinks<Row, string>({
      client,
      path: 'configurations',
      key: 'configurations',
      map: asId,
    });
    const flavors = paginateByLinks<Row, string>({ client, path: 'flavors', key: 'flavors', map: asId });
    expect(await toArray(conf)).toEqual([]);
    expect(await toArray(flavors)).toEqual([]);
    expect(sentTo(DB)).toHaveLength(2);
  });

  it('is lazy, passes the request options on and names the resource in a 404', async () => {
    let seen: string | null = null;
    cloud.use(
      http.get(`${DB}/instances/gone/databases`, ({ request }) => {
        seen = request.headers.get('x-trace');
        return faultResponse(404, 'itemNotFound', 'Instance gone could not be found.');
      }),
    );
    const list = paginateByLinks<Row, string>({
      client: trove(cloud),
      path: 'instances/gone/databases',
      key: 'databases',
      map: asId,
      resource: 'database instance "gone"',
      options: { headers: { 'x-trace': 't-1' } },
    });
    expect(sentTo(DB)).toHaveLength(0);
    const err = await toArray(list).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toContain('database instance "gone"');
    expect(seen).toBe('t-1');
  });
});

describe('singlePage', () => {
  it('fetches once per iteration, lazily, and yields the whole list as one page', async () => {
    let calls = 0;
    const list = singlePage(async () => {
      calls++;
      return ['a', 'b'];
    });
    expect(calls).toBe(0);
    const pages: string[][] = [];
    for await (const page of list.byPage()) pages.push(page);
    expect(pages).toEqual([['a', 'b']]);
    expect(await toArray(list)).toEqual(['a', 'b']);
    expect(calls).toBe(2);
  });
});

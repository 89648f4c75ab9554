import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { type ItemPage, ValidationError } from '../src/index.js';
import { createServiceClient, type PageCursor, paginate, paginateByLinks } from '../src/service.js';

const rows = Array.from({ length: 7 }, (_, i) => `item-${i}`);
const byMarker = (calls: PageCursor[]) => async (c: PageCursor) => {
  calls.push(c);
  const start = c.marker ? rows.indexOf(c.marker) + 1 : 0;
  const items = rows.slice(start, start + (c.limit ?? 1000));
  return { items, nextMarker: items.at(-1) };
};

async function firstPage<T>(it: AsyncIterable<ItemPage<T>>): Promise<ItemPage<T>> {
  for await (const page of it) return page;
  throw new Error('no page');
}

describe('byPage() continuation tokens', () => {
  it('every page but the last carries a token that resumes right after it', async () => {
    const calls: PageCursor[] = [];
    const list = paginate({ fetchPage: byMarker(calls) });
    const tokens: (string | undefined)[] = [];
    for await (const page of list.byPage({ limit: 3 })) tokens.push(page.continuationToken);
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toEqual(expect.any(String));
    expect(tokens[1]).toEqual(expect.any(String));
    expect(tokens[2]).toBeUndefined();

    // a fresh iterable, as in another process: resume after the first page
    const resumed: string[][] = [];
    for await (const page of paginate({ fetchPage: byMarker(calls) }).byPage({
      limit: 3,
      continuationToken: tokens[0],
    })) {
      resumed.push([...page]);
    }
    expect(resumed).toEqual([rows.slice(3, 6), rows.slice(6)]);
  });

  it('the token is not an enumerable part of the page', async () => {
    const page = await firstPage(paginate({ fetchPage: byMarker([]) }).byPage({ limit: 2 }));
    expect(Object.keys(page)).toEqual(['0', '1']);
    expect(JSON.stringify(page)).toBe(JSON.stringify(rows.slice(0, 2)));
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['a string', '10'],
  ])('rejects a %s limit before any request', (_what, limit) => {
    const calls: PageCursor[] = [];
    const list = paginate({ fetchPage: byMarker(calls) });
    expect(() => list.byPage({ limit: limit as number })).toThrow(ValidationError);
    expect(calls).toHaveLength(0);
  });

  it.each([['garbage'], ['c1.not-base64-json'], [`c1.${Buffer.from('{"x":1}').toString('base64url')}`]])(
    'rejects a token it did not issue (%s) before any request',
    (token) => {
      const calls: PageCursor[] = [];
      const list = paginate({ fetchPage: byMarker(calls) });
      let error: unknown;
      try {
        list.byPage({ continuationToken: token });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('continuationToken');
      expect(calls).toHaveLength(0);
    },
  );
});

describe('byPage() continuation tokens over next links', () => {
  const cloud = setupMockCloud();
  const NOVA = mockEndpoints('RegionOne').compute;
  const ids = ['s-1', 's-2', 's-3', 's-4', 's-5'];

  it('resumes a links-paged list from the token of its first page, sending the link query', async () => {
    cloud.use(
      http.get(`${NOVA}/servers`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const marker = q.get('marker');
        const start = marker ? ids.indexOf(marker) + 1 : 0;
        const page = ids.slice(start, start + 2);
        const last = start + 2 >= ids.length;
        return HttpResponse.json({
          servers: page.map((id) => ({ id })),
          ...(last
            ? {}
            : {
                servers_links: [
                  { rel: 'next', href: `${NOVA}/servers?limit=2&status=ACTIVE&marker=${page.at(-1)}` },
                ],
              }),
        });
      }),
    );
    const list = () =>
      paginateByLinks<{ id: string }, string>({
        client: createServiceClient(cloud.session(), { type: 'compute' }),
        path: 'servers',
        key: 'servers',
        linksKey: 'servers_links',
        query: { status: 'ACTIVE' },
        limit: 2,
        map: (w) => w.id,
      });
    const first = await firstPage(list().byPage());
    expect([...first]).toEqual(['s-1', 's-2']);
    expect(first.continuationToken).toEqual(expect.any(String));

    const before = cloud.requests.length;
    const rest: string[] = [];
    for await (const page of list().byPage({ continuationToken: first.continuationToken }))
      rest.push(...page);
    expect(rest).toEqual(['s-3', 's-4', 's-5']);
    const sent = cloud.requests.slice(before).filter((r) => r.url.href.startsWith(`${NOVA}/servers`));
    expect(sent[0]?.url.searchParams.get('marker')).toBe('s-2');
    expect(sent[0]?.url.searchParams.get('status')).toBe('ACTIVE');
  });
});

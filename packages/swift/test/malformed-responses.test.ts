import { InvalidResponseError, toArray } from '@cloud/core';
import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  bulkDelete,
  createContainer,
  deleteContainer,
  deleteLargeObject,
  extractArchive,
  getStaticLargeObjectManifest,
  getSwiftInfo,
  listCdnContainers,
  listContainers,
  listObjects,
  type SwiftClient,
  uploadObject,
} from '../src/index.js';
import { setupSwift } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const endpoints = mockEndpoints('RegionOne');

const json = { 'content-type': 'application/json; charset=utf-8' };
/** Bodies a broken or hostile server may send where JSON is expected, with one of wrong types. */
const bodies = (wrongTypes: string): [string, () => Response][] => [
  [
    'HTML',
    () =>
      new HttpResponse('<html><body>502 Bad Gateway</body></html>', {
        headers: { 'content-type': 'text/html' },
      }),
  ],
  ['truncated JSON', () => new HttpResponse('[{"name": "a", "cou', { headers: json })],
  ['null', () => new HttpResponse('null', { headers: json })],
  ['{}', () => new HttpResponse('{}', { headers: json })],
  ['wrong types', () => new HttpResponse(wrongTypes, { headers: json })],
];

interface Case {
  op: string;
  /** Wrong field types for this operation's wire shape. */
  wrongTypes: string;
  /** Serves `reply` where the operation reads its body; the rest is the fake Swift. */
  serve(reply: () => Response): void;
  run(swift: SwiftClient): Promise<unknown>;
}

const onStorage =
  (match: (req: Request, t: { container?: string; object?: string }) => boolean) => (reply: () => Response) =>
    fake.intercept((req, t) => (match(req, t) ? reply() : undefined));
const isGet = (req: Request) => req.method === 'GET';

const cases: Case[] = [
  {
    op: 'listContainers',
    wrongTypes: '[{"name": "a", "count": "3", "bytes": 1}]',
    serve: onStorage((req, t) => isGet(req) && t.container === undefined),
    run: (swift) => toArray(listContainers(swift)),
  },
  {
    op: 'listObjects',
    wrongTypes: '[{"name": "a", "hash": 5, "bytes": 1, "content_type": "x"}]',
    serve: onStorage((req, t) => isGet(req) && t.container === 'c' && !t.object),
    run: (swift) => toArray(listObjects(swift, 'c')),
  },
  {
    op: 'deleteContainer (force)',
    wrongTypes: '[{"name": 42}]',
    serve: onStorage((req, t) => isGet(req) && t.container === 'c' && !t.object),
    run: (swift) => deleteContainer(swift, 'c', { force: true }),
  },
  {
    op: 'getSwiftInfo',
    wrongTypes: '{"swift": {"version": 2, "policies": "gold"}}',
    serve: (reply) => cloud.use(http.get(`${new URL(endpoints.objectStore).origin}/info`, reply)),
    run: (swift) => getSwiftInfo(swift),
  },
  {
    op: 'getStaticLargeObjectManifest',
    wrongTypes: '[{"name": "/s/a", "hash": "x", "bytes": "10"}]',
    serve: onStorage((req, t) => isGet(req) && t.object === 'slo'),
    run: (swift) => getStaticLargeObjectManifest(swift, 'c', 'slo'),
  },
  {
    op: 'deleteLargeObject (SLO)',
    wrongTypes: '{"Response Status": 200, "Errors": "none"}',
    serve: onStorage((req, t) => req.method === 'DELETE' && t.object === 'slo'),
    run: (swift) => deleteLargeObject(swift, 'c', 'slo'),
  },
  {
    op: 'deleteLargeObject (DLO)',
    wrongTypes: '[{"name": null}]',
    serve: onStorage((req, t) => isGet(req) && t.container === 'seg' && !t.object),
    run: (swift) => deleteLargeObject(swift, 'c', 'dlo'),
  },
  {
    op: 'bulkDelete',
    wrongTypes: '{"Response Status": "200 OK", "Number Deleted": "1"}',
    serve: onStorage((req) => req.method === 'POST' && new URL(req.url).search.includes('bulk-delete')),
    run: (swift) => bulkDelete(swift, [{ container: 'c', name: 'a' }], { chunkSize: 10 }),
  },
  {
    op: 'extractArchive',
    wrongTypes: '{"Response Status": "201 Created", "Errors": [[1, 2]]}',
    serve: onStorage((req) => req.method === 'PUT' && new URL(req.url).search.includes('extract-archive')),
    run: (swift) => extractArchive(swift, Buffer.alloc(10), { format: 'tar' }),
  },
  {
    op: 'listCdnContainers',
    wrongTypes: '[{"name": "site", "ttl": "3600"}]',
    serve: (reply) => cloud.use(http.get(endpoints.cdn, reply)),
    run: (swift) => toArray(listCdnContainers(swift)),
  },
];

/** An SLO and a DLO for the operations that first read one. */
async function seed(swift: SwiftClient) {
  await createContainer(swift, 'c');
  await createContainer(swift, 'seg');
  await uploadObject(swift, 'seg', 'part-1', 'data');
  await uploadObject(swift, 'c', 'slo', 'ab'.repeat(600_000), {
    largeObject: true,
    segmentSize: 1024 * 1024,
  });
  await uploadObject(swift, 'c', 'dlo', '');
  fake.containers.get('c')!.objects.get('dlo')!.headers['x-object-manifest'] = 'seg/part-';
}

describe('malformed responses become InvalidResponseError', () => {
  for (const c of cases) {
    it(`${c.op}: HTML, truncated JSON, null, {} and wrong types`, async () => {
      for (const [label, reply] of bodies(c.wrongTypes)) {
        fake.reset();
        const swift = client();
        await seed(swift);
        const marked = () => {
          const r = reply();
          r.headers.set('x-static-large-object', 'True');
          r.headers.set('x-trans-id', 'tx-malformed');
          return r;
        };
        c.serve(marked);
        const err = await c.run(swift).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect([label, err]).toEqual([label, expect.any(InvalidResponseError)]);
        const e = err as InvalidResponseError;
        expect(e.code).toBe('INVALID_RESPONSE');
        expect(e.message).not.toMatch(/TypeError|SyntaxError/);
      }
    });
  }
});

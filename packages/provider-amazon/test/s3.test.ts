import {
  AuthenticationError,
  ConflictError,
  ForbiddenError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '@cloud/core';
import { UnsupportedOperationError } from '@cloud/providers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { amazonStorage } from '../src/storage/index.js';

const ENDPOINT = 'https://s3.mock.test';
const server = setupServer();
const requests: string[] = [];
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());
server.events.on('request:start', ({ request }) => {
  requests.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
});

const storage = () =>
  amazonStorage({
    region: 'us-east-1',
    endpoint: ENDPOINT,
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
  });

const s3Error = (status: number, code: string) =>
  new HttpResponse(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} happened</Message><RequestId>req-1</RequestId></Error>`,
    { status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'req-1' } },
  );

describe('S3 errors become typed errors with the AWS error as cause', () => {
  const cases: [number, string, new (...args: never[]) => Error][] = [
    [404, 'NoSuchKey', NotFoundError],
    [403, 'AccessDenied', ForbiddenError],
    [403, 'InvalidAccessKeyId', AuthenticationError],
    [403, 'SignatureDoesNotMatch', AuthenticationError],
    [503, 'SlowDown', RateLimitError],
    [409, 'BucketNotEmpty', ConflictError],
  ];
  for (const [status, code, cls] of cases) {
    it(`${status} ${code} → ${cls.name}`, async () => {
      server.use(http.get(`${ENDPOINT}/my-bucket/a.txt`, () => s3Error(status, code)));
      const error = await storage()
        .download({ container: 'my-bucket', remote: 'a.txt' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect((error as Error).cause).toMatchObject({ name: code });
      expect((error as Error).message).toContain('s3://my-bucket/a.txt');
      expect((error as Error).message).not.toContain('not-a-real-secret');
    });
  }

  it('a HEAD 404 (no body) is NotFoundError', async () => {
    server.use(http.head(`${ENDPOINT}/my-bucket/missing.txt`, () => new HttpResponse(null, { status: 404 })));
    await expect(storage().getFile('my-bucket', 'missing.txt')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a refused connection is NetworkError', async () => {
    const s = amazonStorage({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    server.use(http.all('http://127.0.0.1:9/*', () => HttpResponse.error()));
    await expect(s.getFile('my-bucket', 'x')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('bad responses', () => {
  it('an HTML page where the listing XML belongs is InvalidResponseError', async () => {
    server.use(
      http.get(`${ENDPOINT}/my-bucket`, () =>
        HttpResponse.html('<html><body>Proxy login</body></html>', { status: 200 }),
      ),
    );
    await expect(storage().getFiles('my-bucket')).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('truncated listing XML is InvalidResponseError', async () => {
    server.use(
      http.get(
        `${ENDPOINT}/my-bucket`,
        () =>
          new HttpResponse('<?xml version="1.0"?><ListBucketResult><Contents><Key>a', {
            headers: { 'content-type': 'application/xml' },
          }),
      ),
    );
    await expect(storage().getFiles('my-bucket')).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('neutral behaviour on S3', () => {
  it('createContainer succeeds when the bucket is already ours', async () => {
    server.use(http.put(`${ENDPOINT}/my-bucket`, () => s3Error(409, 'BucketAlreadyOwnedByYou')));
    await expect(storage().createContainer('my-bucket')).resolves.toEqual({
      provider: 'amazon',
      name: 'my-bucket',
      count: 0,
      bytes: 0,
    });
  });

  it('createContainer fails with ConflictError when someone else owns the name', async () => {
    server.use(http.put(`${ENDPOINT}/my-bucket`, () => s3Error(409, 'BucketAlreadyExists')));
    await expect(storage().createContainer('my-bucket')).rejects.toBeInstanceOf(ConflictError);
  });

  it('removeFile of a missing key is NotFoundError and sends no DELETE', async () => {
    server.use(http.head(`${ENDPOINT}/my-bucket/gone`, () => new HttpResponse(null, { status: 404 })));
    await expect(storage().removeFile('my-bucket', 'gone')).rejects.toBeInstanceOf(NotFoundError);
    expect(requests).toEqual(['HEAD /my-bucket/gone']);
  });

  it('counts container totals over every page of the listing', async () => {
    server.use(
      http.head(`${ENDPOINT}/my-bucket`, () => new HttpResponse(null, { status: 200 })),
      http.get(`${ENDPOINT}/my-bucket`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('continuation-token');
        const body = token
          ? '<ListBucketResult><Name>my-bucket</Name><IsTruncated>false</IsTruncated><Contents><Key>c</Key><Size>30</Size></Contents></ListBucketResult>'
          : '<ListBucketResult><Name>my-bucket</Name><IsTruncated>true</IsTruncated><NextContinuationToken>t2</NextContinuationToken><Contents><Key>a</Key><Size>10</Size></Contents><Contents><Key>b</Key><Size>20</Size></Contents></ListBucketResult>';
        return new HttpResponse(`<?xml version="1.0"?>${body}`, {
          headers: { 'content-type': 'application/xml' },
        });
      }),
    );
    expect(await storage().getContainer('my-bucket')).toEqual({
      provider: 'amazon',
      name: 'my-bucket',
      count: 3,
      bytes: 60,
    });
    expect(requests.filter((r) => r.startsWith('GET'))).toHaveLength(2);
  });
});

describe('bad input is refused before any request', () => {
  const cases: [string, () => Promise<unknown>, string][] = [
    ['an empty container', () => storage().getContainer(''), 'container'],
    ['an invalid bucket name', () => storage().createContainer('Not_Valid'), 'container'],
    ['a two-letter bucket name', () => storage().getFiles('b1'), 'container'],
    ['an upload without source', () => storage().upload({ container: 'my-bucket', remote: 'x' }), 'stream'],
    [
      'an upload with two sources',
      () => storage().upload({ container: 'my-bucket', remote: 'x', buffer: 'a', file: '/tmp/a' }),
      'stream',
    ],
    ['an empty remote', () => storage().getFile('my-bucket', ''), 'remote'],
    ['a zero limit', () => storage().getFiles('my-bucket', { limit: 0 }), 'limit'],
    [
      'an 8-day temporary URL',
      () => storage().temporaryUrl('my-bucket', 'a', { expiresIn: 8 * 86_400 }),
      'expiresIn',
    ],
  ];
  for (const [what, call, field] of cases) {
    it(what, async () => {
      await expect(call()).rejects.toMatchObject({ name: 'ValidationError', field });
      expect(requests).toEqual([]);
    });
  }

  it('a part size under 5 MiB', () => {
    expect(() => amazonStorage({ partSize: 1024 })).toThrow(ValidationError);
  });
});

describe('container metadata as bucket tags', () => {
  const tagging = (tags: Record<string, string>) =>
    new HttpResponse(
      `<?xml version="1.0" encoding="UTF-8"?><Tagging><TagSet>${Object.entries(tags)
        .map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`)
        .join('')}</TagSet></Tagging>`,
      { headers: { 'content-type': 'application/xml' } },
    );

  it('reads a bucket without tags (NoSuchTagSet) as no metadata, not a missing container', async () => {
    server.use(
      http.head(`${ENDPOINT}/my-bucket`, () => new HttpResponse(null, { status: 200 })),
      http.get(`${ENDPOINT}/my-bucket`, () => s3Error(404, 'NoSuchTagSet')),
    );
    expect(await storage().getContainerMetadata('my-bucket')).toEqual({});
  });

  it('still reports a missing bucket as NotFoundError', async () => {
    server.use(http.head(`${ENDPOINT}/gone-bucket`, () => new HttpResponse(null, { status: 404 })));
    await expect(storage().getContainerMetadata('gone-bucket')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('merges new keys into the existing tags, as tagging replaces the whole set', async () => {
    let sent = '';
    server.use(
      http.get(`${ENDPOINT}/my-bucket`, () => tagging({ owner: 'ana', purpose: 'old' })),
      http.put(`${ENDPOINT}/my-bucket`, async ({ request }) => {
        sent = await request.text();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await storage().setContainerMetadata('my-bucket', { purpose: 'new' });
    const tags = [...sent.matchAll(/<Key>([^<]*)<\/Key><Value>([^<]*)<\/Value>/g)].map((m) => [m[1], m[2]]);
    expect(Object.fromEntries(tags)).toEqual({ owner: 'ana', purpose: 'new' });
  });

  it('with containerMetadata: false, refuses metadata calls before any request', async () => {
    const s = amazonStorage({
      region: 'us-east-1',
      endpoint: ENDPOINT,
      forcePathStyle: true,
      containerMetadata: false,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
    });
    expect(s.capabilities.containerMetadata).toBe(false);
    await expect(s.createContainer({ name: 'my-bucket', metadata: { a: 'b' } })).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    await expect(s.getContainerMetadata('my-bucket')).rejects.toMatchObject({
      provider: 'amazon',
      operation: 'getContainerMetadata',
    });
    await expect(s.setContainerMetadata('my-bucket', { a: 'b' })).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    expect(requests).toEqual([]);
  });
});

describe('copy', () => {
  it('copies on the server with the source key URL-encoded except its slashes', async () => {
    let source = '';
    server.use(
      http.put(`${ENDPOINT}/dst-bucket/b/copy.txt`, ({ request }) => {
        source = request.headers.get('x-amz-copy-source') ?? '';
        return new HttpResponse(
          '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><ETag>"abc"</ETag><LastModified>2026-01-01T00:00:00.000Z</LastModified></CopyObjectResult>',
          { headers: { 'content-type': 'application/xml' } },
        );
      }),
      http.head(
        `${ENDPOINT}/dst-bucket/b/copy.txt`,
        () =>
          new HttpResponse(null, {
            headers: {
              'content-length': '5',
              etag: '"abc"',
              'content-type': 'text/plain',
              'x-amz-meta-k': 'v',
            },
          }),
      ),
    );
    const copied = await storage().copy({
      from: { container: 'src-bucket', remote: 'dir/a b+c.txt' },
      to: { container: 'dst-bucket', remote: 'b/copy.txt' },
    });
    expect(source).toBe('src-bucket/dir/a%20b%2Bc.txt');
    expect(copied).toMatchObject({
      container: 'dst-bucket',
      name: 'b/copy.txt',
      size: 5,
      metadata: { k: 'v' },
    });
  });

  it('refuses a bad copy or temporary URL before any request', async () => {
    const s = storage();
    await expect(
      s.copy({ from: { container: 'src-bucket', remote: '' }, to: { container: 'dst-bucket', remote: 'x' } }),
    ).rejects.toMatchObject({ field: 'from.remote' });
    await expect(
      s.copy({
        from: { container: 'src-bucket', remote: 'x' },
        to: { container: 'Bad_Bucket', remote: 'x' },
      }),
    ).rejects.toMatchObject({ field: 'container' });
    await expect(s.temporaryUrl('my-bucket', 'x', { expiresIn: 604_801 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(s.temporaryUrl('my-bucket', 'x', { method: 'DELETE' as 'GET' })).rejects.toMatchObject({
      field: 'method',
    });
    expect(requests).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  HttpError,
  IntegrityError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  ValidationError,
} from '@cloud/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { azureStorage } from '../src/storage/index.js';

const ACCOUNT = 'mockacct';
const URL_ = `https://${ACCOUNT}.blob.core.windows.net`;
// A made-up key: 64 bytes of 0x2a, base64.
const KEY = Buffer.alloc(64, 0x2a).toString('base64');
const SAS = 'sv=2026-10-06&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=SECRETSASSIGNATURE0123456789';

const server = setupServer();
const requests: string[] = [];
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());
server.events.on('request:start', ({ request }) => {
  const u = new URL(request.url);
  requests.push(`${request.method} ${u.pathname}${u.search}`);
});

const storage = (extra: object = {}) =>
  azureStorage({ accountName: ACCOUNT, accountKey: KEY, maxTries: 1, ...extra });

const azureError = (
  status: number,
  code: string,
  message = `${code} happened`,
  headers: Record<string, string> = {},
) =>
  new HttpResponse(
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:req-1\nTime:2026-12-03T10:00:00Z</Message></Error>`,
    {
      status,
      headers: {
        'content-type': 'application/xml',
        'x-ms-error-code': code,
        'x-ms-request-id': 'req-1',
        ...headers,
      },
    },
  );

const md5b64 = (text: string) => createHash('md5').update(text).digest('base64');
const blobXml = (name: string, body: string) =>
  `<Blob><Name>${name}</Name><Properties><Last-Modified>Thu, 03 Dec 2026 10:00:00 GMT</Last-Modified><Etag>0x8DE</Etag><Content-Length>${body.length}</Content-Length><Content-Type>text/plain</Content-Type><Content-MD5>${md5b64(body)}</Content-MD5><BlobType>BlockBlob</BlobType></Properties></Blob>`;
const listing = (blobs: string[], next = '') =>
  new HttpResponse(
    `<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="${URL_}/" ContainerName="box"><Blobs>${blobs.join('')}</Blobs><NextMarker>${next}</NextMarker></EnumerationResults>`,
    { headers: { 'content-type': 'application/xml' } },
  );

describe('Azure errors become typed errors with the RestError as cause', () => {
  const cases: [number, string, new (...args: never[]) => Error][] = [
    [404, 'BlobNotFound', NotFoundError],
    [404, 'ContainerNotFound', NotFoundError],
    [403, 'AuthenticationFailed', AuthenticationError],
    [403, 'AuthorizationPermissionMismatch', ForbiddenError],
    [409, 'ContainerBeingDeleted', ConflictError],
    [412, 'ConditionNotMet', PreconditionFailedError],
    [503, 'ServerBusy', RateLimitError],
    [503, 'ServiceUnavailable', ServiceUnavailableError],
    [400, 'InvalidHeaderValue', BadRequestError],
    [500, 'InternalError', HttpError],
  ];
  for (const [status, code, cls] of cases) {
    it(`${status} ${code} → ${cls.name}`, async () => {
      server.use(http.get(`${URL_}/box/a.txt`, () => azureError(status, code)));
      const error = await storage()
        .download({ container: 'box', remote: 'a.txt' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect((error as Error).cause).toMatchObject({ name: 'RestError', statusCode: status });
      expect((error as Error).message).toContain(`GET ${URL_}/box/a.txt: ${code}`);
      if (error instanceof HttpError) expect([error.status, error.requestId]).toEqual([status, 'req-1']);
    });
  }

  it('ServerBusy carries Retry-After as retryAfterMs', async () => {
    server.use(
      http.head(`${URL_}/box/a.txt`, () => azureError(503, 'ServerBusy', 'busy', { 'retry-after': '7' })),
    );
    const error = (await storage()
      .getFile('box', 'a.txt')
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('a HEAD 404 (no body, code in x-ms-error-code) is NotFoundError', async () => {
    server.use(
      http.head(
        `${URL_}/box/missing.txt`,
        () => new HttpResponse(null, { status: 404, headers: { 'x-ms-error-code': 'BlobNotFound' } }),
      ),
    );
    await expect(storage().getFile('box', 'missing.txt')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a refused connection is NetworkError', async () => {
    server.use(http.all(`${URL_}/*`, () => HttpResponse.error()));
    await expect(storage().getContainer('box')).rejects.toBeInstanceOf(NetworkError);
  });

  it('timeoutMs bounds the call: a stalled answer is TimeoutError', async () => {
    server.use(
      http.head(`${URL_}/box/slow.txt`, async () => {
        await delay(5000);
        return new HttpResponse(null, { status: 200 });
      }),
    );
    await expect(storage().getFile('box', 'slow.txt', { timeoutMs: 50 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  it('creating a container that exists is not an error', async () => {
    server.use(
      http.put(`${URL_}/box`, () => azureError(409, 'ContainerAlreadyExists')),
      http.head(
        `${URL_}/box`,
        () => new HttpResponse(null, { status: 200, headers: { 'x-ms-meta-owner': 'ops' } }),
      ),
      http.get(`${URL_}/box`, () => listing([])),
    );
    await expect(storage().createContainer('box')).resolves.toMatchObject({ name: 'box', provider: 'azure' });
  });
});

describe('bad responses become InvalidResponseError', () => {
  it('an HTML page where a listing was expected', async () => {
    server.use(
      http.get(
        `${URL_}/box`,
        () =>
          new HttpResponse('<html><body>captive portal</body></html>', {
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    const error = await storage()
      .getFiles('box')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('truncated XML in a container listing', async () => {
    server.use(
      http.get(
        `${URL_}/`,
        () =>
          new HttpResponse('<?xml version="1.0"?><EnumerationResults><Containers><Container><Na', {
            headers: { 'content-type': 'application/xml' },
          }),
      ),
    );
    await expect(storage().getContainers()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('a body whose MD5 differs from the blob Content-MD5 fails the download', async () => {
    server.use(
      http.get(
        `${URL_}/box/a.txt`,
        () =>
          new HttpResponse('tampered', {
            headers: {
              'content-length': '8',
              'content-md5': md5b64('original'),
              'content-type': 'text/plain',
              etag: '"0x8DE"',
            },
          }),
      ),
    );
    const chunks: Buffer[] = [];
    const sink = new (await import('node:stream')).Writable({
      write(c, _e, done) {
        chunks.push(c);
        done();
      },
    });
    const e = await storage()
      .download({ container: 'box', remote: 'a.txt', stream: sink })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IntegrityError);
  });

  it('a download answer without the ETag every blob has', async () => {
    server.use(
      http.get(`${URL_}/box/a.txt`, () => new HttpResponse('abc', { headers: { 'content-length': '3' } })),
    );
    await expect(storage().download({ container: 'box', remote: 'a.txt' })).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });
});

describe('listing', () => {
  it('follows NextMarker across pages, sends the prefix, and stops at the limit', async () => {
    server.use(
      http.get(`${URL_}/box`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        expect(q.get('prefix')).toBe('a/');
        if (!q.get('marker')) return listing([blobXml('a/1.txt', 'one'), blobXml('a/2.txt', 'two')], 'm2');
        if (q.get('marker') === 'm2') return listing([blobXml('a/3.txt', 'three')], 'm3');
        return listing([blobXml('a/4.txt', 'four')]);
      }),
    );
    const files = await storage().getFiles('box', { prefix: 'a/', limit: 3 });
    expect(files.map((f) => [f.name, f.size, f.etag])).toEqual([
      ['a/1.txt', 3, createHash('md5').update('one').digest('hex')],
      ['a/2.txt', 3, createHash('md5').update('two').digest('hex')],
      ['a/3.txt', 5, createHash('md5').update('three').digest('hex')],
    ]);
    expect(requests.filter((r) => r.startsWith('GET /box'))).toHaveLength(2);
    const all = await storage().getFiles('box', { prefix: 'a/' });
    expect(all.map((f) => f.name)).toEqual(['a/1.txt', 'a/2.txt', 'a/3.txt', 'a/4.txt']);
  });
});

describe('uploads', () => {
  it('a stream shorter than the size given fails with IntegrityError before the block list is committed', async () => {
    server.use(http.put(`${URL_}/box/short.bin`, () => new HttpResponse(null, { status: 201 })));
    const error = await storage()
      .upload({ container: 'box', remote: 'short.bin', stream: Readable.from([Buffer.alloc(10)]), size: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(requests.some((r) => r.includes('comp=blocklist'))).toBe(false);
  });

  it('a stored MD5 that differs from what was sent is IntegrityError', async () => {
    server.use(
      http.put(
        `${URL_}/box/a.txt`,
        () =>
          new HttpResponse(null, { status: 201, headers: { etag: '"0x1"', 'content-md5': md5b64('abc') } }),
      ),
      http.head(
        `${URL_}/box/a.txt`,
        () =>
          new HttpResponse(null, {
            status: 200,
            headers: { 'content-length': '3', 'content-md5': md5b64('xyz'), etag: '"0x1"' },
          }),
      ),
    );
    await expect(
      storage().upload({ container: 'box', remote: 'a.txt', buffer: 'abc' }),
    ).rejects.toBeInstanceOf(IntegrityError);
  });
});

describe('bad input is refused before any request', () => {
  const cases: [string, () => Promise<unknown>, string][] = [
    ['an empty container', () => storage().getContainer(''), 'container'],
    ['an upper-case container', () => storage().getContainer('Box'), 'container'],
    ['a container with "--"', () => storage().getContainer('a--b'), 'container'],
    ['a two-letter container', () => storage().createContainer('ab'), 'container'],
    ['an empty remote', () => storage().getFile('box', ''), 'remote'],
    [
      'two sources',
      () => storage().upload({ container: 'box', remote: 'x', buffer: 'a', file: '/x' }),
      'stream',
    ],
    ['no source', () => storage().upload({ container: 'box', remote: 'x' }), 'stream'],
    [
      'a negative size',
      () => storage().upload({ container: 'box', remote: 'x', buffer: 'a', size: -1 }),
      'size',
    ],
    [
      'a metadata name with a dash',
      () => storage().upload({ container: 'box', remote: 'x', buffer: 'a', metadata: { 'my-key': 'v' } }),
      'metadata',
    ],
    ['a zero limit', () => storage().getFiles('box', { limit: 0 }), 'limit'],
    [
      'stream and file',
      () => storage().download({ container: 'box', remote: 'x', file: '/a', stream: process.stdout }),
      'stream',
    ],
    ['an expiry over 7 days', () => storage().temporaryUrl('box', 'x', { expiresIn: 604_801 }), 'expiresIn'],
    ['a non-positive timeout', () => storage().getContainer('box', { timeoutMs: 0 }), 'timeoutMs'],
    [
      'a copy without target',
      () => storage().copy({ from: { container: 'box', remote: 'x' }, to: undefined as never }),
      'to',
    ],
    [
      'a missing file to upload',
      () => storage().upload({ container: 'box', remote: 'x', file: '/nonexistent/f' }),
      'file',
    ],
  ];
  for (const [what, call, field] of cases) {
    it(`${what} → ValidationError(${field})`, async () => {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect(requests).toEqual([]);
    });
  }

  const options: [string, object, string][] = [
    ['no credentials', { accountName: ACCOUNT }, 'credentials'],
    ['two ways to sign in', { accountName: ACCOUNT, accountKey: KEY, sasToken: SAS }, 'credentials'],
    ['a key that is not base64', { accountName: ACCOUNT, accountKey: 'not base64!' }, 'accountKey'],
    ['a key without account', { accountKey: KEY }, 'accountName'],
    ['an upper-case account', { accountName: 'MyAcct', accountKey: KEY }, 'accountName'],
    ['a SAS without account or url', { sasToken: SAS }, 'url'],
    ['a bad connection string', { connectionString: 'AccountKey=abc' }, 'connectionString'],
    ['a zero block size', { accountName: ACCOUNT, accountKey: KEY, blockSize: 0 }, 'blockSize'],
  ];
  for (const [what, o, field] of options) {
    it(`options with ${what} → ValidationError(${field})`, () => {
      let error: unknown;
      try {
        azureStorage(o as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect(String((error as Error).message)).not.toContain('not base64!');
    });
  }

  it('a client signed in with a SAS token cannot sign URLs', async () => {
    const s = azureStorage({ accountName: ACCOUNT, sasToken: SAS });
    const error = await s.temporaryUrl('box', 'a.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('credential');
  });
});

describe('secrets stay out of errors and inspect', () => {
  const SIGNATURE = 'c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw==';
  it('a refused signature: neither the signature the service quotes nor the key appears', async () => {
    server.use(
      http.get(
        `${URL_}/box/a.txt`,
        () =>
          new HttpResponse(
            `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.\nRequestId:req-1</Message><AuthenticationErrorDetail>The MAC signature found in the HTTP request '${SIGNATURE}' is not the same as any computed signature.</AuthenticationErrorDetail></Error>`,
            {
              status: 403,
              headers: { 'content-type': 'application/xml', 'x-ms-error-code': 'AuthenticationFailed' },
            },
          ),
      ),
    );
    const error = await storage()
      .download({ container: 'box', remote: 'a.txt' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const shown = `${inspect(error, { depth: 20 })} ${JSON.stringify(error)} ${(error as Error).message}`;
    expect(shown).not.toContain(SIGNATURE);
    expect(shown).not.toContain(KEY);
    expect(shown).not.toMatch(/SharedKey mockacct:[A-Za-z0-9+/]/);
  });

  it('a client signed in with a SAS: the signature is in no error', async () => {
    server.use(http.head(`${URL_}/box/a.txt`, () => azureError(404, 'BlobNotFound')));
    const s = azureStorage({ accountName: ACCOUNT, sasToken: SAS, maxTries: 1 });
    const error = await s.getFile('box', 'a.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(requests[0]).toContain('sig=SECRETSASSIGNATURE');
    const shown = `${inspect(error, { depth: 20 })} ${(error as NotFoundError).url} ${(error as Error).message}`;
    expect(shown).not.toContain('SECRETSASSIGNATURE');
  });

  it('inspect of the storage client, and of the Azure client it holds, shows no key', () => {
    const s = storage();
    const keyBytes = inspect(Buffer.alloc(8, 0x2a)).slice(8, -1).trim(); // "2a 2a 2a ..."
    for (const shown of [inspect(s, { depth: 10 }), inspect(s.client, { depth: 10 })]) {
      expect(shown).not.toContain(KEY);
      expect(shown).not.toContain(keyBytes);
    }
    expect(inspect(s)).toContain(`${URL_}`);
    const fromString = azureStorage({
      connectionString: `DefaultEndpointsProtocol=https;AccountName=${ACCOUNT};AccountKey=${KEY};EndpointSuffix=core.windows.net`,
    });
    expect(inspect(fromString.client, { depth: 10 })).not.toContain(keyBytes);
  });
});

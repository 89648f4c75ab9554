/**
 * What goes on the wire, checked against a loopback server: msw parses request URLs with WHATWG
 * rules, which collapse `.` and `..` segments, so raw paths are asserted here instead.
 */
import { describe, expect, it } from '@jest/globals';
import {
  bulkDelete,
  copyObject,
  downloadObjectToBuffer,
  getObjectMetadata,
  setObjectMetadata,
  uploadObject,
} from '../src/index.js';
import { type RawResponse, setupLoopback } from './fixtures/swift.js';

const server = setupLoopback((req): RawResponse => {
  if (req.method === 'GET')
    return { status: 200, headers: { etag: '202cb962ac59075b964b07152d234b70' }, body: '123' };
  if (req.method === 'HEAD') {
    return {
      status: 200,
      headers: { 'x-object-meta-note': Buffer.from('naïve ☃').toString('latin1'), 'content-length': '0' },
    };
  }
  if (req.method === 'POST' && req.rawPath.includes('bulk-delete')) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        'Response Status': '200 OK',
        'Number Deleted': 2,
        'Number Not Found': 0,
        Errors: [],
      }),
    };
  }
  return { status: 201, headers: { etag: '202cb962ac59075b964b07152d234b70' } };
});

describe('paths on the wire', () => {
  const cases: [string, string][] = [
    ['..', '/v1/AUTH_test/c/%2E%2E'],
    ['.', '/v1/AUTH_test/c/%2E'],
    ['a/../b', '/v1/AUTH_test/c/a/%2E%2E/b'],
    ['./x/.', '/v1/AUTH_test/c/%2E/x/%2E'],
    ['...', '/v1/AUTH_test/c/...'],
    ['100% done?#+', '/v1/AUTH_test/c/100%25%20done%3F%23%2B'],
    ['ünï/ファ', '/v1/AUTH_test/c/%C3%BCn%C3%AF/%E3%83%95%E3%82%A1'],
    ['//double', '/v1/AUTH_test/c///double'],
  ];

  it.each(cases)('sends object %j as %s', async (name, raw) => {
    server.seen.length = 0;
    await uploadObject(server.client(), 'c', name, '123');
    expect(server.seen[0]?.rawPath).toBe(raw);
    expect((await downloadObjectToBuffer(server.client(), 'c', name)).toString()).toBe('123');
    expect(server.seen[1]?.rawPath).toBe(raw);
  });

  it('encodes container names, copy sources and bulk delete lines the same way', async () => {
    server.seen.length = 0;
    const swift = server.client();
    await uploadObject(swift, 'a b', '..', '123');
    await copyObject(swift, 'a b', 'x/../y', 'a b', '..');
    await bulkDelete(swift, [{ container: 'a b', name: '..' }, { container: '%' }], { chunkSize: 10 });
    expect(server.seen[0]?.rawPath).toBe('/v1/AUTH_test/a%20b/%2E%2E');
    expect(server.seen[1]?.headers['x-copy-from']).toBe('/a%20b/x/%2E%2E/y');
    expect(server.seen[1]?.rawPath).toBe('/v1/AUTH_test/a%20b/%2E%2E');
    expect(server.seen[2]?.rawPath).toBe('/v1/AUTH_test?bulk-delete=true');
    expect(server.seen[2]?.body.toString()).toBe('/a%20b/%2E%2E\n/%25');
  });

  it('sends metadata values as UTF-8 bytes and reads them back', async () => {
    server.seen.length = 0;
    const swift = server.client();
    expect((await getObjectMetadata(swift, 'c', 'o')).metadata).toEqual({ note: 'naïve ☃' });
    await setObjectMetadata(swift, 'c', 'o', { emoji: '🚀' });
    const post = server.seen.find((r) => r.method === 'POST')!;
    expect(Buffer.from(String(post.headers['x-object-meta-emoji']), 'latin1').toString('utf8')).toBe('🚀');
    expect(Buffer.from(String(post.headers['x-object-meta-note']), 'latin1').toString('utf8')).toBe(
      'naïve ☃',
    );
  });
});

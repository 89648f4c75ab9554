import { MOCK_AUTH_URL, mockCatalogV3, mockEndpoints, setupMockCloud } from '@cloud/testing';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { run } from '../src/cli.js';

const cloud = setupMockCloud();

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

beforeEach(() => {
  Object.assign(process.env, {
    OS_AUTH_URL: MOCK_AUTH_URL,
    OS_USERNAME: 'demo',
    OS_PASSWORD: 'secret',
    OS_PROJECT_NAME: 'demo',
    OS_REGION_NAME: 'RegionOne',
  });
});
afterEach(() => {
  for (const k of ['OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD', 'OS_PROJECT_NAME', 'OS_REGION_NAME'])
    delete process.env[k];
});

describe('cloud CLI', () => {
  it('lists regions from the catalog', async () => {
    const c = capture();
    expect(await run(['regions'], c.io)).toBe(0);
    expect(c.out).toEqual(['REGION', 'RegionOne', 'RegionTwo']);
    expect(cloud.identity.tokenRequests).toBe(1);
  });

  it('resolves an endpoint for the region and interface given', async () => {
    const c = capture();
    expect(
      await run(['--region', 'RegionTwo', '--interface', 'internal', 'endpoint', 'object-store'], c.io),
    ).toBe(0);
    expect(c.out).toEqual([mockEndpoints('RegionTwo').objectStoreInternal]);
  });

  it('shows the scope as JSON without the token', async () => {
    const c = capture();
    expect(await run(['--json', 'auth'], c.io)).toBe(0);
    const [row] = JSON.parse(c.out.join('\n')) as Record<string, unknown>[];
    expect(row).toMatchObject({ identity: 'v3', project: 'demo', services: mockCatalogV3().length });
    expect(c.out.join('\n')).not.toMatch(/tok-/);
  });

  it('reports errors with their class and a non-zero exit code', async () => {
    const c = capture();
    process.env.OS_PASSWORD = 'wrong';
    expect(await run(['auth'], c.io)).toBe(1);
    expect(c.err[0]).toMatch(/^cloud auth: AuthenticationError: .*credentials were rejected/);
    expect(c.err.join('')).not.toContain('wrong');
  });

  it('rejects unknown commands and flags with exit code 2', async () => {
    const c = capture();
    expect(await run(['frobnicate'], c.io)).toBe(2);
    expect(await run(['--nope'], c.io)).toBe(2);
    expect(c.err).toHaveLength(2);
    expect(await run(['endpoint'], c.io)).toBe(1);
    expect(c.err[2]).toContain('ValidationError');
  });
});

describe('cloud CLI object storage', () => {
  it('lists containers and the objects of one, with pseudo-folders', async () => {
    const { http, HttpResponse } = await import('msw');
    const base = mockEndpoints('RegionOne').objectStore;
    cloud.use(
      http.get(base, ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.get('marker') ? [] : [{ name: 'logs', count: 2, bytes: 30 }],
        ),
      ),
      http.get(`${base}/logs`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('marker')) return HttpResponse.json([]);
        return HttpResponse.json([
          { subdir: '2026/' },
          {
            name: 'a.txt',
            hash: 'h',
            bytes: 30,
            content_type: 'text/plain',
            last_modified: '2026-11-01T00:00:00.000000',
          },
        ]);
      }),
    );
    const c = capture();
    const code = await run(['--json', 'containers'], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(JSON.parse(c.out.join('\n'))).toEqual([{ name: 'logs', objects: 2, bytes: 30 }]);
    const d = capture();
    expect(await run(['objects', 'logs'], d.io)).toBe(0);
    expect(d.out[0]).toMatch(/^NAME\s+BYTES\s+TYPE\s+MODIFIED$/);
    expect(d.out[1]).toMatch(/^2026\/\s+\(folder\)$/);
    expect(d.out[2]).toMatch(/^a\.txt\s+30\s+text\/plain\s+2026-11-01T00:00:00\.000Z$/);
    const listing = cloud.requests.find((r) => r.url.pathname.endsWith('/logs'));
    expect(listing?.url.searchParams.get('delimiter')).toBe('/');
  });

  it('names a missing argument before any request', async () => {
    const c = capture();
    expect(await run(['objects'], c.io)).toBe(1);
    expect(c.err[0]).toContain('ValidationError: missing container');
    expect(cloud.requests).toHaveLength(0);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleHandler } from '../src/bundle.js';

// A tiny project: two "service" packages and handlers importing one of them.
let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const pkg = (name: string, body: string) => {
  const dir = `node_modules/${name}`;
  write(
    `${dir}/package.json`,
    JSON.stringify({ name, type: 'module', sideEffects: false, exports: './index.js' }),
  );
  write(`${dir}/index.js`, body);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  write('package.json', JSON.stringify({ name: 'app', type: 'module' }));
  pkg(
    '@cloud/core',
    'export const request = (u) => "GET " + u;\nexport const unused = () => "core-unused";\n',
  );
  pkg(
    '@cloud/swift',
    "import { request } from '@cloud/core';\nexport const upload = (c) => request('swift/' + c);\n",
  );
  pkg(
    '@cloud/openstack-compute',
    "import { request } from '@cloud/core';\nexport const listServers = () => request('servers');\n",
  );
  // A service package with a top-level side effect that drags another service in.
  pkg(
    '@cloud/leaky',
    "import { listServers } from '@cloud/openstack-compute';\nglobalThis.registry = [listServers];\nexport const upload = (c) => c;\n",
  );
  write(
    'handlers/clean.ts',
    "import { upload } from '@cloud/swift';\nexport const handler = () => upload('c');\n",
  );
  write(
    'handlers/leaky.ts',
    "import { upload } from '@cloud/leaky';\nexport const handler = () => upload('c');\n",
  );
  write('handlers/broken.ts', "throw new Error('boom at load');\nexport const handler = () => 1;\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundleHandler', () => {
  const outDir = () => join(root, 'out');

  it('measures a clean bundle and attributes its bytes, with unused exports shaken out', async () => {
    const r = await bundleHandler(
      { name: 'clean', file: 'handlers/clean.ts', imports: 'upload', allow: ['@cloud/core', '@cloud/swift'] },
      { workingDir: root, outDir: outDir(), smoke: true },
    );
    expect(r.analysis.leaks).toEqual([]);
    expect(r.loadError).toBeUndefined();
    expect(r.analysis.packages.map((p) => p.name).sort()).toEqual([
      '(handler)',
      '@cloud/core',
      '@cloud/swift',
    ]);
    expect(readFileSync(r.outfile, 'utf8')).not.toContain('core-unused');
    expect(r.minified).toBe(readFileSync(r.outfile).byteLength);
    expect(r.gzip).toBeGreaterThan(0);
  });

  it('reports another service’s code that a side effect pulled in', async () => {
    const r = await bundleHandler(
      { name: 'leaky', file: 'handlers/leaky.ts', imports: 'upload', allow: ['@cloud/core', '@cloud/leaky'] },
      { workingDir: root, outDir: outDir() },
    );
    expect(r.analysis.leaks.map((l) => l.name)).toEqual(['@cloud/openstack-compute']);
    expect(r.analysis.leaks[0]?.files).toEqual(['node_modules/@cloud/openstack-compute/index.js']);
  });

  it('reports a bundle that throws when it is loaded', async () => {
    const r = await bundleHandler(
      { name: 'broken', file: 'handlers/broken.ts', imports: '-', allow: [] },
      { workingDir: root, outDir: outDir(), smoke: true },
    );
    expect(r.loadError).toMatch(/boom at load/);
  });
});

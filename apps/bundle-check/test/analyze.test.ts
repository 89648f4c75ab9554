import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Metafile } from 'esbuild';
import {
  analyzeMetafile,
  createPackageResolver,
  HANDLER_PACKAGE,
  reachablePackages,
} from '../src/analyze.js';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'analyze-test-'));
  write('app/package.json', JSON.stringify({ name: '@cloud/bundle-check' }));
  write('app/handlers/h.ts', '');
  write('app/node_modules/got/package.json', JSON.stringify({ name: 'got' }));
  write('app/node_modules/got/dist/source/package.json', JSON.stringify({ type: 'module' }));
  write('app/node_modules/got/dist/source/index.js', '');
  write('packages/swift/package.json', JSON.stringify({ name: '@cloud/swift' }));
  write('packages/swift/dist/index.js', '');
  write('packages/compute/package.json', JSON.stringify({ name: '@cloud/openstack-compute' }));
  write('packages/compute/dist/index.js', '');
  write('app/node_modules/keyv/package.json', JSON.stringify({ name: 'keyv' }));
  write('app/node_modules/yaml/package.json', JSON.stringify({ name: 'yaml' }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const metafile = (inputs: Record<string, number>): Metafile => ({
  inputs: {},
  outputs: {
    'out/h.mjs': {
      bytes: Object.values(inputs).reduce((a, b) => a + b, 0),
      inputs: Object.fromEntries(Object.entries(inputs).map(([p, n]) => [p, { bytesInOutput: n }])),
      imports: [],
      exports: ['handler'],
    },
  },
});

describe('createPackageResolver', () => {
  it('names the nearest package.json that has a name, skipping nameless ones', () => {
    const packageOf = createPackageResolver(join(root, 'app'));
    expect(packageOf(join(root, 'app/node_modules/got/dist/source/index.js'))).toBe('got');
    expect(packageOf(join(root, 'packages/swift/dist/index.js'))).toBe('@cloud/swift');
  });

  it('treats files of the handler folder as the handler, not as the app package', () => {
    const packageOf = createPackageResolver(join(root, 'app'));
    expect(packageOf(join(root, 'app/handlers/h.ts'))).toBe(HANDLER_PACKAGE);
  });
});

describe('analyzeMetafile', () => {
  const analyze = (inputs: Record<string, number>, allow: string[]) =>
    analyzeMetafile(
      metafile(inputs),
      { allow },
      {
        workingDir: join(root, 'app'),
        packageOf: createPackageResolver(join(root, 'app')),
      },
    );

  it('adds up bytes per package and separates @cloud code from third-party code', () => {
    const a = analyze(
      {
        'handlers/h.ts': 80,
        'node_modules/got/dist/source/index.js': 1000,
        '../packages/swift/dist/index.js': 300,
      },
      ['@cloud/swift'],
    );
    expect(a.packages).toEqual([
      { name: 'got', bytes: 1000, files: 1 },
      { name: '@cloud/swift', bytes: 300, files: 1 },
      { name: HANDLER_PACKAGE, bytes: 80, files: 1 },
    ]);
    expect(a.cloudBytes).toBe(300);
    expect(a.thirdPartyBytes).toBe(1000);
    expect(a.leaks).toEqual([]);
  });

  it('reports code of a @cloud package the handler may not contain', () => {
    const a = analyze({ '../packages/swift/dist/index.js': 300, '../packages/compute/dist/index.js': 42 }, [
      '@cloud/swift',
    ]);
    expect(a.leaks).toEqual([
      { name: '@cloud/openstack-compute', bytes: 42, files: ['../packages/compute/dist/index.js'] },
    ]);
  });

  it('ignores files that were parsed but tree-shaken to nothing', () => {
    const a = analyze({ '../packages/swift/dist/index.js': 300, '../packages/compute/dist/index.js': 0 }, [
      '@cloud/swift',
    ]);
    expect(a.leaks).toEqual([]);
    expect(a.packages.map((p) => p.name)).toEqual(['@cloud/swift']);
  });
});

describe('reachablePackages', () => {
  it('follows imports from a package’s files to the packages it depends on', () => {
    const input = (imports: string[]) => ({
      bytes: 1,
      imports: imports.map((path) => ({ path, kind: 'import-statement' as const })),
    });
    const meta: Metafile = {
      inputs: {
        'h.ts': input(['core.js']),
        'core.js': input(['got/index.js', 'yaml/index.js']),
        'got/index.js': input(['got/core.js']),
        'got/core.js': input(['keyv/index.js']),
        'keyv/index.js': input([]),
        'yaml/index.js': input([]),
      },
      outputs: {},
    };
    const nameOf = (p: string) =>
      p.includes('/') ? p.split('/')[0]! : p === 'core.js' ? '@cloud/core' : HANDLER_PACKAGE;
    expect([...reachablePackages(meta, nameOf, 'got')].sort()).toEqual(['got', 'keyv']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@cloud/core';
import * as blockStorage from '@cloud/openstack-block-storage';
import * as compute from '@cloud/openstack-compute';
import * as dns from '@cloud/openstack-dns';
import * as image from '@cloud/openstack-image';
import * as loadBalancer from '@cloud/openstack-load-balancer';
import * as network from '@cloud/openstack-network';
import * as databases from '@cloud/rackspace-databases';
import * as rackspaceDns from '@cloud/rackspace-dns';
import * as rackspaceLoadBalancers from '@cloud/rackspace-load-balancers';
import * as swift from '@cloud/swift';
import { describe, expect, it } from '@jest/globals';
import {
  collectExports,
  type ExportEntry,
  findCollisions,
  readExports,
  SDK_ROOT,
  SOURCES,
} from '../scripts/sync-exports.mjs';
import * as sdkBlockStorage from '../src/block-storage.js';
import * as sdkCompute from '../src/compute.js';
import * as sdkCore from '../src/core.js';
import * as sdkDatabases from '../src/databases.js';
import * as sdkDns from '../src/dns.js';
import * as sdkImage from '../src/image.js';
import * as sdk from '../src/index.js';
import * as sdkLoadBalancer from '../src/load-balancer.js';
import * as sdkNetwork from '../src/network.js';
import * as sdkProviders from '../src/providers/index.js';
import * as sdkRackspaceDns from '../src/rackspace-dns.js';
import * as sdkRackspaceLoadBalancers from '../src/rackspace-load-balancers.js';
import * as sdkSwift from '../src/swift.js';

const packages: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['@cloud/core', core, sdkCore],
  ['@cloud/swift', swift, sdkSwift],
  ['@cloud/openstack-compute', compute, sdkCompute],
  ['@cloud/openstack-block-storage', blockStorage, sdkBlockStorage],
  ['@cloud/rackspace-databases', databases, sdkDatabases],
  ['@cloud/openstack-image', image, sdkImage],
  ['@cloud/openstack-network', network, sdkNetwork],
  ['@cloud/openstack-dns', dns, sdkDns],
  ['@cloud/rackspace-dns', rackspaceDns, sdkRackspaceDns],
  ['@cloud/rackspace-load-balancers', rackspaceLoadBalancers, sdkRackspaceLoadBalancers],
  ['@cloud/openstack-load-balancer', loadBalancer, sdkLoadBalancer],
];

describe('@cloud/sdk root', () => {
  it.each(packages)('re-exports every runtime export of %s, as the same object', (_name, pkg) => {
    for (const key of Object.keys(pkg)) {
      expect([key, (sdk as Record<string, unknown>)[key]]).toEqual([key, pkg[key]]);
    }
  });

  it('exports nothing that no package exports (and not the provider-neutral interface)', () => {
    const known = new Set(packages.flatMap(([, pkg]) => Object.keys(pkg)));
    expect(Object.keys(sdk).filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(sdk)).not.toContain('providers');
  });
});

describe('@cloud/sdk subpaths', () => {
  it.each(packages)('%s: the subpath exports exactly the package’s runtime exports', (_name, pkg, sub) => {
    expect(Object.keys(sub).sort()).toEqual(Object.keys(pkg).sort());
  });

  it('providers: offers both clouds with the same factories', () => {
    expect(Object.keys(sdkProviders.providers).sort()).toEqual(['openstack', 'rackspace']);
    for (const cloud of Object.values(sdkProviders.providers)) {
      expect(Object.keys(cloud).sort()).toEqual([
        'blockStorage',
        'compute',
        'databases',
        'dns',
        'loadBalancers',
        'network',
        'storage',
      ]);
    }
  });
});

describe('generated export lists', () => {
  const all = collectExports();

  it('have no name exported by two packages', () => {
    expect(findCollisions(all)).toEqual([]);
  });

  it.each(SOURCES)('src/$file lists every export of $pkg, types included', (source) => {
    const expected = all.find((s) => s.pkg === source.pkg)!.exports;
    const actual = readExports(join(SDK_ROOT, 'src', source.file));
    const key = (e: ExportEntry) => `${e.typeOnly ? 'type ' : ''}${e.name}`;
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('@cloud/sdk/providers uses none of the packages’ names', () => {
    const taken = new Set(all.flatMap((s) => s.exports.map((e) => e.name)));
    const own = readExports(join(SDK_ROOT, 'src', 'providers', 'index.ts')).map((e) => e.name);
    expect(own.length).toBeGreaterThan(30);
    expect(own.filter((n) => taken.has(n))).toEqual([]);
  });

  it('src/index.ts re-exports every subpath file, and so the exports of every package', () => {
    const root = readFileSync(join(SDK_ROOT, 'src', 'index.ts'), 'utf8');
    const reexported = [...root.matchAll(/^export \* from '\.\/([\w-]+)\.js';$/gm)].map((m) => `${m[1]}.ts`);
    expect(reexported.sort()).toEqual(SOURCES.map((s) => s.file).sort());
    const expected = all.flatMap((s) => s.exports).map((e) => e.name);
    const viaSubpaths = SOURCES.flatMap((s) => readExports(join(SDK_ROOT, 'src', s.file))).map((e) => e.name);
    expect(viaSubpaths.sort()).toEqual(expected.sort());
  });
});

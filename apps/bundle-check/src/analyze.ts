import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import type { HandlerSpec } from './handlers.js';

/** Bytes one package contributes to a minified bundle. */
export interface PackageShare {
  name: string;
  bytes: number;
  files: number;
}

/** What a bundle is made of. */
export interface BundleAnalysis {
  /** Contributions by package, largest first. The handler's own files count as `(handler)`. */
  packages: PackageShare[];
  /** Bytes from `@cloud/*` packages. */
  cloudBytes: number;
  /** Bytes from third-party packages. */
  thirdPartyBytes: number;
  /** Bytes from got and the packages it imports (directly or not). */
  gotBytes: number;
  /** `@cloud/*` packages that contributed code although the handler may not contain them. */
  leaks: { name: string; bytes: number; files: string[] }[];
}

/** The handler's own files (outside any package with a name). */
export const HANDLER_PACKAGE = '(handler)';

/**
 * Finds the name of the package a file belongs to: the nearest `package.json` with a `name`
 * (nested ones without a name, like `dist/package.json`, are skipped). Files of `handlerDir`
 * itself (outside `node_modules`) are the handler's own.
 */
export function createPackageResolver(handlerDir: string): (file: string) => string {
  const cache = new Map<string, string>();
  const stop = resolve(handlerDir);
  const lookup = (dir: string): string => {
    const hit = cache.get(dir);
    if (hit !== undefined) return hit;
    let name = HANDLER_PACKAGE;
    if (dir !== stop) {
      const pj = join(dir, 'package.json');
      const own = existsSync(pj)
        ? (JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name
        : undefined;
      if (own) name = own;
      else if (dirname(dir) !== dir) name = lookup(dirname(dir));
    }
    cache.set(dir, name);
    return name;
  };
  return (file) => lookup(dirname(resolve(file)));
}

/**
 * Adds up the bytes each package contributes to the bundle (esbuild's `bytesInOutput`, i.e. after
 * tree-shaking and minification) and finds `@cloud/*` packages the handler may not contain.
 * Files that were parsed but contributed no bytes are tree-shaken and do not count.
 */
export function analyzeMetafile(
  metafile: Metafile,
  spec: Pick<HandlerSpec, 'allow'>,
  options: { workingDir: string; packageOf: (absFile: string) => string },
): BundleAnalysis {
  const nameOf = (path: string) =>
    path.startsWith('<runtime>')
      ? '(esbuild runtime)'
      : options.packageOf(isAbsolute(path) ? path : resolve(options.workingDir, path));
  const gotFamily = reachablePackages(metafile, nameOf, 'got');
  const byPackage = new Map<string, PackageShare & { paths: string[] }>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput <= 0) continue;
      const name = nameOf(path);
      const entry = byPackage.get(name) ?? { name, bytes: 0, files: 0, paths: [] };
      entry.bytes += bytesInOutput;
      entry.files += 1;
      entry.paths.push(path);
      byPackage.set(name, entry);
    }
  }
  const all = [...byPackage.values()].sort((a, b) => b.bytes - a.bytes);
  const isCloud = (n: string) => n.startsWith('@cloud/');
  const isOwn = (n: string) => n === HANDLER_PACKAGE || n.startsWith('(');
  return {
    packages: all.map(({ name, bytes, files }) => ({ name, bytes, files })),
    cloudBytes: all.filter((p) => isCloud(p.name)).reduce((s, p) => s + p.bytes, 0),
    thirdPartyBytes: all.filter((p) => !isCloud(p.name) && !isOwn(p.name)).reduce((s, p) => s + p.bytes, 0),
    gotBytes: all.filter((p) => gotFamily.has(p.name)).reduce((s, p) => s + p.bytes, 0),
    leaks: all
      .filter((p) => isCloud(p.name) && !spec.allow.includes(p.name))
      .map((p) => ({ name: p.name, bytes: p.bytes, files: p.paths })),
  };
}

/**
 * The packages whose files are reachable through imports from the files of package `root`
 * (`root` included), following the metafile's import graph.
 */
export function reachablePackages(
  metafile: Metafile,
  nameOf: (path: string) => string,
  root: string,
): Set<string> {
  const seen = new Set<string>();
  const queue = Object.keys(metafile.inputs).filter((p) => nameOf(p) === root);
  const names = new Set<string>();
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    names.add(nameOf(path));
    for (const imp of metafile.inputs[path]?.imports ?? []) {
      if (!imp.external && metafile.inputs[imp.path]) queue.push(imp.path);
    }
  }
  return names;
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

/** One bundle: its size and the packages that make it up. */
export interface BundleInfo {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Output bytes by package (`@cloud/core`, `got`, …), largest first. */
  byPackage: [string, number][];
}

const packageOf = (input: string): string => {
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (m?.[1]) return m[1];
  const ws = /packages\/([^/]+)\//.exec(input);
  return ws?.[1] ? `@cloud/${ws[1]}` : '(entry)';
};

function sizeByPackage(meta: Metafile): [string, number][] {
  const sizes = new Map<string, number>();
  for (const out of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
      const p = packageOf(input);
      sizes.set(p, (sizes.get(p) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Bundles `entry` (a file, or inline `contents`) for Node with esbuild, minified, from the built
 * packages (no `@cloud/source` condition).
 */
export async function bundle(options: {
  outDir: string;
  name: string;
  resolveDir: string;
  entry?: string | undefined;
  contents?: string | undefined;
  format?: 'esm' | 'cjs';
  loader?: Record<string, 'text'>;
}): Promise<BundleInfo> {
  await mkdir(options.outDir, { recursive: true });
  const format = options.format ?? 'esm';
  const file = join(options.outDir, `${options.name}.bundle.${format === 'esm' ? 'mjs' : 'cjs'}`);
  const result = await build({
    ...(options.entry
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.contents ?? '', resolveDir: options.resolveDir, loader: 'ts' } }),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format,
    minify: true,
    metafile: true,
    logLevel: 'silent',
    outfile: file,
    ...(options.loader ? { loader: options.loader } : {}),
  });
  const bytes = await readFile(file);
  return {
    file,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    byPackage: sizeByPackage(result.metafile),
  };
}

/** Writes small files for cold-start commands. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

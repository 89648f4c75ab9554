import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { analyzeMetafile, type BundleAnalysis, createPackageResolver } from './analyze.js';
import type { HandlerSpec } from './handlers.js';

/** One bundled handler, measured. */
export interface BundleResult {
  spec: HandlerSpec;
  /** Minified size in bytes. */
  minified: number;
  /** `gzip -9` size of the minified bundle. */
  gzip: number;
  analysis: BundleAnalysis;
  /** Where the bundle was written. */
  outfile: string;
  /** Set when importing the bundle in a fresh Node process failed. */
  loadError?: string | undefined;
}

/** Options of {@link bundleHandler}. */
export interface BundleOptions {
  /** Folder the handler files live in and packages are resolved from. */
  workingDir: string;
  /** Folder the bundles are written to. */
  outDir: string;
  /** Also import the bundle in a child process to prove it loads (no top-level failures). */
  smoke?: boolean | undefined;
}

/**
 * Bundles one handler the way a serverless deployment would: everything inlined (got too),
 * ESM, minified, for Node 22, then measures it and attributes its bytes to packages.
 */
export async function bundleHandler(spec: HandlerSpec, options: BundleOptions): Promise<BundleResult> {
  const outfile = join(options.outDir, `${spec.name}.mjs`);
  mkdirSync(options.outDir, { recursive: true });
  const result = await build({
    absWorkingDir: options.workingDir,
    entryPoints: [spec.file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    metafile: true,
    write: false,
    outfile,
    logLevel: 'silent',
    legalComments: 'none',
    banner: spec.banner ? { js: spec.banner } : undefined,
  });
  const file = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  if (!file) throw new Error(`esbuild produced no output for ${spec.name}`);
  writeFileSync(outfile, file.contents);
  const analysis = analyzeMetafile(result.metafile, spec, {
    workingDir: options.workingDir,
    packageOf: createPackageResolver(options.workingDir),
  });
  let loadError: string | undefined;
  if (options.smoke) {
    try {
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(outfile)}); if (typeof m.handler !== 'function') throw new Error('no handler export');`,
        ],
        { stdio: 'pipe', timeout: 30_000 },
      );
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      loadError = (err.stderr?.toString() || err.message).trim().split('\n').slice(0, 3).join(' ');
    }
  }
  return {
    spec,
    minified: file.contents.byteLength,
    gzip: gzipSync(file.contents, { level: 9 }).byteLength,
    analysis,
    outfile,
    loadError,
  };
}

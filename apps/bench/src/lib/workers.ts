import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Compiles the worker scripts to plain `.mjs` (packages stay external, so they load the built
 * `dist` of the SDK): a worker then carries no TypeScript loader, which would add ~20 MB to its RSS.
 */
export async function buildWorkers(benchDir: string, outDir: string): Promise<void> {
  const src = join(benchDir, 'src/workers');
  const entries = (await readdir(src)).filter((f) => f.endsWith('.ts') && f !== 'common.ts');
  await build({
    entryPoints: entries.map((f) => join(src, f)),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node22',
    format: 'esm',
    logLevel: 'warning',
  });
}

/** Where {@link buildWorkers} put a worker. */
export const workerFile = (workDir: string, name: string): string => join(workDir, 'workers', `${name}.mjs`);

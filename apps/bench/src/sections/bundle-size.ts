import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type BundleInfo, bundle } from '../lib/bundle.ts';
import type { BenchContext, SectionResult } from '../lib/context.ts';
import { shortError } from '../lib/proc.ts';
import { table } from '../lib/stats.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const top = (b: BundleInfo, n = 4) =>
  b.byPackage
    .slice(0, n)
    .map(([p, bytes]) => `${p} ${kb(bytes)}`)
    .join(', ');

/** Where apps/bundle-check writes its report (`pnpm --filter @cloud/bundle-check run report`). */
const BUNDLE_CHECK_REPORT = 'apps/bundle-check/REPORT.md';

/** Minified bundle sizes of a Swift handler and the whole SDK, against got alone and pkgcloud. */
export async function bundleSize(ctx: BenchContext): Promise<SectionResult> {
  const outDir = join(ctx.workDir, 'bundles');
  const cases: { what: string; build: () => Promise<BundleInfo>; note?: string }[] = [
    {
      what: 'Swift upload handler (`@cloud/core` + `@cloud/swift`)',
      build: () =>
        bundle({
          outDir,
          name: 'handler',
          resolveDir: ctx.benchDir,
          entry: join(ctx.benchDir, 'src/fixtures/handler.ts'),
        }),
    },
    {
      what: "everything in `@cloud/swift` (`export * from '@cloud/swift'`)",
      build: () =>
        bundle({
          outDir,
          name: 'swift-all',
          resolveDir: ctx.benchDir,
          contents: "export * from '@cloud/swift';",
        }),
    },
    {
      what: "everything in `@cloud/sdk` (`export * from '@cloud/sdk'`)",
      build: () =>
        bundle({
          outDir,
          name: 'sdk-all',
          resolveDir: ctx.benchDir,
          contents: "export * from '@cloud/sdk';",
        }),
    },
    {
      what: '`got` alone (`export { default } from "got"`)',
      build: () =>
        bundle({ outDir, name: 'got', resolveDir: ctx.benchDir, contents: "export { default } from 'got';" }),
    },
    {
      what: "pkgcloud (`require('pkgcloud').storage.createClient`, CJS)",
      note: 'needs `--loader:.xml=text`; ESM output fails to build and the CJS bundle does not run (dynamic requires)',
      build: () =>
        bundle({
          outDir,
          name: 'pkgcloud',
          resolveDir: ctx.benchDir,
          format: 'cjs',
          loader: { '.xml': 'text' },
          contents: "module.exports = require('pkgcloud').storage.createClient;",
        }),
    },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    try {
      const b = await c.build();
      rows.push([c.what, kb(b.bytes), kb(b.gzipBytes), top(b) + (c.note ? ` — ${c.note}` : '')]);
    } catch (e) {
      rows.push([c.what, '–', '–', `build failed: ${shortError(e)}`]);
      if (!c.what.startsWith('pkgcloud')) ctx.fail(`bundle ${c.what}: ${shortError(e)}`);
    }
  }
  const parts = [
    'esbuild 0.28, `--bundle --platform=node --target=node22 --minify`, ESM unless noted, from the built packages; gzip -9 of the result.',
    '',
    table(['bundle', 'minified', 'gzip', 'largest parts'], rows),
  ];
  const report = join(ctx.rootDir, BUNDLE_CHECK_REPORT);
  if (existsSync(report)) {
    const when = (await stat(report)).mtime.toISOString().slice(0, 10);
    const all = (await readFile(report, 'utf8')).split('\n');
    const end = all.findIndex((l) => /^#{2,3} Largest/.test(l));
    const text = (end > 0 ? all.slice(0, end) : all)
      .filter((l) => !/^#{1,2} /.test(l))
      .map((l) => l.replace(/^(#{2,3}) /, '#### '))
      .join('\n')
      .trim();
    parts.push('', `### From apps/bundle-check (\`${BUNDLE_CHECK_REPORT}\`, ${when})`, '', text);
  } else {
    parts.push(
      '',
      `apps/bundle-check has not written \`${BUNDLE_CHECK_REPORT}\`; the sizes above are computed here.`,
    );
  }
  return { title: 'Bundle size', body: parts.join('\n') };
}

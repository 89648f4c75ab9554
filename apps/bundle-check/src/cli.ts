// Bundles the handlers in ./handlers, checks tree-shaking and size budgets, prints or writes a report.
//
//   tsx src/cli.ts check [--workspace] [--update-budget]   exit 1 on a leak, a load failure or a budget overrun
//   tsx src/cli.ts report [--workspace] [--out FILE]       writes the Markdown table (default REPORT.md)
//
// Both need the packages built (`pnpm --filter './packages/*' build`). By default the packages are
// packed with `pnpm pack` and the tarballs installed into a temp project, so the handlers resolve
// them as a user's project would; --workspace resolves the workspace packages' `dist` directly (faster).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetFromMeasurements, checkBudget, readBudget, writeBudget } from './budget.js';
import { bundleHandler } from './bundle.js';
import { HANDLERS } from './handlers.js';
import { missingBuilds, preparePackedProject } from './packed.js';
import { fmtBytes, type ReportRow, renderMarkdown, renderText } from './table.js';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = resolve(APP_DIR, '..', '..');
const BUDGET_PATH = join(APP_DIR, 'budget.json');
const HEADROOM = 0.15;

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function measure(packed: boolean): Promise<{ rows: ReportRow[]; source: string }> {
  const missing = missingBuilds(REPO_ROOT);
  if (missing.length) {
    throw new Error(
      `No build output for packages/${missing.join(', packages/')}. Run \`pnpm --filter './packages/*' build\` first.`,
    );
  }
  const outDir = mkdtempSync(join(tmpdir(), 'cloud-bundles-'));
  let project: ReturnType<typeof preparePackedProject> | undefined;
  try {
    if (packed) {
      process.stdout.write('Packing packages and installing the tarballs into a temp project... ');
      const started = Date.now();
      project = preparePackedProject(REPO_ROOT, join(APP_DIR, 'handlers'));
      console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const workingDir = project?.dir ?? APP_DIR;
    const rows: ReportRow[] = [];
    for (const spec of HANDLERS) {
      const r = await bundleHandler(spec, { workingDir, outDir, smoke: true });
      const problems = [
        ...r.analysis.leaks.map(
          (l) =>
            `contains ${fmtBytes(l.bytes)} B of ${l.name}, which it does not import (${l.files.slice(0, 3).join(', ')})`,
        ),
        ...(r.loadError ? [`the bundle does not load: ${r.loadError}`] : []),
      ];
      rows.push({
        name: spec.name,
        imports: spec.imports,
        minified: r.minified,
        gzip: r.gzip,
        analysis: r.analysis,
        problems,
      });
    }
    const source = packed
      ? `packed tarballs (${Object.values(project?.tarballs ?? {}).join(', ')})`
      : 'the workspace packages’ dist';
    return { rows, source };
  } finally {
    project?.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Adds each row's budget and its budget violations. */
function applyBudget(rows: ReportRow[]): void {
  const verdicts = checkBudget(readBudget(BUDGET_PATH), rows);
  rows.forEach((row, i) => {
    row.budget = verdicts[i]?.budget;
    row.problems.push(...(verdicts[i]?.violations ?? []));
  });
}

async function main(): Promise<number> {
  const [command = 'check', ...args] = process.argv.slice(2);
  const packed = !args.includes('--workspace');
  if (command !== 'check' && command !== 'report') {
    console.error(`Unknown command "${command}". Use check or report.`);
    return 2;
  }
  const { rows, source } = await measure(packed);
  if (args.includes('--update-budget')) {
    writeBudget(BUDGET_PATH, budgetFromMeasurements(rows, HEADROOM));
    console.log(`Budgets set to measured + ${HEADROOM * 100}% in ${relative(process.cwd(), BUDGET_PATH)}\n`);
  }
  applyBudget(rows);
  if (command === 'report') {
    const out = resolve(argValue(args, '--out') ?? join(APP_DIR, 'REPORT.md'));
    writeFileSync(out, renderMarkdown(rows, { source, date: new Date().toISOString().slice(0, 10) }));
    console.log(renderText(rows));
    console.log(`\nWrote ${relative(process.cwd(), out) || out}`);
    return 0;
  }
  console.log(`Bundles from ${source} (esbuild, ESM, minified, node22, got inlined):\n`);
  console.log(renderText(rows));
  const failed = rows.filter((r) => r.problems.length > 0);
  console.log(
    failed.length
      ? `\n${failed.length} of ${rows.length} bundles FAILED.`
      : `\nAll ${rows.length} bundles pass: no foreign service code, within budget.`,
  );
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

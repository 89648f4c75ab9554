import type { BundleAnalysis } from './analyze.js';
import type { BundleBudget } from './budget.js';

/** One row of the report. */
export interface ReportRow {
  name: string;
  imports: string;
  minified: number;
  gzip: number;
  budget?: BundleBudget | undefined;
  analysis: BundleAnalysis;
  /** Empty when the bundle passed. */
  problems: string[];
}

/** `170256` -> `170,256`. */
export const fmtBytes = (n: number): string => n.toLocaleString('en-US');

const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '-');

/** Bytes of got and its dependencies, as a share of the bundle. */
function gotShare(row: ReportRow): string {
  return `${fmtBytes(row.analysis.gotBytes)} (${pct(row.analysis.gotBytes, row.minified)})`;
}

/** Bytes of other third-party packages (e.g. yaml, pulled in by core), as a share of the bundle. */
function otherShare(row: ReportRow): string {
  const other = row.analysis.thirdPartyBytes - row.analysis.gotBytes;
  return other > 0 ? `${fmtBytes(other)} (${pct(other, row.minified)})` : '-';
}

/** `@cloud/*` bytes per package, compact: `core 9,120 + swift 3,204`. */
function cloudParts(row: ReportRow): string {
  const parts = row.analysis.packages
    .filter((p) => p.name.startsWith('@cloud/'))
    .map((p) => `${p.name.slice('@cloud/'.length)} ${fmtBytes(p.bytes)}`);
  return parts.length ? parts.join(' + ') : '-';
}

const columns = [
  'bundle',
  'minified',
  'gzip',
  'budget (min / gz)',
  '@cloud code',
  'got & deps',
  'other deps',
  'result',
] as const;

function cells(row: ReportRow): string[] {
  return [
    row.name,
    fmtBytes(row.minified),
    fmtBytes(row.gzip),
    row.budget ? `${fmtBytes(row.budget.minified)} / ${fmtBytes(row.budget.gzip)}` : '-',
    cloudParts(row),
    gotShare(row),
    otherShare(row),
    row.problems.length ? 'FAIL' : 'ok',
  ];
}

/** A fixed-width text table for the terminal, with the problems listed below it. */
export function renderText(rows: ReportRow[]): string {
  const body = rows.map(cells);
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => r[i]!.length)));
  const right = new Set([1, 2, 3, 5, 6]);
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const problems = rows.flatMap((r) => r.problems.map((p) => `  ${r.name}: ${p}`));
  if (problems.length) out.push('', 'Problems:', ...problems);
  return out.join('\n');
}

/** A Markdown table with padded, aligned columns (as Markdown formatters print them). */
export function markdownTable(header: readonly string[], rows: string[][], right: Set<number>): string[] {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  const body = [header.map(esc), ...rows.map((r) => r.map(esc))];
  const widths = header.map((_, i) => Math.max(3, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(body[0]!), rule, ...body.slice(1).map(line)];
}

/** The same table in Markdown, plus each bundle's largest contributors. */
export function renderMarkdown(rows: ReportRow[], meta: { source: string; date: string }): string {
  const out = [
    '## Bundle sizes',
    '',
    `Serverless handlers bundled with esbuild (ESM, minified, Node 22, everything inlined including got), from ${meta.source}, ${meta.date}.`,
    '`gzip` is `gzip -9` of the minified file. A bundle fails when code of a `@cloud/*` package it does not import appears in it, or when it exceeds its budget (`apps/bundle-check/budget.json`).',
    '',
    ...markdownTable(
      [...columns, 'imports'],
      rows.map((r) => [...cells(r), `\`${r.imports}\``]),
      new Set([1, 2, 3, 5, 6]),
    ),
    '',
    '### Largest contributors',
    '',
  ];
  for (const r of rows) {
    const top = r.analysis.packages
      .slice(0, 6)
      .map((p) => `${p.name} ${fmtBytes(p.bytes)} (${pct(p.bytes, r.minified)})`);
    out.push(`- **${r.name}**: ${top.join(', ')}`);
  }
  const problems = rows.flatMap((r) => r.problems.map((p) => `- ${r.name}: ${p}`));
  if (problems.length) out.push('', '### Problems', '', ...problems);
  return `${out.join('\n')}\n`;
}

import type { BenchConfig, SectionResult } from './context.ts';
import type { MachineInfo } from './machine.ts';
import { fmtSize, table } from './stats.ts';

/** One section's result with what the machine was doing meanwhile. */
export interface SectionRecord {
  id: string;
  result: SectionResult;
  seconds: number;
  loadBefore: number;
  loadAfter: number;
}

/** Everything the report is made of. */
export interface ReportInput {
  machine: MachineInfo;
  quick: boolean;
  config: BenchConfig;
  records: SectionRecord[];
  before: { load: number; busy: string[]; availableMiB?: number | undefined };
  after: { load: number; busy: string[] };
  seconds: number;
  swiftSource?: string | undefined;
  failures: string[];
  /** Hand-written analysis (src/analysis.md), placed after the summary. */
  analysis?: string | undefined;
}

/** Renders RESULTS.md. */
export function renderReport(r: ReportInput): string {
  const m = r.machine;
  const c = r.config;
  const lines = [
    '# Benchmarks',
    '',
    r.quick
      ? '> Quick smoke run (`pnpm bench:quick`): tiny sizes and one run each. The numbers only show that every path works; do not compare them.'
      : `> Full run (\`pnpm bench\`), written by apps/bench. Every transfer figure is the median of ${c.runs} runs.`,
    '',
    table(
      ['machine', ''],
      [
        ['cores', `${m.cores} × ${m.cpuModel}`],
        ['memory', `${m.memoryGiB} GiB`],
        ['Node.js', m.node],
        ['kernel', m.kernel],
        ['date', m.date],
        ['duration', `${Math.round(r.seconds)} s`],
        [
          'cloud',
          r.swiftSource
            ? `local Keystone + Swift on 127.0.0.1 (${r.swiftSource})`
            : 'none (Swift parts skipped)',
        ],
      ],
    ),
    '',
    '**What else was going on.** ' +
      `The machine is shared: 1-minute load average ${r.before.load} at the start and ${r.after.load} at the end` +
      (r.before.availableMiB ? `, ${r.before.availableMiB} MiB memory available at the start` : '') +
      '. ' +
      (r.before.busy.length ? `Busy processes at the start: ${r.before.busy.join(', ')}. ` : '') +
      (r.after.busy.length ? `At the end: ${r.after.busy.join(', ')}. ` : '') +
      `Per section: ${r.records.map((s) => `${s.id} ${Math.round(s.seconds)} s (load ${s.loadBefore} → ${s.loadAfter})`).join('; ')}.`,
    '',
    `Sizes: streaming ${c.sizes.map(fmtSize).join(' and ')}; large object ${fmtSize(c.sloSize)} in ${fmtSize(c.segmentSize)} segments; ` +
      `null sink ${fmtSize(c.sinkSize)}; ${c.smallCount} small requests of ${c.smallSize} B at concurrency ${c.smallConcurrency}. ` +
      'MB/s means 10^6 bytes per second.',
  ];
  const headlines = r.records.flatMap((s) => s.result.headline ?? []);
  if (headlines.length) lines.push('', '## Summary', '', ...headlines.map((h) => `- ${h}`));
  if (r.failures.length) lines.push('', '## Failures', '', ...r.failures.map((f) => `- ${f}`));
  if (r.analysis) lines.push('', r.analysis.trim());
  for (const s of r.records) lines.push('', `## ${s.result.title}`, '', s.result.body);
  lines.push('');
  return lines.join('\n');
}

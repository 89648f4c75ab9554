import { runWorker } from '../lib/clients.ts';
import type { BenchContext } from '../lib/context.ts';
import { dataFile } from '../lib/data.ts';
import { shortError } from '../lib/proc.ts';
import { cpuPerGiB, fmt, fmtRss, fmtSize, fmtSpread, mbps, median, table } from '../lib/stats.ts';

const LAYERS = [
  ['raw', 'raw `node:http`'],
  ['got', '`got` 16 alone'],
  ['transport', '@cloud/core transport (`createTransport`)'],
  ['sdk-noverify', '@cloud/swift, `verify: false`'],
  ['sdk', '@cloud/swift (default: MD5 checks)'],
] as const;

/**
 * The SDK's stack taken apart on the null sink: each layer alone, from raw node:http up to the
 * Swift operation, so a gap can be pinned on the layer that adds it. CPU time is the measure.
 */
export async function layerBreakdown(ctx: BenchContext, endpoint: string): Promise<string> {
  const { layerSize: size, layerRuns: runs, layerCount: count, segmentSize } = ctx.config;
  const file = await dataFile(ctx.dataDir, size);
  const env = { ...process.env };
  const stream = new Map<string, { cpu: number[]; rate: number[]; rss: number[]; error?: string }>();
  const small = new Map<string, { us: number[]; ops: number[]; error?: string }>();
  for (let r = 0; r < runs; r++) {
    for (const [layer] of LAYERS) {
      for (const op of ['upload', 'download', 'memory'] as const) {
        const k = `${layer}:${op}`;
        const row = stream.get(k) ?? { cpu: [], rate: [], rss: [] };
        stream.set(k, row);
        const bytes = op === 'memory' ? segmentSize : size;
        try {
          const { result, run } = await runWorker(
            ctx,
            'layers',
            { layer, op, endpoint, size: bytes, file },
            env,
            5 * 60_000,
          );
          row.cpu.push(cpuPerGiB(Number(result.cpuMs), bytes));
          row.rate.push(mbps(bytes, Number(result.ms)));
          row.rss.push(run.maxRssKb ?? Number.NaN);
        } catch (e) {
          row.error = shortError(e);
          if (layer.startsWith('sdk')) ctx.fail(`layer ${k}: ${row.error}`);
        }
      }
      for (const op of ['head', 'put'] as const) {
        const k = `${layer}:${op}`;
        const row = small.get(k) ?? { us: [], ops: [] };
        small.set(k, row);
        try {
          const { result } = await runWorker(
            ctx,
            'layers',
            { layer, op, endpoint, size, count, concurrency: ctx.config.smallConcurrency },
            env,
            5 * 60_000,
          );
          row.us.push((Number(result.cpuMs) * 1000) / count);
          row.ops.push(count / (Number(result.ms) / 1000));
        } catch (e) {
          row.error = shortError(e);
          if (layer.startsWith('sdk')) ctx.fail(`layer ${k}: ${row.error}`);
        }
      }
    }
  }
  const cell = (xs: number[], err: string | undefined, digits = 2) =>
    xs.length ? fmtSpread(xs, digits) : `failed: ${err ?? ''}`;
  const streamRows = LAYERS.map(([layer, label]) => {
    const up = stream.get(`${layer}:upload`)!;
    const down = stream.get(`${layer}:download`)!;
    return [
      label,
      cell(up.cpu, up.error),
      fmt(median(up.rate)),
      cell(down.cpu, down.error),
      fmt(median(down.rate)),
    ];
  });
  const memoryRows = LAYERS.map(([layer, label]) => {
    const m = stream.get(`${layer}:memory`)!;
    return [label, cell(m.cpu, m.error), fmt(median(m.rate)), m.rss.length ? fmtRss(median(m.rss)) : '–'];
  });
  const smallRows = LAYERS.map(([layer, label]) => {
    const head = small.get(`${layer}:head`)!;
    const put = small.get(`${layer}:put`)!;
    return [
      label,
      cell(head.us, head.error, 0),
      fmt(median(head.ops)),
      cell(put.us, put.error, 0),
      fmt(median(put.ops)),
    ];
  });
  return [
    '### Where the client time goes, layer by layer',
    '',
    `Each layer of the SDK's HTTP stack alone against the same null sink, each run in a fresh process, ${runs} run(s), order fixed. ` +
      `Streams: ${fmtSize(size)} up from a file (1 MiB reads, \`content-length\` set) and down into a discarding Writable. ` +
      `Small requests: ${count} HEADs and ${count} PUTs of 1 KiB, ${ctx.config.smallConcurrency} in flight on one keep-alive agent, after 200 warm-up requests. ` +
      "CPU is the client process's user + system time (`process.cpuUsage()`) around the work: median (min–max). MB/s and ops/s are medians and depend on what else runs.",
    '',
    table(['layer', 'upload CPU s/GiB', 'upload MB/s', 'download CPU s/GiB', 'download MB/s'], streamRows),
    '',
    `One PUT of a ${fmtSize(segmentSize)} Buffer already in memory (how \`uploadLargeObject\` sends each segment, and \`uploadObject\` sends bytes). Peak RSS is the whole worker process, the Buffer included:`,
    '',
    table(['layer', 'CPU s/GiB', 'MB/s', 'peak RSS'], memoryRows),
    '',
    table(['layer', 'HEAD CPU µs/op', 'HEAD ops/s', 'PUT CPU µs/op', 'PUT ops/s'], smallRows),
  ].join('\n');
}

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { runWorker } from '../lib/clients.ts';
import type { BenchContext, SectionResult } from '../lib/context.ts';
import { dataFile } from '../lib/data.ts';
import { shortError, trackChild } from '../lib/proc.ts';
import { cpuPerGiB, fmt, fmtRss, fmtSize, fmtSpread, mbps, median, pairRatios, table } from '../lib/stats.ts';
import { workerFile } from '../lib/workers.ts';
import { layerBreakdown } from './layers.ts';

/** Starts the null sink in its own process; resolves with its port and a stop function. */
export async function startSink(
  ctx: BenchContext,
  sizes: number[],
): Promise<{ port: number; stop: () => void }> {
  const child = spawn(ctx.node, [workerFile(ctx.workDir, 'null-sink'), JSON.stringify({ sizes })], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
    detached: true,
  });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('null sink did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`null sink exited with ${code}`)));
    lines.on('line', (l) => {
      const m = /^LISTENING (\d+)/.exec(l);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  trackChild(child.pid, true);
  return {
    port,
    stop: () => {
      trackChild(child.pid, false);
      child.kill('SIGTERM');
    },
  };
}

interface Row {
  rates: number[];
  rss: number[];
  cpu: number[];
  errors: string[];
}

/** Client overhead with the server out of the way: SDK vs a raw node:http request on a null sink. */
export async function nullSink(ctx: BenchContext): Promise<SectionResult> {
  const size = ctx.config.sinkSize;
  const file = await dataFile(ctx.dataDir, size);
  const sink = await startSink(ctx, [size, ctx.config.layerSize]);
  const base = `http://127.0.0.1:${sink.port}/v1/AUTH_bench`;
  const env = { ...process.env, BENCH_TOKEN: 'sink-token', BENCH_STORAGE_URL: base };
  const clients = [
    { id: 'raw', label: 'raw `node:http`', worker: 'raw-transfer', verify: false },
    { id: 'sdk', label: '@cloud/swift (default: MD5 verify)', worker: 'sdk-transfer', verify: true },
    { id: 'sdk-noverify', label: '@cloud/swift `verify: false`', worker: 'sdk-transfer', verify: false },
  ];
  const results = new Map<string, Row>();
  let layers = '';
  const key = (dir: string, id: string) => `${dir}:${id}`;
  try {
    for (let r = 0; r < ctx.config.runs; r++) {
      for (const dir of ['upload', 'download'] as const) {
        for (const c of clients.map((_, i) => clients[(i + r) % clients.length]!)) {
          const row = results.get(key(dir, c.id)) ?? { rates: [], rss: [], cpu: [], errors: [] };
          results.set(key(dir, c.id), row);
          ctx.log(`sink ${dir} ${c.id} run ${r + 1}`);
          try {
            const { result, run } = await runWorker(
              ctx,
              c.worker,
              {
                op: dir,
                target: 'sink',
                endpoint: base,
                container: 'sink',
                verify: c.verify,
                object: dir === 'upload' ? 'upload' : `zero-${size}`,
                ...(dir === 'upload' ? { file } : {}),
              },
              env,
            );
            if (Number(result.bytes) !== size)
              throw new Error(`moved ${String(result.bytes)} bytes, expected ${size}`);
            row.rates.push(mbps(size, Number(result.ms)));
            row.rss.push(run.maxRssKb ?? Number.NaN);
            if (result.cpuMs !== undefined) row.cpu.push(cpuPerGiB(Number(result.cpuMs), size));
          } catch (e) {
            row.errors.push(shortError(e));
            if (c.id !== 'raw') ctx.fail(`null sink ${dir}: ${shortError(e)}`);
          }
        }
      }
    }
    layers = await layerBreakdown(ctx, base);
  } finally {
    sink.stop();
  }
  const rows: string[][] = [];
  const headline: string[] = [];
  for (const dir of ['upload', 'download']) {
    const raw = results.get(key(dir, 'raw'));
    for (const c of clients) {
      const row = results.get(key(dir, c.id))!;
      const ratio = c.id === 'raw' ? [] : pairRatios(row.rates, raw?.rates ?? []);
      rows.push([
        dir,
        c.label,
        row.rates.length ? fmtSpread(row.rates) : `failed: ${row.errors[0] ?? ''}`,
        c.id === 'raw' ? '1.00' : ratio.length ? fmt(median(ratio), 2) : '–',
        row.rss.length ? fmtRss(median(row.rss)) : '–',
        row.cpu.length ? fmtSpread(row.cpu, 2) : '–',
      ]);
      if (c.id !== 'raw' && row.rates.length)
        headline.push(
          `Null sink ${dir} (${fmtSize(size)}): ${c.label} ${fmt(median(row.rates))} MB/s` +
            (ratio.length ? `, ${fmt(median(ratio) * 100)} % of raw node:http` : '') +
            (row.cpu.length ? `, ${fmt(median(row.cpu), 2)} CPU s/GiB` : '') +
            '.',
        );
    }
  }
  return {
    title: 'Client overhead against a null HTTP sink',
    headline,
    body: [
      `A \`node:http\` server in its own process on 127.0.0.1 reads and drops uploads and streams zeros for downloads, so the client is the bottleneck. ` +
        `${fmtSize(size)} up from a file (page cache) and down into a discarding Writable. ` +
        'The SDK uses `fromToken` with a static token and a fixed `endpoint`, `uploadObjectFromFile` and `downloadObject`; ' +
        "the sink sends the real MD5 as ETag, so the default run includes the SDK's MD5 checks and the `verify: false` run shows their cost. " +
        'The raw client is one `node:http` request with `content-length`, its file read with the same 1 MiB chunks as `uploadObjectFromFile`. ' +
        `Median of ${ctx.config.runs} run(s), range in brackets; **vs raw** is the median of per-run ratios. The sink shares the 2 cores with the client. **CPU s/GiB** is the client's user + system CPU per GiB during the transfer (\`process.cpuUsage()\`), the steadier figure on a busy machine.`,
      '',
      table(['direction', 'client', 'MB/s', 'vs raw', 'peak RSS', 'CPU s/GiB'], rows),
      '',
      layers,
    ].join('\n'),
  };
}

import type { Sample } from '../lib/clients.ts';
import { runWorker } from '../lib/clients.ts';
import { type BenchContext, hasSwift, type SectionResult } from '../lib/context.ts';
import { dataFile } from '../lib/data.ts';
import { admin, childEnv } from '../lib/openstack.ts';
import { runMeasured, shortError } from '../lib/proc.ts';
import { cpuPerGiB, fmt, fmtRss, fmtSize, fmtSpread, mbps, median, pairRatios, table } from '../lib/stats.ts';

const ok = (s: Sample): s is Exclude<Sample, { error: string }> => !('error' in s);

/**
 * A 1 GiB Static Large Object at concurrency 1, 2, 4: `uploadObjectFromFile` and `uploadLargeObject`
 * from a stream vs `swift upload --use-slo --segment-size`.
 */
export async function largeObjects(ctx: BenchContext): Promise<SectionResult> {
  if (!hasSwift(ctx.swift)) throw new Error('no Swift');
  const t = ctx.swift;
  const a = admin(t);
  const { sloSize: size, segmentSize, sloConcurrency } = ctx.config;
  const file = await dataFile(ctx.dataDir, size);
  const container = `${ctx.runId}-slo`;
  await a.createContainer(container);
  const env = childEnv(t);
  const cliEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OS_')) cliEnv[k] = v;
  Object.assign(cliEnv, { OS_AUTH_TOKEN: t.token, OS_STORAGE_URL: t.storageUrl });

  const sdk = async (op: 'slo' | 'slo-stream', concurrency: number, object: string): Promise<Sample> => {
    try {
      const { result, run } = await runWorker(
        ctx,
        'sdk-transfer',
        { op, target: 'swift', container, object, file, segmentSize, concurrency },
        env,
      );
      return {
        ms: Number(result.ms),
        bytes: Number(result.bytes),
        rssKb: run.maxRssKb,
        cpuMs: result.cpuMs === undefined ? run.cpuMs : Number(result.cpuMs),
      };
    } catch (e) {
      return { error: shortError(e) };
    }
  };
  const cli = async (concurrency: number, object: string): Promise<Sample> => {
    const r = await runMeasured(
      ctx.dataDir,
      ctx.tools.swiftCli!,
      [
        '-q',
        'upload',
        container,
        file,
        '--object-name',
        object,
        '--use-slo',
        '--segment-size',
        String(segmentSize),
        '--segment-threads',
        String(concurrency),
      ],
      { env: cliEnv, timeoutMs: 15 * 60_000 },
    );
    if (r.code !== 0) return { error: `swift exit ${r.code}: ${r.stderr.trim().slice(0, 120)}` };
    return { ms: r.wallMs, bytes: size, rssKb: r.maxRssKb, cpuMs: r.cpuMs };
  };
  const clients = [
    {
      id: 'sdk',
      label: '@cloud/swift `uploadObjectFromFile` (segments from file ranges)',
      run: (c: number, o: string) => sdk('slo', c, o),
    },
    ...(ctx.tools.swiftCli ? [{ id: 'cli', label: '`swift upload --use-slo`', run: cli }] : []),
    {
      id: 'stream',
      label: '@cloud/swift `uploadLargeObject` from a stream (reused segment buffers)',
      run: (c: number, o: string) => sdk('slo-stream', c, o),
    },
  ];
  const samples = new Map<string, Sample[]>();
  try {
    for (let r = 0; r < ctx.config.runs; r++) {
      for (const c of sloConcurrency) {
        for (const client of r % 2 ? [...clients].reverse() : clients) {
          const object = `slo-${client.id}-${c}`;
          ctx.log(`SLO ${fmtSize(size)} concurrency ${c} run ${r + 1}: ${client.id}`);
          const s = await client.run(c, object);
          if (ok(s)) {
            const stored = await a.objectBytes(container, object);
            if (stored !== size)
              Object.assign(s, { error: `manifest reports ${stored} bytes, expected ${size}` });
          }
          if (!ok(s) && client.id !== 'cli') ctx.fail(`SLO upload concurrency ${c}: ${s.error}`);
          const k = `${client.id}:${c}`;
          samples.set(k, [...(samples.get(k) ?? []), s]);
          await a.deleteObject(container, object, true).catch(() => {});
        }
      }
    }
  } finally {
    await a
      .deleteContainers(container)
      .catch((e: unknown) => ctx.log(`cleanup of ${container} failed: ${shortError(e)}`));
  }
  const rows: string[][] = [];
  const headline: string[] = [];
  for (const c of sloConcurrency) {
    const cliRates = (samples.get(`cli:${c}`) ?? []).map((s) => (ok(s) ? mbps(s.bytes, s.ms) : undefined));
    for (const client of clients) {
      const list = samples.get(`${client.id}:${c}`) ?? [];
      const good = list.filter(ok);
      const rates = good.map((s) => mbps(s.bytes, s.ms));
      const ratio =
        client.id !== 'cli'
          ? pairRatios(
              list.map((s) => (ok(s) ? mbps(s.bytes, s.ms) : undefined)),
              cliRates,
            )
          : [];
      const err = list.find((s) => !ok(s));
      rows.push([
        String(c),
        client.label,
        rates.length ? fmtSpread(rates) : `failed: ${err && 'error' in err ? err.error : ''}`,
        client.id !== 'cli' ? (ratio.length ? fmt(median(ratio), 2) : '–') : '1.00',
        good.length ? fmtRss(median(good.map((s) => s.rssKb ?? Number.NaN))) : '–',
        good.length ? fmt(median(good.map((s) => cpuPerGiB(s.cpuMs ?? Number.NaN, s.bytes))), 2) : '–',
      ]);
      if (client.id === 'sdk' && rates.length)
        headline.push(
          `SLO ${fmtSize(size)}, concurrency ${c}: @cloud/swift ${fmt(median(rates))} MB/s` +
            (ratio.length ? ` (${fmt(median(ratio), 2)}× the swift CLI)` : '') +
            `, peak RSS ${fmtRss(median(good.map((s) => s.rssKb ?? Number.NaN)))}.`,
        );
    }
  }
  return {
    title: 'Large objects (Static Large Object)',
    headline,
    body: [
      `${fmtSize(size)} from a file as an SLO in ${fmtSize(segmentSize)} segments (segments, then the manifest), ` +
        "with the SDK's `concurrency` and the CLI's `--segment-threads` set to the same value. " +
        "SDK time is in-process after authentication; the CLI's is process wall time with the same token (it includes Python start-up and its MD5 checks). " +
        `Median of ${ctx.config.runs} run(s), range in brackets; **vs CLI** is the median of per-run ratios.`,
      '',
      table(['concurrency', 'client', 'MB/s', 'vs CLI', 'peak RSS', 'CPU s/GiB'], rows),
    ].join('\n'),
  };
}

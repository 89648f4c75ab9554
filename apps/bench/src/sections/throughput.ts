import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Sample, type TransferClient, transferClients } from '../lib/clients.ts';
import { type BenchContext, hasSwift, type SectionResult } from '../lib/context.ts';
import { dataFile } from '../lib/data.ts';
import { admin } from '../lib/openstack.ts';
import { shortError } from '../lib/proc.ts';
import { cpuPerGiB, fmt, fmtRss, fmtSize, fmtSpread, mbps, median, pairRatios, table } from '../lib/stats.ts';

type Direction = 'upload' | 'download';
/** samples[size][direction][client][run] */
type Samples = Map<number, Map<Direction, Map<string, Sample[]>>>;

const ok = (s: Sample | undefined): s is Exclude<Sample, { error: string }> => !!s && !('error' in s);
const rate = (s: Sample | undefined) => (ok(s) ? mbps(s.bytes, s.ms) : undefined);

function slot(samples: Samples, size: number, dir: Direction, client: string): Sample[] {
  const bySize = samples.get(size) ?? new Map<Direction, Map<string, Sample[]>>();
  samples.set(size, bySize);
  const byDir = bySize.get(dir) ?? new Map<string, Sample[]>();
  bySize.set(dir, byDir);
  const list = byDir.get(client) ?? [];
  byDir.set(client, list);
  return list;
}

/** Streaming 1 GiB (and 100 MiB) up and down: SDK vs curl, the swift CLI and pkgcloud, with peak RSS. */
export async function throughput(ctx: BenchContext): Promise<SectionResult> {
  if (!hasSwift(ctx.swift)) throw new Error('no Swift');
  const t = ctx.swift;
  const a = admin(t);
  const container = `${ctx.runId}-stream`;
  const clients = await transferClients(ctx, t);
  const samples: Samples = new Map();
  const idle = new Map<string, Sample>();
  await a.createContainer(container);
  try {
    for (const c of clients) idle.set(c.id, await c.idle(container));
    for (const size of ctx.config.sizes) {
      const file = await dataFile(ctx.dataDir, size);
      for (let r = 0; r < ctx.config.runs; r++) {
        // Rotate the order each run so no client always goes first.
        const order = clients.map((_, i) => clients[(i + r) % clients.length]!);
        for (const c of order) {
          const object = `${c.id}-${size}`;
          ctx.log(`${fmtSize(size)} run ${r + 1}/${ctx.config.runs}: ${c.id} upload`);
          const up = await c.upload(container, object, file);
          if (ok(up)) {
            const stored = await a.objectBytes(container, object);
            if (stored !== size) Object.assign(up, { error: `stored ${stored} bytes, expected ${size}` });
          }
          slot(samples, size, 'upload', c.id).push(up);
          if (!ok(up)) {
            slot(samples, size, 'download', c.id).push({ error: 'upload failed' });
            continue;
          }
          ctx.log(`${fmtSize(size)} run ${r + 1}/${ctx.config.runs}: ${c.id} download`);
          const out = join(ctx.dataDir, `download-${c.id}.bin`);
          const down = await c.download(container, object, out);
          if (ok(down)) {
            const got = await stat(out).then(
              (s) => s.size,
              () => -1,
            );
            if (got !== size) Object.assign(down, { error: `downloaded ${got} bytes, expected ${size}` });
          }
          await rm(out, { force: true });
          slot(samples, size, 'download', c.id).push(down);
          await a.deleteObject(container, object);
        }
      }
    }
  } finally {
    await a
      .deleteContainers(container)
      .catch((e: unknown) => ctx.log(`cleanup of ${container} failed: ${shortError(e)}`));
  }
  for (const [, byDir] of samples)
    for (const [dir, byClient] of byDir) {
      for (const id of ['sdk', 'sdk-noverify']) {
        const bad = (byClient.get(id) ?? []).find((s) => !ok(s));
        if (bad && 'error' in bad) ctx.fail(`${id} ${dir}: ${bad.error}`);
      }
    }
  return render(ctx, clients, samples, idle);
}

function firstError(list: Sample[]): string | undefined {
  const e = list.find((s) => !ok(s));
  return e && 'error' in e ? e.error : undefined;
}

function render(
  ctx: BenchContext,
  clients: TransferClient[],
  samples: Samples,
  idle: Map<string, Sample>,
): SectionResult {
  const rows: string[][] = [];
  const headline: string[] = [];
  const big = ctx.config.sizes.at(-1)!;
  for (const size of ctx.config.sizes) {
    for (const dir of ['upload', 'download'] as Direction[]) {
      const byClient = samples.get(size)?.get(dir) ?? new Map<string, Sample[]>();
      const curl = (byClient.get('curl') ?? []).map(rate);
      for (const c of clients) {
        const list = byClient.get(c.id) ?? [];
        const rates = list.map(rate).filter((x): x is number => x !== undefined);
        const err = firstError(list);
        const ratios = c.id === 'curl' ? [] : pairRatios(list.map(rate), curl);
        const rss = list.filter(ok).map((s) => s.rssKb ?? Number.NaN);
        const cpu = list
          .filter(ok)
          .filter((s) => s.cpuMs !== undefined)
          .map((s) => cpuPerGiB(s.cpuMs!, s.bytes));
        rows.push([
          fmtSize(size),
          dir,
          c.label,
          rates.length ? fmtSpread(rates) : `failed: ${err ?? 'no sample'}`,
          c.id === 'curl' ? '1.00' : ratios.length ? fmt(median(ratios), 2) : '–',
          rss.length ? fmtRss(median(rss)) : '–',
          cpu.length ? fmt(median(cpu), 2) : '–',
          err && rates.length ? `${list.length - rates.length} failed: ${err}` : '',
        ]);
        if (size === big && c.id.startsWith('sdk') && rates.length) {
          headline.push(
            `${fmtSize(size)} ${dir}, local Swift: ${c.label} ${fmt(median(rates))} MB/s` +
              (ratios.length ? `, ${fmt(median(ratios) * 100)} % of curl` : '') +
              `, peak RSS ${fmtRss(median(rss))}.`,
          );
        }
      }
    }
  }
  const rssRows: string[][] = [];
  for (const c of clients) {
    const cells = ctx.config.sizes.flatMap((size) =>
      (['upload', 'download'] as Direction[]).map((dir) => {
        const list = (samples.get(size)?.get(dir)?.get(c.id) ?? []).filter(ok);
        return list.length ? fmtRss(median(list.map((s) => s.rssKb ?? Number.NaN))) : '–';
      }),
    );
    const rest = idle.get(c.id);
    rssRows.push([c.label, ok(rest) ? fmtRss(rest.rssKb) : '–', ...cells]);
  }
  const rssHead = [
    'client',
    'at rest',
    ...ctx.config.sizes.flatMap((s) => [`${fmtSize(s)} up`, `${fmtSize(s)} down`]),
  ];
  const timing = clients.map((c) => `${c.label}: ${c.timing}`).join('; ');
  return {
    title: 'Streaming upload and download (single object, real local Swift)',
    headline,
    body: [
      `One object PUT from a file of random bytes and GET back into a file, on the same storage URL and token (pkgcloud authenticates itself from the same credentials). ` +
        `Clients take turns, their order rotating each run. MB/s is the median, with the range of the ${ctx.config.runs} run(s) in brackets. ` +
        '**vs curl** is the median of the per-run ratios (client MB/s ÷ curl MB/s of the same run). ' +
        'Peak RSS is `/usr/bin/time -v` "Maximum resident set size" of the whole client process (for Node clients each transfer runs in its own child process). ' +
        "**CPU s/GiB** is the client's user + system CPU time per GiB moved (Node clients: `process.cpuUsage()` around the transfer; curl and the CLI: the whole process from `/usr/bin/time`): " +
        'on this 2-core machine every client CPU second is taken from the Swift proxy and object server, so it is the steadier measure of client overhead when the machine is busy. ' +
        `Timing: ${timing}.`,
      '',
      table(['size', 'direction', 'client', 'MB/s', 'vs curl', 'peak RSS', 'CPU s/GiB', 'notes'], rows),
      '',
      '### Peak RSS by object size',
      '',
      "A streaming client should stay flat as the object grows. **At rest** is the same client after authenticating and reading the container's metadata, without a transfer (curl and the CLI: one HEAD with the token).",
      '',
      table(rssHead, rssRows),
    ].join('\n'),
  };
}

import { readFile } from 'node:fs/promises';
import { runWorker } from '../lib/clients.ts';
import { type BenchContext, hasSwift, type SectionResult } from '../lib/context.ts';
import { admin, childEnv, LOCAL_CLOUD_DIR } from '../lib/openstack.ts';
import { shortError } from '../lib/proc.ts';
import { fmt, fmtSpread, median, pairRatios, table } from '../lib/stats.ts';

/** Many small PUTs and HEADs at concurrency 16: SDK vs got alone with the same keep-alive agent. */
export async function smallRequests(ctx: BenchContext): Promise<SectionResult> {
  if (!hasSwift(ctx.swift)) throw new Error('no Swift');
  const t = ctx.swift;
  const a = admin(t);
  const container = `${ctx.runId}-small`;
  await a.createContainer(container);
  const env = childEnv(t);
  const { smallCount: count, smallConcurrency: concurrency, smallSize: size } = ctx.config;
  const clients = [
    { id: 'got', label: 'got 16 alone', worker: 'small-got' },
    { id: 'sdk', label: '@cloud/swift', worker: 'small-sdk' },
  ];
  const rates = new Map<string, (number | undefined)[]>();
  const errors = new Map<string, string>();
  try {
    for (let r = 0; r < ctx.config.runs; r++) {
      for (const op of ['put', 'head'] as const) {
        for (const c of r % 2 ? [...clients].reverse() : clients) {
          const k = `${op}:${c.id}`;
          ctx.log(`small ${op} ${c.id} run ${r + 1}`);
          let value: number | undefined;
          try {
            const { result } = await runWorker(
              ctx,
              c.worker,
              { op, container, prefix: `${c.id}/`, count, concurrency, size },
              env,
              5 * 60_000,
            );
            if (Number(result.errors) > 0)
              throw new Error(`${result.errors} errors, first: ${String(result.firstError)}`);
            value = count / (Number(result.ms) / 1000);
          } catch (e) {
            errors.set(k, shortError(e));
            if (c.id === 'sdk') ctx.fail(`small ${op}: ${shortError(e)}`);
          }
          rates.set(k, [...(rates.get(k) ?? []), value]);
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
  for (const op of ['put', 'head']) {
    const got = rates.get(`${op}:got`) ?? [];
    for (const c of clients) {
      const list = rates.get(`${op}:${c.id}`) ?? [];
      const values = list.filter((x): x is number => x !== undefined);
      const ratio = c.id === 'got' ? [] : pairRatios(list, got);
      rows.push([
        op.toUpperCase(),
        c.label,
        values.length ? fmtSpread(values) : `failed: ${errors.get(`${op}:${c.id}`) ?? ''}`,
        c.id === 'got' ? '1.00' : ratio.length ? fmt(median(ratio), 2) : '–',
      ]);
      if (c.id === 'sdk' && values.length)
        headline.push(
          `${count} small ${op.toUpperCase()}s at concurrency ${concurrency}: @cloud/swift ${fmt(median(values))} ops/s` +
            (ratio.length ? `, ${fmt(median(ratio) * 100)} % of got alone` : '') +
            '.',
        );
    }
  }
  const conf = await readFile(`${LOCAL_CLOUD_DIR}/etc/swift/proxy-server-r1.conf`, 'utf8').catch(() => '');
  const uncached = /^\s*token_cache_time\s*=\s*-1/m.test(conf)
    ? ' The local Swift proxy validates every token against Keystone (`token_cache_time = -1` in its authtoken filter, so revoked tokens fail at once): each request waits on a Keystone round trip, which sets the pace for both clients. The client-side cost without any server is in the null-sink section (HEAD/PUT CPU µs per request).'
    : '';
  return {
    title: 'Small requests',
    headline,
    body: [
      `${count} PUTs of ${size}-byte objects, then ${count} HEADs of them, ${concurrency} in flight, against the local Swift proxy. ` +
        `Both clients use a \`node:http\` Agent with \`keepAlive: true, maxSockets: ${concurrency}\` and the same token; ` +
        'the SDK goes through `uploadObject` / `getObjectMetadata` (session, auth header, error mapping, retries armed), got through `got.put` / `got.head`. ' +
        `Ops/s is the median of ${ctx.config.runs} run(s), range in brackets; **vs got** is the median of per-run ratios.` +
        uncached,
      '',
      table(['operation', 'client', 'ops/s', 'vs got'], rows),
    ].join('\n'),
  };
}

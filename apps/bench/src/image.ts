/**
 * Glance image data: `uploadImageDataFromFile` and `downloadImageToFile` of @cloud/openstack-image
 * against curl on the same endpoint with the same token, in the same run, alternating run by run.
 * Every transfer is its own process under `/usr/bin/time -v` (peak RSS per client); sizes 100 MiB
 * and 1 GiB show whether memory stays flat in the image size. Writes `.bench-tmp/IMAGE.md`.
 *
 *   pnpm --filter @cloud/bench run bench:image                 # 100 MiB and 1 GiB, 3 runs
 *   pnpm --filter @cloud/bench run bench:image -- --quick      # 8 MiB, 1 run (smoke)
 *   pnpm --filter @cloud/bench run bench:image -- --runs=5 --sizes-mib=1024
 *
 * Besides MB/s, each row has the median and range of the per-round SDK / curl ratios, CPU seconds
 * per GiB (user + system of the whole process) and peak RSS, and the load average seen during the
 * rounds: on a shared machine CPU time and peak RSS are the steadier measures.
 *
 * Needs the packages built (`pnpm --filter './packages/*' build`) and a cloud with Glance
 * (`source /var/tmp/cloud-openstack/env.sh`). Asserts no timing; exits non-zero only when a
 * transfer fails. Images are named `cloud-bench-image-…` and deleted at the end.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession, fromEnv } from '@cloud/core';
import {
  createGlanceImage,
  createImageClient,
  deleteGlanceImage,
  type ImageClient,
} from '@cloud/openstack-image';
import { dataFile } from './lib/data.ts';
import { load1 } from './lib/machine.ts';
import { loadCloudEnv } from './lib/openstack.ts';
import { parseResult, runMeasured } from './lib/proc.ts';
import { cpuPerGiB, fmt, fmtRss, fmtSize, fmtSpread, mbps, median, table } from './lib/stats.ts';
import { buildWorkers, workerFile } from './lib/workers.ts';

const MiB = 1024 * 1024;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? (quick ? 1 : 3));
const sizeArg = args.find((a) => a.startsWith('--sizes-mib='))?.slice(12);
const sizes = sizeArg
  ? sizeArg.split(',').map((m) => Number(m) * MiB)
  : quick
    ? [8 * MiB]
    : [100 * MiB, 1024 * MiB];

interface Sample {
  client: 'curl' | 'sdk';
  op: 'upload' | 'download';
  size: number;
  ms: number;
  maxRssKb: number | undefined;
  cpuMs: number | undefined;
  round: number;
  load: number;
}

async function main(): Promise<number> {
  const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const workDir = join(benchDir, '.bench-tmp', 'image');
  await mkdir(workDir, { recursive: true });
  await buildWorkers(benchDir, join(workDir, 'workers'));
  const cloud = loadCloudEnv();
  if ('reason' in cloud) throw new Error(`no cloud: ${cloud.reason}`);
  const env = { ...process.env, ...cloud.env };
  const session = createSession({ credentials: fromEnv(cloud.env), region: cloud.env.OS_REGION_NAME });
  const glance = createImageClient(session);
  const token = (await session.authenticate()).token;
  const root = (await glance.endpoint()).replace(/\/+$/, '').replace(/\/v2(\.\d+)?$/, '');
  const dataDir = await mkdtemp(join(tmpdir(), 'cloud-bench-image-'));
  const created: string[] = [];
  const samples: Sample[] = [];
  const newImage = async (label: string) => {
    const image = await createGlanceImage(glance, {
      name: `cloud-bench-image-${label}-${Date.now().toString(36)}`,
      diskFormat: 'raw',
      containerFormat: 'bare',
    });
    created.push(image.id);
    return image.id;
  };
  const curl = (op: 'upload' | 'download', id: string, file: string) =>
    runMeasured(
      workDir,
      'curl',
      op === 'upload'
        ? [
            '-sS',
            '-f',
            '-X',
            'PUT',
            '-H',
            `x-auth-token: ${token}`,
            '-H',
            'content-type: application/octet-stream',
            '-T',
            file,
            `${root}/v2/images/${id}/file`,
          ]
        : ['-sS', '-f', '-H', `x-auth-token: ${token}`, '-o', file, `${root}/v2/images/${id}/file`],
      { timeoutMs: 20 * 60_000 },
    );
  const sdk = (op: 'upload' | 'download', id: string, file: string) =>
    runMeasured(
      workDir,
      process.execPath,
      [workerFile(workDir, 'image-transfer'), JSON.stringify({ op, imageId: id, file })],
      {
        env,
        timeoutMs: 20 * 60_000,
      },
    );
  try {
    for (const size of sizes) {
      const source = await dataFile(dataDir, size);
      for (let r = 0; r < runs; r++) {
        // Alternate who goes first, so neither always gets the warmer cache.
        const order: ('curl' | 'sdk')[] = r % 2 === 0 ? ['curl', 'sdk'] : ['sdk', 'curl'];
        for (const client of order) {
          const id = await newImage(`${client}-${size}`);
          const up = await (client === 'curl' ? curl('upload', id, source) : sdk('upload', id, source));
          if (up.code !== 0) throw new Error(`${client} upload: ${up.stderr.trim()}`);
          const upMs = client === 'sdk' ? parseResult<{ ms: number }>(up, 'sdk upload').ms : up.wallMs;
          samples.push({
            client,
            op: 'upload',
            size,
            ms: upMs,
            maxRssKb: up.maxRssKb,
            cpuMs: up.cpuMs,
            round: r,
            load: load1(),
          });
          const out = join(dataDir, `out-${client}.bin`);
          const down = await (client === 'curl' ? curl('download', id, out) : sdk('download', id, out));
          if (down.code !== 0) throw new Error(`${client} download: ${down.stderr.trim()}`);
          const downMs =
            client === 'sdk' ? parseResult<{ ms: number }>(down, 'sdk download').ms : down.wallMs;
          samples.push({
            client,
            op: 'download',
            size,
            ms: downMs,
            maxRssKb: down.maxRssKb,
            cpuMs: down.cpuMs,
            round: r,
            load: load1(),
          });
          await rm(out, { force: true });
          await deleteGlanceImage(glance, id);
          created.splice(created.indexOf(id), 1);
          process.stderr.write(
            `[bench:image] ${fmtSize(size)} run ${r + 1} ${client}: up ${fmt(upMs)} ms, down ${fmt(downMs)} ms\n`,
          );
        }
      }
    }
  } finally {
    await cleanup(glance, created);
    await rm(dataDir, { recursive: true, force: true });
  }
  const rows: string[][] = [];
  for (const size of sizes) {
    for (const op of ['upload', 'download'] as const) {
      const pick = (c: 'curl' | 'sdk') =>
        samples.filter((s) => s.size === size && s.op === op && s.client === c);
      const c = pick('curl');
      const s = pick('sdk');
      const cMbps = median(c.map((x) => mbps(size, x.ms)));
      const sMbps = median(s.map((x) => mbps(size, x.ms)));
      // Ratios within a round: both clients ran back to back, under the same load.
      const ratios = s.flatMap((x) => {
        const other = c.find((y) => y.round === x.round);
        return other ? [mbps(size, x.ms) / mbps(size, other.ms)] : [];
      });
      const cpu = (list: Sample[]) => median(list.map((x) => cpuPerGiB(x.cpuMs ?? Number.NaN, size)));
      const loads = [...c, ...s].map((x) => x.load);
      rows.push([
        fmtSize(size),
        op,
        fmt(cMbps),
        fmt(sMbps),
        ratios.length ? fmtSpread(ratios, 2) : '–',
        fmt(cpu(c), 2),
        fmt(cpu(s), 2),
        fmtRss(Math.max(...c.map((x) => x.maxRssKb ?? 0))),
        fmtRss(Math.max(...s.map((x) => x.maxRssKb ?? 0))),
        `${fmt(Math.min(...loads), 1)}–${fmt(Math.max(...loads), 1)}`,
      ]);
    }
  }
  const report = [
    '# Glance image data: @cloud/openstack-image vs curl',
    '',
    `${new Date().toISOString()}, ${runs} run(s) per size, endpoint ${root}, medians of MB/s; the SDK times`,
    'the public call after authentication (the token is reused by curl), with verification on (default).',
    '',
    table(
      [
        'size',
        'op',
        'curl MB/s',
        'SDK MB/s',
        'SDK / curl per round: median (range)',
        'curl CPU s/GiB',
        'SDK CPU s/GiB',
        'curl peak RSS',
        'SDK peak RSS',
        'load avg',
      ],
      rows,
    ),
    '',
  ].join('\n');
  await writeFile(join(benchDir, '.bench-tmp', quick ? 'IMAGE.quick.md' : 'IMAGE.md'), report);
  process.stdout.write(report);
  return 0;
}

async function cleanup(glance: ImageClient, ids: string[]): Promise<void> {
  for (const id of ids) await deleteGlanceImage(glance, id).catch(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`[bench:image] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

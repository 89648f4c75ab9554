/**
 * Runs every benchmark and writes a Markdown report (RESULTS.md, or .bench-tmp/RESULTS.quick.md
 * with --quick).
 *
 *   pnpm bench                      # full run: 1 GiB transfers, 3 runs each, 2,000 small requests
 *   pnpm bench:quick                # smoke run: 8 MiB, 1 run, 200 small requests
 *   ... --only=sink,cold --runs=5 --out=file.md --no-build --no-openstack --keep
 *   ... --profile    # also writes a V8 CPU profile of every Node worker to .bench-tmp/profiles
 *   ... --render     # rewrites RESULTS.md from the last full run's numbers and src/analysis.md
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, link, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchContext, benchConfig, type SectionResult } from './lib/context.ts';
import { availableMiB, busyProcesses, load1, machineInfo } from './lib/machine.ts';
import { connectSwift, loadCloudEnv } from './lib/openstack.ts';
import { killChildren, run, shortError } from './lib/proc.ts';
import { type ReportInput, renderReport, type SectionRecord } from './lib/report.ts';
import { ensureTool } from './lib/tools.ts';
import { buildWorkers } from './lib/workers.ts';
import { bundleSize } from './sections/bundle-size.ts';
import { coldStart } from './sections/cold-start.ts';
import { largeObjects } from './sections/large-objects.ts';
import { nullSink } from './sections/null-sink.ts';
import { smallRequests } from './sections/small-requests.ts';
import { throughput } from './sections/throughput.ts';

const SECTIONS: { id: string; needsSwift: boolean; run: (ctx: BenchContext) => Promise<SectionResult> }[] = [
  { id: 'throughput', needsSwift: true, run: throughput },
  { id: 'slo', needsSwift: true, run: largeObjects },
  { id: 'sink', needsSwift: false, run: nullSink },
  { id: 'small', needsSwift: true, run: smallRequests },
  { id: 'cold', needsSwift: false, run: coldStart },
  { id: 'bundle', needsSwift: false, run: bundleSize },
];

function parseArgs(argv: string[]) {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = value('runs');
  return {
    quick: flag('quick'),
    runs: runs ? Number(runs) : undefined,
    only: value('only')?.split(','),
    out: value('out'),
    build: !flag('no-build'),
    openstack: !flag('no-openstack'),
    keep: flag('keep'),
    profile: flag('profile'),
    render: flag('render'),
  };
}

const analysis = (benchDir: string) =>
  readFile(join(benchDir, 'src/analysis.md'), 'utf8').catch(() => undefined);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = benchConfig(args.quick, args.runs);
  const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const rootDir = resolve(benchDir, '../..');
  const workDir = join(benchDir, '.bench-tmp');
  if (args.render) {
    // Re-render RESULTS.md from the last full run's numbers with the current src/analysis.md.
    const input = JSON.parse(await readFile(join(workDir, 'last-run.json'), 'utf8')) as ReportInput;
    const out = join(benchDir, 'RESULTS.md');
    await writeFile(out, renderReport({ ...input, analysis: await analysis(benchDir) }));
    process.stderr.write(`[bench] re-rendered ${out}\n`);
    return 0;
  }
  await mkdir(workDir, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'cloud-bench-'));
  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true });
    if (!args.keep) await rm(join(workDir, 'cold'), { recursive: true, force: true });
  };
  const interrupted = (code: number) => () => {
    killChildren();
    void cleanup().then(() => process.exit(code));
  };
  process.once('SIGINT', interrupted(130));
  process.once('SIGTERM', interrupted(143));
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  const failures: string[] = [];
  const started = Date.now();
  const machine = machineInfo();
  const before = { load: load1(), busy: await busyProcesses(), availableMiB: await availableMiB() };
  log(`${args.quick ? 'quick' : 'full'} run, ${config.runs} run(s) per measurement; load ${before.load}`);

  if (args.build) {
    log('building packages (pnpm --filter ./packages/* build)');
    const b = await run('pnpm', ['--filter', './packages/*', 'build'], {
      cwd: rootDir,
      timeoutMs: 10 * 60_000,
    });
    if (b.code !== 0) {
      log(b.stdout.slice(-3000) + b.stderr.slice(-2000));
      throw new Error('building the packages failed');
    }
  }

  await buildWorkers(benchDir, join(workDir, 'workers'));

  const tools = {
    time: existsSync('/usr/bin/time') ? '/usr/bin/time' : await ensureTool('time', 'time', log),
    curl: await ensureTool('curl', 'curl', log),
    hyperfine: await ensureTool('hyperfine', 'hyperfine', log),
    swiftCli: undefined as string | undefined,
  };
  let swift: BenchContext['swift'] = { reason: 'skipped (--no-openstack)' };
  if (args.openstack) {
    const env = loadCloudEnv();
    if ('env' in env) {
      try {
        swift = await connectSwift(env.env, env.source);
        tools.swiftCli = await ensureTool('swift', 'python3-swiftclient', log);
      } catch (e) {
        swift = { reason: `cannot reach the cloud from ${env.source}: ${shortError(e)}` };
      }
    } else swift = env;
  }
  if ('reason' in swift) log(`Swift parts skipped: ${swift.reason}`);

  const node = join(dataDir, 'node');
  await link(process.execPath, node).catch(async () => {
    await copyFile(process.execPath, node);
    await chmod(node, 0o755);
  });
  const ctx: BenchContext = {
    config,
    node,
    benchDir,
    rootDir,
    workDir,
    dataDir,
    swift,
    tools,
    runId: `cloud-bench-${Date.now().toString(36)}`,
    profileDir: args.profile ? join(workDir, 'profiles') : undefined,
    log,
    fail: (m) => {
      failures.push(m);
      log(`FAILED: ${m}`);
    },
  };

  const records: SectionRecord[] = [];
  try {
    for (const s of SECTIONS) {
      if (args.only && !args.only.includes(s.id)) continue;
      const t0 = Date.now();
      const loadBefore = load1();
      log(`section ${s.id}`);
      let result: SectionResult;
      if (s.needsSwift && 'reason' in swift) {
        result = { title: s.id, body: `Skipped: ${swift.reason}.` };
      } else {
        try {
          result = await s.run(ctx);
        } catch (e) {
          ctx.fail(`${s.id}: ${shortError(e)}`);
          result = { title: s.id, body: `Failed: ${shortError(e)}` };
        }
      }
      records.push({ id: s.id, result, seconds: (Date.now() - t0) / 1000, loadBefore, loadAfter: load1() });
    }
  } finally {
    await cleanup();
  }

  const after = { load: load1(), busy: await busyProcesses() };
  const input: ReportInput = {
    machine,
    quick: args.quick,
    config,
    records,
    before,
    after,
    seconds: (Date.now() - started) / 1000,
    swiftSource: 'token' in swift ? swift.source : undefined,
    failures,
  };
  // Kept so the hand-written analysis can be re-rendered around the same numbers (--render).
  await writeFile(join(workDir, args.quick ? 'last-quick-run.json' : 'last-run.json'), JSON.stringify(input));
  const report = renderReport({ ...input, analysis: args.quick ? undefined : await analysis(benchDir) });
  const out = args.out
    ? resolve(process.cwd(), args.out)
    : args.quick
      ? join(workDir, 'RESULTS.quick.md')
      : join(benchDir, 'RESULTS.md');
  await writeFile(out, report);
  process.stdout.write(`${report}\n`);
  log(`wrote ${out}`);
  if (failures.length) log(`${failures.length} failure(s):\n  ${failures.join('\n  ')}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`[bench] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);

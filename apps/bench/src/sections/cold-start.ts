import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle, writeFiles } from '../lib/bundle.ts';
import type { BenchContext, SectionResult } from '../lib/context.ts';
import { run, shortError } from '../lib/proc.ts';
import { fmt, median, table } from '../lib/stats.ts';

interface Cmd {
  name: string;
  file: string;
  what: string;
}

/** Options pkgcloud's client needs to be constructed (nothing is sent). */
const PKGCLOUD_CLIENT = `{provider:'openstack',authUrl:'http://127.0.0.1:5000',username:'u',password:'p',region:'RegionOne',keystoneAuthVersion:'v3'}`;

/** The environment for cold-start runs: without NODE_EXTRA_CA_CERTS, which makes Node start slower. */
export function coldEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

async function hyperfine(ctx: BenchContext, dir: string, cmds: Cmd[]): Promise<Map<string, number[]>> {
  const out = join(dir, 'hyperfine.json');
  const args = [
    '-N',
    '--warmup',
    '3',
    '--runs',
    String(ctx.config.coldRuns),
    '--export-json',
    out,
    '--style',
    'none',
  ];
  for (const c of cmds) args.push('--command-name', c.name, `${ctx.node} ${c.file}`);
  const r = await run(ctx.tools.hyperfine!, args, { cwd: dir, env: coldEnv(), timeoutMs: 10 * 60_000 });
  if (r.code !== 0) throw new Error(`hyperfine failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const json = JSON.parse(await readFile(out, 'utf8')) as { results: { command: string; times: number[] }[] };
  return new Map(json.results.map((x) => [x.command, x.times.map((t) => t * 1000)]));
}

/** Fallback when hyperfine is unavailable: spawn each command `runs` times, interleaved. */
async function spawnLoop(ctx: BenchContext, dir: string, cmds: Cmd[]): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(cmds.map((c) => [c.name, []]));
  for (let i = 0; i < ctx.config.coldRuns + 2; i++) {
    for (const c of cmds) {
      const r = await run(ctx.node, [c.file], { cwd: dir, env: coldEnv(), timeoutMs: 60_000 });
      if (r.code !== 0) throw new Error(`${c.name} failed: ${r.stderr.trim().split('\n').at(-1)}`);
      if (i >= 2) times.get(c.name)!.push(r.wallMs);
    }
  }
  return times;
}

/** Import time of the built packages, a bundled handler, got alone and pkgcloud. */
export async function coldStart(ctx: BenchContext): Promise<SectionResult> {
  const dir = join(ctx.workDir, 'cold');
  await writeFiles(dir, {
    'baseline.mjs': '',
    'swift.mjs': "import '@cloud/swift';\n",
    'sdk.mjs': "import '@cloud/sdk';\n",
    'got.mjs': "import 'got';\n",
    'pkgcloud-require.cjs': "require('pkgcloud');\n",
    'pkgcloud-client.cjs': `require('pkgcloud').storage.createClient(${PKGCLOUD_CLIENT});\n`,
  });
  const cmds: Cmd[] = [
    { name: 'baseline', file: 'baseline.mjs', what: '`node empty.mjs` (Node start-up)' },
    { name: 'swift', file: 'swift.mjs', what: "`import '@cloud/swift'` (dist)" },
    { name: 'sdk', file: 'sdk.mjs', what: "`import '@cloud/sdk'` (dist, every service)" },
    { name: 'handler', file: 'handler.bundle.mjs', what: 'bundled Swift upload handler (esbuild, minified)' },
    { name: 'got', file: 'got.mjs', what: "`import 'got'` alone" },
    {
      name: 'pkgcloud-require',
      file: 'pkgcloud-require.cjs',
      what: "pkgcloud: `require('pkgcloud')` (lazy getters only)",
    },
    {
      name: 'pkgcloud-client',
      file: 'pkgcloud-client.cjs',
      what: "pkgcloud: `require('pkgcloud').storage.createClient({provider:'openstack',…})`",
    },
  ];
  const broken = new Map<string, string>();
  try {
    await bundle({
      outDir: dir,
      name: 'handler',
      resolveDir: ctx.benchDir,
      entry: join(ctx.benchDir, 'src/fixtures/handler.ts'),
    });
  } catch (e) {
    broken.set('handler', `bundle failed: ${shortError(e)}`);
  }
  // One probe run each: a command that fails is reported, not timed.
  for (const c of cmds) {
    if (broken.has(c.name)) continue;
    const r = await run(ctx.node, [c.file], { cwd: dir, env: coldEnv(), timeoutMs: 60_000 });
    if (r.code !== 0) {
      const lines = r.stderr.trim().split('\n');
      const line = lines.find((l) => /Error/.test(l)) ?? lines.at(-1) ?? '';
      broken.set(c.name, `fails: ${line.slice(0, 140)}`);
    }
  }
  for (const [name, why] of broken) if (!name.startsWith('pkgcloud')) ctx.fail(`cold start ${name}: ${why}`);
  const timed = cmds.filter((c) => !broken.has(c.name));
  const tool = ctx.tools.hyperfine
    ? `hyperfine ${ctx.config.coldRuns} runs, 3 warm-ups, no shell`
    : `${ctx.config.coldRuns} spawns each, interleaved (hyperfine unavailable)`;
  const times = ctx.tools.hyperfine ? await hyperfine(ctx, dir, timed) : await spawnLoop(ctx, dir, timed);
  const base = median(times.get('baseline') ?? []);
  const rows = cmds.map((c) => {
    const t = times.get(c.name);
    if (!t) return [c.what, broken.get(c.name) ?? '–', '–', '–'];
    const m = median(t);
    return [c.what, fmt(m, 1), c.name === 'baseline' ? '–' : `+${fmt(m - base, 1)}`, fmt(Math.min(...t), 1)];
  });
  const headline = ['swift', 'handler', 'got', 'pkgcloud-client']
    .filter((n) => times.has(n))
    .map((n) => `${cmds.find((c) => c.name === n)!.what}: ${fmt(median(times.get(n)!), 0)} ms`);
  return {
    title: 'Cold start',
    headline: headline.length
      ? [`Cold start (median, Node start-up ${fmt(base, 0)} ms): ${headline.join('; ')}.`]
      : [],
    body: [
      `Wall time of a new \`node\` process that loads the module and exits (${tool}; warm file cache). ` +
        '`NODE_EXTRA_CA_CERTS` and `NODE_OPTIONS` are unset for these runs: the CA bundle alone adds tens of ms to every Node start here. ' +
        'Packages are imported from their built `dist`.',
      '',
      table(['command', 'median ms', 'over baseline', 'min ms'], rows),
    ].join('\n'),
  };
}

import { chmod, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext } from './context.ts';
import { childEnv, type SwiftTarget } from './openstack.ts';
import { parseResult, type RunResult, runMeasured, shortError } from './proc.ts';
import { workerFile } from './workers.ts';

/** One measured transfer, or why it failed. */
export type Sample =
  | { ms: number; bytes: number; rssKb?: number | undefined; cpuMs?: number | undefined }
  | { error: string };

/** A client that can stream a file to Swift and back. */
export interface TransferClient {
  id: string;
  label: string;
  /** How its time is taken. */
  timing: string;
  upload(container: string, object: string, file: string): Promise<Sample>;
  download(container: string, object: string, file: string): Promise<Sample>;
  /** Authenticates (or not, with a given token) and reads the container's metadata: the resting footprint. */
  idle(container: string): Promise<Sample>;
}

/** Runs a compiled worker (plain `node`, built packages) under `/usr/bin/time -v`. */
export async function runWorker(
  ctx: BenchContext,
  name: string,
  jobArgs: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  timeoutMs = 15 * 60_000,
): Promise<{ result: Record<string, unknown>; run: RunResult }> {
  const profile = ctx.profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${ctx.profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : [];
  const r = await runMeasured(
    ctx.dataDir,
    ctx.node,
    [...profile, workerFile(ctx.workDir, name), JSON.stringify(jobArgs)],
    {
      env: { ...env, NODE_OPTIONS: '' },
      cwd: ctx.benchDir,
      timeoutMs,
    },
  );
  return { result: parseResult<Record<string, unknown>>(r, name), run: r };
}

async function workerSample(
  ctx: BenchContext,
  name: string,
  job: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
): Promise<Sample> {
  try {
    const { result, run } = await runWorker(ctx, name, job, env);
    return {
      ms: Number(result.ms),
      bytes: Number(result.bytes),
      rssKb: run.maxRssKb,
      cpuMs: result.cpuMs === undefined ? run.cpuMs : Number(result.cpuMs),
    };
  } catch (e) {
    return { error: shortError(e) };
  }
}

/** curl's own timing (`%{time_total}`), token from a header file so it never shows in `ps`. */
async function curlClient(ctx: BenchContext, t: SwiftTarget): Promise<TransferClient> {
  const headerFile = join(ctx.dataDir, 'curl-headers.txt');
  await writeFile(headerFile, `X-Auth-Token: ${t.token}\n`);
  await chmod(headerFile, 0o600);
  const url = (c: string, o: string) =>
    `${t.storageUrl.replace(/\/$/, '')}/${encodeURIComponent(c)}/${o.split('/').map(encodeURIComponent).join('/')}`;
  const curl = async (args: string[]): Promise<Sample> => {
    const r = await runMeasured(
      ctx.dataDir,
      ctx.tools.curl!,
      ['-sS', '-f', '-H', `@${headerFile}`, ...args],
      {
        timeoutMs: 15 * 60_000,
      },
    );
    if (r.code !== 0) return { error: `curl exit ${r.code}: ${r.stderr.trim().slice(0, 120)}` };
    const [time, size] = r.stdout.trim().split(/\s+/);
    return { ms: Number(time) * 1000, bytes: Number(size), rssKb: r.maxRssKb, cpuMs: r.cpuMs };
  };
  return {
    id: 'curl',
    label: 'curl',
    timing: '`%{time_total}`',
    upload: (c, o, file) =>
      curl(['-T', file, '-o', '/dev/null', '-w', '%{time_total} %{size_upload}', url(c, o)]),
    download: (c, o, file) => curl(['-o', file, '-w', '%{time_total} %{size_download}', url(c, o)]),
    idle: (c) => curl(['-I', '-o', '/dev/null', '-w', '%{time_total} 0', url(c, '').replace(/\/$/, '')]),
  };
}

/** The python-swiftclient CLI with the same token (`OS_AUTH_TOKEN` + `OS_STORAGE_URL`): wall time. */
function swiftCliClient(ctx: BenchContext, t: SwiftTarget): TransferClient {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('OS_')) env[k] = v;
  Object.assign(env, { OS_AUTH_TOKEN: t.token, OS_STORAGE_URL: t.storageUrl });
  const swift = async (args: string[], file: string): Promise<Sample> => {
    const r = await runMeasured(ctx.dataDir, ctx.tools.swiftCli!, ['-q', ...args], {
      env,
      timeoutMs: 15 * 60_000,
    });
    if (r.code !== 0) return { error: `swift exit ${r.code}: ${r.stderr.trim().slice(0, 120)}` };
    return { ms: r.wallMs, bytes: (await stat(file)).size, rssKb: r.maxRssKb, cpuMs: r.cpuMs };
  };
  return {
    id: 'swift-cli',
    label: '`swift` CLI',
    timing: 'process wall time and CPU (include Python start-up)',
    upload: (c, o, file) => swift(['upload', c, file, '--object-name', o], file),
    download: (c, o, file) => swift(['download', c, o, '-o', file], file),
    idle: async (c) => {
      const r = await runMeasured(ctx.dataDir, ctx.tools.swiftCli!, ['-q', 'stat', c], {
        env,
        timeoutMs: 60_000,
      });
      if (r.code !== 0) return { error: `swift exit ${r.code}: ${r.stderr.trim().slice(0, 120)}` };
      return { ms: r.wallMs, bytes: 0, rssKb: r.maxRssKb, cpuMs: r.cpuMs };
    },
  };
}

/** Builds the clients of the streaming comparison that are available here. */
export async function transferClients(ctx: BenchContext, t: SwiftTarget): Promise<TransferClient[]> {
  const env = childEnv(t);
  const clients: TransferClient[] = [];
  if (ctx.tools.curl) clients.push(await curlClient(ctx, t));
  for (const verify of [true, false]) {
    clients.push({
      id: verify ? 'sdk' : 'sdk-noverify',
      label: verify ? '@cloud/swift' : '@cloud/swift `verify: false`',
      timing: 'in-process, after authentication',
      upload: (container, object, file) =>
        workerSample(
          ctx,
          'sdk-transfer',
          { op: 'upload', target: 'swift', container, object, file, verify },
          env,
        ),
      download: (container, object, file) =>
        workerSample(
          ctx,
          'sdk-transfer',
          { op: 'download', target: 'swift', container, object, file, verify },
          env,
        ),
      idle: (container) =>
        workerSample(ctx, 'sdk-transfer', { op: 'idle', target: 'swift', container, object: 'x' }, env),
    });
  }
  if (ctx.tools.swiftCli) clients.push(swiftCliClient(ctx, t));
  clients.push({
    id: 'pkgcloud',
    label: 'pkgcloud 2.2.0',
    timing: 'in-process, after authentication',
    upload: (container, object, file) =>
      workerSample(ctx, 'pkgcloud-transfer', { op: 'upload', container, object, file }, env),
    download: (container, object, file) =>
      workerSample(ctx, 'pkgcloud-transfer', { op: 'download', container, object, file }, env),
    idle: (container) =>
      workerSample(ctx, 'pkgcloud-transfer', { op: 'idle', container, object: 'x', file: '' }, env),
  });
  return clients;
}

import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What one child process did. `maxRssKb` is set when it ran under `/usr/bin/time -v`. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  timedOut: boolean;
  maxRssKb?: number | undefined;
  /** User + system CPU time of the child, from `/usr/bin/time -v`. */
  cpuMs?: number | undefined;
}

/** Options of {@link run}. */
export interface RunOptions {
  env?: NodeJS.ProcessEnv | undefined;
  cwd?: string | undefined;
  /** Kills the child's process group after this long. Default 10 minutes. */
  timeoutMs?: number | undefined;
  /** Wraps the command in `/usr/bin/time -v` and reports its peak RSS; the report file goes here. */
  timeFile?: string | undefined;
}

const TIME = '/usr/bin/time';

/** Process groups of the children still running, so an interrupted run can end them. */
const running = new Set<number>();

/** Registers a long-running child (spawned with `detached: true`) so {@link killChildren} ends it too. */
export function trackChild(pid: number | undefined, alive: boolean): void {
  if (pid === undefined) return;
  if (alive) running.add(pid);
  else running.delete(pid);
}

/** Ends every child process group this run started and that is still running. */
export function killChildren(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/**
 * Runs one command (no shell), bounded in time, and collects its output.
 * @example const r = await run('curl', ['--version']);
 */
export function run(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const [file, argv] = options.timeFile ? [TIME, ['-v', '-o', options.timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid) running.add(child.pid);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 1_000_000) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 1_000_000) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      reject(e);
    });
    child.on('close', async (code) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      const wallMs = performance.now() - started;
      let maxRssKb: number | undefined;
      let cpuMs: number | undefined;
      if (options.timeFile) {
        const report = await readFile(options.timeFile, 'utf8').catch(() => '');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (m?.[1]) maxRssKb = Number(m[1]);
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
        if (user?.[1] && sys?.[1]) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
        await rm(options.timeFile, { force: true });
      }
      resolve({ code, stdout, stderr, wallMs, timedOut, maxRssKb, cpuMs });
    });
  });
}

/** Runs a command under `/usr/bin/time -v`, with its report in `dir`. */
export function runMeasured(
  dir: string,
  cmd: string,
  args: string[],
  options: Omit<RunOptions, 'timeFile'> = {},
): Promise<RunResult> {
  return run(cmd, args, { ...options, timeFile: join(dir, `time-${process.pid}-${Date.now()}.txt`) });
}

/** True when `cmd` is on the PATH. */
export async function which(cmd: string): Promise<string | undefined> {
  const r = await run('sh', ['-c', `command -v ${cmd}`], { timeoutMs: 10_000 }).catch(() => undefined);
  return r?.code === 0 ? r.stdout.trim() : undefined;
}

/** The last line of a child's stdout that starts with `BENCH_RESULT `, parsed. */
export function parseResult<T>(r: RunResult, what: string): T {
  const line = r.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) {
    const why = r.timedOut ? 'timed out' : `exit ${r.code}`;
    throw new Error(`${what}: ${why}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

/** Trims a child's error output to one short line for a table cell. */
export function shortError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\s+/g, ' ').slice(0, 160);
}

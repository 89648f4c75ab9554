import { readFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { run } from './proc.ts';

/** The machine a run happened on. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  date: string;
}

/** Cores, memory, Node version, kernel and the date. */
export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    cores: c.length,
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel: release(),
    date: new Date().toISOString(),
  };
}

/** The 1-minute load average, rounded. */
export const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/**
 * The busiest other processes right now (by CPU since their start is useless, so by a short
 * `top` sample), to say what else was running during a measurement.
 */
export async function busyProcesses(limit = 5): Promise<string[]> {
  const r = await run('top', ['-b', '-n', '2', '-d', '1', '-o', '%CPU', '-w', '200'], {
    timeoutMs: 10_000,
  }).catch(() => undefined);
  if (r?.code !== 0) return [];
  const second = r.stdout.split(/\n(?=top - )/)[1] ?? '';
  const lines = second.split('\n');
  const header = lines.findIndex((l) => /\bPID\b.*\bCOMMAND\b/.test(l));
  if (header < 0) return [];
  return lines
    .slice(header + 1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 12 && Number(f[8]) >= 5)
    .slice(0, limit)
    .map((f) => `${f.slice(11).join(' ')} ${f[8]}%`);
}

/** Memory actually available, in MiB (MemAvailable). */
export async function availableMiB(): Promise<number | undefined> {
  const text = await readFile('/proc/meminfo', 'utf8').catch(() => '');
  const m = /MemAvailable:\s+(\d+) kB/.exec(text);
  return m?.[1] ? Math.round(Number(m[1]) / 1024) : undefined;
}

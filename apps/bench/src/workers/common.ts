import { Writable } from 'node:stream';

/** Parses the JSON job a worker gets as its first argument. */
export function job<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: worker <json job>');
  return JSON.parse(raw) as T;
}

/** Starts a CPU-time meter; call the result to get user + system ms since. */
export function cpuMeter(): () => number {
  const start = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(start);
    return (d.user + d.system) / 1000;
  };
}

/** Prints the worker's result where the parent looks for it, with this process's peak RSS. */
export function emit(result: Record<string, unknown>): void {
  const selfMaxRssKb = process.resourceUsage().maxRSS;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...result, selfMaxRssKb })}\n`);
}

/** Runs a worker body and exits non-zero with a one-line message on failure. */
export function main(body: () => Promise<void>): void {
  body().then(
    () => process.exit(0),
    (e: unknown) => {
      const err = e as { name?: string; message?: string; code?: string };
      process.stderr.write(
        `${err.name ?? 'Error'}${err.code ? ` ${err.code}` : ''}: ${err.message ?? String(e)}\n`,
      );
      process.exit(1);
    },
  );
}

/** A sink that drops everything and counts bytes. */
export function discard(): Writable & { bytes: number } {
  const w = new Writable({
    highWaterMark: 1024 * 1024,
    write(chunk: Buffer, _enc, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

/** The token and storage URL the parent resolved, for raw clients. */
export function rawTarget(): { token: string; storageUrl: string } {
  const token = process.env.BENCH_TOKEN;
  const storageUrl = process.env.BENCH_STORAGE_URL;
  if (!token || !storageUrl) throw new Error('BENCH_TOKEN and BENCH_STORAGE_URL are required');
  return { token, storageUrl: storageUrl.replace(/\/$/, '') };
}

/** Encodes a container/object path like the SDK does (keeping `/` in object names). */
export const objectUrl = (base: string, container: string, name: string): string =>
  `${base}/${encodeURIComponent(container)}/${name.split('/').map(encodeURIComponent).join('/')}`;

/** Runs `fn(0..count-1)` with at most `concurrency` in flight; returns elapsed ms and the failures. */
export async function pool(
  count: number,
  concurrency: number,
  fn: (i: number) => Promise<void>,
): Promise<{ ms: number; errors: number; firstError?: string | undefined }> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      try {
        await fn(i);
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { ms: performance.now() - started, errors, firstError };
}

/** The job of a small-request worker. */
export interface SmallJob {
  op: 'put' | 'head';
  container: string;
  prefix: string;
  count: number;
  concurrency: number;
  /** Object size for PUT. */
  size: number;
}

/** The keep-alive agent both small-request clients use. */
export const agentOptions = (concurrency: number) => ({ keepAlive: true, maxSockets: concurrency });

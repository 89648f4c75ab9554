const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** Formats a byte count in binary units: `20.0 MiB`, `512 KiB`, `17 B`. */
export function formatBytes(n: number): string {
  if (n >= GiB) return `${(n / GiB).toFixed(2)} GiB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MiB`;
  if (n >= KiB) return `${(n / KiB).toFixed(0)} KiB`;
  return `${Math.round(n)} B`;
}

/** The text of one progress line: `upload    [##########--------------]  42%   8.4 MiB / 20.0 MiB  31.5 MiB/s`. */
export function progressLine(
  label: string,
  done: number,
  total: number | undefined,
  elapsedMs: number,
): string {
  const rate = elapsedMs > 0 ? `${formatBytes((done / elapsedMs) * 1000)}/s` : '';
  if (!total) return `${label.padEnd(9)} ${formatBytes(done).padStart(9)}  ${rate}`;
  const ratio = Math.min(1, done / total);
  const width = 24;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `${label.padEnd(9)} ${bar} ${pct}  ${formatBytes(done).padStart(9)} / ${formatBytes(total)}  ${rate}`;
}

/** Where progress goes: a terminal (one line redrawn in place) or a log (a line every 25%). */
export interface ProgressSink {
  isTTY?: boolean | undefined;
  write(text: string): void;
}

/** A progress reporter for one transfer. Call `update` as bytes move and `done` at the end. */
export interface Progress {
  update(done: number, total?: number): void;
  done(): void;
}

/**
 * Creates a progress reporter. On a terminal it redraws one line at most every 100 ms; otherwise
 * (CI logs, pipes) it prints a line at 0, 25, 50, 75 and 100%.
 */
export function createProgress(label: string, sink: ProgressSink, now: () => number = Date.now): Progress {
  const started = now();
  let last = { done: 0, total: undefined as number | undefined };
  let lastDraw = 0;
  let nextQuarter = 0;
  const draw = (final: boolean) => {
    const line = progressLine(label, last.done, last.total, now() - started);
    if (sink.isTTY) sink.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else sink.write(`${line}\n`);
  };
  return {
    update(done, total) {
      last = { done, total: total ?? last.total };
      if (sink.isTTY) {
        if (now() - lastDraw >= 100) {
          lastDraw = now();
          draw(false);
        }
        return;
      }
      const ratio = last.total ? done / last.total : 0;
      // 100% is drawn once, by done().
      if (last.total && ratio < 1 && ratio * 4 >= nextQuarter && nextQuarter < 4) {
        while (ratio * 4 >= nextQuarter && nextQuarter < 4) nextQuarter++;
        draw(false);
      }
    },
    done() {
      draw(true);
    },
  };
}

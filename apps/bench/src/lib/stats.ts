/** Median of the numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Throughput in MB/s (10^6 bytes per second). */
export const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** Ratios of paired samples `a[i] / b[i]`, skipping pairs with a missing side. */
export function pairRatios(a: (number | undefined)[], b: (number | undefined)[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined && y > 0) out.push(x / y);
  }
  return out;
}

/** Formats a number with `digits` decimals, or `–` when missing. */
export const fmt = (n: number | undefined, digits = 0): string =>
  n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

/** Formats kilobytes as MiB. */
export const fmtRss = (kb: number | undefined): string =>
  kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MiB`;

/** Formats a byte count as MiB or GiB. */
export function fmtSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

/** A Markdown table. */
export function table(head: string[], rows: string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** Median and spread of samples, e.g. `412 (398–430)`. */
export function fmtSpread(values: number[], digits = 0): string {
  if (values.length === 0) return '–';
  if (values.length === 1) return fmt(values[0], digits);
  return `${fmt(median(values), digits)} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})`;
}

/** Client CPU seconds per GiB moved. */
export const cpuPerGiB = (cpuMs: number, bytes: number): number => cpuMs / 1000 / (bytes / 1024 ** 3);

import { describe, expect, it } from '@jest/globals';
import { createProgress, formatBytes, progressLine } from '../src/progress.js';

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect([
      formatBytes(17),
      formatBytes(512 * 1024),
      formatBytes(20_971_520),
      formatBytes(3 * 2 ** 30),
    ]).toEqual(['17 B', '512 KiB', '20.0 MiB', '3.00 GiB']);
  });
});

describe('progressLine', () => {
  it('draws a bar, a percentage, bytes and the rate', () => {
    expect(progressLine('upload', 5 * 2 ** 20, 20 * 2 ** 20, 1000)).toBe(
      'upload    [######------------------]  25%    5.0 MiB / 20.0 MiB  5.0 MiB/s',
    );
  });

  it('shows bytes and rate only when the total is unknown', () => {
    expect(progressLine('download', 2 * 2 ** 20, undefined, 2000)).toBe('download    2.0 MiB  1.0 MiB/s');
  });
});

describe('createProgress', () => {
  it('prints a line at 0, 25, 50 and 75% and at the end when not on a terminal', () => {
    const lines: string[] = [];
    let now = 0;
    const p = createProgress('upload', { isTTY: false, write: (t) => lines.push(t) }, () => now);
    for (let done = 0; done <= 100; done += 5) {
      now += 10;
      p.update(done * 1000, 100_000);
    }
    p.done();
    expect(lines.map((l) => /(\d+)%/.exec(l)?.[1])).toEqual(['0', '25', '50', '75', '100']);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
  });

  it('redraws one line in place on a terminal', () => {
    const out: string[] = [];
    let now = 0;
    const p = createProgress('upload', { isTTY: true, write: (t) => out.push(t) }, () => now);
    now = 200;
    p.update(50, 100);
    now = 250;
    p.update(60, 100); // within 100 ms of the last draw: skipped
    p.done();
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^\rupload .* 50%/);
    expect(out[1]).toMatch(/^\rupload .* 60%.*\n$/);
  });
});

import { randomFill } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

const fill = (buf: Buffer, offset: number, size: number) =>
  new Promise<void>((resolve, reject) => randomFill(buf, offset, size, (e) => (e ? reject(e) : resolve())));
const made = new Map<number, string>();

/** A file of `size` random bytes in `dir`, written once per size and reused. */
export async function dataFile(dir: string, size: number): Promise<string> {
  const known = made.get(size);
  if (known) return known;
  const path = join(dir, `random-${size}.bin`);
  const fh = await open(path, 'w');
  try {
    const chunk = Buffer.allocUnsafe(Math.min(size, 8 * 1024 * 1024));
    for (let written = 0; written < size; ) {
      const n = Math.min(chunk.length, size - written);
      await fill(chunk, 0, n);
      await fh.write(chunk, 0, n);
      written += n;
    }
  } finally {
    await fh.close();
  }
  made.set(size, path);
  return path;
}

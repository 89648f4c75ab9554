import { run, which } from './proc.ts';

let aptUpdated = false;

/**
 * Makes sure `binary` exists, installing Debian package `pkg` with apt-get when it is missing and
 * we are root. Returns the path, or undefined with the reason logged.
 */
export async function ensureTool(
  binary: string,
  pkg: string,
  log: (m: string) => void,
): Promise<string | undefined> {
  const found = await which(binary);
  if (found) return found;
  if (process.getuid?.() !== 0) {
    log(`${binary} is missing and installing ${pkg} needs root; skipping what needs it`);
    return undefined;
  }
  log(`installing ${pkg} with apt-get (for ${binary})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    const u = await run('apt-get', ['update', '-qq'], { env, timeoutMs: 5 * 60_000 });
    aptUpdated = u.code === 0;
  }
  const r = await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    env,
    timeoutMs: 10 * 60_000,
  });
  if (r.code !== 0) {
    log(`apt-get install ${pkg} failed: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`);
    return undefined;
  }
  return which(binary);
}

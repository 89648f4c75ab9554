/**
 * Runs Debian's tinyproxy on 127.0.0.1 with a temporary config and log file, for tests that must
 * show a real forward proxy saw the SDK's traffic. tooling/openstack/ensure-proxy-tools.sh installs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Tinyproxy {
  url: string;
  port: number;
  /** The requests tinyproxy logged so far, e.g. `CONNECT 127.0.0.1:5000`. */
  requests(): string[];
  stop(): Promise<void>;
}

/** The tinyproxy binary, or undefined when it is not installed. */
export function tinyproxyBinary(): string | undefined {
  return ['/usr/bin/tinyproxy', '/usr/sbin/tinyproxy'].find((p) => existsSync(p));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/**
 * Starts tinyproxy in the foreground of a child process: loopback only, clients from 127.0.0.1,
 * CONNECT to any port (no `ConnectPort` line), every request logged.
 * @example
 * ```ts
 * const proxy = await startTinyproxy();
 * process.env.HTTPS_PROXY = proxy.url;
 * expect(proxy.requests()).toContain('CONNECT 127.0.0.1:5000');
 * ```
 */
export async function startTinyproxy(): Promise<Tinyproxy> {
  const binary = tinyproxyBinary();
  if (!binary) throw new Error('tinyproxy is not installed (bash tooling/openstack/ensure-proxy-tools.sh)');
  const dir = mkdtempSync(join(tmpdir(), 'cloud-tinyproxy-'));
  const port = await freePort();
  const log = join(dir, 'tinyproxy.log');
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 60',
      `LogFile "${log}"`,
      'LogLevel Connect',
      'MaxClients 50',
      'Allow 127.0.0.1',
      'DisableViaHeader Yes',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  for (let i = 0; i < 100 && !(await accepts(port)); i++) {
    if (exited) throw new Error(`tinyproxy exited at start (config and log in ${dir})`);
    await sleep(50);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: () =>
      (existsSync(log) ? readFileSync(log, 'utf8') : '')
        .split('\n')
        .map((line) => /Request \(file descriptor \d+\): (\S+ \S+)/.exec(line)?.[1])
        .filter((r): r is string => !!r),
    stop: async () => {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await done;
    },
  };
}

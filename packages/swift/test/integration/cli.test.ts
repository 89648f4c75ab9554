/**
 * Cross-checks with the official `swift` command-line client (python-swiftclient), authenticated
 * with the same OS_* settings: what one writes, the other reads byte for byte.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import {
  createContainer,
  downloadObjectToBuffer,
  getObjectMetadata,
  type SwiftClient,
  uploadObject,
} from '../../src/index.js';
import { cleanupContainers, describeLive, liveClient, uniqueContainer } from './env.js';

const created: string[] = [];
cleanupContainers(liveClient, created);
const env = process.env;

function swiftCli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  const auth = [
    '--auth-version',
    '3',
    '--os-auth-url',
    env.OS_AUTH_URL!,
    '--os-username',
    env.OS_USERNAME ?? '',
    '--os-password',
    env.OS_PASSWORD ?? '',
    '--os-project-name',
    env.OS_PROJECT_NAME ?? '',
    '--os-user-domain-name',
    env.OS_USER_DOMAIN_NAME ?? 'Default',
    '--os-project-domain-name',
    env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    ...(env.OS_REGION_NAME ? ['--os-region-name', env.OS_REGION_NAME] : []),
    ...(env.OS_INTERFACE && env.OS_INTERFACE !== 'public'
      ? ['--os-endpoint-type', `${env.OS_INTERFACE}URL`]
      : []),
  ];
  // Only the command line carries the credentials: no OS_* variables reach the client.
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('OS_')));
  return new Promise((resolve, reject) => {
    const child = spawn('swift', [...auth, ...args], { cwd, env: clean });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const cliAvailable = () =>
  new Promise<boolean>((resolve) => {
    const p = spawn('swift', ['--version']);
    p.on('error', () => resolve(false));
    p.on('close', (code) => resolve(code === 0));
  });

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

describeLive('swift command-line client cross-checks (real service)', () => {
  let swift: SwiftClient;
  let c: string;
  let dir: string;
  let hasCli = false;
  beforeAll(async () => {
    hasCli = await cliAvailable();
    if (!hasCli)
      console.warn('the `swift` command (python-swiftclient) is not installed: CLI cross-checks are skipped');
    swift = liveClient();
    c = uniqueContainer('cli', created);
    await createContainer(swift, c);
    dir = await mkdtemp(join(tmpdir(), 'swift-cli-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('SDK upload -> swift download is byte-identical', async () => {
    if (!hasCli) return;
    const data = Buffer.concat([createHash('sha512').update('sdk').digest(), Buffer.alloc(70_000, 0xab)]);
    for (const name of ['sdk/plain.bin', 'sdk/ünï cødé+%.bin']) {
      await uploadObject(swift, c, name, data, { metadata: { origin: 'sdk' } });
      const out = join(dir, `from-cli-${md5(Buffer.from(name))}`);
      const res = await swiftCli(['download', c, name, '--output', out], dir);
      expect(res.code).toBe(0);
      expect(md5(await readFile(out))).toBe(md5(data));
    }
  });

  it('swift upload -> SDK download is byte-identical, with its metadata', async () => {
    if (!hasCli) return;
    const data = Buffer.concat([createHash('sha512').update('cli').digest(), Buffer.alloc(123_457, 0x5a)]);
    const file = join(dir, 'cli-source.bin');
    await writeFile(file, data);
    for (const name of ['cli/plain.bin', 'cli/ファイル name.bin']) {
      const res = await swiftCli(
        ['upload', c, file, '--object-name', name, '--header', 'X-Object-Meta-Origin:cli'],
        dir,
      );
      expect(res.code).toBe(0);
      const back = await downloadObjectToBuffer(swift, c, name);
      expect(md5(back)).toBe(md5(data));
      expect(back.equals(data)).toBe(true);
      expect((await getObjectMetadata(swift, c, name)).metadata).toMatchObject({ origin: 'cli' });
    }
  });

  it('swift segmented upload (SLO) -> SDK download is byte-identical', async () => {
    if (!hasCli) return;
    const data = Buffer.alloc(3 * 1024 * 1024 + 11);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    const file = join(dir, 'cli-slo.bin');
    await writeFile(file, data);
    const res = await swiftCli(
      ['upload', c, file, '--object-name', 'cli/slo.bin', '--segment-size', '1048576', '--use-slo'],
      dir,
    );
    expect(res.code).toBe(0);
    expect((await getObjectMetadata(swift, c, 'cli/slo.bin')).largeObject).toBe('static');
    expect(md5(await downloadObjectToBuffer(swift, c, 'cli/slo.bin'))).toBe(md5(data));
  });
});

/**
 * pkgcloud 2.2.0 (`storage.createClient({ provider: 'openstack' })`) streaming a file up or down,
 * authenticated from the same `OS_*` variables (Keystone v3 password).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpuMeter, emit, job, main } from './common.ts';

interface Job {
  op: 'upload' | 'download' | 'idle';
  container: string;
  object: string;
  file: string;
}

interface PkgcloudStorage {
  auth(cb: (err?: Error | null) => void): void;
  getContainer(name: string, cb: (err?: Error | null) => void): void;
  upload(o: { container: string; remote: string }): NodeJS.WritableStream & NodeJS.EventEmitter;
  download(o: { container: string; remote: string }): NodeJS.ReadableStream & NodeJS.EventEmitter;
}

/** pkgcloud's auth options from `OS_*` (pkgcloud appends `/v3/auth/tokens` itself). */
export function pkgcloudOptions(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const authUrl = (env.OS_AUTH_URL ?? '').replace(/\/+$/, '').replace(/\/v(3|2\.0)$/, '');
  const v2 = /\/v2\.0\/?$/.test(env.OS_AUTH_URL ?? '') || env.OS_IDENTITY_API_VERSION === '2.0';
  return {
    provider: 'openstack',
    authUrl,
    username: env.OS_USERNAME,
    password: env.OS_PASSWORD,
    region: env.OS_REGION_NAME,
    tenantName: env.OS_PROJECT_NAME ?? env.OS_TENANT_NAME,
    ...(v2
      ? {}
      : {
          keystoneAuthVersion: 'v3',
          domainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
          projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
        }),
  };
}

main(async () => {
  const j = job<Job>();
  const require = createRequire(import.meta.url);
  const pkgcloud = require('pkgcloud') as {
    storage: { createClient(o: Record<string, unknown>): PkgcloudStorage };
  };
  const client = pkgcloud.storage.createClient(pkgcloudOptions(process.env));
  // Authenticate and touch the container before timing, as the other clients do.
  await new Promise<void>((resolve, reject) => client.auth((e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve, reject) =>
    client.getContainer(j.container, (e) => (e ? reject(e) : resolve())),
  );
  const started = performance.now();
  const cpu = cpuMeter();
  let bytes = 0;
  if (j.op === 'idle') {
    // Authenticated and container read above: the resting footprint.
  } else if (j.op === 'upload') {
    bytes = (await stat(j.file)).size;
    await new Promise<void>((resolve, reject) => {
      const up = client.upload({ container: j.container, remote: j.object });
      up.on('error', reject);
      up.on('success', () => resolve());
      const src = createReadStream(j.file);
      src.on('error', reject);
      src.pipe(up);
    });
  } else {
    await new Promise<void>((resolve, reject) => {
      const down = client.download({ container: j.container, remote: j.object });
      const out = createWriteStream(j.file);
      down.on('error', reject);
      down.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      out.on('error', reject);
      out.on('finish', () => resolve());
      down.pipe(out);
    });
  }
  emit({ bytes, ms: performance.now() - started, cpuMs: cpu() });
});

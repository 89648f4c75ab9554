/**
 * The provider-neutral storage client against a real Keystone + Swift, from the OS_* variables only.
 * Skipped without OS_AUTH_URL. Run: `bash tooling/openstack/with-openstack.sh pnpm --filter @cloud/sdk test:integration`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { NotFoundError } from '@cloud/core';
import { afterAll, describe, expect, it } from '@jest/globals';
import { type ProviderStorageClient, providers } from '../../src/providers/index.js';

const env = process.env;
const live = !!env.OS_AUTH_URL;
const describeLive = live ? describe : describe.skip;
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const created: [ProviderStorageClient, string][] = [];

const storage = (region = env.OS_REGION_NAME) =>
  providers.openstack.storage({
    authUrl: env.OS_AUTH_URL,
    username: env.OS_USERNAME,
    password: env.OS_PASSWORD,
    projectName: env.OS_PROJECT_NAME,
    userDomainName: env.OS_USER_DOMAIN_NAME,
    projectDomainName: env.OS_PROJECT_DOMAIN_NAME,
    region,
  });

afterAll(async () => {
  for (const [client, name] of created) {
    await client.destroyContainer(name).catch((e: unknown) => {
      if (!(e instanceof NotFoundError)) throw e;
    });
  }
});

describeLive('providers.openstack.storage against a real Swift', () => {
  it('creates a container, uploads, lists, downloads and destroys', async () => {
    const s = storage();
    const name = `sdk-it-providers-${run}`;
    created.push([s, name]);
    await s.createContainer({ name, metadata: { purpose: 'integration' } });
    const data = randomBytes(256 * 1024 + 3);
    const md5 = createHash('md5').update(data).digest('hex');
    const progress: number[] = [];
    const up = await s.upload({
      container: name,
      remote: 'dir/data.bin',
      buffer: data,
      metadata: { run },
      onProgress: (p) => progress.push(p.transferred),
    });
    expect([up.size, up.etag]).toEqual([data.length, md5]);
    expect(progress.at(-1)).toBe(data.length);

    // Account listings update asynchronously in Swift; the container's own totals do not.
    expect((await s.getContainers()).map((c) => c.name)).toContain(name);
    expect(await s.getContainer(name)).toEqual({ provider: 'openstack', name, count: 1, bytes: data.length });
    expect((await s.getFiles(name)).map((f) => [f.name, f.size, f.etag])).toEqual([
      ['dir/data.bin', data.length, md5],
    ]);
    expect(await s.getFile(name, 'dir/data.bin')).toMatchObject({ size: data.length, metadata: { run } });

    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    const file = await s.download({ container: name, remote: 'dir/data.bin', stream: sink });
    expect(file.etag).toBe(md5);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);

    await s.destroyContainer(name);
    await expect(s.getContainer(name)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reaches every region of the catalog', async () => {
    const regions = (env.CLOUD_IT_REGIONS ?? env.OS_REGION_NAME ?? '').split(',').filter(Boolean);
    for (const region of regions) {
      const s = storage(region);
      const name = `sdk-it-region-${run}-${region.toLowerCase()}`;
      created.push([s, name]);
      await s.createContainer(name);
      expect((await s.getContainers()).map((c) => c.name)).toContain(name);
      await s.destroyContainer(name);
    }
  });
});

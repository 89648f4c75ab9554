/**
 * Faults between the SDK and the real Swift: a fault-injecting proxy (`@cloud/fault-proxy`) sits
 * in front of the local Swift proxy; the token still comes from the real Keystone.
 */
import { createHash } from 'node:crypto';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CloudError,
  createSession,
  fromPassword,
  HttpError,
  NotFoundError,
  toArray,
  ValidationError,
} from '@cloud/core';
import { type FaultProxy, startFaultProxy } from '@cloud/fault-proxy';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createContainer,
  createSwiftClient,
  downloadObjectToBuffer,
  downloadObjectToFile,
  getObjectMetadata,
  listObjects,
  type SwiftClient,
  uploadLargeObject,
  uploadObject,
} from '../../src/index.js';
import { cleanupContainers, describeLive, live, liveClient, uniqueContainer } from './env.js';

const created: string[] = [];
cleanupContainers(liveClient, created);
const MiB = 1024 * 1024;
const env = process.env;

/** Deterministic bytes. */
function bytes(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** A client whose storage requests go through the proxy (quick retries, so tests stay short). */
function proxiedClient(proxy: FaultProxy): SwiftClient {
  const storage = new URL(env.CLOUD_IT_SWIFT_URL_REGIONONE!);
  const session = createSession({
    credentials: fromPassword({
      authUrl: env.OS_AUTH_URL!,
      username: env.OS_USERNAME,
      password: env.OS_PASSWORD!,
      projectName: env.OS_PROJECT_NAME,
      userDomainName: env.OS_USER_DOMAIN_NAME ?? 'Default',
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? 'Default',
    }),
    region: env.OS_REGION_NAME,
    retry: { baseDelayMs: 50, maxDelayMs: 2000 },
  });
  return createSwiftClient(session, { endpoint: `${proxy.url}${storage.pathname}` });
}

/** The proxy needs the real storage URL to stand in front of; other clouds skip the suite. */
const describeFaults: typeof describeLive = env.CLOUD_IT_SWIFT_URL_REGIONONE
  ? describeLive
  : (describe.skip as typeof describeLive);

describeFaults('Swift behind a fault-injecting proxy (real service)', () => {
  let proxy: FaultProxy;
  let direct: SwiftClient;
  let faulty: SwiftClient;
  let c: string;
  let dir: string;
  beforeAll(async () => {
    if (!live) return;
    const storage = new URL(env.CLOUD_IT_SWIFT_URL_REGIONONE!);
    proxy = await startFaultProxy({ target: storage.origin });
    direct = liveClient();
    faulty = proxiedClient(proxy);
    c = uniqueContainer('faults', created);
    await createContainer(direct, c);
    dir = await mkdtemp(join(tmpdir(), 'swift-faults-'));
  });
  afterEach(() => proxy?.clear());
  afterAll(async () => {
    await proxy?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const segmentsOf = async (name: string) =>
    (await toArray(listObjects(direct, `${c}_segments`, { prefix: `${name}/` }))).map((e) => e.name).sort();

  it('an SLO overwrite whose manifest answer is lost is confirmed; the old segments go only afterwards', async () => {
    const old = bytes(2 * MiB + 5, 1);
    await uploadLargeObject(direct, c, 'overwrite', old, { segmentSize: MiB });
    const oldSegments = await segmentsOf('overwrite');
    expect(oldSegments).toHaveLength(3);

    proxy.setFault({ method: 'PUT', path: 'multipart-manifest=put', fault: { kind: 'drop-response' } });
    const data = bytes(3 * MiB + 7, 2);
    const res = await uploadLargeObject(faulty, c, 'overwrite', data, { segmentSize: MiB });
    expect(proxy.requests.filter((r) => r.fault === 'drop-response').length).toBeGreaterThanOrEqual(1);
    // Swift stored the manifest: the object is the new content, whole and readable.
    expect(md5(await downloadObjectToBuffer(direct, c, 'overwrite'))).toBe(md5(data));
    const now = await segmentsOf('overwrite');
    expect(now).toHaveLength(4);
    expect(now.every((n) => n.startsWith(res.largeObject!.segmentPrefix))).toBe(true);
    // Old segments were deleted after the manifest was confirmed (HEAD, then the stored manifest).
    const seen = proxy.requests.map((r) => `${r.method} ${r.path}`);
    const lastManifest = seen.findLastIndex((r) => r.includes('multipart-manifest=put'));
    const firstOldDelete = seen.findIndex(
      (r) => r.startsWith('DELETE') && r.includes(oldSegments[0]!.split('/')[2]!),
    );
    const confirm = seen.findIndex((r, i) => i > lastManifest && r.includes('multipart-manifest=get'));
    expect(confirm).toBeGreaterThan(lastManifest);
    expect(firstOldDelete).toBeGreaterThan(confirm);
  });

  it('an SLO overwrite whose manifest never lands keeps the old object intact', async () => {
    const old = bytes(2 * MiB + 5, 3);
    await uploadLargeObject(direct, c, 'kept', old, { segmentSize: MiB });
    const oldSegments = await segmentsOf('kept');
    proxy.setFault({
      method: 'PUT',
      path: 'multipart-manifest=put',
      fault: { kind: 'status', status: 503, body: '<html>unavailable</html>' },
    });
    const err = await uploadLargeObject(faulty, c, 'kept', bytes(3 * MiB, 4), { segmentSize: MiB }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    expect(err.status).toBe(503);
    expect(md5(await downloadObjectToBuffer(direct, c, 'kept'))).toBe(md5(old));
    expect(await segmentsOf('kept')).toEqual(oldSegments);
  });

  it('a short stream declared larger is a typed error and leaves nothing behind', async () => {
    const short = Readable.from([bytes(MiB, 5), bytes(MiB, 6), bytes(MiB, 7)]);
    const err = await uploadLargeObject(faulty, c, 'short', short, { size: 5 * MiB, segmentSize: MiB }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('size');
    await expect(getObjectMetadata(direct, c, 'short')).rejects.toBeInstanceOf(NotFoundError);
    expect(await segmentsOf('short')).toEqual([]);
    expect(proxy.requests.some((r) => r.path.includes('multipart-manifest=put'))).toBe(false);
  });

  it('segment PUTs recover from a reset, a 503 and a 429 with Retry-After', async () => {
    const segmentPut = { method: 'PUT', path: `/${c}_segments/` };
    proxy.setFault([
      { ...segmentPut, times: 1, fault: { kind: 'reset' } },
      { ...segmentPut, times: 1, fault: { kind: 'status', status: 503, body: 'busy' } },
      { ...segmentPut, times: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } },
    ]);
    const data = bytes(4 * MiB + 1, 8);
    const res = await uploadObject(faulty, c, 'retried', Readable.from([data]), {
      size: data.length,
      largeObject: true,
      segmentSize: MiB,
    });
    expect(res.largeObject?.segmentCount).toBe(5);
    expect(proxy.requests.map((r) => r.fault).filter(Boolean)).toEqual(['reset', 'status', 'status']);
    expect(md5(await downloadObjectToBuffer(direct, c, 'retried'))).toBe(md5(data));
  });

  it('a truncated download is a typed error, never a short file', async () => {
    const data = bytes(2 * MiB, 9);
    await uploadObject(direct, c, 'cut', data);
    proxy.setFault({ method: 'GET', path: `/${c}/cut`, fault: { kind: 'truncate', afterBytes: 700_000 } });
    const file = join(dir, 'cut.bin');
    const toFile = await downloadObjectToFile(faulty, c, 'cut', file).catch((e) => e);
    expect(toFile).toBeInstanceOf(CloudError);
    await expect(access(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
    const toBuffer = await downloadObjectToBuffer(faulty, c, 'cut').catch((e) => e);
    expect(toBuffer).toBeInstanceOf(CloudError);
  });
});

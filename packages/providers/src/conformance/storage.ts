import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { NotFoundError, ValidationError } from '@cloud/core';
import { UnsupportedOperationError } from '../errors.js';
import type { ProviderStorageClient } from '../storage.js';
import { type ConformanceCheck, eventually } from './check.js';

/** What the storage checks need to know about the adapter under test. */
export interface StorageConformanceTarget {
  /** A new client of the adapter under test. */
  storage(): ProviderStorageClient;
  /**
   * A container name not used before, valid on this cloud (S3 and Azure: 3-63 characters of
   * lowercase letters, digits and `-`). Called once per check that creates a container.
   */
  containerName(): string;
  /**
   * Size in bytes of the large-upload check: a stream of unknown length that the adapter must
   * store whole (on S3, anything over 5 MiB goes through a multipart upload; on Swift, through a
   * static large object once past the client's threshold). The check passes at once when omitted.
   */
  largeUploadBytes?: number | undefined;
}

const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Creates a container, runs `body` with it, and destroys it afterwards whatever happened. */
async function withContainer(
  target: StorageConformanceTarget,
  body: (storage: ProviderStorageClient, name: string) => Promise<void>,
): Promise<void> {
  const storage = target.storage();
  const name = target.containerName();
  await storage.createContainer(name);
  try {
    await body(storage, name);
  } finally {
    await storage.destroyContainer(name).catch((e: unknown) => {
      if (!(e instanceof NotFoundError)) throw e;
    });
  }
}

/** Reads a URL with plain `fetch`, as any HTTP client without credentials would. */
async function fetchBytes(url: string, init?: RequestInit): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url, init);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/** Tries listings a few times on clouds whose listings lag behind writes. */
const listingTries = (storage: ProviderStorageClient) => (storage.capabilities.consistentListings ? 1 : 20);

/**
 * The behaviour every {@link ProviderStorageClient} must have, as framework-free checks: run each
 * one as a test of your framework.
 * @example
 * ```ts
 * import { storageChecks } from '@cloud/providers/conformance';
 *
 * const target = { storage: () => myStorage(), containerName: () => `conf-${randomUUID()}` };
 * describe('my adapter', () => {
 *   for (const check of storageChecks) it(check.name, () => check.run(target));
 * });
 * ```
 */
export const storageChecks: readonly ConformanceCheck<StorageConformanceTarget>[] = [
  {
    name: 'creates, reads, lists and destroys a container',
    async run(target) {
      const storage = target.storage();
      const name = target.containerName();
      const metadata = storage.capabilities.containerMetadata ? { purpose: 'conformance' } : undefined;
      const created = await storage.createContainer({ name, metadata });
      try {
        assert.deepEqual(created, { provider: storage.provider, name, count: 0, bytes: 0 });
        assert.deepEqual(await storage.getContainer(name), created);
        const all = await eventually(
          () => storage.getContainers(),
          (list) => list.some((c) => c.name === name),
          { tries: listingTries(storage) },
        );
        assert.ok(
          all.some((c) => c.name === name),
          `getContainers() lists ${name}`,
        );
        for (const c of all) assert.equal(c.provider, storage.provider);
        // Creating it again is not an error.
        assert.equal((await storage.createContainer(name)).name, name);
      } finally {
        await storage.destroyContainer({ name });
      }
      await assert.rejects(storage.getContainer(name), NotFoundError);
    },
  },
  {
    name: 'uploads a buffer with its metadata and reads it back by stream, body and file',
    async run(target) {
      await withContainer(target, async (storage, container) => {
        const data = randomBytes(64 * 1024 + 7);
        const progress: number[] = [];
        const up = await storage.upload({
          container,
          remote: 'dir/data.bin',
          buffer: data,
          contentType: 'application/x-conformance',
          metadata: { origin: 'conformance' },
          onProgress: (p) => progress.push(p.transferred),
        });
        assert.equal(up.provider, storage.provider);
        assert.deepEqual([up.container, up.name, up.size], [container, 'dir/data.bin', data.length]);
        assert.equal(up.etag, md5(data));
        assert.equal(progress.at(-1), data.length, 'progress reaches the size');

        const info = await storage.getFile({ name: container }, 'dir/data.bin');
        assert.deepEqual(
          [info.name, info.size, info.etag, info.contentType],
          ['dir/data.bin', data.length, md5(data), 'application/x-conformance'],
        );
        assert.deepEqual(info.metadata, { origin: 'conformance' });
        assert.ok(info.lastModified instanceof Date && !Number.isNaN(info.lastModified.getTime()));

        const sink = new PassThrough();
        const received = collect(sink);
        const viaStream = await storage.download({ container, remote: 'dir/data.bin', stream: sink });
        assert.ok((await received).equals(data), 'download to a stream returns the bytes');
        assert.equal(viaStream.size, data.length);

        const { body, ...file } = await storage.download({ container, remote: 'dir/data.bin' });
        assert.equal(file.size, data.length);
        assert.ok((await collect(body)).equals(data), 'download body returns the bytes');

        const dir = await mkdtemp(join(tmpdir(), 'provider-conformance-'));
        try {
          const seen: number[] = [];
          const path = join(dir, 'out.bin');
          await storage.download({
            container,
            remote: 'dir/data.bin',
            file: path,
            onProgress: (p) => seen.push(p.transferred),
          });
          assert.ok((await readFile(path)).equals(data), 'download to a file writes the bytes');
          assert.equal(seen.at(-1), data.length);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    },
  },
  {
    name: 'uploads from a stream of unknown length and from a local file',
    async run(target) {
      await withContainer(target, async (storage, container) => {
        const a = randomBytes(10_000);
        const b = randomBytes(20_000);
        const up = await storage.upload({
          container,
          remote: 'stream.bin',
          stream: Readable.from([a.subarray(0, 4000), a.subarray(4000)]),
        });
        assert.equal(up.size, a.length);
        const dir = await mkdtemp(join(tmpdir(), 'provider-conformance-'));
        try {
          const path = join(dir, 'in.bin');
          await writeFile(path, b);
          assert.equal((await storage.upload({ container, remote: 'file.bin', file: path })).size, b.length);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
        const { body: bodyA } = await storage.download({ container, remote: 'stream.bin' });
        assert.ok((await collect(bodyA)).equals(a));
        const { body: bodyB } = await storage.download({ container, remote: 'file.bin' });
        assert.ok((await collect(bodyB)).equals(b));
      });
    },
  },
  {
    name: 'lists files by prefix and up to a limit, and counts them in the container totals',
    async run(target) {
      await withContainer(target, async (storage, container) => {
        for (const remote of ['a/1.txt', 'a/2.txt', 'b/1.txt']) {
          await storage.upload({ container, remote, buffer: `content of ${remote}` });
        }
        const tries = { tries: listingTries(storage) };
        const all = await eventually(
          () => storage.getFiles(container),
          (l) => l.length === 3,
          tries,
        );
        assert.deepEqual(
          all.map((f) => [f.provider, f.container, f.name, f.size]),
          ['a/1.txt', 'a/2.txt', 'b/1.txt'].map((n) => [
            storage.provider,
            container,
            n,
            `content of ${n}`.length,
          ]),
        );
        const underA = await storage.getFiles({ name: container }, { prefix: 'a/' });
        assert.deepEqual(
          underA.map((f) => f.name),
          ['a/1.txt', 'a/2.txt'],
        );
        assert.equal((await storage.getFiles(container, { limit: 2 })).length, 2);
        const totals = await eventually(
          () => storage.getContainer(container),
          (c) => c.count === 3,
          tries,
        );
        assert.deepEqual([totals.count, totals.bytes], [3, all.reduce((n, f) => n + f.size, 0)]);
      });
    },
  },
  {
    name: 'removes a file, then reports it missing as NotFoundError',
    async run(target) {
      await withContainer(target, async (storage, container) => {
        await storage.upload({ container, remote: 'gone.txt', buffer: 'bye' });
        await storage.removeFile(container, 'gone.txt');
        await assert.rejects(storage.getFile(container, 'gone.txt'), NotFoundError);
        await assert.rejects(storage.download({ container, remote: 'gone.txt' }), NotFoundError);
      });
    },
  },
  {
    name: 'destroys a container that still holds files',
    async run(target) {
      const storage = target.storage();
      const name = target.containerName();
      await storage.createContainer(name);
      try {
        await storage.upload({ container: name, remote: 'x/1.txt', buffer: '1' });
        await storage.upload({ container: name, remote: 'x/2.txt', buffer: '2' });
      } finally {
        await storage.destroyContainer(name);
      }
      await assert.rejects(storage.getContainer(name), NotFoundError);
    },
  },
  {
    name: 'reports a missing container as NotFoundError',
    async run(target) {
      const storage = target.storage();
      const name = target.containerName();
      await assert.rejects(storage.getContainer(name), NotFoundError);
      await assert.rejects(storage.getFiles(name), NotFoundError);
      await assert.rejects(storage.getFile(name, 'any.txt'), NotFoundError);
    },
  },
  {
    name: 'refuses bad input with a ValidationError naming the field',
    async run(target) {
      const storage = target.storage();
      const invalid = (field: string) => (e: unknown) =>
        e instanceof ValidationError && (e as ValidationError & { field?: string }).field === field;
      await assert.rejects(storage.getContainer(''), invalid('container'));
      await assert.rejects(storage.upload({ container: 'c-valid-name', remote: 'x' }), ValidationError);
      await assert.rejects(
        storage.upload({ container: 'c-valid-name', remote: 'x', buffer: 'a', file: '/nonexistent' }),
        ValidationError,
      );
      await assert.rejects(storage.upload({ container: '', remote: 'x', buffer: 'a' }), invalid('container'));
    },
  },
  {
    name: 'signs temporary URLs that plain fetch can download and upload with',
    async run(target) {
      await withContainer(target, async (storage, container) => {
        const data = randomBytes(4096 + 3);
        await storage.upload({ container, remote: 'signed/data.bin', buffer: data });
        const url = await storage.temporaryUrl(container, 'signed/data.bin', { expiresIn: 120 });
        assert.equal(typeof url, 'string');
        const got = await fetchBytes(url);
        assert.equal(got.status, 200, 'GET of the temporary URL succeeds without credentials');
        assert.ok(got.body.equals(data), 'the temporary URL returns the bytes');

        const put = await storage.temporaryUrl({ name: container }, 'signed/put.bin', { method: 'PUT' });
        const sent = randomBytes(1000);
        const res = await fetch(put, {
          method: 'PUT',
          body: sent,
          headers: { ...storage.capabilities.temporaryUrlPutHeaders },
        });
        assert.ok(res.status >= 200 && res.status < 300, `PUT of the temporary URL succeeds (${res.status})`);
        const { body } = await storage.download({ container, remote: 'signed/put.bin' });
        assert.ok((await collect(body)).equals(sent), 'a PUT through the temporary URL stores the bytes');

        const invalid = (e: unknown) =>
          e instanceof ValidationError && (e as ValidationError & { field?: string }).field === 'expiresIn';
        await assert.rejects(storage.temporaryUrl(container, 'x', { expiresIn: 0 }), invalid);
        await assert.rejects(storage.temporaryUrl(container, 'x', { expiresIn: 604_801 }), invalid);
        await assert.rejects(storage.temporaryUrl(container, 'x', { expiresIn: 1.5 }), invalid);
      });
    },
  },
  {
    name: 'copies a file within and across containers, keeping bytes, content type and metadata',
    async run(target) {
      await withContainer(target, async (storage, container) => {
        await withContainer(target, async (_, other) => {
          const data = randomBytes(20_000);
          await storage.upload({
            container,
            remote: 'src/original.bin',
            buffer: data,
            contentType: 'application/x-conformance',
            metadata: { origin: 'conformance', kind: 'copy-source' },
          });
          const copied = await storage.copy({
            from: { container, remote: 'src/original.bin' },
            to: { container: { name: other }, remote: 'dst/copy.bin' },
          });
          assert.deepEqual(
            [copied.provider, copied.container, copied.name, copied.size],
            [storage.provider, other, 'dst/copy.bin', data.length],
          );
          const same = await storage.copy({
            from: { container, remote: 'src/original.bin' },
            to: { container, remote: 'src/again.bin' },
          });
          assert.equal(same.size, data.length);
          for (const [c, remote] of [
            [other, 'dst/copy.bin'],
            [container, 'src/again.bin'],
            [container, 'src/original.bin'],
          ] as const) {
            const info = await storage.getFile(c, remote);
            assert.deepEqual(
              [info.size, info.etag, info.contentType, info.metadata],
              [
                data.length,
                md5(data),
                'application/x-conformance',
                { origin: 'conformance', kind: 'copy-source' },
              ],
              `${c}/${remote} keeps content type and metadata`,
            );
            const { body } = await storage.download({ container: c, remote });
            assert.ok((await collect(body)).equals(data), `${c}/${remote} has the bytes`);
          }
          await assert.rejects(
            storage.copy({ from: { container, remote: 'missing.bin' }, to: { container, remote: 'x.bin' } }),
            NotFoundError,
          );
          await assert.rejects(
            storage.copy({ from: { container, remote: '' }, to: { container, remote: 'x.bin' } }),
            ValidationError,
          );
        });
      });
    },
  },
  {
    name: 'keeps container metadata: set merges keys, get reads them back',
    skipReason: (target) =>
      target.storage().capabilities.containerMetadata ? undefined : 'capabilities.containerMetadata is false',
    async run(target) {
      const storage = target.storage();
      const name = target.containerName();
      await storage.createContainer({ name, metadata: { purpose: 'conformance' } });
      try {
        assert.deepEqual(await storage.getContainerMetadata(name), { purpose: 'conformance' });
        await storage.setContainerMetadata({ name }, { owner: 'ops', purpose: 'checks' });
        assert.deepEqual(await storage.getContainerMetadata(name), { owner: 'ops', purpose: 'checks' });
      } finally {
        await storage.destroyContainer(name);
      }
      await assert.rejects(storage.getContainerMetadata(name), NotFoundError);
      await assert.rejects(storage.setContainerMetadata(name, { a: 'b' }), NotFoundError);
    },
  },
  {
    name: 'refuses container metadata with UnsupportedOperationError where the cloud has none',
    skipReason: (target) =>
      target.storage().capabilities.containerMetadata ? 'capabilities.containerMetadata is true' : undefined,
    async run(target) {
      const storage = target.storage();
      const name = target.containerName();
      const unsupported = (e: unknown) =>
        e instanceof UnsupportedOperationError && e.provider === storage.provider;
      await assert.rejects(storage.createContainer({ name, metadata: { a: 'b' } }), unsupported);
      await assert.rejects(storage.getContainer(name), NotFoundError, 'nothing was created');
      await assert.rejects(storage.getContainerMetadata(name), unsupported);
      await assert.rejects(storage.setContainerMetadata(name, { a: 'b' }), unsupported);
    },
  },
  {
    name: 'uploads a large stream of unknown length and reads back the same bytes',
    async run(target) {
      const size = target.largeUploadBytes;
      if (!size) return;
      await withContainer(target, async (storage, container) => {
        const chunk = randomBytes(256 * 1024);
        const hash = createHash('md5');
        let sent = 0;
        async function* source() {
          while (sent < size!) {
            const part = chunk.subarray(0, Math.min(chunk.length, size! - sent));
            sent += part.length;
            hash.update(part);
            yield part;
          }
        }
        const progress: number[] = [];
        const up = await storage.upload({
          container,
          remote: 'large.bin',
          stream: source(),
          onProgress: (p) => progress.push(p.transferred),
        });
        const sentMd5 = hash.digest('hex');
        assert.equal(up.size, size);
        assert.equal(progress.at(-1), size);
        assert.equal((await storage.getFile(container, 'large.bin')).size, size);
        const { body } = await storage.download({ container, remote: 'large.bin' });
        const got = createHash('md5');
        let received = 0;
        for await (const c of body) {
          got.update(c as Uint8Array);
          received += (c as Uint8Array).length;
        }
        assert.deepEqual([received, got.digest('hex')], [size, sentMd5]);
      });
    },
  },
];

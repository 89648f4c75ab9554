/**
 * The neutral conformance checks of `@cloud/providers/conformance` against a local Azurite blob
 * service, plus a 100 MiB transfer and SAS URLs fetched with plain `fetch`. Skipped without
 * CLOUD_AZURITE_BLOB_ENDPOINT; `bash tooling/emulators/with-emulators.sh` (part of the root
 * `test:integration`) starts Azurite and sets it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { NotFoundError } from '@cloud/core';
import { describeCheck, storageChecks } from '@cloud/providers/conformance';
import { describe, expect, it } from '@jest/globals';
import { azureStorage } from '../../src/storage/index.js';

const endpoint = process.env.CLOUD_AZURITE_BLOB_ENDPOINT;
const accountName = process.env.CLOUD_AZURITE_ACCOUNT ?? 'devstoreaccount1';
const accountKey = process.env.CLOUD_AZURITE_ACCOUNT_KEY ?? '';
const describeAzurite = endpoint ? describe : describe.skip;
const run = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
let serial = 0;
const containerName = () => `conf-${run}-${++serial}`;
const storage = () => azureStorage({ url: endpoint, accountName, accountKey });

describeAzurite('azure storage conformance (Azurite)', () => {
  const target = { storage, containerName, largeUploadBytes: 9 * 1024 * 1024 + 5 };
  for (const check of storageChecks) {
    // A check the target's capabilities rule out is not a gap here (its refusal is checked instead),
    // and a skipped integration test fails CI: it is not registered at all.
    const { name, skip } = describeCheck(check, target);
    if (!skip) it(name, () => check.run(target));
  }
});

describeAzurite('azure storage beyond the neutral interface (Azurite)', () => {
  it('uploads and downloads 100 MiB as staged blocks, with progress, and the same bytes come back', async () => {
    const s = storage();
    const container = containerName();
    await s.createContainer(container);
    try {
      const size = 100 * 1024 * 1024;
      const chunk = randomBytes(1024 * 1024);
      const sent = createHash('md5');
      async function* source() {
        for (let n = 0; n < size; n += chunk.length) {
          sent.update(chunk);
          yield chunk;
        }
      }
      const up: number[] = [];
      const file = await s.upload({
        container,
        remote: 'big.bin',
        stream: source(),
        size,
        onProgress: (p) => up.push(p.transferred),
      });
      const md5 = sent.digest('hex');
      expect([file.size, file.etag]).toEqual([size, md5]);
      expect(up.length).toBeGreaterThan(10);
      expect(up.at(-1)).toBe(size);
      expect(up.every((v, i) => i === 0 || v > up[i - 1]!)).toBe(true);

      const down: number[] = [];
      const { body, ...info } = await s.download({
        container,
        remote: 'big.bin',
        onProgress: (p) => down.push(p.transferred),
      });
      expect(info.etag).toBe(md5);
      const got = createHash('md5');
      let received = 0;
      for await (const c of body) {
        got.update(c as Buffer);
        received += (c as Buffer).length;
      }
      expect([received, got.digest('hex')]).toEqual([size, md5]);
      expect(down.at(-1)).toBe(size);
    } finally {
      await s.destroyContainer(container);
    }
  });

  it('signs SAS URLs that plain fetch can read and write', async () => {
    const s = storage();
    const container = containerName();
    await s.createContainer(container);
    try {
      await s.upload({ container, remote: 'hello.txt', buffer: 'hello from azure' });
      const url = await s.temporaryUrl(container, 'hello.txt', { expiresIn: 60 });
      expect(url).toContain('sig=');
      const res = await fetch(url);
      expect([res.status, await res.text()]).toEqual([200, 'hello from azure']);

      const put = await s.temporaryUrl(container, 'put.txt', { method: 'PUT' });
      const written = await fetch(put, {
        method: 'PUT',
        body: 'uploaded',
        headers: { 'x-ms-blob-type': 'BlockBlob' },
      });
      expect(written.status).toBe(201);
      expect((await s.getFile(container, 'put.txt')).size).toBe('uploaded'.length);
      // A read URL does not allow writing.
      expect(
        (await fetch(url, { method: 'PUT', body: 'x', headers: { 'x-ms-blob-type': 'BlockBlob' } })).status,
      ).toBe(403);
    } finally {
      await s.destroyContainer(container);
    }
  });

  it('merges and replaces container and file metadata, and copies a file with its metadata', async () => {
    const s = storage();
    const container = containerName();
    await s.createContainer({ name: container, metadata: { owner: 'ops' } });
    try {
      expect(await s.getContainerMetadata(container)).toEqual({ owner: 'ops' });
      await s.setContainerMetadata(container, { team: 'storage' });
      expect(await s.getContainerMetadata(container)).toEqual({ owner: 'ops', team: 'storage' });
      await s.replaceContainerMetadata(container, { only: 'this' });
      expect(await s.getContainerMetadata(container)).toEqual({ only: 'this' });

      await s.upload({
        container,
        remote: 'a.txt',
        buffer: 'copy me',
        contentType: 'text/plain',
        metadata: { v: '1' },
      });
      await s.setFileMetadata(container, 'a.txt', { checked: 'yes' });
      expect((await s.getFile(container, 'a.txt')).metadata).toEqual({ v: '1', checked: 'yes' });
      await s.replaceFileMetadata(container, 'a.txt', { v: '2' });
      expect((await s.getFile(container, 'a.txt')).metadata).toEqual({ v: '2' });

      const copy = await s.copy({
        from: { container, remote: 'a.txt' },
        to: { container, remote: 'dir/b.txt' },
      });
      expect([copy.name, copy.size, copy.contentType, copy.metadata]).toEqual([
        'dir/b.txt',
        7,
        'text/plain',
        { v: '2' },
      ]);
      const { body } = await s.download({ container, remote: 'dir/b.txt' });
      let text = '';
      for await (const c of body) text += c;
      expect(text).toBe('copy me');
      await expect(
        s.copy({ from: { container, remote: 'missing' }, to: { container, remote: 'c.txt' } }),
      ).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await s.destroyContainer(container);
    }
  });

  it('reports a wrong account key as AuthenticationError, and keeps the key out of errors and inspect', async () => {
    const s = azureStorage({
      url: endpoint,
      accountName,
      accountKey: Buffer.alloc(64, 7).toString('base64'),
    });
    const error = await s.getContainer(containerName()).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AuthenticationError');
    const shown =
      inspect(error, { depth: 10 }) + inspect(s, { depth: 10 }) + inspect(s.client, { depth: 10 });
    expect(shown).not.toContain(Buffer.alloc(64, 7).toString('base64'));
    expect(shown).not.toContain('07 07 07 07');
  });
});

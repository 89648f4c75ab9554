import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError, HttpError, NetworkError, TimeoutError, ValidationError } from '@cloud/core';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HttpResponse } from 'msw';
import {
  createContainer,
  downloadObjectToBuffer,
  getStaticLargeObjectManifest,
  SwiftUploadUnconfirmedError,
  uploadLargeObject,
  uploadObject,
  uploadObjectFromFile,
} from '../src/index.js';
import { pattern, setupSwift, streamOf } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const MiB = 1024 * 1024;
// Several MiB go through msw per test; a loaded machine needs more than the default 5 s.
jest.setTimeout(30_000);

async function ready() {
  const swift = client();
  await createContainer(swift, 'lo');
  cloud.requests.length = 0;
  return swift;
}
const isManifestPut = (req: Request) =>
  req.method === 'PUT' && new URL(req.url).search.includes('multipart-manifest=put');
const segmentNames = () => [...(fake.containers.get('lo_segments')?.objects.keys() ?? [])].sort();

/** Uploads the object that a later upload replaces; returns its content and segment names. */
async function existing(swift: ReturnType<typeof client>, name: string) {
  const old = pattern(2 * MiB + 10, 7);
  await uploadLargeObject(swift, 'lo', name, old, { segmentSize: MiB });
  return { old, oldSegments: segmentNames() };
}

describe('large uploads whose manifest PUT fails', () => {
  it('confirms a manifest whose answer was lost, keeps the object readable and only then drops the old segments', async () => {
    const swift = await ready();
    const { oldSegments } = await existing(swift, 'movie');
    fake.intercept(async (req, _t, serve) => {
      if (!isManifestPut(req)) return undefined;
      await serve(); // Swift stored the manifest...
      return HttpResponse.error(); // ...and the answer never arrived.
    });
    const data = pattern(3 * MiB + 3, 8);
    const res = await uploadLargeObject(swift, 'lo', 'movie', data, { segmentSize: MiB });
    expect(res.largeObject?.segmentCount).toBe(4);
    expect((await downloadObjectToBuffer(swift, 'lo', 'movie')).equals(data)).toBe(true);
    const live = await getStaticLargeObjectManifest(swift, 'lo', 'movie');
    expect(segmentNames()).toEqual(live.map((s) => s.name).sort());
    for (const name of oldSegments) expect(segmentNames()).not.toContain(name);
  });

  it('deletes only the new segments when Swift shows the manifest did not land', async () => {
    const swift = await ready();
    const { old, oldSegments } = await existing(swift, 'movie');
    fake.intercept((req) => (isManifestPut(req) ? HttpResponse.error() : undefined));
    const err = await uploadLargeObject(swift, 'lo', 'movie', pattern(3 * MiB, 9), {
      segmentSize: MiB,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(segmentNames()).toEqual(oldSegments);
    expect((await downloadObjectToBuffer(swift, 'lo', 'movie')).equals(old)).toBe(true);
  });

  it('does not take an old object with the same ETag for the new manifest', async () => {
    const swift = await ready();
    const { old, oldSegments } = await existing(swift, 'same');
    fake.intercept((req) =>
      isManifestPut(req) ? new HttpResponse('<html>bad gateway</html>', { status: 502 }) : undefined,
    );
    const err = await uploadLargeObject(swift, 'lo', 'same', old, { segmentSize: MiB }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(segmentNames()).toEqual(oldSegments);
    expect((await downloadObjectToBuffer(swift, 'lo', 'same')).equals(old)).toBe(true);
  });

  it('keeps every segment when Swift cannot be asked whether the manifest landed', async () => {
    const swift = await ready();
    const { oldSegments } = await existing(swift, 'movie');
    let asking = false;
    fake.intercept(async (req, t, serve) => {
      if (isManifestPut(req)) {
        await serve();
        asking = true;
        return HttpResponse.error();
      }
      if (asking && t.object === 'movie') return new HttpResponse('<html>down</html>', { status: 503 });
      return undefined;
    });
    const err = await uploadLargeObject(swift, 'lo', 'movie', pattern(3 * MiB + 1, 10), {
      segmentSize: MiB,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(SwiftUploadUnconfirmedError);
    expect(err.segmentContainer).toBe('lo_segments');
    expect(err.cause).toBeInstanceOf(NetworkError);
    // Old and new segments are all kept: either manifest may be the live one.
    expect(segmentNames()).toHaveLength(oldSegments.length + 4);
    for (const name of oldSegments) expect(segmentNames()).toContain(name);
  });

  it('keeps the segments when the caller stops waiting during the manifest PUT', async () => {
    const swift = await ready();
    const controller = new AbortController();
    fake.intercept(async (req) => {
      if (!isManifestPut(req)) return undefined;
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return HttpResponse.error();
    });
    const err = await uploadLargeObject(
      swift,
      'lo',
      'cut',
      pattern(2 * MiB + 1, 13),
      { segmentSize: MiB },
      { signal: controller.signal },
    ).catch((e) => e);
    // Swift may still be checking the manifest: nothing it may point at is deleted.
    expect(err).toBeInstanceOf(SwiftUploadUnconfirmedError);
    expect(err.cause).toBeInstanceOf(AbortError);
    expect(err.segmentPrefix).toMatch(/^cut\/slo\//);
    expect(segmentNames()).toHaveLength(3);
  });

  it('keeps the old segments when the new manifest is refused, and with keepOldSegments', async () => {
    const swift = await ready();
    const { old, oldSegments } = await existing(swift, 'movie');
    fake.intercept((req) =>
      isManifestPut(req) ? new HttpResponse('<html>Bad Request</html>', { status: 400 }) : undefined,
    );
    await expect(
      uploadLargeObject(swift, 'lo', 'movie', pattern(3 * MiB, 11), { segmentSize: MiB }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(segmentNames()).toEqual(oldSegments);
    expect((await downloadObjectToBuffer(swift, 'lo', 'movie')).equals(old)).toBe(true);
    fake.reset();
    cloud.use(...fake.handlers);
    const again = await ready();
    const first = await existing(again, 'kept');
    await uploadLargeObject(again, 'lo', 'kept', pattern(MiB + 1, 12), {
      segmentSize: MiB,
      keepOldSegments: true,
    });
    for (const name of first.oldSegments) expect(segmentNames()).toContain(name);
  });

  it('writes each upload under its own segment prefix', async () => {
    const swift = await ready();
    const a = uploadLargeObject(swift, 'lo', 'twice', pattern(MiB + 1, 1), {
      segmentSize: MiB,
      keepOldSegments: true,
    });
    const b = uploadLargeObject(swift, 'lo', 'twice', pattern(MiB + 1, 2), {
      segmentSize: MiB,
      keepOldSegments: true,
    });
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.largeObject?.segmentPrefix).not.toBe(rb.largeObject?.segmentPrefix);
  });
});

describe('large uploads of an input shorter or longer than its size', () => {
  it('rejects a stream shorter than its declared size, writes no manifest and leaves no segment', async () => {
    const swift = await ready();
    const err = await uploadLargeObject(swift, 'lo', 'short', streamOf(pattern(3 * MiB)), {
      size: 5 * MiB,
      segmentSize: MiB,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ field: 'size' });
    expect(fake.calls.some((c) => c.includes('multipart-manifest=put'))).toBe(false);
    expect(segmentNames()).toEqual([]);
    expect(fake.containers.get('lo')?.objects.has('short')).toBe(false);
  });

  it('rejects a stream longer than its size as soon as it outgrows it (uploadObject, segmented)', async () => {
    const swift = await ready();
    const err = await uploadObject(swift, 'lo', 'long', streamOf(pattern(6 * MiB)), {
      size: 2 * MiB,
      largeObject: true,
      segmentSize: MiB,
      concurrency: 1,
    }).catch((e) => e);
    expect(err).toMatchObject({ name: 'ValidationError', field: 'size' });
    expect(fake.calls.filter((c) => c.startsWith('PUT /lo_segments/')).length).toBeLessThanOrEqual(3);
    expect(segmentNames()).toEqual([]);
    expect(fake.containers.get('lo')?.objects.has('long')).toBe(false);
  });

  describe('from a file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'swift-safety-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('rejects a file truncated during a segmented upload, naming it, and cleans up', async () => {
      const swift = await ready();
      const file = join(dir, 'shrinks.bin');
      await writeFile(file, pattern(6 * MiB));
      let cut: Promise<void> | undefined;
      const err = await uploadObjectFromFile(swift, 'lo', 'shrinks', file, {
        largeObject: true,
        segmentSize: MiB,
        concurrency: 1,
        onProgress: () => {
          cut ??= truncate(file, 0);
        },
      }).catch((e) => e);
      await cut;
      expect(err).toMatchObject({ name: 'ValidationError', field: 'filePath' });
      expect(err.message).toContain(file);
      expect(segmentNames()).toEqual([]);
      expect(fake.containers.get('lo')?.objects.has('shrinks')).toBe(false);
    });
  });
});

describe('timeoutMs of a large upload', () => {
  it('bounds the whole upload, not each segment request', async () => {
    const swift = await ready();
    // every segment PUT takes 250 ms: each alone is well within 600 ms, four in a row are not
    fake.intercept(async (req) => {
      if (req.method === 'PUT' && new URL(req.url).pathname.includes('lo_segments/')) {
        await new Promise((r) => setTimeout(r, 250));
      }
      return undefined;
    });
    const err = await uploadLargeObject(
      swift,
      'lo',
      'slow',
      pattern(4 * MiB, 3),
      {
        segmentSize: MiB,
        concurrency: 1,
      },
      { timeoutMs: 600 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });
});

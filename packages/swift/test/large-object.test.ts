import { AbortError, HttpError, IntegrityError, NotFoundError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse } from 'msw';
import {
  createContainer,
  createDynamicLargeObject,
  deleteLargeObject,
  getObjectMetadata,
  getStaticLargeObjectManifest,
  SwiftBulkOperationError,
  uploadLargeObject,
  uploadObject,
} from '../src/index.js';
import { md5, pattern, setupSwift, storageRequests, streamOf } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const MiB = 1024 * 1024;

async function ready() {
  const swift = client();
  await createContainer(swift, 'lo');
  cloud.requests.length = 0;
  return swift;
}
const segmentPuts = () => fake.calls.filter((c) => c.startsWith('PUT /lo_segments/'));
const isSegmentPut = (req: Request) =>
  req.method === 'PUT' && new URL(req.url).pathname.includes('/lo_segments/');

describe('uploadLargeObject (SLO)', () => {
  it('cuts an unknown-length stream into segments and writes the manifest in order', async () => {
    const swift = await ready();
    const data = pattern(3.5 * MiB);
    const res = await uploadLargeObject(swift, 'lo', 'video.mp4', streamOf(data, 100_000), {
      segmentSize: MiB,
      concurrency: 2,
      metadata: { kind: 'test' },
    });
    expect(res.largeObject).toMatchObject({
      kind: 'static',
      segmentContainer: 'lo_segments',
      segmentCount: 4,
    });
    expect(res.bytes).toBe(data.length);
    const reqs = storageRequests(cloud);
    expect(reqs[0]).toMatchObject({ method: 'PUT' });
    expect(reqs[0]?.url.pathname.endsWith('/lo_segments')).toBe(true);
    const segs = reqs.filter((r) => r.method === 'PUT' && r.url.pathname.includes('/lo_segments/'));
    expect(segs).toHaveLength(4);
    for (const s of segs) expect(s.headers.get('etag')).toMatch(/^[0-9a-f]{32}$/);
    const prefix = res.largeObject!.segmentPrefix;
    expect(prefix).toMatch(/^video\.mp4\/slo\/\d+\.\d{6}\/1048576\/$/);
    const manifestReq = reqs.at(-1)!;
    expect(manifestReq.method).toBe('PUT');
    expect(manifestReq.url.search).toBe('?multipart-manifest=put');
    expect(manifestReq.headers.get('content-type')).toBe('video/mp4');
    expect(manifestReq.headers.get('x-object-meta-kind')).toBe('test');
    const manifest = JSON.parse(await manifestReq.body());
    expect(manifest).toEqual(
      [0, 1, 2, 3].map((i) => {
        const part = data.subarray(i * MiB, (i + 1) * MiB);
        return {
          path: `/lo_segments/${prefix}${String(i).padStart(8, '0')}`,
          etag: md5(part),
          size_bytes: part.length,
        };
      }),
    );
    expect(res.etag).toBe(md5(manifest.map((m: { etag: string }) => m.etag).join('')));
    expect(fake.content('lo', 'video.mp4')?.equals(data)).toBe(true);
    const info = await getObjectMetadata(swift, 'lo', 'video.mp4');
    expect(info).toMatchObject({ largeObject: 'static', bytes: data.length, etag: res.etag });
  });

  it('keeps at most `concurrency` segments in flight and reads ahead at most one segment', async () => {
    const swift = await ready();
    let produced = 0;
    async function* source() {
      for (let i = 0; i < 128; i++) {
        produced += 64 * 1024;
        yield Buffer.alloc(64 * 1024, i);
      }
    }
    let inFlight = 0;
    let peak = 0;
    let maxAhead = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    fake.intercept(async (req) => {
      if (!isSegmentPut(req)) return undefined;
      inFlight++;
      peak = Math.max(peak, inFlight);
      if (inFlight === 2 && maxAhead === 0) {
        // Both slots are taken: give the reader every chance to run ahead, then measure.
        for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
        maxAhead = produced;
        release();
      }
      await gate;
      inFlight--;
      return undefined;
    });
    const res = await uploadLargeObject(swift, 'lo', 'gated', source(), { segmentSize: MiB, concurrency: 2 });
    expect(res.largeObject?.segmentCount).toBe(8);
    expect(peak).toBe(2);
    // two segments uploading + one being filled, plus the chunk in hand
    expect(maxAhead).toBeLessThanOrEqual(3 * MiB + 64 * 1024);
    expect(maxAhead).toBeGreaterThanOrEqual(2 * MiB);
  });

  it('retries a failed segment and succeeds', async () => {
    const swift = await ready();
    let failures = 1;
    fake.intercept((req) => {
      if (isSegmentPut(req) && new URL(req.url).pathname.endsWith('00000001') && failures-- > 0) {
        return new HttpResponse('<html>busy</html>', { status: 503 });
      }
      return undefined;
    });
    const data = pattern(2.5 * MiB);
    await uploadLargeObject(swift, 'lo', 'retry', data, { segmentSize: MiB });
    expect(segmentPuts().filter((c) => c.endsWith('00000001'))).toHaveLength(2);
    expect(fake.content('lo', 'retry')?.equals(data)).toBe(true);
  });

  it('deletes the uploaded segments when a segment keeps failing', async () => {
    const swift = await ready();
    fake.intercept((req) =>
      isSegmentPut(req) && new URL(req.url).pathname.endsWith('00000002')
        ? new HttpResponse('<html>broken</html>', { status: 500 })
        : undefined,
    );
    const err = await uploadLargeObject(swift, 'lo', 'doomed', streamOf(pattern(4 * MiB)), {
      segmentSize: MiB,
      segmentRetries: 0,
      concurrency: 1,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err.status).toBe(500);
    expect(fake.calls.some((c) => c.includes('multipart-manifest=put'))).toBe(false);
    expect(fake.calls.filter((c) => c.startsWith('DELETE /lo_segments/'))).toHaveLength(3);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(0);
    expect(fake.containers.get('lo')?.objects.has('doomed')).toBe(false);
  });

  it('keeps the segments with keepSegmentsOnError, and cleans up after a refused manifest', async () => {
    const swift = await ready();
    fake.intercept((req) =>
      new URL(req.url).search.includes('multipart-manifest=put')
        ? new HttpResponse('<html>Bad Request</html>', { status: 400 })
        : undefined,
    );
    await expect(
      uploadLargeObject(swift, 'lo', 'kept', pattern(2 * MiB + 1), {
        segmentSize: MiB,
        keepSegmentsOnError: true,
      }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(3);
    fake.containers.get('lo_segments')?.objects.clear();
    await expect(
      uploadLargeObject(swift, 'lo', 'gone', pattern(2 * MiB + 1), { segmentSize: MiB }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(0);
  });

  it('throws IntegrityError when the manifest ETag does not match the segments', async () => {
    const swift = await ready();
    fake.intercept((req) =>
      new URL(req.url).search.includes('multipart-manifest=put')
        ? new HttpResponse(null, { status: 201, headers: { etag: '"0123456789abcdef0123456789abcdef"' } })
        : undefined,
    );
    await expect(
      uploadLargeObject(swift, 'lo', 'bad', pattern(MiB + 5), { segmentSize: MiB }),
    ).rejects.toBeInstanceOf(IntegrityError);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(0);
  });

  it('aborts: the source is released and uploaded segments are deleted', async () => {
    const swift = await ready();
    const controller = new AbortController();
    const src = streamOf(pattern(6 * MiB));
    const err = await uploadLargeObject(
      swift,
      'lo',
      'aborted',
      src,
      {
        segmentSize: MiB,
        concurrency: 1,
        onProgress: (p) => {
          if (p.transferred >= MiB) controller.abort();
        },
      },
      { signal: controller.signal },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(src.destroyed).toBe(true);
    expect(segmentPuts().length).toBeGreaterThanOrEqual(1);
    expect(segmentPuts().length).toBeLessThan(6);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(0);
    expect(fake.calls.some((c) => c.includes('multipart-manifest'))).toBe(false);
  });

  it('validates segment settings before any request', async () => {
    const swift = client();
    const cases: [object, string][] = [
      [{ segmentSize: MiB - 1 }, 'segmentSize'],
      [{ segmentSize: 5 * 1024 * MiB + 1 }, 'segmentSize'],
      [{ segmentSize: 1.5 * MiB + 0.5 }, 'segmentSize'],
      [{ concurrency: 65 }, 'concurrency'],
      [{ segmentContainer: 'a/b' }, 'segmentContainer'],
      [{ kind: 'other' }, 'kind'],
      [{ size: 10 * MiB, segmentSize: MiB, maxSegments: 5 }, 'segmentSize'],
      [{ segmentPrefix: 'x'.repeat(1020) }, 'segmentPrefix'],
    ];
    for (const [params, field] of cases) {
      await expect(uploadLargeObject(swift, 'lo', 'x', streamOf(pattern(10)), params)).rejects.toMatchObject({
        name: 'ValidationError',
        field,
      });
    }
    expect(cloud.requests).toHaveLength(0);
  });

  it('stops with ValidationError (and cleans up) when a stream outgrows maxSegments', async () => {
    const swift = await ready();
    const err = await uploadLargeObject(swift, 'lo', 'huge', streamOf(pattern(3.5 * MiB)), {
      segmentSize: MiB,
      maxSegments: 2,
      concurrency: 1,
    }).catch((e) => e);
    expect(err).toMatchObject({ name: 'ValidationError', field: 'segmentSize' });
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(0);
  });

  it('grows the default segment size to fit a known size into maxSegments', async () => {
    const swift = client({ largeObjects: { segmentSize: MiB } });
    await createContainer(swift, 'lo');
    const res = await uploadLargeObject(swift, 'lo', 'fit', pattern(4 * MiB), { maxSegments: 2 });
    expect(res.largeObject?.segmentCount).toBe(2);
  });
});

describe('uploadObject switching to a large object', () => {
  it('switches once a stream of unknown length fills more than one segment', async () => {
    const swift = await ready();
    const data = pattern(2 * MiB + 10);
    const res = await uploadObject(swift, 'lo', 'auto.bin', streamOf(data), { segmentSize: MiB });
    expect(res.largeObject?.segmentCount).toBe(3);
    expect(fake.content('lo', 'auto.bin')?.equals(data)).toBe(true);
  });

  it('uses one PUT for a stream of exactly one segment', async () => {
    const swift = await ready();
    const res = await uploadObject(swift, 'lo', 'one.bin', streamOf(pattern(MiB)), { segmentSize: MiB });
    expect(res.largeObject).toBeUndefined();
    expect(segmentPuts()).toHaveLength(0);
    expect(fake.calls).toEqual(['PUT /lo', 'PUT /lo/one.bin']);
  });

  it('segments known sizes above the threshold (bytes, sized streams, client default)', async () => {
    const swift = await ready();
    const data = pattern(2 * MiB + 1);
    const a = await uploadObject(swift, 'lo', 'a', data, { segmentSize: MiB, largeObjectThreshold: 2 * MiB });
    const b = await uploadObject(swift, 'lo', 'b', streamOf(data), {
      size: data.length,
      segmentSize: MiB,
      largeObjectThreshold: 2 * MiB,
    });
    const small = await uploadObject(swift, 'lo', 'c', data, { largeObjectThreshold: 2 * MiB + 1 });
    expect(a.largeObject?.segmentCount).toBe(3);
    expect(b.largeObject?.segmentCount).toBe(3);
    expect(small.largeObject).toBeUndefined();
    const viaClient = client({ largeObjects: { threshold: MiB, segmentSize: MiB } });
    expect((await uploadObject(viaClient, 'lo', 'd', data)).largeObject?.segmentCount).toBe(3);
    expect(fake.content('lo', 'b')?.equals(data)).toBe(true);
  });

  it('largeObject: true segments even small inputs', async () => {
    const swift = await ready();
    const res = await uploadObject(swift, 'lo', 'forced', 'tiny', { largeObject: true });
    expect(res.largeObject?.segmentCount).toBe(1);
    expect(fake.content('lo', 'forced')?.toString()).toBe('tiny');
  });
});

describe('Dynamic Large Objects', () => {
  it('uploads segments, then a manifest with X-Object-Manifest', async () => {
    const swift = await ready();
    const data = pattern(2 * MiB + 3);
    const res = await uploadLargeObject(swift, 'lo', 'dyn ü.log', streamOf(data), {
      segmentSize: MiB,
      kind: 'dynamic',
    });
    expect(res.largeObject).toMatchObject({ kind: 'dynamic', segmentCount: 3 });
    const manifest = storageRequests(cloud).at(-1)!;
    expect(manifest.url.search).toBe('');
    expect(manifest.headers.get('x-object-manifest')).toBe(
      `lo_segments/${encodeURIComponent('dyn ü.log')}/dlo/${res.largeObject!.segmentPrefix.split('/dlo/')[1]}`,
    );
    expect(manifest.headers.get('content-length')).toBe('0');
    expect(fake.content('lo', 'dyn ü.log')?.equals(data)).toBe(true);
    expect((await getObjectMetadata(swift, 'lo', 'dyn ü.log')).largeObject).toBe('dynamic');
  });

  it('createDynamicLargeObject writes just the manifest', async () => {
    const swift = await ready();
    await createContainer(swift, 'parts');
    await uploadObject(swift, 'parts', 'p/2', 'world');
    await uploadObject(swift, 'parts', 'p/1', 'hello ');
    await createDynamicLargeObject(swift, 'lo', 'joined.txt', 'parts', 'p/');
    const put = storageRequests(cloud).at(-1)!;
    expect(put.headers.get('x-object-manifest')).toBe('parts/p/');
    expect(put.headers.get('content-type')).toBe('text/plain');
    expect(fake.content('lo', 'joined.txt')?.toString()).toBe('hello world');
  });
});

describe('deleteLargeObject and manifests', () => {
  it('reads an SLO manifest and deletes it with ?multipart-manifest=delete', async () => {
    const swift = await ready();
    await uploadLargeObject(swift, 'lo', 'slo', pattern(2 * MiB + 1), { segmentSize: MiB });
    const segments = await getStaticLargeObjectManifest(swift, 'lo', 'slo');
    expect(segments).toHaveLength(3);
    expect(segments[0]).toMatchObject({ container: 'lo_segments', bytes: MiB, etag: expect.any(String) });
    expect(segments[2]?.bytes).toBe(1);
    cloud.requests.length = 0;
    await deleteLargeObject(swift, 'lo', 'slo');
    const [head, del] = storageRequests(cloud);
    expect(head?.method).toBe('HEAD');
    expect(del?.method).toBe('DELETE');
    expect(del?.url.search).toBe('?multipart-manifest=delete');
    expect(fake.containers.get('lo')?.objects.has('slo')).toBe(false);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(0);
  });

  it('deletes a DLO manifest and every segment under its prefix; keepSegments keeps them', async () => {
    const swift = await ready();
    await uploadLargeObject(swift, 'lo', 'dlo', pattern(2 * MiB + 1), { segmentSize: MiB, kind: 'dynamic' });
    await uploadLargeObject(swift, 'lo', 'dlo2', pattern(MiB + 1), { segmentSize: MiB, kind: 'dynamic' });
    await deleteLargeObject(swift, 'lo', 'dlo');
    expect(fake.containers.get('lo')?.objects.has('dlo')).toBe(false);
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(2);
    await deleteLargeObject(swift, 'lo', 'dlo2', { keepSegments: true });
    expect(fake.containers.get('lo_segments')?.objects.size).toBe(2);
  });

  it('deletes plain objects, reports missing ones and SLO delete failures', async () => {
    const swift = await ready();
    await uploadObject(swift, 'lo', 'plain', 'x');
    await deleteLargeObject(swift, 'lo', 'plain');
    expect(fake.calls.at(-1)).toBe('DELETE /lo/plain');
    await expect(deleteLargeObject(swift, 'lo', 'plain')).rejects.toBeInstanceOf(NotFoundError);
    await uploadLargeObject(swift, 'lo', 'slo', 'abc', { largeObject: true } as object);
    fake.intercept((req) =>
      req.method === 'DELETE'
        ? HttpResponse.json({
            'Response Status': '400 Bad Request',
            'Response Body': '',
            'Number Deleted': 1,
            'Number Not Found': 0,
            Errors: [['/lo_segments/x%20y', '409 Conflict']],
          })
        : undefined,
    );
    const err = await deleteLargeObject(swift, 'lo', 'slo').catch((e) => e);
    expect(err).toBeInstanceOf(SwiftBulkOperationError);
    expect(err.failures).toEqual([{ path: '/lo_segments/x y', status: '409 Conflict' }]);
    await expect(getStaticLargeObjectManifest(swift, 'lo', 'slo')).resolves.toHaveLength(1);
  });
});

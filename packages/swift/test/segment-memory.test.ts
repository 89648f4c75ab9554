/**
 * Memory of segmented uploads, counted rather than timed: every Buffer the upload allocates that
 * could hold a whole segment is recorded (Buffer.alloc, allocUnsafe, allocUnsafeSlow). A file needs
 * none — its segments are streamed from their byte ranges; a stream needs at most one per segment
 * in flight plus the one being filled, reused for every later segment.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrityError } from '@cloud/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HttpResponse } from 'msw';
import { createContainer, uploadLargeObject, uploadObjectFromFile } from '../src/index.js';
import { bufferSegments } from '../src/internal/segmenter.js';
import { md5, pattern, setupSwift, streamOf } from './fixtures/swift.js';

const { cloud, fake, client } = setupSwift();
const MiB = 1024 * 1024;
jest.setTimeout(30_000);

const SEGMENT = 2 * MiB;

/** Records the sizes of segment-sized allocations made while `fn` runs. */
async function segmentAllocations<T>(fn: () => Promise<T>): Promise<{ result: T; sizes: number[] }> {
  const sizes: number[] = [];
  const spies = (['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const).map((method) => {
    const original = Buffer[method].bind(Buffer) as (size: number, ...rest: unknown[]) => Buffer;
    return jest.spyOn(Buffer, method).mockImplementation(((size: number, ...rest: unknown[]) => {
      if (size >= SEGMENT) sizes.push(size);
      return original(size, ...rest);
    }) as never);
  });
  try {
    return { result: await fn(), sizes };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

async function ready() {
  const swift = client();
  await createContainer(swift, 'lo');
  cloud.requests.length = 0;
  return swift;
}
const isSegmentPut = (req: Request) =>
  req.method === 'PUT' && new URL(req.url).pathname.includes('/lo_segments/');
const segmentNames = () => [...(fake.containers.get('lo_segments')?.objects.keys() ?? [])];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'swift-memory-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('segmented upload of a file', () => {
  it('streams every segment from its byte range: no segment-sized buffer, the content and manifest intact', async () => {
    const swift = await ready();
    const data = pattern(6 * SEGMENT + 12_345, 5);
    const file = join(dir, 'seven-segments.bin');
    await writeFile(file, data);
    const { result, sizes } = await segmentAllocations(() =>
      uploadObjectFromFile(swift, 'lo', 'from-file', file, {
        largeObject: true,
        segmentSize: SEGMENT,
        concurrency: 3,
      }),
    );
    expect(sizes).toEqual([]);
    expect(result).toMatchObject({ bytes: data.length, largeObject: { segmentCount: 7 } });
    expect(fake.content('lo', 'from-file')?.equals(data)).toBe(true);
    const segmentPuts = fake.calls.filter((c) => c.startsWith('PUT /lo_segments/')).length;
    expect(segmentPuts).toBe(7);
    // The manifest's ETag is the MD5 of the segments' MD5s, computed while they streamed.
    const parts = Array.from({ length: 7 }, (_, i) => md5(data.subarray(i * SEGMENT, (i + 1) * SEGMENT)));
    expect(result.etag).toBe(md5(parts.join('')));
  });

  it('re-reads the range of a segment whose PUT is retried', async () => {
    const swift = await ready();
    const data = pattern(3 * SEGMENT, 6);
    const file = join(dir, 'retried.bin');
    await writeFile(file, data);
    let failures = 1;
    fake.intercept((req) =>
      isSegmentPut(req) && new URL(req.url).pathname.endsWith('00000001') && failures-- > 0
        ? new HttpResponse('busy', { status: 503 })
        : undefined,
    );
    await uploadObjectFromFile(swift, 'lo', 'retried', file, { largeObject: true, segmentSize: SEGMENT });
    expect(
      fake.calls.filter((c) => c.startsWith('PUT /lo_segments/') && c.endsWith('00000001')),
    ).toHaveLength(2);
    expect(fake.content('lo', 'retried')?.equals(data)).toBe(true);
  });

  it('fails with IntegrityError when Swift stores a segment under another MD5, and cleans up', async () => {
    const swift = await ready();
    const file = join(dir, 'corrupt.bin');
    await writeFile(file, pattern(3 * SEGMENT, 8));
    fake.intercept(async (req) => {
      if (!isSegmentPut(req) || !new URL(req.url).pathname.endsWith('00000002')) return undefined;
      await req.arrayBuffer();
      return new HttpResponse(null, { status: 201, headers: { etag: md5('something else') } });
    });
    const err = await uploadObjectFromFile(swift, 'lo', 'corrupt', file, {
      largeObject: true,
      segmentSize: SEGMENT,
      concurrency: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect(segmentNames()).toEqual([]);
    expect(fake.containers.get('lo')?.objects.has('corrupt')).toBe(false);
  });
});

describe('segmented upload of a stream', () => {
  it('holds at most concurrency + 1 segment buffers, reused for every later segment', async () => {
    const swift = await ready();
    const data = pattern(8 * SEGMENT, 9);
    const concurrency = 2;
    const { result, sizes } = await segmentAllocations(() =>
      uploadLargeObject(swift, 'lo', 'from-stream', streamOf(data, 256 * 1024), {
        segmentSize: SEGMENT,
        concurrency,
      }),
    );
    expect(result.largeObject?.segmentCount).toBe(8);
    expect(fake.content('lo', 'from-stream')?.equals(data)).toBe(true);
    expect(sizes.filter((s) => s === SEGMENT).length).toBeLessThanOrEqual(concurrency + 1);
  });

  it('bufferSegments allocates slots x size however long the stream, and hashes each segment as it fills', async () => {
    const memory = { buffers: 0, bytes: 0 };
    const data = pattern(20 * MiB + 7, 4);
    const held: { release(): void }[] = [];
    let count = 0;
    for await (const segment of bufferSegments(streamOf(data, 100_000), MiB, 3, true, memory)) {
      expect(segment.etag).toBe(md5(data.subarray(count * MiB, count * MiB + segment.size)));
      count++;
      held.push(segment);
      // a consumer with two segments in flight gives back the oldest
      if (held.length > 2) held.shift()?.release();
    }
    expect(count).toBe(21);
    expect(memory.buffers).toBeLessThanOrEqual(3);
    expect(memory.bytes).toBeLessThanOrEqual(3 * MiB);
  });
});

/**
 * A prototype of a file-aware SLO upload built on the public API: each segment is streamed from
 * its byte range of the file (`createReadStream({ start, end })`, replayable for retries) instead
 * of being read into a Buffer first, so memory stays flat whatever the segment size.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createSession } from '@cloud/core';
import { encodePath, encodeSegment } from '@cloud/core/service';
import { createContainer, createSwiftClient, uploadObject } from '@cloud/swift';
import { cpuMeter, emit, job, main, pool } from './common.ts';

interface Job {
  container: string;
  object: string;
  file: string;
  segmentSize: number;
  concurrency: number;
}

main(async () => {
  const j = job<Job>();
  const session = createSession({ region: process.env.OS_REGION_NAME });
  const swift = createSwiftClient(session);
  await session.authenticate();
  await swift.endpoint();
  const started = performance.now();
  const cpu = cpuMeter();
  const size = (await stat(j.file)).size;
  const count = Math.ceil(size / j.segmentSize);
  const segmentContainer = `${j.container}_segments`;
  const prefix = `${j.object}/ranges/${Date.now()}/`;
  await createContainer(swift, segmentContainer);
  const entries: { path: string; etag: string; size_bytes: number }[] = [];
  const r = await pool(count, j.concurrency, async (i) => {
    const start = i * j.segmentSize;
    const end = Math.min(size, start + j.segmentSize) - 1;
    const name = `${prefix}${String(i).padStart(8, '0')}`;
    const res = await uploadObject(
      swift,
      segmentContainer,
      name,
      createReadStream(j.file, { start, end, highWaterMark: 1024 * 1024 }),
      { size: end - start + 1, largeObject: false, contentType: 'application/octet-stream' },
    );
    entries[i] = { path: `/${segmentContainer}/${name}`, etag: res.etag ?? '', size_bytes: end - start + 1 };
  });
  if (r.errors) throw new Error(`${r.errors} segment(s) failed, first: ${r.firstError}`);
  await swift.request('PUT', `${encodeSegment(j.container)}/${encodePath(j.object)}`, {
    searchParams: { 'multipart-manifest': 'put' },
    json: entries,
    responseType: 'text',
  });
  emit({ bytes: size, ms: performance.now() - started, cpuMs: cpu() });
});

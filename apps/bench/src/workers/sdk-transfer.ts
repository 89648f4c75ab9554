/**
 * @cloud/swift (built) moving one object: `uploadObjectFromFile` (one PUT, or `slo`: a Static
 * Large Object whose segments stream from their byte ranges), `uploadLargeObject` from a stream
 * (`slo-stream`), `downloadObjectToFile` (or `downloadObject` into a discarding sink). Against Swift it authenticates from the
 * `OS_*` variables first; against the null sink it uses a static token and a fixed endpoint.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createSession, fromToken } from '@cloud/core';
import {
  createSwiftClient,
  downloadObject,
  downloadObjectToFile,
  getContainerMetadata,
  uploadLargeObject,
  uploadObjectFromFile,
} from '@cloud/swift';
import { cpuMeter, discard, emit, job, main } from './common.ts';

interface Job {
  /** `idle` only authenticates and reads the container's metadata: the resting footprint. */
  op: 'upload' | 'download' | 'slo' | 'slo-stream' | 'idle';
  target: 'swift' | 'sink';
  container: string;
  object: string;
  /** Upload source, or download destination (omit to discard the body of `downloadObject`). */
  file?: string;
  /** Base URL of the null sink. */
  endpoint?: string;
  /** MD5 checks (the SDK's default is on). */
  verify?: boolean;
  segmentSize?: number;
  concurrency?: number;
}

main(async () => {
  const j = job<Job>();
  const session =
    j.target === 'sink'
      ? createSession({ credentials: fromToken({ token: 'sink-token' }) })
      : createSession({ region: process.env.OS_REGION_NAME });
  const swift = createSwiftClient(session, j.target === 'sink' ? { endpoint: j.endpoint } : {});
  // Authentication and endpoint lookup happen before the clock starts, as for every client.
  await session.authenticate();
  await swift.endpoint();
  const verify = j.verify ?? true;
  const started = performance.now();
  const cpu = cpuMeter();
  let bytes = 0;
  if (j.op === 'idle') {
    await getContainerMetadata(swift, j.container);
  } else if (j.op === 'upload') {
    if (!j.file) throw new Error('upload needs file');
    const res = await uploadObjectFromFile(swift, j.container, j.object, j.file, {
      verify,
      largeObject: false,
    });
    bytes = res.bytes;
  } else if (j.op === 'slo') {
    if (!j.file) throw new Error('slo needs file');
    const res = await uploadObjectFromFile(swift, j.container, j.object, j.file, {
      largeObject: true,
      segmentSize: j.segmentSize,
      concurrency: j.concurrency,
      verify,
    });
    bytes = res.bytes;
  } else if (j.op === 'slo-stream') {
    if (!j.file) throw new Error('slo-stream needs file');
    const size = (await stat(j.file)).size;
    const res = await uploadLargeObject(
      swift,
      j.container,
      j.object,
      createReadStream(j.file, { highWaterMark: 1024 * 1024 }),
      { size, segmentSize: j.segmentSize, concurrency: j.concurrency, verify },
    );
    bytes = res.bytes;
  } else if (j.file) {
    const res = await downloadObjectToFile(swift, j.container, j.object, j.file, { verify });
    bytes = res.bytes;
  } else {
    const { body } = await downloadObject(swift, j.container, j.object, { verify });
    const out = discard();
    body.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    await pipeline(body, out);
  }
  emit({ bytes, ms: performance.now() - started, cpuMs: cpu() });
});

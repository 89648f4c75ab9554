/**
 * The floor of a Node client: one `node:http` request with no library in between, streaming a
 * file up or a body down.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Agent, type IncomingMessage, request } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { cpuMeter, discard, emit, job, main, objectUrl, rawTarget } from './common.ts';

interface Job {
  op: 'upload' | 'download';
  container: string;
  object: string;
  /** Upload source, or download destination (omit to discard). */
  file?: string;
}

main(async () => {
  const j = job<Job>();
  const { token, storageUrl } = rawTarget();
  const url = new URL(objectUrl(storageUrl, j.container, j.object));
  const agent = new Agent({ keepAlive: true });
  const started = performance.now();
  const cpu = cpuMeter();
  let bytes = 0;
  if (j.op === 'upload') {
    if (!j.file) throw new Error('upload needs file');
    const size = (await stat(j.file)).size;
    await new Promise<void>((resolve, reject) => {
      const req = request(url, {
        method: 'PUT',
        agent,
        headers: { 'x-auth-token': token, 'content-length': String(size) },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode && res.statusCode < 300 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      pipeline(createReadStream(j.file!, { highWaterMark: 1024 * 1024 }), req).catch(reject);
    });
    bytes = size;
  } else {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, { method: 'GET', agent, headers: { 'x-auth-token': token } });
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
    if ((res.statusCode ?? 0) >= 300) throw new Error(`HTTP ${res.statusCode}`);
    const out = j.file ? createWriteStream(j.file) : discard();
    let n = 0;
    res.on('data', (c: Buffer) => {
      n += c.length;
    });
    await pipeline(res, out);
    bytes = n;
  }
  const ms = performance.now() - started;
  const cpuMs = cpu();
  agent.destroy();
  emit({ bytes, ms, cpuMs });
});

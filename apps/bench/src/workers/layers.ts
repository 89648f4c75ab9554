/**
 * One layer of the SDK's HTTP stack, alone, against the null sink: raw `node:http`, `got`,
 * @cloud/core's transport, and the Swift operation with and without MD5 checks. Streams one body
 * (`op: upload | download`) or sends many small requests (`op: head | put`), and reports CPU time.
 */
import { createReadStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createSession, createTransport, fromToken } from '@cloud/core';
import {
  createSwiftClient,
  downloadObject,
  getObjectMetadata,
  uploadObject,
  uploadObjectFromFile,
} from '@cloud/swift';
import got from 'got';
import { cpuMeter, discard, emit, job, main, pool } from './common.ts';

/** The layers, from the bottom up. */
export type Layer = 'raw' | 'got' | 'transport' | 'sdk-noverify' | 'sdk';

interface Job {
  layer: Layer;
  /** `memory`: one PUT of a `size`-byte Buffer (how large-object segments are sent). */
  op: 'upload' | 'download' | 'memory' | 'head' | 'put';
  endpoint: string;
  /** Body size for upload/download (download reads `zero-<size>`). */
  size: number;
  file?: string;
  /** Small requests: how many, how many in flight. */
  count?: number;
  concurrency?: number;
}

const CHUNK = 1024 * 1024;

function rawSend(agent: Agent, method: string, url: string, body?: Buffer | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'x-auth-token': 'sink-token' };
    if (body !== undefined) headers['content-length'] = String(body.length);
    const req = request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', resolve);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

main(async () => {
  const j = job<Job>();
  const agent = new Agent({ keepAlive: true, maxSockets: j.concurrency ?? 16 });
  const session = createSession({
    credentials: fromToken({ token: 'sink-token' }),
    httpOptions: { agent: { http: agent } },
  });
  const swift = createSwiftClient(session, { endpoint: j.endpoint });
  const transport = createTransport({ httpOptions: { agent: { http: agent } } });
  const g = got.extend({
    agent: { http: agent },
    headers: { 'x-auth-token': 'sink-token' },
    retry: { limit: 0 },
  });
  const url = (name: string) => `${j.endpoint}/sink/${name}`;
  const small = Buffer.alloc(1024, 120);
  let mem: Buffer | undefined;
  const memory = () => {
    mem ??= Buffer.alloc(j.size, 120);
    return mem;
  };
  await session.authenticate();

  const once: Record<string, () => Promise<void>> = {
    'raw:download': () =>
      new Promise((resolve, reject) => {
        request(url(`zero-${j.size}`), { agent }, (res) => pipeline(res, discard()).then(resolve, reject))
          .on('error', reject)
          .end();
      }),
    'got:download': () => pipeline(g.stream(url(`zero-${j.size}`)), discard()),
    'transport:download': async () => {
      const res = await transport.stream({ method: 'GET', url: url(`zero-${j.size}`) });
      await pipeline(res.body, discard());
    },
    'sdk-noverify:download': async () => {
      const { body } = await downloadObject(swift, 'sink', `zero-${j.size}`, { verify: false });
      await pipeline(body, discard());
    },
    'sdk:download': async () => {
      const { body } = await downloadObject(swift, 'sink', `zero-${j.size}`);
      await pipeline(body, discard());
    },
    'raw:upload': () =>
      new Promise((resolve, reject) => {
        const req = request(url('up'), {
          method: 'PUT',
          agent,
          headers: { 'content-length': String(j.size) },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        pipeline(createReadStream(j.file!, { highWaterMark: CHUNK }), req).catch(reject);
      }),
    'got:upload': async () => {
      await g.put(url('up'), {
        body: createReadStream(j.file!, { highWaterMark: CHUNK }),
        headers: { 'content-length': String(j.size) },
      });
    },
    'transport:upload': async () => {
      await transport.send({
        method: 'PUT',
        url: url('up'),
        body: createReadStream(j.file!, { highWaterMark: CHUNK }),
        headers: { 'content-length': String(j.size) },
      });
    },
    'sdk-noverify:upload': async () => {
      await uploadObjectFromFile(swift, 'sink', 'up', j.file!, { verify: false, largeObject: false });
    },
    'sdk:upload': async () => {
      await uploadObjectFromFile(swift, 'sink', 'up', j.file!, { largeObject: false });
    },
    'raw:memory': () => rawSend(agent, 'PUT', url('mem'), memory()),
    'got:memory': async () => {
      await g.put(url('mem'), { body: memory() });
    },
    'transport:memory': async () => {
      await transport.send({ method: 'PUT', url: url('mem'), body: memory() });
    },
    'sdk-noverify:memory': async () => {
      await uploadObject(swift, 'sink', 'mem', memory(), { verify: false, largeObject: false });
    },
    'sdk:memory': async () => {
      await uploadObject(swift, 'sink', 'mem', memory(), { largeObject: false });
    },
  };
  const each: Record<string, (i: number) => Promise<unknown>> = {
    'raw:head': (i) => rawSend(agent, 'HEAD', url(`o${i}`)),
    'raw:put': (i) => rawSend(agent, 'PUT', url(`o${i}`), small),
    'got:head': (i) => g.head(url(`o${i}`)),
    'got:put': (i) => g.put(url(`o${i}`), { body: small }),
    'transport:head': (i) => transport.send({ method: 'HEAD', url: url(`o${i}`) }),
    'transport:put': (i) => transport.send({ method: 'PUT', url: url(`o${i}`), body: small }),
    'sdk-noverify:head': (i) => getObjectMetadata(swift, 'sink', `o${i}`),
    'sdk-noverify:put': (i) => uploadObject(swift, 'sink', `o${i}`, small, { verify: false }),
    'sdk:head': (i) => getObjectMetadata(swift, 'sink', `o${i}`),
    'sdk:put': (i) => uploadObject(swift, 'sink', `o${i}`, small),
  };
  const key = `${j.layer}:${j.op}`;
  if (j.op === 'upload' || j.op === 'download' || j.op === 'memory') {
    const fn = once[key];
    if (!fn) throw new Error(`no such layer/op: ${key}`);
    // One small request through the same layer first, so one-time set-up is not counted.
    await each[`${j.layer}:head`]!(0);
    if (j.op === 'memory') memory();
    const started = performance.now();
    const cpu = cpuMeter();
    await fn();
    emit({ ms: performance.now() - started, cpuMs: cpu(), bytes: j.size });
  } else {
    const fn = each[key];
    if (!fn) throw new Error(`no such layer/op: ${key}`);
    const count = j.count ?? 1000;
    await pool(Math.min(200, count), j.concurrency ?? 16, async (i) => void (await fn(i))); // warm-up
    const cpu = cpuMeter();
    const r = await pool(count, j.concurrency ?? 16, async (i) => void (await fn(i)));
    if (r.errors) throw new Error(`${r.errors} errors, first: ${r.firstError}`);
    emit({ ms: r.ms, cpuMs: cpu(), ops: count });
  }
  agent.destroy();
});

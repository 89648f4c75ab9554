/**
 * A null object store on 127.0.0.1: PUT bodies are read and dropped, GET of `.../zero-<bytes>`
 * streams that many zero bytes (with their MD5 as ETag for the sizes given up front),
 * everything else answers 204. Prints `LISTENING <port>`.
 * It stops by itself after `maxLifetimeMs`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { job } from './common.ts';

const { maxLifetimeMs = 30 * 60_000, sizes = [] } = job<{ maxLifetimeMs?: number; sizes?: number[] }>();
const CHUNK = Buffer.alloc(256 * 1024);

/** MD5 of `size` zero bytes, so downloads carry a real ETag that clients can verify. */
function zeroMd5(size: number): string {
  const hash = createHash('md5');
  const mib = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= mib.length)
    hash.update(left >= mib.length ? mib : mib.subarray(0, left));
  return hash.digest('hex');
}
const etags = new Map<number, string>(sizes.map((n) => [n, zeroMd5(n)]));

const server = createServer((req, res) => {
  const method = req.method ?? 'GET';
  if (method === 'PUT' || method === 'POST') {
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    req.on('end', () => {
      res.writeHead(201, { 'content-length': '0', 'x-trans-id': 'sink', 'x-bytes-received': String(bytes) });
      res.end();
    });
    return;
  }
  const m = /\/zero-(\d+)$/.exec(req.url?.split('?')[0] ?? '');
  if ((method === 'GET' || method === 'HEAD') && m) {
    const size = Number(m[1]);
    res.writeHead(200, {
      'content-length': String(size),
      'content-type': 'application/octet-stream',
      etag: etags.get(size) ?? 'sink',
      'x-trans-id': 'sink',
    });
    if (method === 'HEAD') return void res.end();
    let left = size;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, CHUNK.length);
        left -= n;
        const more = res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n));
        if (!more) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
    return;
  }
  req.resume();
  res.writeHead(204, { 'x-trans-id': 'sink' });
  res.end();
});

server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
setTimeout(() => process.exit(0), maxLifetimeMs).unref();
process.on('SIGTERM', () => server.close(() => process.exit(0)));

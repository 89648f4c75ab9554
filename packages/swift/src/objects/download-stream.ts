import type { Hash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { AbortError, CloudError, IntegrityError, NetworkError, type TransferProgress } from '@cloud/core';

/** @internal Turns a stream failure into an SDK error. */
export function streamError(error: unknown, what: string, signal?: AbortSignal): CloudError {
  if (error instanceof CloudError) return error;
  const e = error as { message?: string; code?: string; name?: string };
  const cause = new Error(String(e?.message ?? error));
  if (signal?.aborted || e?.name === 'AbortError' || e?.code === 'ABORT_ERR') {
    return new AbortError(`download of ${what} was aborted`, { cause });
  }
  return new NetworkError(`download of ${what} failed: ${e?.message ?? String(error)}`, {
    cause,
    code: e?.code ? `NETWORK_${e.code}` : 'NETWORK',
  });
}

/** @internal What the checking stream verifies. */
export interface CheckOptions {
  what: string;
  hash?: Hash | undefined;
  /** Expected hex MD5 of everything hashed (including bytes hashed before this stream). */
  expectedMd5?: string | undefined;
  /** Expected number of bytes through this stream. */
  expectedLength?: number | undefined;
  /** Bytes already there before this stream (resumed downloads), for progress. */
  offset?: number | undefined;
  total?: number | undefined;
  onProgress?: ((p: TransferProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * @internal Passes bytes through, counting and hashing them; at the end fails with
 * {@link IntegrityError} on a length or MD5 mismatch. Source errors surface as SDK errors, and
 * destroying the result destroys the source.
 */
export function checkedStream(source: Readable, o: CheckOptions): Readable {
  let count = 0;
  const offset = o.offset ?? 0;
  const out = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      count += chunk.length;
      o.hash?.update(chunk);
      o.onProgress?.({ transferred: offset + count, total: o.total });
      cb(null, chunk);
    },
    flush(cb) {
      if (o.expectedLength !== undefined && count !== o.expectedLength) {
        cb(
          new IntegrityError(`download of ${o.what} ended after ${count} of ${o.expectedLength} bytes`, {
            expected: String(o.expectedLength),
            actual: String(count),
          }),
        );
        return;
      }
      if (o.hash && o.expectedMd5) {
        const actual = o.hash.digest('hex');
        if (actual !== o.expectedMd5.toLowerCase()) {
          cb(
            new IntegrityError(`download of ${o.what} is corrupt: MD5 ${actual}, ETag ${o.expectedMd5}`, {
              expected: o.expectedMd5,
              actual,
            }),
          );
          return;
        }
      }
      cb();
    },
  });
  source.on('error', (error) => out.destroy(streamError(error, o.what, o.signal)));
  // The source may have failed before this function was called (between the response headers
  // and now); its error is then only on `errored`.
  if (source.errored) out.destroy(streamError(source.errored, o.what, o.signal));
  else if (source.destroyed && !source.readableEnded) {
    out.destroy(
      streamError(new Error('the connection closed before the body was complete'), o.what, o.signal),
    );
  }
  out.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(out);
  return out;
}

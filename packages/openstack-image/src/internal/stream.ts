import type { Hash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import {
  AbortError,
  CloudError,
  IntegrityError,
  NetworkError,
  type TransferProgress,
  ValidationError,
} from '@cloud/core';
import { toBuffer } from './body.js';
import type { TransferHashes } from './hash.js';

/** @internal Throws {@link AbortError} if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

/** @internal Turns a stream failure into an SDK error. */
export function streamError(error: unknown, what: string, signal?: AbortSignal): CloudError {
  if (error instanceof CloudError) return error;
  const e = error as { message?: string; code?: string; name?: string };
  const cause = new Error(String(e?.message ?? error));
  if (signal?.aborted || e?.name === 'AbortError' || e?.code === 'ABORT_ERR') {
    return new AbortError(`transfer of ${what} was aborted`, { cause });
  }
  return new NetworkError(`transfer of ${what} failed: ${e?.message ?? String(error)}`, {
    cause,
    code: e?.code ? `NETWORK_${e.code}` : 'NETWORK',
  });
}

/** @internal A request body that counts, hashes and size-checks the bytes as they are sent. */
export interface MeteredBody {
  readonly payload: Readable;
  /** Bytes read from the source so far. */
  readonly counted: number;
  /** The error the source or the size check raised, if any (it outranks the HTTP error). */
  readonly error: unknown;
}

/**
 * @internal Wraps an upload source: every chunk is counted and hashed on its way to the socket
 * (memory stays one chunk deep), and a source longer or shorter than `size` fails the request
 * with a ValidationError naming `field`.
 */
export function meterUpload(
  source: AsyncIterable<Uint8Array>,
  size: number | undefined,
  hashes: TransferHashes | undefined,
  field = 'size',
): MeteredBody {
  const state = { counted: 0, error: undefined as unknown };
  const payload = Readable.from(
    (async function* meter() {
      try {
        for await (const raw of source) {
          const chunk = toBuffer(raw);
          state.counted += chunk.length;
          if (size !== undefined && state.counted > size) {
            throw new ValidationError(`${field} is ${size} but the body is longer`, field);
          }
          hashes?.update(chunk);
          yield chunk;
        }
        if (size !== undefined && state.counted !== size) {
          throw new ValidationError(`${field} is ${size} but the body had ${state.counted} bytes`, field);
        }
      } catch (error) {
        state.error = error;
        throw error;
      }
    })(),
    { objectMode: false },
  );
  return {
    payload,
    get counted() {
      return state.counted;
    },
    get error() {
      return state.error;
    },
  };
}

/** @internal What {@link checkedStream} verifies. */
export interface CheckOptions {
  what: string;
  hash?: Hash | undefined;
  /** Algorithm name of `hash`, for messages. */
  algorithm?: string | undefined;
  /** Expected hex digest of everything hashed (including bytes hashed before this stream). */
  expectedDigest?: string | undefined;
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
 * {@link IntegrityError} on a length or digest mismatch instead of ending. Source errors surface as
 * SDK errors, and destroying the result destroys the source.
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
      if (o.hash && o.expectedDigest) {
        const actual = o.hash.digest('hex');
        if (actual !== o.expectedDigest.toLowerCase()) {
          cb(
            new IntegrityError(
              `download of ${o.what} is corrupt: ${o.algorithm ?? 'hash'} ${actual}, expected ${o.expectedDigest}`,
              { expected: o.expectedDigest, actual },
            ),
          );
          return;
        }
      }
      cb();
    },
  });
  source.on('error', (error) => out.destroy(streamError(error, o.what, o.signal)));
  // The source may have failed between the response headers and now.
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

import { type Readable, Readable as ReadableClass, Transform } from 'node:stream';
import { AbortError, CloudError, IntegrityError, NetworkError, ValidationError } from '../errors/errors.js';
import type { TransferProgress } from './transport.js';

/**
 * A chunk of a body as a Buffer, without copying bytes that are already in memory.
 * @example const b = toBuffer(new Uint8Array([1, 2])); // a view, not a copy
 */
export const toBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * Turns a stream failure into an SDK error: an abort becomes {@link AbortError}, anything else
 * a {@link NetworkError} naming what was moved. SDK errors pass through unchanged.
 * @example body.on('error', (e) => out.destroy(streamError(e, '"c/o"', signal, 'download')));
 */
export function streamError(
  error: unknown,
  what: string,
  signal?: AbortSignal,
  verb = 'transfer',
): CloudError {
  if (error instanceof CloudError) return error;
  const e = error as { message?: string; code?: string; name?: string };
  const cause = new Error(String(e?.message ?? error));
  if (signal?.aborted || e?.name === 'AbortError' || e?.code === 'ABORT_ERR') {
    return new AbortError(`${verb} of ${what} was aborted`, { cause });
  }
  return new NetworkError(`${verb} of ${what} failed: ${e?.message ?? String(error)}`, {
    cause,
    code: e?.code ? `NETWORK_${e.code}` : 'NETWORK',
  });
}

/** What {@link meterUpload} learns while a body is sent. */
export interface MeteredUpload {
  /** The body to send. */
  readonly payload: Readable;
  /** Bytes read from the source so far. */
  readonly counted: number;
  /** The error the source or the size check raised, if any: it outranks the HTTP error. */
  readonly error: unknown;
}

/**
 * Wraps an upload source so that every chunk is counted and hashed on its way to the socket
 * (memory stays one chunk deep); a source longer or shorter than `size` fails the request with a
 * {@link ValidationError} naming `field`.
 * @example
 * ```ts
 * const metered = meterUpload(source, size, createHash('md5'));
 * await client.request('PUT', path, { body: metered.payload });
 * ```
 */
export function meterUpload(
  source: AsyncIterable<Uint8Array>,
  size: number | undefined,
  hash?: { update(chunk: Buffer): unknown } | undefined,
  field = 'size',
): MeteredUpload {
  const state = { counted: 0, error: undefined as unknown };
  const payload = ReadableClass.from(
    (async function* meter() {
      try {
        for await (const raw of source) {
          const chunk = toBuffer(raw);
          state.counted += chunk.length;
          if (size !== undefined && state.counted > size) {
            throw new ValidationError(`${field} is ${size} but the body is longer`, field);
          }
          hash?.update(chunk);
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

/** What {@link checkedStream} verifies. */
export interface CheckedStreamOptions {
  /** Names what is moved, in messages (`"container/object"`). */
  what: string;
  /** Updated with every chunk. */
  hash?: { update(chunk: Buffer): unknown; digest(encoding: 'hex'): string } | undefined;
  /** Name of the hash's algorithm, for messages. Default `hash`. */
  algorithm?: string | undefined;
  /** Expected hex digest of everything hashed (bytes hashed before this stream included). */
  expectedDigest?: string | undefined;
  /** Expected number of bytes through this stream. */
  expectedLength?: number | undefined;
  /** Bytes already there before this stream (a resumed download), for progress. */
  offset?: number | undefined;
  total?: number | undefined;
  onProgress?: ((p: TransferProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Passes a download through, counting and hashing it; at the end it fails with
 * {@link IntegrityError} on a length or digest mismatch instead of ending. Source errors surface
 * as SDK errors, and destroying the result destroys the source.
 * @example
 * ```ts
 * const body = checkedStream(res.body, { what: '"c/o"', hash: createHash('md5'), algorithm: 'MD5', expectedDigest: etag });
 * ```
 */
export function checkedStream(source: Readable, o: CheckedStreamOptions): Readable {
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
  const fail = (error: unknown) => out.destroy(streamError(error, o.what, o.signal, 'download'));
  source.on('error', fail);
  // The source may have failed between the response headers and now: its error is on `errored`.
  if (source.errored) fail(source.errored);
  else if (source.destroyed && !source.readableEnded) {
    fail(new Error('the connection closed before the body was complete'));
  }
  out.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(out);
  return out;
}

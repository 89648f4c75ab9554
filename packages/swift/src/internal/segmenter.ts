import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { type Readable, Transform } from 'node:stream';
import { ValidationError } from '@cloud/core';
import { toBuffer } from '@cloud/core/service';
import { md5Hex, tryMd5 } from './hash.js';

/**
 * @internal One segment of a large object, as the segmented upload sends it. Bytes in memory are
 * hashed before sending (their MD5 goes out as `ETag`, so Swift refuses a corrupted segment); a
 * byte range of a file is streamed and hashed on its way out, and checked against the ETag Swift
 * answers once the PUT is done.
 */
export interface Segment {
  /** Bytes of the segment. */
  readonly size: number;
  /** Hex MD5 known before sending (sent as `ETag`). */
  readonly etag: string | undefined;
  /** The PUT body: bytes, or a function opening a fresh stream per attempt (replayable). */
  readonly body: Buffer | (() => Readable);
  /** After the PUT: the MD5 of what its last attempt sent (streamed segments hashed on the way). */
  sentMd5(): string | undefined;
  /** The error the streamed body raised in its last attempt (a file cut short), if any. */
  bodyError(): unknown;
  /** Gives the segment's memory back for the next one; call once its PUT has settled. */
  release(): void;
}

/** @internal What the segmenters allocated: segment-sized buffers and their bytes, for tests. */
export interface SegmentMemory {
  buffers: number;
  bytes: number;
}

const noError = () => undefined;

/**
 * @internal Segments of bytes already in memory: views (no copies), each hashed when it is taken,
 * so only one segment is hashed ahead of the uploads.
 */
export function* viewSegments(data: Buffer, size: number, verify: boolean): Generator<Segment> {
  for (let offset = 0; offset < data.length; offset += size) {
    const view = data.subarray(offset, offset + size);
    const etag = verify ? md5Hex(view) : undefined;
    yield {
      size: view.length,
      etag,
      body: view,
      sentMd5: () => etag,
      bodyError: noError,
      release: () => {},
    };
  }
}

/**
 * @internal Cuts a stream into segments of exactly `size` bytes (the last may be shorter), filling
 * buffers taken from a pool of at most `slots` (the uploads in flight plus the one being filled):
 * a released buffer is reused for a later segment, so memory is `size x slots` whatever the length
 * of the stream. Each segment is hashed as it fills, chunk by chunk. `memory` counts what is
 * allocated.
 */
export async function* bufferSegments(
  source: AsyncIterable<Uint8Array | string>,
  size: number,
  slots: number,
  verify: boolean,
  memory: SegmentMemory = { buffers: 0, bytes: 0 },
): AsyncGenerator<Segment> {
  const free: Buffer[] = [];
  const take = (): Buffer => {
    const reused = free.pop();
    if (reused) return reused;
    memory.buffers++;
    memory.bytes += size;
    return Buffer.allocUnsafe(size);
  };
  const segment = (buf: Buffer, filled: number, hash: Hash | undefined): Segment => {
    const etag = hash?.digest('hex');
    let released = false;
    return {
      size: filled,
      etag,
      body: buf.subarray(0, filled),
      sentMd5: () => etag,
      bodyError: noError,
      release: () => {
        if (released) return;
        released = true;
        // A pool never holds more than its slots: anything beyond is left to the collector.
        if (free.length < slots) free.push(buf);
      },
    };
  };
  let buf: Buffer | undefined;
  let hash: Hash | undefined;
  let filled = 0;
  for await (const raw of source) {
    const chunk = toBuffer(raw);
    let offset = 0;
    while (offset < chunk.length) {
      if (!buf) {
        buf = take();
        hash = verify ? tryMd5() : undefined;
      }
      const n = Math.min(size - filled, chunk.length - offset);
      chunk.copy(buf, filled, offset, offset + n);
      hash?.update(buf.subarray(filled, filled + n));
      filled += n;
      offset += n;
      if (filled === size) {
        const full = segment(buf, filled, hash);
        buf = undefined;
        filled = 0;
        yield full;
      }
    }
  }
  if (buf && filled > 0) yield segment(buf, filled, hash);
}

/** @internal A file open for a segmented upload, and what its segments are cut from. */
export interface SegmentFile {
  /** Open for the whole upload: its size is checked again before the manifest. */
  handle: FileHandle;
  path: string;
  /** Its size when the upload started. */
  size: number;
}

/** Read size of file segments: few reads, and well under a MiB held per segment in flight. */
export const FILE_READ_BYTES = 256 * 1024;

/**
 * @internal Segments that are byte ranges of a file: each PUT attempt streams its range afresh
 * (`createReadStream(path, { start, end })`), counting and hashing it as it
 * goes, so no segment is ever held in memory and a retry re-reads the range. A file cut short
 * while it is read fails the segment with a `ValidationError` on `size`.
 */
export function* fileSegments(file: SegmentFile, size: number, verify: boolean): Generator<Segment> {
  for (let start = 0; start < file.size; start += size) {
    const length = Math.min(size, file.size - start);
    let last: { hash: Hash | undefined; digest?: string; error: unknown; stream: Readable } | undefined;
    const open = (): Readable => {
      last?.stream.destroy();
      const hash = verify ? tryMd5() : undefined;
      const attempt: NonNullable<typeof last> = { hash, error: undefined, stream: undefined as never };
      let counted = 0;
      const meter = new Transform({
        highWaterMark: FILE_READ_BYTES,
        transform(chunk: Buffer, _encoding, callback) {
          counted += chunk.length;
          hash?.update(chunk);
          callback(null, chunk);
        },
        flush(callback) {
          if (counted === length) return callback();
          attempt.error = new ValidationError(
            `size is ${file.size} but the file ended ${length - counted} bytes early`,
            'size',
          );
          callback(attempt.error as Error);
        },
      });
      // Its own descriptor: destroying a stream closes the descriptor it reads, whatever `autoClose`.
      const range = createReadStream(file.path, {
        start,
        end: start + length - 1,
        highWaterMark: FILE_READ_BYTES,
      });
      range.on('error', (error) => {
        attempt.error = error;
        meter.destroy(error);
      });
      meter.on('close', () => range.destroy());
      range.pipe(meter);
      attempt.stream = meter;
      last = attempt;
      return meter;
    };
    yield {
      size: length,
      etag: undefined,
      body: open,
      sentMd5: () => {
        if (last?.hash && last.digest === undefined) last.digest = last.hash.digest('hex');
        return last?.digest;
      },
      bodyError: () => last?.error,
      release: () => last?.stream.destroy(),
    };
  }
}

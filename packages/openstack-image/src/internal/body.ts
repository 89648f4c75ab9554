import type { Readable } from 'node:stream';
import { ValidationError } from '@cloud/core';
import { toBuffer } from '@cloud/core/service';

/**
 * What an image upload accepts: bytes in memory, or a stream (a Node Readable or any async
 * iterable of bytes). Streams are sent as they are read, never buffered whole.
 * @example const body: ImageUploadBody = createReadStream('/tmp/disk.qcow2');
 */
export type ImageUploadBody = Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** @internal Bytes in memory, or a stream of chunks. */
export type SplitBody =
  | { kind: 'bytes'; data: Buffer }
  | { kind: 'stream'; source: AsyncIterable<Uint8Array> };

/** @internal Classifies an upload body; anything else is a ValidationError. */
export function splitBody(body: unknown, field = 'body'): SplitBody {
  if (body instanceof Uint8Array) return { kind: 'bytes', data: toBuffer(body) };
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    return { kind: 'stream', source: body as AsyncIterable<Uint8Array> };
  }
  throw new ValidationError(
    `${field} must be a Buffer/Uint8Array, a Node Readable or an async iterable of bytes`,
    field,
  );
}

/** @internal Destroys a stream body (a no-op for other iterables), so a stalled source is released. */
export function destroySource(source: unknown): void {
  const s = source as { destroy?: unknown; destroyed?: boolean };
  if (typeof s?.destroy === 'function' && !s.destroyed) (s.destroy as () => void)();
}

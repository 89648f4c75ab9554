import type { Readable } from 'node:stream';
import { ValidationError } from '@cloud/core';
import { toBuffer } from '@cloud/core/service';

/**
 * What an upload accepts: bytes in memory, or a stream (Node Readable or any async iterable).
 * @example const body: UploadBody = createReadStream('/tmp/data.bin');
 */
export type UploadBody = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** @internal A body held in memory, or a stream of chunks. */
export type SplitBody =
  | { kind: 'bytes'; data: Buffer }
  | { kind: 'stream'; source: AsyncIterable<Uint8Array> };

/** @internal Classifies an upload body. */
export function splitBody(body: unknown, field = 'body'): SplitBody {
  if (typeof body === 'string' || body instanceof Uint8Array) return { kind: 'bytes', data: toBuffer(body) };
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    return { kind: 'stream', source: body as AsyncIterable<Uint8Array> };
  }
  throw new ValidationError(
    `${field} must be a string, a Buffer/Uint8Array, a Node Readable or an async iterable of bytes`,
    field,
  );
}

/** @internal Yields `head` first, then the rest of `iterator`. */
export async function* prepend<T>(head: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  try {
    for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
  } finally {
    await rest.return?.();
  }
}

/** @internal Destroys a stream body (a no-op for other iterables), so a stalled source is released. */
export function destroySource(source: unknown): void {
  const s = source as { destroy?: unknown; destroyed?: boolean };
  if (typeof s?.destroy === 'function' && !s.destroyed) (s.destroy as () => void)();
}

import { createHash, type Hash } from 'node:crypto';

/** @internal Hex MD5 of bytes. */
export const md5Hex = (data: Uint8Array | string): string => createHash('md5').update(data).digest('hex');

/** @internal A new MD5 hash, or undefined where MD5 is unavailable (FIPS mode). */
export function tryMd5(): Hash | undefined {
  try {
    return createHash('md5');
  } catch {
    return undefined;
  }
}

/** @internal True for a plain 32-hex-digit MD5 ETag (not a large-object or quoted ETag). */
export const isMd5Etag = (etag: string | undefined): etag is string => !!etag && /^[0-9a-f]{32}$/i.test(etag);

import { createHash, type Hash } from 'node:crypto';

/**
 * @internal A new hash of `algorithm` (Glance's `os_hash_algo`, e.g. `sha512`), or `undefined`
 * where Node does not know it or it is disabled (MD5 in FIPS mode).
 */
export function tryHash(algorithm: string | undefined): Hash | undefined {
  if (!algorithm) return undefined;
  try {
    return createHash(algorithm.toLowerCase());
  } catch {
    return undefined;
  }
}

/** @internal Hashes computed over one transfer, keyed by algorithm. */
export class TransferHashes {
  readonly #hashes = new Map<string, Hash>();
  constructor(algorithms: readonly string[]) {
    for (const a of algorithms) {
      const h = tryHash(a);
      if (h) this.#hashes.set(a.toLowerCase(), h);
    }
  }
  update(chunk: Buffer): void {
    for (const h of this.#hashes.values()) h.update(chunk);
  }
  /** Hex digests; call once, at the end. */
  digest(): Map<string, string> {
    return new Map([...this.#hashes].map(([a, h]) => [a, h.digest('hex')]));
  }
  get size(): number {
    return this.#hashes.size;
  }
}

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { IntegrityError, NetworkError, ValidationError } from '../src/index.js';
import { checkedStream, meterUpload, streamError, toBuffer } from '../src/service.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const drain = async (r: Readable) => {
  let text = '';
  for await (const chunk of r) text += String(chunk);
  return text;
};

describe('stream helpers of @cloud/core/service', () => {
  it('checkedStream passes the bytes through and checks length and digest at the end', async () => {
    const ok = checkedStream(Readable.from([Buffer.from('hello '), Buffer.from('world')]), {
      what: '"c/o"',
      hash: createHash('md5'),
      algorithm: 'MD5',
      expectedDigest: md5('hello world'),
      expectedLength: 11,
    });
    expect(await drain(ok)).toBe('hello world');

    const corrupt = checkedStream(Readable.from([Buffer.from('hello')]), {
      what: '"c/o"',
      hash: createHash('md5'),
      algorithm: 'MD5',
      expectedDigest: md5('other'),
    });
    await expect(drain(corrupt)).rejects.toBeInstanceOf(IntegrityError);

    const short = checkedStream(Readable.from([Buffer.from('hel')]), { what: '"c/o"', expectedLength: 5 });
    await expect(drain(short)).rejects.toThrow('ended after 3 of 5 bytes');
  });

  it('checkedStream reports a source failure as an SDK error', async () => {
    const source = new Readable({ read() {} });
    const out = checkedStream(source, { what: '"c/o"' });
    source.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const err = await drain(out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ code: 'NETWORK_ECONNRESET' });
  });

  it('meterUpload counts and hashes what it sends and refuses a body of the wrong size', async () => {
    const hash = createHash('md5');
    const metered = meterUpload(Readable.from([Buffer.from('abc'), new Uint8Array([100, 101])]), 5, hash);
    expect(await drain(metered.payload)).toBe('abcde');
    expect(metered.counted).toBe(5);
    expect(hash.digest('hex')).toBe(md5('abcde'));

    const long = meterUpload(Readable.from([Buffer.from('abcdef')]), 5);
    await expect(drain(long.payload)).rejects.toBeInstanceOf(ValidationError);
    expect(long.error).toMatchObject({ field: 'size' });

    const short = meterUpload(Readable.from([Buffer.from('ab')]), 5, undefined, 'bytes');
    await expect(drain(short.payload)).rejects.toThrow('bytes is 5 but the body had 2 bytes');
  });

  it('toBuffer views bytes without copying; streamError passes SDK errors through', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const view = toBuffer(bytes);
    bytes[0] = 9;
    expect(view[0]).toBe(9);
    const sdk = new ValidationError('bad', 'x');
    expect(streamError(sdk, '"c/o"')).toBe(sdk);
    expect(streamError(new Error('boom'), '"c/o"', undefined, 'download').message).toBe(
      'download of "c/o" failed: boom',
    );
  });
});

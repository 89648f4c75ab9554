import { ValidationError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import {
  createContainer,
  getObjectMetadata,
  removeObjectMetadata,
  replaceObjectMetadata,
  setAccountMetadata,
  setContainerMetadata,
  setObjectMetadata,
  uploadObject,
} from '../src/index.js';
import { setupSwift } from './fixtures/swift.js';

const { cloud, client } = setupSwift();

/** Metadata Swift would hand back changed, with the key the error must name. */
const changed: [Record<string, string>, string][] = [
  [{ foo_bar: '1' }, 'metadata.foo_bar'],
  [{ Key: 'a', key: 'b' }, 'metadata.key'],
  [{ padded: ' value' }, 'metadata.padded'],
  [{ padded: 'value\t' }, 'metadata.padded'],
];

describe('metadata that would not round-trip', () => {
  it('is refused with ValidationError naming the key, before any request, by every writer', async () => {
    const swift = client();
    const writers: ((m: Record<string, string>) => Promise<unknown>)[] = [
      (m) => uploadObject(swift, 'c', 'o', 'x', { metadata: m }),
      (m) => setObjectMetadata(swift, 'c', 'o', m),
      (m) => replaceObjectMetadata(swift, 'c', 'o', m),
      (m) => setContainerMetadata(swift, 'c', m),
      (m) => createContainer(swift, 'c', { metadata: m }),
      (m) => setAccountMetadata(swift, m),
    ];
    for (const write of writers) {
      for (const [metadata, field] of changed) {
        const err = (await write(metadata).catch((e) => e)) as ValidationError;
        expect(err).toBeInstanceOf(ValidationError);
        expect(err.field).toBe(field);
        expect(err.message).toContain(field.split('.')[1]);
      }
    }
    await expect(removeObjectMetadata(swift, 'c', 'o', ['foo_bar'])).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'keys',
    });
    expect(cloud.requests).toHaveLength(0);
  });

  it('keeps accepting keys in any case (read back lower-cased) and inner spaces', async () => {
    const swift = client();
    await createContainer(swift, 'c');
    await uploadObject(swift, 'c', 'o', 'x', { metadata: { 'Foo-Bar': 'a  b' } });
    expect((await getObjectMetadata(swift, 'c', 'o')).metadata).toEqual({ 'foo-bar': 'a  b' });
  });
});

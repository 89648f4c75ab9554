import { inspect } from 'node:util';
import { mockEndpoints } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  createSwiftClient,
  DEFAULT_LARGE_OBJECT_THRESHOLD,
  DEFAULT_SEGMENT_CONCURRENCY,
  DEFAULT_SEGMENT_SIZE,
  getAccountMetadata,
} from '../src/index.js';
import { setupSwift } from './fixtures/swift.js';

const { cloud, client } = setupSwift();

describe('createSwiftClient', () => {
  it('resolves the object-store endpoint of the session region, or of its own region/interface', async () => {
    expect(await client().endpoint()).toBe(mockEndpoints('RegionOne').objectStore);
    expect(await client({ region: 'RegionTwo' }).endpoint()).toBe(mockEndpoints('RegionTwo').objectStore);
    expect(await client({ interface: 'internal' }).endpoint()).toBe(
      mockEndpoints('RegionOne').objectStoreInternal,
    );
  });

  it('sends requests to a fixed endpoint when one is given', async () => {
    let hit = false;
    cloud.use(
      http.head('https://fixed.example.test/v1/AUTH_z', () => {
        hit = true;
        return new HttpResponse(null, { status: 204, headers: { 'x-account-container-count': '9' } });
      }),
    );
    const swift = createSwiftClient(cloud.session(), { endpoint: 'https://fixed.example.test/v1/AUTH_z/' });
    expect((await getAccountMetadata(swift)).containerCount).toBe(9);
    expect(hit).toBe(true);
  });

  it('has large-object defaults and validates overrides before any request', () => {
    expect(client().largeObjects).toEqual({
      threshold: DEFAULT_LARGE_OBJECT_THRESHOLD,
      segmentSize: DEFAULT_SEGMENT_SIZE,
      concurrency: DEFAULT_SEGMENT_CONCURRENCY,
    });
    expect(() => client({ largeObjects: { segmentSize: 10 } })).toThrow(/largeObjects.segmentSize/);
    expect(() => client({ largeObjects: { concurrency: 0 } })).toThrow(/largeObjects.concurrency/);
    expect(() => client({ largeObjects: { threshold: -1 } })).toThrow(/largeObjects.threshold/);
    expect(() => client({ endpoint: 'not a url' })).toThrow(/endpoint/);
    expect(cloud.requests).toHaveLength(0);
  });

  it('prints without session internals', async () => {
    const swift = client({ region: 'RegionTwo' });
    await swift.endpoint();
    expect(inspect(swift)).toBe('SwiftClient { region: RegionTwo }');
  });
});

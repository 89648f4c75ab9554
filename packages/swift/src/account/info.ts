import { AbortError, NetworkError, type RequestOptions, TimeoutError } from '@cloud/core';
import { parseResponse } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { parseSwiftInfo, SWIFT_INFO, type SwiftInfo } from './types.js';
import { swiftInfoUrl } from './urls.js';

/**
 * Reads the cluster's capabilities and limits from `/info` (at the endpoint root, outside
 * `/v1/AUTH_x`): bulk delete limits, SLO limits, temp URL digests, Swift version and more.
 * @example
 * ```ts
 * const info = await getSwiftInfo(swift);
 * console.log(info.version, info.bulkDelete?.maxDeletesPerRequest, info.tempUrl?.allowedDigests);
 * ```
 */
export async function getSwiftInfo(client: SwiftClient, options?: RequestOptions): Promise<SwiftInfo> {
  const url = swiftInfoUrl(await client.endpoint(options?.signal));
  const res = await client.request('GET', url, {
    ...options,
    resource: 'Swift /info capabilities',
  });
  return parseSwiftInfo(parseResponse(res, SWIFT_INFO));
}

const cache = new WeakMap<SwiftClient, Promise<SwiftInfo | undefined>>();

/** @internal `/info`, fetched once per client; undefined when the cluster does not publish it. */
export function cachedSwiftInfo(client: SwiftClient, signal?: AbortSignal): Promise<SwiftInfo | undefined> {
  let p = cache.get(client);
  if (!p) {
    p = getSwiftInfo(client, { signal }).catch((error: unknown) => {
      // A transient failure is tried again next time; a refusal (no /info) is remembered.
      if (error instanceof AbortError || error instanceof NetworkError || error instanceof TimeoutError) {
        cache.delete(client);
      }
      return undefined;
    });
    cache.set(client, p);
  }
  return p;
}

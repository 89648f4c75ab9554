/**
 * Shared setup of the integration tests: a session and block storage client from the OS_*
 * variables only (the endpoint comes from the catalog), unique names, and cleanup.
 */

import { liveEnv } from '@cloud/testing/live';
import type { describe } from '@jest/globals';
import {
  type BlockStorageClient,
  type BlockStorageClientOptions,
  createBlockStorageClient,
} from '../../src/index.js';

const cloud = liveEnv({
  what: 'block storage',
  pkg: '@cloud/openstack-block-storage',
  services: ['block-storage'],
});
/** True when a cloud with block storage is configured; `describeLive` skips otherwise. */
export const { live, uniqueName } = cloud;
export const describeLive: typeof describe = cloud.describeLive;

/** A block storage client for the configured cloud. */
export function liveClient(options: BlockStorageClientOptions = {}): BlockStorageClient {
  return createBlockStorageClient(cloud.session(), options);
}

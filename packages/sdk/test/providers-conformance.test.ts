/**
 * The neutral conformance checks of `@cloud/providers/conformance` against the OpenStack and
 * Rackspace adapters, on msw fakes of Keystone, Swift, Nova and (in OpenStack's catalog) Glance.
 */
import { computeChecks, describeCheck, storageChecks } from '@cloud/providers/conformance';
import { setAccountTempUrlKey } from '@cloud/swift';
import { mockEndpoints, setupMockCloud } from '@cloud/testing';
import { createFakeNova, FIXTURE_IMAGES } from '@cloud/testing/compute';
import { createFakeSwift } from '@cloud/testing/swift';
import { beforeEach, describe, it } from '@jest/globals';
import { CLOUDS } from './clouds.js';
import { createFakeGlance } from './fakes/glance.js';

const cloud = setupMockCloud();
let serial = 0;

beforeEach(() => {
  cloud.use(...createFakeSwift().handlers);
  cloud.use(...createFakeNova({ buildPolls: 1, deletePolls: 0 }).handlers);
  cloud.use(...createFakeGlance({ baseUrl: `${mockEndpoints().image}/v2`, images: FIXTURE_IMAGES }).handlers);
});

describe.each(CLOUDS)('$name storage conformance', (c) => {
  const target = {
    storage: () => c.storage(),
    containerName: () => `conformance-${++serial}`,
    largeUploadBytes: 3 * 1024 * 1024,
  };
  // Temporary URLs are signed with the account's key, set once as a user would.
  beforeEach(() => setAccountTempUrlKey(c.storage().client, 'conformance-temp-url-key'));
  for (const check of storageChecks) {
    const { name, skip } = describeCheck(check, target);
    (skip ? it.skip : it)(name, () => check.run(target));
  }
});

describe.each(CLOUDS)('$name compute conformance', (c) => {
  const target = {
    compute: () => c.compute(),
    flavor: '1',
    image: FIXTURE_IMAGES[0]!.id as string,
    missing: {
      server: '00000000-0000-4000-8000-000000000000',
      flavor: 'no-such-flavor',
      image: '00000000-0000-4000-8000-00000000000f',
    },
    wait: { minDelayMs: 1, maxDelayMs: 2 },
    serverName: () => `conformance-${++serial}`,
  };
  for (const check of computeChecks) it(check.name, () => check.run(target));
});

/**
 * Compute (Nova v2.1) fixtures and a small stateful fake of the compute service, as msw handlers.
 * This entry point has no test-framework imports, so examples and demos can use it too.
 */
export {
  createFakeNova,
  type FakeNova,
  type FakeNovaContext,
  type FakeNovaOptions,
  type FakeRoute,
  type FakeServer,
} from './compute-fake.js';
export {
  FAKE_COMPUTE_PROJECT,
  FAKE_COMPUTE_URL,
  FIXTURE_FLAVORS,
  FIXTURE_IMAGES,
  flavorFixture,
  imageFixture,
  type Json,
  link,
  novaFault,
  serverFixture,
} from './compute-fixtures.js';

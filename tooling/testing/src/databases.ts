// Fixtures and a stateful fake of Rackspace Cloud Databases / OpenStack Trove v1.0.
// Nothing here imports '@jest/globals', so examples and the demo can use the fake outside Jest.
export {
  createFakeTrove,
  type FakeTrove,
  type FakeTroveInstance,
  type FakeTroveOptions,
} from './databases-fake.js';
export {
  fakeTroveCredentials,
  type TroveLink,
  troveBackup,
  troveConfiguration,
  troveConfigurationParameters,
  troveDatastores,
  troveFault,
  troveFlavors,
  troveInstance,
} from './databases-fixtures.js';

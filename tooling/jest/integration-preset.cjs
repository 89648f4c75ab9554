/** Jest preset for tests against real services (Keystone, Swift) started by tooling/openstack. */
const base = require('./jest-preset.cjs');
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120_000,
  maxWorkers: 1,
  reporters: ['default', [require.resolve('./summary-reporter.cjs'), { kind: 'integration' }]],
};

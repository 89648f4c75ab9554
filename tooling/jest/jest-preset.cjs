/** Shared Jest preset: native ESM, TypeScript through SWC, sources of sibling packages via `@cloud/source`. */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@cloud/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/integration/'],
  // Suites stream several MiB through msw and real sockets; on a busy 2-core machine 5 s is too tight.
  testTimeout: 30_000,
  reporters: ['default', [require.resolve('./summary-reporter.cjs'), { kind: 'unit' }]],
};

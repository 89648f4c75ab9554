module.exports = { preset: '@cloud/jest-config/integration-preset.cjs' };

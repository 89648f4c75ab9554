module.exports = { preset: '@cloud/jest-config' };

module.exports = require('@cloud/jest-config/integration-preset.cjs');

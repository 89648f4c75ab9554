import { defineConfig } from 'tsup';

/**
 * The build every published package shares: ESM only, Node 22, with bundled declarations.
 * @param {import('tsup').Options} [overrides]
 */
export const library = (overrides = {}) =>
  defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    ...overrides,
  });

// Adds up the per-package counts written by tooling/jest/summary-reporter.cjs and prints one line.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['packages', 'apps', 'tooling'].flatMap((group) =>
  existsSync(join(root, group))
    ? readdirSync(join(root, group)).map((d) => join(root, group, d, '.test-results'))
    : [],
);
const mine = dirs.filter((d) => existsSync(d));
if (process.argv.includes('--reset')) {
  for (const d of mine) for (const f of readdirSync(d)) rmSync(join(d, f));
  process.exit(0);
}
const total = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
/** Integration suites that skipped tests: in CI every local service runs, so a skip hides a gap. */
const skippedIntegration = [];
for (const d of mine) {
  for (const f of readdirSync(d).filter((x) => x.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(join(d, f), 'utf8'));
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    if (f === 'integration.json' && r.skipped > 0) skippedIntegration.push(d.slice(root.length));
    rows.push(
      `  ${d.slice(root.length).replace('/.test-results', '')} (${f.replace('.json', '')}): ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`,
    );
  }
}
console.log(rows.sort().join('\n'));
if (process.env.CI && skippedIntegration.length > 0) {
  console.log(
    `integration tests were skipped in CI (every local service runs there): ${skippedIntegration.join(', ')}`,
  );
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || (process.env.CI && skippedIntegration.length > 0) ? 1 : 0);

import { describe, expect, it } from '@jest/globals';
import type { BundleAnalysis } from '../src/analyze.js';
import { budgetFromMeasurements, checkBudget } from '../src/budget.js';
import { type ReportRow, renderMarkdown, renderText } from '../src/table.js';

const budget = { headroom: 0.15, handlers: { a: { minified: 1000, gzip: 400 } } };

describe('checkBudget', () => {
  it('passes a bundle within both limits', () => {
    expect(checkBudget(budget, [{ name: 'a', minified: 1000, gzip: 400 }])).toEqual([
      { name: 'a', budget: budget.handlers.a, violations: [] },
    ]);
  });

  it('names each limit that is exceeded', () => {
    const [v] = checkBudget(budget, [{ name: 'a', minified: 1001, gzip: 401 }]);
    expect(v?.violations).toEqual(['minified 1001 B > budget 1000 B', 'gzip 401 B > budget 400 B']);
  });

  it('fails a bundle that has no budget', () => {
    const [v] = checkBudget(budget, [{ name: 'b', minified: 1, gzip: 1 }]);
    expect(v?.violations).toEqual(['no budget for "b" in budget.json']);
  });
});

describe('budgetFromMeasurements', () => {
  it('adds the headroom and rounds up to 100 bytes', () => {
    expect(budgetFromMeasurements([{ name: 'a', minified: 170_256, gzip: 51_965 }], 0.15)).toEqual({
      headroom: 0.15,
      handlers: { a: { minified: 195_800, gzip: 59_800 } },
    });
  });
});

const analysis: BundleAnalysis = {
  packages: [
    { name: 'got', bytes: 900, files: 10 },
    { name: '@cloud/core', bytes: 60, files: 1 },
    { name: '@cloud/swift', bytes: 30, files: 1 },
  ],
  cloudBytes: 90,
  thirdPartyBytes: 900,
  gotBytes: 800,
  leaks: [],
};
const row = (problems: string[] = []): ReportRow => ({
  name: 'swift-upload',
  imports: "uploadObject from '@cloud/swift'",
  minified: 1000,
  gzip: 400,
  budget: { minified: 1200, gzip: 500 },
  analysis,
  problems,
});

describe('renderText', () => {
  it('prints sizes, budget, @cloud parts, got’s share and other dependencies', () => {
    const text = renderText([row()]);
    const line = text.split('\n')[2];
    expect(line).toContain('swift-upload');
    expect(line).toContain('1,000');
    expect(line).toContain('1,200 / 500');
    expect(line).toContain('core 60 + swift 30');
    expect(line).toContain('800 (80.0%)');
    expect(line).toContain('100 (10.0%)');
    expect(line).toMatch(/ok$/);
  });

  it('marks failures and lists the problems under the table', () => {
    const text = renderText([row(['contains 42 B of @cloud/openstack-compute'])]);
    expect(text).toMatch(/FAIL/);
    expect(text).toContain('Problems:\n  swift-upload: contains 42 B of @cloud/openstack-compute');
  });
});

describe('renderMarkdown', () => {
  it('writes a Markdown table with the largest contributors', () => {
    const md = renderMarkdown([row()], { source: 'the workspace', date: '2025-01-01' });
    expect(md).toContain(
      [
        '| bundle       | minified | gzip | budget (min / gz) | @cloud code        |  got & deps |  other deps | result | imports                            |',
        '| ------------ | -------: | ---: | ----------------: | ------------------ | ----------: | ----------: | ------ | ---------------------------------- |',
        "| swift-upload |    1,000 |  400 |       1,200 / 500 | core 60 + swift 30 | 800 (80.0%) | 100 (10.0%) | ok     | `uploadObject from '@cloud/swift'` |",
      ].join('\n'),
    );
    expect(md).toContain(
      '- **swift-upload**: got 900 (90.0%), @cloud/core 60 (6.0%), @cloud/swift 30 (3.0%)',
    );
  });
});

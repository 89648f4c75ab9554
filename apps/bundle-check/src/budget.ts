import { readFileSync, writeFileSync } from 'node:fs';

/** Size limits of one bundle, in bytes. */
export interface BundleBudget {
  minified: number;
  gzip: number;
}

/** The contents of `budget.json`. */
export interface BudgetFile {
  /** Headroom used when the budget was last set from measurements, e.g. 0.15. */
  headroom: number;
  handlers: Record<string, BundleBudget>;
}

/** A measured bundle, as far as the budget is concerned. */
export interface Measured {
  name: string;
  minified: number;
  gzip: number;
}

/** How a measurement compares with its budget. */
export interface BudgetVerdict {
  name: string;
  budget?: BundleBudget | undefined;
  /** Human-readable reasons; empty when within budget. */
  violations: string[];
}

/** Reads `budget.json`. */
export function readBudget(path: string): BudgetFile {
  return JSON.parse(readFileSync(path, 'utf8')) as BudgetFile;
}

/** Compares measurements with the budget. A bundle without a budget is a violation too. */
export function checkBudget(budget: BudgetFile, measured: Measured[]): BudgetVerdict[] {
  return measured.map((m) => {
    const b = budget.handlers[m.name];
    if (!b) return { name: m.name, violations: [`no budget for "${m.name}" in budget.json`] };
    const violations: string[] = [];
    if (m.minified > b.minified) violations.push(`minified ${m.minified} B > budget ${b.minified} B`);
    if (m.gzip > b.gzip) violations.push(`gzip ${m.gzip} B > budget ${b.gzip} B`);
    return { name: m.name, budget: b, violations };
  });
}

/** Rounds up to the next 100 bytes. */
const roundUp = (n: number) => Math.ceil(n / 100) * 100;

/** A budget of `measured * (1 + headroom)` for every bundle, rounded up to 100 bytes. */
export function budgetFromMeasurements(measured: Measured[], headroom: number): BudgetFile {
  const handlers: Record<string, BundleBudget> = {};
  for (const m of measured) {
    handlers[m.name] = {
      minified: roundUp(m.minified * (1 + headroom)),
      gzip: roundUp(m.gzip * (1 + headroom)),
    };
  }
  return { headroom, handlers };
}

/** Writes `budget.json`. */
export function writeBudget(path: string, budget: BudgetFile): void {
  writeFileSync(path, `${JSON.stringify(budget, null, 2)}\n`);
}

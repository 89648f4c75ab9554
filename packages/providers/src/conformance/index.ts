/**
 * `@cloud/providers/conformance`: the behaviour of the provider-neutral interface as named,
 * framework-free checks. Every adapter (OpenStack, Rackspace, Amazon...) runs the same list, so a
 * difference between clouds shows up as a failing check rather than at a user's run time.
 *
 * The checks use `node:assert` only: run each as a test in Jest, Vitest or `node:test`.
 * @example
 * ```ts
 * import { storageChecks } from '@cloud/providers/conformance';
 *
 * for (const check of storageChecks) it(check.name, () => check.run(target));
 * ```
 * @packageDocumentation
 */
export { type ConformanceCheck, describeCheck } from './check.js';
export { type ComputeConformanceTarget, computeChecks } from './compute.js';
export { type StorageConformanceTarget, storageChecks } from './storage.js';

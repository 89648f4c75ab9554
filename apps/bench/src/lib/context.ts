import type { SwiftTarget } from './openstack.ts';

/** Sizes and counts of one benchmark run. */
export interface BenchConfig {
  quick: boolean;
  /** Repetitions of each transfer measurement. */
  runs: number;
  /** Object sizes of the streaming comparison; the last one is the headline size. */
  sizes: number[];
  /** Size of the large-object (SLO) comparison. */
  sloSize: number;
  /** Segment size of the large-object comparison. */
  segmentSize: number;
  sloConcurrency: number[];
  /** Size of the null-sink comparison. */
  sinkSize: number;
  /** Body size and repetitions of the per-layer breakdown on the null sink. */
  layerSize: number;
  layerRuns: number;
  /** Small requests per layer on the null sink. */
  layerCount: number;
  smallCount: number;
  smallConcurrency: number;
  smallSize: number;
  /** hyperfine runs per command. */
  coldRuns: number;
}

const MiB = 1024 * 1024;

/** The full run, or the quick smoke run (small sizes, one repetition). */
export function benchConfig(quick: boolean, runsOverride?: number): BenchConfig {
  const base: BenchConfig = quick
    ? {
        quick,
        runs: 1,
        sizes: [4 * MiB, 8 * MiB],
        sloSize: 8 * MiB,
        segmentSize: 2 * MiB,
        sloConcurrency: [1, 2, 4],
        sinkSize: 8 * MiB,
        layerSize: 8 * MiB,
        layerRuns: 1,
        layerCount: 200,
        smallCount: 200,
        smallConcurrency: 16,
        smallSize: 1024,
        coldRuns: 5,
      }
    : {
        quick,
        runs: 3,
        sizes: [100 * MiB, 1024 * MiB],
        sloSize: 1024 * MiB,
        segmentSize: 100 * MiB,
        sloConcurrency: [1, 2, 4],
        sinkSize: 1024 * MiB,
        layerSize: 256 * MiB,
        layerRuns: 5,
        layerCount: 4000,
        smallCount: 2000,
        smallConcurrency: 16,
        smallSize: 1024,
        coldRuns: 30,
      };
  return runsOverride ? { ...base, runs: runsOverride } : base;
}

/** Installed external tools, or undefined when unavailable. */
export interface Tools {
  hyperfine?: string | undefined;
  swiftCli?: string | undefined;
  curl?: string | undefined;
  time?: string | undefined;
}

/** Everything a section needs. */
export interface BenchContext {
  config: BenchConfig;
  /** apps/bench */
  benchDir: string;
  /** The repository root. */
  rootDir: string;
  /** Scratch space inside apps/bench (resolvable node_modules), removed at the end. */
  workDir: string;
  /** A temp dir for the big data files, removed at the end. */
  dataDir: string;
  /** Swift, when a cloud is reachable; otherwise why not. */
  swift: SwiftTarget | { reason: string };
  tools: Tools;
  log(message: string): void;
  /** Records a failure of the code under test (the run exits non-zero at the end). */
  fail(message: string): void;
  /**
   * The Node binary children run: a hard link to this process's binary taken at start, so a
   * toolchain reinstall on a shared machine during the run cannot pull it away.
   */
  node: string;
  /** A unique prefix for containers of this run. */
  runId: string;
  /** When set, Node workers write V8 CPU profiles here. */
  profileDir?: string | undefined;
}

/** The Markdown a section contributes to the report. */
export interface SectionResult {
  title: string;
  body: string;
  /** One-line findings for the summary at the top. */
  headline?: string[] | undefined;
}

/** Narrows the context's Swift to a reachable target. */
export const hasSwift = (s: BenchContext['swift']): s is SwiftTarget => 'token' in s;

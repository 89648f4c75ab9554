import { number, object, optional, string } from '@cloud/core/service';

/** Health monitor types. */
export const CLB_HEALTH_MONITOR_TYPES = ['CONNECT', 'HTTP', 'HTTPS'] as const;
/** `CONNECT` checks the port accepts connections; `HTTP`/`HTTPS` check a response. */
export type ClbHealthMonitorType = (typeof CLB_HEALTH_MONITOR_TYPES)[number];

/**
 * The active health check of a load balancer. The HTTP fields are set for `HTTP` and `HTTPS`
 * monitors only.
 * @example const m = await getClbHealthMonitor(clb, lbId); if (m) console.log(m.type, m.delay, m.path);
 */
export interface ClbHealthMonitor {
  type: ClbHealthMonitorType | string;
  /** Seconds between checks (1 to 3600). */
  delay: number | undefined;
  /** Seconds to wait for a connection (1 to 300). */
  timeout: number | undefined;
  /** Failed checks before a node leaves rotation (1 to 10). */
  attemptsBeforeDeactivation: number | undefined;
  path: string | undefined;
  statusRegex: string | undefined;
  bodyRegex: string | undefined;
  hostHeader: string | undefined;
  raw: ClbHealthMonitorWire;
}

/** @internal */
export interface ClbHealthMonitorWire {
  type?: string;
  delay?: number;
  timeout?: number;
  attemptsBeforeDeactivation?: number;
  path?: string;
  statusRegex?: string;
  bodyRegex?: string;
  hostHeader?: string;
  [field: string]: unknown;
}

/** @internal */
export const HEALTH_MONITOR = object<ClbHealthMonitorWire>({
  type: optional(string),
  delay: optional(number),
  timeout: optional(number),
  attemptsBeforeDeactivation: optional(number),
  path: optional(string),
  statusRegex: optional(string),
  bodyRegex: optional(string),
  hostHeader: optional(string),
});

/** @internal `undefined` when the load balancer has no monitor (`{}`) */
export const parseHealthMonitor = (w: ClbHealthMonitorWire): ClbHealthMonitor | undefined =>
  w.type === undefined
    ? undefined
    : {
        type: w.type,
        delay: w.delay,
        timeout: w.timeout,
        attemptsBeforeDeactivation: w.attemptsBeforeDeactivation,
        path: w.path,
        statusRegex: w.statusRegex,
        bodyRegex: w.bodyRegex,
        hostHeader: w.hostHeader,
        raw: w,
      };

/**
 * A health monitor to set. `path` and `statusRegex` are required for `HTTP`/`HTTPS` and refused
 * for `CONNECT`.
 * @example
 * ```ts
 * { type: 'HTTP', delay: 10, timeout: 5, attemptsBeforeDeactivation: 3, path: '/health', statusRegex: '^[23][0-9][0-9]$' }
 * ```
 */
export interface ClbHealthMonitorInput {
  type: ClbHealthMonitorType;
  delay: number;
  timeout: number;
  attemptsBeforeDeactivation: number;
  path?: string | undefined;
  statusRegex?: string | undefined;
  bodyRegex?: string | undefined;
  hostHeader?: string | undefined;
}

import { number, object, optional } from '@cloud/core/service';

/** Session persistence modes. */
export const CLB_PERSISTENCE_TYPES = ['HTTP_COOKIE', 'SOURCE_IP', 'SSL_ID'] as const;
/** `HTTP_COOKIE` (HTTP), `SOURCE_IP` (HTTP, HTTPS pass-through), `SSL_ID` (SSL pass-through). */
export type ClbPersistenceType = (typeof CLB_PERSISTENCE_TYPES)[number];

/**
 * Connection throttling of a load balancer. Since API v1.22 only `maxConnections` has an effect;
 * the other fields are still accepted and reported.
 * @example const t = await getClbConnectionThrottle(clb, lbId); console.log(t?.maxConnections);
 */
export interface ClbConnectionThrottle {
  /** Connections allowed per client IP address; 0 means unlimited. */
  maxConnections: number | undefined;
  minConnections: number | undefined;
  maxConnectionRate: number | undefined;
  rateInterval: number | undefined;
  raw: ClbConnectionThrottleWire;
}

/** @internal */
export interface ClbConnectionThrottleWire {
  maxConnections?: number;
  minConnections?: number;
  maxConnectionRate?: number;
  rateInterval?: number;
  [field: string]: unknown;
}

/** @internal */
export const CONNECTION_THROTTLE = object<ClbConnectionThrottleWire>({
  maxConnections: optional(number),
  minConnections: optional(number),
  maxConnectionRate: optional(number),
  rateInterval: optional(number),
});

/** @internal `undefined` when nothing is configured (`{}`) */
export const parseConnectionThrottle = (w: ClbConnectionThrottleWire): ClbConnectionThrottle | undefined =>
  w.maxConnections === undefined &&
  w.minConnections === undefined &&
  w.maxConnectionRate === undefined &&
  w.rateInterval === undefined
    ? undefined
    : {
        maxConnections: w.maxConnections,
        minConnections: w.minConnections,
        maxConnectionRate: w.maxConnectionRate,
        rateInterval: w.rateInterval,
        raw: w,
      };

/**
 * Connection throttling to set: every field when none is configured yet, any of them afterwards.
 * @example { maxConnections: 100 }
 */
export interface ClbConnectionThrottleInput {
  /** 0 (unlimited) or 1 to 100000. */
  maxConnections?: number | undefined;
  /** Deprecated by the service (no effect). */
  minConnections?: number | undefined;
  /** Deprecated by the service (no effect). */
  maxConnectionRate?: number | undefined;
  /** Deprecated by the service (no effect). */
  rateInterval?: number | undefined;
}

import { arrayOf, number, object, optional, string, unknownValue } from '@cloud/core/service';

/** Statuses of a Cloud DNS job. */
export type DnsJobStatus = 'INITIALIZED' | 'RUNNING' | 'COMPLETED' | 'ERROR' | (string & {});

/**
 * An asynchronous Cloud DNS job: every create, update, delete, import and export returns one.
 * `response` holds the result once `COMPLETED` (typed when the job came from an operation of
 * this package); `error` says why it failed.
 * @example
 * ```ts
 * const job = await createDomain(dns, { name: 'example.com', emailAddress: 'admin@example.com' });
 * const done = await waitForDnsJob(dns, job);
 * console.log(done.response?.[0]?.id);
 * ```
 */
export interface DnsJob<R = unknown> {
  jobId: string;
  status: DnsJobStatus;
  /** Where the job's status is read (`…/status/<jobId>`). */
  callbackUrl: string;
  verb: string | undefined;
  requestUrl: string | undefined;
  /** The parsed result, once `COMPLETED`. */
  response: R | undefined;
  error: DnsJobErrorWire | undefined;
  raw: DnsJobWire;
}

/** The error of a failed job, as Cloud DNS writes it. */
export interface DnsJobErrorWire {
  code?: number;
  message?: string;
  details?: string;
  failedItems?: { faults?: { code?: number; message?: string; details?: string }[] };
  [field: string]: unknown;
}

/** @internal wire shape */
export interface DnsJobWire {
  jobId: string;
  status: string;
  callbackUrl: string;
  verb?: string;
  requestUrl?: string;
  response?: unknown;
  error?: DnsJobErrorWire;
  [field: string]: unknown;
}

/** @internal */
export const DNS_JOB = object<DnsJobWire>({
  jobId: string,
  status: string,
  callbackUrl: string,
  verb: optional(string),
  requestUrl: optional(string),
  response: unknownValue,
  error: optional(
    object<DnsJobErrorWire>({
      code: optional(number),
      message: optional(string),
      details: optional(string),
      failedItems: optional(
        object<{ faults?: { code?: number; message?: string; details?: string }[] }>({
          faults: optional(
            arrayOf(object({ code: optional(number), message: optional(string), details: optional(string) })),
          ),
        }),
      ),
    }),
  ),
});

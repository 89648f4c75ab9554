import { CloudError } from '@cloud/core';

/** One item a Cloud DNS job could not process (bulk deletes report them). */
export interface DnsJobFailedItem {
  code: number | undefined;
  message: string | undefined;
  details: string | undefined;
}

/**
 * An asynchronous Cloud DNS job ended in `ERROR`. Carries the job id and the service's error:
 * its HTTP-like `code`, message, details and any failed items.
 * @example
 * ```ts
 * try { await waitForDnsJob(dns, job); }
 * catch (e) { if (e instanceof DnsJobError) console.error(e.jobId, e.errorCode, e.details); }
 * ```
 */
export class DnsJobError extends CloudError {
  readonly jobId: string;
  /** The code of the job's error, e.g. 409 for a domain that already exists. */
  readonly errorCode: number | undefined;
  readonly details: string | undefined;
  readonly failedItems: DnsJobFailedItem[];
  /** The job as last seen. */
  readonly job: unknown;
  constructor(
    message: string,
    o: {
      jobId: string;
      errorCode?: number | undefined;
      details?: string | undefined;
      failedItems?: DnsJobFailedItem[];
      job: unknown;
    },
  ) {
    super(message, 'DNS_JOB_FAILED');
    this.jobId = o.jobId;
    this.errorCode = o.errorCode;
    this.details = o.details;
    this.failedItems = o.failedItems ?? [];
    this.job = o.job;
  }
}

import { type PagedIterable, type RequestOptions, ValidationError, type WaiterOptions } from '@cloud/core';
import { invalidResponse, parseResponse, poll, type ResponseLike } from '@cloud/core/service';
import type { RackspaceDnsClient } from '../client.js';
import { DnsJobError } from '../errors.js';
import { listByOffset } from '../internal/common.js';
import { DNS_JOB, type DnsJob, type DnsJobWire } from './types.js';

const PARSER = Symbol('dns-job-parser');
type Parser<R> = (response: unknown, res: ResponseLike) => R;
type Tagged<R> = DnsJob<R> & { [PARSER]?: Parser<R> };

/** @internal builds a job, keeping the parser of its response for {@link waitForDnsJob} */
export function toJob<R>(w: DnsJobWire, res: ResponseLike, parse?: Parser<R>): DnsJob<R> {
  const job: Tagged<R> = {
    jobId: w.jobId,
    status: w.status,
    callbackUrl: w.callbackUrl,
    verb: w.verb,
    requestUrl: w.requestUrl,
    response:
      w.status === 'COMPLETED' && parse && w.response !== undefined ? parse(w.response, res) : undefined,
    error: w.error,
    raw: w,
  };
  if (parse) Object.defineProperty(job, PARSER, { value: parse, enumerable: false });
  return job;
}

/** @internal the job of a 202 answer */
export function acceptedJob<R>(res: ResponseLike, parse?: Parser<R>): DnsJob<R> {
  return toJob(parseResponse(res, DNS_JOB), res, parse);
}

const requireJobId = (v: unknown) => {
  if (typeof v !== 'string' || !/^[\w-]{1,64}$/.test(v))
    throw new ValidationError(`jobId must be a job id, got ${JSON.stringify(v)}`, 'jobId');
  return v;
};

/**
 * Reads the status of a job, with its details (`showDetails=true`): the response once
 * `COMPLETED`, the error once `ERROR`.
 * @example const job = await getDnsJob(dns, jobId); console.log(job.status);
 */
export async function getDnsJob(
  client: RackspaceDnsClient,
  jobId: string,
  options?: RequestOptions,
): Promise<DnsJob> {
  requireJobId(jobId);
  const res = await client.request('GET', `status/${jobId}`, {
    ...options,
    searchParams: { showDetails: true },
    resource: `DNS job "${jobId}"`,
  });
  return toJob(parseResponse(res, DNS_JOB), res);
}

/**
 * Lists the account's jobs of the last 24 hours, lazily.
 * @example for await (const j of listDnsJobs(dns)) console.log(j.jobId, j.verb, j.status);
 */
export function listDnsJobs(
  client: RackspaceDnsClient,
  params: { limit?: number | undefined } = {},
  options?: RequestOptions,
): PagedIterable<DnsJob> {
  return listByOffset<DnsJobWire, DnsJob>({
    client,
    path: 'status',
    key: 'asyncResponses',
    shape: DNS_JOB,
    map: (w) => toJob(w, { status: 200, headers: {}, url: 'status', body: w }),
    query: { showDetails: true },
    limit: params.limit,
    options,
  });
}

/**
 * Options of {@link waitForDnsJob}.
 * @example await waitForDnsJob(dns, job, { timeoutMs: 120_000, minDelayMs: 1_000 });
 */
export interface WaitForDnsJobOptions<R> extends WaiterOptions<DnsJob<R>> {
  /** Headers and timeout of each poll. */
  request?: Omit<RequestOptions, 'signal'> | undefined;
}

/**
 * Polls a job until it is `COMPLETED` and returns it with its typed `response` (when given the
 * job an operation of this package returned). A job in `ERROR` throws {@link DnsJobError}
 * carrying the service's error code, message, details and failed items.
 * @throws DnsJobError when the job ends in ERROR; WaiterTimeoutError after `timeoutMs`
 *   (default 10 minutes); AbortError when `signal` fires.
 * @example
 * ```ts
 * const job = await createDomainRecords(dns, domainId, [{ name: 'www.example.com', type: 'A', data: '192.0.2.10' }]);
 * const { response: records } = await waitForDnsJob(dns, job);
 * ```
 */
export async function waitForDnsJob<R = unknown>(
  client: RackspaceDnsClient,
  job: DnsJob<R> | string,
  options: WaitForDnsJobOptions<R> = {},
): Promise<DnsJob<R>> {
  const jobId = requireJobId(typeof job === 'string' ? job : job?.jobId);
  const parse = typeof job === 'string' ? undefined : (job as Tagged<R>)[PARSER];
  const done = await poll<DnsJob<R>>({
    ...options,
    description: `DNS job "${jobId}" to complete`,
    fetch: async (signal) => {
      const res = await client.request('GET', `status/${jobId}`, {
        ...options.request,
        signal,
        searchParams: { showDetails: true },
        resource: `DNS job "${jobId}"`,
      });
      const w = parseResponse(res, DNS_JOB);
      if (w.status === 'COMPLETED' && parse && w.response === undefined)
        throw invalidResponse(res, `the completed job "${jobId}" carries no response`);
      const current = toJob(w, res, parse);
      if (current.status === 'ERROR') throw jobError(current);
      return current;
    },
    done: (j) => j.status === 'COMPLETED',
  });
  return done;
}

function jobError(j: DnsJob<unknown>): DnsJobError {
  const e = j.error ?? {};
  const failedItems = (e.failedItems?.faults ?? []).map((f) => ({
    code: f.code,
    message: f.message,
    details: f.details,
  }));
  const what = [e.message, e.details].filter(Boolean).join(': ') || 'no details given';
  return new DnsJobError(
    `DNS job "${j.jobId}"${j.verb ? ` (${j.verb} ${j.requestUrl ?? ''})`.trimEnd() : ''} failed${e.code ? ` with ${e.code}` : ''}: ${what}`,
    { jobId: j.jobId, errorCode: e.code, details: e.details, failedItems, job: j },
  );
}

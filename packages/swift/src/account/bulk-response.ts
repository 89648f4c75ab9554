import {
  arrayOf,
  number,
  object,
  optional,
  parseResponse,
  type ResponseLike,
  type Shape,
  string,
} from '@cloud/core/service';
import type { BulkFailure } from '../errors.js';

/** @internal The JSON summary the bulk middleware (and SLO delete) answers with. */
export interface BulkResponseWire {
  'Response Status'?: string;
  'Response Body'?: string;
  'Number Deleted'?: number;
  'Number Not Found'?: number;
  'Number Files Created'?: number;
  Errors?: [string, string][];
}

/** @internal A parsed bulk summary. */
export interface BulkSummary {
  ok: boolean;
  responseStatus: string;
  responseBody: string;
  deleted: number;
  notFound: number;
  created: number;
  failures: BulkFailure[];
}

const decodePath = (p: string): string => {
  let path = p;
  try {
    path = decodeURIComponent(p);
  } catch {
    // keep as sent
  }
  // Older Swift releases report /v1/<account>/<container>/<object>.
  return path.replace(/^\/v1\/[^/]+(?=\/)/, '');
};

const BULK_SUMMARY = object<BulkResponseWire>({
  'Response Status': string,
  'Response Body': optional(string),
  'Number Deleted': optional(number),
  'Number Not Found': optional(number),
  'Number Files Created': optional(number),
  Errors: optional(arrayOf(arrayOf(string))) as Shape<[string, string][] | undefined>,
});

/**
 * @internal Parses a bulk summary; an empty answer (the middleware is not there) is `undefined`,
 * anything else that is not a summary throws `InvalidResponseError`.
 */
export function parseBulkResponse(res: ResponseLike): BulkSummary | undefined {
  if (res.body === undefined) return undefined;
  const w = parseResponse(res, BULK_SUMMARY);
  const responseStatus = String(w['Response Status'] ?? '');
  return {
    ok: /^2\d\d/.test(responseStatus),
    responseStatus,
    responseBody: String(w['Response Body'] ?? ''),
    deleted: w['Number Deleted'] ?? 0,
    notFound: w['Number Not Found'] ?? 0,
    created: w['Number Files Created'] ?? 0,
    failures: (w.Errors ?? []).map(([path, status]) => ({
      path: decodePath(String(path)),
      status: String(status),
    })),
  };
}

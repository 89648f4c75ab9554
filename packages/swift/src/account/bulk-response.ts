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

/** @internal Parses a bulk summary, or returns undefined when the body is not one. */
export function parseBulkResponse(body: unknown): BulkSummary | undefined {
  if (!body || typeof body !== 'object' || !('Response Status' in body)) return undefined;
  const w = body as BulkResponseWire;
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

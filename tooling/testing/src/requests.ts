/** Helpers for asserting what the SDK sent and for answering with faults. No test-framework imports. */
import { HttpResponse } from 'msw';

/** A recorded request, for asserting what the SDK sent. */
export interface CapturedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body as text (empty for none). Large streamed bodies are not captured. */
  body: () => Promise<string>;
}

/** Reads a request body as JSON. */
export async function jsonBody<T = any>(req: CapturedRequest): Promise<T> {
  return JSON.parse(await req.body()) as T;
}

/** An OpenStack-style JSON fault body, as Nova and Trove send. */
export function faultResponse(
  status: number,
  kind: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    { [kind]: { code: status, message } },
    { status, headers: { 'x-openstack-request-id': `req-${status}`, ...headers } },
  );
}

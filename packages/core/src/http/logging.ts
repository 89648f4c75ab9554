import { headerValue } from './headers.js';
import type { Middleware } from './pipeline.js';
import { redactHeaders, redactUrl, scrubSecrets, secretValuesOf } from './redact.js';
import type { HttpLogger } from './transport.js';
import { buildQuery } from './url.js';

/**
 * Logs each attempt's request, response or error, redacted: secret headers, URL signatures and
 * every known secret value (the token sent, `secrets` of the request) wherever it appears.
 */
export function loggingMiddleware(log: HttpLogger): Middleware {
  return async (req, next) => {
    const secrets = [...secretValuesOf(req.headers), ...(req.secrets ?? [])];
    const url = scrubSecrets(redactUrl(req.url + buildQuery(req.searchParams)), secrets);
    const base = { method: req.method, url, attempt: req.attempt };
    const started = Date.now();
    log({ type: 'request', ...base, headers: redactHeaders(req.headers ?? {}, secrets) });
    try {
      const res = await next(req);
      log({
        type: 'response',
        ...base,
        status: res.status,
        durationMs: Date.now() - started,
        requestId:
          headerValue(res.headers, 'x-openstack-request-id') ?? headerValue(res.headers, 'x-trans-id'),
        headers: redactHeaders(res.headers, secrets),
      });
      return res;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log({ type: 'error', ...base, error: scrubSecrets(message, secrets) });
      throw error;
    }
  };
}

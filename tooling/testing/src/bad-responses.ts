// One table-driven check that every operation of a service package turns bodies its service never
// sends into InvalidResponseError. Packages list their operations; this file owns the bodies, the
// loop and the "every exported function has a row" check.

import { InvalidResponseError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import type { MockCloud } from './index.js';

/** The request id every poisoned answer carries, so the tests can check errors keep it. */
export const BAD_RESPONSE_REQUEST_ID = 'req-bad-1';

/** One operation that reads a response body. */
export interface BadResponseOperation<C> {
  /** The exported function's name (checked against the package's exports). */
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Absolute URL of the route to poison. */
  url: string;
  /** Wrapper key of the documented body; the wrong-type bodies put bad values under it. */
  key?: string | undefined;
  /** Calls the operation. */
  call(client: C): Promise<unknown>;
  /** Labels of bodies that are documented answers of this operation (say why where it is used). */
  accepts?: readonly string[] | undefined;
  /** Which client to call it with, when the suite's default does not fit. */
  client?: (() => C) | undefined;
}

/** A poisoned answer: a label and a response factory given the operation's wrapper key. */
export type BadResponseBody = readonly [label: string, respond: (key?: string) => Response];

const JSON_HEADERS = {
  'content-type': 'application/json',
  'x-openstack-request-id': BAD_RESPONSE_REQUEST_ID,
};

/** What a wrong-type body holds when the operation has no wrapper key. */
const WRONG_BARE = { id: 42, name: 7, status: [], jobId: 1 };

/**
 * Bodies no documented response looks like: HTML from a proxy, truncated JSON, `null`, `{}`, and
 * wrong types under the wrapper key (a number, and a list of numbers).
 * @example
 * ```ts
 * const bodies = badResponseBodies({ wrong: () => ({ network: 42 }) });
 * ```
 */
export function badResponseBodies(options: { wrong?: (key?: string) => unknown } = {}): BadResponseBody[] {
  const json = (body: string) => new HttpResponse(body, { headers: JSON_HEADERS });
  const wrong: BadResponseBody[] = options.wrong
    ? [['wrong types', (key) => json(JSON.stringify(options.wrong?.(key)))]]
    : [
        ['a number under the key', (key) => json(JSON.stringify(key ? { [key]: 42 } : WRONG_BARE))],
        [
          'a list of numbers under the key',
          (key) => json(JSON.stringify(key ? { [key]: [1, 2] } : WRONG_BARE)),
        ],
      ];
  return [
    [
      'HTML',
      () =>
        new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          headers: { 'content-type': 'text/html', 'x-openstack-request-id': BAD_RESPONSE_REQUEST_ID },
        }),
    ],
    ['truncated JSON', (key) => json(key ? `{"${key}": {"id": "a0a1b2` : '{"id": "a0a1b2')],
    ['null', () => json('null')],
    ['{}', () => json('{}')],
    ...wrong,
  ];
}

/** What {@link describeBadResponses} needs. */
export interface BadResponseSuite<C> {
  cloud: MockCloud;
  /** The client operations are called with. */
  client: () => C;
  operations: readonly BadResponseOperation<C>[];
  /** Replaces the default bodies (see {@link badResponseBodies}). */
  bodies?: readonly BadResponseBody[];
  /**
   * The package's exports and the names that read no body: with both, a last test fails for an
   * exported function found in neither the operations nor this set.
   */
  coverage?: { api: Record<string, unknown>; readsNoBody: ReadonlySet<string> };
  /** Whether the service's answers carry `x-openstack-request-id` (checked on the error). */
  checkRequestId?: boolean;
}

/**
 * Registers one test per operation and poisoned body: each must reject with an
 * InvalidResponseError carrying status 200, a snippet and (unless told otherwise) the request id,
 * never resolve and never throw a raw TypeError or SyntaxError.
 * @example
 * ```ts
 * describeBadResponses('Designate operations', { cloud, client: () => dnsClient(cloud), operations });
 * ```
 */
export function describeBadResponses<C>(title: string, suite: BadResponseSuite<C>): void {
  const bodies = suite.bodies ?? badResponseBodies();
  describe(title, () => {
    for (const op of suite.operations) {
      const poisons = bodies.filter(([label]) => !op.accepts?.includes(label));
      it.each(poisons)(`${op.name}: %s is an InvalidResponseError`, async (_label, respond) => {
        suite.cloud.use(http[op.method](op.url, () => respond(op.key)));
        const client = op.client ? op.client() : suite.client();
        const err = await op.call(client).then(
          (v) => new Error(`resolved with ${JSON.stringify(v)}`),
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(InvalidResponseError);
        const e = err as InvalidResponseError;
        expect(e.code).toBe('INVALID_RESPONSE');
        expect(e.status).toBe(200);
        expect(e.snippet).toBeDefined();
        if (suite.checkRequestId !== false) expect(e.requestId).toBe(BAD_RESPONSE_REQUEST_ID);
      });
    }

    const coverage = suite.coverage;
    if (coverage) {
      it('has a row for every exported function that reads a body', () => {
        const covered = new Set(suite.operations.map((o) => o.name));
        const missing = Object.entries(coverage.api)
          .filter(
            ([name, v]) => typeof v === 'function' && !covered.has(name) && !coverage.readsNoBody.has(name),
          )
          .map(([name]) => name);
        expect(missing).toEqual([]);
      });
    }
  });
}

import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  RateLimitError,
} from '@cloud/core';
import { setupMockCloud } from '@cloud/testing';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { getServer, rebootServer } from '../src/index.js';
import { BASE, computeOf, SERVER_ID } from './fixtures/compute.js';

const cloud = setupMockCloud();
const url = `${BASE}/servers/${SERVER_ID}/action`;

describe('Nova fault bodies', () => {
  it.each([
    ['badRequest', 400, 'Invalid input for field/attribute type.', BadRequestError],
    [
      'forbidden',
      403,
      'Policy does not allow os_compute_api:servers:reboot to be performed.',
      ForbiddenError,
    ],
    ['conflictingRequest', 409, 'Cannot reboot instance while it is in task_state deleting', ConflictError],
    ['overLimit', 413, 'This request was rate-limited.', RateLimitError],
    ['computeFault', 500, 'Unexpected API Error. Please report this.', HttpError],
  ] as const)('%s (%i) becomes the error message', async (kind, status, message, type) => {
    cloud.use(
      http.post(url, () =>
        HttpResponse.json(
          { [kind]: { code: status, message } },
          { status, headers: { 'x-openstack-request-id': `req-${kind}`, 'retry-after': '7' } },
        ),
      ),
    );
    const err = (await rebootServer(computeOf(cloud), SERVER_ID).catch((e: unknown) => e)) as HttpError;
    expect(err).toBeInstanceOf(type);
    expect(err.status).toBe(status);
    expect(err.message).toBe(
      `server "${SERVER_ID}": ${message} (POST ${url} failed with ${status}) [request req-${kind}]`,
    );
    expect(err.requestId).toBe(`req-${kind}`);
    if (err instanceof RateLimitError) expect(err.retryAfterMs).toBe(7000);
  });

  it('itemNotFound becomes NotFoundError naming the server', async () => {
    cloud.use(
      http.get(`${BASE}/servers/${SERVER_ID}`, () =>
        HttpResponse.json(
          { itemNotFound: { code: 404, message: `Instance ${SERVER_ID} could not be found.` } },
          { status: 404 },
        ),
      ),
    );
    const err = (await getServer(computeOf(cloud), SERVER_ID).catch((e: unknown) => e)) as NotFoundError;
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe(
      `server "${SERVER_ID}" was not found (GET ${BASE}/servers/${SERVER_ID} failed with 404)`,
    );
    expect(err.responseBody).toContain('could not be found');
  });

  it('a non-JSON error body is kept short and readable', async () => {
    cloud.use(
      http.post(url, () => new HttpResponse('<html><h1>502 Bad Gateway</h1></html>', { status: 502 })),
    );
    const err = (await rebootServer(computeOf(cloud), SERVER_ID).catch((e: unknown) => e)) as HttpError;
    expect(err.status).toBe(502);
    expect(err.message).toContain('502 Bad Gateway');
  });
});

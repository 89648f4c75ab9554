import { type CapturedRequest, type MockCloud, mockEndpoints } from '@cloud/testing';
import { createDatabaseClient, type DatabaseClient, type DatabaseClientOptions } from '../src/index.js';

/** The database endpoint of the mock catalog in RegionOne. */
export const DB_URL = mockEndpoints('RegionOne').database;

/** Requests the SDK sent to the database endpoint (identity requests left out). */
export const dbRequests = (cloud: MockCloud): CapturedRequest[] =>
  cloud.requests.filter((r) => r.url.href.startsWith(DB_URL));

/** The single request sent to the database endpoint. */
export function onlyRequest(cloud: MockCloud): CapturedRequest {
  const sent = dbRequests(cloud);
  if (sent.length !== 1) throw new Error(`expected one database request, saw ${sent.length}`);
  return sent[0]!;
}

/** Path of a request relative to the database endpoint, still percent-encoded. */
export const relPath = (r: CapturedRequest): string => r.url.pathname.slice(new URL(DB_URL).pathname.length);

/** A database client on a fresh mock session. */
export const dbClient = (cloud: MockCloud, options: DatabaseClientOptions = {}): DatabaseClient =>
  createDatabaseClient(cloud.session(), options);

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the promise to reject');
}

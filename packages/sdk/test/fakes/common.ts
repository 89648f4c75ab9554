/** Small pieces the fakes of this folder share. */
import { randomUUID } from 'node:crypto';
import { HttpResponse } from 'msw';

/** A JSON object as the fakes keep it. */
export type Json = Record<string, any>;

/** A request seen by a fake: `METHOD /path?query` relative to its base URL. */
export const callOf = (base: string, request: Request): string => {
  const url = new URL(request.url);
  const path = url.pathname.slice(new URL(base).pathname.replace(/\/$/, '').length);
  return `${request.method} ${path}${url.search}`;
};

/** 401 without a token, as every OpenStack service answers. */
export const unauthorized = (request: Request): Response | undefined =>
  request.headers.get('x-auth-token')
    ? undefined
    : HttpResponse.json({ error: { code: 401, message: 'no token' } }, { status: 401 });

export const notFound = (what: string) =>
  HttpResponse.json({ itemNotFound: { code: 404, message: `${what} could not be found` } }, { status: 404 });

export const uuid = (): string => randomUUID();

export const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

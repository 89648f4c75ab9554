import type { MicroversionRequestOptions, RequestOptions } from '@cloud/core';
import {
  arrayOf,
  encodeSegment,
  type MicroversionGate,
  object,
  optional,
  type SearchParamValue,
  type ServiceResponse,
  string,
} from '@cloud/core/service';
import type { BlockStorageClient } from '../client.js';

/**
 * A link of a block storage resource (`self`, `bookmark`, `next`).
 * @example const self = volume.links.find((l) => l.rel === 'self')?.href;
 */
export interface BlockStorageLink {
  href: string;
  rel?: string | undefined;
}

/** @internal */
export interface LinkWire {
  href: string;
  rel?: string;
}

/** @internal */
export const LINKS = optional(arrayOf(object<LinkWire>({ href: string, rel: optional(string) })));

/** @internal */
export const parseLinks = (links: LinkWire[] | null | undefined): BlockStorageLink[] =>
  (links ?? []).map((l) => (l.rel === undefined ? { href: l.href } : { href: l.href, rel: l.rel }));

/** @internal */
export const seg = encodeSegment;

/** A timestamp field, or undefined when missing. @internal */
export const dateOf = (v: string | null | undefined): Date | undefined =>
  v ? new Date(/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(v) ? v : `${v}Z`) : undefined;

/** What {@link send} needs besides the path. @internal */
export interface SendOptions {
  gates?: readonly MicroversionGate[] | undefined;
  params?: object | undefined;
  options?: MicroversionRequestOptions | undefined;
  json?: unknown;
  searchParams?: Record<string, SearchParamValue> | undefined;
  resource?: string | undefined;
}

/**
 * Checks the microversion gates, adds the microversion headers, and sends one request.
 * @internal
 */
export async function send<T = unknown>(
  client: BlockStorageClient,
  method: string,
  path: string,
  o: SendOptions = {},
): Promise<ServiceResponse<T>> {
  const req = await prepare(client, o.gates ?? [], o.params, o.options);
  return client.request<T>(method, path, {
    ...req,
    json: o.json,
    searchParams: o.searchParams,
    resource: o.resource,
  });
}

/** Request options of a call, gates checked and microversion headers added. @internal */
export function prepare(
  client: BlockStorageClient,
  gates: readonly MicroversionGate[],
  params: object | undefined,
  options: MicroversionRequestOptions | undefined,
): Promise<RequestOptions> {
  return client.microversions.prepare(client, gates, params, options);
}

/**
 * True when the endpoint speaks the v1 API (Rackspace Cloud Block Storage, old Cinder), which
 * names fields `display_name` / `display_description`.
 * @internal
 */
export async function isV1(client: BlockStorageClient, signal?: AbortSignal): Promise<boolean> {
  return /\/v1(?:\/|$)/.test(new URL(await client.endpoint(signal)).pathname);
}

/** `name` / `description` as the endpoint's API version names them. @internal */
export async function nameFields(
  client: BlockStorageClient,
  name: string | undefined,
  description: string | undefined,
  signal?: AbortSignal,
): Promise<Record<string, string | undefined>> {
  return (await isV1(client, signal))
    ? { display_name: name, display_description: description }
    : { name, description };
}

/** Lower-cased `true`/`false` query value. @internal */
export const bool = (v: boolean | undefined): string | undefined => (v === undefined ? undefined : String(v));

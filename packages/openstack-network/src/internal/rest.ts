import {
  type PagedIterable,
  PreconditionFailedError,
  type RequestOptions,
  ValidationError,
} from '@cloud/core';
import {
  arrayOf,
  encodeSegment,
  invalidResponse,
  object,
  optional,
  paginateByLinks,
  parseResponse,
  type SearchParamValue,
  type ServiceClient,
  type Shape,
  type ShapeFields,
  string,
  unwrap,
} from '@cloud/core/service';
import type { NetworkClient } from '../client.js';
import type { NetworkListParams, NetworkRevisionGuard } from '../common.js';
import { NetworkRevisionConflictError } from '../errors.js';
import { listQuery } from './query.js';

/** How one Neutron resource is addressed and parsed. @internal */
export interface ResourceKind<W, T> {
  /** Wrapper key of one resource: `network`, `security_group_rule`. */
  singular: string;
  /** Wrapper key of a list: `networks`. */
  plural: string;
  /** Collection path below `v2.0`: `networks`, `security-group-rules`. */
  path: string;
  /** Names it in messages: `network`, `security group rule`. */
  label: string;
  /** Shape of a whole resource. */
  shape: Shape<W>;
  /** Shape of a resource read with `fields` (everything optional). */
  partial: Shape<W>;
  parse(wire: W): T;
}

/** Builds a {@link ResourceKind} from its checked fields. @internal */
export function resourceKind<W extends object, T>(
  k: Omit<ResourceKind<W, T>, 'shape' | 'partial'> & { fields: ShapeFields<W> },
): ResourceKind<W, T> {
  const loose = Object.fromEntries(
    Object.entries(k.fields).map(([name, s]) => [name, optional(s as Shape<unknown>)]),
  ) as ShapeFields<W>;
  return { ...k, shape: object<W>(k.fields), partial: object<W>(loose) };
}

const LINKS = optional(arrayOf(object<{ href: string; rel: string }>({ href: string, rel: string })));

/**
 * A client whose every response is checked against `shape` before paging code reads it, so HTML,
 * `null` or a body without its list become `InvalidResponseError` instead of an empty list.
 */
function checkedClient(client: ServiceClient, shape: Shape<unknown>): ServiceClient {
  return {
    ...client,
    request: async <R>(method: string, path: string, req?: Parameters<ServiceClient['request']>[2]) => {
      const res = await client.request<R>(method, path, req);
      parseResponse(res, shape);
      return res;
    },
  };
}

/** `GET /<path>` as a lazy list following `<plural>_links`. @internal */
export function listResources<W, T>(
  client: NetworkClient,
  kind: ResourceKind<W, T>,
  params: NetworkListParams | undefined,
  typed: Record<string, SearchParamValue>,
  options: RequestOptions | undefined,
  path = kind.path,
): PagedIterable<T> {
  const query = listQuery(params, typed);
  const row = params?.fields ? kind.partial : kind.shape;
  const page = object<Record<string, unknown>>({
    [kind.plural]: arrayOf(row),
    [`${kind.plural}_links`]: LINKS,
  });
  return paginateByLinks<W, T>({
    client: checkedClient(client, page),
    path,
    key: kind.plural,
    linksKey: `${kind.plural}_links`,
    query,
    limit: params?.limit,
    marker: params?.marker,
    map: (w) => kind.parse(w),
    options,
  });
}

/** `<path>/<id>` with the id encoded. @internal */
export const itemPath = (kind: { path: string }, id: string): string => `${kind.path}/${encodeSegment(id)}`;

/** `GET /<path>/<id>`. @internal */
export async function getResource<W, T>(
  client: NetworkClient,
  kind: ResourceKind<W, T>,
  id: string,
  options: RequestOptions | undefined,
  fields?: readonly string[],
): Promise<T> {
  const res = await client.request('GET', itemPath(kind, id), {
    ...options,
    searchParams: fields ? listQuery({ fields }) : undefined,
    resource: `${kind.label} "${id}"`,
  });
  return kind.parse(unwrap(res, kind.singular, fields ? kind.partial : kind.shape));
}

/** `POST /<path>` with `{ <singular>: body }`. @internal */
export async function createResource<W, T>(
  client: NetworkClient,
  kind: ResourceKind<W, T>,
  body: Record<string, unknown>,
  options: RequestOptions | undefined,
): Promise<T> {
  const res = await client.request('POST', kind.path, { ...options, json: { [kind.singular]: body } });
  return kind.parse(unwrap(res, kind.singular, kind.shape));
}

/** `POST /<path>` with `{ <plural>: [bodies] }`: all are created, or none. @internal */
export async function createResources<W, T>(
  client: NetworkClient,
  kind: ResourceKind<W, T>,
  bodies: Record<string, unknown>[],
  options: RequestOptions | undefined,
): Promise<T[]> {
  const res = await client.request('POST', kind.path, { ...options, json: { [kind.plural]: bodies } });
  const rows = unwrap(res, kind.plural, arrayOf(kind.shape));
  if (rows.length !== bodies.length) {
    throw invalidResponse(res, `${rows.length} ${kind.plural} came back for ${bodies.length} requested`);
  }
  return rows.map((w) => kind.parse(w));
}

/** Checks an `ifRevision` guard. @internal */
export function requireRevision(guard: NetworkRevisionGuard | undefined): number | undefined {
  const r = guard?.ifRevision;
  if (r === undefined) return undefined;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) {
    throw new ValidationError(`ifRevision must be a non-negative integer, got ${String(r)}`, 'ifRevision');
  }
  return r;
}

/**
 * `PUT /<path>/<id>` with `{ <singular>: body }`, conditional on `revision` when given; a lost
 * race (412) becomes {@link NetworkRevisionConflictError}. @internal
 */
export async function updateResource<W, T>(
  client: NetworkClient,
  kind: ResourceKind<W, T>,
  id: string,
  body: Record<string, unknown>,
  revision: number | undefined,
  options: RequestOptions | undefined,
  path = itemPath(kind, id),
): Promise<T> {
  const headers =
    revision === undefined
      ? options?.headers
      : { ...options?.headers, 'if-match': `revision_number=${revision}` };
  try {
    const res = await client.request('PUT', path, {
      ...options,
      headers,
      json: { [kind.singular]: body },
      resource: `${kind.label} "${id}"`,
    });
    return kind.parse(unwrap(res, kind.singular, kind.shape));
  } catch (error) {
    if (revision !== undefined && error instanceof PreconditionFailedError) {
      throw new NetworkRevisionConflictError(
        `${kind.label} "${id}" is no longer at revision ${revision}; read it again and retry (${error.message})`,
        { ...error, expectedRevision: revision, cause: error },
      );
    }
    throw error;
  }
}

/** `DELETE /<path>/<id>`. @internal */
export async function deleteResource(
  client: NetworkClient,
  kind: { path: string; label: string },
  id: string,
  options: RequestOptions | undefined,
): Promise<void> {
  await client.request('DELETE', itemPath(kind, id), { ...options, resource: `${kind.label} "${id}"` });
}

/** Requires a non-empty array of create bodies. @internal */
export function requireBatch<P>(items: unknown, field: string): P[] {
  if (!Array.isArray(items) || items.length === 0) {
    throw new ValidationError(`${field} must be a non-empty array`, field);
  }
  return items as P[];
}

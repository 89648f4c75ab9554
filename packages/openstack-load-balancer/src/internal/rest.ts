import { type PagedIterable, type RequestOptions, ValidationError } from '@cloud/core';
import {
  arrayOf,
  encodeSegment,
  object,
  optional,
  paginateByLinks,
  parseResponse,
  pollForStatus,
  pollUntilGone,
  type SearchParamValue,
  type ServiceClient,
  type Shape,
  type ShapeFields,
  string,
  unwrap,
} from '@cloud/core/service';
import type { LoadBalancerClient, LoadBalancerServiceRequest } from '../client.js';
import {
  type LoadBalancerDeletionWaiterOptions,
  type LoadBalancerListParams,
  type LoadBalancerRequestOptions,
  PROVISIONING_STATUSES,
  type ProvisioningStatus,
  type ProvisioningWaiterOptions,
  type TypedFilters,
} from './common.js';
import { requireTag } from './validate.js';

/** How one Octavia resource is addressed and parsed. @internal */
export interface ResourceKind<W, T> {
  /** Wrapper key of one object: `loadbalancer`, `rule`. */
  singular: string;
  /** Wrapper key of a list: `loadbalancers`, `rules`. */
  plural: string;
  /** Names it in messages: `load balancer`, `L7 rule`. */
  label: string;
  shape: Shape<W>;
  /** Shape of an object read with `fields` (everything optional). */
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

const RESERVED = ['limit', 'marker', 'fields', 'sort', 'sort_key', 'sort_dir', 'page_reverse'];

function tagFilter(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValidationError(`${field} must be a non-empty array of tags`, field);
  }
  return value.map((t, i) => requireTag(t, `${field}[${i}]`)).join(',');
}

/** The query of an Octavia list: typed filters, free filters, fields, sort, tags. @internal */
export function listQuery(
  params: LoadBalancerListParams | undefined,
  typed: TypedFilters = {},
): Record<string, SearchParamValue> {
  const p = params ?? {};
  const query: Record<string, SearchParamValue> = {};
  for (const [k, v] of Object.entries(typed)) if (v !== undefined) query[k] = v;
  if (p.filters !== undefined) {
    if (typeof p.filters !== 'object' || p.filters === null || Array.isArray(p.filters)) {
      throw new ValidationError('filters must be an object of attribute names to values', 'filters');
    }
    for (const [k, v] of Object.entries(p.filters)) {
      if (!k || RESERVED.includes(k) || k.includes('tags')) {
        throw new ValidationError(
          `filters.${k} is not a filter; use the parameter of that name`,
          `filters.${k}`,
        );
      }
      if (
        !['string', 'number', 'boolean'].includes(typeof v) ||
        (typeof v === 'number' && !Number.isFinite(v))
      ) {
        throw new ValidationError(`filters.${k} must be a string, number or boolean`, `filters.${k}`);
      }
      query[k] = v;
    }
  }
  if (p.fields !== undefined) {
    if (!Array.isArray(p.fields) || p.fields.length === 0) {
      throw new ValidationError('fields must be a non-empty array of attribute names', 'fields');
    }
    p.fields.forEach((f, i) => {
      if (typeof f !== 'string' || !/^[a-z_]+$/i.test(f)) {
        throw new ValidationError(`fields[${i}] must be an attribute name`, `fields[${i}]`);
      }
    });
    query.fields = [...p.fields];
  }
  if (p.sort !== undefined) {
    if (!Array.isArray(p.sort) || p.sort.length === 0) {
      throw new ValidationError('sort must be a non-empty array of { key, dir }', 'sort');
    }
    query.sort = p.sort
      .map((s, i) => {
        if (!s || typeof s.key !== 'string' || !/^[a-z_]+$/i.test(s.key)) {
          throw new ValidationError(`sort[${i}].key must be an attribute name`, `sort[${i}].key`);
        }
        if (s.dir !== undefined && s.dir !== 'asc' && s.dir !== 'desc') {
          throw new ValidationError(
            `sort[${i}].dir must be asc or desc, got ${String(s.dir)}`,
            `sort[${i}].dir`,
          );
        }
        return s.dir ? `${s.key}:${s.dir}` : s.key;
      })
      .join(',');
  }
  const tags: Record<string, string | undefined> = {
    tags: tagFilter(p.tags, 'tags'),
    'tags-any': tagFilter(p.tagsAny, 'tagsAny'),
    'not-tags': tagFilter(p.notTags, 'notTags'),
    'not-tags-any': tagFilter(p.notTagsAny, 'notTagsAny'),
  };
  for (const [k, v] of Object.entries(tags)) if (v !== undefined) query[k] = v;
  return query;
}

const LINKS = optional(arrayOf(object<{ href: string; rel: string }>({ href: string, rel: string })));

/** A client whose every response is checked against `shape` before paging code reads it. */
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

/** `GET <path>` as a lazy list following `<plural>_links`. @internal */
export function listResources<W, T>(
  client: LoadBalancerClient,
  kind: ResourceKind<W, T>,
  path: string,
  params: LoadBalancerListParams | undefined,
  typed: TypedFilters,
  options: RequestOptions | undefined,
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

/** `<collection>/<id>` with the id encoded. @internal */
export const itemPath = (collection: string, id: string): string => `${collection}/${encodeSegment(id)}`;

/** `GET <path>`, unwrapped and parsed. @internal */
export async function getResource<W, T>(
  client: LoadBalancerClient,
  kind: ResourceKind<W, T>,
  path: string,
  what: string,
  options: RequestOptions | undefined,
  fields?: readonly string[],
): Promise<T> {
  const res = await client.request('GET', path, {
    ...options,
    searchParams: fields ? listQuery({ fields }) : undefined,
    resource: what,
  });
  return kind.parse(unwrap(res, kind.singular, fields ? kind.partial : kind.shape));
}

/** `POST`/`PUT <path>` with `{ <singular>: body }`, unwrapped and parsed. @internal */
export async function writeResource<W, T>(
  client: LoadBalancerClient,
  kind: ResourceKind<W, T>,
  method: 'POST' | 'PUT',
  path: string,
  body: Record<string, unknown>,
  options: LoadBalancerRequestOptions | undefined,
  what?: string,
): Promise<T> {
  const req: LoadBalancerServiceRequest = { ...options, json: { [kind.singular]: body }, resource: what };
  const res = await client.request(method, path, req);
  return kind.parse(unwrap(res, kind.singular, kind.shape));
}

/** `DELETE <path>` (202/204). @internal */
export async function deleteResource(
  client: LoadBalancerClient,
  path: string,
  what: string,
  options: LoadBalancerRequestOptions | undefined,
  searchParams?: Record<string, SearchParamValue>,
): Promise<void> {
  const req: LoadBalancerServiceRequest = { ...options, searchParams, resource: what };
  await client.request('DELETE', path, req);
}

/** A `waitFor…Status` on `provisioning_status`; `ERROR` fails by default. @internal */
export function waitForProvisioning<T extends { provisioningStatus: string; operatingStatus: string }>(
  what: string,
  fetch: (signal: AbortSignal | undefined, request: Omit<RequestOptions, 'signal'> | undefined) => Promise<T>,
  status: ProvisioningStatus | readonly ProvisioningStatus[],
  options: ProvisioningWaiterOptions<T>,
): Promise<T> {
  return pollForStatus<T, ProvisioningStatus>({
    ...options,
    status,
    defaultFailOn: ['ERROR'],
    knownStatuses: PROVISIONING_STATUSES,
    resource: what,
    fetch: (signal) => fetch(signal, options.request),
    statusOf: (v) => v.provisioningStatus,
    failureDetail: (v) => `provisioning failed (operating status ${v.operatingStatus})`,
  });
}

/** Polls until an object is gone (404, or `DELETED`); `ERROR` fails. @internal */
export async function waitForGone<T extends { provisioningStatus: string; operatingStatus: string }>(
  what: string,
  fetch: (signal: AbortSignal | undefined, request: Omit<RequestOptions, 'signal'> | undefined) => Promise<T>,
  options: LoadBalancerDeletionWaiterOptions<T>,
): Promise<void> {
  await pollUntilGone<T>({
    ...options,
    description: `${what} to be deleted`,
    fetch: (signal) => fetch(signal, options.request),
    gone: (v) => v.provisioningStatus === 'DELETED',
    failure: (v) =>
      v.provisioningStatus === 'ERROR'
        ? `${what} is ERROR (operating status ${v.operatingStatus}); delete it again`
        : undefined,
  });
}

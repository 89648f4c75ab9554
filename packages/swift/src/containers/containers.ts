import { ConflictError, NotFoundError, type PagedIterable, type RequestOptions } from '@cloud/core';
import { paginate } from '@cloud/core/service';
import type { SwiftClient } from '../client.js';
import { checkConcurrency } from '../client.js';
import {
  encodeHeaderValue,
  metadataToHeaders,
  removalHeaders,
  tempUrlKeySecrets,
} from '../internal/headers.js';
import { listingRows } from '../internal/listing.js';
import { runPool } from '../internal/pool.js';
import { checkContainerName, checkMetadata, checkMetadataKeys } from '../internal/validate.js';
import { NAME_ROW } from '../objects/types.js';
import { objectPath } from '../objects/urls.js';
import { aclHeaders, quotaHeaders, versioningHeaders } from './headers.js';
import {
  CONTAINER_ROW,
  type Container,
  type ContainerAcl,
  type ContainerInfo,
  type ContainerQuota,
  type ContainerVersioning,
  parseContainer,
  parseContainerInfo,
} from './types.js';
import { containerPath } from './urls.js';

/**
 * Parameters of {@link listContainers}.
 * @example for await (const c of listContainers(swift, { prefix: 'logs-', limit: 500 })) console.log(c.name);
 */
export interface ListContainersParams {
  /** Only containers whose names start with this. */
  prefix?: string | undefined;
  /** Start after this name. */
  marker?: string | undefined;
  /** Stop before this name. */
  endMarker?: string | undefined;
  /** Page size (Swift's default and maximum is usually 10 000). */
  limit?: number | undefined;
  /** List in reverse order. */
  reverse?: boolean | undefined;
}

/**
 * Lists containers in the account, lazily, page by page (marker/limit).
 * @example
 * ```ts
 * for await (const c of listContainers(swift, { prefix: 'logs-' })) console.log(c.name, c.bytes);
 * ```
 */
export function listContainers(
  client: SwiftClient,
  params: ListContainersParams = {},
  options?: RequestOptions,
): PagedIterable<Container> {
  return paginate({
    pageSize: params.limit,
    marker: params.marker,
    fetchPage: async ({ marker, limit }) => {
      const res = await client.request('GET', '', {
        ...options,
        searchParams: {
          format: 'json',
          prefix: params.prefix,
          marker,
          end_marker: params.endMarker,
          limit,
          reverse: params.reverse ? 'true' : undefined,
        },
        resource: 'account',
      });
      const rows = listingRows(res, CONTAINER_ROW);
      return { items: rows.map(parseContainer), nextMarker: rows.at(-1)?.name };
    },
  });
}

/**
 * Parameters of {@link createContainer}.
 * @example await createContainer(swift, 'docs', { metadata: { team: 'a' }, quota: { bytes: 10 * 1024 ** 3 } });
 */
export interface CreateContainerParams {
  metadata?: Record<string, string> | undefined;
  /** Access control lists. */
  acl?: ContainerAcl | undefined;
  /** Storage policy name (only honoured when the container is created). */
  storagePolicy?: string | undefined;
  /** Object versioning. */
  versioning?: ContainerVersioning | undefined;
  /** Quotas. */
  quota?: ContainerQuota | undefined;
}

/**
 * Creates a container, or updates the given settings of an existing one (PUT is idempotent).
 * Resolves `true` when the container was created, `false` when it already existed.
 * @example
 * ```ts
 * await createContainer(swift, 'photos', { metadata: { owner: 'ana' }, acl: { read: SWIFT_PUBLIC_READ_ACL } });
 * ```
 */
export async function createContainer(
  client: SwiftClient,
  name: string,
  params: CreateContainerParams = {},
  options?: RequestOptions,
): Promise<boolean> {
  checkContainerName(name);
  if (params.metadata) checkMetadata(params.metadata);
  const headers: Record<string, string> = {
    ...metadataToHeaders('x-container-meta-', params.metadata),
    ...(params.acl ? aclHeaders(params.acl) : {}),
    ...(params.quota ? quotaHeaders(params.quota) : {}),
    ...(params.versioning ? versioningHeaders(params.versioning) : {}),
  };
  if (params.storagePolicy)
    headers['x-storage-policy'] = encodeHeaderValue(params.storagePolicy, 'storagePolicy');
  // Creating a container never needs removal headers.
  for (const k of Object.keys(headers)) if (k.startsWith('x-remove-')) delete headers[k];
  const res = await client.request('PUT', containerPath(name), {
    ...options,
    headers: { ...options?.headers, ...headers },
    resource: `container "${name}"`,
  });
  return res.status === 201;
}

/**
 * Parameters of {@link deleteContainer}.
 * @example await deleteContainer(swift, 'scratch', { force: true, concurrency: 16 });
 */
export interface DeleteContainerParams {
  /** Delete every object first (one DELETE each, `concurrency` at a time). Default false. */
  force?: boolean | undefined;
  /** Objects deleted at once with `force`. Default 8. */
  concurrency?: number | undefined;
}

/**
 * Deletes a container. Without `force`, a container that still holds objects is refused with
 * `ConflictError`; with `force`, its objects are deleted first, `concurrency` at a time (segments
 * of large objects that live in other containers are left alone).
 * @example
 * ```ts
 * await deleteContainer(swift, 'scratch', { force: true, concurrency: 16 });
 * ```
 */
export async function deleteContainer(
  client: SwiftClient,
  name: string,
  params: DeleteContainerParams = {},
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(name);
  const concurrency = checkConcurrency(params.concurrency ?? 8);
  const resource = `container "${name}"`;
  if (!params.force) {
    await client.request('DELETE', containerPath(name), { ...options, resource });
    return;
  }
  // Listings are eventually consistent: an object can still be listed after a delete, or missed
  // right after an upload. Empty, try to delete, and on 409 go again a few times.
  for (let attempt = 1; ; attempt++) {
    await emptyContainer(client, name, concurrency, options);
    try {
      await client.request('DELETE', containerPath(name), { ...options, resource });
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 5) throw error;
    }
  }
}

async function emptyContainer(
  client: SwiftClient,
  name: string,
  concurrency: number,
  options?: RequestOptions,
): Promise<void> {
  const names = (async function* () {
    for await (const page of listContainerObjectNames(client, name, options)) yield* page;
  })();
  await runPool(names, concurrency, async (object) => {
    try {
      await client.request('DELETE', objectPath(name, object), {
        ...options,
        resource: `object "${name}/${object}"`,
      });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  });
}

/** Object names of a container, page by page, without the object listing's parsing. */
function listContainerObjectNames(client: SwiftClient, name: string, options?: RequestOptions) {
  return paginate({
    fetchPage: async ({ marker }) => {
      const res = await client.request('GET', containerPath(name), {
        ...options,
        searchParams: { format: 'json', marker },
        resource: `container "${name}"`,
      });
      const rows = listingRows(res, NAME_ROW).flatMap((r) => (r.name === undefined ? [] : [r.name]));
      return { items: rows, nextMarker: rows.at(-1) };
    },
  }).byPage();
}

/**
 * Reads a container's totals, ACLs, quotas, versioning and metadata (HEAD).
 * @example
 * ```ts
 * const info = await getContainerMetadata(swift, 'photos');
 * console.log(info.objectCount, info.readAcl, info.metadata.owner);
 * ```
 */
export async function getContainerMetadata(
  client: SwiftClient,
  name: string,
  options?: RequestOptions,
): Promise<ContainerInfo> {
  checkContainerName(name);
  const res = await client.request('HEAD', containerPath(name), {
    ...options,
    resource: `container "${name}"`,
  });
  return parseContainerInfo(name, res.headers);
}

/**
 * Adds or updates container metadata keys; other keys are kept (POST `X-Container-Meta-*`).
 * @example
 * ```ts
 * await setContainerMetadata(swift, 'photos', { owner: 'ana', 'retention-days': '30' });
 * ```
 */
export async function setContainerMetadata(
  client: SwiftClient,
  name: string,
  metadata: Record<string, string>,
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(name);
  checkMetadata(metadata);
  await postContainer(
    client,
    name,
    metadataToHeaders('x-container-meta-', metadata),
    options,
    tempUrlKeySecrets(metadata),
  );
}

/**
 * Removes container metadata keys (POST `X-Remove-Container-Meta-*`). Missing keys are ignored.
 * @example
 * ```ts
 * await removeContainerMetadata(swift, 'photos', ['owner']);
 * ```
 */
export async function removeContainerMetadata(
  client: SwiftClient,
  name: string,
  keys: readonly string[],
  options?: RequestOptions,
): Promise<void> {
  checkContainerName(name);
  checkMetadataKeys(keys);
  if (keys.length === 0) return;
  await postContainer(client, name, removalHeaders('x-remove-container-meta-', keys), options);
}

/** @internal POST on a container with the given headers. */
export async function postContainer(
  client: SwiftClient,
  name: string,
  headers: Record<string, string>,
  options?: RequestOptions,
  secrets?: readonly string[],
): Promise<void> {
  await client.request('POST', containerPath(name), {
    ...options,
    headers: { ...options?.headers, ...headers },
    secrets,
    resource: `container "${name}"`,
  });
}

import { type RequestOptions, ValidationError } from '@cloud/core';
import { arrayOf, unwrap } from '@cloud/core/service';
import type { RackspaceLoadBalancersClient } from '../client.js';
import { CLB_DEFAULT_LIMITS, lbResource, requireClbId, requireParams } from '../internal/common.js';
import { type ClbWriteOptions, clbWrite } from '../internal/write.js';
import { type ClbMetadataItem, METADATA_ITEM, parseMetadataItem } from './types.js';

/** Longest metadata key or value, in characters. */
const MAX_TEXT = 256;

/** @internal a key/value map, checked, as the service's `[{key, value}]` list */
export function metadataBody(metadata: unknown, field: string): { key: string; value: string }[] {
  requireParams(metadata, field);
  const entries = Object.entries(metadata as Record<string, unknown>);
  if (entries.length > CLB_DEFAULT_LIMITS.metadataItems)
    throw new ValidationError(`${field} may hold at most ${CLB_DEFAULT_LIMITS.metadataItems} items`, field);
  return entries.map(([key, value]) => {
    if (key.length === 0 || key.length > MAX_TEXT)
      throw new ValidationError(`${field} keys must be 1 to ${MAX_TEXT} characters`, field);
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT)
      throw new ValidationError(
        `${field}.${key} must be a string of 1 to ${MAX_TEXT} characters`,
        `${field}.${key}`,
      );
    return { key, value };
  });
}

/** Where a metadata set lives: a load balancer's, or one of its nodes'. */
interface Owner {
  path: string;
  resource: string;
}

function owner(loadBalancerId: string, nodeId?: string): Owner {
  const id = requireClbId(loadBalancerId, 'loadBalancerId');
  if (nodeId === undefined) return { path: `loadbalancers/${id}/metadata`, resource: lbResource(id) };
  const nid = requireClbId(nodeId, 'nodeId');
  return {
    path: `loadbalancers/${id}/nodes/${nid}/metadata`,
    resource: `node "${nid}" of load balancer "${id}"`,
  };
}

async function readItems(
  client: RackspaceLoadBalancersClient,
  o: Owner,
  options: RequestOptions | undefined,
): Promise<ClbMetadataItem[]> {
  const res = await client.request('GET', o.path, { ...options, resource: o.resource });
  return unwrap(res, 'metadata', arrayOf(METADATA_ITEM)).map(parseMetadataItem);
}

const toRecord = (items: ClbMetadataItem[]): Record<string, string> =>
  Object.fromEntries(items.map((i) => [i.key, i.value]));

const writeOptions = (o: ClbWriteOptions | undefined): RequestOptions | undefined => {
  if (!o) return undefined;
  const { immutableRetry: _retry, ...rest } = o;
  return rest;
};

async function deleteIds(
  client: RackspaceLoadBalancersClient,
  o: Owner,
  ids: string[],
  options: ClbWriteOptions | undefined,
): Promise<void> {
  for (let i = 0; i < ids.length; i += CLB_DEFAULT_LIMITS.batchDelete) {
    const chunk = ids.slice(i, i + CLB_DEFAULT_LIMITS.batchDelete);
    await clbWrite(client, 'DELETE', o.path, { searchParams: { id: chunk }, resource: o.resource }, options);
  }
}

/** Merges `metadata` into the set: changed values are PUT by id, new keys POSTed together. */
async function merge(
  client: RackspaceLoadBalancersClient,
  o: Owner,
  metadata: Record<string, string>,
  current: ClbMetadataItem[],
  options: ClbWriteOptions | undefined,
): Promise<Record<string, string>> {
  const byKey = new Map(current.map((i) => [i.key, i]));
  const added: { key: string; value: string }[] = [];
  for (const { key, value } of metadataBody(metadata, 'metadata')) {
    const item = byKey.get(key);
    if (!item) added.push({ key, value });
    else if (item.value !== value)
      await clbWrite(
        client,
        'PUT',
        `${o.path}/${item.id}`,
        { json: { meta: { value } }, resource: `metadata item "${item.id}" of ${o.resource}` },
        options,
      );
  }
  if (byKey.size + added.length > CLB_DEFAULT_LIMITS.metadataItems)
    throw new ValidationError(
      `the metadata would hold ${byKey.size + added.length} items; the service allows ${CLB_DEFAULT_LIMITS.metadataItems}`,
      'metadata',
    );
  if (added.length > 0)
    await clbWrite(client, 'POST', o.path, { json: { metadata: added }, resource: o.resource }, options);
  return { ...toRecord(current), ...metadata };
}

function requireKeys(keys: unknown): string[] {
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => typeof k !== 'string' || k === ''))
    throw new ValidationError('keys must be a non-empty list of metadata keys', 'keys');
  return keys as string[];
}

/**
 * Reads a load balancer's metadata as a key/value map.
 * @example const meta = await getClbLoadBalancerMetadata(clb, lbId); console.log(meta.owner);
 */
export async function getClbLoadBalancerMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<Record<string, string>> {
  return toRecord(await readItems(client, owner(loadBalancerId), options));
}

/**
 * Reads a load balancer's metadata items with the ids the service gave them.
 * @example for (const m of await listClbLoadBalancerMetadataItems(clb, lbId)) console.log(m.id, m.key, m.value);
 */
export async function listClbLoadBalancerMetadataItems(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  options?: RequestOptions,
): Promise<ClbMetadataItem[]> {
  return readItems(client, owner(loadBalancerId), options);
}

/**
 * Merges keys into a load balancer's metadata (others are kept): changed values are updated by
 * item id, new keys added in one request. Returns the resulting map. At most 25 items.
 * @example await setClbLoadBalancerMetadata(clb, lbId, { owner: 'web-team', env: 'prod' });
 */
export async function setClbLoadBalancerMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  metadata: Record<string, string>,
  options?: ClbWriteOptions,
): Promise<Record<string, string>> {
  const o = owner(loadBalancerId);
  metadataBody(metadata, 'metadata');
  return merge(client, o, metadata, await readItems(client, o, writeOptions(options)), options);
}

/**
 * Replaces a load balancer's whole metadata: keys not given are deleted, the rest set.
 * @example await replaceClbLoadBalancerMetadata(clb, lbId, { env: 'prod' });
 */
export async function replaceClbLoadBalancerMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  metadata: Record<string, string>,
  options?: ClbWriteOptions,
): Promise<Record<string, string>> {
  const o = owner(loadBalancerId);
  metadataBody(metadata, 'metadata');
  const current = await readItems(client, o, writeOptions(options));
  const stale = current.filter((i) => !Object.hasOwn(metadata, i.key));
  await deleteIds(
    client,
    o,
    stale.map((i) => i.id),
    options,
  );
  return merge(
    client,
    o,
    metadata,
    current.filter((i) => Object.hasOwn(metadata, i.key)),
    options,
  );
}

/**
 * Deletes the named keys from a load balancer's metadata (keys that are not set are ignored).
 * @example await deleteClbLoadBalancerMetadata(clb, lbId, ['env']);
 */
export async function deleteClbLoadBalancerMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  keys: string[],
  options?: ClbWriteOptions,
): Promise<void> {
  const o = owner(loadBalancerId);
  const wanted = new Set(requireKeys(keys));
  const items = await readItems(client, o, writeOptions(options));
  await deleteIds(
    client,
    o,
    items.filter((i) => wanted.has(i.key)).map((i) => i.id),
    options,
  );
}

/**
 * Reads a node's metadata as a key/value map.
 * @example const meta = await getClbNodeMetadata(clb, lbId, nodeId);
 */
export async function getClbNodeMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  options?: RequestOptions,
): Promise<Record<string, string>> {
  return toRecord(await readItems(client, owner(loadBalancerId, nodeId), options));
}

/**
 * Reads a node's metadata items with their ids.
 * @example const items = await listClbNodeMetadataItems(clb, lbId, nodeId);
 */
export async function listClbNodeMetadataItems(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  options?: RequestOptions,
): Promise<ClbMetadataItem[]> {
  return readItems(client, owner(loadBalancerId, nodeId), options);
}

/**
 * Merges keys into a node's metadata (others are kept). Returns the resulting map.
 * @example await setClbNodeMetadata(clb, lbId, nodeId, { rack: 'a1' });
 */
export async function setClbNodeMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  metadata: Record<string, string>,
  options?: ClbWriteOptions,
): Promise<Record<string, string>> {
  const o = owner(loadBalancerId, nodeId);
  metadataBody(metadata, 'metadata');
  return merge(client, o, metadata, await readItems(client, o, writeOptions(options)), options);
}

/**
 * Replaces a node's whole metadata: keys not given are deleted, the rest set.
 * @example await replaceClbNodeMetadata(clb, lbId, nodeId, { rack: 'b2' });
 */
export async function replaceClbNodeMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  metadata: Record<string, string>,
  options?: ClbWriteOptions,
): Promise<Record<string, string>> {
  const o = owner(loadBalancerId, nodeId);
  metadataBody(metadata, 'metadata');
  const current = await readItems(client, o, writeOptions(options));
  const stale = current.filter((i) => !Object.hasOwn(metadata, i.key));
  await deleteIds(
    client,
    o,
    stale.map((i) => i.id),
    options,
  );
  return merge(
    client,
    o,
    metadata,
    current.filter((i) => Object.hasOwn(metadata, i.key)),
    options,
  );
}

/**
 * Deletes the named keys from a node's metadata (keys that are not set are ignored).
 * @example await deleteClbNodeMetadata(clb, lbId, nodeId, ['rack']);
 */
export async function deleteClbNodeMetadata(
  client: RackspaceLoadBalancersClient,
  loadBalancerId: string,
  nodeId: string,
  keys: string[],
  options?: ClbWriteOptions,
): Promise<void> {
  const o = owner(loadBalancerId, nodeId);
  const wanted = new Set(requireKeys(keys));
  const items = await readItems(client, o, writeOptions(options));
  await deleteIds(
    client,
    o,
    items.filter((i) => wanted.has(i.key)).map((i) => i.id),
    options,
  );
}
